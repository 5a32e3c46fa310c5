"""Purchase documents as PDF bytes: a plain record in, one page out, the same bytes every time.

Until the vendor's invoice is paid a purchase's document is an order confirmation (a renewal's a
renewal confirmation); from then on a receipt with the invoice number and the day it was paid.
Both name the vendor and whom it bills, the PO number, a line item, subtotal, tax, total and the
payment terms, as accounts payable expects.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache, lru_cache
from io import BytesIO
from zoneinfo import ZoneInfo

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from billing.documents import document_title as kind_title
from billing.documents import item_columns, pdf_time_stamp, wrap
from billing.kinds import OrderKind
from billing.proration import Working
from billing.statuses import Status
from billing.statuses import label as status_label
from desktop import formatting
from desktop.i18n import translate
from resources import resource_path

REGULAR, BOLD = "ReceiptSans", "ReceiptSans-Bold"
# Territories that print on US Letter; everyone else uses A4.
LETTER_TERRITORIES = {"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PR", "BZ", "CR", "PA"}
MARGIN = 56
NOTE_LINES = 4  # a note with more line breaks is printed run on, so the page always holds it
COMMON_CHARACTERS = "".join(chr(c) for c in range(32, 127)) + "–—“”’ ×\u202f\u00a0äöüÄÖÜß€„"
rl_config.useA85 = 0  # binary streams: smaller files, and no ASCII85 pass on every font


@dataclass(frozen=True)
class Party:
    """A vendor or a customer as a document prints it: the name, then its lines."""

    name: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReceiptRecord:
    """Everything a receipt shows, read from the database beforehand."""

    vendor: Party
    bill_to: Party
    payment_terms_days: int | None
    timezone: str
    transaction_id: str
    created_at: datetime
    purchased_by_name: str
    purchased_by_email: str
    acknowledgement_text: str
    acknowledged_at: datetime
    seats: int
    monthly_unit_price: Decimal
    prorated_months: int
    working: Working
    period_start: date
    period_end: date
    amount: Decimal
    currency: str
    invoice_number: str | None
    contract_start: date
    contract_end: date
    status: Status  # as the history shows it
    status_changed_at: datetime | None
    rejection_reason: str | None
    account_manager_name: str
    account_manager_email: str
    account_manager_phone: str
    purchase_order: str | None = None
    invoice_note: str | None = None
    line_description: str | None = None  # None: additional seats
    invoice_paid: bool = False  # the vendor's invoice is paid
    invoice_paid_at: datetime | None = None  # when, once the sync has brought it
    invoice_due_date: date | None = None  # the vendor's invoice's, once the sync has brought it
    kind: OrderKind = OrderKind.PURCHASE
    bank_account: tuple[tuple[str, str], ...] = ()  # (label marked for translation, value)


def no_payment() -> str:
    return translate("Receipt", "No payment taken. An invoice will follow.")


def page_size(locale: str) -> tuple[float, float]:
    return LETTER if formatting.babel_locale(locale).territory in LETTER_TERRITORIES else A4


def document_title(record: ReceiptRecord) -> str:
    """An order (or renewal) confirmation until the vendor's invoice is paid, then a receipt."""
    return translate("Receipt", kind_title(record.kind, record.invoice_paid))


def paid_on(record: ReceiptRecord, locale: str) -> str | None:
    """The day the invoice was paid, in the organization's time zone, or None while unpaid."""
    if record.invoice_paid_at is None:
        return None
    local = record.invoice_paid_at.astimezone(ZoneInfo(record.timezone)).date()
    return formatting.day(local, locale)


def receipt_fields(record: ReceiptRecord, locale: str) -> list[tuple[str, str]]:
    """The document's reference lines as (label, value), in the order printed."""
    zone = record.timezone
    status = translate("Status", status_label(record.kind, record.status))
    if record.status_changed_at is not None:
        status = translate("Receipt", "{status} on {moment}").format(
            status=status, moment=formatting.moment(record.status_changed_at, zone, locale)
        )
    if record.rejection_reason:
        status += f": {record.rejection_reason}"
    day = paid_on(record, locale)
    paid = [(translate("Receipt", "Paid on"), day)] if day else []
    purchase_order = (
        [(translate("Receipt", "PO number"), record.purchase_order)]
        if record.purchase_order
        else []
    )
    return [
        (translate("Receipt", "Transaction ID"), record.transaction_id),
        (
            translate("Receipt", "Date of purchase"),
            f"{formatting.moment(record.created_at, zone, locale)} ({zone})",
        ),
        (
            translate("Receipt", "Purchased by"),
            f"{record.purchased_by_name} <{record.purchased_by_email}>",
        ),
        (
            translate("Receipt", "Invoice number"),
            record.invoice_number or translate("Receipt", "Not issued yet"),
        ),
        *paid,
        *purchase_order,
        (
            translate("Receipt", "Contract"),
            formatting.date_range(record.contract_start, record.contract_end, locale),
        ),
        (
            translate("Receipt", "Renewal status")
            if record.kind == OrderKind.RENEWAL
            else translate("Receipt", "Provisioning status"),
            status,
        ),
    ]


