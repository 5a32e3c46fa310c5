"""The Settings dialog and what the app reads back from QSettings."""

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QMessageBox, QPushButton

from desktop import config
from desktop.connection import ServiceConnection
from desktop.proxy import KEYRING_SERVICE, route_for
from tests.test_session_store import store  # noqa: F401
from ui.settings_dialog import SettingsDialog


@pytest.fixture
def clean_settings(monkeypatch):
    monkeypatch.delenv(config.SERVICE_ENV, raising=False)
    config.settings().clear()
    yield
    config.settings().clear()


def fill(dialog, language: str | None, service: str, folder: str) -> None:
    combo = dialog.findChild(QComboBox, "languageCombo")
    combo.setCurrentIndex(combo.findData(language))
    dialog.findChild(QLineEdit, "serviceUrlEdit").setText(service)
    dialog.findChild(QLineEdit, "exportFolderEdit").setText(folder)


def test_saved_settings_are_what_the_app_reads(qtbot, tmp_path, clean_settings):
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    fill(dialog, "de", " https://accounts.example.com/ ", str(tmp_path))
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert config.language() == "de"
    assert config.service_url(None) == ("https://accounts.example.com/", "settings")
    assert config.service_url("http://127.0.0.1:9") == ("http://127.0.0.1:9", "option")
    assert config.export_folder() == tmp_path
    again = SettingsDialog()
    qtbot.addWidget(again)
    assert again.chosen() == config.load_user_settings()


@pytest.mark.parametrize(
    ("service", "folder", "problem"),
    [
        ("accounts.example.com", None, "needs a web address"),
        ("ftp://accounts.example.com", None, "needs a web address"),
        ("", "missing", "does not exist"),
    ],
)
def test_bad_settings_are_explained_and_not_saved(
    qtbot, tmp_path, clean_settings, service, folder, problem
):
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    fill(dialog, "de", service, str(tmp_path / folder) if folder else str(tmp_path))
    dialog.save_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert problem in dialog.findChild(QLabel, "settingsMessageLabel").text()
    assert config.language() is None


def test_export_folder_defaults_to_documents_and_forgets_a_removed_folder(tmp_path, clean_settings):
    documents = config.export_folder()
    assert documents == Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation))
    gone = tmp_path / "gone"
    gone.mkdir()
    config.remember_export_folder(gone)
    assert config.export_folder() == gone
    gone.rmdir()
    assert config.export_folder() == documents


def test_language_change_offers_a_restart_and_later_keeps_the_window(
    qtbot, tmp_path, clean_settings, sqlite_db
):
    from desktop.demo import seed_demo
    from tests.test_main_window import open_window

    seed_demo()
    window = open_window(qtbot)
    dialog = window.show_settings()
    fill(dialog, None, "", str(tmp_path))  # only the folder: nothing needs a restart
    dialog.save_button.click()
    assert not dialog.restart_needed
    dialog = window.show_settings()
    fill(dialog, "de", "", str(tmp_path))
    dialog.save_button.click()
    assert dialog.restart_needed
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "restartQuestion") is not None)
    question = window.findChild(QMessageBox, "restartQuestion")
    assert question.findChild(QPushButton, "restartNowButton") is not None
    later = next(b for b in question.buttons() if b.objectName() != "restartNowButton")
    later.click()
    assert window.isVisible()


def test_relaunch_command_starts_the_same_app_from_source():
    command = config.relaunch_command()
    assert command[:3] == [sys.executable, "-m", "desktop"]


@pytest.mark.parametrize(
    "connection, said",
    [
        (None, "Now: no account service; purchases wait on this computer."),
        (
            ServiceConnection("http://127.0.0.1:8080", "option"),
            "Now: http://127.0.0.1:8080, given with --service when Manage Account started.",
        ),
        (
            ServiceConnection("https://a.example", "environment"),
            "Now: https://a.example, from the environment variable MANAGE_ACCOUNT_SERVICE.",
        ),
        (
            ServiceConnection("https://b.example", "settings"),
            "Now: https://b.example, from these settings.",
        ),
        (
            ServiceConnection("http://127.0.0.1:41234", "demo"),
            "Now: the demo service inside the app, at http://127.0.0.1:41234.",
        ),
    ],
)
def test_settings_say_which_service_is_in_use_and_why(qtbot, clean_settings, connection, said):
    dialog = SettingsDialog(connection)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "serviceInUseLabel").text() == said


