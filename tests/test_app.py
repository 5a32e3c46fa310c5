"""The entry point: options, clear one-line failures with exit code 2, and the first window."""

import subprocess
import sys

import pytest
from PySide6.QtCore import QProcess, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTabWidget

from desktop import __version__, app
from desktop.app import main
from tests.app_process import FIRST_RUN_SHOWN, launch, stop
from tests.service_helpers import PASSWORD, start_demo_service


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )


@pytest.mark.parametrize(
    "url, message",
    [
        ("sqlite:////nonexistent/dir/x.db", "/nonexistent/dir is not an existing folder"),
        ("sqlite:///{tmp}/a-file/x.db", "a-file is not an existing folder"),
        ("mongodb://localhost/x", "unsupported database URL"),
        ("postgresql://me:s3cret@127.0.0.1:1/x", "cannot open database postgresql://me:***@"),
    ],
)
def test_unusable_database_gives_one_line_and_exit_2(url, message, tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    result = run_cli("--database", url.format(tmp=tmp_path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("manage-account: ")
    assert message in lines[0]
    assert "s3cret" not in result.stderr
    assert "Traceback" not in result.stderr


def test_environment_variable_names_the_database(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "desktop"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"QT_QPA_PLATFORM": "offscreen", "MANAGE_ACCOUNT_DATABASE": "sqlite:////nope/x.db"},
    )
    assert result.returncode == 2
    assert "/nope" in result.stderr


def test_version_and_help(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"manage-account {__version__}"
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for option in ("--database", "--demo", "--version"):
        assert option in out


def sign_in_then(inspect, password: str | None = None) -> dict:
    """Drive the app that main() is about to start: sign in, then inspect and close the window."""
    seen = {}
    earlier = set(QApplication.topLevelWidgets())  # windows other tests left behind

    def new(name: str) -> list:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == name and w not in earlier and w.isVisible()
        ]

    def sign_in() -> None:
        dialogs = new("signInDialog")
        if not dialogs:
            QTimer.singleShot(100, sign_in)
            return
        dialog = dialogs[0]
        seen["prefilled"] = dialog.email.text(), dialog.password.text()
        if password is not None:
            dialog.password.setText(password)
        dialog.button.click()
        QTimer.singleShot(100, wait_for_window)

    def wait_for_window() -> None:
        windows = new("mainWindow")
        if windows and inspect(windows[0], seen):
            windows[0].close()
        else:
            QTimer.singleShot(100, wait_for_window)

    QTimer.singleShot(200, sign_in)
    return seen


def test_demo_signs_in_and_opens_the_main_window(qapp, tmp_path):
    def inspect(window, seen) -> bool:
        tabs = window.findChild(QTabWidget, "mainTabs")
        seen["title"] = window.windowTitle()
        seen["tabs"] = [tabs.tabText(i).replace("&", "") for i in range(tabs.count())]
        return True

    seen = sign_in_then(inspect)
    assert main(["--database", f"sqlite:///{tmp_path / 'demo.db'}", "--demo"]) == 0
    assert seen["prefilled"] == ("admin@example.com", "northwind-demo")
    assert (tmp_path / "demo-service.db").exists()  # the embedded service's own file
    assert seen["title"] == "Manage Account — Northwind Traders"
    assert seen["tabs"] == ["Contract", "Add Seats", "Transaction History"]


def test_first_run_fetches_the_contract_from_the_service(qapp, tmp_path):
    service = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}")

    def inspect(window, seen) -> bool:
        seen["licensed"] = window.findChild(QLabel, "seatsPurchasedLabel").text()
        return seen["licensed"] != "…"

    try:
        seen = sign_in_then(inspect, PASSWORD)
        empty = f"sqlite:///{tmp_path / 'desktop.db'}"
        assert (
            main(["--database", empty, "--service", service.url, "--user", "billing@example.com"])
            == 0
        )
    finally:
        service.stop()
    assert seen["prefilled"] == ("billing@example.com", "")
    assert seen["licensed"] == "50"


def test_a_first_start_with_nothing_set_up_asks_for_the_account_service(tmp_path):
    launched = launch([sys.executable, "-m", "desktop"], tmp_path, ready=FIRST_RUN_SHOWN)
    assert stop(launched) == 0  # closed as a logout would: not an error


@pytest.mark.parametrize(("button", "added"), [("firstRunDemoButton", ["--demo"]),
                                                ("firstRunQuitButton", None)])  # fmt: skip
def test_the_welcome_starts_the_demo_or_quits(qapp, monkeypatch, button, added):
    started = []
    monkeypatch.setattr(
        QProcess, "startDetached", lambda program, arguments: started.append(arguments) or True
    )

    def press() -> None:
        box = QApplication.activeModalWidget()
        assert box is not None and box.objectName() == "firstRunDialog"
        box.findChild(QPushButton, button).click()

    QTimer.singleShot(50, press)
    assert app._welcome() == 0
    if added is None:
        assert started == []
    else:
        assert len(started) == 1 and started[0][-len(added) :] == added
