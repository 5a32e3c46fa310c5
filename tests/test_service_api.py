"""The reference service over real HTTP on 127.0.0.1: every status code, idempotency, races."""

import json
import re
import threading
import time
import urllib.error
import urllib.request
from datetime import timedelta
from urllib.parse import quote

import pytest

from billing.money import PLAIN_DECIMAL
from billing.orders import REFUSALS
from db.database import close_database
from db.fields import utc_now
from service import audit, demo_data
from service.contract import DOCUMENT, OPENAPI
from service.models import Contract, Organization, SeatOrder, service_db
from service.orders import provision_due
from tests.service_helpers import call, sign_in, start_demo_service

FIRST = demo_data.PAST_PURCHASES + 1  # the first invoice number after the demo's
ORDER = {"seats": 5, "acknowledged": True, "acknowledgement_text": "I acknowledge…"}


@pytest.fixture
def service(any_db_url):
    running = start_demo_service(any_db_url, delay=(3600, 3600))  # provisioned only on request
    yield running
    running.stop()


@pytest.fixture
def billing(service):
    return sign_in(service, "billing@example.com")


def order(service, token, key, **changes):
    status, quoted = call(service, "GET", f"/v1/quote?seats={changes.get('seats', 5)}", token=token)
    body = {**ORDER, "quoted_amount": quoted.get("amount") if status == 200 else "0", **changes}
    return call(service, "POST", "/v1/seat-orders", body, token, {"Idempotency-Key": key})


def test_health_and_openapi_need_no_session(service):
    assert call(service, "GET", "/v1/health") == (200, {"status": "ok"})
    status, spec = call(service, "GET", "/v1/openapi.json")
    assert status == 200 and spec["openapi"].startswith("3.1")


def test_sign_in_and_out(service):
    status, body = call(
        service,
        "POST",
        "/v1/sessions",
        {"email": "admin@example.com", "password": "northwind-demo"},
    )
    assert status == 201
    with service_db.connection_context():
        northwind = Organization.get(Organization.name == demo_data.ORGANIZATION).id
    assert body["administrator"] == {
        "name": "Alex Morgan",
        "email": "admin@example.com",
        "organization_id": northwind,
        "organization": demo_data.ORGANIZATION,
        "currency": "USD",
        "permission_set": "Administrators",
        "permissions": {
            "manage_account": True,
            "manage_permission_sets": True,
            "view_billing": False,
            "approve_purchases": True,
            "spending_limit": None,
        },
    }
    token = body["token"]
    status, contract = call(service, "GET", "/v1/contract", token=token)
    assert (status, contract["organization"], contract["organization_id"]) == (
        200,
        demo_data.ORGANIZATION,
        northwind,
    )
    assert call(service, "DELETE", "/v1/sessions/current", token=token) == (204, None)
    status, error = call(service, "GET", "/v1/contract", token=token)
    assert status == 401 and error["error"]["code"] == "unauthorized"


@pytest.mark.parametrize(
    "credentials",
    [
        {"email": "admin@example.com", "password": "wrong"},
        {"email": "nobody@example.com", "password": "northwind-demo"},
    ],
)
def test_bad_credentials_do_not_say_which(service, credentials):
    status, body = call(service, "POST", "/v1/sessions", credentials)
    assert status == 401
    assert body["error"]["message"] == "The e-mail or the password is wrong."


def test_contract_and_quote(service, billing):
    status, contract = call(service, "GET", "/v1/contract", token=billing)
    assert status == 200
    assert contract["licensed_seats"] == 50 and contract["pending_seats"] == 0
    assert contract["monthly_price_per_seat"] == "12.5000" and contract["proration"] == "month"
    assert contract["account_manager"]["name"] == "Dana Whitfield"
    status, quote = call(
        service, "GET", f"/v1/quote?seats=5&as_of={contract['start_date']}", token=billing
    )
    assert status == 200
    assert (quote["prorated_months"], quote["amount"]) == (12, "750.00")
    assert call(service, "GET", "/v1/quote?seats=0", token=billing)[0] == 422
    assert call(service, "GET", "/v1/quote?seats=2&as_of=tomorrow", token=billing)[0] == 400


