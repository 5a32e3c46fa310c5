"""Remittance details: the account each currency is paid to, the EPC QR text, and where to pay
printed on both demo organizations' invoices."""

import io
import re
from decimal import Decimal

import pytest
from pypdf import PdfReader

from billing.remittance import bank_account, epc_payload
from db.database import close_database, open_database
from service import demo_data
from service.models import Invoice, SeatOrder, service_db
from service.seed import seed_demo
from service.server import MIGRATIONS


def test_each_currency_is_paid_to_its_own_account_checked():
    vendor = demo_data.VENDOR
    assert bank_account(vendor, "EUR") == [
        ("IBAN", "DE89 3704 0044 0532 0130 00"),
        ("BIC", "COBADEFFXXX"),
    ]
    assert bank_account(vendor, "USD") == [
        ("Account number", "4012345678"),
        ("Routing number (ABA)", "121000358"),
    ]
    assert bank_account(vendor | {"bic": None}, "EUR") == []  # incomplete: nothing printed
    assert bank_account(vendor, "GBP") == []
    with pytest.raises(ValueError):
        bank_account(vendor | {"iban": "DE89370400440532013001"}, "EUR")  # check digits
    with pytest.raises(ValueError):
        bank_account(vendor | {"routing_number": "121000359"}, "USD")


def test_the_epc_qr_text_is_the_girocode_block():
    text = epc_payload(
        "Fabrikam Cloud, Inc.",
        "DE89 3704 0044 0532 0130 00",
        "COBADEFFXXX",
        Decimal("197.2"),
        "INV-1",
    )
    assert text.split("\n") == [
        "BCD",
        "002",
        "1",
        "SCT",
        "COBADEFFXXX",
        "Fabrikam Cloud, Inc.",
        "DE89370400440532013000",
        "EUR197.20",
        "",
        "",
        "INV-1",
    ]
    long = epc_payload("N" * 90, "DE89370400440532013000", "COBADEFFXXX", Decimal(1), "R" * 200)
    assert long.split("\n")[5] == "N" * 70 and long.split("\n")[10] == "R" * 140
    with pytest.raises(ValueError):
        epc_payload("x", "DE89370400440532013000", "COBADEFFXXX", Decimal(0), "INV-1")


@pytest.mark.parametrize(
    "currency, account",
    [
        ("USD", ["Account number|4012345678", "Routing number (ABA)|121000358"]),
        ("EUR", ["IBAN|DE89 3704 0044 0532 0130 00", "BIC|COBADEFFXXX"]),
    ],
)
def test_every_invoice_says_where_to_pay(tmp_path, currency, account):
    from service.invoice_pdf import render_invoice

    open_database(f"sqlite:///{tmp_path / 'service.db'}", service_db, MIGRATIONS)
    try:
        seed_demo()
        invoice = (
            Invoice.select()
            .join(SeatOrder)
            .where(SeatOrder.currency == currency)
            .order_by(Invoice.id.desc())
            .first()
        )
        data = render_invoice(invoice)
        number, due = invoice.number, invoice.due_date
    finally:
        close_database(service_db)
    page = PdfReader(io.BytesIO(data)).pages[0]
    lines = [" ".join(line.split()) for line in page.extract_text().splitlines()]
    details = "|".join(lines[lines.index("Payment details") :])  # each label, then its value
    day = f"{due:%b} {due.day}, {due.year}"
    expected = ["Account holder|Fabrikam Cloud, Inc.", *account, f"Payment reference|{number}"]
    assert details.startswith("Payment details|" + "|".join([*expected, f"Due date|{day}"]))
    assert ("Scan to pay (GiroCode)" in lines) == (currency == "EUR")


def test_every_order_confirmation_says_where_to_pay_and_by_when(sqlite_db):
    from desktop.demo import seed_demo as seed_desktop_demo
    from desktop.models import SeatPurchase
    from desktop.receipts import receipt_pdf
    from tests.conftest import first_org

    seed_desktop_demo()
    purchases = list(SeatPurchase.select().order_by(SeatPurchase.id.desc()))
    unpaid = next(p for p in purchases if p.invoice_status == "open")
    paid = next(p for p in purchases if p.invoice_status == "paid")

    def details(purchase: SeatPurchase) -> str:
        data = receipt_pdf(first_org(), purchase.transaction_id, "en_US")
        lines = [" ".join(line.split()) for line in text_lines(data)]
        return (
            "|".join(lines[lines.index("Payment details") :]) if "Payment details" in lines else ""
        )

    due = unpaid.invoice_due_date
    assert details(unpaid).startswith(
        "Payment details|Account holder|Fabrikam Cloud, Inc.|Account number|4012345678|"
        f"Routing number (ABA)|121000358|Payment reference|{unpaid.invoice_number}|"
        f"Due date|{due:%b} {due.day}, {due.year}|"
    )
    SeatPurchase.update(invoice_number=None, invoice_due_date=None).where(
        SeatPurchase.id == unpaid.id
    ).execute()  # not invoiced yet: the terms say when
    terms = details(SeatPurchase.get_by_id(unpaid.id))
    assert re.search(r"\|Due date\|30 day(s|\(s\)) after the invoice date\|", terms)
    assert details(paid) == ""  # a receipt: nothing left to pay


def text_lines(data: bytes) -> list[str]:
    return PdfReader(io.BytesIO(data)).pages[0].extract_text().splitlines()
