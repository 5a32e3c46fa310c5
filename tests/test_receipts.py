"""Receipts: every field parsed back from real PDFs, byte-identical output, verification, export."""

import io
import subprocess
import sys
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from pypdf import PdfReader

from billing.orders import ACKNOWLEDGEMENT
from billing.proration import quote
from billing.statuses import Status
from desktop.account import current_contract
from desktop.background import Cancelled
from desktop.demo import seed_demo
from desktop.history import HistoryQuery
from desktop.i18n import install_translations
from desktop.models import Administrator, SeatPurchase
from desktop.purchasing import purchase_seats
from desktop.receipts import (
    UnknownTransaction,
    date_range_query,
    export_receipts,
    receipt_pdf,
    sha256,
    verify_receipt,
)
from service import demo_data
from tests.conftest import NORTHWIND, first_org

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
NAMES = ("Zoë Ångström", "Łukasz Żółć", "Дмитрий Иванов")


@pytest.fixture
def purchases(sqlite_db):
    """Three new purchases by administrators with non-ASCII names, plus the demo history."""
    seed_demo(date(2026, 11, 26))
    admin = Administrator.get(Administrator.email == "billing@example.com")
    made = []
    for seats, name in zip((3, 7, 12), NAMES, strict=True):
        admin.name = name
        admin.save()
        summary = current_contract(first_org(), NOW)
        shown = quote(summary, seats, summary.today)
        made.append(purchase_seats(admin, seats, shown.amount, True, now=NOW, locale="en_US"))
    return made