def line_item(record: ReceiptRecord, locale: str) -> tuple[str, str, str, str, str]:
    """The one line item: description, quantity, unit price, months (or days), amount."""
    period = formatting.date_range(record.period_start, record.period_end, locale)
    months = formatting.proration(record.working)  # the words the vendor's invoice prints
    return (
        (record.line_description or translate("Receipt", "Additional seats")) + "\n" + period,
        formatting.number(record.seats, locale),
        formatting.unit_price(record.monthly_unit_price, record.currency, locale),
        months,
        formatting.money(record.amount, record.currency, locale),
    )


def payment_terms(record: ReceiptRecord, locale: str) -> str:
    day = paid_on(record, locale)
    if day is not None:
        return translate("Receipt", "Paid on {day}: invoice {number} is settled.").format(
            day=day, number=record.invoice_number
        )
    if record.payment_terms_days is None:
        return no_payment()
    invoiced = translate("Receipt", "No payment taken here: the vendor invoices this amount.")
    terms = translate("Receipt", "Payment terms: net {days} days from the invoice date.")
    return f"{invoiced}\n{terms.format(days=record.payment_terms_days)}"


def remittance_rows(record: ReceiptRecord, locale: str) -> list[tuple[str, str]]:
    """Where to pay the vendor's invoice, while it is unpaid and the vendor has an account for
    the currency: the account holder, the account, the invoice number to quote, and when it is
    due (the invoice's due date, or the terms until the invoice is known here)."""
    if record.invoice_paid or not record.bank_account:
        return []
    if record.invoice_due_date is not None:
        due = formatting.day(record.invoice_due_date, locale)
    else:
        due = translate(
            "Receipt", "%Ln day(s) after the invoice date", None, record.payment_terms_days or 0
        )
    return [
        (translate("Receipt", "Account holder"), record.vendor.name),
        *((translate("Remittance", label), value) for label, value in record.bank_account),
        (
            translate("Receipt", "Payment reference"),
            record.invoice_number or translate("Receipt", "The invoice number, once issued"),
        ),
        (translate("Receipt", "Due date"), due),
    ]


def _printable_note(note: str | None) -> str | None:
    """The note as it fits one page: its own line breaks when it has a few, else run on."""
    lines = [line.strip() for line in (note or "").splitlines() if line.strip()]
    return "\n".join(lines) if len(lines) <= NOTE_LINES else " / ".join(lines)


