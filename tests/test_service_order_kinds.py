"""Purchases and renewals on the service as one kind of thing, over HTTP, on both databases and
for both organizations: a renewal idempotent as an order is (the same key replays, another body
is refused, another key for the renewed contract names the first), renewals listed, and the
order feed saying each order's contract and its parties as they were when it was placed."""

import json
import shutil
import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from playhouse.migrations import Runner

from billing.kinds import OrderKind
from billing.orders import OrderRequest, decode_order, encode_order
from db.database import close_database, connect_url, open_database
from service import demo_data
from service.models import Organization, SeatOrder, service_db
from service.seed import end_current_contract
from service.server import MIGRATIONS
from tests.service_helpers import call, start_demo_service
from tests.test_service_upgrade import make_version_2

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too

PLANS = {plan.name: plan for plan in demo_data.ORGANIZATIONS}


@pytest.fixture
def service(any_db_url):
    running = start_demo_service(any_db_url, delay=(3600, 3600))  # provisioned only on request
    with service_db.connection_context():  # both organizations' renewal windows are open
        for plan in demo_data.ORGANIZATIONS:
            end_current_contract(plan.name, plan.today() + timedelta(days=30))
    yield running
    running.stop()


def token_of(service, plan: demo_data.DemoOrganization) -> str:
    body = {"email": plan.administrators[0][1], "password": plan.password}
    return call(service, "POST", "/v1/sessions", body)[1]["token"]


def parties_now(service, token: str) -> dict:
    """The vendor and the bill-to as the service gives them now, in the form an order keeps."""
    vendor = call(service, "GET", "/v1/vendor", token=token)[1]
    profile = call(service, "GET", "/v1/billing-profile", token=token)[1]
    del profile["updated_at"]
    return {"vendor": vendor, "bill_to": profile}


def renewal_body(service, token: str, **changes) -> dict:
    """The body a desktop from before the codec built by hand: both nullable keys present."""
    offer = call(service, "GET", "/v1/renewal", token=token)[1]
    return {
        "seats": offer["seats"],
        "quoted_amount": offer["amount"],
        "acknowledged": True,
        "acknowledgement_text": "I acknowledge",
        "purchase_order": None,
        "instructions": None,
        **changes,
    }


@pytest.mark.parametrize("plan", demo_data.ORGANIZATIONS, ids=lambda plan: plan.name)
def test_a_renewal_is_idempotent_as_an_order_is(service, plan):
    token = token_of(service, plan)
    body = renewal_body(service, token)
    assert encode_order(decode_order(OrderKind.RENEWAL, body)) == body  # the codec's body too
    key = {"Idempotency-Key": "MA-RENE-0001"}
    status, first = call(service, "POST", "/v1/renewals", body, token, key)
    assert status == 201 and first["replayed"] is False
    renewal = first["renewal"]
    assert (renewal["status"], renewal["transaction_id"]) == ("provisioned", "MA-RENE-0001")
    assert renewal["parties"] == parties_now(service, token)
    assert renewal["parties"]["bill_to"]["legal_name"] == plan.billing_profile["legal_name"]

    status, again = call(service, "POST", "/v1/renewals", body, token, key)
    assert (status, again) == (201, {"renewal": renewal, "replayed": True})

    other_body = body | {"instructions": "Invoice in January"}
    status, reused = call(service, "POST", "/v1/renewals", other_body, token, key)
    assert (status, reused["error"]["code"]) == (409, "idempotency_key_reused")

    status, twice = call(service, "POST", "/v1/renewals", body, token, {"Idempotency-Key": "K2"})
    assert (status, twice["error"]["code"]) == (409, "already_renewed")
    assert twice["error"]["transaction_id"] == "MA-RENE-0001"
    assert twice["error"]["localizable"]["fields"] == {"transaction_id": "MA-RENE-0001"}

    listed = call(service, "GET", "/v1/renewals", token=token)
    assert listed == (200, {"renewals": [renewal]})


