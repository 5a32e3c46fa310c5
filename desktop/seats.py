"""Freeing users' seats through the account service, and undoing it, as plain results."""

from dataclasses import dataclass
from datetime import datetime

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import Organization, utc_now
from desktop.service_client import ServiceClient, ServiceRefused
from desktop.sync import mirror_license_usage

# The service's refusals of a seat change, in the user's language (the service speaks English).
REFUSALS = {
    "no_seat_held": QT_TRANSLATE_NOOP(
        "Seats", "A chosen user holds no seat now, so no seat was freed. Reload and choose again."
    ),
    "unknown_users": QT_TRANSLATE_NOOP(
        "Seats", "A chosen user is no longer in this organization, so no seat was freed."
    ),
    "no_seat_available": QT_TRANSLATE_NOOP("Seats", "No seat is available: buy more first."),
    "undo_expired": QT_TRANSLATE_NOOP(
        "Seats", "A release can be undone for 14 days only; this one is older."
    ),
    "release_undone": QT_TRANSLATE_NOOP("Seats", "This release was undone already."),
}


class SeatChangeRefused(Exception):
    """The service refused the change; the message says why, in the user's language."""


def _refused(refusal: ServiceRefused) -> Exception:
    text = REFUSALS.get(refusal.code or "")
    return SeatChangeRefused(translate("Seats", text)) if text else refusal


@dataclass(frozen=True)
class FreedUser:
    id: int
    name: str
    email: str


@dataclass(frozen=True)
class SeatRelease:
    """Seats freed at once: who lost one, why, when, and whether it can still be undone."""

    id: int
    users: tuple[FreedUser, ...]
    reason: str
    released_at: datetime
    undo_until: datetime
    can_undo: bool
    available_before: int
    available_after: int


@dataclass(frozen=True)
class UndoResult:
    """What an undo gave back: the users with a seat again, and those left without one."""

    release_id: int
    returned: tuple[FreedUser, ...]
    not_returned: tuple[FreedUser, ...]
    available_after: int


@dataclass(frozen=True)
class ReleaseRecord:
    """A release as the service lists it: whose seats, why, by whom, and whether it can still
    be undone (and until when)."""

    id: int
    users: tuple[FreedUser, ...]
    reason: str
    released_at: datetime
    released_by: str
    undo_until: datetime
    can_undo: bool
    undone_at: datetime | None


def recent_releases(client: ServiceClient, limit: int = 100) -> list[ReleaseRecord]:
    """The organization's releases, newest first."""
    return [
        ReleaseRecord(
            id=each["id"],
            users=tuple(_user(user) for user in each["users"]),
            reason=each["reason"],
            released_at=datetime.fromisoformat(each["released_at"]),
            released_by=each["released_by"]["name"],
            undo_until=datetime.fromisoformat(each["undo_until"]),
            can_undo=each["can_undo"],
            undone_at=datetime.fromisoformat(each["undone_at"]) if each["undone_at"] else None,
        )
        for each in client.seat_releases(limit)
    ]


@dataclass(frozen=True)
class GiveResult:
    """Seats given to users one by one: who got one, and who did not as none was left."""

    given: tuple[FreedUser, ...]
    not_given: tuple[FreedUser, ...]
    available_before: int
    available_after: int


def give_seats(client: ServiceClient, organization: Organization, users: list[dict]) -> GiveResult:
    """Give each user a seat while seats are available (users are dicts as the users list
    gives them); a user who holds one already keeps it."""
    before = available_seats(client)
    given, not_given = [], []
    for user in users:
        if not_given:  # none was left for the one before: none is left for this one
            not_given.append(_user(user))
            continue
        try:
            client.assign_seat(user["id"])
            given.append(_user(user))
        except ServiceRefused as refusal:
            if refusal.code != "no_seat_available":
                raise _refused(refusal) from refusal
            not_given.append(_user(user))
    return GiveResult(
        tuple(given), tuple(not_given), before, available_after_change(client, organization)
    )


def available_seats(client: ServiceClient) -> int:
    """Seats the contract licenses that no user holds, as the service counts them now."""
    return int(client.license_summary()["available"])


def available_after_change(client: ServiceClient, organization: Organization) -> int:
    """The seats available now, the service's counts kept for the overview at once (the sync
    reads them only once a minute)."""
    summary = client.license_summary()
    mirror_license_usage(organization, summary, utc_now())
    return int(summary["available"])


def free_seats(
    client: ServiceClient, organization: Organization, user_ids: list[int], reason: str = ""
) -> SeatRelease:
    """Free the seats of all these users, or of none (the service refuses the whole release
    when one of them cannot lose a seat)."""
    before = available_seats(client)
    try:
        answer = client.release_seats(list(user_ids), reason.strip())
    except ServiceRefused as refusal:
        raise _refused(refusal) from refusal
    return SeatRelease(
        id=answer["id"],
        users=tuple(_user(each) for each in answer["users"]),
        reason=answer["reason"],
        released_at=datetime.fromisoformat(answer["released_at"]),
        undo_until=datetime.fromisoformat(answer["undo_until"]),
        can_undo=answer["can_undo"],
        available_before=before,
        available_after=available_after_change(client, organization),
    )


def undo_release(client: ServiceClient, organization: Organization, release_id: int) -> UndoResult:
    """Give the release's seats back to its users while seats are available."""
    try:
        answer = client.undo_release(release_id)
    except ServiceRefused as refusal:
        raise _refused(refusal) from refusal
    users = {each["id"]: _user(each) for each in answer["release"]["users"]}
    return UndoResult(
        release_id=release_id,
        returned=tuple(users[each] for each in answer["returned"]),
        not_returned=tuple(users[each] for each in answer["not_returned"]),
        available_after=available_after_change(client, organization),
    )


def _user(user: dict) -> FreedUser:
    return FreedUser(user["id"], user["name"], user["email"])
