"""A formal quote as an order or a renewal is placed from it: found, checked, priced as it was
quoted, and marked used in the order's own transaction, so a crash leaves both or neither."""

from datetime import date, datetime
from decimal import Decimal

from billing.money import amount_from_minor
from billing.orders import (
    OrderRequest,
    quote_lapsed,
    quote_mismatch,
    quote_used,
    unknown_quote,
)
from billing.proration import Quote, stored_working
from billing.renewal import RenewalTerms
from service.models import Approval
from service.models import Quote as QuoteRow


def held(organization_id: int, request: OrderRequest, today: date) -> QuoteRow:
    """The organization's quote that `request` names, if an order like it may be placed from
    it on `today` (the organization's day); else OrderRefusal: unknown, used, of another
    kind, seats, total or date, or past its validity (`quote_expired`)."""
    number = str(request.quote_number)
    found = QuoteRow.get_or_none(
        (QuoteRow.organization == organization_id) & (QuoteRow.number == number)
    )
    if found is None:
        raise unknown_quote(number)
    if found.used_by is not None:
        raise quote_used(number, found.used_by)
    if (
        found.kind != request.kind
        or found.seats != request.seats
        or amount_of(found) != request.quoted_amount
        or request.quote_date not in (None, found.quote_date)
    ):
        raise quote_mismatch(number)
    if today > found.valid_until:
        raise quote_lapsed(number, found.valid_until)
    return found


def use(organization_id: int, number: str, transaction_id: str, now: datetime) -> None:
    """Mark the quote used by the order being written, or held for its approval (in its
    transaction); OrderRefusal `quote_used` when another order took it first (on PostgreSQL
    this waits for that one's commit, then finds it used)."""
    mine = (QuoteRow.organization == organization_id) & (QuoteRow.number == number)
    free = QuoteRow.used_by.is_null() | (QuoteRow.used_by == transaction_id)  # held for it
    changed = QuoteRow.update(used_by=transaction_id, used_at=now).where(mine & free).execute()
    if not changed:
        raise quote_used(number, str(QuoteRow.get(mine).used_by))


def release(organization_id: int, number: str, transaction_id: str) -> None:
    """The quote free again after the approval that held it for `transaction_id` was denied."""
    QuoteRow.update(used_by=None, used_at=None).where(
        (QuoteRow.organization == organization_id)
        & (QuoteRow.number == number)
        & (QuoteRow.used_by == transaction_id)
    ).execute()


def quoted_fields(ledger_fields: dict) -> dict:
    """A purchase's or renewal's ledger fields as a quote (or an approval) keeps them: the
    months, and the period (the purchase's, or the next term)."""
    renames = {"prorated_months": "months", "term_start": "period_start", "term_end": "period_end"}
    return {renames.get(name, name): value for name, value in ledger_fields.items()}


def amount_of(quote: "QuoteRow | Approval") -> Decimal:
    return amount_from_minor(quote.amount_minor, quote.currency)


def purchase_priced(quote: "QuoteRow | Approval") -> Quote:
    """A purchase quote (or an approval holding one's price) as billing prices it: the same
    amount, period and working."""
    contract = quote.contract
    return Quote(
        seats=quote.seats,
        as_of=quote.quote_date,
        prorated_months=quote.months,
        period_start=quote.period_start,
        period_end=quote.period_end,
        monthly_unit_price=Decimal(quote.monthly_unit_price),
        amount=amount_of(quote),
        currency=quote.currency,
        working=stored_working(
            quote.proration_unit,
            contract.start_date,
            contract.end_date,
            quote.period_start,
            quote.months,
        ),
        term_start=contract.start_date,
    )


def renewal_terms(quote: "QuoteRow | Approval") -> RenewalTerms:
    """A renewal quote's terms (or an approval's): the next term, seats and amount it held."""
    return RenewalTerms(
        quote.period_start,
        quote.period_end,
        quote.months,
        quote.seats,
        Decimal(quote.monthly_unit_price),
        amount_of(quote),
        quote.currency,
    )