def test_a_quote_before_any_contract_starts_is_refused(service, billing):
    first = Contract.select().order_by(Contract.start_date).first().start_date
    before = (first - timedelta(days=1)).isoformat()
    status, body = call(service, "GET", f"/v1/quote?seats=2&as_of={before}", token=billing)
    assert status == 422 and body["error"]["code"] == "contract_not_started"
    assert first.isoformat() in body["error"]["message"]


def test_viewer_is_refused_by_the_service(service):
    viewer = sign_in(service, "viewer@example.com")
    for method, path in (
        ("GET", "/v1/contract"),
        ("GET", "/v1/quote?seats=1"),
        ("GET", "/v1/seat-orders"),
    ):
        status, body = call(service, method, path, token=viewer)
        assert status == 403 and "Manage Account" in body["error"]["message"]
    assert order(service, viewer, "MA-VIEW-0001")[0] == 403


def test_errors_are_json_with_the_right_status(service, billing):
    assert call(service, "GET", "/v1/contract")[0] == 401
    assert (
        call(service, "GET", "/v1/nothing-here", token=billing)[1]["error"]["code"] == "not_found"
    )
    status, body = call(service, "PUT", "/v1/contract", token=billing)
    assert status == 405 and body["error"]["code"] == "method_not_allowed"
    status, body = call(service, "POST", "/v1/sessions", raw=b"{not json")
    assert status == 400 and body["error"]["code"] == "malformed_json"
    status, body = call(service, "POST", "/v1/sessions", raw=b"x" * (65 * 1024))
    assert status == 413 and body["error"]["code"] == "body_too_large"
    status, body = call(service, "POST", "/v1/seat-orders", ORDER, billing)
    assert status == 400 and body["error"]["code"] == "invalid_parameter"
    assert body["error"]["parameter"] == "Idempotency-Key"
    status, _ = call(
        service, "POST", "/v1/seat-orders", ORDER, billing, {"Idempotency-Key": "k" * 256}
    )
    assert status == 400


def test_order_is_idempotent(service, billing):
    status, first = order(service, billing, "MA-AAAA-0001")
    assert status == 201 and first["replayed"] is False
    assert (
        first["order"]["status"] == "pending"
        and first["order"]["amount"] == first["order"]["amount"]
    )
    status, again = order(service, billing, "MA-AAAA-0001")
    assert status == 201 and again["replayed"] is True
    assert again["order"] == first["order"]
    status, clash = order(service, billing, "MA-AAAA-0001", seats=6)
    assert status == 409 and clash["error"]["code"] == "idempotency_key_reused"
    status, contract = call(service, "GET", "/v1/contract", token=billing)
    assert contract["pending_seats"] == 5
    status, fetched = call(service, "GET", "/v1/seat-orders/MA-AAAA-0001", token=billing)
    assert status == 200 and fetched["order"]["transaction_id"] == "MA-AAAA-0001"
    assert call(service, "GET", "/v1/seat-orders/MA-NONE-0000", token=billing)[0] == 404


@pytest.mark.parametrize(
    "changes, code, words",
    [
        ({"seats": 0}, "invalid_order", "at least 1"),
        ({"seats": -3}, "invalid_order", "contact your account manager, Dana Whitfield"),
        ({"seats": 10_001}, "invalid_order", "At most 10,000"),
        ({"seats": 2.5}, "invalid_order", "whole number"),
        ({"seats": "5"}, "invalid_order", "whole number"),
        ({"acknowledged": False}, "not_acknowledged", "acknowledged"),
        ({"acknowledgement_text": 5}, "not_acknowledged", "acknowledgement_text"),
        ({"quoted_amount": "sNaN"}, "invalid_quoted_amount", "decimal string"),
        ({"quoted_amount": "NaN"}, "invalid_quoted_amount", "decimal string"),
        ({"quoted_amount": "Infinity"}, "invalid_quoted_amount", "decimal string"),
        ({"quoted_amount": "6.25E1"}, "invalid_quoted_amount", "decimal string"),
        ({"quoted_amount": 62.5}, "invalid_quoted_amount", "decimal string"),
        ({"quote_date": "next week"}, "invalid_quote_date", "quote_date"),
        ({"quote_date": "2999-01-01"}, "quote_date_in_future", "after today"),
        ({"quote_date": "2001-01-01"}, "quote_expired", "no longer valid"),
    ],
)
def test_invalid_orders_are_refused_with_their_code(service, billing, changes, code, words):
    status, body = order(service, billing, f"MA-BAD-{code}-{changes}", **changes)
    assert status == (409 if code == "quote_expired" else 422)
    assert body["error"]["code"] == code
    assert words in body["error"]["message"]


