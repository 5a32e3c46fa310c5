"""Users who hold a seat without using it, as the service lists them, and their CSV export.

An administrator frees such seats (desktop.seats) before buying more.
"""

from collections.abc import Iterator
from pathlib import Path

from desktop.history import write_csv
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.service_client import ServiceClient, every_item

EXPORT_PAGE = 1000  # the most the service gives in one page
# The lists the overview opens, as the service's filters.
DISABLED = {"license": "assigned", "status": "disabled"}
HOLDERS = {"license": "assigned"}
WITHOUT_SEAT = {"license": "unassigned"}


def inactive(days: int) -> dict:
    """Active users holding a seat with no activity for more than `days` (as the summary said)."""
    return {"license": "assigned", "status": "active", "inactive_days": days}


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


def user_row(user: dict) -> tuple[str, str, str, str]:
    """A user as exported: name, e-mail, status, last activity (UTC, to the minute)."""
    seen = user["last_active_at"]
    return (
        user["name"],
        user["email"],
        STATUSES[user["status"]],
        seen[:16].replace("T", " ") if seen else "",
    )


def all_users(client: ServiceClient, filters: dict) -> Iterator[dict]:
    """Every matching user by name, read from the service a page at a time."""
    return every_item(lambda after: client.users(filters, after, EXPORT_PAGE), "users")


def export_users_csv(users: Iterator[dict], path: Path) -> int:
    """Write the users as CSV that Excel opens; returns how many the file holds."""
    return write_csv(path, USERS_CSV_HEADER, (user_row(user) for user in users))
