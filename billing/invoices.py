"""An invoice's status as both sides show it: open, paid or void as stored, and overdue for
an open one past its due date (worked out, never stored, so it needs no job to set it)."""

from datetime import date

OPEN, OVERDUE, PAID, VOID = "open", "overdue", "paid", "void"


def shown_status(stored: str | None, due: date | None, today: date) -> str | None:
    """The status shown on `today` (where the organization is); None before an invoice."""
    if stored == OPEN and due is not None and due < today:
        return OVERDUE
    return stored