def render_receipt(record: ReceiptRecord, locale: str) -> bytes:
    """One page of PDF; invariant mode makes equal records give byte-identical files, and the
    creation date is the purchase's time (not the moment it was printed)."""
    _register_fonts()
    out = BytesIO()
    width, height = page_size(locale)
    # Uncompressed: about 80 KB instead of 45 KB, but compressing the embedded fonts anew for
    # every receipt would cost a third of the time it takes to make one.
    canvas = Canvas(
        out,
        pagesize=(width, height),
        invariant=1,
        pageCompression=0,
        initialFontName=REGULAR,  # pyright: ignore[reportArgumentType]  # stubs: a float
    )
    # reportlab has no public setter, and its stubs leave out the canvas's document (_doc).
    canvas._doc._timeStamp = pdf_time_stamp(record.created_at)  # pyright: ignore[reportAttributeAccessIssue]
    _seed_subsets(canvas)
    title = document_title(record)
    canvas.setTitle(f"{title} {record.transaction_id}")
    canvas.setSubject(record.transaction_id)
    canvas.setKeywords(f"locale={locale}")  # verification renders it again in this locale
    canvas.setAuthor(record.vendor.name)
    canvas.setCreator("Manage Account")
    footer = translate(
        "Receipt", "Keep this document as proof of purchase. Questions: {email}."
    ).format(email=record.account_manager_email)
    page = _Page(canvas, width, height, _split(footer, REGULAR, 8, width - 2 * MARGIN))

    beside_title = width - MARGIN - pdfmetrics.stringWidth(title, BOLD, 20) - 16 - MARGIN
    top = page.party(record.vendor, MARGIN, page.y, min(width / 2 - MARGIN, beside_title))
    canvas.setFont(BOLD, 20)
    canvas.drawRightString(width - MARGIN, height - MARGIN - 6, title)
    page.y = min(top, height - MARGIN - 40) - 18

    fields = receipt_fields(record, locale)
    label_width = max(
        150, max(pdfmetrics.stringWidth(label, BOLD, 9.5) for label, _ in fields) + 10
    )
    for label, value in fields:
        page.row(label, value, label_width, bold=label == fields[0][0])
    page.y -= 8
    canvas.setFont(BOLD, 9.5)
    canvas.drawString(MARGIN, page.y, translate("Receipt", "Bill to"))
    page.y -= 13
    page.y = page.party(record.bill_to, MARGIN, page.y, width - 2 * MARGIN, size=9.5) - 10

    page.line_items(line_item(record, locale), record, locale)
    page.y -= 6
    page.paragraph(payment_terms(record, locale), 9.5)
    remittance = remittance_rows(record, locale)
    if remittance:
        page.y -= 4
        page.room(13 * (len(remittance) + 1))
        canvas.setFont(BOLD, 9.5)
        canvas.drawString(MARGIN, page.y, translate("Receipt", "Payment details"))
        page.y -= 13
        width = max(pdfmetrics.stringWidth(label, BOLD, 9.5) for label, _ in remittance) + 12
        for label, value in remittance:
            page.row(label, value, width)
    note = _printable_note(record.invoice_note)
    if note:
        page.y -= 4
        label = translate("Receipt", "Note for the invoice")
        page.paragraph(f"{label}: {note}", 9.5)
    page.y -= 8
    page.room(13 + 13)  # the heading and a line of what follows
    canvas.setFont(BOLD, 9.5)
    canvas.drawString(MARGIN, page.y, translate("Receipt", "Acknowledgement"))
    page.y -= 13
    statement = translate("Receipt", "“{statement}”").format(statement=record.acknowledgement_text)
    given = translate("Receipt", "Given by {name} on {moment}.").format(
        name=record.purchased_by_name,
        moment=formatting.moment(record.acknowledged_at, record.timezone, locale),
    )
    page.paragraph(statement, 9.5)
    page.paragraph(given, 9.5)
    page.y -= 6
    page.paragraph(
        translate("Receipt", "Account manager: {name}, {email}, {phone}").format(
            name=record.account_manager_name,
            email=record.account_manager_email,
            phone=record.account_manager_phone,
        ),
        9.5,
    )

    page.finish()
    canvas.save()
    return out.getvalue()


def _split(text: str, font: str, size: float, width: float) -> list[str]:
    """`text` in lines no wider than `width`, broken at spaces and, in a word longer than the
    line, between characters; none for blank text."""
    if not text.strip():
        return []
    return list(wrap(text, lambda part: pdfmetrics.stringWidth(part, font, size), width, True))


