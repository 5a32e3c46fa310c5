"""The vendor's invoice as a PDF, rendered by the service: the same bytes for the same invoice,
so its SHA-256 identifies it."""

import json
from datetime import date, datetime, time
from decimal import Decimal
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
    register_fonts()
    vendor = Vendor.select().first()
    organization = Organization.get_by_id(invoice.organization_id)
    line = invoice_line(invoice)
    bill_to = json.loads(invoice.bill_to) or {"legal_name": organization.name}
    size = LETTER if organization.currency == "USD" else A4
    out = BytesIO()
    issued = datetime.combine(invoice.issue_date, time(12), ZoneInfo(organization.timezone))
    canvas = new_canvas(out, size, f"Invoice {invoice.number}", vendor, issued)
    right = size[0] - MARGIN
    references = [
        ("Invoice number", invoice.number),
        ("Issue date", day(invoice.issue_date)),
        ("Due date", day(invoice.due_date)),
        ("Transaction ID", line.transaction_id),
        *((("PO number", line.purchase_order),) if line.purchase_order else ()),
    ]
    y = heading(canvas, vendor, "Invoice", references, bill_to, size)

    money = lambda minor: f"{amount_from_minor(minor, invoice.currency):,} {invoice.currency}"  # noqa: E731

    cells = [
        ("Seats", str(line.seats)),
        ("Price per seat per month", f"{price_text(line.price)} {invoice.currency}"),
        ("Months" if line.working.unit == PRORATE_BY_MONTH else "Proration", str(line.working)),
        ("Amount", money(invoice.amount_minor)),
    ]
    description = f"{line.what}, {day(line.start)} – {day(line.end)}"
    y = line_item(canvas, cells, description, y, right)
    y = totals(
        canvas,
        [
            ("Subtotal", money(invoice.amount_minor), REGULAR),
            ("Tax", money(invoice.tax_minor), REGULAR),
            ("Total due", money(invoice.amount_minor + invoice.tax_minor), BOLD),
        ],
        y,
        right,
    )
    canvas.setFont(REGULAR, 9.5)
    notes = [f"Payment due by {day(invoice.due_date)}. Please quote {invoice.number}."]
    if invoice.tax_note:
        notes.append(invoice.tax_note)
    for note in notes:
        for part in split(note, REGULAR, 9.5, right - MARGIN):
            y -= 13
            canvas.drawString(MARGIN, y, part)
    if vendor is not None:
        total = amount_from_minor(invoice.amount_minor + invoice.tax_minor, invoice.currency)
        to_quote = [("Payment reference", invoice.number), ("Due date", day(invoice.due_date))]
        remittance(canvas, vendor, invoice.currency, total, to_quote, y - 26, right, invoice.number)
    canvas.showPage()
    canvas.save()
    if vendor is None:  # no seller to name: a page, not an e-invoice
        return out.getvalue()
    from service.einvoice import factur_x

    return factur_x(invoice, vendor, out.getvalue(), issued)


def new_canvas(
    out: BytesIO, size: tuple[float, float], title: str, vendor: Vendor | None, dated: datetime
) -> Canvas:
    """A document's page writing to `out`, by the vendor, dated `dated` (when its event
    happened), so the same document gives the same bytes."""
    canvas = Canvas(
        out,
        pagesize=size,
        invariant=1,
        pageCompression=1,
        initialFontName=REGULAR,  # pyright: ignore[reportArgumentType]  # stubs: a float
    )
    # Dated when issued: reportlab has no setter, and its stubs leave out the canvas's _doc.
    canvas._doc._timeStamp = pdf_time_stamp(dated)  # pyright: ignore[reportAttributeAccessIssue]
    canvas.setTitle(title)
    canvas.setAuthor(vendor.legal_name if vendor else "")
    return canvas


