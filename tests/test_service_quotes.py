"""Formal quotes on the service, over HTTP, on both databases, for both organizations, at a fixed
clock: priced as GET /v1/quote and the renewal offer price them, ordered from days later at the
quoted price, once, refused past their validity with today's price, and their PDF read back."""

import io
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from pypdf import PdfReader

from service import demo_data
from service.models import AuditEvent, Contract, Quote, SeatOrder, service_db
from service.orders import ProvisioningDelay
from service.seed import end_current_contract
from service.server import main as service_main
from service.server import start_service
from tests.service_helpers import call

START = datetime(2026, 11, 10, 15, 0, tzinfo=UTC)  # a Tuesday, mid-month


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=True) as traveller:
        yield traveller


def _start(url: str, **options):
    return start_service(
        url, delay=ProvisioningDelay(3600, 3600), demo=True, check_responses=True, **options
    )


@pytest.fixture
def service(any_db_url, clock):
    running = _start(any_db_url)
    yield running
    running.stop()


def token_of(service, plan: demo_data.DemoOrganization = demo_data.NORTHWIND) -> str:
    """A fresh session: days pass in these tests, and sessions end within 12 hours."""
    body = {"email": plan.administrators[0][1], "password": plan.password}
    status, answer = call(service, "POST", "/v1/sessions", body)
    assert status == 201, answer
    return answer["token"]


def order_body(quote: dict, **changes) -> dict:
    return {
        "seats": quote["seats"],
        "quoted_amount": quote["amount"],
        "quote_number": quote["number"],
        "acknowledged": True,
        "acknowledgement_text": "I acknowledge",
        **changes,
    }


def order(service, token: str, body: dict, key: str) -> tuple[int, dict]:
    return call(service, "POST", "/v1/seat-orders", body, token, {"Idempotency-Key": key})


def counts() -> tuple[int, int, int]:
    with service_db.connection_context():
        used = Quote.select().where(Quote.used_by.is_null(False)).count()
        return Quote.select().count(), used, SeatOrder.select().count()


def test_a_quote_is_priced_as_today_and_ordered_from_at_that_price_days_later(service, clock):
    token = token_of(service)
    status, today = call(service, "GET", "/v1/quote?seats=3", token=token)
    assert status == 200
    body = {"seats": 3, "purchase_order": "PO-4711", "note": "For the new hires"}
    status, made = call(service, "POST", "/v1/quotes", body, token)
    assert status == 201, made
    quote = made["quote"]
    assert quote["number"] == "Q-2026-000001"
    assert (quote["kind"], quote["status"], quote["seats"]) == ("purchase", "open", 3)
    for field in ("amount", "period_start", "period_end", "currency", "monthly_price_per_seat"):
        assert quote[field] == today[field], field
    assert quote["months"] == today["prorated_months"]
    assert quote["working"] == f"{today['prorated_months']} months"
    assert quote["quote_date"] == today["as_of"]
    status, contract = call(service, "GET", "/v1/contract", token=token)
    valid = min(date.fromisoformat(today["as_of"]) + timedelta(days=30),
                date.fromisoformat(contract["end_date"]))  # fmt: skip
    assert quote["valid_until"] == valid.isoformat()
    assert (quote["purchase_order"], quote["note"]) == ("PO-4711", "For the new hires")
    status, second = call(service, "POST", "/v1/quotes", {"seats": 1}, token)
    assert second["quote"]["number"] == "Q-2026-000002"

    clock.shift(timedelta(days=25))  # into the next monthly period: today's price is lower
    token = token_of(service)
    status, later = call(service, "GET", "/v1/quote?seats=3", token=token)
    assert Decimal(later["amount"]) < Decimal(quote["amount"])
    status, placed = order(service, token, order_body(quote), "MA-QUOTE-1")
    assert status == 201, placed
    ordered = placed["order"]
    assert ordered["amount"] == quote["amount"]
    assert (ordered["period_start"], ordered["period_end"]) == (
        quote["period_start"],
        quote["period_end"],
    )
    assert ordered["prorated_months"] == quote["months"]
    # The same key again is the same order; another key finds the quote used.
    status, again = order(service, token, order_body(quote), "MA-QUOTE-1")
    assert (status, again["replayed"]) == (201, True)
    status, refused = order(service, token, order_body(quote), "MA-QUOTE-2")
    assert (status, refused["error"]["code"]) == (409, "quote_used")
    assert "MA-QUOTE-1" in refused["error"]["message"]
    with service_db.connection_context():
        assert (
            SeatOrder.select().where(SeatOrder.transaction_id.startswith("MA-QUOTE")).count() == 1
        )
        actions = [event.details for event in AuditEvent.select().order_by(AuditEvent.id)]
    assert any('"Q-2026-000001"' in text and "MA-QUOTE-1" in text for text in actions)
    status, found = call(service, "GET", "/v1/quotes/Q-2026-000001", token=token)
    assert (found["quote"]["status"], found["quote"]["transaction_id"]) == ("used", "MA-QUOTE-1")
    status, listed = call(service, "GET", "/v1/quotes", token=token)
    assert [q["number"] for q in listed["quotes"]] == ["Q-2026-000002", "Q-2026-000001"]


