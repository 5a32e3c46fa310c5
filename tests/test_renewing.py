"""Renewing from the desktop against a real service: the offer mirrored, the renewal recorded
here first (offline too) and sent once, the next contract and its invoice made by the service,
refusals named, and the Renew Contract button and dialog in the window."""

import io
import json
import time
import zipfile
from datetime import date, timedelta
from decimal import Decimal

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton

from billing.kinds import OrderKind
from billing.orders import ACKNOWLEDGEMENT, OrderRequest, encode_order, order_body
from billing.statuses import Status
from desktop.access import acting_administrator
from desktop.account import current_contract
from desktop.demo import seed_demo
from desktop.invoices import invoice_document
from desktop.models import RenewalRecord
from desktop.overview import load_overview
from desktop.purchasing import PurchaseRefused
from desktop.renewing import reduction_requests, renew, renewal_offer, renewals
from desktop.service_client import ServiceClient
from desktop.sync import Credentials, SyncEngine
from service import demo_data
from service.models import Contract as ServiceContract
from service.models import Renewal, SeatOrder, service_db
from service.seed import end_current_contract
from tests.conftest import NORTHWIND, first_org
from tests.service_helpers import PASSWORD, call, sign_in, start_demo_service
from tests.test_main_window import TIMEOUT, child, open_window

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too

ENDS_IN = 20
BILLING = "billing@example.com"  # the Billing set: a spending limit of $1,000.00


@pytest.fixture
def service(tmp_path):
    running = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}")
    with service_db.connection_context():
        end = demo_data.NORTHWIND.today() + timedelta(days=ENDS_IN)
        end_current_contract(demo_data.ORGANIZATION, end)
    yield running
    running.stop()


@pytest.fixture
def desktop(sqlite_db):
    seed_demo(contract_ends_in=ENDS_IN)  # as the service has it


def engine(url: str) -> SyncEngine:
    """Syncing as the administrator, who has no spending limit (the Billing set's would hold a
    renewal for approval: tests/test_sync_approvals.py)."""
    return SyncEngine(ServiceClient(url, timeout=2), Credentials("admin@example.com", PASSWORD))


def shown(seats: int):
    summary, offer = current_contract(first_org()), renewal_offer(first_org())
    return summary, offer.terms(seats, summary.start_date).amount


def test_a_renewal_recorded_offline_is_sent_once_and_invoiced(service, desktop):
    assert engine(service.url).run_once().online
    offer = renewal_offer(first_org())
    assert offer is not None and offer.seats_now == demo_data.SEATS_NOW
    admin = acting_administrator("admin@example.com")
    summary, amount = shown(offer.seats_now + 3)
    record = renew(admin, summary.contract_id, offer.seats_now + 3, amount, True, "PO-R", "Jan")
    assert record.status == "queued"
    offline = engine("http://127.0.0.1:9").run_once()
    assert not offline.online
    assert RenewalRecord.get_by_id(record.id).status == "queued"  # kept, waiting
    RenewalRecord.update(next_attempt_at=record.created_at).execute()
    report = engine(service.url).run_once()
    assert report.online and report.problem is None, report.problem
    sent = RenewalRecord.get_by_id(record.id)
    assert sent.status == "provisioned" and sent.invoice_number.startswith("INV-")
    with service_db.connection_context():
        renewal = Renewal.get(Renewal.transaction_id == record.transaction_id)
        assert (renewal.seats, renewal.purchase_order) == (offer.seats_now + 3, "PO-R")
        following = ServiceContract.get_by_id(renewal.next_contract_id)
        assert following.start_date == offer.term_start
    engine(service.url).run_once()  # sent once: nothing more happens
    with service_db.connection_context():
        assert Renewal.select().count() == 1
    with pytest.raises(PurchaseRefused, match="cannot be renewed now"):  # the service said so
        renew(admin, summary.contract_id, offer.seats_now + 3, amount, True)


