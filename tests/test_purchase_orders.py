"""A PO number and a note for the invoice: checked on both sides, kept with the purchase, sent
with the order, printed on the receipt and in the CSV, and found by the history's filter."""

import csv
import io
from datetime import date

import pytest
from pypdf import PdfReader

from billing.orders import OrderRefusal, check_invoice_note, check_purchase_order
from billing.proration import quote
from desktop.access import acting_administrator
from desktop.account import current_contract
from desktop.demo import seed_demo
from desktop.history import HistoryQuery, count_purchases, export_csv, fetch_page
from desktop.ledger import close_ledger, open_ledger
from desktop.models import SeatPurchase
from desktop.purchasing import PurchaseRefused, purchase_seats
from desktop.receipts import receipt_pdf
from desktop.service_client import ServiceClient
from desktop.sync import Credentials, SyncEngine
from service import demo_data
from service.models import SeatOrder, service_db
from tests.conftest import NORTHWIND, first_org
from tests.service_helpers import PASSWORD, call, sign_in, start_demo_service

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too

NOTE = "Bill to cost centre 4711.\nAttn: Accounts Payable"


def buy(seats: int = 2, **references) -> SeatPurchase:
    summary = current_contract(first_org())
    admin = acting_administrator("billing@example.com")
    shown = quote(summary, seats, summary.today).amount
    return purchase_seats(admin, seats, shown, True, **references)


@pytest.mark.parametrize(
    ("text", "kept"),
    [(None, None), ("", None), ("   ", None), (" PO-1 ", "PO-1"), ("x" * 40, "x" * 40)],
)
def test_a_purchase_order_number_is_trimmed_and_optional(text, kept):
    assert check_purchase_order(text) == kept


@pytest.mark.parametrize("text", ["x" * 41, "PO\t1", "PO\n1", "PO\x001", "PO\u202e1", 17])
def test_a_bad_purchase_order_number_is_refused_naming_the_field(text):
    with pytest.raises(OrderRefusal) as refused:
        check_purchase_order(text)
    assert refused.value.code == "invalid_purchase_order"
    assert "purchase order number" in str(refused.value)


def test_a_note_keeps_its_line_breaks_and_refuses_control_characters():
    assert check_invoice_note("a\r\nb") == "a\nb"
    assert check_invoice_note("x" * 500) == "x" * 500
    for bad in ("x" * 501, "tab\there", "bell\x07"):
        with pytest.raises(OrderRefusal) as refused:
            check_invoice_note(bad)
        assert refused.value.code == "invalid_invoice_note"


def test_nothing_is_bought_with_a_bad_purchase_order_number(sqlite_db):
    seed_demo()
    before = SeatPurchase.select().count()
    with pytest.raises(PurchaseRefused, match="purchase order number"):
        buy(purchase_order="PO\t7")
    with pytest.raises(PurchaseRefused, match="note for the invoice"):
        buy(invoice_note="n" * 501)
    assert SeatPurchase.select().count() == before


def test_from_the_purchase_to_the_receipt_csv_and_filter(any_db, tmp_path):
    seed_demo()
    bought = buy(purchase_order="PO-2026-0117", invoice_note=NOTE)
    stored = SeatPurchase.get_by_id(bought.id)
    assert (stored.purchase_order, stored.invoice_note) == ("PO-2026-0117", NOTE)
    text = (
        PdfReader(io.BytesIO(receipt_pdf(first_org(), bought.transaction_id, "en_US")))
        .pages[0]
        .extract_text()
    )
    assert "PO number" in text and "PO-2026-0117" in text
    assert "Bill to cost centre 4711." in text and "Attn: Accounts Payable" in text
    for part in ("2026-0117", "po-2026-0117"):  # any part, any case, through the index
        found = fetch_page(HistoryQuery(NORTHWIND, text=part), 10)
        assert [row.transaction_id for row in found] == [bought.transaction_id]
        assert found[0].purchase_order == "PO-2026-0117"
    assert count_purchases(HistoryQuery(NORTHWIND, text="PO-2026-0117")) == 1
    target = tmp_path / "history.csv"
    export_csv(HistoryQuery(NORTHWIND, text="0117"), target)
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["PO number"], r["Invoice note"]) for r in rows] == [("PO-2026-0117", NOTE)]


