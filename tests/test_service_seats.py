"""Freeing seats and giving them back over HTTP, on both databases: one user, a release of
several, its undo within 14 days, and the refusals that change nothing."""

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from service import demo_data, seats
from service.models import Administrator, AuditEvent, Contract, SeatRelease, service_db
from tests.service_helpers import call, start_demo_service
from tests.test_service_users import token_of, users

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too


@pytest.fixture
def service(any_db_url):
    running = start_demo_service(any_db_url, delay=(0, 0))
    yield running
    running.stop()


@pytest.fixture
def northwind(service):
    return token_of(service, demo_data.NORTHWIND)


def summary(service, token: str) -> dict:
    status, answer = call(service, "GET", "/v1/license-summary", token=token)
    assert status == 200, answer
    return answer


def counts(service, token: str) -> tuple[int, int, int]:
    """(assigned, assigned to disabled users, available)."""
    found = summary(service, token)
    return found["assigned"], found["assigned_disabled"], found["available"]


def ids(found: list[dict]) -> list[int]:
    return [user["id"] for user in found]


def actions(*names: str) -> list[str]:
    with service_db.connection_context():
        query = AuditEvent.select().where(AuditEvent.action.in_(names)).order_by(AuditEvent.id)
        return [event.action for event in query]


def test_a_seat_is_freed_once_and_given_back_while_one_is_available(service, northwind):
    assert counts(service, northwind) == (47, 4, 3)
    disabled = users(service, northwind, "&license=assigned&status=disabled")
    first = disabled[0]["id"]
    status, answer = call(service, "DELETE", f"/v1/users/{first}/seat", token=northwind)
    assert status == 200
    assert (answer["user"]["id"], answer["user"]["license"]) == (first, "unassigned")
    assert counts(service, northwind) == (46, 3, 4)
    assert first in ids(users(service, northwind, "&license=unassigned"))

    status, again = call(service, "DELETE", f"/v1/users/{first}/seat", token=northwind)
    assert (status, again["error"]["code"]) == (409, "no_seat_held")
    assert counts(service, northwind) == (46, 3, 4)

    status, answer = call(service, "PUT", f"/v1/users/{first}/seat", token=northwind)
    assert status == 200 and answer["assigned"] is True
    assert answer["user"]["license"] == "assigned"
    status, answer = call(service, "PUT", f"/v1/users/{first}/seat", token=northwind)
    assert status == 200 and answer["assigned"] is False  # held one already: nothing changes
    assert counts(service, northwind) == (47, 4, 3)
    assert actions(seats.SEAT_FREED, seats.SEAT_ASSIGNED) == [
        seats.SEAT_FREED,
        seats.SEAT_ASSIGNED,
    ]


def test_no_seat_is_assigned_when_none_is_available(service, northwind):
    seatless = ids(users(service, northwind, "&license=unassigned"))
    for user in seatless[:3]:  # Northwind has 3 available
        status, answer = call(service, "PUT", f"/v1/users/{user}/seat", token=northwind)
        assert status == 200 and answer["assigned"] is True
    assert counts(service, northwind)[2] == 0
    status, answer = call(service, "PUT", f"/v1/users/{seatless[3]}/seat", token=northwind)
    assert (status, answer["error"]["code"]) == (409, "no_seat_available")
    assert counts(service, northwind) == (50, 4, 0)
    assert seatless[3] in ids(users(service, northwind, "&license=unassigned"))


def test_a_release_frees_several_seats_and_its_undo_gives_them_back(service, northwind):
    disabled = users(service, northwind, "&license=assigned&status=disabled")
    body = {"user_ids": ids(disabled), "reason": "  Disabled in the directory  "}
    status, answer = call(service, "POST", "/v1/seat-releases", body, northwind)
    assert status == 201, answer
    release = answer["release"]
    assert sorted(ids(release["users"])) == sorted(ids(disabled))
    assert {u["license"] for u in release["users"]} == {"unassigned"}
    assert {u["returned"] for u in release["users"]} == {None}
    assert release["reason"] == "Disabled in the directory"
    assert release["released_by"] == {"name": "Alex Morgan", "email": "admin@example.com"}
    released_at = datetime.fromisoformat(release["released_at"])
    assert datetime.fromisoformat(release["undo_until"]) - released_at == timedelta(days=14)
    assert (release["can_undo"], release["undone_at"], release["undone_by"]) == (True, None, None)
    assert counts(service, northwind) == (43, 0, 7)  # available: 3 -> 7
    assert users(service, northwind, "&license=assigned&status=disabled") == []

    status, listed = call(service, "GET", "/v1/seat-releases", token=northwind)
    assert status == 200 and [r["id"] for r in listed["releases"]] == [release["id"]]

    status, undone = call(
        service, "POST", f"/v1/seat-releases/{release['id']}/undo", token=northwind
    )
    assert status == 200, undone
    assert sorted(undone["returned"]) == sorted(ids(disabled))
    assert undone["not_returned"] == []
    assert undone["release"]["can_undo"] is False
    assert undone["release"]["undone_by"]["email"] == "admin@example.com"
    assert {u["returned"] for u in undone["release"]["users"]} == {True}
    assert counts(service, northwind) == (47, 4, 3)

    status, again = call(
        service, "POST", f"/v1/seat-releases/{release['id']}/undo", token=northwind
    )
    assert (status, again["error"]["code"]) == (409, "release_undone")
    assert counts(service, northwind) == (47, 4, 3)
    assert actions(seats.SEATS_RELEASED, seats.RELEASE_UNDONE) == [
        seats.SEATS_RELEASED,
        seats.RELEASE_UNDONE,
    ]