def test_each_organization_renews_its_own_contract_with_the_same_key(service):
    northwind, contoso = (
        token_of(service, demo_data.NORTHWIND),
        token_of(service, demo_data.CONTOSO),
    )
    key = {"Idempotency-Key": "MA-SAME-KEY1"}
    made = {}
    for token in (northwind, contoso):
        status, answer = call(
            service, "POST", "/v1/renewals", renewal_body(service, token), token, key
        )
        assert status == 201 and answer["replayed"] is False  # a key is its organization's own
        made[token] = answer["renewal"]
    assert made[northwind]["parties"] != made[contoso]["parties"]
    for token in (northwind, contoso):
        assert call(service, "GET", "/v1/renewals", token=token)[1] == {"renewals": [made[token]]}
        status, offer = call(service, "GET", "/v1/renewal", token=token)
        assert (status, offer["error"]["transaction_id"]) == (409, "MA-SAME-KEY1")


def test_a_renewal_refused_renews_nothing_and_names_its_code(service):
    token = token_of(service, demo_data.CONTOSO)
    body = renewal_body(service, token)
    for change, status, code in (
        ({"seats": body["seats"] - 1}, 422, "renewal_fewer_seats"),
        ({"quoted_amount": "1.00"}, 409, "quote_changed"),
        ({"quoted_amount": "one"}, 422, "invalid_quoted_amount"),
        ({"acknowledged": False}, 422, "not_acknowledged"),
        ({"instructions": "a\u200bb"}, 422, "invalid_renewal"),
    ):
        answer = call(
            service, "POST", "/v1/renewals", body | change, token, {"Idempotency-Key": code}
        )
        assert (answer[0], answer[1]["error"]["code"]) == (status, code)
        assert answer[1]["error"]["localizable"]["text"]
    assert call(service, "GET", "/v1/renewals", token=token)[1] == {"renewals": []}
    assert call(service, "GET", "/v1/renewal", token=token)[0] == 200  # still open


def test_a_renewal_outside_its_window_is_refused_as_not_open(service):
    with service_db.connection_context():
        end_current_contract(demo_data.ORGANIZATION, demo_data.NORTHWIND.today() + timedelta(90))
    token = token_of(service, demo_data.NORTHWIND)
    body = {
        "seats": 60,
        "quoted_amount": "1.00",
        "acknowledged": True,
        "acknowledgement_text": "I acknowledge",
    }
    status, answer = call(service, "POST", "/v1/renewals", body, token, {"Idempotency-Key": "K"})
    assert (status, answer["error"]["code"]) == (404, "renewal_not_open")


