"""Two organizations in one service: every operation in the OpenAPI document, called by one
organization's administrator on the other's objects, finds nothing of the other's.

The operations are read from service/openapi.json, so a new route is tried the day it is added.
"""

import json

import pytest

from service import demo_data
from service.contract import OPENAPI
from service.models import AccountUser, PermissionSet, SeatOrder, service_db
from tests.service_helpers import call, start_demo_service

# Operations that reach no organization's data, and why.
NO_TENANT_DATA = {
    ("/v1/health", "get"): "answers ok to anyone",
    ("/v1/openapi.json", "get"): "the document itself",
    ("/v1/sessions", "post"): "signing in: tried with each organization's own credentials",
    ("/v1/sessions/current", "delete"): "ends the caller's own session only",
    ("/v1/sessions", "delete"): "ends the caller's own sessions only (test_service_sessions.py)",
    ("/v1/vendor", "get"): "the vendor's own details, the same for every organization",
}
BODIES = {
    ("/v1/permission-sets/{set_id}", "patch"): {"manage_account": False},
    ("/v1/audit-events", "post"): {"action": "receipts exported", "details": {"count": 1}},
    ("/v1/billing-profile", "patch"): {"default_purchase_order": "PO-TENANT"},
    ("/v1/quotes", "post"): {"seats": 1, "purchase_order": "PO-TENANT-QUOTE"},
    ("/v1/approvals/{approval_id}/deny", "post"): {"reason": "not ours"},
    ("/v1/alert-settings", "put"): {
        "seats_available_below": 2,
        "invoice_due_within_days": None,
        "notify_overdue": True,
        "notify_renewal_window": False,
        "recipients": [{"email": "tenant@example.com", "language": None}],
    },
}


class Tenant:
    def __init__(self, service, plan: demo_data.DemoOrganization) -> None:
        email = plan.administrators[0][1]
        status, body = call(
            service, "POST", "/v1/sessions", {"email": email, "password": plan.password}
        )
        assert status == 201, body
        self.name, self.email, self.token = plan.name, email, body["token"]
        with service_db.connection_context():
            orders = SeatOrder.select().join_from(SeatOrder, SeatOrder.organization.rel_model)
            mine = [o for o in orders if o.organization.name == plan.name]
            sets = PermissionSet.select().where(PermissionSet.organization == mine[0].organization)
            self.transaction_ids = {order.transaction_id for order in mine}
            self.invoice_numbers = {order.invoice_number for order in mine}
            self.set_id = sets.first().id
            holders = AccountUser.select().where(
                (AccountUser.organization == mine[0].organization) & AccountUser.holds_seat
            )
            self.user_id = holders.order_by(AccountUser.id).first().id
        manager = plan.contracts(mine[0].period_start)[0].account_manager_name
        self.markers = {plan.name, manager, plan.users.domain, *(a[1] for a in plan.administrators)}
        self.markers |= {
            plan.billing_profile["legal_name"],
            *plan.billing_profile["billing_emails"],
        }
        self.markers |= self.transaction_ids | self.invoice_numbers
        self.service, self.purchase_order = service, f"PO-QUOTE-{plan.name.split()[0]}"
        self.markers.add(self.purchase_order)
        # A release of its own, freed and given back at once, for the other to try to undo.
        body = {"user_ids": [self.user_id], "reason": "tenant test"}
        status, made = call(service, "POST", "/v1/seat-releases", body, self.token)
        assert status == 201, made
        self.release_id = made["release"]["id"]
        status, _ = call(service, "PUT", f"/v1/users/{self.user_id}/seat", token=self.token)
        assert status == 200

    def path(self, template: str, caller: "Tenant") -> str:
        """The template with this organization's objects in it."""
        return template.format(
            transaction_id=min(self.transaction_ids),
            set_id=self.set_id,
            number=self.quote_number(caller)
            if template.startswith("/v1/quotes/")
            else min(self.invoice_numbers),
            user_id=self.user_id,
            release_id=self.release_id,
            approval_id=self.approval_id(caller) if "{approval_id}" in template else None,
        )

    def approval_id(self, caller: "Tenant") -> str:
        """This organization's newest approval, made so that `caller` has none of that id."""
        while len(self.approvals()) <= len(caller.approvals()):
            self.hold_one()
        return self.approvals()[0]["id"]

    def hold_one(self) -> None:
        """A purchase held for approval: the set's limit is 0 while it is ordered."""
        limit = PermissionSet.spending_limit_minor
        with service_db.connection_context():
            PermissionSet.update({limit: 0}).where(PermissionSet.id == self.set_id).execute()
        status, price = call(self.service, "GET", "/v1/quote?seats=1", token=self.token)
        body = {"seats": 1, "quoted_amount": price["amount"], "acknowledged": True,
                "acknowledgement_text": "I acknowledge"}  # fmt: skip
        key = {"Idempotency-Key": f"MA-HELD-{len(self.approvals())}"}
        status, made = call(self.service, "POST", "/v1/seat-orders", body, self.token, key)
        assert status == 202, made
        with service_db.connection_context():
            PermissionSet.update({limit: None}).where(PermissionSet.id == self.set_id).execute()

    def approvals(self) -> list[dict]:
        return call(self.service, "GET", "/v1/approvals", token=self.token)[1]["approvals"]

    def quote_number(self, caller: "Tenant") -> str:
        """This organization's newest quote, made so that `caller` has none of that number:
        each organization numbers its own quotes from 1."""
        while len(self.quotes()) <= len(caller.quotes()):
            body = {"seats": 1, "purchase_order": self.purchase_order}
            status, made = call(self.service, "POST", "/v1/quotes", body, self.token)
            assert status == 201, made
        return self.quotes()[0]["number"]

    def quotes(self) -> list[dict]:
        return call(self.service, "GET", "/v1/quotes", token=self.token)[1]["quotes"]

    def body(self, template: str, method: str) -> object:
        """What to send: the other's users where a body names users."""
        if (template, method) == ("/v1/seat-releases", "post"):
            return {"user_ids": [self.user_id], "reason": "not ours"}
        if (template, method) == ("/v1/reclaim-policy", "put"):
            return {
                "enabled": True,
                "disabled_for_days": 0,
                "inactive_for_days": 30,
                "notify_users": True,
                "exempt_user_ids": [self.user_id],
            }
        return BODIES.get((template, method))


