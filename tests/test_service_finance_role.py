"""A finance user (View Billing only) on every operation in the OpenAPI document, in both demo
organizations: billing is read and the profile kept, nothing is bought, renewed or granted.

The operations are read from service/openapi.json, so a new route needs its answer class here.
"""

import json
import urllib.error
import urllib.request

import pytest

from service import demo_data
from service.contract import OPENAPI
from service.models import AccountUser, PermissionSet, service_db
from tests.service_helpers import call, start_demo_service

PUBLIC = "no session needed"
READ = "2xx for finance"
ANYONE = "2xx for any signed-in administrator"
OFFER = "never 403: the renewal offer, 409 while the renewal window is closed"
FORBIDDEN = "403 forbidden"
NOT_APPROVER = "403 not_an_approver"
EXPECTED = {
    ("/v1/health", "get"): PUBLIC,
    ("/v1/openapi.json", "get"): PUBLIC,
    ("/v1/desktop-release", "get"): PUBLIC,
    ("/v1/sessions", "post"): PUBLIC,
    ("/v1/sessions", "delete"): ANYONE,
    ("/v1/sessions/current", "delete"): ANYONE,
    ("/v1/vendor", "get"): ANYONE,
    ("/v1/permission-managers", "get"): ANYONE,
    ("/v1/contract", "get"): READ,
    ("/v1/license-summary", "get"): READ,
    ("/v1/quotes", "get"): READ,
    ("/v1/quotes/{number}", "get"): READ,
    ("/v1/quotes/{number}/pdf", "get"): READ,
    ("/v1/billing-profile", "get"): READ,
    ("/v1/billing-profile", "patch"): READ,
    ("/v1/renewal", "get"): OFFER,
    ("/v1/renewals", "get"): READ,
    ("/v1/renewal/reduction-requests", "get"): READ,  # next term's invoice
    ("/v1/invoices", "get"): READ,
    ("/v1/invoices/{number}", "get"): READ,
    ("/v1/invoices/{number}/pdf", "get"): READ,
    ("/v1/seat-orders", "get"): READ,
    ("/v1/seat-orders/{transaction_id}", "get"): READ,
    ("/v1/audit-events", "post"): READ,  # receipts exported: documents
    ("/v1/quote", "get"): FORBIDDEN,  # the price of buying now
    ("/v1/quotes", "post"): FORBIDDEN,
    ("/v1/renewals", "post"): FORBIDDEN,
    ("/v1/renewal/reduction-requests", "post"): FORBIDDEN,
    ("/v1/seat-orders", "post"): FORBIDDEN,
    ("/v1/users", "get"): FORBIDDEN,
    ("/v1/users/{user_id}/seat", "delete"): FORBIDDEN,
    ("/v1/users/{user_id}/seat", "put"): FORBIDDEN,
    ("/v1/seat-releases", "get"): FORBIDDEN,
    ("/v1/seat-releases", "post"): FORBIDDEN,
    ("/v1/seat-releases/{release_id}/undo", "post"): FORBIDDEN,
    ("/v1/reclaim-policy", "get"): FORBIDDEN,
    ("/v1/reclaim-policy", "put"): FORBIDDEN,
    ("/v1/reclaim-policy/preview", "get"): FORBIDDEN,
    ("/v1/alert-settings", "get"): FORBIDDEN,
    ("/v1/alert-settings", "put"): FORBIDDEN,
    ("/v1/permission-sets", "get"): FORBIDDEN,
    ("/v1/permission-sets/{set_id}", "patch"): FORBIDDEN,
    ("/v1/audit-events", "get"): FORBIDDEN,
    ("/v1/approvers", "get"): FORBIDDEN,
    ("/v1/approvals", "get"): FORBIDDEN,
    ("/v1/approvals/{approval_id}", "get"): FORBIDDEN,
    ("/v1/approvals/{approval_id}/approve", "post"): NOT_APPROVER,
    ("/v1/approvals/{approval_id}/deny", "post"): NOT_APPROVER,
}
ORDER = {"seats": 1, "quoted_amount": "1.00", "acknowledged": True, "acknowledgement_text": "x"}
BODIES = {
    ("/v1/sessions", "post"): None,  # the organization's own credentials: see Finance.body
    ("/v1/quotes", "post"): {"seats": 1},
    ("/v1/billing-profile", "patch"): {"default_purchase_order": "PO-FINANCE"},
    ("/v1/renewals", "post"): ORDER,
    ("/v1/seat-orders", "post"): ORDER,
    ("/v1/renewal/reduction-requests", "post"): {"seats_wanted": 1, "reason": "fewer"},
    ("/v1/permission-sets/{set_id}", "patch"): {"manage_account": True},
    ("/v1/approvals/{approval_id}/deny", "post"): {"reason": "finance"},
    ("/v1/audit-events", "post"): {"action": "receipts exported", "details": {"count": 1}},
    ("/v1/alert-settings", "put"): {
        "seats_available_below": 2,
        "invoice_due_within_days": None,
        "notify_overdue": True,
        "notify_renewal_window": False,
        "recipients": [],
    },
}
QUERIES = {("/v1/quote", "get"): "?seats=1"}
LAST = {("/v1/sessions", "delete"), ("/v1/sessions/current", "delete")}  # they end the session