def test_fewer_seats_or_another_amount_records_nothing(service, desktop):
    engine(service.url).run_once()
    offer = renewal_offer(first_org())
    admin = acting_administrator("admin@example.com")
    summary, amount = shown(offer.seats_now)
    with pytest.raises(PurchaseRefused, match="at least"):
        renew(admin, summary.contract_id, offer.seats_now - 1, amount, True)
    with pytest.raises(PurchaseRefused, match="amount changed"):
        renew(admin, summary.contract_id, offer.seats_now, amount + 1, True)
    with pytest.raises(PurchaseRefused, match="authorized"):
        renew(admin, summary.contract_id, offer.seats_now, amount, False)
    assert not RenewalRecord.select().exists()


def test_the_window_offers_renew_contract_and_records_it(qtbot, service, desktop):
    engine(service.url).run_once()
    window = open_window(qtbot, "admin@example.com")
    button = child(window, QPushButton, "renewContractButton")
    qtbot.waitUntil(button.isVisible, timeout=TIMEOUT)
    banner = child(window, QLabel, "renewalBanner")
    qtbot.waitUntil(banner.isVisible, timeout=TIMEOUT)
    assert f"{ENDS_IN + 1} days remain" in banner.text() and "#renew" in banner.text()
    banner.linkActivated.emit("#renew")  # the banner's Renew opens the dialog
    qtbot.waitUntil(lambda: window.findChild(QDialog, "renewalDialog") is not None)
    window.findChild(QDialog, "renewalDialog").close()
    dialog = window.show_renewal()
    dialog.seats.setValue(dialog.seats.value() + 2)
    assert not dialog.renew_button.isEnabled()
    dialog.acknowledge.setChecked(True)
    assert dialog.amount.text().startswith("$")
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT):
        dialog.renew_button.click()
    record = RenewalRecord.get()
    assert record.seats == demo_data.SEATS_NOW + 2
    status = child(window, QLabel, "renewalStatusLabel")
    qtbot.waitUntil(status.isVisible, timeout=TIMEOUT)
    assert record.transaction_id in status.text() and not button.isVisible()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=TIMEOUT)
    history = child(window, QLabel, "accountRequestsLabel")  # on the record in the history
    window.history_tab.refresh()
    qtbot.waitUntil(lambda: f"Renewal {record.transaction_id}" in history.text(), timeout=TIMEOUT)
    document = child(window, QPushButton, "renewalDocumentButton")
    assert document.isVisible()
    document.click()  # its own document: a renewal confirmation
    qtbot.waitUntil(
        lambda: window.findChild(QDialog, "renewalDocumentDialog") is not None, timeout=TIMEOUT
    )
    data = window.findChild(QDialog, "renewalDocumentDialog")._data
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "Renewal confirmation" in text and record.transaction_id in text
    assert "Contract renewal" in text
    assert f"{record.seats}" in text


def test_a_reduction_request_reaches_the_account_manager_and_shows_the_answer(
    qtbot, service, desktop, tmp_path
):
    from desktop.application import Application
    from desktop.session import sign_in
    from service.server import main as service_main
    from ui.main_window import MainWindow

    session = sign_in(service.url, "admin@example.com", demo_data.PASSWORD)
    window = MainWindow(Application(acting_administrator("admin@example.com"), "en_US", session))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.sync_status.contract is not None, timeout=TIMEOUT)
    dialog = window.show_reduction_request()
    listed = child(dialog, QLabel, "reductionRequestsLabel")
    qtbot.waitUntil(lambda: listed.text() == "No requests yet.", timeout=TIMEOUT)
    dialog.seats.setValue(40)
    dialog.reason.setPlainText("Two teams merge in January.")
    qtbot.keyClick(dialog.seats, Qt.Key.Key_Return)  # Enter sends; it does not close unsent
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: "40 seats. Requested" in listed.text(), timeout=TIMEOUT)
    with service_db.connection_context():
        from service.models import ReductionRequest

        request = ReductionRequest.get()
        assert (request.seats_wanted, request.reason) == (40, "Two teams merge in January.")
    url = f"sqlite:///{tmp_path / 'service.db'}"  # the account manager's command line
    assert (
        service_main(["answer-request", str(request.id), "--text", "Agreed.", "--database", url])
        == 0
    )
    dialog._load()
    qtbot.waitUntil(lambda: "Answered: Agreed." in listed.text(), timeout=TIMEOUT)
    dialog.close()
    engine(service.url).run_once()  # the sync keeps them for Transaction History
    (kept,) = reduction_requests(first_org())
    assert (kept.seats_wanted, kept.answer) == (40, "Agreed.")
    window.history_tab.refresh()
    history = child(window, QLabel, "accountRequestsLabel")
    qtbot.waitUntil(lambda: "40 seats next term. Answered: Agreed." in history.text())


