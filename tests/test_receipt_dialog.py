"""Receipt preview, saving and printing in the window, offline and on a real event loop; an
e-invoice's XML saved alone."""

import io
import threading

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QTableView
from reportlab.pdfgen import canvas

from db.database import close_database, open_database
from desktop.background import Cancelled
from desktop.receipts import receipt_pdf
from service.models import Invoice, service_db
from service.seed import seed_demo
from service.server import MIGRATIONS
from tests.conftest import first_org
from tests.test_main_window import TIMEOUT, child, open_window, window  # noqa: F401
from ui import receipt_dialog
from ui.receipt_dialog import ReceiptDialog, print_pdf
from ui.tasks import wait_for_background_work


def selected_dialog(qtbot, window) -> ReceiptDialog:  # noqa: F811
    view = child(window, QTableView, "transactionHistoryView")
    window.tabs.setCurrentWidget(window.history_tab)
    view.selectRow(2)
    button = child(window, QPushButton, "receiptButton")
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.findChild(ReceiptDialog, "receiptDialog") is not None, timeout=TIMEOUT
    )
    return window.findChild(ReceiptDialog, "receiptDialog")


def test_receipt_button_previews_the_selected_purchase(qtbot, window):  # noqa: F811
    dialog = selected_dialog(qtbot, window)
    row = window.history_tab.model.row_at(2)
    assert row.invoice_status != "paid"  # an order confirmation until the invoice is paid
    assert dialog.windowTitle() == f"Order confirmation {row.transaction_id}"
    assert dialog.document.pageCount() == 1
    assert row.transaction_id in dialog.document.getAllText(0).text()


def test_save_as_pdf_writes_the_receipt(qtbot, window, tmp_path):  # noqa: F811
    dialog = selected_dialog(qtbot, window)
    target = tmp_path / "saved.pdf"
    dialog.save_to(target)
    qtbot.waitUntil(lambda: "Saved to" in dialog.message.text(), timeout=TIMEOUT)
    row = window.history_tab.model.row_at(2)
    text = PdfReader(io.BytesIO(target.read_bytes())).pages[0].extract_text()
    title = "Receipt" if row.invoice_status == "paid" else "Order confirmation"
    assert row.transaction_id in text and title in text


def pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.PrinterResolution)
    printer.setResolution(150)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_printing_to_a_pdf_printer_gives_one_page(qtbot, window, tmp_path):  # noqa: F811
    row_id = window.history_tab.model.row_at(0).transaction_id
    assert (
        print_pdf(receipt_pdf(first_org(), row_id, "en_US"), pdf_printer(tmp_path / "printed.pdf"))
        == 1
    )
    assert len(PdfReader(str(tmp_path / "printed.pdf")).pages) == 1


def test_print_runs_off_the_gui_thread_and_reports(qtbot, window, tmp_path, monkeypatch):  # noqa: F811
    dialog = selected_dialog(qtbot, window)
    threads = []

    def recorded(*args: object) -> int:
        threads.append(threading.current_thread())
        return print_pdf(*args)

    monkeypatch.setattr(receipt_dialog, "print_pdf", recorded)
    dialog.print_to(pdf_printer(tmp_path / "printed.pdf"))
    assert not dialog.print_button.isEnabled()  # one job at a time
    qtbot.waitUntil(lambda: dialog.message.text() == "Sent 1 page to the printer.", timeout=TIMEOUT)
    assert dialog.print_button.isEnabled()
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert len(PdfReader(str(tmp_path / "printed.pdf")).pages) == 1


def test_a_printer_that_cannot_be_opened_is_reported_not_raised(qtbot, window, tmp_path):  # noqa: F811
    dialog = selected_dialog(qtbot, window)
    dialog.print_to(pdf_printer(tmp_path / "no such folder" / "printed.pdf"))
    qtbot.waitUntil(
        lambda: dialog.message.text() == "Not printed: The printer could not be opened.",
        timeout=TIMEOUT,
    )
    assert dialog.print_button.isEnabled()


def two_pages() -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out)
    for number in (1, 2):
        page.drawString(72, 720, f"Page {number}")
        page.showPage()
    page.save()
    return out.getvalue()


def test_cancelled_printing_stops_before_the_next_page(qtbot, tmp_path):
    data = two_pages()
    printer = pdf_printer(tmp_path / "printed.pdf")
    asked = []
    with pytest.raises(Cancelled):
        print_pdf(data, printer, lambda done, total: asked.append((done, total)) or done == 0)
    assert asked == [(0, 2), (1, 2)]