def test_an_undo_gives_back_only_the_seats_still_available_and_says_whose(service, northwind):
    disabled = ids(users(service, northwind, "&license=assigned&status=disabled"))
    body = {"user_ids": disabled, "reason": "Left the company"}
    status, answer = call(service, "POST", "/v1/seat-releases", body, northwind)
    release = answer["release"]
    in_order = ids(release["users"])  # by name: the undo gives seats back in this order
    # Seven are available now; five go to others, and one freed user gets theirs back by hand.
    for user in ids(users(service, northwind, "&license=unassigned&status=active"))[:5]:
        if user not in disabled:
            assert call(service, "PUT", f"/v1/users/{user}/seat", token=northwind)[0] == 200
    assert call(service, "PUT", f"/v1/users/{in_order[3]}/seat", token=northwind)[0] == 200
    assert counts(service, northwind)[2] == 1
    status, undone = call(
        service, "POST", f"/v1/seat-releases/{release['id']}/undo", token=northwind
    )
    assert status == 200
    assert undone["returned"] == in_order[:1]
    assert undone["not_returned"] == in_order[1:]
    returned = {u["id"]: u["returned"] for u in undone["release"]["users"]}
    assert returned == {
        in_order[0]: True,
        in_order[1]: False,
        in_order[2]: False,
        in_order[3]: False,
    }
    assert counts(service, northwind)[2] == 0


def test_an_undo_is_refused_after_14_days_and_changes_nothing(service, northwind):
    disabled = ids(users(service, northwind, "&license=assigned&status=disabled"))
    body = {"user_ids": disabled, "reason": "Old"}
    status, answer = call(service, "POST", "/v1/seat-releases", body, northwind)
    release_id = answer["release"]["id"]
    with service_db.connection_context():  # made 14 days and a second ago
        made = SeatRelease.get_by_id(release_id).created_at - timedelta(days=14, seconds=1)
        SeatRelease.update(created_at=made).where(SeatRelease.id == release_id).execute()
    status, refused = call(service, "POST", f"/v1/seat-releases/{release_id}/undo", token=northwind)
    assert (status, refused["error"]["code"]) == (409, "undo_expired")
    assert counts(service, northwind) == (43, 0, 7)
    status, listed = call(service, "GET", "/v1/seat-releases", token=northwind)
    assert listed["releases"][0]["can_undo"] is False
    assert listed["releases"][0]["undone_at"] is None


def test_the_undo_window_ends_14_days_after_the_release(service):
    moment = datetime(2026, 2, 27, 23, 30, tzinfo=UTC)  # the window crosses a month's end
    with service_db.connection_context():
        alex = Administrator.get(Administrator.email == "admin@example.com")
        contract = Contract.select().where(Contract.organization == alex.organization_id)
        contract = contract.order_by(Contract.start_date.desc()).first()
        holders = seats.AccountUser.select().where(
            (seats.AccountUser.organization == alex.organization_id)
            & seats.AccountUser.holds_seat
            & ~seats.AccountUser.active
        )
        chosen = [user.id for user in holders]
        first = seats.release_seats(alex, chosen[:2], "early", now=moment)
        second = seats.release_seats(alex, chosen[2:], "late", now=moment)
        with pytest.raises(seats.SeatProblem) as late:
            seats.undo_release(alex, contract, first.id, now=moment + timedelta(days=14, seconds=1))
        assert late.value.code == "undo_expired"
        assert late.value.extra == {"undo_until": "2026-03-13T23:30:00+00:00"}
        undone = seats.undo_release(alex, contract, second.id, now=moment + timedelta(days=14))
        assert [user.id for user in undone.returned] == sorted(
            chosen[2:], key=lambda i: (seats.AccountUser.get_by_id(i).name, i)
        )
        assert seats.SeatRelease.get_by_id(first.id).undone_at is None


