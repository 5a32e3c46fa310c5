"""Quotes from the desktop against a real service on 127.0.0.1: the typed facade, Request
Quote… on Add Seats showing the quote's PDF, and the Quotes list's Order from Quote recording a
purchase in the ledger that the sync sends once, priced as quoted."""

import io

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox

from desktop.access import acting_administrator
from desktop.demo import seed_demo
from desktop.models import SeatPurchase
from desktop.purchasing import Placed
from desktop.quotes import Quotes
from desktop.service_client import ServiceClient
from desktop.sync import Credentials, SyncEngine
from service import demo_data
from service.models import SeatOrder, service_db
from tests.service_helpers import start_demo_service
from ui.quotes_dialog import QuotesDialog
from ui.tasks import wait_for_background_work

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too
EMAIL = "billing@example.com"


@pytest.fixture
def service(tmp_path):
    running = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}", delay=(3600, 3600))
    running.jobs.stop()
    yield running
    running.stop()


@pytest.fixture
def client(service, sqlite_db):
    seed_demo()
    client = ServiceClient(service.url)
    client.sign_in(EMAIL, demo_data.PASSWORD)
    yield client
    wait_for_background_work()


def test_the_facade_requests_lists_and_fetches_the_pdf(client):
    quotes = Quotes(client)
    given = quotes.request(3, purchase_order="PO-DESK", note="Two interns")
    assert given.number.startswith("Q-") and given.status == "open"
    assert (given.seats, given.purchase_order, given.note) == (3, "PO-DESK", "Two interns")
    assert quotes.listed() == [given]
    text = PdfReader(io.BytesIO(quotes.pdf(given.number))).pages[0].extract_text()
    assert given.number in text and f"{given.amount:,} {given.currency}" in text


def test_request_quote_on_add_seats_shows_its_pdf(qtbot, client):
    from ui.add_seats_tab import AddSeatsTab
    from ui.receipt_dialog import ReceiptDialog

    tab = AddSeatsTab(acting_administrator(EMAIL), "en_US")
    qtbot.addWidget(tab)
    from desktop.account import current_contract

    administrator = acting_administrator(EMAIL)
    tab.set_contract(current_contract(administrator.organization))
    tab.spin.setValue(4)
    tab.quotes = lambda: Quotes(client)
    assert tab.quote_button.isEnabled()
    tab.quote_button.click()
    qtbot.waitUntil(lambda: tab.findChild(ReceiptDialog, "quoteDialog") is not None, timeout=10000)
    dialog = tab.findChild(ReceiptDialog, "quoteDialog")
    assert dialog.windowTitle() == "Quote " + Quotes(client).listed()[0].number
    dialog.close()


def test_order_from_quote_is_a_purchase_sent_once_at_the_quoted_price(
    qtbot, client, service, monkeypatch
):
    quotes = Quotes(client)
    given = quotes.request(2, purchase_order="PO-Q")
    ordered = []
    dialog = QuotesDialog(quotes, acting_administrator(EMAIL), "en_US", ordered.append)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert dialog.table.item(0, 0).text() == given.number
    assert not dialog.order_button.isEnabled()  # not before the acknowledgement is ticked
    dialog.acknowledge.setChecked(True)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    dialog.order_button.click()
    qtbot.waitUntil(lambda: ordered != [], timeout=10000)
    placed = ordered[0]
    assert isinstance(placed, Placed)
    purchase = SeatPurchase.get(SeatPurchase.transaction_id == placed.transaction_id)
    assert (placed.seats, placed.amount) == (purchase.seats, purchase.amount)
    assert (purchase.quote_number, purchase.amount, purchase.purchase_order) == (
        given.number,
        given.amount,
        "PO-Q",
    )
    engine = SyncEngine(ServiceClient(service.url), Credentials(EMAIL, demo_data.PASSWORD))
    engine.run_once()
    engine.run_once()
    with service_db.connection_context():
        sent = SeatOrder.select().where(SeatOrder.transaction_id == purchase.transaction_id)
        assert [order.amount_minor for order in sent] == [purchase.amount_minor]
    dialog.reload()  # the quote is used once the order reached the service
    qtbot.waitUntil(lambda: dialog.table.item(0, 5).text() == "Ordered", timeout=10000)
    assert quotes.listed()[0].transaction_id == purchase.transaction_id


def test_a_user_who_may_not_buy_reads_quotes_without_ordering(qtbot, client):
    quotes = Quotes(client)
    given = quotes.request(3)
    dialog = QuotesDialog(quotes, acting_administrator(EMAIL), "en_US", None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    dialog.table.selectRow(0)
    assert dialog.table.item(0, 0).text() == given.number
    assert dialog.view_button.isEnabled() and dialog.view_button.isVisible()
    assert not dialog.order_button.isVisible() and not dialog.acknowledge.isVisible()
