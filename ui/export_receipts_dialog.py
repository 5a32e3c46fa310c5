"""Asks for a date range and a folder for exporting receipts in bulk."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QWidget,
)

from desktop.config import export_folder, remember_export_folder
from ui.export_paths import FolderField
from ui.named import named


def full_year_format() -> str:
    """The locale's short date with the year in full: 11/1/2026, 01.11.2026."""
    short = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return short if "yyyy" in short else short.replace("yy", "yyyy")


def ordered_dates(from_edit: QDateEdit, to_edit: QDateEdit) -> tuple[date, date]:
    """The two edits' dates, the earlier first: a user may enter them either way round."""
    first, last = (date(d.year(), d.month(), d.day()) for d in (from_edit.date(), to_edit.date()))
    return (first, last) if first <= last else (last, first)


class ExportReceiptsDialog(QDialog):
    def __init__(self, first: date, last: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportReceiptsDialog")
        self.setWindowTitle(self.tr("Export Receipts"))
        self.from_edit = named(QDateEdit(QDate(first)), "fromDateEdit")
        self.from_edit.setCalendarPopup(True)
        self.to_edit = named(QDateEdit(QDate(last)), "toDateEdit")
        self.to_edit.setCalendarPopup(True)
        for edit in (self.from_edit, self.to_edit):
            edit.setDisplayFormat(full_year_format())
        self.folder_field = FolderField(
            export_folder(), self.tr("Export receipts to folder"), "receiptsFolderEdit"
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export"))
        buttons.accepted.connect(self._remember_folder)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.folder_field.edit.textChanged.connect(
            lambda text: self.ok_button.setEnabled(bool(text.strip()))
        )
        self.ok_button.setEnabled(bool(self.folder_field.edit.text().strip()))
        form = QFormLayout(self)
        form.addRow(self.tr("&From:"), self.from_edit)
        form.addRow(self.tr("&To:"), self.to_edit)
        form.addRow(self.tr("F&older:"), self.folder_field)
        form.addRow(buttons)

    def dates(self) -> tuple[date, date]:
        return ordered_dates(self.from_edit, self.to_edit)

    def folder(self) -> Path:
        return self.folder_field.folder()

    def _remember_folder(self) -> None:
        remember_export_folder(self.folder())
        self.accept()