def test_racing_renewals_make_one(service):
    """Eight requests at once, half with one key and half with another: one renewal; its key's
    requests are answered with it, the other key's with already_renewed naming it."""
    token = token_of(service, demo_data.NORTHWIND)
    body = renewal_body(service, token)
    answers, start = [], threading.Barrier(8)

    def renew(key: str) -> None:
        start.wait()
        answers.append(
            (key, *call(service, "POST", "/v1/renewals", body, token, {"Idempotency-Key": key}))
        )

    threads = [threading.Thread(target=renew, args=(f"MA-RACE-000{n % 2}",)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    made = {answer["renewal"]["transaction_id"] for _, status, answer in answers if status == 201}
    assert len(made) == 1
    (winner,) = made
    for key, status, answer in answers:
        if key == winner:
            assert status == 201
        else:
            assert (status, answer["error"]["code"]) == (409, "already_renewed")
            assert answer["error"]["transaction_id"] == winner
    assert sum(1 for _, status, a in answers if status == 201 and not a["replayed"]) == 1
    assert len(call(service, "GET", "/v1/renewals", token=token)[1]["renewals"]) == 1


def test_the_feed_says_each_orders_contract_and_parties_then(service):
    northwind, contoso = (
        token_of(service, demo_data.NORTHWIND),
        token_of(service, demo_data.CONTOSO),
    )
    before = parties_now(service, northwind)
    status, quoted = call(service, "GET", "/v1/quote?seats=2", token=northwind)
    body = OrderRequest(
        OrderKind.PURCHASE, 2, Decimal(quoted["amount"]), acknowledgement_text="I acknowledge"
    )
    key = {"Idempotency-Key": "MA-PRTY-0001"}
    status, placed = call(service, "POST", "/v1/seat-orders", encode_order(body), northwind, key)
    assert status == 201 and placed["order"]["parties"] == before
    contract = call(service, "GET", "/v1/contract", token=northwind)[1]
    terms = ("organization", "organization_id", "timezone", "pending_seats")  # not the order's
    assert placed["order"]["contract"] == {
        name: value for name, value in contract.items() if name not in terms
    }
    changed = {"legal_name": "Northwind Traders GmbH"}
    assert call(service, "PATCH", "/v1/billing-profile", changed, northwind)[0] == 200
    status, later = call(
        service, "POST", "/v1/seat-orders", encode_order(body), northwind, {"Idempotency-Key": "K2"}
    )
    assert later["order"]["parties"]["bill_to"]["legal_name"] == "Northwind Traders GmbH"
    assert later["order"]["parties"]["vendor"] == before["vendor"]

    feeds = {}
    for token in (northwind, contoso):
        status, feed = call(service, "GET", "/v1/seat-orders?limit=1000", token=token)
        assert status == 200 and not feed["has_more"]
        feeds[token] = feed["orders"]
    mine = {order["transaction_id"]: order for order in feeds[northwind]}
    assert mine["MA-PRTY-0001"]["parties"] == before  # as it was when placed, not as it is now
    assert mine["K2"]["parties"]["bill_to"]["legal_name"] == "Northwind Traders GmbH"
    for token, plan in ((northwind, demo_data.NORTHWIND), (contoso, demo_data.CONTOSO)):
        own_contracts = set()
        for order in feeds[token]:
            period = order["contract"]
            assert period["start_date"] <= order["period_start"] <= period["end_date"]
            own_contracts.add(period["id"])
            if order["transaction_id"] != "K2":
                assert (
                    order["parties"]["bill_to"]["legal_name"] == plan.billing_profile["legal_name"]
                )
        with service_db.connection_context():
            organization = Organization.get(Organization.name == plan.name)
            assert own_contracts <= {c.id for c in organization.contracts}
    northwind_contracts = {order["contract"]["id"] for order in feeds[northwind]}
    assert not northwind_contracts & {order["contract"]["id"] for order in feeds[contoso]}


def test_orders_placed_before_the_parties_were_kept_get_todays(any_db_url, tmp_path):
    """The upgrade to version 11 fills in the vendor and each bill-to as they are then."""
    make_version_2(any_db_url, tmp_path)
    up_to_10 = tmp_path / "migrations-v10"
    up_to_10.mkdir()
    for path in sorted(MIGRATIONS.glob("00*.py")):
        if path.stem < "0011":
            shutil.copy(path, up_to_10 / path.name)
    db = connect_url(any_db_url)
    db.connect()
    Runner(db, str(up_to_10)).up()
    db.execute_sql(
        "INSERT INTO vendor (legal_name, address, tax_id, support_email, support_phone,"
        " payment_terms_days) VALUES ('Fabrikam', 'Street 1\nCity', 'EIN 1', 's@f.example',"
        " '+1 555', 14)"
    )
    db.execute_sql(
        "INSERT INTO billing_profile (organization_id, legal_name, address, country, tax_id,"
        " billing_emails, default_purchase_order, updated_at) VALUES (1, 'Northwind',"
        " 'Road 2', 'US', NULL, '[\"ap@northwind.example\"]', 'PO-9', '2026-04-01 12:00:00')"
    )
    db.close()
    open_database(any_db_url, service_db, MIGRATIONS)
    try:
        kept = {order.organization_id: order.parties for order in SeatOrder.select()}
    finally:
        close_database(service_db)
    vendor = {
        "legal_name": "Fabrikam",
        "address": "Street 1\nCity",
        "tax_id": "EIN 1",
        "support_email": "s@f.example",
        "support_phone": "+1 555",
        "payment_terms_days": 14,
    }
    bill_to = {
        "legal_name": "Northwind",
        "address": "Road 2",
        "country": "US",
        "tax_id": None,
        "billing_emails": ["ap@northwind.example"],
        "default_purchase_order": "PO-9",
    }
    assert {organization: json.loads(text) for organization, text in kept.items()} == {
        1: {"vendor": vendor, "bill_to": bill_to},
        2: {"vendor": vendor, "bill_to": None},  # Contoso had no billing profile then
    }
