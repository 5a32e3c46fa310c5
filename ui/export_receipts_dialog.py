"""Asks for a date range and a folder for exporting receipts in bulk."""

from datetime import date

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


class ExportReceiptsDialog(QDialog):
    def __init__(self, first: date, last: date, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="exportReceiptsDialog")
        self.setWindowTitle("Export Receipts")
        self.from_edit = QDateEdit(QDate(first), calendarPopup=True, objectName="fromDateEdit")
        self.to_edit = QDateEdit(QDate(last), calendarPopup=True, objectName="toDateEdit")
        self.folder_edit = QLineEdit(objectName="receiptsFolderEdit")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit)
        folder_row.addWidget(browse)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.folder_edit.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text)))
        self.ok_button.setEnabled(False)
        form = QFormLayout(self)
        form.addRow("&From:", self.from_edit)
        form.addRow("&To:", self.to_edit)
        form.addRow("&Folder:", folder_row)
        form.addRow(buttons)

    def dates(self) -> tuple[date, date]:
        first, last = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        return (first, last) if first <= last else (last, first)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Export receipts to folder")
        if folder:
            self.folder_edit.setText(folder)
