"""The vendor's invoices: one issued for each provisioned order, due after the payment terms,
then paid or voided; an open invoice past its due date is overdue."""

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from peewee import JOIN, Expression, ModelSelect

from billing.invoices import OPEN, OVERDUE, PAID, shown_status
from billing.money import amount_from_minor
from billing.profile import EU_VAT_PREFIXES
from billing.proration import PRORATE_BY_MONTH, Working, stored_working
from db.fields import utc_now
from service.models import BillingProfile, Invoice, Organization, Renewal, SeatOrder, Vendor

DEFAULT_TERMS_DAYS = 30
REVERSE_CHARGE = (
    "Reverse charge: the customer accounts for the VAT (Article 196, Council Directive "
    "2006/112/EC)."
)


def issue(order: SeatOrder, number: str, issued: date, now: datetime) -> Invoice:
    """The invoice of a just provisioned order, with the bill-to party as it is now."""
    return _issue(
        order.organization_id,
        number,
        issued,
        now,
        order.amount_minor,
        order.currency,
        order=order.id,
    )


def issue_for_renewal(renewal: Renewal, number: str, issued: date, now: datetime) -> Invoice:
    """The invoice of a renewal, issued when it is placed."""
    return _issue(
        renewal.organization_id,
        number,
        issued,
        now,
        renewal.amount_minor,
        renewal.currency,
        renewal=renewal.id,
    )


def _issue(
    organization_id: int,
    number: str,
    issued: date,
    now: datetime,
    amount_minor: int,
    currency: str,
    **invoiced: int,
) -> Invoice:
    vendor = Vendor.select().first()
    terms = vendor.payment_terms_days if vendor else DEFAULT_TERMS_DAYS
    profile = BillingProfile.get_or_none(BillingProfile.organization == organization_id)
    bill_to = _bill_to(profile)
    return Invoice.create(
        organization=organization_id,
        number=number,
        issue_date=issued,
        due_date=issued + timedelta(days=terms),
        amount_minor=amount_minor,
        tax_minor=0,
        currency=currency,
        tax_note=REVERSE_CHARGE if _reverse_charge(bill_to, vendor) else None,
        bill_to=json.dumps(bill_to, ensure_ascii=False, sort_keys=True),
        status=OPEN,
        updated_at=now,
        **invoiced,
    )


def status_condition(status: str, today: date) -> Expression:
    """Invoices that show as `status` today."""
    if status == OVERDUE:
        return (Invoice.status == OPEN) & (Invoice.due_date < today)
    if status == OPEN:
        return (Invoice.status == OPEN) & (Invoice.due_date >= today)
    return Invoice.status == status


def changes(
    organization_id: int,
    since: datetime,
    after_id: int,
    limit: int,
    status: str | None,
    today: date,
    issued: tuple[date | None, date | None] = (None, None),
) -> list[Invoice]:
    """The organization's invoices changed after (since, after_id), oldest change first;
    `issued` bounds their issue dates (inclusive)."""
    query = _with_what_it_invoices().where(
        (Invoice.organization == organization_id)
        & ((Invoice.updated_at > since) | ((Invoice.updated_at == since) & (Invoice.id > after_id)))
    )
    if status is not None:
        query = query.where(status_condition(status, today))
    first, last = issued
    if first is not None:
        query = query.where(Invoice.issue_date >= first)
    if last is not None:
        query = query.where(Invoice.issue_date <= last)
    return list(query.order_by(Invoice.updated_at, Invoice.id).limit(limit))


def find(organization_id: int, number: str) -> Invoice | None:
    return (
        _with_what_it_invoices()
        .where((Invoice.organization == organization_id) & (Invoice.number == number))
        .first()
    )


def _with_what_it_invoices() -> "ModelSelect[Invoice]":
    """Invoices with their order or their renewal, in one query."""
    return (
        Invoice.select(Invoice, SeatOrder, Renewal)
        .join_from(Invoice, SeatOrder, JOIN.LEFT_OUTER)
        .join_from(Invoice, Renewal, JOIN.LEFT_OUTER)
    )


def transaction_id(invoice: Invoice) -> str:
    """The transaction ID of the order or renewal the invoice is for."""
    invoiced = invoice.order if invoice.order_id else invoice.renewal
    assert invoiced is not None  # an invoice is for an order or else for a renewal
    return invoiced.transaction_id


