"""Users who hold a seat without using it, as the service lists them, and their CSV export.

An administrator frees such seats (desktop.seats) before buying more.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop.history import write_csv
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.service_client import ServiceClient, every_item

EXPORT_PAGE = 1000  # the most the service gives in one page


@dataclass(frozen=True)
class UserFilter:
    """Which users a list shows, as the service filters them."""

    license: str  # "assigned" (holding a seat) or "unassigned"
    status: str | None = None  # "active" or "disabled"; None: both
    inactive_days: int | None = None  # with no activity for more than this many days

    @property
    def holders(self) -> bool:
        """Users holding a seat, whose seats can be freed (the others can be given one)."""
        return self.license == "assigned"

    def query(self) -> dict[str, str | int]:
        """The filter as GET /v1/users takes it."""
        query: dict[str, str | int] = {"license": self.license}
        if self.status is not None:
            query["status"] = self.status
        if self.inactive_days is not None:
            query["inactive_days"] = self.inactive_days
        return query


# The lists the overview opens.
DISABLED = UserFilter("assigned", "disabled")
HOLDERS = UserFilter("assigned")
WITHOUT_SEAT = UserFilter("unassigned")


def inactive(days: int) -> UserFilter:
    """Active users holding a seat with no activity for more than `days` (as the summary said)."""
    return UserFilter("assigned", "active", days)


@dataclass(frozen=True)
class SeatUser:
    """A user of the organization as the service lists them."""

    id: int
    name: str
    email: str
    holds_seat: bool
    status: str  # "active" or "disabled", a key of STATUSES
    last_active_at: datetime | None  # None: never


@dataclass(frozen=True)
class UsersPage:
    users: tuple[SeatUser, ...]
    total: int  # users matching the filter, on all pages
    has_more: bool


# The CSV keeps these English; the dialog shows them through translate().
USERS_CSV_HEADER = (
    QT_TRANSLATE_NOOP("SeatHolders", "Name"),
    QT_TRANSLATE_NOOP("SeatHolders", "E-mail"),
    QT_TRANSLATE_NOOP("SeatHolders", "Status"),
    QT_TRANSLATE_NOOP("SeatHolders", "Last active (UTC)"),
)
STATUSES = {
    "active": QT_TRANSLATE_NOOP("SeatHolders", "Active"),
    "disabled": QT_TRANSLATE_NOOP("SeatHolders", "Disabled"),
}


class SeatUsers:
    """The organization's users on the account service (calls take time: off the GUI thread)."""

    def __init__(self, client: ServiceClient) -> None:
        self._client = client

    def page(self, which: UserFilter, after: int | None, limit: int) -> UsersPage:
        """The first `limit` matching users by name after the user `after` (None: from the
        first)."""
        answer = self._client.users(which.query(), after, limit)
        return UsersPage(
            tuple(seat_user(each) for each in answer["users"]),
            int(answer["total"]),
            bool(answer["has_more"]),
        )

    def export_csv(self, which: UserFilter, path: Path) -> int:
        """Every matching user by name, however many pages, as CSV that Excel opens; returns
        how many the file holds."""
        client, query = self._client, which.query()
        users = every_item(lambda after: client.users(query, after, EXPORT_PAGE), "users")
        return write_csv(path, USERS_CSV_HEADER, (user_row(seat_user(each)) for each in users))


def seat_user(answer: dict) -> SeatUser:
    """A user as the service answers it (GET /v1/users), read."""
    seen = answer["last_active_at"]
    return SeatUser(
        answer["id"],
        answer["name"],
        answer["email"],
        answer["license"] == "assigned",
        answer["status"],
        datetime.fromisoformat(seen) if seen else None,
    )


def user_row(user: SeatUser) -> tuple[str, str, str, str]:
    """A user as exported: name, e-mail, status, last activity (UTC, to the minute)."""
    seen = user.last_active_at
    return (
        user.name,
        user.email,
        STATUSES[user.status],
        seen.astimezone(UTC).strftime("%Y-%m-%d %H:%M") if seen else "",
    )