def heading(
    canvas: Canvas,
    vendor: Vendor | None,
    title: str,
    references: list[tuple[str, str]],
    bill_to: dict,
    size: tuple[float, float],
) -> float:
    """The vendor's block, the title with the references right-aligned under it, and the
    bill-to block; returns the height below them."""
    width, height = size
    right = width - MARGIN
    # The references right-aligned under the title, their values as wide as the widest (at
    # most REFERENCE_WIDTH, wrapped beyond); the vendor takes the room to their left.
    measure = lambda text: pdfmetrics.stringWidth(text, REGULAR, 9.5)  # noqa: E731
    values = min(REFERENCE_WIDTH, max(measure(value) for _, value in references))
    labels = right - values - 10
    room = labels - max(measure(label) for label, _ in references) - 16 - MARGIN
    y = height - MARGIN
    if vendor is not None:
        y = block(canvas, vendor.legal_name, vendor_lines(vendor), MARGIN, y, room)
    canvas.setFont(BOLD, 22)
    canvas.drawRightString(right, height - MARGIN - 4, title)
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
    return block(canvas, bill_to["legal_name"], lines, MARGIN, y - 14, right - MARGIN) - 18


def line_item(
    canvas: Canvas, cells: list[tuple[str, str]], description: str, y: float, right: float
) -> float:
    """The line-item table of one line: the description at the left, `cells` (header, value)
    as right-aligned columns; returns the height below its closing rule."""
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, y + 11, right, y + 11)
    columns = item_columns(
        cells,
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
    top = y
    for column in columns:
        for index, text in enumerate(column.value):
            canvas.drawRightString(column.right, top - 12 * index, text)
    for part in split(description, REGULAR, 9, room):
        canvas.drawString(MARGIN, y, part)
        y -= 12
    y = min(y, top - 12 * max(len(column.value) for column in columns))
    canvas.line(MARGIN, y + 5, right, y + 5)
    return y - 10


def totals(canvas: Canvas, rows: list[tuple[str, str, str]], y: float, right: float) -> float:
    """(label, amount, font) rows right-aligned under the table; returns the height below."""
    for label, value, font in rows:
        canvas.setFont(font, 9.5)
        canvas.drawRightString(right - 120, y, label)
        canvas.drawRightString(right, y, value)
        y -= 14
    return y


QR_SIZE = 96  # the EPC QR code's side: about 34 mm, as banking apps scan it from paper


def remittance(
    canvas: Canvas,
    vendor: Vendor,
    currency: str,
    total: Decimal,
    rows_after: list[tuple[str, str]],
    y: float,
    right: float,
    qr_reference: str | None = None,
) -> float:
    """Where to pay: the vendor's account for `currency`, then `rows_after` (the reference to
    quote, when it is due); with a `qr_reference` in euros, an EPC QR code ("GiroCode")
    beside them that pays `total`. Gives the height of the lowest thing drawn."""
    account = bank_account({name: getattr(vendor, name) for name in BANK_FIELDS}, currency)
    qr = account and currency == "EUR" and total > 0
    rows = [("Account holder", vendor.legal_name), *account, *rows_after]
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
        for index, part in enumerate(split(value, REGULAR, 9.5, room)):
            y -= 13 if index else 0
            canvas.drawString(values, y, part)
    if qr and qr_reference is not None:
        assert vendor.iban and vendor.bic  # a euro account is shown only when complete
        payload = epc_payload(vendor.legal_name, vendor.iban, vendor.bic, total, qr_reference)
        _qr_code(canvas, payload, right - QR_SIZE, top - QR_SIZE + 4)
        canvas.setFont(REGULAR, 7.5)
        canvas.drawCentredString(right - QR_SIZE / 2, top - QR_SIZE - 6, "Scan to pay (GiroCode)")
        return min(y, top - QR_SIZE - 6)
    return y


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


def split(text: str, font: str, size: float, width: float) -> list[str]:
    """`text` in lines no wider than `width`, broken at spaces and, in a word longer than the
    line, between characters; none for blank text."""
    if not text.strip():
        return []
    return list(wrap(text, lambda part: pdfmetrics.stringWidth(part, font, size), width, True))


def day(when: date) -> str:
    """A date in the medium form, as every document writes dates: Dec 1, 2026."""
    return format_date(when, "medium", locale=LOCALE)


def vendor_lines(vendor: Vendor) -> list[str]:
    return [
        *vendor.address.split("\n"),
        f"Tax ID: {vendor.tax_id}",
        f"{vendor.support_email} · {vendor.support_phone}",
    ]


def block(canvas: Canvas, name: str, lines: list[str], x: float, y: float, room: float) -> float:
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
def register_fonts() -> None:
    for name, file in ((REGULAR, "DejaVuSans.ttf"), (BOLD, "DejaVuSans-Bold.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
