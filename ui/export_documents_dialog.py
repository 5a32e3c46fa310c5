"""File > Export Documents: a date range or a fiscal year, for one ZIP of every document."""

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QWidget,
)

from ui.export_receipts_dialog import full_year_format, ordered_dates
from ui.named import named

YEARS_OFFERED = 5


class ExportDocumentsDialog(QDialog):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDocumentsDialog")
        self.setWindowTitle(self.tr("Export Documents"))
        self.year = named(QComboBox(), "fiscalYearCombo")
        self.year.addItem(self.tr("Dates below"), None)
        for year in range(today.year, today.year - YEARS_OFFERED, -1):
            self.year.addItem(str(year), year)
        self.from_edit = named(QDateEdit(QDate(today.replace(month=1, day=1))), "fromDateEdit")
        self.from_edit.setCalendarPopup(True)
        self.to_edit = named(QDateEdit(QDate(today)), "toDateEdit")
        self.to_edit.setCalendarPopup(True)
        for edit in (self.from_edit, self.to_edit):
            edit.setDisplayFormat(full_year_format())
        self.year.currentIndexChanged.connect(self._fill_year)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Fiscal &year:"), self.year)
        form.addRow(self.tr("&From:"), self.from_edit)
        form.addRow(self.tr("&To:"), self.to_edit)
        form.addRow(buttons)

    def _fill_year(self) -> None:
        """A fiscal year here is the calendar year; another one is chosen by its dates."""
        year = self.year.currentData()
        if year is not None:
            self.from_edit.setDate(QDate(year, 1, 1))
            self.to_edit.setDate(QDate(year, 12, 31))

    def dates(self) -> tuple[date, date]:
        return ordered_dates(self.from_edit, self.to_edit)

    def file_name(self) -> str:
        year = self.year.currentData()
        first, last = self.dates()
        return f"documents-{year}.zip" if year else f"documents-{first}-{last}.zip"
