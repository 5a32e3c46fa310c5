"""Asks for a date range and a folder for exporting receipts in bulk."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.config import export_folder, remember_export_folder


class ExportReceiptsDialog(QDialog):
    def __init__(self, first: date, last: date, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="exportReceiptsDialog")
        self.setWindowTitle(self.tr("Export Receipts"))
        self.from_edit = QDateEdit(QDate(first), calendarPopup=True, objectName="fromDateEdit")
        self.to_edit = QDateEdit(QDate(last), calendarPopup=True, objectName="toDateEdit")
        self.folder_edit = QLineEdit(str(export_folder()), objectName="receiptsFolderEdit")
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit)
        folder_row.addWidget(browse)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export"))
        buttons.accepted.connect(self._remember_folder)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.folder_edit.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text)))
        self.ok_button.setEnabled(bool(self.folder_edit.text()))
        form = QFormLayout(self)
        form.addRow(self.tr("&From:"), self.from_edit)
        form.addRow(self.tr("&To:"), self.to_edit)
        form.addRow(self.tr("&Folder:"), folder_row)
        form.addRow(buttons)

    def dates(self) -> tuple[date, date]:
        first, last = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        return (first, last) if first <= last else (last, first)

    def folder(self) -> Path:
        return Path(self.folder_edit.text())

    def _remember_folder(self) -> None:
        remember_export_folder(self.folder())
        self.accept()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Export receipts to folder"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)