def test_a_stale_quote_is_409_with_the_current_one(service, billing):
    status, body = call(
        service,
        "POST",
        "/v1/seat-orders",
        {**ORDER, "quoted_amount": "1.00"},
        billing,
        {"Idempotency-Key": "MA-OLD-0001"},
    )
    assert status == 409 and body["error"]["code"] == "quote_changed"
    assert body["error"]["quote"]["seats"] == 5 and body["error"]["quote"]["amount"] != "1.00"
    assert call(service, "GET", "/v1/seat-orders/MA-OLD-0001", token=billing)[0] == 404


def test_an_ended_contract_refuses_orders(service, billing):
    Contract.update(end_date=Contract.start_date).execute()
    status, body = order(service, billing, "MA-LATE-0001")
    assert status == 422 and body["error"]["code"] == "contract_ended"


def test_changes_feed_pages_oldest_first(service, billing):
    status, page = call(service, "GET", "/v1/seat-orders?limit=10", token=billing)
    assert status == 200 and len(page["orders"]) == 10 and page["has_more"]
    seen = [o["transaction_id"] for o in page["orders"]]
    while page["has_more"]:
        page = call(
            service, "GET", f"/v1/seat-orders?limit=10&cursor={page['cursor']}", token=billing
        )[1]
        seen += [o["transaction_id"] for o in page["orders"]]
    assert len(seen) == len(set(seen)) == demo_data.PAST_PURCHASES
    cursor = page["cursor"]
    order(service, billing, "MA-NEW-0001")
    fresh = call(service, "GET", f"/v1/seat-orders?cursor={cursor}", token=billing)[1]
    assert [o["transaction_id"] for o in fresh["orders"]] == ["MA-NEW-0001"]
    since = fresh["orders"][0]["updated_at"]
    assert (
        call(service, "GET", f"/v1/seat-orders?updated_since={quote(since)}", token=billing)[1][
            "orders"
        ]
        == []
    )


def provision_all() -> int:
    with service_db.connection_context():
        return provision_due(utc_now() + timedelta(days=2))


