"""Freeing users' seats and giving them back: one user at a time, or several in a release that
can be undone for UNDO_DAYS."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from peewee import Model, ModelSelect, fn

from db.database import locked, write_transaction
from db.fields import utc_now
from service import audit
from service.models import (
    AccountUser,
    Administrator,
    Contract,
    SeatRelease,
    SeatReleaseUser,
    service_db,
)
from service.users import user_json

UNDO_DAYS = 14  # a release can be undone this long after it was made
MAX_USERS = 500  # users one release may free (the document's maxItems)

SEAT_FREED = "seat freed"
SEAT_ASSIGNED = "seat assigned"
SEATS_RELEASED = "seats released"
RELEASE_UNDONE = "seat release undone"


class SeatProblem(Exception):
    """A request the seat rules refuse: the HTTP status, a stable code, and what to say."""

    def __init__(self, status: int, code: str, message: str, extra: dict | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.extra = status, code, extra or {}


@dataclass(frozen=True)
class Undone:
    """What an undo did: the release, and the users who got their seat back and who did not."""

    release: SeatRelease
    returned: list[AccountUser]
    not_returned: list[AccountUser]


def free_seat(
    administrator: Administrator, user_id: int, now: datetime | None = None
) -> AccountUser:
    """Free one user's seat; 409 no_seat_held when they hold none."""
    now = now or utc_now()
    with write_transaction(service_db):
        user = _user(administrator, user_id)
        if not user.holds_seat:
            raise SeatProblem(409, "no_seat_held", "This user holds no seat to free.")
        AccountUser.update(holds_seat=False).where(AccountUser.id == user.id).execute()
        user.holds_seat = False
        details = {"user": user.id, "email": user.email}
        audit.record(administrator.organization_id, SEAT_FREED, administrator.email, details, now)
    return user


def assign_seat(
    administrator: Administrator, contract: Contract, user_id: int, now: datetime | None = None
) -> tuple[AccountUser, bool]:
    """Give a user a seat if one is available (409 no_seat_available otherwise); returns the
    user and whether a seat was assigned now (False: they held one already)."""
    now = now or utc_now()
    with write_transaction(service_db):
        _lock(contract)
        user = _user(administrator, user_id)
        if user.holds_seat:
            return user, False
        if available_seats(administrator.organization_id, contract) < 1:
            raise SeatProblem(
                409,
                "no_seat_available",
                "Every seat the contract licenses is assigned: free one or buy more first.",
            )
        AccountUser.update(holds_seat=True).where(AccountUser.id == user.id).execute()
        user.holds_seat = True
        details = {"user": user.id, "email": user.email}
        audit.record(
            administrator.organization_id, SEAT_ASSIGNED, administrator.email, details, now
        )
    return user, True


def release_seats(
    administrator: Administrator, user_ids: list[int], reason: str, now: datetime | None = None
) -> SeatRelease:
    """Free the seats of all of `user_ids` at once, or of none: 422 unknown_users when any is
    not the organization's, 409 no_seat_held when any holds no seat."""
    now = now or utc_now()
    organization = administrator.organization_id
    wanted = list(dict.fromkeys(user_ids))  # the document refuses repeats; order kept
    with write_transaction(service_db):
        chosen = AccountUser.select().where(
            (AccountUser.organization == organization) & AccountUser.id.in_(wanted)
        )
        found = {user.id: user for user in _locked(chosen)}
        unknown = [each for each in wanted if each not in found]
        if unknown:
            raise SeatProblem(
                422,
                "unknown_users",
                "No user of this organization has these ids; nothing was freed.",
                {"user_ids": unknown},
            )
        seatless = [each for each in wanted if not found[each].holds_seat]
        if seatless:
            raise SeatProblem(
                409,
                "no_seat_held",
                "These users hold no seat to free; nothing was freed.",
                {"user_ids": seatless},
            )
        release = SeatRelease.create(
            organization=organization,
            administrator=administrator,
            reason=reason.strip(),
            created_at=now,
        )
        SeatReleaseUser.insert_many(
            [{"release": release.id, "user": each} for each in wanted]
        ).execute()
        AccountUser.update(holds_seat=False).where(AccountUser.id.in_(wanted)).execute()
        details = {"release": release.id, "users": wanted, "reason": release.reason}
        audit.record(organization, SEATS_RELEASED, administrator.email, details, now)
    release.administrator = administrator
    return release


