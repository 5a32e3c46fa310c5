"""Invoices on the desktop: their statuses brought from the service, the history's invoice
column and filter, the overdue notice, and Open Invoice: downloaded once over real HTTP, kept as
it came (an e-invoice, its XML inside), checked by its SHA-256, and opened offline afterwards."""

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtWidgets import QDialog, QLabel

from desktop.access import acting_administrator
from desktop.application import Application
from desktop.demo import seed_demo
from desktop.history import HistoryQuery, fetch_page
from desktop.invoices import InvoiceUnavailable, einvoice_xml, invoice_document
from desktop.models import SeatPurchase
from desktop.service_client import ServiceClient
from desktop.session import sign_in
from desktop.sync import Credentials, SyncEngine
from service import demo_data
from tests.conftest import NORTHWIND, first_org
from tests.service_helpers import PASSWORD, start_demo_service
from tests.test_main_window import TIMEOUT, child, open_window
from ui.main_window import MainWindow
from ui.tasks import wait_for_background_work

pytestmark = pytest.mark.dates


@pytest.fixture
def service(tmp_path):
    running = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}")
    yield running
    running.stop()


def test_the_sync_brings_every_invoice_status(service, sqlite_db):
    seed_demo()
    expected = {
        i.transaction_id: i.status
        for i in demo_data.demo_invoices(demo_data.NORTHWIND, demo_data.NORTHWIND.today())
    }
    SeatPurchase.update(invoice_status=None, invoice_due_date=None).execute()
    engine = SyncEngine(ServiceClient(service.url), Credentials("billing@example.com", PASSWORD))
    report = engine.run_once()
    assert report.online and report.changed
    found = {p.transaction_id: p.invoice_status for p in SeatPurchase.select()}
    assert found == expected
    assert set(found.values()) == {"paid", "void", "open"}  # stored; overdue is worked out


def test_the_history_filters_and_shows_invoice_statuses(sqlite_db):
    seed_demo()
    overdue = fetch_page(HistoryQuery(NORTHWIND, invoice="overdue"), 50)
    assert len(overdue) == 1 and overdue[0].invoice_status == "overdue"
    assert overdue[0].invoice_due_date < demo_data.NORTHWIND.today()
    paid = fetch_page(HistoryQuery(NORTHWIND, invoice="paid"), 50)
    assert paid and {row.invoice_status for row in paid} == {"paid"}
    still_open = fetch_page(HistoryQuery(NORTHWIND, invoice="open"), 50)
    assert len(still_open) == demo_data.NORTHWIND_PURCHASES[0]  # the newest: not due yet
    assert all(row.invoice_due_date >= demo_data.NORTHWIND.today() for row in still_open)


def test_the_overview_names_the_overdue_invoice(qtbot, sqlite_db):
    seed_demo()
    window = open_window(qtbot)
    notice = child(window, QLabel, "overdueNoticeLabel")
    qtbot.waitUntil(notice.isVisible, timeout=TIMEOUT)
    (row,) = fetch_page(HistoryQuery(NORTHWIND, invoice="overdue"), 5)
    assert "1 invoice is overdue" in notice.text() and row.invoice_number in notice.text()


def test_open_invoice_downloads_once_and_then_works_offline(qtbot, service, sqlite_db, tmp_path):
    seed_demo()
    session = sign_in(service.url, "admin@example.com", demo_data.PASSWORD)
    window = MainWindow(Application(acting_administrator("admin@example.com"), "en_US", session))
    qtbot.addWidget(window)
    window.show()
    (row,) = fetch_page(HistoryQuery(NORTHWIND, invoice="overdue"), 5)
    window.show_invoice(row.transaction_id)
    qtbot.waitUntil(
        lambda: window.findChild(QDialog, "invoiceDialog") is not None, timeout=3 * TIMEOUT
    )
    dialog = window.findChild(QDialog, "invoiceDialog")
    assert dialog.windowTitle() == f"Invoice {row.invoice_number}"
    assert dialog.document.pageCount() == 1
    kept = SeatPurchase.get(SeatPurchase.transaction_id == row.transaction_id)
    assert kept.invoice_pdf_sha256 == hashlib.sha256(dialog._data).hexdigest()
    qtbot.waitUntil(dialog.xml_button.isVisible, timeout=TIMEOUT)  # an e-invoice: Save XML…
    dialog.close()
    wait_for_background_work()
    folder = tmp_path / "kept"
    folder.mkdir()
    client = ServiceClient(service.url)
    client.token = session.token
    number, data = invoice_document(client, first_org(), row.transaction_id, folder)
    assert number == row.invoice_number
    assert (folder / str(NORTHWIND) / f"{number}.pdf").read_bytes() == data  # the org's own
    xml = einvoice_xml(data)  # kept as it came: the e-invoice inside too
    assert xml is not None and f"<ram:ID>{number}</ram:ID>".encode() in xml
    assert invoice_document(None, first_org(), row.transaction_id, folder) == (
        number,
        data,
    )  # offline
    kept = folder / str(NORTHWIND) / f"{number}.pdf"
    kept.replace(folder / f"{number}.pdf")  # where a version before organizations kept it
    assert invoice_document(None, first_org(), row.transaction_id, folder)[1] == data
    assert kept.read_bytes() == data and not (folder / f"{number}.pdf").exists()  # moved in
    kept.write_bytes(data[:-10])  # damaged on disk
    with pytest.raises(InvoiceUnavailable, match="not been downloaded"):
        invoice_document(None, first_org(), row.transaction_id, folder)
    assert (
        invoice_document(client, first_org(), row.transaction_id, folder)[1] == data
    )  # fetched again


class Tampered(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"%PDF-1.4 not the invoice"
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        self.send_header("X-Content-SHA256", hashlib.sha256(b"the invoice").hexdigest())
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_a_download_that_does_not_match_its_sha256_is_refused(sqlite_db, tmp_path):
    seed_demo()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Tampered)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        (row,) = fetch_page(HistoryQuery(NORTHWIND, invoice="overdue"), 5)
        client = ServiceClient(f"http://127.0.0.1:{server.server_port}")
        with pytest.raises(InvoiceUnavailable, match="damaged"):
            invoice_document(client, first_org(), row.transaction_id, tmp_path)
        assert not list(tmp_path.glob("*.pdf"))
        stored = SeatPurchase.get(SeatPurchase.transaction_id == row.transaction_id)
        assert stored.invoice_pdf_sha256 is None
    finally:
        server.shutdown()


def test_a_purchase_not_invoiced_yet_says_so(sqlite_db, tmp_path):
    seed_demo()
    SeatPurchase.update(invoice_number=None).where(SeatPurchase.id == 1).execute()
    purchase = SeatPurchase.get_by_id(1)
    with pytest.raises(InvoiceUnavailable, match="not invoiced"):
        invoice_document(None, first_org(), purchase.transaction_id, tmp_path)