def test_past_its_validity_a_quote_is_refused_with_todays_price(service, clock):
    token = token_of(service)
    status, made = call(service, "POST", "/v1/quotes", {"seats": 2}, token)
    quote = made["quote"]
    valid_until = date.fromisoformat(quote["valid_until"])
    clock.move_to(datetime.combine(valid_until, datetime.min.time(), UTC) + timedelta(hours=12))
    token = token_of(service)
    status, placed = order(service, token, order_body(quote), "MA-LAST-DAY")
    assert status == 201, placed  # its last day still holds
    status, made = call(service, "POST", "/v1/quotes", {"seats": 2}, token)
    quote = made["quote"]
    before = counts()
    clock.shift(timedelta(days=31))
    token = token_of(service)
    status, refused = order(service, token, order_body(quote), "MA-TOO-LATE")
    assert (status, refused["error"]["code"]) == (409, "quote_expired")
    status, today = call(service, "GET", "/v1/quote?seats=2", token=token)
    assert refused["error"]["quote"]["amount"] == today["amount"]
    assert counts() == before  # nothing ordered, the quote not used
    status, found = call(service, "GET", f"/v1/quotes/{quote['number']}", token=token)
    assert found["quote"]["status"] == "expired"


def test_the_quote_pdf_says_the_number_amount_and_validity(service):
    token = token_of(service)
    body = {"seats": 4, "purchase_order": "PO-PDF-1"}
    quote = call(service, "POST", "/v1/quotes", body, token)[1]["quote"]
    data = _pdf(service, token, quote["number"])
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    valid = date.fromisoformat(quote["valid_until"])
    assert "Quote" in text and quote["number"] in text and "PO-PDF-1" in text
    assert f"{Decimal(quote['amount']):,} {quote['currency']}" in text
    assert f"This quote is valid until {valid:%b} {valid.day}, {valid.year}" in text
    assert "Valid until" in text
    assert quote["working"] in text
    assert demo_data.NORTHWIND.billing_profile["legal_name"] in text  # bill to
    for words in ("Payment terms", "Account holder", "Acceptance", "Signature"):
        assert words in text, words
    assert _pdf(service, token, quote["number"]) == data  # the same bytes every time


def _pdf(service, token: str, number: str) -> bytes:
    import urllib.request

    request = urllib.request.Request(f"{service.url}/v1/quotes/{number}/pdf")
    request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers["Content-Type"] == "application/pdf"
        return response.read()


def test_bad_quotes_and_foreign_numbers_change_nothing(service):
    northwind, contoso = token_of(service), token_of(service, demo_data.CONTOSO)
    mine = call(service, "POST", "/v1/quotes", {"seats": 1}, northwind)[1]["quote"]
    call(service, "POST", "/v1/quotes", {"seats": 1}, northwind)  # Q-…-2: Contoso has no such
    before = counts()
    for seats in (0, 10_001, -1):
        status, answer = call(service, "POST", "/v1/quotes", {"seats": seats}, northwind)
        assert (status, answer["error"]["code"]) == (422, "invalid_order"), seats
    status, answer = call(service, "POST", "/v1/quotes", {"seats": 1, "kind": "gift"}, northwind)
    assert status == 400
    for path in ("/v1/quotes/Q-2026-999999", "/v1/quotes/Q-2026-999999/pdf"):
        assert call(service, "GET", path, token=northwind)[0] == 404
    foreign = "Q-2026-000002"
    for path in (f"/v1/quotes/{foreign}", f"/v1/quotes/{foreign}/pdf"):
        assert call(service, "GET", path, token=contoso)[0] == 404
    status, answer = order(service, contoso, order_body(mine, quote_number=foreign), "MA-FOREIGN")
    assert (status, answer["error"]["code"]) == (422, "unknown_quote")
    status, answer = order(service, northwind, order_body(mine, seats=2), "MA-MISMATCH")
    assert (status, answer["error"]["code"]) == (422, "quote_mismatch")
    assert counts() == before
    status, listed = call(service, "GET", "/v1/quotes", token=contoso)
    assert listed["quotes"] == []


