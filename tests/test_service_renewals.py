"""Renewal on the service, over HTTP, on both databases and for both organizations: the window
opening and closing by date, the price of the next term, one renewal per contract and per key,
the next contract becoming current on its start date, its invoice, and reduction requests."""

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest

from billing.renewal import next_term, opens_on, renewal_terms
from db.fields import utc_now
from service import demo_data, orders
from service.models import Administrator, Contract, Organization, service_db
from service.seed import end_current_contract
from service.server import main as service_main
from tests.service_helpers import call, start_demo_service

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too

ENDS_IN = 42


@pytest.fixture
def service(any_db_url):
    running = start_demo_service(any_db_url)
    with service_db.connection_context():  # both organizations' contracts end in 42 days
        for plan in demo_data.ORGANIZATIONS:
            end_current_contract(plan.name, plan.today() + timedelta(days=ENDS_IN))
    yield running
    running.stop()


def token_of(service, plan: demo_data.DemoOrganization) -> str:
    body = {"email": plan.administrators[0][1], "password": plan.password}
    return call(service, "POST", "/v1/sessions", body)[1]["token"]


def renewal_body(offer: dict, seats: int | None = None, **changes) -> dict:
    seats = seats or offer["seats"]
    amount = (Decimal(offer["monthly_price_per_seat"]) * seats * offer["months"]).quantize(
        Decimal("0.01"), ROUND_HALF_UP
    )
    return {
        "seats": seats,
        "quoted_amount": str(amount),
        "acknowledged": True,
        "acknowledgement_text": "I acknowledge",
        **changes,
    }


@pytest.mark.parametrize("plan", demo_data.ORGANIZATIONS)
def test_the_offer_is_the_next_term_at_the_vendors_price(service, plan):
    status, offer = call(service, "GET", "/v1/renewal", token=token_of(service, plan))
    assert status == 200
    end = plan.today() + timedelta(days=ENDS_IN)
    assert offer["current_end"] == end.isoformat()
    assert offer["opens_on"] == (end - timedelta(days=59)).isoformat()
    assert offer["term_start"] == (end + timedelta(days=1)).isoformat()
    now_price = Decimal(offer["monthly_price_per_seat_now"])
    assert Decimal(offer["monthly_price_per_seat"]) == (now_price * Decimal("1.03")).quantize(
        Decimal("0.01"), ROUND_HALF_UP
    )  # the demo vendor's 3% more, half up to the cent
    assert offer["amount"] == renewal_body(offer)["quoted_amount"]
    assert offer["seats"] == offer["seats_now"]


def test_one_renewal_per_contract_makes_the_next_contract_and_its_invoice(service):
    token = token_of(service, demo_data.NORTHWIND)
    offer = call(service, "GET", "/v1/renewal", token=token)[1]
    instructions = "Invoice in January\r\nAttn: AP"  # any line ending becomes a line feed
    body = renewal_body(
        offer, offer["seats"] + 5, purchase_order="PO-RENEW", instructions=instructions
    )
    key = {"Idempotency-Key": "MA-RENE-0001"}
    status, first = call(service, "POST", "/v1/renewals", body, token, key)
    assert status == 201 and first["replayed"] is False
    renewal = first["renewal"]
    assert (renewal["seats"], renewal["amount"]) == (offer["seats"] + 5, body["quoted_amount"])
    assert renewal["instructions"] == "Invoice in January\nAttn: AP"
    assert call(service, "POST", "/v1/renewals", body, token, key)[1]["replayed"] is True
    status, again = call(service, "POST", "/v1/renewals", body, token, {"Idempotency-Key": "X2"})
    assert (status, again["error"]["code"]) == (409, "already_renewed")
    status, closed = call(service, "GET", "/v1/renewal", token=token)
    assert (status, closed["error"]["code"]) == (409, "already_renewed")
    invoice = call(service, "GET", f"/v1/invoices/{renewal['invoice_number']}", token=token)[1]
    assert invoice["invoice"]["transaction_id"] == "MA-RENE-0001"
    assert invoice["invoice"]["amount"] == renewal["amount"]
    with service_db.connection_context():
        northwind = Organization.get(Organization.name == demo_data.ORGANIZATION)
        admin = Administrator.get(Administrator.email == "admin@example.com")
        start = date.fromisoformat(renewal["term_start"])
        following = Contract.get(
            (Contract.organization == northwind) & (Contract.start_date == start)
        )
        assert following.licensed_seats == offer["seats"] + 5
        current = orders.current_contract(admin, utc_now())
        assert current.id != following.id  # not before its start date
        moment = utc_now() + timedelta(days=ENDS_IN + 2)
        assert orders.current_contract(admin, moment).id == following.id


def test_fewer_seats_a_wrong_amount_or_no_acknowledgement_renews_nothing(service):
    token = token_of(service, demo_data.CONTOSO)
    offer = call(service, "GET", "/v1/renewal", token=token)[1]
    for body, status, code in (
        (renewal_body(offer, offer["seats"] - 1), 422, "renewal_fewer_seats"),
        ({**renewal_body(offer), "quoted_amount": "1.00"}, 409, "quote_changed"),
        ({**renewal_body(offer), "acknowledged": False}, 422, "not_acknowledged"),
        ({**renewal_body(offer), "purchase_order": "PO\t1"}, 422, "invalid_purchase_order"),
    ):
        answer = call(service, "POST", "/v1/renewals", body, token, {"Idempotency-Key": code})
        assert (answer[0], answer[1]["error"]["code"]) == (status, code)
    assert call(service, "GET", "/v1/renewal", token=token)[0] == 200  # still open