def undo_release(
    administrator: Administrator,
    contract: Contract,
    release_id: int,
    now: datetime | None = None,
) -> Undone:
    """Give the seats of a release back to its users while seats are available, in the order
    the release lists them; 409 release_undone or undo_expired when it cannot be undone."""
    now = now or utc_now()
    organization = administrator.organization_id
    with write_transaction(service_db):
        _lock(contract)
        release = find_release(organization, release_id)
        if release is None:
            raise SeatProblem(404, "not_found", f"No seat release has the id {release_id}.")
        if release.undone_at is not None:
            raise SeatProblem(409, "release_undone", "This release was undone already.")
        if now > undo_until(release):
            raise SeatProblem(
                409,
                "undo_expired",
                f"A release can be undone for {UNDO_DAYS} days; this one can no longer be.",
                {"undo_until": undo_until(release).isoformat()},
            )
        available = available_seats(organization, contract)
        returned, not_returned = [], []
        for entry in _entries(release):
            user = entry.user
            if not user.holds_seat and available > 0:
                available -= 1
                returned.append(user)
            else:  # no seat left, or they hold one again already
                not_returned.append(user)
        if returned:
            ids = [user.id for user in returned]
            AccountUser.update(holds_seat=True).where(AccountUser.id.in_(ids)).execute()
            for user in returned:
                user.holds_seat = True
        for users, given in ((returned, True), (not_returned, False)):
            if users:
                SeatReleaseUser.update(returned=given).where(
                    (SeatReleaseUser.release == release.id)
                    & SeatReleaseUser.user.in_([user.id for user in users])
                ).execute()
        SeatRelease.update(undone_at=now, undone_by=administrator).where(
            SeatRelease.id == release.id
        ).execute()
        details = {
            "release": release.id,
            "returned": [user.id for user in returned],
            "not_returned": [user.id for user in not_returned],
        }
        audit.record(organization, RELEASE_UNDONE, administrator.email, details, now)
    undone = find_release(organization, release_id)
    assert undone is not None  # found above; releases are kept, only their undoing is written
    return Undone(undone, returned, not_returned)


def releases_of(organization_id: int, limit: int = 100) -> list[SeatRelease]:
    """The organization's releases, newest first."""
    query = SeatRelease.select().where(SeatRelease.organization == organization_id)
    return list(query.order_by(SeatRelease.id.desc()).limit(limit))


def find_release(organization_id: int, release_id: int) -> SeatRelease | None:
    return SeatRelease.get_or_none(
        (SeatRelease.id == release_id) & (SeatRelease.organization == organization_id)
    )


def available_seats(organization_id: int, contract: Contract) -> int:
    """Seats the contract licenses that no user holds."""
    assigned = (
        AccountUser.select(fn.COUNT(AccountUser.id))
        .where((AccountUser.organization == organization_id) & AccountUser.holds_seat)
        .scalar()
    )
    return max(0, contract.licensed_seats - int(assigned or 0))


def undo_until(release: SeatRelease) -> datetime:
    return release.created_at + timedelta(days=UNDO_DAYS)


def release_json(release: SeatRelease, now: datetime | None = None) -> dict:
    now = now or utc_now()
    by, undone_by = release.administrator, release.undone_by
    return {
        "id": release.id,
        "users": [
            {**user_json(entry.user), "returned": entry.returned} for entry in _entries(release)
        ],
        "reason": release.reason,
        "released_at": release.created_at.astimezone(UTC).isoformat(),
        "released_by": {"name": by.name, "email": by.email},
        "undo_until": undo_until(release).astimezone(UTC).isoformat(),
        "can_undo": release.undone_at is None and now <= undo_until(release),
        "undone_at": release.undone_at.astimezone(UTC).isoformat() if release.undone_at else None,
        "undone_by": (
            None if undone_by is None else {"name": undone_by.name, "email": undone_by.email}
        ),
    }


def _entries(release: SeatRelease) -> list[SeatReleaseUser]:
    return list(
        SeatReleaseUser.select(SeatReleaseUser, AccountUser)
        .join(AccountUser)
        .where(SeatReleaseUser.release == release.id)
        .order_by(AccountUser.name, AccountUser.id)
    )


def _user(administrator: Administrator, user_id: int) -> AccountUser:
    """The organization's user with this id; 404 for anyone else's, as for an unknown one."""
    found = _locked(
        AccountUser.select().where(
            (AccountUser.id == user_id)
            & (AccountUser.organization == administrator.organization_id)
        )
    )
    user = found[0] if found else None
    if user is None:
        raise SeatProblem(404, "not_found", f"No user of this organization has the id {user_id}.")
    return user


def _locked[M: Model](query: "ModelSelect[M]") -> list[M]:
    """The rows, locked on PostgreSQL until the transaction ends (SQLite's write lock is held
    already), so two requests cannot free the same seat."""
    return list(locked(query))


def _lock(contract: Contract) -> None:
    """Seat changes of an organization in line: its contract row locked on PostgreSQL (SQLite's
    write lock is held already)."""
    list(locked(Contract.select(Contract.id).where(Contract.id == contract.id)))
