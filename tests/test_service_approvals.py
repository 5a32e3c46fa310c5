"""Approvals on the service, over HTTP, on both databases, for both organizations, at a fixed
clock: an order or renewal above its buyer's spending limit is held (202), replayed as its
approval stands, approved days later at the held price (once, whatever races), denied with a
reason, or expired; approvers never decide their own requests, and no one sees another
organization's approvals."""

import json
import threading
import urllib.request
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine

from service import demo_data
from service.auth import hash_password
from service.models import (
    Administrator,
    Approval,
    AuditEvent,
    MailMessage,
    Organization,
    PermissionSet,
    Renewal,
    SeatOrder,
    service_db,
)
from service.orders import ProvisioningDelay
from service.seed import end_current_contract
from service.server import start_service
from tests import service_helpers

START = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)  # a Friday; December is a new period
NORTHWIND, CONTOSO = demo_data.NORTHWIND, demo_data.CONTOSO
# Each organization's buyer with a spending limit, and an approver who is not the buyer.
BUYERS = {NORTHWIND.name: "billing@example.com", CONTOSO.name: "einkauf@contoso.example"}
APPROVERS = {NORTHWIND.name: "admin@example.com", CONTOSO.name: "admin@contoso.example"}
CONTOSO_LIMIT = 20_000  # EUR 200.00: Contoso's buyer approves too, never their own request


def call(service, method: str, path: str, *args, **kwargs) -> tuple[int, dict]:
    """A call whose answer is JSON."""
    status, answer = service_helpers.call(service, method, path, *args, **kwargs)
    assert isinstance(answer, dict), (status, answer)
    return status, answer


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=True) as traveller:
        yield traveller


@pytest.fixture
def service(any_db_url, clock):
    running = start_service(
        any_db_url, delay=ProvisioningDelay(3600, 3600), demo=True, check_responses=True
    )
    with service_db.connection_context():
        _add_administrator(CONTOSO, "Eva Krause", BUYERS[CONTOSO.name], "Einkauf", CONTOSO_LIMIT)
    yield running
    running.stop()


def _add_administrator(
    plan: demo_data.DemoOrganization, name: str, email: str, set_name: str, limit: int | None
) -> None:
    organization = Organization.get(Organization.name == plan.name)
    rights = PermissionSet.create(
        organization=organization,
        name=set_name,
        manage_account=True,
        approve_purchases=True,
        spending_limit_minor=limit,
    )
    Administrator.create(
        organization=organization,
        name=name,
        email=email,
        password_hash=hash_password(plan.password),
        permission_set=rights,
    )


def token(service, plan: demo_data.DemoOrganization, email: str) -> str:
    """A fresh session: days pass in these tests, and sessions end within 12 hours."""
    status, answer = call(
        service, "POST", "/v1/sessions", {"email": email, "password": plan.password}
    )
    assert status == 201, answer
    return answer["token"]


def priced_body(service, session: str, seats: int) -> dict:
    status, quote = call(service, "GET", f"/v1/quote?seats={seats}", token=session)
    assert status == 200, quote
    return {
        "seats": seats,
        "quoted_amount": quote["amount"],
        "quote_date": quote["as_of"],
        "acknowledged": True,
        "acknowledgement_text": "I acknowledge",
        "purchase_order": "PO-APPROVAL",
    }


def order(service, session: str, body: dict, key: str) -> tuple[int, dict]:
    return call(service, "POST", "/v1/seat-orders", body, session, {"Idempotency-Key": key})


def decide(service, session: str, number: str, verb: str, body: dict | None = None):
    return call(service, "POST", f"/v1/approvals/{number}/{verb}", body or {}, session)


def orders_with(key: str) -> int:
    with service_db.connection_context():
        return SeatOrder.select().where(SeatOrder.transaction_id == key).count()


def mails(kind: str) -> list[str]:
    with service_db.connection_context():
        found = MailMessage.select().where(MailMessage.kind == kind).order_by(MailMessage.id)
        return [each.recipient for each in found]