def test_export_receipts_shows_the_whole_folder_and_full_dates(qtbot, clean_settings, tmp_path):
    from datetime import date

    from PySide6.QtWidgets import QDateEdit

    from ui.export_receipts_dialog import ExportReceiptsDialog

    folder = tmp_path / "a rather long folder name" / "for the receipts of 2026"
    folder.mkdir(parents=True)
    config.remember_export_folder(folder)
    dialog = ExportReceiptsDialog(date(2026, 11, 1), date(2026, 11, 27))
    qtbot.addWidget(dialog)
    dialog.show()
    edit = dialog.findChild(QLineEdit, "receiptsFolderEdit")
    assert edit.text() == str(folder) and edit.toolTip() == str(folder)
    assert edit.width() >= edit.fontMetrics().horizontalAdvance(str(folder))
    first = dialog.findChild(QDateEdit, "fromDateEdit")
    assert "2026" in first.text() and first.text().endswith("2026")


def test_a_proxy_with_a_password_is_kept_apart_from_the_settings(
    qtbot,
    tmp_path,
    clean_settings,
    store,  # noqa: F811
):
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    fill(dialog, None, "https://accounts.example.com", str(tmp_path))
    dialog.findChild(QLineEdit, "proxyUrlEdit").setText("http://proxy.corp.example:3128")
    dialog.findChild(QLineEdit, "proxyUserEdit").setText("ops")
    dialog.findChild(QLineEdit, "proxyPasswordEdit").setText("s3cret")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    assert dialog.restart_needed
    assert config.proxy_settings() == ("http://proxy.corp.example:3128", "ops")
    assert store.items == {(KEYRING_SERVICE, "ops@proxy.corp.example:3128"): "s3cret"}
    assert "s3cret" not in str([config.settings().value(k) for k in config.settings().allKeys()])
    route = route_for("https://accounts.example.com", *config.proxy_settings())
    assert route.handler().proxies["https"] == "http://ops:s3cret@proxy.corp.example:3128"


def test_a_proxy_address_without_a_port_is_explained(qtbot, tmp_path, clean_settings):
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    fill(dialog, None, "", str(tmp_path))
    dialog.findChild(QLineEdit, "proxyUrlEdit").setText("proxy.corp.example")
    dialog.save_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "with a port" in dialog.findChild(QLabel, "settingsMessageLabel").text()
    assert config.proxy_settings() == ("", "")


def test_the_update_repository_and_channel_are_kept_and_an_empty_one_removed(
    qtbot, tmp_path, clean_settings, monkeypatch
):
    from desktop import updates

    monkeypatch.delenv(updates.UPDATES_ENV, raising=False)
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    fill(dialog, None, "", str(tmp_path))
    dialog.findChild(QLineEdit, "updateUrlEdit").setText("updates.example.com")
    dialog.save_button.click()
    assert "update repository needs a web address" in dialog.message.text()
    dialog.findChild(QLineEdit, "updateUrlEdit").setText("https://it.example/updates ")
    channel = dialog.findChild(QComboBox, "updateChannelCombo")
    channel.setCurrentIndex(channel.findData(updates.BETA))
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert updates.repository_url("https://announced.example/") == "https://it.example/updates"
    assert updates.chosen_channel() == updates.BETA
    again = SettingsDialog()
    qtbot.addWidget(again)
    again.findChild(QLineEdit, "updateUrlEdit").clear()
    again.save_button.click()
    assert not config.settings().contains(config.UPDATE_URL_KEY)  # removed: IT's shows through
    assert updates.repository_url("https://announced.example/") == "https://announced.example/"


def test_a_machine_wide_repository_is_shown_and_never_copied_into_the_users_settings(
    qtbot, tmp_path, clean_settings
):
    from PySide6.QtCore import QSettings

    native, system = QSettings.Format.NativeFormat, QSettings.Scope.SystemScope
    QSettings.setPath(native, system, str(tmp_path / "system"))  # as IT or the installer sets
    QSettings(system, config.APP_NAME, config.APP_NAME).setValue(
        config.UPDATE_URL_KEY, "https://it.example/updates"
    )
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLineEdit, "updateUrlEdit").text() == "https://it.example/updates"
    fill(dialog, None, "", str(tmp_path))
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    users_own = config.settings()
    users_own.setFallbacksEnabled(False)
    assert not users_own.contains(config.UPDATE_URL_KEY)  # a later change by IT still applies
    QSettings.setPath(native, system, str(tmp_path / "none"))


def test_updates_turned_off_by_policy_are_said_and_not_editable(qtbot, clean_settings, monkeypatch):
    from desktop import updates

    monkeypatch.setenv(updates.UPDATES_ENV, "off")
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert not dialog.findChild(QLineEdit, "updateUrlEdit").isEnabled()
    assert not dialog.findChild(QComboBox, "updateChannelCombo").isEnabled()
    assert "turned off by your organization" in dialog.findChild(QLabel, "updatesOffLabel").text()
