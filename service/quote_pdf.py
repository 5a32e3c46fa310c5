"""The vendor's formal quote as a PDF, built from the invoice's blocks (service.invoice_pdf):
the same bytes for the same quote, dated when it was given."""

import json
from decimal import Decimal
from io import BytesIO

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas

from billing.kinds import OrderKind
from billing.money import amount_from_minor
from billing.proration import PRORATE_BY_MONTH
from service.invoice_pdf import (
    BOLD,
    MARGIN,
    REGULAR,
    day,
    heading,
    line_item,
    new_canvas,
    register_fonts,
    remittance,
    split,
    totals,
)
from service.invoices import DEFAULT_TERMS_DAYS, price_text
from service.models import Organization, Quote, Vendor
from service.quotes import working

WHAT = {OrderKind.PURCHASE: "Additional seats", OrderKind.RENEWAL: "Renewal, next term"}


def render_quote(quote: Quote) -> bytes:
    """One page: vendor, bill-to, number, date and validity, the line with its working, the
    total, the payment terms, where to pay, and a line to sign for acceptance."""
    register_fonts()
    vendor = Vendor.select().first()
    organization = Organization.get_by_id(quote.organization_id)
    parties = json.loads(quote.parties) if quote.parties else {}
    bill_to = parties.get("bill_to") or {"legal_name": organization.name}
    size = LETTER if quote.currency == "USD" else A4
    right = size[0] - MARGIN
    out = BytesIO()
    canvas = new_canvas(out, size, f"Quote {quote.number}", vendor, quote.created_at)
    references = [
        ("Quote number", quote.number),
        ("Quote date", day(quote.quote_date)),
        ("Valid until", day(quote.valid_until)),
        *((("PO number", quote.purchase_order),) if quote.purchase_order else ()),
        ("Requested by", quote.administrator.name),
    ]
    y = heading(canvas, vendor, "Quote", references, bill_to, size)
    total = amount_from_minor(quote.amount_minor, quote.currency)
    factor, price = working(quote), Decimal(quote.monthly_unit_price)
    cells = [
        ("Seats", str(quote.seats)),
        ("Price per seat per month", f"{price_text(price)} {quote.currency}"),
        ("Months" if factor.unit == PRORATE_BY_MONTH else "Proration", str(factor)),
        ("Amount", f"{total:,} {quote.currency}"),
    ]
    what = WHAT[OrderKind(quote.kind)]
    description = f"{what}, {day(quote.period_start)} – {day(quote.period_end)}"
    y = line_item(canvas, cells, description, y, right)
    y = totals(canvas, [("Total", f"{total:,} {quote.currency}", BOLD)], y, right)
    terms = vendor.payment_terms_days if vendor else DEFAULT_TERMS_DAYS
    notes = [
        f"This quote is valid until {day(quote.valid_until)}: its price and period hold for "
        f"one order placed by then, quoting {quote.number}. Taxes, where they apply, are shown "
        "on the invoice.",
        f"Payment terms: {terms} days after the invoice date, by bank transfer.",
        *(f"Note: {quote.note}".split("\n") if quote.note else ()),
    ]
    canvas.setFont(REGULAR, 9.5)
    for note in notes:
        for part in split(note, REGULAR, 9.5, right - MARGIN):
            y -= 13
            canvas.drawString(MARGIN, y, part)
    if vendor is not None:
        rows = [("Payment reference", f"The invoice number (quote {quote.number})")]
        y = remittance(canvas, vendor, quote.currency, total, rows, y - 26, right)
    _acceptance(canvas, bill_to["legal_name"], quote.number, min(y - 30, 150), right)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _acceptance(canvas: Canvas, customer: str, number: str, y: float, right: float) -> None:
    """Lines to sign: who accepts the quote for the customer, and when."""
    canvas.setFont(BOLD, 9.5)
    canvas.drawString(MARGIN, y, "Acceptance")
    canvas.setFont(REGULAR, 9)
    for part in split(
        f"Accepted on behalf of {customer}, quote {number}:", REGULAR, 9, right - MARGIN
    ):
        y -= 13
        canvas.drawString(MARGIN, y, part)
    y -= 36
    canvas.setLineWidth(0.6)
    third = (right - MARGIN - 24) / 3
    for index, label in enumerate(("Name", "Signature", "Date")):
        left = MARGIN + index * (third + 12)
        canvas.line(left, y, left + third, y)
        canvas.setFont(REGULAR, 8.5)
        canvas.drawString(left, y - 11, label)