class Finance:
    """An organization's finance user, and objects of its own to name in paths."""

    def __init__(self, service, plan: demo_data.DemoOrganization, email: str) -> None:
        self.service, self.plan, self.email = service, plan, email
        self.admin = self._sign_in(plan.administrators[0][1])
        self.token = self._sign_in(email)
        status, made = ask(service, "POST", "/v1/quotes", {"seats": 1}, self.admin)
        assert status == 201, made
        self.quote = made["quote"]["number"]
        status, feed = ask(service, "GET", "/v1/seat-orders", token=self.admin)
        order = next(o for o in feed["orders"] if o.get("invoice_number"))
        self.transaction_id, self.invoice = order["transaction_id"], order["invoice_number"]
        with service_db.connection_context():
            mine = PermissionSet.select().where(PermissionSet.name == plan.administrators[0][2])
            self.set_id = mine.get().id
            holder = AccountUser.select().where(
                (AccountUser.organization == mine.get().organization) & AccountUser.holds_seat
            )
            self.user_id = holder.order_by(AccountUser.id).first().id
        body = {"user_ids": [self.user_id], "reason": "finance test"}
        status, made = ask(service, "POST", "/v1/seat-releases", body, self.admin)
        assert status == 201, made
        self.release_id = made["release"]["id"]

    def _sign_in(self, email: str) -> str:
        body = {"email": email, "password": self.plan.password}
        status, answer = ask(self.service, "POST", "/v1/sessions", body)
        assert status == 201, answer
        return answer["token"]

    def session_for(self, template: str, method: str) -> str:
        """The finance user's token; a fresh one for each call that ends sessions."""
        return self._sign_in(self.email) if (template, method) in LAST else self.token

    def path(self, template: str) -> str:
        return template.format(
            number=self.quote if template.startswith("/v1/quotes/") else self.invoice,
            transaction_id=self.transaction_id,
            set_id=self.set_id,
            user_id=self.user_id,
            release_id=self.release_id,
            approval_id="AP-2026-000001",  # Northwind's demo has one; refused either way
        )

    def body(self, template: str, method: str) -> object:
        if (template, method) == ("/v1/sessions", "post"):
            return {"email": self.email, "password": self.plan.password}
        if (template, method) == ("/v1/seat-releases", "post"):
            return {"user_ids": [self.user_id], "reason": "finance"}
        if (template, method) == ("/v1/reclaim-policy", "put"):
            return {
                "enabled": True,
                "disabled_for_days": 0,
                "inactive_for_days": 30,
                "notify_users": False,
                "exempt_user_ids": [],
            }
        return BODIES.get((template, method))


def ask(service, method: str, path: str, body=None, token=None) -> tuple[int, dict]:
    """A call whose answer is JSON."""
    status, answer = call(service, method, path, body, token)
    assert isinstance(answer, dict), (status, answer)
    return status, answer


