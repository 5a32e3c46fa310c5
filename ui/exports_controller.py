"""Exports from the File menu: receipts of a date range as PDFs, and every document of a range
in one ZIP; an export of receipts goes on the service's audit trail."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from desktop.account import today_in
from desktop.application import Application
from desktop.config import local_data_folder
from desktop.i18n import translate
from ui.controller import Controller
from ui.history_tab import HistoryTab
from ui.tasks import Task, run_in_background


class ExportsController(Controller):
    def __init__(
        self,
        host: QWidget,
        application: Application,
        say: Callable[[str], None],
        history: HistoryTab,
    ) -> None:
        super().__init__(host, application, say)
        self._history = history
        history.receipts_exported.connect(self._report_receipts_exported)

    def ask_export_receipts(self) -> None:
        from desktop.receipts import date_range_query
        from ui.export_receipts_dialog import ExportReceiptsDialog  # loaded when first opened

        today = today_in(self.timezone)  # the organization's, as the purchases' dates are
        dialog = ExportReceiptsDialog(today.replace(day=1), today, self.host)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            first, last = dialog.dates()
            query = date_range_query(self.organization, first, last)
            self._history.export_receipts_to(dialog.folder(), query)

    def ask_export_docs(self) -> None:
        from ui.export_documents_dialog import ExportDocumentsDialog  # loaded when first opened
        from ui.export_paths import ask_save_path

        dialog = ExportDocumentsDialog(today_in(self.timezone), self.host)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        path = ask_save_path(
            self.host,
            translate("MainWindow", "Export documents"),
            dialog.file_name(),
            translate("MainWindow", "ZIP files (*.zip)"),
        )
        if path:
            self.export_documents_to(path, *dialog.dates())

    def export_documents_to(self, path: Path, first: date, last: date) -> Task[int]:
        """Every document of the range in one ZIP, with a cancellable progress dialog."""
        from desktop.archive import export_documents  # loaded by the first export
        from desktop.invoices import FOLDER as INVOICE_FOLDER
        from desktop.receipts import date_range_query
        from ui.progress import run_with_progress

        query = date_range_query(self.organization, first, last)
        locale = self.locale
        return run_with_progress(
            self.host,
            translate("MainWindow", "Exporting documents…"),
            lambda progress: export_documents(
                query, path, locale, local_data_folder(INVOICE_FOLDER), progress
            ),
            self.say,
            lambda count: translate(
                "MainWindow", "Exported the documents of %Ln order(s) to {path}.", "", count
            ).format(path=path),
        )

    def _report_receipts_exported(self, count: int) -> None:
        if self.app.syncing:
            trail = self.app.audit_trail()
            run_in_background(
                lambda: trail.report_receipts_exported(count),
                lambda _: None,
                lambda _: None,  # logged; the trail is the service's, an offline export loses none
            )
