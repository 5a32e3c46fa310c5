"""The vendor's invoice as a PDF, rendered by the service: the same bytes for the same invoice,
so its SHA-256 identifies it."""

import json
from datetime import date, datetime, time
from functools import cache
from io import BytesIO
from zoneinfo import ZoneInfo

from babel.dates import format_date
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from billing.documents import item_columns, pdf_time_stamp, wrap
from billing.money import amount_from_minor
from billing.proration import PRORATE_BY_MONTH
from billing.remittance import BANK_FIELDS, bank_account, epc_payload
from resources import resource_path
from service.invoices import invoice_line, price_text
from service.models import Invoice, Organization, Vendor

REGULAR, BOLD = "InvoiceSans", "InvoiceSans-Bold"
MARGIN = 56
REFERENCE_WIDTH = 150  # the widest a reference value prints before it wraps (a 40-character PO)
LOCALE = "en_US"  # the invoice's words are English; its dates are written as English writes them


def render_invoice(invoice: Invoice) -> bytes:
    """One page: vendor, bill-to, number and dates, the line, subtotal, tax, total, terms;
    with its data embedded as a Factur-X e-invoice (service.einvoice)."""
    _register_fonts()
    vendor = Vendor.select().first()
    organization = Organization.get_by_id(invoice.organization_id)
    line = invoice_line(invoice)
    bill_to = json.loads(invoice.bill_to) or {"legal_name": organization.name}
    size = LETTER if organization.currency == "USD" else A4
    width, height = size
    out = BytesIO()
    canvas = Canvas(out, pagesize=size, invariant=1, pageCompression=1, initialFontName=REGULAR)
    issued = datetime.combine(invoice.issue_date, time(12), ZoneInfo(organization.timezone))
    canvas._doc._timeStamp = pdf_time_stamp(issued)  # dated when issued (reportlab has no setter)
    canvas.setTitle(f"Invoice {invoice.number}")
    canvas.setAuthor(vendor.legal_name if vendor else "")
    right = width - MARGIN
    references = [
        ("Invoice number", invoice.number),
        ("Issue date", _day(invoice.issue_date)),
        ("Due date", _day(invoice.due_date)),
        ("Transaction ID", line.transaction_id),
        *((("PO number", line.purchase_order),) if line.purchase_order else ()),
    ]
    # The references right-aligned under the title, their values as wide as the widest (at
    # most REFERENCE_WIDTH, wrapped beyond); the vendor takes the room to their left.
    measure = lambda text: pdfmetrics.stringWidth(text, REGULAR, 9.5)  # noqa: E731
    values = min(REFERENCE_WIDTH, max(measure(value) for _, value in references))
    labels = right - values - 10
    room = labels - max(measure(label) for label, _ in references) - 16 - MARGIN
    y = height - MARGIN
    if vendor is not None:
        y = _block(canvas, vendor.legal_name, _vendor_lines(vendor), MARGIN, y, room)
    canvas.setFont(BOLD, 22)
    canvas.drawRightString(right, height - MARGIN - 4, "Invoice")
    canvas.setFont(REGULAR, 9.5)
    top = height - MARGIN - 30
    for label, value in references:
        canvas.drawRightString(labels, top, label)
        for part in wrap(value, measure, values, break_words=True):
            canvas.drawRightString(right, top, part)
            top -= 13
    y = min(y, top, height - MARGIN - 110) - 16
    canvas.setFont(BOLD, 9.5)
    canvas.drawString(MARGIN, y, "Bill to")
    lines = bill_to.get("address", "").split("\n") if bill_to.get("address") else []
    if bill_to.get("tax_id"):
        lines.append(f"Tax ID: {bill_to['tax_id']}")
    y = _block(canvas, bill_to["legal_name"], lines, MARGIN, y - 14, right - MARGIN) - 18

    money = lambda minor: f"{amount_from_minor(minor, invoice.currency):,} {invoice.currency}"  # noqa: E731

    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, y + 11, right, y + 11)
    columns = item_columns(
        [
            ("Seats", str(line.seats)),
            ("Price per seat per month", f"{price_text(line.price)} {invoice.currency}"),
            ("Months" if line.working.unit == PRORATE_BY_MONTH else "Proration", str(line.working)),
            ("Amount", money(invoice.amount_minor)),
        ],
        lambda text: pdfmetrics.stringWidth(text, BOLD, 9),
        lambda text: pdfmetrics.stringWidth(text, REGULAR, 9),
        right,
    )
    room = columns[0].right - columns[0].width - 12 - MARGIN
    canvas.setFont(BOLD, 9)
    canvas.drawString(MARGIN, y, "Description")
    for index in range(max(len(column.header) for column in columns)):
        for column in columns:
            if index < len(column.header):
                canvas.drawRightString(column.right, y - 11 * index, column.header[index])
    y -= 11 * max(len(column.header) for column in columns) + 5
    canvas.setFont(REGULAR, 9)
    description = f"{line.what}, {_day(line.start)} – {_day(line.end)}"
    top = y
    for column in columns:
        for index, text in enumerate(column.value):
            canvas.drawRightString(column.right, top - 12 * index, text)
    for part in _split(description, REGULAR, 9, room):
        canvas.drawString(MARGIN, y, part)
        y -= 12
    y = min(y, top - 12 * max(len(column.value) for column in columns))
    canvas.line(MARGIN, y + 5, right, y + 5)
    y -= 10
    for label, value, font in (
        ("Subtotal", money(invoice.amount_minor), REGULAR),
        ("Tax", money(invoice.tax_minor), REGULAR),
        ("Total due", money(invoice.amount_minor + invoice.tax_minor), BOLD),
    ):
        canvas.setFont(font, 9.5)
        canvas.drawRightString(right - 120, y, label)
        canvas.drawRightString(right, y, value)
        y -= 14
    canvas.setFont(REGULAR, 9.5)
    notes = [f"Payment due by {_day(invoice.due_date)}. Please quote {invoice.number}."]
    if invoice.tax_note:
        notes.append(invoice.tax_note)
    for note in notes:
        for part in _split(note, REGULAR, 9.5, right - MARGIN):
            y -= 13
            canvas.drawString(MARGIN, y, part)
    if vendor is not None:
        _remittance(canvas, vendor, invoice, y - 26, right)
    canvas.showPage()
    canvas.save()
    if vendor is None:  # no seller to name: a page, not an e-invoice
        return out.getvalue()
    from service.einvoice import factur_x

    return factur_x(invoice, vendor, out.getvalue(), issued)


