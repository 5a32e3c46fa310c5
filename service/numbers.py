"""The numbers an organization gives its quotes and approvals (Q-2026-000001, AP-2026-000001):
counted in turn, the year a prefix."""

from db.database import locked
from service.models import Approval, Organization, Quote


def next_number(model: type[Quote | Approval], prefix: str, organization_id: int, year: int) -> str:
    """The organization's next number for `model`'s rows: they are counted with its row locked,
    so two made at once are numbered in turn (SQLite's write lock does the same)."""
    mine = Organization.select().where(Organization._meta.primary_key == organization_id)
    locked(mine).get()
    count = model.select().where(model.organization == organization_id).count()
    return f"{prefix}-{year}-{count + 1:06d}"