def test_concurrent_orders_all_count(service, billing):
    admin = sign_in(service, "admin@example.com")
    results = []

    def buy(token, key):
        results.append(order(service, token, key, seats=3)[0])

    threads = [
        threading.Thread(target=buy, args=(billing if n % 2 else admin, f"MA-RACE-{n:04d}"))
        for n in range(16)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [201] * 16
    assert provision_all() == 16
    _status, contract = call(service, "GET", "/v1/contract", token=billing)
    assert contract["licensed_seats"] == 50 + 16 * 3 and contract["pending_seats"] == 0
    invoices = sorted(
        o.invoice_number
        for o in SeatOrder.select().where(SeatOrder.transaction_id.startswith("MA-RACE"))
    )
    assert invoices == [f"INV-{time.gmtime().tm_year}-{n:06d}" for n in range(FIRST, FIRST + 16)]
    assert provision_all() == 0  # exactly once


def test_provisioning_survives_a_restart(any_db_url):
    running = start_demo_service(any_db_url, delay=(0.5, 0.5))
    token = sign_in(running, "billing@example.com")
    assert order(running, token, "MA-REST-0001")[0] == 201
    running.stop()  # before the delay has passed
    time.sleep(0.6)
    running = start_demo_service(any_db_url, delay=(0.5, 0.5))
    try:
        token = sign_in(running, "billing@example.com")
        deadline = time.time() + 10
        while (
            call(running, "GET", "/v1/seat-orders/MA-REST-0001", token=token)[1]["order"]["status"]
            != "provisioned"
        ):
            assert time.time() < deadline
            time.sleep(0.1)
        assert call(running, "GET", "/v1/contract", token=token)[1]["licensed_seats"] == 55
    finally:
        running.stop()
        close_database(service_db)


def test_openapi_documents_every_route(service):
    from service.api import Api

    spec = call(service, "GET", "/v1/openapi.json")[1]
    routes = {
        (re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", pattern.pattern).replace("\\", ""), method.lower())
        for pattern, methods, _ in Api().routes
        for method in methods
    }
    documented = {(path, method) for path, item in spec["paths"].items() for method in item}
    assert routes == documented


def test_openapi_names_every_refusal_that_rejects_an_order():
    spec = json.loads(OPENAPI.read_text())
    described = spec["components"]["schemas"]["Error"]["properties"]["error"]["properties"]
    words = set(re.findall(r"[a-z_]+", described["code"]["description"]))
    assert set(REFUSALS) <= words
    said, status = {}, None  # each code under the status it is said after
    for word in re.findall(r"\d{3}|[a-z_]+", described["code"]["description"]):
        status = int(word) if word.isdigit() else status
        said.setdefault(word, status)
    assert {code: said[code] for code in REFUSALS} == REFUSALS
    amount = spec["components"]["schemas"]["OrderRequest"]["properties"]["quoted_amount"]
    assert amount["pattern"] == "^" + PLAIN_DECIMAL.pattern + "$"


def test_an_internal_fault_is_still_json(service, billing, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("service.orders.current_contract", broken)
    status, body = call(service, "GET", "/v1/contract", token=billing)
    assert status == 500 and body["error"]["code"] == "internal_error"
    assert "disk on fire" not in body["error"]["message"]  # no internals leak to clients


def test_a_busy_database_is_503_with_retry_after_never_500(service, billing, monkeypatch):
    import urllib.error
    import urllib.request

    import peewee

    def busy(*args, **kwargs):
        raise peewee.OperationalError("database is locked")

    monkeypatch.setattr("service.orders.current_contract", busy)
    request = urllib.request.Request(service.url + "/v1/contract")
    request.add_header("Authorization", f"Bearer {billing}")
    with pytest.raises(urllib.error.HTTPError) as answered:
        urllib.request.urlopen(request, timeout=10)
    assert answered.value.code == 503 and answered.value.headers["Retry-After"] == "1"
    assert json.loads(answered.value.read())["error"]["code"] == "busy"


@pytest.mark.parametrize(
    "method, path, body, parameter",
    [
        ("GET", "/v1/seat-orders?cursor=99999999999999999999999-1", None, "cursor"),
        ("GET", "/v1/seat-orders?cursor=1-" + "9" * 30, None, "cursor"),
        ("GET", "/v1/seat-orders?cursor=abc", None, "cursor"),
        ("GET", "/v1/seat-orders?updated_since=9999-12-31T23:59:59-12:00", None, "updated_since"),
        ("GET", "/v1/seat-orders?updated_since=0001-01-01T00:00:00%2B14:00", None, "updated_since"),
        ("GET", "/v1/seat-orders?updated_since=yesterday", None, "updated_since"),
        ("GET", "/v1/seat-orders?limit=1001", None, "limit"),
        ("GET", "/v1/seat-orders?limit=0", None, "limit"),
        ("GET", "/v1/seat-orders?limit=-5", None, "limit"),
        ("GET", "/v1/audit-events?before=" + "9" * 30, None, "before"),
        ("GET", "/v1/audit-events?limit=1001", None, "limit"),
        ("POST", "/v1/audit-events", {"action": {}, "details": {}}, None),
        ("POST", "/v1/audit-events", {"action": ["receipts exported"]}, None),
    ],
)
def test_malformed_input_is_400_naming_the_parameter_never_500(
    service, method, path, body, parameter
):
    admin = sign_in(service, "admin@example.com")
    status, answer = call(service, method, path, body, admin)
    assert status == 400, answer
    assert answer["error"].get("parameter") == parameter


@pytest.mark.parametrize("path", ["/v1/seat-orders", "/v1/invoices"])
def test_a_cursor_past_the_year_9999_finds_nothing(service, path):
    admin = sign_in(service, "admin@example.com")
    for cursor in ("999999999999999999-1", "1-9999999999999999999"):
        status, answer = call(service, "GET", f"{path}?cursor={cursor}", token=admin)
        assert status == 200 and answer["has_more"] is False
        if cursor.startswith("9"):
            assert answer[path.rsplit("/", 1)[1].replace("seat-", "")] == []


@pytest.mark.parametrize(
    "content_type, raw",
    [
        ("text/plain", b'{"email": "admin@example.com", "password": "northwind-demo"}'),
        ("application/x-www-form-urlencoded", b"email=admin%40example.com&password=x"),
        ("", b'{"email": "admin@example.com", "password": "northwind-demo"}'),
    ],
)
def test_a_body_that_is_not_json_is_415(service, content_type, raw):
    request = urllib.request.Request(service.url + "/v1/sessions", raw, method="POST")
    request.add_header("Content-Type", content_type)  # "" sends the header empty
    with pytest.raises(urllib.error.HTTPError) as answered:
        urllib.request.urlopen(request, timeout=10)
    assert answered.value.code == 415
    assert json.loads(answered.value.read())["error"]["code"] == "unsupported_media_type"


@pytest.mark.parametrize(
    "key", ["Schlüssel-1", "tab\tkey", "k" * 256, ""], ids=["utf-8", "control", "long", "empty"]
)
def test_an_idempotency_key_is_printable_ascii(service, billing, key):
    status, body = order(service, billing, key)
    assert status == 400 and body["error"]["parameter"] == "Idempotency-Key"


def test_a_body_that_breaks_the_document_names_the_field(service, billing):
    status, body = call(
        service, "POST", "/v1/audit-events", {"action": "receipts exported", "extra": 1}, billing
    )
    assert status == 400 and body["error"]["field"] == "extra"
    status, body = call(service, "POST", "/v1/sessions", {"email": "a@example.com"})
    assert status == 400 and body["error"]["field"] == "password"


def test_an_empty_patch_changes_nothing(service):
    admin = sign_in(service, "admin@example.com")
    sets = call(service, "GET", "/v1/permission-sets", token=admin)[1]["permission_sets"]
    status, body = call(service, "PATCH", f"/v1/permission-sets/{sets[0]['id']}", {}, admin)
    assert status == 200 and body["permission_set"] == sets[0]


def test_the_document_allows_exactly_the_actions_a_desktop_may_report():
    post = DOCUMENT["paths"]["/v1/audit-events"]["post"]
    schema = post["requestBody"]["content"]["application/json"]["schema"]
    assert set(schema["properties"]["action"]["enum"]) == audit.CLIENT_ACTIONS


def test_every_code_a_property_names_is_a_refusal_of_the_core():
    properties = DOCUMENT["components"]["schemas"]["OrderRequest"]["properties"]
    codes = {p["x-error-code"] for p in properties.values() if "x-error-code" in p}
    assert codes == {
        "invalid_order",
        "invalid_quoted_amount",
        "invalid_quote_date",
        "not_acknowledged",
        "invalid_purchase_order",
        "invalid_invoice_note",
        "unknown_quote",
    }
    assert codes <= set(REFUSALS)


def test_an_answer_that_breaks_the_document_is_caught_in_the_tests(service, billing, monkeypatch):
    monkeypatch.setattr("service.orders.quote_json", lambda priced: {"amount": 562.5})
    status, body = call(service, "GET", "/v1/quote?seats=5", token=billing)
    assert status == 500 and body["error"]["code"] == "breaks_contract"
    assert "562.5 is not of type 'string'" in body["error"]["message"]