QR_SIZE = 96  # the EPC QR code's side: about 34 mm, as banking apps scan it from paper


def _remittance(canvas: Canvas, vendor: Vendor, invoice: Invoice, y: float, right: float) -> None:
    """Where to pay: the vendor's account for the invoice's currency, the reference to quote and
    the due date; on a euro invoice an EPC QR code ("GiroCode") beside them."""
    account = bank_account({name: getattr(vendor, name) for name in BANK_FIELDS}, invoice.currency)
    total = amount_from_minor(invoice.amount_minor + invoice.tax_minor, invoice.currency)
    qr = account and invoice.currency == "EUR" and total > 0
    rows = [
        ("Account holder", vendor.legal_name),
        *account,
        ("Payment reference", invoice.number),
        ("Due date", _day(invoice.due_date)),
    ]
    canvas.setFont(BOLD, 9.5)
    canvas.drawString(MARGIN, y, "Payment details")
    measure = lambda text: pdfmetrics.stringWidth(text, REGULAR, 9.5)  # noqa: E731
    values = MARGIN + max(measure(label) for label, _ in rows) + 12
    room = right - values - (QR_SIZE + 16 if qr else 0)
    top = y
    for label, value in rows:
        y -= 13
        canvas.setFont(REGULAR, 9.5)
        canvas.drawString(MARGIN, y, label)
        for index, part in enumerate(_split(value, REGULAR, 9.5, room)):
            y -= 13 if index else 0
            canvas.drawString(values, y, part)
    if qr:
        payload = epc_payload(vendor.legal_name, vendor.iban, vendor.bic, total, invoice.number)
        _qr_code(canvas, payload, right - QR_SIZE, top - QR_SIZE + 4)
        canvas.setFont(REGULAR, 7.5)
        canvas.drawCentredString(right - QR_SIZE / 2, top - QR_SIZE - 6, "Scan to pay (GiroCode)")


def _qr_code(canvas: Canvas, payload: str, x: float, y: float) -> None:
    """`payload` as a QR code of QR_SIZE points with its lower left corner at (x, y), error
    correction M as EPC069-12 asks."""
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing

    widget = QrCodeWidget(payload, barLevel="M")
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(
        QR_SIZE,
        QR_SIZE,
        transform=[QR_SIZE / (right - left), 0, 0, QR_SIZE / (top - bottom), 0, 0],
        initialFontName=REGULAR,  # else Helvetica, a font PDF/A would want embedded
    )
    drawing.add(widget)
    drawing.drawOn(canvas, x, y)


def _split(text: str, font: str, size: float, width: float) -> list[str]:
    """`text` in lines no wider than `width`, broken at spaces and, in a word longer than the
    line, between characters; none for blank text."""
    if not text.strip():
        return []
    return list(wrap(text, lambda part: pdfmetrics.stringWidth(part, font, size), width, True))


def _day(day: date) -> str:
    """A date in the medium form, as every document writes dates: Dec 1, 2026."""
    return format_date(day, "medium", locale=LOCALE)


def _vendor_lines(vendor: Vendor) -> list[str]:
    return [
        *vendor.address.split("\n"),
        f"Tax ID: {vendor.tax_id}",
        f"{vendor.support_email} · {vendor.support_phone}",
    ]


def _block(canvas: Canvas, name: str, lines: list[str], x: float, y: float, room: float) -> float:
    """A name in bold, then its lines, each wrapped within `room`; returns the height below."""
    canvas.setFont(BOLD, 11)
    for part in wrap(name, lambda text: pdfmetrics.stringWidth(text, BOLD, 11), room, True):
        canvas.drawString(x, y, part)
        y -= 14
    canvas.setFont(REGULAR, 9)
    for line in lines:
        for part in wrap(line, lambda text: pdfmetrics.stringWidth(text, REGULAR, 9), room, True):
            canvas.drawString(x, y, part)
            y -= 12
    return y


@cache
def _register_fonts() -> None:
    for name, file in ((REGULAR, "DejaVuSans.ttf"), (BOLD, "DejaVuSans-Bold.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