def numbered(number: str) -> list[Invoice]:
    """Every invoice with this number, with its organization: one per organization that has
    it, since each numbers its own."""
    query = Invoice.select(Invoice, Organization).join(Organization).where(Invoice.number == number)
    return list(query.order_by(Organization.id))


def mark_paid(invoice: Invoice, now: datetime | None = None) -> bool:
    """Record the payment of this invoice if it is open; whether it was."""
    now = now or utc_now()
    return bool(
        Invoice.update(status=PAID, paid_at=now, updated_at=now)
        .where((Invoice.id == invoice.id) & (Invoice.status == OPEN))
        .execute()
    )


def invoice_json(invoice: Invoice, today: date) -> dict:
    total = invoice.amount_minor + invoice.tax_minor
    return {
        "number": invoice.number,
        "transaction_id": transaction_id(invoice),
        "issue_date": invoice.issue_date.isoformat(),
        "due_date": invoice.due_date.isoformat(),
        "amount": str(amount_from_minor(invoice.amount_minor, invoice.currency)),
        "tax": str(amount_from_minor(invoice.tax_minor, invoice.currency)),
        "total": str(amount_from_minor(total, invoice.currency)),
        "currency": invoice.currency,
        "tax_note": invoice.tax_note,
        "status": shown_status(invoice.status, invoice.due_date, today),
        "paid_at": invoice.paid_at.isoformat() if invoice.paid_at else None,
        "updated_at": invoice.updated_at.isoformat(),
    }


def _bill_to(profile: BillingProfile | None) -> dict:
    if profile is None:
        return {}
    return {
        "legal_name": profile.legal_name,
        "address": profile.address,
        "country": profile.country,
        "tax_id": profile.tax_id,
    }


def _reverse_charge(bill_to: dict, vendor: Vendor | None) -> bool:
    """A business customer in another EU member state than the vendor's, with a VAT number: it
    accounts for the VAT itself."""
    country = bill_to.get("country")
    seller = vendor_country(vendor.address) if vendor else None
    return country in EU_VAT_PREFIXES and country != seller and bool(bill_to.get("tax_id"))


def vendor_country(address: str) -> str | None:
    """The ISO 3166 code of the country an address ends with, as an international postal
    address does ("United States", "Germany", "Deutschland"); None if its last line names none."""
    from babel import Locale  # loaded when an invoice is issued, not at start

    last = address.strip().rsplit("\n", 1)[-1].strip().casefold()
    for language in ("en", "de", "fr"):
        for code, name in Locale(language).territories.items():
            if len(code) == 2 and code.isalpha() and name.casefold() == last:
                return code
    return None


@dataclass(frozen=True)
class InvoiceLine:
    """What an invoice is for, as its documents print it."""

    what: str
    transaction_id: str
    purchase_order: str | None
    start: date
    end: date
    seats: int
    working: Working  # what seats × price are multiplied by, as the amount was worked out
    price: Decimal  # per seat per month


def invoice_line(invoice: Invoice) -> InvoiceLine:
    """The invoice's one line: additional seats (an order) or the next term (a renewal)."""
    order, renewal = invoice.order, invoice.renewal
    if order is not None:
        contract = order.contract
        return InvoiceLine(
            "Additional seats",
            order.transaction_id,
            order.purchase_order,
            order.period_start,
            order.period_end,
            order.seats,
            stored_working(
                contract.proration_unit,
                contract.start_date,
                contract.end_date,
                order.period_start,
                order.prorated_months,
            ),
            order.monthly_unit_price,
        )
    assert renewal is not None, "an invoice is for an order or a renewal"
    return InvoiceLine(
        "Renewal",
        renewal.transaction_id,
        renewal.purchase_order,
        renewal.term_start,
        renewal.term_end,
        renewal.seats,
        Working(PRORATE_BY_MONTH, renewal.months),
        renewal.monthly_unit_price,
    )


def price_text(price: Decimal) -> str:
    """A unit price with its cents, and sub-cent digits only where it has them: 9.90, 9.125."""
    cents = price.quantize(Decimal("0.01"))
    return str(cents) if cents == price else str(price.normalize())
