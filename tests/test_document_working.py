"""Every document's working multiplies out to its amount: the service's invoices (by month and
by day) and the desktop's receipts, read back from their PDFs."""

import io
import re
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal

import pytest
from pypdf import PdfReader

from billing.proration import quote
from desktop.account import current_contract
from desktop.demo import seed_demo
from desktop.models import Administrator, Contract
from desktop.purchasing import purchase_seats
from desktop.receipts import receipt_pdf
from service import demo_data
from tests.conftest import first_org
from tests.test_service_invoices import all_invoices, pdf_of, service, token_of  # noqa: F401

# seats, unit price, months and (by day) days/term days, amount: as the line item prints them
LINE = re.compile(
    r"(?P<seats>\d+) (?:\$|€)?(?P<price>[\d,]+\.\d+)(?: EUR| USD)? (?P<months>\d+) months?"
    r"(?: × (?P<days>\d+)/(?P<term>\d+) days)? (?:\$|€)?(?P<amount>[\d,]+\.\d\d)"
)


def text_of(data: bytes) -> str:
    return " ".join(PdfReader(io.BytesIO(data)).pages[0].extract_text().split())


def worked_out(found: re.Match) -> tuple[Decimal, Decimal]:
    """The amount printed, and seats × price × months (× days / term days) rounded half up."""
    factor = Decimal(found["seats"]) * Decimal(found["price"].replace(",", ""))
    factor *= int(found["months"])
    if found["days"]:
        factor = factor * int(found["days"]) / int(found["term"])
    printed = Decimal(found["amount"].replace(",", ""))
    return printed, factor.quantize(Decimal("0.01"), ROUND_HALF_UP)


@pytest.mark.parametrize("plan", demo_data.ORGANIZATIONS)
def test_every_invoice_shows_a_working_that_gives_its_amount(service, plan):  # noqa: F811
    token = token_of(service, plan)
    invoices = all_invoices(service, token)
    assert invoices
    for invoice in invoices:
        text = text_of(pdf_of(service, token, invoice["number"])[1])
        found = LINE.search(text)
        assert found, text
        printed, expected = worked_out(found)
        assert printed == expected == Decimal(invoice["amount"])
        assert bool(found["days"]) == (plan is demo_data.CONTOSO)  # Contoso prorates by day
        issued = date.fromisoformat(invoice["issue_date"])
        assert f"Issue date {issued:%b} {issued.day}, {issued.year}" in text  # medium, not ISO
        assert invoice["issue_date"] not in text


@pytest.mark.parametrize("unit", ["month", "day"])
def test_the_receipt_shows_a_working_that_gives_its_amount(sqlite_db, unit):
    now = datetime(2026, 11, 26, 15, tzinfo=UTC)
    seed_demo(date(2026, 11, 26))
    Contract.update(proration_unit=unit).execute()
    admin = Administrator.get(Administrator.email == "billing@example.com")
    summary = current_contract(first_org(), now)
    shown = quote(summary, 7, summary.today)
    purchase = purchase_seats(admin, 7, shown.amount, True, now=now, locale="en_US")
    text = text_of(receipt_pdf(first_org(), purchase.transaction_id, "en_US", now))
    found = LINE.search(text)
    assert found, text
    printed, expected = worked_out(found)
    assert printed == expected == purchase.amount
    assert bool(found["days"]) == (unit == "day")
    assert re.search(r"Price per seat .*per month", text)  # the header on two lines