def _call(service, method: str, path: str, body, token, headers) -> tuple[int, object]:
    """As service_helpers.call, and a PDF's answer as the bytes of its document."""
    if not path.endswith("/pdf"):
        return call(service, method, path, body, token, headers)
    request = urllib.request.Request(
        service.url + path, headers={"Authorization": f"Bearer {token}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            data = response.read()
            assert data.startswith(b"%PDF-")
            return response.status, data[:8]
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def operations() -> list[tuple[str, str]]:
    spec = json.loads(OPENAPI.read_text())
    return [(path, method) for path, item in spec["paths"].items() for method in item]


def test_every_operation_has_an_answer_class_for_finance():
    assert set(operations()) == set(EXPECTED)


@pytest.fixture
def finance(any_db_url):
    service = start_demo_service(any_db_url, delay=(3600, 3600))
    yield (
        service,
        Finance(service, demo_data.NORTHWIND, "finance@example.com"),
        Finance(service, demo_data.CONTOSO, "buchhaltung@contoso.example"),
    )
    service.stop()


def test_finance_reads_billing_and_changes_nothing_else(finance):
    service, *users = finance
    for user in users:
        for template, method in sorted(operations(), key=lambda op: op in LAST):
            expected = EXPECTED[(template, method)]
            headers = {"Idempotency-Key": f"MA-FIN-{user.set_id}-{template.count('/')}"}
            status, answer = _call(
                service,
                method.upper(),
                user.path(template) + QUERIES.get((template, method), ""),
                user.body(template, method),
                None if expected == PUBLIC else user.session_for(template, method),
                headers,
            )
            where = f"{user.email}: {method.upper()} {template} -> {status} {answer}"
            if expected in (FORBIDDEN, NOT_APPROVER):
                assert isinstance(answer, dict), where
                code = "forbidden" if expected == FORBIDDEN else "not_an_approver"
                assert (status, answer["error"]["code"]) == (403, code), where
            elif expected in (READ, ANYONE):
                assert 200 <= status < 300, where
            else:  # PUBLIC, OFFER
                assert status not in (401, 403) and status < 500, where
        # nothing the finance user was refused happened
        status, sets = ask(service, "GET", "/v1/permission-sets", token=user.admin)
        rights = {each["name"]: each["manage_account"] for each in sets["permission_sets"]}
        assert rights[user.plan.administrators[0][2]] is True
        assert not any(rights[each[2]] for each in user.plan.administrators if not each[3])
        status, quotes = ask(service, "GET", "/v1/quotes", token=user.admin)
        assert len(quotes["quotes"]) == 1  # the administrator's, none of the finance user's
        status, releases = ask(service, "GET", "/v1/seat-releases", token=user.admin)
        assert [each["id"] for each in releases["releases"]] == [user.release_id]
        assert releases["releases"][0]["undone_at"] is None
        status, profile = ask(service, "GET", "/v1/billing-profile", token=user.admin)
        assert profile["default_purchase_order"] == "PO-FINANCE"  # kept by finance


def test_the_sign_in_answer_says_what_finance_may_do(finance):
    service, northwind, contoso = finance
    for email, password in (
        ("finance@example.com", northwind.plan.password),
        ("billing@example.com", northwind.plan.password),
        ("admin@example.com", northwind.plan.password),
        ("buchhaltung@contoso.example", contoso.plan.password),
    ):
        status, answer = ask(
            service, "POST", "/v1/sessions", {"email": email, "password": password}
        )
        assert status == 201
        rights = answer["administrator"]["permissions"]
        assert (email, rights) == (email, EXPECTED_RIGHTS[email])


EXPECTED_RIGHTS = {
    "finance@example.com": {
        "manage_account": False,
        "manage_permission_sets": False,
        "view_billing": True,
        "approve_purchases": False,
        "spending_limit": None,
    },
    "billing@example.com": {
        "manage_account": True,
        "manage_permission_sets": False,
        "view_billing": False,
        "approve_purchases": False,
        "spending_limit": "1000.00",
    },
    "admin@example.com": {
        "manage_account": True,
        "manage_permission_sets": True,
        "view_billing": False,
        "approve_purchases": True,
        "spending_limit": None,
    },
    "buchhaltung@contoso.example": {
        "manage_account": False,
        "manage_permission_sets": False,
        "view_billing": True,
        "approve_purchases": False,
        "spending_limit": None,
    },
}


def test_the_new_rights_and_limit_are_changed_and_kept(finance):
    service, northwind, contoso = finance
    finance_set = _set_id("Finance")
    path = f"/v1/permission-sets/{finance_set}"
    change = {"approve_purchases": True, "spending_limit": "250.5", "view_billing": True}
    status, answer = ask(service, "PATCH", path, change, northwind.admin)
    assert status == 200, answer
    changed = answer["permission_set"]
    assert (changed["approve_purchases"], changed["spending_limit"]) == (True, "250.50")
    with service_db.connection_context():
        assert PermissionSet.get_by_id(finance_set).spending_limit_minor == 25_050
    status, answer = ask(service, "PATCH", path, {"spending_limit": None}, northwind.admin)
    assert (status, answer["permission_set"]["spending_limit"]) == (200, None)
    for bad in ("-1", "ten", "1e3", "1.001", 12, "", " 5", "1000000000000"):
        status, answer = ask(service, "PATCH", path, {"spending_limit": bad}, northwind.admin)
        assert (status, answer["error"]["code"]) == (422, "invalid_spending_limit"), bad
    with service_db.connection_context():
        assert PermissionSet.get_by_id(finance_set).spending_limit_minor is None
    # another organization's set is not found
    status, answer = ask(service, "PATCH", path, {"spending_limit": "1"}, contoso.admin)
    assert status == 404


def _set_id(name: str) -> int:
    with service_db.connection_context():
        return PermissionSet.get(PermissionSet.name == name).id