def text_of(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    return reader.pages[0].extract_text()


def test_every_field_is_on_the_receipt(purchases):
    for purchase, name in zip(purchases, NAMES, strict=True):
        text = text_of(receipt_pdf(first_org(), purchase.transaction_id, "en_US", NOW))
        contract = purchase.contract
        for expected in (
            "Fabrikam Cloud, Inc.",  # the vendor, as the service gave it
            "Tax ID: EIN 94-3210987",
            "billing@fabrikam.example",
            "Bill to",
            "Northwind Traders, Inc.",  # the billing profile
            "1200 Harbor Avenue",
            "Tax ID: 04-2103594",
            "Order confirmation",  # not invoiced yet
            purchase.transaction_id,
            "Nov 26, 2026, 10:00",  # 15:00 UTC in New York
            "America/New_York",
            name,
            "billing@example.com",
            ACKNOWLEDGEMENT,
            f"Given by {name} on Nov 26, 2026",
            str(purchase.seats),
            "$12.50",
            "Months",
            "Additional seats",
            "Nov 26, 2026 – Jul 31, 2027",
            "Subtotal",
            "added by the vendor on the invoice",
            "Total (USD)",
            f"${purchase.amount:,}",
            "Payment terms: net 30 days from the invoice date.",
            "Not issued yet",
            "Aug 1, 2026 – Jul 31, 2027",
            "Queued",
            "Dana Whitfield",
            "dana.whitfield@example.com",
            "+1 555 0142 310",
        ):
            assert expected in text, (expected, text)
        assert contract.end_date == date(2027, 7, 31)


def test_invoice_number_and_status_once_provisioned(purchases):
    purchase = purchases[0]
    SeatPurchase.update(
        provisioning_status=Status.PROVISIONED,
        provisioned_at=datetime(2026, 11, 26, 15, 3, tzinfo=UTC),
        invoice_number="INV-2026-000061",
    ).where(SeatPurchase.id == purchase.id).execute()
    text = text_of(receipt_pdf(first_org(), purchase.transaction_id, "en_US", NOW))
    assert "INV-2026-000061" in text
    assert "Provisioned on Nov 26, 2026, 10:03" in text
    assert "Not issued yet" not in text
    assert "Order confirmation" in text and "Receipt" not in text  # invoiced, not paid yet
    assert "Paid on" not in text and "net 30 days" in text


def test_a_paid_invoice_makes_the_document_a_receipt_with_the_payment_day(purchases, qapp):
    purchase = purchases[0]
    SeatPurchase.update(
        invoice_number="INV-2026-000061",
        invoice_status="paid",
        invoice_paid_at=datetime(2026, 12, 1, 3, 30, tzinfo=UTC),  # Nov 30 in New York
    ).where(SeatPurchase.id == purchase.id).execute()
    text = text_of(receipt_pdf(first_org(), purchase.transaction_id, "en_US", NOW))
    assert "Receipt" in text and "Order confirmation" not in text
    assert "Paid on Nov 30, 2026" in text
    assert "Paid on Nov 30, 2026: invoice INV-2026-000061 is settled." in text
    install_translations(qapp, "de")
    try:
        german = text_of(receipt_pdf(first_org(), purchase.transaction_id, "de_DE", NOW))
    finally:
        install_translations(qapp, "en")
    assert "Quittung" in german and "Auftragsbestätigung" not in german
    assert "Bezahlt am 30.11.2026" in german


def test_same_purchase_same_state_gives_the_same_bytes(purchases):
    tx = purchases[1].transaction_id
    assert receipt_pdf(first_org(), tx, "en_US", NOW) == receipt_pdf(first_org(), tx, "en_US", NOW)


def test_fonts_are_embedded(purchases):
    reader = PdfReader(
        io.BytesIO(receipt_pdf(first_org(), purchases[2].transaction_id, "en_US", NOW))
    )
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert fonts
    for font in fonts.values():
        font = font.get_object()
        assert font["/Subtype"] == "/TrueType"
        assert "/FontFile2" in font["/FontDescriptor"]  # the font program is in the file


def test_paper_size_follows_the_locale(purchases):
    tx = purchases[0].transaction_id
    letter = PdfReader(io.BytesIO(receipt_pdf(first_org(), tx, "en_US", NOW))).pages[0].mediabox
    a4 = PdfReader(io.BytesIO(receipt_pdf(first_org(), tx, "de_DE", NOW))).pages[0].mediabox
    assert (round(letter.width), round(letter.height)) == (612, 792)
    assert (round(a4.width), round(a4.height)) == (595, 842)
    assert "12,50 $" in text_of(receipt_pdf(first_org(), tx, "de_DE", NOW))


def test_receipt_issued_at_purchase_is_fingerprinted_and_verifies(purchases):
    purchase = SeatPurchase.get_by_id(purchases[0].id)
    issued = receipt_pdf(
        first_org(), purchase.transaction_id, "en_US", NOW
    )  # still queued: as issued
    assert purchase.receipt_sha256 == sha256(issued)
    assert verify_receipt(first_org(), issued, "en_US", NOW).genuine


def test_a_changed_byte_fails_verification(purchases):
    data = bytearray(receipt_pdf(first_org(), purchases[0].transaction_id, "en_US", NOW))
    position = data.index(b"/Title") + 12
    data[position] ^= 0x01
    verdict = verify_receipt(first_org(), bytes(data), "en_US", NOW)
    assert not verdict.genuine
    assert purchases[0].transaction_id in verdict.message or "no transaction ID" in verdict.message


def test_current_receipt_of_a_later_state_verifies(purchases):
    purchase = purchases[1]
    SeatPurchase.update(invoice_number="INV-2026-000099").where(
        SeatPurchase.id == purchase.id
    ).execute()
    later = receipt_pdf(first_org(), purchase.transaction_id, "en_US", NOW)
    verdict = verify_receipt(first_org(), later, "en_US", NOW)
    assert verdict.genuine and "current receipt" in verdict.message
    assert not verify_receipt(first_org(), b"%PDF-1.4 nothing of ours", "en_US", NOW).genuine


def test_unknown_transaction_is_refused(purchases):
    with pytest.raises(UnknownTransaction, match="MA-0000-0000"):
        receipt_pdf(first_org(), "MA-0000-0000", "en_US")


def test_bulk_export_names_files_by_transaction_id(purchases, tmp_path):
    folder = tmp_path / "receipts"
    seen = []
    count = export_receipts(
        HistoryQuery(NORTHWIND), folder, "en_US", lambda d, t: seen.append(d) or True
    )
    assert count == demo_data.PAST_PURCHASES + 3 == len(list(folder.glob("MA-*.pdf")))
    assert seen[-1] == demo_data.PAST_PURCHASES + 3
    for purchase in purchases:
        assert text_of((folder / f"{purchase.transaction_id}.pdf").read_bytes())
    today = date_range_query(first_org(), date(2026, 11, 26), date(2026, 11, 26))
    assert export_receipts(today, tmp_path / "today", "en_US") == 3


def test_cancelled_bulk_export_stops(purchases, tmp_path):
    with pytest.raises(Cancelled, match=f"1 of {demo_data.PAST_PURCHASES + 3}"):
        export_receipts(HistoryQuery(NORTHWIND), tmp_path / "r", "en_US", lambda d, t: False)
    assert len(list((tmp_path / "r").iterdir())) == 1


def run_cli(tmp_path, *args):
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "--database",
            f"sqlite:///{tmp_path / 'manage-account.db'}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "LANG": "en_US.UTF-8"},
    )


