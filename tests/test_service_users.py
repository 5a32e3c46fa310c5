"""The licence summary and the users list over HTTP, on both databases, for both organizations."""

from datetime import timedelta

import pytest

from db.fields import utc_now
from service import demo_data
from service.models import AccountUser, Organization, service_db
from service.orders import provision_due
from tests.service_helpers import call, start_demo_service

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too


@pytest.fixture
def service(any_db_url):
    running = start_demo_service(any_db_url, delay=(0, 0))
    yield running
    running.stop()


def token_of(service, plan: demo_data.DemoOrganization) -> str:
    email = plan.administrators[0][1]
    body = {"email": email, "password": plan.password}
    status, answer = call(service, "POST", "/v1/sessions", body)
    assert status == 201, answer
    return answer["token"]


def users(service, token: str, query: str = "") -> list[dict]:
    """Every user the query finds, page after page of 7."""
    found, after = [], ""
    while True:
        status, page = call(service, "GET", f"/v1/users?limit=7{query}{after}", token=token)
        assert status == 200, page
        found += page["users"]
        if not page["has_more"]:
            assert len(found) == page["total"]
            return found
        after = f"&after={page['users'][-1]['id']}"


@pytest.mark.parametrize(
    ("plan", "purchased"), [(demo_data.NORTHWIND, 50), (demo_data.CONTOSO, 20)]
)
def test_the_summary_counts_the_demo_users(service, plan, purchased):
    mix = plan.users
    status, summary = call(service, "GET", "/v1/license-summary", token=token_of(service, plan))
    assigned = mix.active_with_seat + mix.disabled_with_seat + mix.inactive_with_seat
    assert status == 200
    assert summary == {
        "purchased": purchased,
        "assigned": assigned,
        "assigned_disabled": mix.disabled_with_seat,
        "assigned_inactive": mix.inactive_with_seat,
        "inactive_days": 90,
        "available": purchased - assigned,
        "pending": 0,
    }


def test_northwind_has_47_of_50_seats_assigned(service):
    status, summary = call(
        service, "GET", "/v1/license-summary", token=token_of(service, demo_data.NORTHWIND)
    )
    assert status == 200
    assert (summary["purchased"], summary["assigned"], summary["available"]) == (50, 47, 3)
    assert (summary["assigned_disabled"], summary["assigned_inactive"]) == (4, 3)


@pytest.mark.parametrize("plan", demo_data.ORGANIZATIONS)
def test_the_lists_match_the_summary_and_stay_in_the_organization(service, plan):
    token = token_of(service, plan)
    everyone = users(service, token)
    mix = plan.users
    assert len(everyone) == (
        mix.active_with_seat + mix.disabled_with_seat + mix.inactive_with_seat + mix.without_seat
    )
    assert all(user["email"].endswith("@" + mix.domain) for user in everyone)
    assert [u["name"] for u in everyone] == sorted(u["name"] for u in everyone)
    assert len({u["id"] for u in everyone}) == len(everyone)  # no user twice across pages
    disabled = users(service, token, "&license=assigned&status=disabled")
    assert len(disabled) == mix.disabled_with_seat
    assert {u["status"] for u in disabled} == {"disabled"}
    inactive = users(service, token, "&license=assigned&status=active&inactive_days=90")
    assert len(inactive) == mix.inactive_with_seat
    limit = utc_now() - timedelta(days=90)
    assert all(u["last_active_at"] < limit.isoformat() for u in inactive)
    unassigned = users(service, token, "&license=unassigned")
    assert len(unassigned) == mix.without_seat


def test_the_summary_follows_seats_and_users(service):
    token = token_of(service, demo_data.NORTHWIND)
    status, quoted = call(service, "GET", "/v1/quote?seats=4", token=token)
    order = {
        "seats": 4,
        "quoted_amount": quoted["amount"],
        "acknowledged": True,
        "acknowledgement_text": "I acknowledge",
    }
    call(service, "POST", "/v1/seat-orders", order, token, {"Idempotency-Key": "MA-USERS-0001"})
    status, summary = call(service, "GET", "/v1/license-summary", token=token)
    assert (summary["purchased"], summary["pending"]) == (50, 4)
    with service_db.connection_context():
        northwind = Organization.get(Organization.name == demo_data.ORGANIZATION)
        provision_due(utc_now() + timedelta(seconds=1))
        AccountUser.update(active=True, last_active_at=utc_now()).where(
            (AccountUser.organization == northwind) & ~AccountUser.active
        ).execute()
    status, summary = call(service, "GET", "/v1/license-summary", token=token)
    assert status == 200
    assert (summary["purchased"], summary["pending"], summary["available"]) == (54, 0, 7)
    assert summary["assigned_disabled"] == 0


def test_a_viewer_may_not_list_users(service):
    status, body = call(
        service,
        "POST",
        "/v1/sessions",
        {"email": "viewer@example.com", "password": demo_data.PASSWORD},
    )
    for path in ("/v1/users", "/v1/license-summary"):
        status, answer = call(service, "GET", path, token=body["token"])
        assert status == 403 and answer["error"]["code"] == "forbidden"


@pytest.mark.parametrize(
    "query",
    ["license=some", "status=gone", "inactive_days=-1", "inactive_days=x", "limit=0", "after=0"],
)
def test_a_malformed_query_is_400_naming_it(service, query):
    token = token_of(service, demo_data.NORTHWIND)
    status, answer = call(service, "GET", f"/v1/users?{query}", token=token)
    assert status == 400
    assert answer["error"]["parameter"] == query.split("=")[0]


def test_another_organizations_user_id_starts_the_list_at_the_top(service):
    contoso = token_of(service, demo_data.CONTOSO)
    northwind_first = users(service, token_of(service, demo_data.NORTHWIND))[0]["id"]
    status, page = call(service, "GET", f"/v1/users?after={northwind_first}", token=contoso)
    assert status == 200
    assert page["users"][0]["name"] == min(u["name"] for u in users(service, contoso))
