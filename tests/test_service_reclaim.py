"""The reclaim policy over HTTP and in the daily run, on both databases: its preview, its
refusals that change nothing, one release with the reason "policy" a day (undoable like any
other), the warnings before, and the vendor's apply-reclaim-policy command."""

from datetime import timedelta

import pytest

from db.database import close_database, open_database
from db.fields import utc_now
from service import demo_data, reclaim
from service.admin import MIGRATIONS
from service.models import (
    AccountUser,
    Administrator,
    AuditEvent,
    MailMessage,
    Organization,
    SeatRelease,
    service_db,
)
from service.orders import ProvisioningDelay
from service.seed import seed_demo
from service.server import main as service_main
from service.server import start_service
from tests.service_helpers import call
from tests.test_service_users import token_of

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too

POLICY = {
    "enabled": True,
    "disabled_for_days": 7,
    "inactive_for_days": 90,
    "notify_users": False,
    "exempt_user_ids": [],
}


@pytest.fixture
def moment():
    """The moment the jobs run at: fixed for the test, an hour from now."""
    return utc_now() + timedelta(hours=1)


@pytest.fixture
def service(any_db_url, moment):
    """The demo service with its jobs driven by the test alone, at `moment`."""
    running = start_service(
        any_db_url, delay=ProvisioningDelay(0, 0), demo=True, check_responses=True
    )
    running.jobs.stop()  # no round of its own: the test runs them
    running.jobs.clock = lambda: moment
    yield running
    running.stop()


def run_jobs(service, now=None) -> None:
    with service_db.connection_context():
        service.jobs.run_once(now)


def preview(service, token: str, query: str = "") -> dict:
    status, answer = call(service, "GET", "/v1/reclaim-policy/preview" + query, token=token)
    assert status == 200, answer
    return answer


def policy(service, token: str) -> dict:
    status, answer = call(service, "GET", "/v1/reclaim-policy", token=token)
    assert status == 200, answer
    return answer


def summary(service, token: str) -> dict:
    status, answer = call(service, "GET", "/v1/license-summary", token=token)
    assert status == 200, answer
    return answer


@pytest.mark.parametrize(
    ("plan", "disabled", "inactive"), [(demo_data.NORTHWIND, 4, 3), (demo_data.CONTOSO, 1, 2)]
)
def test_the_preview_lists_the_disabled_and_long_inactive_holders(
    service, plan, disabled, inactive
):
    token = token_of(service, plan)
    stored = policy(service, token)
    assert {name: stored[name] for name in POLICY} == {**POLICY, "enabled": False}
    assert (stored["updated_at"], stored["updated_by"], stored["last_run_on"]) == (None,) * 3
    found = preview(service, token)
    reasons = [user["reason"] for user in found["users"]]
    assert (reasons.count("disabled"), reasons.count("inactive")) == (disabled, inactive)
    assert found["total"] == found["to_free"] == disabled + inactive
    assert {user["license"] for user in found["users"]} == {"assigned"}
    names = [user["name"] for user in found["users"]]
    assert names == sorted(names)
    assert None not in [user["since"] for user in found["users"]]
    # A stricter policy, seen before it is saved: disabled for at least 400 days finds none.
    stricter = preview(service, token, "?disabled_for_days=365&inactive_for_days=730")
    assert [user["reason"] for user in stricter["users"]] == []
    assert summary(service, token)["assigned_disabled"] == disabled  # a preview frees nothing


def test_bad_policies_are_refused_and_change_nothing(service):
    northwind = token_of(service, demo_data.NORTHWIND)
    contoso = token_of(service, demo_data.CONTOSO)
    theirs = preview(service, contoso)["users"][0]["id"]
    before = policy(service, northwind)
    for change, status, code in (
        ({"disabled_for_days": 366}, 400, "invalid_request"),
        ({"disabled_for_days": -1}, 400, "invalid_request"),
        ({"inactive_for_days": 29}, 400, "invalid_request"),
        ({"inactive_for_days": 731}, 400, "invalid_request"),
        ({"exempt_user_ids": [theirs]}, 422, "unknown_users"),
        ({"exempt_user_ids": [10**12]}, 422, "unknown_users"),
        ({"exempt_user_ids": [0]}, 400, "invalid_request"),
        ({"enabled": "yes"}, 400, "invalid_request"),
    ):
        answer_status, answer = call(
            service, "PUT", "/v1/reclaim-policy", {**POLICY, **change}, northwind
        )
        assert (answer_status, answer["error"]["code"]) == (status, code), change
    status, answer = call(service, "PUT", "/v1/reclaim-policy", {"enabled": True}, northwind)
    assert status == 400
    assert policy(service, northwind) == before
    viewer = call(
        service,
        "POST",
        "/v1/sessions",
        {"email": "viewer@example.com", "password": demo_data.PASSWORD},
    )[1]["token"]
    for method, path in (("GET", "/v1/reclaim-policy"), ("GET", "/v1/reclaim-policy/preview")):
        status, _ = call(service, method, path, token=viewer)
        assert status == 403
    status, _ = call(service, "PUT", "/v1/reclaim-policy", POLICY, viewer)
    assert status == 403