def test_command_line_receipts(purchases, tmp_path):
    tx = purchases[0].transaction_id
    out = tmp_path / "one.pdf"
    result = run_cli(tmp_path, "receipt", tx, "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert tx in text_of(out.read_bytes())
    result = run_cli(
        tmp_path,
        "receipts",
        "--from",
        "2026-11-26",
        "--to",
        "2026-11-26",
        "--output",
        str(tmp_path / "d"),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"{len(purchases)} receipts of Northwind Traders written to {tmp_path / 'd'}"
    )
    assert sorted(p.stem for p in (tmp_path / "d").iterdir()) == sorted(
        p.transaction_id for p in purchases
    )


def test_command_line_unknown_transaction(purchases, tmp_path):
    result = run_cli(tmp_path, "receipt", "MA-NOPE-NOPE", "--output", str(tmp_path / "x.pdf"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "manage-account: Northwind Traders has no purchase or renewal with the transaction ID "
        "'MA-NOPE-NOPE'."
    ]
    assert not (tmp_path / "x.pdf").exists()


def test_amount_on_receipt_matches_the_ledger(purchases):
    for purchase in purchases:
        assert SeatPurchase.get_by_id(purchase.id).amount == purchase.amount
        assert purchase.amount > Decimal(0)


def test_a_day_unit_receipt_shows_the_working_behind_its_amount(purchases):
    """12 months × 248/365 days: the printed amount can be worked out from the printed figures."""
    from desktop.models import Contract

    contract = purchases[0].contract
    Contract.update(
        proration_unit="day", currency="EUR", monthly_price_per_seat=Decimal("9.90")
    ).where(Contract.id == contract.id).execute()
    admin = Administrator.get(Administrator.email == "billing@example.com")
    summary = current_contract(first_org(), NOW)
    shown = quote(summary, 4, summary.today)
    purchase = purchase_seats(admin, 4, shown.amount, True, now=NOW, locale="en_US")
    text = text_of(receipt_pdf(first_org(), purchase.transaction_id, "en_US", NOW))
    # Nov 26, 2026 through Jul 31, 2027 is 248 of the term's 365 days.
    assert "Proration" in text and "12 months × 248/365 days" in text
    exact = 4 * Decimal("9.90") * 12 * 248 / 365  # 117,849.6 / 365 = 322.8756... -> 322.88
    assert f"€{shown.amount:,}" in text and "Total (EUR)" in text
    assert str(shown.amount) == "322.88"
    assert abs(exact - shown.amount) < Decimal("0.005")


def test_verifying_finds_the_fingerprint_by_its_index(purchases):
    from desktop.models import database

    lookup = SeatPurchase.select().where(SeatPurchase.receipt_sha256 == "0" * 64)
    sql, params = lookup.sql()
    plan = " ".join(row[-1] for row in database.execute_sql("EXPLAIN QUERY PLAN " + sql, params))
    assert "USING INDEX seat_purchase_receipt_sha256" in plan


def test_the_pdf_is_dated_when_the_purchase_was_made(purchases):
    purchase = purchases[0]
    reader = PdfReader(io.BytesIO(receipt_pdf(first_org(), purchase.transaction_id, "en_US", NOW)))
    assert reader.metadata.creation_date.astimezone(UTC) == purchase.created_at.replace(
        microsecond=0
    )
    assert reader.metadata.title == f"Order confirmation {purchase.transaction_id}"


def test_a_document_keeps_the_parties_of_its_purchase(purchases):
    from desktop.billing_profile import save_billing_profile

    admin = Administrator.get(Administrator.email == "billing@example.com")
    changed = {**demo_data.NORTHWIND.billing_profile, "legal_name": "Northwind Holdings LLC"}
    save_billing_profile(admin, changed)
    earlier = text_of(receipt_pdf(first_org(), purchases[0].transaction_id, "en_US", NOW))
    assert "Northwind Traders, Inc." in earlier and "Northwind Holdings" not in earlier
    summary = current_contract(first_org(), NOW)
    later = purchase_seats(admin, 1, quote(summary, 1, summary.today).amount, True, now=NOW)
    assert "Northwind Holdings LLC" in text_of(
        receipt_pdf(first_org(), later.transaction_id, "en_US", NOW)
    )


def test_without_vendor_details_the_document_says_so(purchases):
    from desktop.models import VendorDetails

    SeatPurchase.update(parties=None).execute()
    VendorDetails.delete().execute()
    text = text_of(receipt_pdf(first_org(), purchases[0].transaction_id, "en_US", NOW))
    assert "Vendor details not received yet" in text
    assert "No payment taken. An invoice will follow." in text