def test_on_its_start_date_the_next_term_is_the_contract_shown(service, desktop):
    from datetime import UTC, datetime, time

    from desktop.history import HistoryQuery, contract_choices, count_purchases
    from desktop.mirror import mirror_contract

    engine(service.url).run_once()
    offer = renewal_offer(first_org())
    current = current_contract(first_org())
    remote = {  # the contract as the service answers once the next term has begun
        "organization": demo_data.ORGANIZATION,
        "timezone": demo_data.TIMEZONE,
        "start_date": offer.term_start.isoformat(),
        "end_date": offer.term_end.isoformat(),
        "licensed_seats": offer.seats_now,
        "monthly_price_per_seat": str(offer.monthly_price_next),
        "currency": offer.currency,
        "proration": "month",
        "account_manager": {
            "name": current.account_manager_name,
            "email": current.account_manager_email,
            "phone": current.account_manager_phone,
        },
    }
    before = count_purchases(HistoryQuery(NORTHWIND))
    mirror_contract(remote)
    first_day = datetime.combine(offer.term_start, time(12), UTC)
    shown = current_contract(first_org(), first_day)
    assert (shown.start_date, shown.end_date) == (offer.term_start, offer.term_end)
    assert current_contract(first_org(), first_day - timedelta(days=1)).end_date == current.end_date
    assert contract_choices(NORTHWIND)[0].start_date == offer.term_start  # newest first
    assert count_purchases(HistoryQuery(NORTHWIND)) == before  # the earlier terms' purchases stay


def test_tab_in_the_renewal_dialog_follows_the_buttons_as_seen(qtbot, desktop):
    from datetime import timedelta
    from decimal import Decimal

    from desktop.account import current_contract
    from desktop.renewing import RenewalOffer
    from ui.renewal_dialog import RenewalDialog

    summary = current_contract(first_org())
    offer = RenewalOffer(
        summary.end_date,
        summary.end_date + timedelta(days=1),
        summary.end_date + timedelta(days=365),
        summary.licensed_seats,
        summary.monthly_price_per_seat,
        summary.monthly_price_per_seat * Decimal("1.03"),
        summary.currency,
    )
    dialog = RenewalDialog(offer, summary.start_date, lambda *_: None, "en_US", "PO-1")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.acknowledge.setChecked(True)  # Renew takes focus once enabled
    order, widget = [], dialog.acknowledge
    for _ in range(2):
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or not widget.isVisible():
            widget = widget.nextInFocusChain()
        order.append(widget)
    assert dialog.renew_button in order
    places = [w.mapTo(dialog, w.rect().topLeft()).x() for w in order]
    assert places == sorted(places)  # left to right, as the platform lays them out


def buy_elsewhere(service, seats: int) -> None:
    """Another administrator buys seats on another computer; they go live on the service."""
    token = sign_in(service, "admin@example.com")
    status, quoted = call(service, "GET", f"/v1/quote?seats={seats}", token=token)
    assert status == 200, quoted
    body = order_body(
        seats, Decimal(quoted["amount"]), date.fromisoformat(quoted["as_of"]), ACKNOWLEDGEMENT
    )
    status, answer = call(
        service, "POST", "/v1/seat-orders", body, token, {"Idempotency-Key": "MA-ELSE-WHER"}
    )
    assert status == 201, answer
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with service_db.connection_context():
            order = SeatOrder.get(SeatOrder.transaction_id == "MA-ELSE-WHER")
        if order.status == "provisioned":
            return
        time.sleep(0.1)
    raise AssertionError("the seats bought elsewhere never went live")