class _Page:
    """Where the next line goes, and the few shapes a document is made of."""

    def __init__(self, canvas: Canvas, width: float, height: float, footer: list[str]) -> None:
        self.canvas, self.width, self.height, self.y = canvas, width, height, height - MARGIN
        self.footer = footer
        self.bottom = MARGIN - 20 + 10 * len(footer) + 6  # the lowest a line may go

    def finish(self) -> None:
        """The footer, and the page is done."""
        self.canvas.setFont(REGULAR, 8)
        for index, line in enumerate(self.footer):
            self.canvas.drawString(MARGIN, MARGIN - 20 + 10 * (len(self.footer) - 1 - index), line)
        self.canvas.showPage()

    def room(self, needed: float) -> None:
        """Go on on a new page unless `needed` points fit above the footer (only the longest
        names, addresses and notes together fill a page)."""
        if self.y - needed < self.bottom:
            self.finish()
            self.y = self.height - MARGIN

    def party(self, party: Party, x: float, y: float, room: float, size: float = 9) -> float:
        """The name in bold, then its lines, each wrapped within `room` (a word longer than that
        between its characters); returns the height below it."""
        bold = lambda text: pdfmetrics.stringWidth(text, BOLD, size + 1.5)  # noqa: E731
        regular = lambda text: pdfmetrics.stringWidth(text, REGULAR, size)  # noqa: E731
        self.canvas.setFont(BOLD, size + 1.5)
        for part in wrap(party.name, bold, room, break_words=True):
            self.canvas.drawString(x, y, part)
            y -= size + 4
        self.canvas.setFont(REGULAR, size)
        for line in party.lines:
            for part in wrap(line, regular, room, break_words=True):
                self.canvas.drawString(x, y, part)
                y -= size + 3
        return y

    def row(self, label: str, value: str, label_width: float, bold: bool = False) -> None:
        canvas, font = self.canvas, BOLD if bold else REGULAR
        canvas.setFont(BOLD, 9.5)
        canvas.drawString(MARGIN, self.y, label)
        canvas.setFont(font, 9.5)
        room = self.width - 2 * MARGIN - label_width
        for part in value.split("\n"):
            for line in _split(part, font, 9.5, room):
                canvas.drawString(MARGIN + label_width, self.y, line)
                self.y -= 13
        self.y -= 3

    def paragraph(self, text: str, size: float) -> None:
        for part in text.split("\n"):
            for line in _split(part, REGULAR, size, self.width - 2 * MARGIN):
                self.room(size)
                self.canvas.setFont(REGULAR, size)
                self.canvas.drawString(MARGIN, self.y, line)
                self.y -= size + 3.5

    def line_items(self, item: tuple[str, ...], record: ReceiptRecord, locale: str) -> None:
        """The table of items, then subtotal, tax and total, the amounts right-aligned."""
        canvas, right = self.canvas, self.width - MARGIN
        months = (
            translate("Receipt", "Months")
            if record.working.days is None
            else translate("Receipt", "Proration")
        )
        headers = (
            translate("Receipt", "Quantity"),
            translate("Receipt", "Price per seat per month"),
            months,
            translate("Receipt", "Amount"),
        )
        columns = item_columns(
            list(zip(headers, item[1:], strict=True)),
            lambda text: pdfmetrics.stringWidth(text, BOLD, 9),
            lambda text: pdfmetrics.stringWidth(text, REGULAR, 9),
            right,
        )
        # The description takes what the numeric columns leave.
        room = columns[0].right - columns[0].width - 12 - MARGIN
        heading = _split(translate("Receipt", "Description"), BOLD, 9, room)
        header_lines = max(len(heading), *(len(column.header) for column in columns))
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, self.y + 11, right, self.y + 11)
        canvas.setFont(BOLD, 9)
        for index in range(header_lines):
            if index < len(heading):
                canvas.drawString(MARGIN, self.y, heading[index])
            for column in columns:
                if index < len(column.header):
                    canvas.drawRightString(column.right, self.y, column.header[index])
            self.y -= 11
        self.y += 6
        canvas.line(MARGIN, self.y, right, self.y)
        self.y -= 12
        canvas.setFont(REGULAR, 9)
        description = [
            line for part in item[0].split("\n") for line in _split(part, REGULAR, 9, room)
        ]
        top = self.y
        for column in columns:
            for index, line in enumerate(column.value):
                canvas.drawRightString(column.right, top - 12 * index, line)
        for line in description:
            canvas.drawString(MARGIN, self.y, line)
            self.y -= 12
        self.y = min(self.y, top - 12 * max(len(column.value) for column in columns))
        canvas.line(MARGIN, self.y + 6, right, self.y + 6)
        self.y -= 8
        amount = item[4]
        for label, value, font in (
            (translate("Receipt", "Subtotal"), amount, REGULAR),
            (
                translate("Receipt", "Tax"),
                translate("Receipt", "added by the vendor on the invoice"),
                REGULAR,
            ),
            (
                translate("Receipt", "Total ({currency})").format(currency=record.currency),
                amount,
                BOLD,
            ),
        ):
            canvas.setFont(font, 9.5)
            canvas.drawRightString(right - 205, self.y, label)
            canvas.drawRightString(right, self.y, value)
            self.y -= 14


def _caching_subsets(font: TTFont) -> TTFont:
    """Keep the font subsets reportlab builds: most receipts need exactly the same one."""
    build = lru_cache(maxsize=64)(lambda key: font.face.__class__.makeSubset(font.face, list(key)))
    font.face.makeSubset = lambda subset: build(tuple(subset))
    return font


def _seed_subsets(canvas: Canvas) -> None:
    """Put the common characters first in each font's subset, in one fixed order, so that
    receipts differing only in ASCII text share one subset (and its cached bytes)."""
    for name in (REGULAR, BOLD):
        font = pdfmetrics.getFont(name)
        assert isinstance(font, TTFont)  # _register_fonts registered them
        # reportlab's stubs leave out the canvas's document (_doc).
        font.splitString(COMMON_CHARACTERS, canvas._doc)  # pyright: ignore[reportAttributeAccessIssue]


@cache
def _register_fonts() -> None:
    """Embed DejaVu Sans, which covers Latin, Greek and Cyrillic names (Zoë, Łukasz, Дмитрий)."""
    for name, file in ((REGULAR, "DejaVuSans.ttf"), (BOLD, "DejaVuSans-Bold.ttf")):
        font = TTFont(name, str(resource_path("fonts", file)))
        pdfmetrics.registerFont(_caching_subsets(font))
