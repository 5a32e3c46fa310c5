"""The vendor's invoice PDF is a Factur-X e-invoice (EN 16931), on both databases and for both
demo organizations: its embedded CII XML passes the official XSD and agrees, to the cent, with
the JSON invoice and with the page a person reads; the PDF is a PDF/A-3 whose bytes do not
depend on when it is downloaded."""

import io
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import facturx
import pytest
import time_machine
from lxml import etree
from pypdf import PdfReader

from service import demo_data
from service.invoice_pdf import render_invoice
from service.invoices import find
from service.models import Organization, service_db
from tests.test_service_invoices import all_invoices, pdf_of, service, token_of  # noqa: F401

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too

NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}
TRANSACTION = "rsm:SupplyChainTradeTransaction"
LINE = f"{TRANSACTION}/ram:IncludedSupplyChainTradeLineItem"
AGREEMENT = f"{TRANSACTION}/ram:ApplicableHeaderTradeAgreement"
SETTLEMENT = f"{TRANSACTION}/ram:ApplicableHeaderTradeSettlement"
TOTALS = f"{SETTLEMENT}/ram:SpecifiedTradeSettlementHeaderMonetarySummation"
MEANS = f"{SETTLEMENT}/ram:SpecifiedTradeSettlementPaymentMeans"


class Cii:
    """The embedded XML, read by its paths."""

    def __init__(self, data: bytes) -> None:
        self.root = etree.fromstring(data)

    def text(self, path: str) -> str | None:
        return self.root.findtext(path, namespaces=NS)

    def amount(self, path: str) -> Decimal:
        return Decimal(self.text(path) or "nan")

    def day(self, path: str) -> str:
        """A format-102 date as ISO: 20270101 -> 2027-01-01."""
        value = self.text(f"{path}/udt:DateTimeString") or ""
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"

    def all(self, path: str) -> list[str]:
        return [element.text for element in self.root.findall(path, namespaces=NS)]


def page_lines(data: bytes) -> list[str]:
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    return [" ".join(line.split()) for line in text.splitlines()]


def after(lines: list[str], label: str) -> str:
    """The value printed beneath (after) its label."""
    return lines[lines.index(label) + 1]


def shown_day(iso: str) -> str:
    """A date as the invoice prints it: Jan 1, 2027."""
    day = datetime.fromisoformat(iso)
    return f"{day:%b} {day.day}, {day.year}"