def test_the_renewal_is_lived_in_the_window(qtbot, service, desktop, tmp_path):
    """Renew shows when the offer arrives (no restart); a renewal under the service's new
    minimum is refused where it was made, with the reason and the way forward; renewed again
    at the new minimum, it is accepted within a sync round and is in the exported documents."""
    window = open_window(qtbot, "admin@example.com")
    button = child(window, QPushButton, "renewContractButton")
    status = child(window, QLabel, "renewalStatusLabel")
    qtbot.waitUntil(lambda: window.overview_state.overview is not None, timeout=TIMEOUT)
    assert not button.isVisible()  # no offer on this computer yet
    engine(service.url).run_once()  # the offer arrives in a round...
    window.refresh_contract()  # ...(here one run by hand, so the service can change meanwhile)
    qtbot.waitUntil(button.isVisible, timeout=TIMEOUT)
    buy_elsewhere(service, 5)  # the service now licenses 5 more than this computer knows
    dialog = window.show_renewal()
    assert dialog.seats.minimum() == demo_data.SEATS_NOW  # as this computer knows it
    dialog.acknowledge.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT):
        dialog.renew_button.click()
    refused = RenewalRecord.get()
    window.app.start_syncing(engine(service.url))  # the window follows the sync from here
    qtbot.waitUntil(lambda: "Refused" in status.text(), timeout=3 * TIMEOUT)
    minimum = demo_data.SEATS_NOW + 5
    assert refused.transaction_id in status.text()
    assert f"at least the {demo_data.SEATS_NOW + 5} seats" in status.text()  # the reason
    qtbot.waitUntil(
        lambda: f"Renew again with at least {minimum} seats" in status.text(), timeout=TIMEOUT
    )
    assert button.isVisible()
    dialog = window.show_renewal()
    assert dialog.seats.minimum() == dialog.seats.value() == minimum  # read at opening
    dialog.acknowledge.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT):
        dialog.renew_button.click()
    accepted = RenewalRecord.select().order_by(RenewalRecord.id.desc()).first()
    qtbot.waitUntil(lambda: "Accepted" in status.text(), timeout=3 * TIMEOUT)
    assert accepted.transaction_id in status.text() and not button.isVisible()
    number = RenewalRecord.get_by_id(accepted.id).invoice_number
    assert number.startswith("INV-")
    assert child(window, QPushButton, "renewalInvoiceButton").isVisible()
    client = ServiceClient(service.url)
    client.token = sign_in(service, "admin@example.com")
    kept = tmp_path / "invoices"
    assert invoice_document(client, first_org(), accepted.transaction_id, kept)[0] == number
    offline = invoice_document(None, first_org(), accepted.transaction_id, kept)  # kept here
    assert number in PdfReader(io.BytesIO(offline[1])).pages[0].extract_text()
    window.app.stop()
    today = demo_data.NORTHWIND.today()
    target = tmp_path / "documents.zip"
    window.export_documents_to(target, today, today)
    qtbot.waitUntil(lambda: target.exists(), timeout=TIMEOUT)
    with zipfile.ZipFile(target) as archive:
        text = PdfReader(io.BytesIO(archive.read(f"documents/{accepted.transaction_id}.pdf")))
        assert "Renewal confirmation" in text.pages[0].extract_text()
        index = archive.read("index.csv").decode("utf-8-sig")
    assert f"Renewal confirmation,documents/{accepted.transaction_id}.pdf" in index
    assert "Refused" in index and "Accepted" in index