def test_the_validity_is_the_services_setting_and_never_past_the_contract(any_db_url, clock):
    running = _start(any_db_url, quote_validity_days=10)
    try:
        token = token_of(running)
        quote = call(running, "POST", "/v1/quotes", {"seats": 1}, token)[1]["quote"]
        today = date.fromisoformat(quote["quote_date"])
        assert quote["valid_until"] == (today + timedelta(days=10)).isoformat()
        with service_db.connection_context():
            end_current_contract(demo_data.NORTHWIND.name, today + timedelta(days=4))
        quote = call(running, "POST", "/v1/quotes", {"seats": 1}, token)[1]["quote"]
        assert quote["valid_until"] == (today + timedelta(days=4)).isoformat()
    finally:
        running.stop()


def test_a_renewal_quote_holds_the_offer_until_it_is_renewed_from(service, clock):
    today = demo_data.NORTHWIND.today()
    with service_db.connection_context():
        end_current_contract(demo_data.NORTHWIND.name, today + timedelta(days=40))
    token = token_of(service)
    status, offer = call(service, "GET", "/v1/renewal", token=token)
    seats = offer["seats"] + 5
    body = {"seats": seats, "kind": "renewal", "purchase_order": "PO-RENEW"}
    status, made = call(service, "POST", "/v1/quotes", body, token)
    assert status == 201, made
    quote = made["quote"]
    assert (quote["kind"], quote["seats"]) == ("renewal", seats)
    assert (quote["period_start"], quote["period_end"]) == (offer["term_start"], offer["term_end"])
    assert quote["valid_until"] == (today + timedelta(days=30)).isoformat()
    price = Decimal(offer["monthly_price_per_seat"])
    assert Decimal(quote["amount"]) == price * seats * offer["months"]
    with service_db.connection_context():  # the vendor raises the next term's price
        Contract.update(next_term_monthly_price=price + 10).where(
            Contract.end_date == today + timedelta(days=40)
        ).execute()
    clock.shift(timedelta(days=12))
    token = token_of(service)
    status, dearer = call(service, "GET", "/v1/renewal", token=token)
    assert Decimal(dearer["monthly_price_per_seat"]) == price + 10
    renewal = {
        "seats": seats,
        "quoted_amount": quote["amount"],
        "quote_number": quote["number"],
        "acknowledged": True,
        "acknowledgement_text": "I acknowledge",
        "purchase_order": "PO-RENEW",
        "instructions": None,
    }
    headers = {"Idempotency-Key": "MA-RENEW-Q"}
    status, renewed = call(service, "POST", "/v1/renewals", renewal, token, headers)
    assert status == 201, renewed
    assert renewed["renewal"]["amount"] == quote["amount"]
    assert Decimal(renewed["renewal"]["monthly_price_per_seat"]) == price
    status, again = call(service, "POST", "/v1/renewals", renewal, token, headers)
    assert (status, again["replayed"]) == (201, True)
    status, found = call(service, "GET", f"/v1/quotes/{quote['number']}", token=token)
    assert (found["quote"]["status"], found["quote"]["transaction_id"]) == ("used", "MA-RENEW-Q")


def test_an_expired_renewal_quote_is_refused_with_todays_offer(service, clock):
    today = demo_data.NORTHWIND.today()
    with service_db.connection_context():
        end_current_contract(demo_data.NORTHWIND.name, today + timedelta(days=50))
    token = token_of(service)
    offer = call(service, "GET", "/v1/renewal", token=token)[1]
    body = {"seats": offer["seats"], "kind": "renewal"}
    quote = call(service, "POST", "/v1/quotes", body, token)[1]["quote"]
    clock.shift(timedelta(days=35))
    token = token_of(service)
    renewal = {
        "seats": quote["seats"],
        "quoted_amount": quote["amount"],
        "quote_number": quote["number"],
        "acknowledged": True,
        "acknowledgement_text": "I acknowledge",
        "purchase_order": None,
        "instructions": None,
    }
    headers = {"Idempotency-Key": "MA-RENEW-LATE"}
    status, refused = call(service, "POST", "/v1/renewals", renewal, token, headers)
    assert (status, refused["error"]["code"]) == (409, "quote_expired")
    assert refused["error"]["renewal"]["amount"] == quote["amount"]  # the same price today
    # A renewal quote is not a purchase's, nor the other way round.
    status, made = call(service, "POST", "/v1/quotes", {"seats": 1}, token)
    purchase = {**renewal, "quote_number": made["quote"]["number"], "quoted_amount": "1.00"}
    status, refused = call(service, "POST", "/v1/renewals", purchase, token, headers)
    assert (status, refused["error"]["code"]) == (422, "quote_mismatch")


@pytest.mark.parametrize("days", ["0", "367", "ten"])
def test_the_validity_flag_takes_1_to_366_days(days, capsys):
    with pytest.raises(SystemExit) as ended:
        service_main(["--quote-validity-days", days])
    assert ended.value.code == 2
    assert "--quote-validity-days" in capsys.readouterr().err
