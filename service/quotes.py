"""Formal quotes: seats now or the renewal, priced as GET /v1/quote and the renewal offer price
them, numbered per organization (Q-YYYY-NNNNNN) and held for one order until they expire."""

from datetime import datetime, timedelta

from billing.kinds import OrderKind
from billing.money import amount_from_minor
from billing.orders import OrderRefusal, check_invoice_note, check_purchase_order
from billing.proration import PRORATE_BY_MONTH, Working
from db.database import write_transaction
from db.fields import utc_now
from service import audit, held_quotes, profiles, renewals
from service.models import Administrator, Quote, service_db
from service.numbers import next_number
from service.orders import OrderProblem, local_today, quote_on

VALIDITY_DAYS = 30  # manage-account-service --quote-validity-days
MAX_VALIDITY_DAYS = 366
QUOTE_GIVEN = "quote given"  # audit action
OPEN, USED, EXPIRED = "open", "used", "expired"


def give(
    administrator: Administrator,
    body: dict,
    validity_days: int = VALIDITY_DAYS,
    now: datetime | None = None,
) -> Quote:
    """A new quote for the body's seats, priced today where the organization is (the
    renewal's as offered today), valid `validity_days` but never past the contract's end;
    OrderProblem when it cannot be priced or a text is refused."""
    now = now or utc_now()
    kind = OrderKind(body.get("kind", OrderKind.PURCHASE))  # the document checked the kind
    try:
        purchase_order = check_purchase_order(body.get("purchase_order"))
        note = check_invoice_note(body.get("note"))
    except OrderRefusal as refusal:
        raise OrderProblem.of(refusal) from refusal
    organization, organization_id = administrator.organization, administrator.organization_id
    today = local_today(organization, now)
    with write_transaction(service_db):
        if kind == OrderKind.PURCHASE:
            contract, priced = quote_on(organization, body.get("seats"), today)
            fields = held_quotes.quoted_fields(priced.ledger_fields())
        else:
            contract, terms = renewals.priced(administrator, body.get("seats"), now)
            fields = held_quotes.quoted_fields(terms.ledger_fields())
        quote = Quote.create(
            organization=organization_id,
            number=next_number(Quote, "Q", organization_id, today.year),
            kind=kind,
            contract=contract,
            administrator=administrator,
            **fields,
            proration_unit=contract.proration_unit,
            quote_date=today,
            valid_until=min(today + timedelta(days=validity_days), contract.end_date),
            purchase_order=purchase_order,
            note=note,
            parties=profiles.parties_text(organization_id),
            created_at=now,
        )
        details = {
            "number": quote.number,
            "kind": kind,
            "seats": quote.seats,
            "amount": str(held_quotes.amount_of(quote)),
            "valid_until": quote.valid_until.isoformat(),
        }
        audit.record(organization_id, QUOTE_GIVEN, administrator.email, details, now)
    return quote


def quotes_of(organization_id: int) -> list[Quote]:
    """The organization's quotes, newest first."""
    return list(
        Quote.select(Quote, Administrator)
        .join(Administrator)
        .where(Quote.organization == organization_id)
        .order_by(Quote.number.desc())
    )


def find(organization_id: int, number: str) -> Quote | None:
    return Quote.get_or_none((Quote.organization == organization_id) & (Quote.number == number))


def working(quote: Quote) -> Working:
    """What the price per seat per month was multiplied by: the purchase's months (or days), or
    the next term's months."""
    if quote.kind == OrderKind.RENEWAL:
        return Working(PRORATE_BY_MONTH, quote.months)
    return held_quotes.purchase_priced(quote).working


def status(quote: Quote, now: datetime | None = None) -> str:
    """Open, used (ordered from), or expired (its last valid day passed, unused)."""
    if quote.used_by is not None:
        return USED
    today = local_today(quote.organization, now or utc_now())
    return EXPIRED if today > quote.valid_until else OPEN


def quote_json(quote: Quote, now: datetime | None = None) -> dict:
    return {
        "number": quote.number,
        "kind": quote.kind,
        "status": status(quote, now),
        "seats": quote.seats,
        "quote_date": quote.quote_date.isoformat(),
        "valid_until": quote.valid_until.isoformat(),
        "period_start": quote.period_start.isoformat(),
        "period_end": quote.period_end.isoformat(),
        "months": quote.months,
        "proration": quote.proration_unit,
        "working": str(working(quote)),
        "monthly_price_per_seat": str(quote.monthly_unit_price),
        "amount": str(amount_from_minor(quote.amount_minor, quote.currency)),
        "currency": quote.currency,
        "purchase_order": quote.purchase_order,
        "note": quote.note,
        "requested_by": {"name": quote.administrator.name, "email": quote.administrator.email},
        "created_at": quote.created_at.isoformat(),
        "transaction_id": quote.used_by,
        "ordered_at": None if quote.used_at is None else quote.used_at.isoformat(),
    }
