"""Freeing users' seats through the account service, and undoing it, as plain results."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.mirror import mirror_license_usage
from desktop.models import Organization, utc_now
from desktop.seat_holders import SeatUser
from desktop.service_client import ServiceClient, ServiceRefused

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


@dataclass(frozen=True)
class GiveResult:
    """Seats given to users one by one: who got one, and who did not as none was left."""

    given: tuple[FreedUser, ...]
    not_given: tuple[FreedUser, ...]
    available_before: int
    available_after: int


class SeatReleases:
    """Seats freed, given back and given on the account service for the acting organization;
    after a change the service's counts are kept for the overview at once (the sync reads them
    only once a minute). Calls take time: off the GUI thread."""

    def __init__(self, client: ServiceClient, organization: Organization) -> None:
        self._client, self._organization = client, organization

    def available(self) -> int:
        """Seats the contract licenses that no user holds, as the service counts them now."""
        return int(self._client.license_summary()["available"])

    def free(self, user_ids: Sequence[int], reason: str = "") -> SeatRelease:
        """Free the seats of all these users, or of none (the service refuses the whole
        release when one of them cannot lose a seat)."""
        before = self.available()
        try:
            answer = self._client.release_seats(list(user_ids), reason.strip())
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
            available_after=self._available_after_change(),
        )

    def undo(self, release_id: int) -> UndoResult:
        """Give the release's seats back to its users while seats are available."""
        try:
            answer = self._client.undo_release(release_id)
        except ServiceRefused as refusal:
            raise _refused(refusal) from refusal
        users = {each["id"]: _user(each) for each in answer["release"]["users"]}
        return UndoResult(
            release_id=release_id,
            returned=tuple(users[each] for each in answer["returned"]),
            not_returned=tuple(users[each] for each in answer["not_returned"]),
            available_after=self._available_after_change(),
        )

    def recent(self, limit: int = 100) -> list[ReleaseRecord]:
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
            for each in self._client.seat_releases(limit)
        ]

    def give(self, users: Sequence[SeatUser]) -> GiveResult:
        """Give each user a seat while seats are available; a user who holds one already keeps
        it."""
        before = self.available()
        given: list[FreedUser] = []
        not_given: list[FreedUser] = []
        for user in users:
            person = FreedUser(user.id, user.name, user.email)
            if not_given:  # none was left for the one before: none is left for this one
                not_given.append(person)
                continue
            try:
                self._client.assign_seat(user.id)
                given.append(person)
            except ServiceRefused as refusal:
                if refusal.code != "no_seat_available":
                    raise _refused(refusal) from refusal
                not_given.append(person)
        return GiveResult(tuple(given), tuple(not_given), before, self._available_after_change())

    def _available_after_change(self) -> int:
        summary = self._client.license_summary()
        mirror_license_usage(self._organization, summary, utc_now())
        return int(summary["available"])


def _user(user: dict) -> FreedUser:
    return FreedUser(user["id"], user["name"], user["email"])
