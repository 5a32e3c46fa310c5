"""Layout that holds: every field at the longest value the service accepts stays on the page
and clear of every other text, on the vendor's invoice and quote and on the desktop's receipt,
in English and German (Letter and A4), read back from the PDF with pypdf's text positions."""

import io
import json
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from billing.orders import INVOICE_NOTE_LENGTH, PURCHASE_ORDER_LENGTH
from billing.profile import NAME_LENGTH, TAX_ID_LENGTH
from billing.proration import Working
from billing.statuses import Status
from db.database import close_database, open_database
from desktop.i18n import install_translations
from service.models import Invoice, SeatOrder, Vendor, service_db
from service.seed import seed_demo
from service.server import MIGRATIONS

PO = "PO-" + "7" * (PURCHASE_ORDER_LENGTH - 3)  # no space to break at
# The longest legal name: words of a real one, then one long word, 200 characters in all.
NAME = ("Contoso Forschung und Entwicklung Gesellschaft mit beschränkter Haftung " * 3)[:150]
NAME = NAME + "X" * (NAME_LENGTH - len(NAME))
TAX_ID = "DE" + "1" * (TAX_ID_LENGTH - 2)
# The longest note: real words up to the 500 characters an order or a quote may carry.
NOTE = ("Für das Onboarding des neuen Support-Teams im ersten Quartal, Kostenstelle 4711. " * 7)[
    :INVOICE_NOTE_LENGTH
].strip()
ADDRESS = "\n".join(
    ["Friedrichstraße 100, Hinterhaus, Aufgang C, 4. Obergeschoss, Raum 4711 " * 2, "10117 Berlin"]
)


def pages(data: bytes) -> list[tuple[tuple[float, float], list[tuple]]]:
    """Each page's size and each text drawn on it, with its box: (text, left, bottom, right,
    top), measured with the font it is drawn in."""
    found = []
    for page in PdfReader(io.BytesIO(data)).pages:
        drawn = []

        def visit(text, cm, tm, font, size, drawn=drawn):
            if not text.strip() or font is None:
                return
            bold = "Bold" in str(font.get("/BaseFont", ""))
            scale = tm[0] * size if tm[0] else size
            name = "DejaVuSans-Bold" if bold else "DejaVuSans"
            width = pdfmetrics.stringWidth(text, name, scale)
            x, y = tm[4] + cm[4], tm[5] + cm[5]
            drawn.append((text.strip(), x, y - 0.2 * scale, x + width, y + 0.75 * scale))

        page.extract_text(visitor_text=visit)
        found.append(((float(page.mediabox.width), float(page.mediabox.height)), drawn))
    return found


def assert_holds(data: bytes) -> None:
    """No text leaves the page or its right margin; no two texts overlap."""
    every = pages(data)
    assert sum(len(drawn) for _, drawn in every) > 20
    for (width, height), drawn in every:
        for text, left, bottom, right, top in drawn:
            assert left >= 0 and right <= width - 30, (text, right, width)
            assert bottom >= 0 and top <= height
        for index, (text, left, bottom, right, top) in enumerate(drawn):
            for other, l2, b2, r2, t2 in drawn[index + 1 :]:
                overlap_x = min(right, r2) - max(left, l2)
                overlap_y = min(top, t2) - max(bottom, b2)
                assert overlap_x <= 0.5 or overlap_y <= 0.5, (text, other)


@pytest.fixture
def fonts():
    from reportlab.pdfbase.ttfonts import TTFont

    from resources import resource_path

    for name, file in (
        ("DejaVuSans", "DejaVuSans.ttf"),
        ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))


@pytest.mark.parametrize("currency", ["USD", "EUR"])  # Letter and A4
def test_the_invoice_holds_the_longest_values(tmp_path, fonts, currency):
    from service.invoice_pdf import render_invoice

    open_database(f"sqlite:///{tmp_path / 'service.db'}", service_db, MIGRATIONS)
    try:
        seed_demo()
        Vendor.update(legal_name=NAME, address=ADDRESS, tax_id=TAX_ID).execute()
        invoice = (
            Invoice.select()
            .join(SeatOrder)
            .where(SeatOrder.currency == currency)
            .order_by(Invoice.id.desc())
            .first()
        )
        bill_to = {"legal_name": NAME, "address": ADDRESS, "country": "DE", "tax_id": TAX_ID}
        Invoice.update(bill_to=json.dumps(bill_to)).where(Invoice.id == invoice.id).execute()
        SeatOrder.update(purchase_order=PO).where(SeatOrder.id == invoice.order_id).execute()
        data = render_invoice(Invoice.get_by_id(invoice.id))
    finally:
        close_database(service_db)
    assert_holds(data)
    text = "".join(PdfReader(io.BytesIO(data)).pages[0].extract_text().split())
    assert PO in text and NAME.replace(" ", "") in text  # whole, if wrapped


