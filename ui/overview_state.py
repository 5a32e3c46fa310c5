"""The account overview as the window knows it: read off the GUI thread, kept once, and
announced to the tabs and features that show or act on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.account import ContractSummary
from desktop.application import AccountOverview, Application
from ui.tasks import OneAtATime

if TYPE_CHECKING:
    from desktop.invoice_summary import OpenInvoices
    from desktop.overview import Overview


class OverviewState(QObject):
    """Subscribe to `changed` and read `overview` (None: no current contract, or not read
    yet) and `open_invoices` when it fires; `refresh()` reads the ledger again."""

    changed = Signal()
    failed = Signal(str)  # why the overview could not be read, for the status bar

    def __init__(self, application: Application) -> None:
        super().__init__()
        self.overview: Overview | None = None
        self.open_invoices: OpenInvoices | None = None
        self.read = False  # whether a read has arrived
        self._reads = OneAtATime(application.read_overview, self._arrived, self._failed)

    @property
    def contract(self) -> ContractSummary | None:
        return self.overview.contract if self.overview is not None else None

    def refresh(self) -> None:
        self._reads.run()

    def _arrived(self, read: AccountOverview) -> None:
        self.overview, self.open_invoices, self.read = read.overview, read.open_invoices, True
        self.changed.emit()

    def _failed(self, error: Exception) -> None:
        self.failed.emit(self.tr("The contract could not be read: {error}").format(error=error))
