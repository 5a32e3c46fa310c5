"""A document's preview, with Save as PDF and Print, and Save XML for an e-invoice; all work
without any network."""

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.background import Cancelled
from desktop.files import write_atomically
from desktop.i18n import translate
from desktop.invoices import einvoice_xml
from ui.export_paths import ask_save_path
from ui.focus_order import chain_buttons
from ui.named import named
from ui.progress import ProgressCallback, run_with_progress
from ui.screen_fit import fit_to_screen
from ui.tasks import Task, run_in_background

PRINT_DPI = 300  # pages are drawn as images; 300 dpi is sharp and keeps them small
# Qt holds Python's GIL while it renders a page and compresses it into the print job (some
# 190 ms a page): done in bands of this many rows, the window never waits long for it.
PRINT_BAND = 256


def load_pdf(data: bytes, parent: QWidget | None = None) -> QPdfDocument:
    """A QtPdf document over bytes in memory (the buffer lives as long as the document)."""
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(data))
    buffer.open(QBuffer.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document


def print_pdf(data: bytes, printer: QPrinter, progress: ProgressCallback | None = None) -> int:
    """Draw every page at the printer's resolution; returns the number of pages printed.

    Meant for a worker thread (QPainter may paint on a QPrinter there): the document is this
    call's own. `progress(done, total)` returning False stops the job before the next page.
    """
    document = load_pdf(data)
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(translate("ReceiptDialog", "The printer could not be opened."))
    try:
        area = printer.pageRect(QPrinter.Unit.DevicePixel)  # QRectF
        for page in range(pages):
            if progress and progress(page, pages) is False:
                printer.abort()
                raise Cancelled(translate("ReceiptDialog", "Nothing more was printed."))
            if page:
                printer.newPage()
            scaled = document.pagePointSize(page).scaled(
                area.size(), Qt.AspectRatioMode.KeepAspectRatio
            )
            width, height = int(scaled.width()), int(scaled.height())
            for top in range(0, height, PRINT_BAND):
                band = QRect(0, top, width, min(PRINT_BAND, height - top))
                options = QPdfDocumentRenderOptions()
                options.setScaledSize(QSize(width, height))
                options.setScaledClipRect(band)
                painter.drawImage(QPointF(0, top), document.render(page, band.size(), options))
    finally:
        painter.end()
    return pages


class ReceiptDialog(QDialog):
    """Shows one purchase receipt (or invoice); the PDF bytes are made before the dialog opens.
    An e-invoice (Factur-X) also offers its XML alone, once found in the PDF off the GUI
    thread."""

    def __init__(
        self,
        transaction_id: str,
        data: bytes,
        parent: QWidget | None = None,
        title: str | None = None,
        object_name: str = "receiptDialog",
    ) -> None:
        """`title` and `object_name` name another document shown the same way (an invoice);
        it is saved under the name `transaction_id`.pdf."""
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(
            title or self.tr("Receipt {transaction_id}").format(transaction_id=transaction_id)
        )
        fit_to_screen(self, 720, 900)
        self._transaction_id = transaction_id
        self._data = data
        self.document = load_pdf(data, self)
        self.preview = named(QPdfView(self), "receiptPreview")
        self.preview.setDocument(self.document)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.message = named(QLabel(), "receiptMessageLabel")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = named(QPushButton(self.tr("&Save as PDF…")), "saveReceiptButton")
        self.print_button = named(QPushButton(self.tr("&Print…")), "printReceiptButton")
        self.xml_button = QPushButton(self.tr("Save &XML…"))
        self.xml_button.setObjectName("saveXmlButton")
        self.xml_button.setToolTip(
            self.tr("Save the e-invoice's data (EN 16931, Factur-X) as an XML file to import.")
        )
        self.xml_button.hide()  # added to the buttons once the PDF is found to carry an e-invoice
        self._xml: bytes | None = None
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self._ask_save_path)
        self.print_button.clicked.connect(self._print)
        self.xml_button.clicked.connect(self._ask_xml_path)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._buttons = buttons
        chain_buttons(self.preview, buttons)  # Tab: the preview, then the buttons as seen
        # A PDF the e-invoice library cannot read is still shown, saved and printed.
        run_in_background(lambda: einvoice_xml(data), self._found_xml, lambda _: None)

    def _found_xml(self, xml: bytes | None) -> None:
        """Offer the e-invoice's XML, if the PDF carries one."""
        self._xml = xml
        if xml is not None:
            self._buttons.addButton(self.xml_button, QDialogButtonBox.ButtonRole.ActionRole)
            chain_buttons(self.preview, self._buttons)

    def save_to(self, path: Path, data: bytes | None = None) -> Task:
        """Write the PDF (or `data`, the e-invoice's XML) to `path` on the thread pool."""
        data = self._data if data is None else data
        return run_in_background(
            lambda: write_atomically(path, data),
            lambda _: self.message.setText(self.tr("Saved to {path}.").format(path=path)),
            lambda error: self.message.setText(self.tr("Not saved: {error}").format(error=error)),
        )

    def save_xml_to(self, path: Path) -> Task:
        assert self._xml is not None, "offered only for an e-invoice"
        return self.save_to(path, self._xml)

    def _ask_xml_path(self) -> None:
        path = ask_save_path(
            self,
            self.tr("Save e-invoice XML"),
            f"{self._transaction_id}.xml",
            self.tr("XML files (*.xml)"),
        )
        if path:
            self.save_xml_to(path)

    def _ask_save_path(self) -> None:
        path = ask_save_path(
            self,
            self.tr("Save receipt"),
            f"{self._transaction_id}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            self.save_to(path)

    def _print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.PrinterResolution)
        printer.setResolution(PRINT_DPI)
        printer.setDocName(self.windowTitle())
        dialog = named(QPrintDialog(printer, self), "printDialog")
        dialog.accepted.connect(lambda: self.print_to(printer))
        QDialog.open(dialog)  # window-modal, no nested loop (PySide6 hides the bare overload)

    def print_to(self, printer: QPrinter) -> Task:
        """Render and send the pages on the thread pool, with progress and Cancel."""
        data = self._data
        self.print_button.setEnabled(False)
        return run_with_progress(
            self,
            self.tr("Printing…"),
            lambda progress: print_pdf(data, printer, progress),
            self._printed,
            lambda pages: self.tr("Sent %n page(s) to the printer.", "", pages),
            failed=self.tr("Not printed: {error}"),
            cancelled=self.tr("Printing cancelled. {reason}"),
        )

    def _printed(self, outcome: str) -> None:
        """However the job ended: say how, and let the next one start."""
        self.print_button.setEnabled(True)
        self.message.setText(outcome)