def test_a_renewal_made_on_another_computer_is_kept_here(service, desktop):
    """Another administrator renews elsewhere: the next sync keeps it, with its invoice and the
    parties of its time, and the overview shows the contract renewed."""
    token = sign_in(service, "admin@example.com")
    status, offer = call(service, "GET", "/v1/renewal", token=token)
    assert status == 200, offer
    body = encode_order(
        OrderRequest(
            OrderKind.RENEWAL,
            offer["seats"],
            Decimal(offer["amount"]),
            acknowledgement_text=ACKNOWLEDGEMENT,
            purchase_order="PO-ELSEWHERE",
        )
    )
    headers = {"Idempotency-Key": "MA-RNEW-ELSE"}
    status, answer = call(service, "POST", "/v1/renewals", body, token, headers)
    assert status == 201, answer
    report = engine(service.url).run_once()
    assert report.changed and report.problem is None
    (kept,) = renewals(first_org())
    assert (kept.transaction_id, kept.seats, kept.status) == (
        "MA-RNEW-ELSE",
        offer["seats"],
        Status.PROVISIONED,
    )
    record = RenewalRecord.get(RenewalRecord.transaction_id == "MA-RNEW-ELSE")
    assert record.invoice_number == answer["renewal"]["invoice_number"]
    assert record.administrator.email == "admin@example.com"
    assert json.loads(record.parties)["bill_to"]["legal_name"] == "Northwind Traders, Inc."
    overview = load_overview(first_org())
    assert overview.renewed.transaction_id == "MA-RNEW-ELSE" and overview.refused is None
    assert not engine(service.url).run_once().changed  # kept once


def test_a_renewal_above_the_spending_limit_awaits_approval_then_is_placed_once(service, desktop):
    billing = SyncEngine(ServiceClient(service.url, timeout=2), Credentials(BILLING, PASSWORD))
    assert billing.run_once().online
    offer = renewal_offer(first_org())
    summary, amount = shown(offer.seats_now)
    assert amount > Decimal("1000.00")  # the Billing set's limit
    buyer = acting_administrator(BILLING)
    record = renew(buyer, summary.contract_id, offer.seats_now, amount, True)
    billing.run_once()
    assert RenewalRecord.get_by_id(record.id).status == Status.AWAITING_APPROVAL
    RenewalRecord.update(next_attempt_at=record.created_at).execute()
    billing.run_once()  # asked again: still waiting, nothing renewed
    assert RenewalRecord.get_by_id(record.id).status == Status.AWAITING_APPROVAL
    admin = sign_in(service, "admin@example.com")
    _, listed = call(service, "GET", "/v1/approvals?status=pending", token=admin)
    held = next(a for a in listed["approvals"] if a["transaction_id"] == record.transaction_id)
    assert (held["kind"], held["amount"]) == ("renewal", str(amount))
    assert call(service, "POST", f"/v1/approvals/{held['id']}/approve", {}, admin)[0] == 201
    RenewalRecord.update(next_attempt_at=record.created_at).execute()
    billing.run_once()
    placed = RenewalRecord.get_by_id(record.id)
    assert placed.status == Status.PROVISIONED and placed.invoice_number.startswith("INV-")
    with service_db.connection_context():
        assert Renewal.select().where(Renewal.transaction_id == record.transaction_id).count() == 1


def test_the_renewal_dialog_requests_a_formal_quote_for_finance(qtbot, service, desktop):
    from desktop.quotes import Quotes
    from ui.receipt_dialog import ReceiptDialog
    from ui.renewal_dialog import RenewalDialog

    engine(service.url).run_once()
    offer, summary = renewal_offer(first_org()), current_contract(first_org())
    client = ServiceClient(service.url)
    client.sign_in("admin@example.com", PASSWORD)
    dialog = RenewalDialog(
        offer, summary.start_date, lambda *_: None, "en_US", quotes=lambda: Quotes(client)
    )
    qtbot.addWidget(dialog)
    dialog.seats.setValue(offer.seats_now + 2)
    dialog.purchase_order.setText("PO-RENEW")
    dialog.findChild(QPushButton, "renewalQuoteButton").click()
    qtbot.waitUntil(lambda: dialog.findChild(ReceiptDialog, "quoteDialog") is not None)
    given = Quotes(client).listed()[0]
    assert (given.kind, given.seats, given.purchase_order) == (
        OrderKind.RENEWAL,
        offer.seats_now + 2,
        "PO-RENEW",
    )
    assert dialog.findChild(ReceiptDialog, "quoteDialog").windowTitle() == f"Quote {given.number}"
    assert RenewalRecord.select().count() == 0  # a quote renews nothing