@pytest.mark.parametrize("plan", demo_data.ORGANIZATIONS)
def test_every_demo_invoice_is_an_en16931_e_invoice_that_agrees_with_its_page(service, plan):  # noqa: F811
    token = token_of(service, plan)
    invoices = all_invoices(service, token)
    categories = set()
    for invoice in invoices:
        status, data, _ = pdf_of(service, token, invoice["number"])
        assert status == 200
        reader = PdfReader(io.BytesIO(data))
        assert list(reader.attachments) == ["factur-x.xml"]
        name, xml = facturx.get_xml_from_pdf(data, check_xsd=False)
        assert name == "factur-x.xml" and xml == reader.attachments["factur-x.xml"][0]
        assert facturx.xml_check_xsd(xml, flavor="factur-x", level="en16931")
        cii = Cii(xml)
        assert cii.text("rsm:ExchangedDocumentContext//ram:ID") == "urn:cen.eu:en16931:2017"
        lines = page_lines(data)
        currency = invoice["currency"]
        money = lambda amount, currency=currency: f"{Decimal(amount):,} {currency}"  # noqa: E731

        # The JSON invoice, and the page, to the cent.
        assert cii.text("rsm:ExchangedDocument/ram:ID") == invoice["number"]
        assert cii.day("rsm:ExchangedDocument/ram:IssueDateTime") == invoice["issue_date"]
        assert cii.text(f"{SETTLEMENT}/ram:InvoiceCurrencyCode") == currency
        for path, key in (
            ("ram:LineTotalAmount", "amount"),
            ("ram:TaxBasisTotalAmount", "amount"),
            ("ram:TaxTotalAmount", "tax"),
            ("ram:GrandTotalAmount", "total"),
            ("ram:DuePayableAmount", "total"),
        ):
            assert cii.amount(f"{TOTALS}/{path}") == Decimal(invoice[key])
        assert cii.amount(f"{LINE}//ram:LineTotalAmount") == Decimal(invoice["amount"])
        assert after(lines, "Subtotal") == money(invoice["amount"])
        assert after(lines, "Tax") == money(invoice["tax"])
        assert after(lines, "Total due") == money(invoice["total"])
        assert after(lines, "Issue date") == shown_day(invoice["issue_date"])
        due = cii.day(f"{SETTLEMENT}/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime")
        assert due == invoice["due_date"]
        assert after(lines, "Due date") == shown_day(due)

        # The line: quantity, price per seat per month, its working, its period.
        seats, price, working, amount = lines[lines.index("per month") + 1 :][:4]
        assert cii.text(f"{LINE}//ram:BilledQuantity") == seats
        assert f"{cii.text(f'{LINE}//ram:ChargeAmount')} {currency}" == price
        assert amount == money(invoice["amount"])
        note = cii.text(f"{LINE}/ram:AssociatedDocumentLineDocument/ram:IncludedNote/ram:Content")
        assert note == f"Price per seat per month × {working}"
        period = f"{LINE}//ram:BillingSpecifiedPeriod"
        start, end = cii.day(f"{period}/ram:StartDateTime"), cii.day(f"{period}/ram:EndDateTime")
        what = cii.text(f"{LINE}/ram:SpecifiedTradeProduct/ram:Name")
        first = next(i for i, line in enumerate(lines) if line.startswith(f"{what}, "))
        described = " ".join(lines[first : lines.index("Subtotal")])
        assert described == f"{what}, {shown_day(start)} – {shown_day(end)}"

        # References: the order, the PO, the payment reference.
        assert (
            cii.text(f"{AGREEMENT}/ram:SellerOrderReferencedDocument/ram:IssuerAssignedID")
            == (invoice["transaction_id"])
        )
        po = cii.text(f"{AGREEMENT}/ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID")
        assert po == (after(lines, "PO number") if "PO number" in lines else None)
        assert cii.text(f"{SETTLEMENT}/ram:PaymentReference") == invoice["number"]
        assert after(lines, "Payment reference") == invoice["number"]

        # The parties.
        seller, buyer = f"{AGREEMENT}/ram:SellerTradeParty", f"{AGREEMENT}/ram:BuyerTradeParty"
        assert cii.text(f"{seller}/ram:Name") == demo_data.VENDOR["legal_name"]
        assert cii.text(f"{seller}//ram:CountryID") == "US"
        profile = plan.billing_profile
        assert cii.text(f"{buyer}/ram:Name") == profile["legal_name"]
        assert cii.text(f"{buyer}//ram:CountryID") == profile["country"]
        assert cii.text(f"{buyer}//ram:LineOne") == profile["address"].split("\n")[0]

        # Tax: reverse charge for the EU business, else not subject; amounts as stated.
        category = cii.text(f"{SETTLEMENT}/ram:ApplicableTradeTax/ram:CategoryCode")
        categories.add(category)
        assert category == ("AE" if invoice["tax_note"] else "O")
        assert cii.all(f"{LINE}//ram:ApplicableTradeTax/ram:CategoryCode") == [category]
        tax_ids = cii.all(f"{buyer}/ram:SpecifiedTaxRegistration/ram:ID")
        if category == "AE":
            assert tax_ids == [profile["tax_id"]]
            reason = cii.text(f"{SETTLEMENT}/ram:ApplicableTradeTax/ram:ExemptionReason")
            assert reason == invoice["tax_note"] and reason in " ".join(lines)
            assert cii.text(f"{SETTLEMENT}/ram:ApplicableTradeTax/ram:RateApplicablePercent") == "0"
        else:  # no VAT identifier and no rate where no VAT applies (EN 16931 BR-O-2, BR-O-5)
            assert tax_ids == [] and not cii.all(".//ram:RateApplicablePercent")
            assert cii.text(f"{buyer}/ram:SpecifiedLegalOrganization/ram:ID") == profile["tax_id"]

        # Where to pay: the account printed on the page.
        if currency == "EUR":
            iban = cii.text(f"{MEANS}//ram:IBANID")
            assert cii.text(f"{MEANS}/ram:TypeCode") == "58"
            assert iban == demo_data.VENDOR["iban"] == after(lines, "IBAN").replace(" ", "")
            assert cii.text(f"{MEANS}//ram:BICID") == after(lines, "BIC")
        else:
            assert cii.text(f"{MEANS}/ram:TypeCode") == "30"
            assert cii.text(f"{MEANS}//ram:ProprietaryID") == after(lines, "Account number")
            assert after(lines, "Routing number (ABA)") in cii.text(f"{MEANS}/ram:Information")
    assert categories == ({"AE"} if plan is demo_data.CONTOSO else {"O"})


@pytest.mark.parametrize("plan", demo_data.ORGANIZATIONS)
def test_the_e_invoice_is_a_pdf_a_3_with_the_same_bytes_whenever_it_is_made(service, plan):  # noqa: F811
    token = token_of(service, plan)
    number = all_invoices(service, token)[-1]["number"]
    first = pdf_of(service, token, number)[1]
    assert pdf_of(service, token, number)[1] == first  # two downloads, the same bytes
    with service_db.connection_context():
        organization = Organization.get(Organization.name == plan.name)
        invoice = find(organization.id, number)
        assert invoice is not None
        # factur-x stamps the present where the invoice's issue is meant: not here.
        later = datetime.now(UTC) + timedelta(days=400, hours=5, seconds=17)
        with time_machine.travel(later, tick=False):
            assert render_invoice(invoice) == first
        issued = datetime.combine(invoice.issue_date, time(12), ZoneInfo(organization.timezone))
    reader = PdfReader(io.BytesIO(first))
    assert reader.pdf_header == "%PDF-1.7"
    stamp = issued.astimezone(UTC).strftime("D:%Y%m%d%H%M%S+00'00'")
    assert reader.metadata is not None
    assert (reader.metadata["/CreationDate"], reader.metadata["/ModDate"]) == (stamp, stamp)
    xmp = etree.fromstring(reader.trailer["/Root"]["/Metadata"].get_data())
    assert xmp.findtext(".//{http://www.aiim.org/pdfa/ns/id/}part") == "3"
    assert xmp.findtext(".//{http://ns.adobe.com/xap/1.0/}CreateDate") == (
        f"{issued.astimezone(UTC):%Y-%m-%dT%H:%M:%S}+00:00"
    )
    intent = reader.trailer["/Root"]["/OutputIntents"][0].get_object()
    assert intent["/S"] == "/GTS_PDFA1"
    assert intent["/DestOutputProfile"].get_object().get_data()[36:40] == b"acsp"  # an ICC profile
    for font in reader.pages[0]["/Resources"]["/Font"].values():  # every font embedded
        assert "/FontFile2" in font.get_object()["/FontDescriptor"].get_object()