@pytest.mark.parametrize(
    ("extra", "status", "code"),
    [
        ("unknown", 422, "unknown_users"),
        ("contoso", 422, "unknown_users"),
        ("seatless", 409, "no_seat_held"),
    ],
)
def test_a_release_with_one_bad_user_frees_nobody(service, northwind, extra, status, code):
    disabled = ids(users(service, northwind, "&license=assigned&status=disabled"))
    bad = {
        "unknown": 2**62,
        "contoso": users(service, token_of(service, demo_data.CONTOSO), "&license=assigned")[0][
            "id"
        ],
        "seatless": users(service, northwind, "&license=unassigned")[0]["id"],
    }[extra]
    body = {"user_ids": [*disabled, bad], "reason": "mixed"}
    got, answer = call(service, "POST", "/v1/seat-releases", body, northwind)
    assert (got, answer["error"]["code"]) == (status, code)
    assert answer["error"]["user_ids"] == [bad]
    assert counts(service, northwind) == (47, 4, 3)
    assert counts(service, token_of(service, demo_data.CONTOSO))[0] == 17
    assert call(service, "GET", "/v1/seat-releases", token=northwind)[1] == {"releases": []}
    assert actions(seats.SEATS_RELEASED) == []


@pytest.mark.parametrize(
    "body",
    [
        {"user_ids": [], "reason": "none"},
        {"user_ids": [1, 1], "reason": "twice"},
        {"user_ids": [0], "reason": "zero"},
        {"user_ids": [1], "reason": "x" * 201},
        {"user_ids": [1], "reason": "two\nlines"},
        {"user_ids": [1]},
        {"user_ids": [1], "reason": "ok", "more": 1},
    ],
)
def test_a_malformed_release_is_400_and_frees_nothing(service, northwind, body):
    status, answer = call(service, "POST", "/v1/seat-releases", body, northwind)
    assert status == 400, answer
    assert counts(service, northwind) == (47, 4, 3)


def test_unknown_users_and_releases_are_404(service, northwind):
    for method, path in (
        ("DELETE", "/v1/users/999999999/seat"),
        ("PUT", "/v1/users/999999999/seat"),
        ("POST", "/v1/seat-releases/999999999/undo"),
    ):
        status, answer = call(service, method, path, token=northwind)
        assert (status, answer["error"]["code"]) == (404, "not_found"), path


def test_a_viewer_may_neither_free_nor_assign(service, northwind):
    status, body = call(
        service,
        "POST",
        "/v1/sessions",
        {"email": "viewer@example.com", "password": demo_data.PASSWORD},
    )
    viewer = body["token"]
    holder = users(service, northwind, "&license=assigned")[0]["id"]
    for method, path, sent in (
        ("DELETE", f"/v1/users/{holder}/seat", None),
        ("PUT", f"/v1/users/{holder}/seat", None),
        ("GET", "/v1/seat-releases", None),
        ("POST", "/v1/seat-releases", {"user_ids": [holder], "reason": "no"}),
        ("POST", "/v1/seat-releases/1/undo", None),
    ):
        status, answer = call(service, method, path, sent, viewer)
        assert (status, answer["error"]["code"]) == (403, "forbidden"), path
    assert counts(service, northwind) == (47, 4, 3)


@pytest.mark.parametrize("plan", demo_data.ORGANIZATIONS)
def test_each_demo_organization_has_seats_to_free(service, plan):
    token = token_of(service, plan)
    mix = plan.users
    disabled = users(service, token, "&license=assigned&status=disabled")
    inactive = users(service, token, "&license=assigned&status=active&inactive_days=90")
    assert (len(disabled), len(inactive)) == (mix.disabled_with_seat, mix.inactive_with_seat)
    assert len(disabled) >= 1 and len(inactive) >= 1
    before = summary(service, token)["available"]
    body = {"user_ids": ids(disabled + inactive), "reason": "Tidy up"}
    status, answer = call(service, "POST", "/v1/seat-releases", body, token)
    assert status == 201
    assert len(answer["release"]["users"]) == len(disabled) + len(inactive)
    assert summary(service, token)["available"] == before + len(disabled) + len(inactive)


def test_concurrent_releases_free_each_seat_once(service, northwind):
    disabled = ids(users(service, northwind, "&license=assigned&status=disabled"))
    body = {"user_ids": disabled, "reason": "at once"}
    with ThreadPoolExecutor(8) as pool:
        answers = list(
            pool.map(
                lambda _: call(service, "POST", "/v1/seat-releases", body, northwind), range(8)
            )
        )
    statuses = sorted(status for status, _ in answers)
    assert statuses == [201] + [409] * 7
    assert {a["error"]["code"] for s, a in answers if s == 409} == {"no_seat_held"}
    assert counts(service, northwind) == (43, 0, 7)
    assert len(call(service, "GET", "/v1/seat-releases", token=northwind)[1]["releases"]) == 1


def test_concurrent_assignments_never_exceed_the_seats(service, northwind):
    seatless = ids(users(service, northwind, "&license=unassigned"))  # 6, with 3 available
    with ThreadPoolExecutor(6) as pool:
        answers = list(
            pool.map(
                lambda user: call(service, "PUT", f"/v1/users/{user}/seat", token=northwind),
                seatless,
            )
        )
    statuses = sorted(status for status, _ in answers)
    assert statuses == [200] * 3 + [409] * 3
    assert counts(service, northwind) == (50, 4, 0)
