"""Purchase receipts as PDF bytes: a plain record in, one page out, the same bytes every time."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache, lru_cache
from io import BytesIO

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from billing.proration import Working
from billing.statuses import LABELS, Status
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
class ReceiptRecord:
    """Everything a receipt shows, read from the database beforehand."""

    vendor: str
    organization: str
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


def no_payment() -> str:
    return translate("Receipt", "No payment taken. An invoice will follow.")


def page_size(locale: str) -> tuple[float, float]:
    return LETTER if formatting.babel_locale(locale).territory in LETTER_TERRITORIES else A4


def receipt_fields(record: ReceiptRecord, locale: str) -> list[tuple[str, str]]:
    """The receipt's lines as (label, value), in the order printed; a newline breaks a value."""
    zone = record.timezone
    status = translate("Status", LABELS[record.status])
    if record.status_changed_at is not None:
        status = translate("Receipt", "{status} on {moment}").format(
            status=status, moment=formatting.moment(record.status_changed_at, zone, locale)
        )
    if record.rejection_reason:
        status += f": {record.rejection_reason}"
    # A PO number and a note appear only when given, so older receipts keep their bytes.
    references = [
        (label, value)
        for label, value in (
            (translate("Receipt", "PO number"), record.purchase_order),
            (translate("Receipt", "Note for the invoice"), _printable_note(record.invoice_note)),
        )
        if value
    ]
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
        (translate("Receipt", "Organization"), record.organization),
        (translate("Receipt", "Seats"), formatting.number(record.seats, locale)),
        (
            translate("Receipt", "Price per seat per month"),
            formatting.unit_price(record.monthly_unit_price, record.currency, locale),
        ),
        _proration_line(record, locale),
        (
            translate("Receipt", "Period covered"),
            formatting.date_range(record.period_start, record.period_end, locale),
        ),
        (
            translate("Receipt", "Amount"),
            f"{formatting.money(record.amount, record.currency, locale)} ({record.currency})",
        ),
        (translate("Receipt", "Payment"), no_payment()),
        (
            translate("Receipt", "Invoice number"),
            record.invoice_number or translate("Receipt", "Not issued yet"),
        ),
        *references,
        (
            translate("Receipt", "Contract"),
            formatting.date_range(record.contract_start, record.contract_end, locale),
        ),
        (translate("Receipt", "Provisioning status"), status),
        (
            translate("Receipt", "Account manager"),
            f"{record.account_manager_name}\n{record.account_manager_email}\n"
            f"{record.account_manager_phone}",
        ),
    ]


def _printable_note(note: str | None) -> str | None:
    """The note as it fits one page: its own line breaks when it has a few, else run on."""
    lines = [line.strip() for line in (note or "").splitlines() if line.strip()]
    return "\n".join(lines) if len(lines) <= NOTE_LINES else " / ".join(lines)


def _proration_line(record: ReceiptRecord, locale: str) -> tuple[str, str]:
    """Months by month; by day, the whole working, so the amount can be worked out again."""
    if record.working.days is None:
        return translate("Receipt", "Prorated months"), formatting.number(
            record.prorated_months, locale
        )
    return translate("Receipt", "Proration"), formatting.proration(record.working)


def render_receipt(record: ReceiptRecord, locale: str) -> bytes:
    """One page of PDF; invariant mode makes equal records give byte-identical files."""
    _register_fonts()
    out = BytesIO()
    width, height = page_size(locale)
    # Uncompressed: about 80 KB instead of 45 KB, but compressing the embedded fonts anew for
    # every receipt would cost a third of the time it takes to make one.
    canvas = Canvas(
        out, pagesize=(width, height), invariant=1, pageCompression=0, initialFontName=REGULAR
    )
    _seed_subsets(canvas)
    canvas.setTitle(
        translate("Receipt", "Purchase receipt {transaction_id}").format(
            transaction_id=record.transaction_id
        )
    )
    canvas.setSubject(record.transaction_id)
    canvas.setKeywords(f"locale={locale}")  # verification renders it again in this locale
    canvas.setAuthor(record.vendor)
    canvas.setCreator("Manage Account")

    y = height - MARGIN
    canvas.setFont(BOLD, 11)
    canvas.drawString(MARGIN, y, record.vendor)
    canvas.setFont(REGULAR, 10)
    canvas.drawRightString(
        width - MARGIN,
        y,
        translate("Receipt", "for {organization}").format(organization=record.organization),
    )
    y -= 40
    canvas.setFont(BOLD, 22)
    canvas.drawString(MARGIN, y, translate("Receipt", "Purchase receipt"))
    y -= 34

    fields = receipt_fields(record, locale)
    widest = max(pdfmetrics.stringWidth(label, BOLD, 10.5) for label, _ in fields)
    label_width = max(168, widest + 12)  # German labels run longer than English ones
    value_width = width - 2 * MARGIN - label_width
    emphasised = {fields[0][0], fields[8][0]}  # transaction ID and amount
    for label, value in fields:
        font = BOLD if label in emphasised else REGULAR
        lines = [
            line
            for part in value.split("\n")
            for line in simpleSplit(part, font, 10.5, value_width)
        ]
        canvas.setFont(BOLD, 10.5)
        canvas.drawString(MARGIN, y, label)
        canvas.setFont(font, 10.5)
        for line in lines:
            canvas.drawString(MARGIN + label_width, y, line)
            y -= 15
        y -= 6

    y -= 10
    canvas.setFont(BOLD, 10.5)
    canvas.drawString(MARGIN, y, translate("Receipt", "Acknowledgement"))
    y -= 16
    canvas.setFont(REGULAR, 10.5)
    statement = translate("Receipt", "“{statement}”").format(statement=record.acknowledgement_text)
    given = translate("Receipt", "Given by {name} on {moment}.").format(
        name=record.purchased_by_name,
        moment=formatting.moment(record.acknowledged_at, record.timezone, locale),
    )
    for line in [*simpleSplit(statement, REGULAR, 10.5, width - 2 * MARGIN), given]:
        canvas.drawString(MARGIN, y, line)
        y -= 15

    canvas.setFont(REGULAR, 8.5)
    footer = translate(
        "Receipt", "Keep this receipt as proof of purchase. {no_payment} Questions: {email}."
    ).format(no_payment=no_payment(), email=record.account_manager_email)
    lines = simpleSplit(footer, REGULAR, 8.5, width - 2 * MARGIN)
    for index, line in enumerate(lines):
        canvas.drawString(MARGIN, MARGIN - 20 + 11 * (len(lines) - 1 - index), line)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _caching_subsets(font: TTFont) -> TTFont:
    """Keep the font subsets reportlab builds: most receipts need exactly the same one."""
    build = lru_cache(maxsize=64)(lambda key: font.face.__class__.makeSubset(font.face, list(key)))
    font.face.makeSubset = lambda subset: build(tuple(subset))
    return font


def _seed_subsets(canvas: Canvas) -> None:
    """Put the common characters first in each font's subset, in one fixed order, so that
    receipts differing only in ASCII text share one subset (and its cached bytes)."""
    for name in (REGULAR, BOLD):
        pdfmetrics.getFont(name).splitString(COMMON_CHARACTERS, canvas._doc)


@cache
def _register_fonts() -> None:
    """Embed DejaVu Sans, which covers Latin, Greek and Cyrillic names (Zoë, Łukasz, Дмитрий)."""
    for name, file in ((REGULAR, "DejaVuSans.ttf"), (BOLD, "DejaVuSans-Bold.ttf")):
        font = TTFont(name, str(resource_path("fonts", file)))
        pdfmetrics.registerFont(_caching_subsets(font))
