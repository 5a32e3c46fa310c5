"""The Settings dialog: language, account service and export folder, kept in QSettings."""

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.config import UserSettings, invalid_service_url, load_user_settings, save_user_settings
from desktop.i18n import LANGUAGES


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        current = load_user_settings()
        self.language = QComboBox(objectName="languageCombo")
        self.language.addItem(self.tr("System default"), None)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        self.service = QLineEdit(current.service_url, objectName="serviceUrlEdit")
        self.service.setPlaceholderText(
            self.tr("https://accounts.example.com (none: work offline)")
        )
        self.folder = QLineEdit(str(current.export_folder), objectName="exportFolderEdit")
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder)
        folder_row.addWidget(browse)
        self.message = QLabel(
            self.tr(
                "Changes to the language and the service apply when Manage Account starts again."
            ),
            objectName="settingsMessageLabel",
            wordWrap=True,
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        form = QFormLayout(self)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("Account &service:"), self.service)
        form.addRow(self.tr("E&xport folder:"), folder_row)
        form.addRow(self.message)
        form.addRow(buttons)
        self.setMinimumWidth(560)

    def chosen(self) -> UserSettings:
        return UserSettings(
            language=self.language.currentData(),
            service_url=self.service.text().strip(),
            export_folder=Path(self.folder.text().strip()),
        )

    def _save(self) -> None:
        chosen = self.chosen()
        problem = invalid_service_url(chosen.service_url)
        if problem is None and not chosen.export_folder.is_dir():
            problem = self.tr("The export folder does not exist.")
        if problem is not None:
            self.message.setText(problem)
            return
        save_user_settings(chosen)
        self.accept()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Export folder"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)
