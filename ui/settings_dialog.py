"""The Settings dialog: language, account service and export folder, kept in QSettings."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop import updates
from desktop.config import (
    SERVICE_ENV,
    SERVICE_FROM_ENVIRONMENT,
    SERVICE_FROM_OPTION,
    SERVICE_FROM_SETTINGS,
    UserSettings,
    invalid_service_url,
    invalid_web_address,
    load_user_settings,
    save_user_settings,
)
from desktop.connection import DEMO, ServiceConnection
from desktop.i18n import LANGUAGES, translate
from desktop.proxy import invalid_proxy_url, keep_proxy_password
from ui.export_paths import FolderField
from ui.named import named
from ui.tasks import run_in_background


def service_in_use(connection: ServiceConnection | None) -> str:
    """Which service the running app talks to, and where that came from."""
    if connection is None:
        return translate(
            "SettingsDialog", "Now: no account service; purchases wait on this computer."
        )
    return {
        SERVICE_FROM_OPTION: translate(
            "SettingsDialog", "Now: {url}, given with --service when Manage Account started."
        ),
        SERVICE_FROM_ENVIRONMENT: translate(
            "SettingsDialog", "Now: {url}, from the environment variable {variable}."
        ),
        SERVICE_FROM_SETTINGS: translate("SettingsDialog", "Now: {url}, from these settings."),
        DEMO: translate("SettingsDialog", "Now: the demo service inside the app, at {url}."),
    }[connection.origin].format(url=connection.url, variable=SERVICE_ENV)


class SettingsDialog(QDialog):
    def __init__(
        self, connection: ServiceConnection | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        current = self._started_with = load_user_settings()
        self.restart_needed = False
        self.language = named(QComboBox(), "languageCombo")
        self.language.addItem(self.tr("System default"), None)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        self.service = named(QLineEdit(current.service_url), "serviceUrlEdit")
        self.service.setPlaceholderText(
            self.tr("https://accounts.example.com (none: work offline)")
        )
        self.in_use = named(QLabel(service_in_use(connection)), "serviceInUseLabel")
        self.in_use.setWordWrap(True)
        self.in_use.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.proxy = named(QLineEdit(current.proxy_url), "proxyUrlEdit")
        self.proxy.setPlaceholderText(self.tr("None set here: the system's proxy settings"))
        self.proxy_user = named(QLineEdit(current.proxy_user), "proxyUserEdit")
        self.proxy_password = named(QLineEdit(), "proxyPasswordEdit")
        self.proxy_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.proxy_password.setPlaceholderText(
            self.tr("Unchanged (kept in the system's credential store)")
        )
        self.update_url = named(QLineEdit(current.update_url), "updateUrlEdit")
        self.update_url.setPlaceholderText(
            self.tr("None set here: the one the account service announces")
        )
        self.update_channel = named(QComboBox(), "updateChannelCombo")
        self.update_channel.addItem(self.tr("Stable"), updates.STABLE)
        self.update_channel.addItem(self.tr("Beta (test new versions early)"), updates.BETA)
        self.update_channel.setCurrentIndex(
            max(0, self.update_channel.findData(current.update_channel))
        )
        self.updates_off = named(QLabel(), "updatesOffLabel")
        self.updates_off.setWordWrap(True)
        self.updates_off.hide()
        if updates.turned_off_by_policy():
            self.updates_off.setText(updates.policy_text())
            self.updates_off.show()
            self.update_url.setEnabled(False)
            self.update_channel.setEnabled(False)
        self.folder = FolderField(
            current.export_folder, self.tr("Export folder"), "exportFolderEdit"
        )
        self.message = named(
            QLabel(
                self.tr(
                    "Changes to the language, the service and the proxy apply when Manage Account "
                    "starts again."
                )
            ),
            "settingsMessageLabel",
        )
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        form = QFormLayout(self)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("Account &service:"), self.service)
        form.addRow("", self.in_use)
        form.addRow(self.tr("&Proxy:"), self.proxy)
        form.addRow(self.tr("Proxy &user:"), self.proxy_user)
        form.addRow(self.tr("Proxy pass&word:"), self.proxy_password)
        form.addRow(self.tr("Update &repository:"), self.update_url)
        form.addRow(self.tr("Update c&hannel:"), self.update_channel)
        form.addRow("", self.updates_off)
        form.addRow(self.tr("E&xport folder:"), self.folder)
        form.addRow(self.message)
        form.addRow(buttons)
        self.setMinimumWidth(560)

    def chosen(self) -> UserSettings:
        return UserSettings(
            language=self.language.currentData(),
            service_url=self.service.text().strip(),
            export_folder=self.folder.folder(),
            proxy_url=self.proxy.text().strip(),
            proxy_user=self.proxy_user.text().strip(),
            update_url=self.update_url.text().strip(),
            update_channel=self.update_channel.currentData(),
        )

    def _save(self) -> None:
        chosen = self.chosen()
        problem = (
            invalid_service_url(chosen.service_url)
            or invalid_proxy_url(chosen.proxy_url)
            or invalid_web_address(
                chosen.update_url,
                self.tr("The update repository needs a web address such as https://host/path."),
            )
        )
        if problem is None and not chosen.export_folder.is_dir():
            problem = self.tr("The export folder does not exist.")
        if problem is not None:
            self.message.setText(problem)
            return
        started = self._started_with
        self.restart_needed = _applies_at_start(chosen) != _applies_at_start(started)
        password = self.proxy_password.text()
        if not (password and chosen.proxy_url and chosen.proxy_user):
            self._saved(chosen)
            return
        self.save_button.setEnabled(False)  # the credential store may take a moment
        run_in_background(
            lambda: keep_proxy_password(chosen.proxy_url, chosen.proxy_user, password),
            lambda _: self._saved(chosen),
            self._not_kept,
        )

    def _saved(self, chosen: UserSettings) -> None:
        save_user_settings(chosen)
        self.accept()

    def _not_kept(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.message.setText(
            self.tr("The proxy password could not be kept: {error}").format(error=error)
        )


def _applies_at_start(chosen: UserSettings) -> tuple:
    """What takes effect when Manage Account starts again."""
    return chosen.language, chosen.service_url, chosen.proxy_url, chosen.proxy_user
