"""Formal quotes from the account service: requested, listed and fetched as PDFs, as frozen
records (calls take time: off the GUI thread)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from billing.kinds import OrderKind
from desktop.service_client import ServiceClient

OPEN, USED, EXPIRED = "open", "used", "expired"


@dataclass(frozen=True)
class FormalQuote:
    """A price the vendor holds for one order until `valid_until` (the organization's day)."""

    number: str
    kind: OrderKind
    status: str  # open, used or expired
    seats: int
    quote_date: date
    valid_until: date
    period_start: date
    period_end: date
    months: int
    proration: str
    working: str  # in English, as the service prints it
    monthly_price_per_seat: Decimal
    amount: Decimal
    currency: str
    purchase_order: str | None
    note: str | None
    requested_by: str
    transaction_id: str | None  # the order placed from it, once used

    def orderable(self, today: date) -> bool:
        """Whether an order may still be placed from it on `today`."""
        return self.status == OPEN and today <= self.valid_until


class Quotes:
    """The organization's formal quotes."""

    def __init__(self, client: ServiceClient) -> None:
        self._client = client

    def listed(self) -> list[FormalQuote]:
        """Newest first."""
        return [formal_quote(each) for each in self._client.quotes()]

    def request(
        self,
        seats: int,
        kind: OrderKind = OrderKind.PURCHASE,
        purchase_order: str | None = None,
        note: str | None = None,
    ) -> FormalQuote:
        body = {"seats": seats, "kind": str(kind), "purchase_order": purchase_order, "note": note}
        return formal_quote(self._client.request_quote(body))

    def pdf(self, number: str) -> bytes:
        return self._client.quote_pdf(number)


def formal_quote(answer: dict) -> FormalQuote:
    return FormalQuote(
        number=answer["number"],
        kind=OrderKind(answer["kind"]),
        status=answer["status"],
        seats=answer["seats"],
        quote_date=date.fromisoformat(answer["quote_date"]),
        valid_until=date.fromisoformat(answer["valid_until"]),
        period_start=date.fromisoformat(answer["period_start"]),
        period_end=date.fromisoformat(answer["period_end"]),
        months=answer["months"],
        proration=answer["proration"],
        working=answer["working"],
        monthly_price_per_seat=Decimal(answer["monthly_price_per_seat"]),
        amount=Decimal(answer["amount"]),
        currency=answer["currency"],
        purchase_order=answer["purchase_order"],
        note=answer["note"],
        requested_by=answer["requested_by"]["name"],
        transaction_id=answer["transaction_id"],
    )
