"""Documents from the window: invoices (kept here, or downloaded once), receipts, renewal
documents, and checking that a receipt file is one this computer issued."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.config import export_folder, local_data_folder
from desktop.i18n import translate
from ui.controller import Controller
from ui.tasks import Task, run_in_background

if TYPE_CHECKING:
    from desktop.receipts import Verification


class DocumentsController(Controller):
    def show_invoice(self, transaction_id: str) -> Task:
        """A purchase's or renewal's invoice: the copy kept here, or downloaded once off the GUI
        thread."""
        from desktop.invoices import FOLDER as INVOICE_FOLDER
        from desktop.invoices import invoice_document
        from ui.documents import open_document  # the viewer: loaded when first opened

        client = self.app.client() if self.app.syncing else None
        organization = self.organization
        self.say(translate("MainWindow", "Opening the invoice…"))
        return open_document(
            self.host,
            lambda: invoice_document(
                client, organization, transaction_id, local_data_folder(INVOICE_FOLDER)
            ),
            self.say,
            translate("MainWindow", "The invoice could not be opened: {error}"),
            lambda number: translate("MainWindow", "Invoice {number}").format(number=number),
            "invoiceDialog",
        )

    def show_receipt(self, transaction_id: str) -> Task:
        from ui.documents import open_receipt

        return open_receipt(self.host, self.organization, transaction_id, self.locale, self.say)

    def show_renewal_document(self, transaction_id: str) -> Task:
        """The renewal's confirmation or receipt, made off the GUI thread, to save or print."""
        from desktop.receipts import renewal_pdf
        from ui.documents import open_document

        organization, locale = self.organization, self.locale
        return open_document(
            self.host,
            lambda: (transaction_id, renewal_pdf(organization, transaction_id, locale)),
            self.say,
            translate("MainWindow", "The renewal's document could not be made: {error}"),
            lambda name: translate("MainWindow", "Renewal {transaction_id}").format(
                transaction_id=name
            ),
            "renewalDocumentDialog",
        )

    def ask_verify_receipt(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.host,
            translate("MainWindow", "Verify receipt"),
            str(export_folder()),
            translate("MainWindow", "PDF files (*.pdf)"),
        )
        if path:
            self.verify_receipt_file(Path(path))

    def verify_receipt_file(self, path: Path) -> Task[Verification]:
        from desktop.receipts import verify_receipt

        organization, locale = self.organization, self.locale
        return run_in_background(
            lambda: verify_receipt(organization, path.read_bytes(), locale),
            lambda verdict: self._show_verdict(path, verdict),
            lambda error: self.say(
                translate("MainWindow", "{file} could not be read: {error}").format(
                    file=path.name, error=error
                )
            ),
        )

    def _show_verdict(self, path: Path, verdict: Verification) -> None:
        icon = QMessageBox.Icon.Information if verdict.genuine else QMessageBox.Icon.Warning
        box = QMessageBox(
            icon,
            translate("MainWindow", "Verify Receipt"),
            path.name,
            QMessageBox.StandardButton.Ok,
            self.host,
        )
        box.setObjectName("verifyReceiptResult")
        box.setInformativeText(verdict.message)
        box.open()