def test_the_daily_run_frees_once_a_day_as_one_release_that_can_be_undone(service, moment):
    token = token_of(service, demo_data.NORTHWIND)
    contoso = token_of(service, demo_data.CONTOSO)
    found = preview(service, token)["users"]
    kept = next(user for user in found if user["reason"] == "inactive")
    body = {**POLICY, "exempt_user_ids": [kept["id"]]}
    status, stored = call(service, "PUT", "/v1/reclaim-policy", body, token)
    assert status == 200, stored
    assert stored["updated_by"] == {"name": "Alex Morgan", "email": "admin@example.com"}
    assert stored["exempt_user_ids"] == [kept["id"]]
    flagged = {user["id"]: user["exempt"] for user in preview(service, token)["users"]}
    assert flagged[kept["id"]] is True and sum(flagged.values()) == 1
    assert preview(service, token)["to_free"] == 6
    assert summary(service, token)["available"] == 3

    run_jobs(service)
    status, listed = call(service, "GET", "/v1/seat-releases", token=token)
    (release,) = listed["releases"]
    assert release["reason"] == reclaim.POLICY_REASON
    assert release["released_by"]["email"] == "admin@example.com"
    assert sorted(u["id"] for u in release["users"]) == sorted(
        user["id"] for user in found if user["id"] != kept["id"]
    )
    assert release["can_undo"] is True
    after = summary(service, token)
    assert (after["assigned_disabled"], after["assigned_inactive"], after["available"]) == (
        0,
        1,
        9,
    )
    assert policy(service, token)["last_run_on"] is not None
    assert [user["id"] for user in preview(service, token)["users"]] == [kept["id"]]
    with service_db.connection_context():
        applied = AuditEvent.get(AuditEvent.action == reclaim.POLICY_APPLIED)
    assert applied.actor_email == reclaim.DAILY_RUN

    # The same day again frees nothing more, even with a new candidate; the next day does.
    with service_db.connection_context():
        fresh = AccountUser.get(AccountUser.email == found[0]["email"]).id  # any one, freed
        AccountUser.update(holds_seat=True, active=False, disabled_at=moment).where(
            AccountUser.id == fresh
        ).execute()
    run_jobs(service, moment + timedelta(minutes=30))
    with service_db.connection_context():
        assert SeatRelease.select().count() == 1
    status, answer = call(service, "DELETE", f"/v1/users/{fresh}/seat", token=token)
    assert status == 200, answer

    # Contoso's policy is its own: off, nothing of it freed.
    assert summary(service, contoso)["assigned_disabled"] == 1
    status, theirs = call(service, "GET", "/v1/seat-releases", token=contoso)
    assert theirs["releases"] == []

    status, undone = call(service, "POST", f"/v1/seat-releases/{release['id']}/undo", token=token)
    assert status == 200, undone
    assert len(undone["returned"]) == 6
    assert summary(service, token)["available"] == 3


def test_users_are_warned_once_before_their_seat_is_freed(service, moment):
    token = token_of(service, demo_data.NORTHWIND)
    body = {**POLICY, "notify_users": True, "inactive_for_days": 90}
    status, _ = call(service, "PUT", "/v1/reclaim-policy", body, token)
    assert status == 200
    with service_db.connection_context():
        organization = Organization.get(Organization.name == demo_data.ORGANIZATION)
        soon = (
            AccountUser.select()
            .where(
                (AccountUser.organization == organization)
                & AccountUser.holds_seat
                & AccountUser.active
            )
            .order_by(AccountUser.id)
            .first()
        )
        # Last seen 87 days before the run: freed in three days, so warned now.
        seen = moment - timedelta(days=87)
        AccountUser.update(last_active_at=seen).where(AccountUser.id == soon.id).execute()
    run_jobs(service)
    run_jobs(service, moment + timedelta(days=1))  # the next day: no second warning
    with service_db.connection_context():
        warnings = list(MailMessage.select().where(MailMessage.kind == "reclaim_warning"))
    assert [each.recipient for each in warnings] == [soon.email]
    assert soon.name in warnings[0].body
    assert warnings[0].subject.startswith("Your seat at Northwind Traders will be freed on ")
    assert "sign in before then" in warnings[0].body
    assert soon.id not in [user["id"] for user in preview(service, token)["users"]]


@pytest.fixture
def seeded(any_db_url):
    open_database(any_db_url, service_db, MIGRATIONS)
    seed_demo()
    close_database(service_db)
    yield any_db_url
    close_database(service_db)


def in_database(url: str, work):
    open_database(url, service_db, MIGRATIONS)
    try:
        return work()
    finally:
        close_database(service_db)


def test_the_vendor_applies_one_organizations_policy_now(seeded, capsys):
    command = ["apply-reclaim-policy", "--organization", "contoso pharmaceuticals"]
    command += ["--database", seeded, "--operator", "ops"]
    assert service_main(command) == 1  # no policy yet: nothing freed
    assert "off or frees no seat" in capsys.readouterr().err

    def enable() -> None:
        administrator = Administrator.get(Administrator.email == "admin@contoso.example")
        reclaim.change_policy(administrator, POLICY, utc_now())

    in_database(seeded, enable)
    assert service_main(command) == 0
    assert "freed 3 seats of Contoso Pharmaceuticals" in capsys.readouterr().out

    def released() -> list[tuple[str, str, int]]:
        return [
            (each.organization.name, each.reason, each.users.count())
            for each in SeatRelease.select()
        ]

    assert in_database(seeded, released) == [("Contoso Pharmaceuticals", "policy", 3)]
    assert service_main(command) == 1  # nothing left to free
    with pytest.raises(SystemExit) as refused:  # the organization must be named
        service_main(["apply-reclaim-policy", "--database", seeded])
    assert refused.value.code == 2