@pytest.mark.parametrize("organization", ["Northwind Traders", "Contoso Pharmaceuticals"])
def test_the_quote_holds_the_longest_values(tmp_path, fonts, organization):
    """A formal quote (Letter for Northwind's dollars, A4 for Contoso's euros) with the longest
    PO number, note, names and address."""
    from service.models import Administrator, Organization, Quote
    from service.quote_pdf import render_quote
    from service.quotes import give

    open_database(f"sqlite:///{tmp_path / 'service.db'}", service_db, MIGRATIONS)
    try:
        seed_demo(date(2026, 12, 7))  # the contracts around the quote's day
        Vendor.update(legal_name=NAME, address=ADDRESS, tax_id=TAX_ID).execute()
        buyer = Administrator.get(Administrator.organization == Organization.get(name=organization))
        body = {"seats": 10_000, "purchase_order": PO, "note": NOTE}
        quote = give(buyer, body, now=datetime(2026, 12, 7, 12, tzinfo=UTC))
        bill_to = {"legal_name": NAME, "address": ADDRESS, "country": "DE", "tax_id": TAX_ID}
        Quote.update(parties=json.dumps({"bill_to": bill_to})).where(Quote.id == quote.id).execute()
        data = render_quote(Quote.get_by_id(quote.id))
    finally:
        close_database(service_db)
    assert_holds(data)
    text = "".join(PdfReader(io.BytesIO(data)).pages[0].extract_text().split())
    assert PO in text and NAME.replace(" ", "") in text and NOTE.replace(" ", "") in text


@pytest.mark.parametrize("language, locale", [("en", "en_US"), ("de", "de_DE")])
def test_the_receipt_holds_the_longest_values(qapp, fonts, language, locale):
    from desktop.receipt_pdf import Party, ReceiptRecord, render_receipt

    moment = datetime(2026, 10, 24, 9, 14, tzinfo=UTC)
    address = tuple(ADDRESS.split("\n"))
    record = ReceiptRecord(
        vendor=Party(NAME, (*address, f"Tax ID: {TAX_ID}", "billing@fabrikam.example")),
        bill_to=Party(NAME, (*address, f"Tax ID: {TAX_ID}")),
        payment_terms_days=30,
        timezone="Europe/Berlin",
        transaction_id="MA-ABCD-EFGH",
        created_at=moment,
        purchased_by_name="Zoë Ångström-Wolfeschlegelsteinhausenbergerdorff",
        purchased_by_email="zoe.angstrom-wolfeschlegelsteinhausenbergerdorff@contoso.example",
        acknowledgement_text="I acknowledge that I am authorized to make purchase on behalf of "
        "my organization",
        acknowledged_at=moment,
        seats=10_000,
        monthly_unit_price=Decimal("9999.9999"),
        prorated_months=36,
        working=Working("day", 36, 1096, 1096),
        period_start=date(2026, 10, 24),
        period_end=date(2029, 10, 23),
        amount=Decimal("3599999964.00"),
        currency="EUR",
        invoice_number="INV-2026-000007",
        contract_start=date(2026, 10, 24),
        contract_end=date(2029, 10, 23),
        status=Status.PROVISIONED,
        status_changed_at=moment,
        rejection_reason=None,
        account_manager_name="Dana Whitfield",
        account_manager_email="dana@example.com",
        account_manager_phone="+1 555 0142",
        purchase_order=PO,
        invoice_note="Bitte die Kostenstelle 4711 angeben. " * 13,
        line_description="Contract renewal" if language == "de" else None,
        invoice_paid=language == "de",
        invoice_paid_at=moment if language == "de" else None,
        bank_account=(("IBAN", "DE89 3704 0044 0532 0130 00"), ("BIC", "COBADEFFXXX")),
    )
    install_translations(qapp, language)
    try:
        data = render_receipt(record, locale)
    finally:
        install_translations(qapp, "en")
    assert_holds(data)
