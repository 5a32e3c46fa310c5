"""The organization's users and their seats, read-only here: the licence summary and the
users list, paged by name."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from peewee import Expression, Tuple

from service.models import AccountUser, Contract

INACTIVE_DAYS = 90  # the summary's "long inactive": no activity for more than this

LICENSE_FILTERS = {"assigned": True, "unassigned": False}
STATUS_FILTERS = {"active": True, "disabled": False}


@dataclass(frozen=True)
class UserFilter:
    license: str | None = None  # a key of LICENSE_FILTERS
    status: str | None = None  # a key of STATUS_FILTERS
    inactive_days: int | None = None  # active users not seen for more than this many days


def license_summary(organization_id: int, contract: Contract, pending: int, now: datetime) -> dict:
    """Seats purchased, assigned (and of those, to disabled or long-inactive users), available."""
    holders = AccountUser.select().where(
        (AccountUser.organization == organization_id) & AccountUser.holds_seat
    )
    assigned = holders.count()
    disabled = holders.where(~AccountUser.active).count()
    inactive = holders.where(inactive_condition(INACTIVE_DAYS, now)).count()
    return {
        "purchased": contract.licensed_seats,
        "assigned": assigned,
        "assigned_disabled": disabled,
        "assigned_inactive": inactive,
        "inactive_days": INACTIVE_DAYS,
        "available": max(0, contract.licensed_seats - assigned),
        "pending": pending,
    }


def list_users(
    organization_id: int, which: UserFilter, now: datetime, after: int | None, limit: int
) -> tuple[list[AccountUser], int, bool]:
    """One page of the organization's users by name after the user `after`; returns the page,
    how many users match in all, and whether more follow."""
    condition = AccountUser.organization == organization_id
    if which.license is not None:
        condition &= AccountUser.holds_seat == LICENSE_FILTERS[which.license]
    if which.status is not None:
        condition &= AccountUser.active == STATUS_FILTERS[which.status]
    if which.inactive_days is not None:
        condition &= inactive_condition(which.inactive_days, now)
    total = AccountUser.select().where(condition).count()
    page = AccountUser.select().where(condition)
    if after is not None:
        last = AccountUser.get_or_none(
            (AccountUser.id == after) & (AccountUser.organization == organization_id)
        )
        if last is not None:  # an unknown id (or another organization's) starts at the top
            page = page.where(Tuple(AccountUser.name, AccountUser.id) > (last.name, last.id))
    users = list(page.order_by(AccountUser.name, AccountUser.id).limit(limit + 1))
    return users[:limit], total, len(users) > limit


def inactive_condition(days: int, now: datetime) -> Expression:
    """Active users whose last activity is older than `days`, or who were never active."""
    since = now - timedelta(days=days)
    return AccountUser.active & (
        AccountUser.last_active_at.is_null() | (AccountUser.last_active_at < since)
    )


def user_json(user: AccountUser) -> dict:
    seen = user.last_active_at
    return {
        "id": user.id,
        "name": user.name,
        "email": user.email,
        "license": "assigned" if user.holds_seat else "unassigned",
        "status": "active" if user.active else "disabled",
        "last_active_at": None if seen is None else seen.astimezone(UTC).isoformat(),
    }