def test_confirmation_offers_the_receipt(qtbot, window):  # noqa: F811
    window.show_add_seats()
    window.add_seats_tab.acknowledge.setChecked(True)
    window.add_seats_tab.purchase_button.click()
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "purchaseConfirmationDialog") is not None,
        timeout=TIMEOUT,
    )
    confirmation = window.findChild(QMessageBox, "purchaseConfirmationDialog")
    confirmation.findChild(QPushButton, "viewReceiptButton").click()
    qtbot.waitUntil(
        lambda: window.findChild(ReceiptDialog, "receiptDialog") is not None, timeout=TIMEOUT
    )
    dialog = window.findChild(ReceiptDialog, "receiptDialog")
    assert "Queued" in dialog.document.getAllText(0).text()


def test_verify_receipt_reports_genuine_and_changed(qtbot, window, tmp_path):  # noqa: F811
    row_id = window.history_tab.model.row_at(0).transaction_id
    good = tmp_path / "good.pdf"
    good.write_bytes(receipt_pdf(first_org(), row_id, "en_US"))
    window.verify_receipt_file(good)
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "verifyReceiptResult") is not None, timeout=TIMEOUT
    )
    result = window.findChild(QMessageBox, "verifyReceiptResult")
    assert result.informativeText().startswith("Genuine")
    result.close()
    result.deleteLater()
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "verifyReceiptResult") is None, timeout=TIMEOUT
    )
    bad = tmp_path / "bad.pdf"
    changed = bytearray(good.read_bytes())
    changed[len(changed) // 2] ^= 0xFF
    bad.write_bytes(bytes(changed))
    window.verify_receipt_file(bad)
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "verifyReceiptResult") is not None, timeout=TIMEOUT
    )
    assert window.findChild(QMessageBox, "verifyReceiptResult").informativeText().startswith("Not")


@pytest.fixture(autouse=True)
def _close_dialogs():
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, ReceiptDialog):
            widget.close()


def test_a_paid_purchase_opens_as_a_receipt_and_the_status_bar_is_cleared(qtbot, window):  # noqa: F811
    tab = window.history_tab
    window.tabs.setCurrentWidget(tab)
    paid = next(
        r for r in range(tab.model.rowCount()) if tab.model.row_at(r).invoice_status == "paid"
    )
    tab.view.selectRow(paid)
    window.say("Opening…")
    tab.show_selected_receipt()
    qtbot.waitUntil(
        lambda: window.findChild(ReceiptDialog, "receiptDialog") is not None, timeout=TIMEOUT
    )
    dialog = window.findChild(ReceiptDialog, "receiptDialog")
    assert dialog.windowTitle() == f"Receipt {tab.model.row_at(paid).transaction_id}"
    assert window.statusBar().currentMessage() == ""


@pytest.fixture
def einvoice(tmp_path) -> tuple[str, bytes]:
    """The number and PDF of a vendor's invoice, as the service makes it: a Factur-X e-invoice."""
    from service.invoice_pdf import render_invoice

    open_database(f"sqlite:///{tmp_path / 'service.db'}", service_db, MIGRATIONS)
    try:
        seed_demo()
        invoice = Invoice.select().order_by(Invoice.id.desc()).first()
        return invoice.number, render_invoice(invoice)
    finally:
        close_database(service_db)


def test_an_e_invoice_offers_its_xml_alone_found_off_the_gui_thread(
    qtbot, einvoice, tmp_path, monkeypatch
):
    import facturx

    number, data = einvoice
    threads, found = [], receipt_dialog.einvoice_xml

    def recorded(pdf: bytes) -> bytes | None:
        threads.append(threading.current_thread())
        return found(pdf)

    monkeypatch.setattr(receipt_dialog, "einvoice_xml", recorded)
    dialog = ReceiptDialog(number, data, None, f"Invoice {number}", "invoiceDialog")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.xml_button.isVisible, timeout=TIMEOUT)
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    target = tmp_path / f"{number}.xml"
    asked = []
    monkeypatch.setattr(
        receipt_dialog, "ask_save_path", lambda *args: asked.append(args[1:]) or target
    )
    qtbot.mouseClick(dialog.xml_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() == f"Saved to {target}.", timeout=TIMEOUT)
    assert asked == [("Save e-invoice XML", f"{number}.xml", "XML files (*.xml)")]
    xml = target.read_bytes()
    assert xml == PdfReader(io.BytesIO(data)).attachments["factur-x.xml"][0]  # as embedded
    assert facturx.xml_check_xsd(xml, flavor="factur-x", level="en16931")
    assert f"<ram:ID>{number}</ram:ID>".encode() in xml
    dialog.save_to(tmp_path / "invoice.pdf")
    qtbot.waitUntil(lambda: "invoice.pdf" in dialog.message.text(), timeout=TIMEOUT)
    assert (tmp_path / "invoice.pdf").read_bytes() == data  # the PDF as it came


def test_a_receipt_offers_no_xml(qtbot, window):  # noqa: F811
    dialog = selected_dialog(qtbot, window)
    wait_for_background_work()
    QApplication.processEvents()
    assert dialog.xml_button.isHidden()
    assert receipt_dialog.einvoice_xml(dialog._data) is None