def test_the_window_opens_and_closes_by_date(service):
    with service_db.connection_context():
        end_current_contract(
            demo_data.ORGANIZATION, demo_data.NORTHWIND.today() + timedelta(days=90)
        )
    token = token_of(service, demo_data.NORTHWIND)
    status, closed = call(service, "GET", "/v1/renewal", token=token)
    assert (status, closed["error"]["code"]) == (404, "renewal_not_open")
    opening = demo_data.NORTHWIND.today() + timedelta(days=90 - 59)
    assert closed["error"]["opens_on"] == opening.isoformat()
    assert opens_on(demo_data.NORTHWIND.today() + timedelta(days=90)) == opening


def test_a_reduction_is_requested_and_answered_never_applied(service, any_db_url):
    token = token_of(service, demo_data.NORTHWIND)
    body = {"seats_wanted": 40, "reason": "The team shrinks\r\nnext year."}
    status, made = call(service, "POST", "/v1/renewal/reduction-requests", body, token)
    assert status == 201 and made["request"]["status"] == "requested"
    assert made["request"]["reason"] == "The team shrinks\nnext year."
    for wrong in ({"seats_wanted": 60, "reason": "x"}, {"seats_wanted": 40, "reason": " "}):
        assert call(service, "POST", "/v1/renewal/reduction-requests", wrong, token)[0] == 422
    request_id = str(made["request"]["id"])
    reply = "Dana: agreed, 40 seats from the next term."
    assert (
        service_main(["answer-request", request_id, "--text", reply, "--database", any_db_url]) == 0
    )
    listed = call(service, "GET", "/v1/renewal/reduction-requests", token=token)[1]["requests"]
    assert (listed[0]["status"], listed[0]["answer"]) == ("answered", reply)
    contract = call(service, "GET", "/v1/contract", token=token)[1]
    assert contract["licensed_seats"] == demo_data.SEATS_NOW  # no seat count changed
    contoso = token_of(service, demo_data.CONTOSO)
    assert call(service, "GET", "/v1/renewal/reduction-requests", token=contoso)[1] == {
        "requests": []
    }


def test_renewal_terms_round_once_and_keep_the_length():
    assert next_term(date(2026, 8, 1), date(2027, 7, 31)) == (date(2027, 8, 1), date(2028, 7, 31))
    terms = renewal_terms(date(2026, 8, 1), date(2027, 7, 31), 7, Decimal("12.875"), "USD")
    assert terms.months == 12
    assert terms.amount == Decimal("1081.50")  # 7 x 12.875 x 12 = 1081.5 exactly
    odd = renewal_terms(date(2026, 8, 1), date(2027, 7, 31), 3, Decimal("9.8885"), "EUR")
    assert odd.amount == Decimal("355.99")  # 355.986 rounded once, half up


def test_the_demo_account_manager_answers_after_a_moment(service):
    from service.models import ReductionRequest
    from service.renewals import DEMO_ANSWER_AFTER, answer_as_demo_manager

    token = token_of(service, demo_data.CONTOSO)
    body = {"seats_wanted": 10, "reason": "Fewer researchers next year."}
    call(service, "POST", "/v1/renewal/reduction-requests", body, token)
    with service_db.connection_context():
        assert answer_as_demo_manager() == 0  # not yet: a moment first
        later = utc_now() + DEMO_ANSWER_AFTER
        assert answer_as_demo_manager(later) == 1
        answer = ReductionRequest.get().answer
    assert answer.startswith("Lena Vogel:") and "10 seats" in answer


def test_a_purchase_after_the_renewal_prorates_to_this_term_and_leaves_the_next_alone(service):
    token = token_of(service, demo_data.NORTHWIND)
    offer = call(service, "GET", "/v1/renewal", token=token)[1]
    body = renewal_body(offer)
    call(service, "POST", "/v1/renewals", body, token, {"Idempotency-Key": "MA-RENE-0009"})
    status, quoted = call(service, "GET", "/v1/quote?seats=4", token=token)
    assert quoted["period_end"] == offer["current_end"]  # this term's end, not the next's
    order = {
        "seats": 4,
        "quoted_amount": quoted["amount"],
        "acknowledged": True,
        "acknowledgement_text": "I acknowledge",
    }
    status, placed = call(
        service, "POST", "/v1/seat-orders", order, token, {"Idempotency-Key": "MA-AFTR-0001"}
    )
    assert status == 201 and placed["order"]["period_end"] == offer["current_end"]
    with service_db.connection_context():
        from service.orders import provision_due

        provision_due(utc_now() + timedelta(hours=1))
        northwind = Organization.get(Organization.name == demo_data.ORGANIZATION)
        following = Contract.get(
            (Contract.organization == northwind)
            & (Contract.start_date == date.fromisoformat(offer["term_start"]))
        )
    assert following.licensed_seats == offer["seats"]  # the renewal's seats, unchanged
    contract = call(service, "GET", "/v1/contract", token=token)[1]
    assert contract["licensed_seats"] == offer["seats_now"] + 4  # this term grew
