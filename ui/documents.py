"""Opening a document's preview: the PDF is made, and QtPdf loaded, off the GUI thread."""

import importlib
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop.i18n import translate
from desktop.models import Organization
from desktop.receipts import receipt_pdf, receipt_title
from ui.tasks import Task, run_in_background

Made = tuple[str, bytes]  # the name it is saved under (without .pdf), and the PDF
_VIEWER = "ui.receipt_dialog"  # QtPdf, QtPdfWidgets and QtPrintSupport behind it
_viewer_asked_for = False


def load_viewer_ahead() -> None:
    """Load the viewer and the PDF library on the thread pool, once, when a document is likely
    to be opened next (a purchase was selected): the window starts without them, and opening
    a document does not wait for them. Loading a library holds the GIL, so it is done early."""
    global _viewer_asked_for
    if not _viewer_asked_for:
        _viewer_asked_for = True
        run_in_background(_load_viewer, lambda _: None, lambda _: None)


def _load_viewer() -> None:
    viewer = importlib.import_module(_VIEWER)
    viewer.QPdfDocument()  # made and dropped at once: pdfium initialises its library
    importlib.import_module("desktop.receipt_pdf")


def open_document(
    parent: QWidget,
    make: Callable[[], Made],
    report: Callable[[str], None],
    failed: str,
    title: Callable[[str], str] | None = None,
    object_name: str = "receiptDialog",
) -> Task:
    """Preview what `make` returns; `failed` ("…{error}") words a failure for `report`.

    Importing QtPdf takes some 30 ms: done on the worker too, the window never waits for it.
    """

    def made() -> tuple[Made, str | None]:
        document = make()
        heading = title(document[0]) if title else None  # on the worker: it may read the ledger
        importlib.import_module(_VIEWER)
        return document, heading

    def opened(document_and_title: tuple[Made, str | None]) -> None:
        from ui.receipt_dialog import ReceiptDialog  # loaded already, by made()

        (name, data), heading = document_and_title
        ReceiptDialog(name, data, parent, heading, object_name).open()
        report("")  # "Opening…" is over

    return run_in_background(made, opened, lambda error: report(failed.format(error=error)))


def open_receipt(
    parent: QWidget,
    organization: Organization,
    transaction_id: str,
    locale: str,
    report: Callable[[str], None],
) -> Task:
    """One of the organization's purchases' receipt (or order confirmation), made here,
    offline."""
    return open_document(
        parent,
        lambda: (transaction_id, receipt_pdf(organization, transaction_id, locale)),
        report,
        translate("ReceiptDialog", "The receipt could not be made: {error}"),
        lambda name: translate("ReceiptDialog", "{document} {transaction_id}").format(
            document=receipt_title(organization, name), transaction_id=name
        ),
    )