def held(service, plan: demo_data.DemoOrganization, key: str, seats: int = 10):
    """A purchase above the buyer's limit: (the buyer's session, the body, the approval)."""
    buyer = token(service, plan, BUYERS[plan.name])
    body = priced_body(service, buyer, seats)
    status, answer = order(service, buyer, body, key)
    assert (status, answer["replayed"]) == (202, False), answer
    return buyer, body, answer["approval"]


@pytest.mark.parametrize("plan", [NORTHWIND, CONTOSO], ids=["northwind", "contoso"])
def test_an_order_above_the_limit_waits_and_is_approved_days_later_at_its_price(
    service, clock, plan
):
    buyer, body, approval = held(service, plan, "MA-ABOVE-1")
    assert approval["status"] == "pending" and approval["transaction_id"] == "MA-ABOVE-1"
    assert approval["amount"] == body["quoted_amount"] and approval["seats"] == 10
    assert approval["requested_by"]["email"] == BUYERS[plan.name]
    limit = "1000.00" if plan is NORTHWIND else "200.00"
    assert approval["spending_limit"] == limit
    assert Decimal(approval["amount"]) > Decimal(limit)
    assert (
        approval["valid_until"]
        == (date.fromisoformat(body["quote_date"]) + timedelta(7)).isoformat()
    )
    assert approval["purchase_order"] == "PO-APPROVAL"
    assert orders_with("MA-ABOVE-1") == 0
    request = urllib.request.Request(
        f"{service.url}/v1/seat-orders",
        data=json.dumps(body).encode(),
        method="POST",
        headers={
            "Authorization": f"Bearer {buyer}",
            "Content-Type": "application/json",
            "Idempotency-Key": "MA-ABOVE-1",
        },
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # the replay, while pending
        assert response.status == 202
        assert response.headers["Location"] == f"/v1/approvals/{approval['id']}"
    assert APPROVERS[plan.name] in mails("approval_requested")
    assert BUYERS[plan.name] not in mails("approval_requested")  # not told of their own

    clock.shift(timedelta(days=5))  # into December: today's price is lower
    approver = token(service, plan, APPROVERS[plan.name])
    today = priced_body(service, approver, 10)
    assert Decimal(today["quoted_amount"]) < Decimal(approval["amount"])
    status, answer = decide(service, approver, approval["id"], "approve")
    assert status == 201, answer
    assert answer["approval"]["status"] == "approved"
    assert answer["approval"]["decided_by"]["email"] == APPROVERS[plan.name]
    placed = answer["order"]
    assert placed["transaction_id"] == "MA-ABOVE-1"
    assert placed["amount"] == approval["amount"]  # the held price, not today's
    assert (placed["period_start"], placed["period_end"]) == (
        approval["period_start"],
        approval["period_end"],
    )
    assert placed["purchased_by"]["email"] == BUYERS[plan.name]
    assert placed["purchase_order"] == "PO-APPROVAL"
    # The buyer's desktop sends it again: the order, once.
    buyer = token(service, plan, BUYERS[plan.name])
    status, again = order(service, buyer, body, "MA-ABOVE-1")
    assert (status, again["replayed"], again["order"]["amount"]) == (201, True, placed["amount"])
    status, twice = decide(service, approver, approval["id"], "approve")
    assert (status, twice["error"]["code"]) == (409, "approval_decided")
    status, other = order(service, buyer, {**body, "seats": 11}, "MA-ABOVE-1")
    assert (status, other["error"]["code"]) == (409, "idempotency_key_reused")
    assert orders_with("MA-ABOVE-1") == 1
    assert BUYERS[plan.name] in mails("approval_approved")
    with service_db.connection_context():
        actions = [e.action for e in AuditEvent.select().order_by(AuditEvent.id)]
    assert "purchase held for approval" in actions and "purchase approved" in actions


def test_a_denied_order_is_refused_with_the_reason_and_its_quote_is_free_again(service):
    buyer = token(service, NORTHWIND, BUYERS[NORTHWIND.name])
    status, made = call(service, "POST", "/v1/quotes", {"seats": 12}, buyer)
    quote = made["quote"]
    body = {
        "seats": 12,
        "quoted_amount": quote["amount"],
        "quote_number": quote["number"],
        "acknowledged": True,
        "acknowledgement_text": "I acknowledge",
    }
    status, answer = order(service, buyer, body, "MA-DENY-1")
    assert status == 202, answer
    approval = answer["approval"]
    assert approval["quote_number"] == quote["number"]
    assert approval["valid_until"] == quote["valid_until"]  # the formal quote's
    status, kept = call(service, "GET", f"/v1/quotes/{quote['number']}", token=buyer)
    assert kept["quote"]["status"] == "used"  # held for this approval
    approver = token(service, NORTHWIND, APPROVERS[NORTHWIND.name])
    status, denied = decide(service, approver, approval["id"], "deny", {"reason": "Not now."})
    assert status == 200, denied
    assert (denied["approval"]["status"], denied["approval"]["reason"]) == ("denied", "Not now.")
    status, refused = order(service, buyer, body, "MA-DENY-1")
    assert (status, refused["error"]["code"]) == (409, "approval_denied")
    assert refused["error"]["reason"] == "Not now."
    assert refused["error"]["approval"]["id"] == approval["id"]
    assert "Alex Morgan" in refused["error"]["message"]
    status, again = decide(service, approver, approval["id"], "approve")
    assert (status, again["error"]["code"]) == (409, "approval_decided")
    status, free = call(service, "GET", f"/v1/quotes/{quote['number']}", token=buyer)
    assert free["quote"]["status"] == "open"
    assert orders_with("MA-DENY-1") == 0
    assert mails("approval_denied") == [BUYERS[NORTHWIND.name]]


def test_an_approval_expires_with_its_price(service, clock):
    buyer, body, approval = held(service, NORTHWIND, "MA-LATE-1")
    clock.shift(timedelta(days=9))
    buyer = token(service, NORTHWIND, BUYERS[NORTHWIND.name])
    status, refused = order(service, buyer, body, "MA-LATE-1")
    assert (status, refused["error"]["code"]) == (409, "approval_expired")
    assert refused["error"]["approval"]["status"] == "expired"
    status, today = call(service, "GET", "/v1/quote?seats=10", token=buyer)
    assert refused["error"]["quote"]["amount"] == today["amount"]
    approver = token(service, NORTHWIND, APPROVERS[NORTHWIND.name])
    status, late = decide(service, approver, approval["id"], "approve")
    assert (status, late["error"]["code"]) == (409, "approval_expired")
    status, late = decide(service, approver, approval["id"], "deny", {"reason": "Late"})
    assert (status, late["error"]["code"]) == (409, "approval_expired")
    status, listed = call(service, "GET", "/v1/approvals?status=expired", token=approver)
    assert approval["id"] in [each["id"] for each in listed["approvals"]]
    status, listed = call(service, "GET", "/v1/approvals?status=pending", token=approver)
    assert approval["id"] not in [each["id"] for each in listed["approvals"]]
    assert orders_with("MA-LATE-1") == 0


def test_who_may_decide_and_who_sees_what(service):
    # Contoso's buyer approves, but never their own request.
    buyer, _, approval = held(service, CONTOSO, "MA-OWN-1", seats=3)
    status, own = decide(service, buyer, approval["id"], "approve")
    assert (status, own["error"]["code"]) == (403, "own_request")
    status, own = decide(service, buyer, approval["id"], "deny", {"reason": "mine"})
    assert (status, own["error"]["code"]) == (403, "own_request")
    status, approvers = call(service, "GET", "/v1/approvers", token=buyer)
    assert approvers["approvers"] == [{"name": "Jonas Becker", "email": "admin@contoso.example"}]
    # Northwind's buyer is no approver: their own requests only, and no decisions.
    northwind_buyer = token(service, NORTHWIND, BUYERS[NORTHWIND.name])
    status, mine = call(service, "GET", "/v1/approvals", token=northwind_buyer)
    demo = mine["approvals"]
    assert [each["requested_by"]["email"] for each in demo] == [BUYERS[NORTHWIND.name]]
    assert demo[0]["status"] == "pending" and demo[0]["seats"] == demo_data.APPROVAL_SEATS
    status, refused = decide(service, northwind_buyer, demo[0]["id"], "approve")
    assert (status, refused["error"]["code"]) == (403, "not_an_approver")
    status, approvers = call(service, "GET", "/v1/approvers", token=northwind_buyer)
    assert approvers["approvers"] == [{"name": "Alex Morgan", "email": "admin@example.com"}]
    for email in ("viewer@example.com", "finance@example.com"):  # no Manage Account
        session = token(service, NORTHWIND, email)
        for path in ("/v1/approvals", f"/v1/approvals/{demo[0]['id']}", "/v1/approvers"):
            status, answer = call(service, "GET", path, token=session)
            assert (status, answer["error"]["code"]) == (403, "forbidden"), (email, path)
        status, answer = decide(service, session, demo[0]["id"], "approve")
        assert (status, answer["error"]["code"]) == (403, "not_an_approver")
    # An approver sees the organization's, and nothing of the other organization's.
    admin = token(service, NORTHWIND, APPROVERS[NORTHWIND.name])
    status, everything = call(service, "GET", "/v1/approvals", token=admin)
    assert [each["id"] for each in everything["approvals"]] == [demo[0]["id"]]
    contoso_admin = token(service, CONTOSO, APPROVERS[CONTOSO.name])
    status, theirs = call(service, "GET", "/v1/approvals", token=contoso_admin)
    assert [each["id"] for each in theirs["approvals"]] == [approval["id"]]
    assert approval["id"] == demo[0]["id"]  # each numbers its own: the same number, two
    with service_db.connection_context():
        Approval.update(number="AP-2026-000099").where(
            Approval.transaction_id == "MA-OWN-1"
        ).execute()
    for verb, body in (("approve", {}), ("deny", {"reason": "not ours"})):
        status, answer = decide(service, admin, "AP-2026-000099", verb, body)
        assert (status, answer["error"]["code"]) == (404, "not_found")
    status, answer = call(service, "GET", "/v1/approvals/AP-2026-000099", token=admin)
    assert status == 404
    with service_db.connection_context():
        assert Approval.get(Approval.number == "AP-2026-000099").status == "pending"


def test_two_approvers_at_once_make_one_order(service):
    with service_db.connection_context():
        _add_administrator(NORTHWIND, "Kim Park", "second@example.com", "Approvers", None)
    _, _, approval = held(service, NORTHWIND, "MA-RACE-1")
    sessions = [
        token(service, NORTHWIND, "admin@example.com"),
        token(service, NORTHWIND, "second@example.com"),
    ]
    answers = []
    barrier = threading.Barrier(len(sessions))

    def approve(session: str) -> None:
        barrier.wait()
        answers.append(decide(service, session, approval["id"], "approve"))

    threads = [threading.Thread(target=approve, args=(each,)) for each in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    statuses = sorted(status for status, _ in answers)
    assert statuses == [201, 409], answers
    assert next(a for s, a in answers if s == 409)["error"]["code"] == "approval_decided"
    assert orders_with("MA-RACE-1") == 1


def test_a_renewal_above_the_limit_is_held_and_approved(service, clock):
    with service_db.connection_context():
        end_current_contract(NORTHWIND.name, NORTHWIND.today() + timedelta(days=40))
    buyer = token(service, NORTHWIND, BUYERS[NORTHWIND.name])
    status, offer = call(service, "GET", "/v1/renewal", token=buyer)
    body = {
        "seats": offer["seats"],
        "quoted_amount": offer["amount"],
        "acknowledged": True,
        "acknowledgement_text": "I acknowledge",
        "purchase_order": None,
        "instructions": "Invoice the new cost centre.",
    }
    headers = {"Idempotency-Key": "MA-RENEW-HELD"}
    status, answer = call(service, "POST", "/v1/renewals", body, buyer, headers)
    assert status == 202, answer
    approval = answer["approval"]
    assert (approval["kind"], approval["amount"]) == ("renewal", offer["amount"])
    assert (approval["period_start"], approval["period_end"]) == (
        offer["term_start"],
        offer["term_end"],
    )
    status, again = call(service, "POST", "/v1/renewals", body, buyer, headers)
    assert (status, again["replayed"]) == (202, True)
    clock.shift(timedelta(days=3))
    approver = token(service, NORTHWIND, APPROVERS[NORTHWIND.name])
    status, approved = decide(service, approver, approval["id"], "approve")
    assert status == 201, approved
    renewal = approved["renewal"]
    assert (renewal["transaction_id"], renewal["amount"]) == ("MA-RENEW-HELD", offer["amount"])
    assert renewal["renewed_by"]["email"] == BUYERS[NORTHWIND.name]
    assert renewal["instructions"] == "Invoice the new cost centre."
    buyer = token(service, NORTHWIND, BUYERS[NORTHWIND.name])
    status, replay = call(service, "POST", "/v1/renewals", body, buyer, headers)
    assert (status, replay["replayed"]) == (201, True)
    with service_db.connection_context():
        assert Renewal.select().where(Renewal.transaction_id == "MA-RENEW-HELD").count() == 1


def test_at_or_below_the_limit_and_without_one_an_order_is_placed_at_once(service):
    buyer = token(service, NORTHWIND, BUYERS[NORTHWIND.name])
    body = priced_body(service, buyer, 2)
    with service_db.connection_context():  # the limit exactly the amount: not above it
        minor = int(Decimal(body["quoted_amount"]) * 100)
        PermissionSet.update(spending_limit_minor=minor).where(
            PermissionSet.name == "Billing"
        ).execute()
    status, answer = order(service, buyer, body, "MA-AT-LIMIT")
    assert status == 201, answer
    admin = token(service, NORTHWIND, "admin@example.com")  # no limit
    status, answer = order(service, admin, priced_body(service, admin, 40), "MA-NO-LIMIT")
    assert status == 201, answer
    assert Decimal(answer["order"]["amount"]) > 1000


def test_bad_input_is_refused_and_changes_nothing(service):
    _, _, approval = held(service, NORTHWIND, "MA-BAD-1")
    admin = token(service, NORTHWIND, APPROVERS[NORTHWIND.name])
    path = f"/v1/approvals/{approval['id']}/deny"
    for body in ({}, {"reason": ""}, {"reason": "  "}, {"reason": "x" * 501}, {"reason": 5},
                 {"reason": "a\u202eb"}, {"reason": None}):  # fmt: skip
        status, answer = call(service, "POST", path, body, admin)
        assert (status, answer["error"]["code"]) == (422, "invalid_reason"), body
    status, answer = call(service, "POST", path, raw=b'{"reason": "a\\u0000b"}', token=admin)
    assert (status, answer["error"]["code"]) == (400, "invalid_text")
    status, answer = call(service, "POST", path, {"reason": "ok", "more": 1}, admin)
    assert status == 400
    status, answer = call(service, "POST", path, token=admin)  # no body
    assert status == 400
    for unknown in ("AP-2026-999999", "nothing", "%E2%80%AE"):
        status, answer = decide(service, admin, unknown, "approve")
        assert status in (400, 404), unknown
    status, answer = call(service, "GET", "/v1/approvals?status=maybe", token=admin)
    assert status == 400
    status, fine = call(service, "POST", path, {"reason": "Line one\r\nline two"}, admin)
    assert (status, fine["approval"]["reason"]) == (200, "Line one\nline two")