@pytest.fixture
def tenants(any_db_url):
    service = start_demo_service(any_db_url, delay=(3600, 3600))
    yield service, Tenant(service, demo_data.NORTHWIND), Tenant(service, demo_data.CONTOSO)
    service.stop()


def operations() -> list[tuple[str, str]]:
    spec = json.loads(OPENAPI.read_text())
    return [(path, method) for path, item in spec["paths"].items() for method in item]


def test_every_operation_is_tried_or_excused():
    assert set(NO_TENANT_DATA) <= set(operations())
    assert len([op for op in operations() if op not in NO_TENANT_DATA]) >= 8


def test_no_operation_reaches_the_other_organization(tenants):
    service, northwind, contoso = tenants
    for caller, other in ((contoso, northwind), (northwind, contoso)):
        for template, method in operations():
            if (template, method) in NO_TENANT_DATA:
                continue
            path = other.path(template, caller)
            if template == "/v1/seat-orders" and method == "post":
                continue  # below: the other's transaction ID as an idempotency key
            body = other.body(template, method)
            status, answer = call(service, method.upper(), path, body, caller.token)
            where = f"{caller.name}: {method.upper()} {path} -> {status}"
            assert status < 500, where
            text = json.dumps(answer)  # an ID the caller sent may be echoed back, nothing more
            leaked = {marker for marker in other.markers if marker in text and marker not in path}
            assert leaked == set(), where
            if "{" in template:
                assert status == 404, where
            if (template, method) in (
                ("/v1/seat-releases", "post"),
                ("/v1/reclaim-policy", "put"),
            ):
                assert (status, answer["error"]["code"]) == (422, "unknown_users"), where
    for tenant in (northwind, contoso):  # nothing of either was freed or given back
        status, mine = call(service, "GET", "/v1/seat-releases", token=tenant.token)
        assert [r["id"] for r in mine["releases"]] == [tenant.release_id]
        assert mine["releases"][0]["undone_at"] is None
        assert mine["releases"][0]["users"][0]["license"] == "assigned"
        status, policy = call(service, "GET", "/v1/reclaim-policy", token=tenant.token)
        assert (policy["enabled"], policy["updated_at"]) == (False, None)  # never changed
        status, alerts = call(service, "GET", "/v1/alert-settings", token=tenant.token)
        assert alerts["recipients"] == [{"email": "tenant@example.com", "language": None}]


def test_an_idempotency_key_is_each_organizations_own(tenants):
    service, northwind, contoso = tenants
    key = min(northwind.transaction_ids)  # already an order of Northwind's
    status, quoted = call(service, "GET", "/v1/quote?seats=2", token=contoso.token)
    assert status == 200
    order = {
        "seats": 2,
        "quoted_amount": quoted["amount"],
        "acknowledged": True,
        "acknowledgement_text": "I acknowledge",
    }
    headers = {"Idempotency-Key": key}
    status, first = call(service, "POST", "/v1/seat-orders", order, contoso.token, headers)
    assert status == 201 and first["replayed"] is False
    assert first["order"]["purchased_by"]["email"] == contoso.email
    assert first["order"]["currency"] == "EUR"
    # Contoso's new key blocks nothing of Northwind's: Northwind can use one Contoso used first.
    fresh = "MA-SAME-KEY1"
    call(service, "POST", "/v1/seat-orders", order, contoso.token, {"Idempotency-Key": fresh})
    status, price = call(service, "GET", "/v1/quote?seats=1", token=northwind.token)
    mine = {**order, "seats": 1, "quoted_amount": price["amount"]}
    status, second = call(
        service, "POST", "/v1/seat-orders", mine, northwind.token, {"Idempotency-Key": fresh}
    )
    assert status == 201 and second["replayed"] is False
    assert second["order"]["purchased_by"]["email"] == northwind.email
    with service_db.connection_context():
        assert SeatOrder.select().where(SeatOrder.transaction_id == fresh).count() == 2
