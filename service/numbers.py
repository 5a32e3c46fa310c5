"""The numbers an organization gives its quotes and approvals (Q-2026-000001, AP-2026-000001):
counted in turn, the year a prefix."""

from db.database import is_sqlite
from service.models import Approval, Organization, Quote, service_db


def next_number(model: type[Quote | Approval], prefix: str, organization_id: int, year: int) -> str:
    """The organization's next number for `model`'s rows: they are counted with its row locked,
    so two made at once are numbered in turn (SQLite's write lock does the same)."""
    mine = Organization.select().where(Organization._meta.primary_key == organization_id)
    (mine if is_sqlite(service_db.obj) else mine.for_update()).get()
    count = model.select().where(model.organization == organization_id).count()
    return f"{prefix}-{year}-{count + 1:06d}"