def test_a_receipt_without_them_says_nothing_of_them(sqlite_db):
    seed_demo()
    bought = buy()
    text = (
        PdfReader(io.BytesIO(receipt_pdf(first_org(), bought.transaction_id, "en_US")))
        .pages[0]
        .extract_text()
    )
    assert "PO number" not in text and "Note for the invoice" not in text


def test_a_long_note_still_fits_the_page(sqlite_db):
    seed_demo()
    note = "\n".join(f"line {n} of a note that goes on" for n in range(14))[:500]
    bought = buy(invoice_note=note)
    reader = PdfReader(io.BytesIO(receipt_pdf(first_org(), bought.transaction_id, "en_US")))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "line 0 of a note" in text and "Keep this document as proof" in text


def test_the_service_keeps_what_the_desktop_sent(tmp_path):
    service = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}", delay=(3600, 3600))
    try:
        open_ledger(f"sqlite:///{tmp_path / 'desktop.db'}")
        seed_demo()
        bought = buy(purchase_order="PO-77", invoice_note=NOTE)
        engine = SyncEngine(
            ServiceClient(service.url), Credentials("billing@example.com", PASSWORD)
        )
        report = engine.run_once()
        assert report.online and report.problem is None, report.problem
        with service_db.connection_context():
            order = SeatOrder.get(SeatOrder.transaction_id == bought.transaction_id)
            assert (order.purchase_order, order.invoice_note) == ("PO-77", NOTE)
        token = sign_in(service, "admin@example.com")
        status, answer = call(
            service, "GET", f"/v1/seat-orders/{bought.transaction_id}", token=token
        )
        assert status == 200
        assert (answer["order"]["purchase_order"], answer["order"]["invoice_note"]) == (
            "PO-77",
            NOTE,
        )
        close_ledger()
        # Another desktop of the organization imports the order with both.
        open_ledger(f"sqlite:///{tmp_path / 'other.db'}")
        seed_demo()
        SyncEngine(
            ServiceClient(service.url), Credentials("admin@example.com", PASSWORD)
        ).run_once()
        imported = SeatPurchase.get(SeatPurchase.transaction_id == bought.transaction_id)
        assert (imported.purchase_order, imported.invoice_note) == ("PO-77", NOTE)
    finally:
        close_ledger()
        service.stop()


def test_the_service_refuses_a_bad_one_with_422_naming_it(tmp_path):
    service = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}", delay=(3600, 3600))
    try:
        token = sign_in(service, "billing@example.com")
        status, quoted = call(service, "GET", "/v1/quote?seats=1", token=token)
        order = {
            "seats": 1,
            "quoted_amount": quoted["amount"],
            "acknowledged": True,
            "acknowledgement_text": "I acknowledge",
        }
        for field, value, code in (
            ("purchase_order", "PO\x07", "invalid_purchase_order"),
            ("purchase_order", "p" * 41, "invalid_purchase_order"),
            ("invoice_note", "n" * 501, "invalid_invoice_note"),
            ("invoice_note", "a\tb", "invalid_invoice_note"),
        ):
            status, answer = call(
                service,
                "POST",
                "/v1/seat-orders",
                {**order, field: value},
                token,
                {"Idempotency-Key": f"MA-BAD-{field}-{len(value)}"},
            )
            assert (status, answer["error"]["code"]) == (422, code), (field, value)
        with service_db.connection_context():
            assert (
                not SeatOrder.select().where(SeatOrder.transaction_id.startswith("MA-BAD")).exists()
            )
    finally:
        service.stop()


def test_the_demos_po_numbers_are_found_by_the_filter(any_db):
    seed_demo(date(2026, 11, 26))
    planned = [p for p in demo_data.demo_purchases(date(2026, 11, 26)) if p.purchase_order]
    assert planned  # the billing administrator's purchases carry one
    assert count_purchases(HistoryQuery(NORTHWIND, text="PO-")) == len(planned)
    found = fetch_page(HistoryQuery(NORTHWIND, text=planned[0].purchase_order), 5)
    assert [row.transaction_id for row in found] == [planned[0].transaction_id]
