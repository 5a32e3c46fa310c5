"""The organization's invoices not paid yet and not overdue, in one line, for the overview."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from peewee import fn

from billing.invoices import OPEN
from billing.money import amount_from_minor
from desktop.invoices import status_condition
from desktop.models import Organization, SeatPurchase


@dataclass(frozen=True)
class OpenInvoices:
    count: int
    total: Decimal
    currency: str


def open_invoices(organization: Organization, today: date) -> OpenInvoices | None:
    """How many invoices are open and not yet due on `today`, and their total; None if none."""
    query = SeatPurchase.select(
        fn.COUNT(SeatPurchase.transaction_id),
        fn.SUM(SeatPurchase.amount_minor),
        fn.MIN(SeatPurchase.currency),
    ).where((SeatPurchase.organization == organization) & status_condition(OPEN, today))
    count, total, currency = query.tuples().get()  # type: ignore[misc]  # one row of three
    if not count:
        return None
    return OpenInvoices(count, amount_from_minor(int(total), currency), currency)
