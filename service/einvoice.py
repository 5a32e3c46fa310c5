"""The invoice as an EN 16931 e-invoice: its data in UN/CEFACT CII, embedded by the `factur-x`
library into the PDF, which becomes a PDF/A-3 (Factur-X, profile EN 16931) that accounts
payable can book from its data as well as read.

The tax follows what the invoice states, never more: the vendor adds none, so the line is
either reverse charge (category AE, 0 %: an EU business in another member state, the stored
tax note) or not subject to tax (category O). The result is the same bytes for the same
invoice: the dates the library would stamp with the present are those of the invoice's issue.
"""

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from io import BytesIO
from typing import Any, cast

import facturx
import lxml.etree
from lxml.builder import ElementMaker
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)

from billing.money import amount_from_minor
from billing.remittance import BANK_FIELDS, payee_account
from resources import resource_path
from service.invoices import (
    REVERSE_CHARGE,
    InvoiceLine,
    invoice_line,
    price_text,
    vendor_country,
)
from service.models import Invoice, Vendor

NAMESPACES = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}
EN16931 = "urn:cen.eu:en16931:2017"  # the specification identifier of Factur-X's EN 16931 profile
COMMERCIAL_INVOICE = "380"  # UNTDID 1001
ONE = "C62"  # UN/ECE Recommendation 20: a unit (a seat)
CREDIT_TRANSFER, SEPA_CREDIT_TRANSFER = "30", "58"  # UNTDID 4461
# VAT categories (UNTDID 5305) with their exemption reason code (CEF VATEX) and text.
REVERSE_CHARGED, NOT_SUBJECT = "AE", "O"
EXEMPTION = {
    REVERSE_CHARGED: ("VATEX-EU-AE", REVERSE_CHARGE),
    NOT_SUBJECT: ("VATEX-EU-O", "Not subject to VAT: the vendor adds no tax to this invoice."),
}
ADDRESS_LINES = 3  # CII's LineOne to LineThree: the rest of a longer address joins the third
ICC_PROFILE = ("color", "sRGB.icc")  # lcms2's sRGB, version 2.1, as PDF/A's output intent
XMP = "http://ns.adobe.com/xap/1.0/"
PDF_VERSION = "%PDF-1.7"  # PDF/A-3 is PDF 1.7 (ISO 32000-1), whose embedded files it uses


def factur_x(invoice: Invoice, vendor: Vendor, pdf: bytes, issued: datetime) -> bytes:
    """`pdf`, the invoice's visible page(s), as a Factur-X PDF/A-3 carrying its CII XML, dated
    `issued` throughout."""
    line = invoice_line(invoice)
    described = {
        "author": vendor.legal_name,
        "title": f"Invoice {invoice.number}",
        "subject": f"Factur-X invoice {invoice.number} of {vendor.legal_name}",
    }
    embedded = facturx.generate_from_binary(
        pdf,
        cii_xml(invoice, vendor, line),
        flavor="factur-x",
        level="en16931",
        check_xsd=True,
        pdf_metadata=dict(described),
        lang="en-US",
    )
    return _as_pdfa(embedded, issued, described)


def cii_xml(invoice: Invoice, vendor: Vendor, line: InvoiceLine) -> bytes:
    """The invoice in CII (D16B, Factur-X EN 16931), UTF-8 with its declaration."""
    rsm = ElementMaker(namespace=NAMESPACES["rsm"], nsmap=NAMESPACES)
    ram = ElementMaker(namespace=NAMESPACES["ram"], nsmap=NAMESPACES)
    udt = ElementMaker(namespace=NAMESPACES["udt"], nsmap=NAMESPACES)
    currency = invoice.currency
    money = lambda minor: str(amount_from_minor(minor, currency))  # noqa: E731
    day: Callable[[str, date], Any] = lambda tag, when: ram(  # noqa: E731
        tag, udt.DateTimeString(f"{when:%Y%m%d}", format="102")
    )
    category = REVERSE_CHARGED if invoice.tax_note == REVERSE_CHARGE else NOT_SUBJECT
    # Not subject to tax: no VAT rate, and no VAT identifier on either side (EN 16931 BR-O-2).
    rate = lambda: [ram.RateApplicablePercent("0")] if category == REVERSE_CHARGED else []  # noqa: E731
    reason_code, reason = EXEMPTION[category]
    bill_to = json.loads(invoice.bill_to) or {"legal_name": invoice.organization.name}
    total = invoice.amount_minor + invoice.tax_minor
    note = f"Price per seat per month × {line.working}"  # the working, as the page prints it
    document = rsm.CrossIndustryInvoice(
        rsm.ExchangedDocumentContext(
            ram.GuidelineSpecifiedDocumentContextParameter(ram.ID(EN16931))
        ),
        rsm.ExchangedDocument(
            ram.ID(invoice.number),
            ram.TypeCode(COMMERCIAL_INVOICE),
            day("IssueDateTime", invoice.issue_date),
        ),
        rsm.SupplyChainTradeTransaction(
            ram.IncludedSupplyChainTradeLineItem(
                ram.AssociatedDocumentLineDocument(
                    ram.LineID("1"), ram.IncludedNote(ram.Content(note))
                ),
                ram.SpecifiedTradeProduct(ram.Name(line.what)),
                ram.SpecifiedLineTradeAgreement(
                    ram.NetPriceProductTradePrice(ram.ChargeAmount(price_text(line.price)))
                ),
                ram.SpecifiedLineTradeDelivery(ram.BilledQuantity(str(line.seats), unitCode=ONE)),
                ram.SpecifiedLineTradeSettlement(
                    ram.ApplicableTradeTax(
                        ram.TypeCode("VAT"), ram.CategoryCode(category), *rate()
                    ),
                    ram.BillingSpecifiedPeriod(
                        day("StartDateTime", line.start), day("EndDateTime", line.end)
                    ),
                    ram.SpecifiedTradeSettlementLineMonetarySummation(
                        ram.LineTotalAmount(money(invoice.amount_minor))
                    ),
                ),
            ),
            ram.ApplicableHeaderTradeAgreement(
                _party(
                    ram,
                    "SellerTradeParty",
                    vendor.legal_name,
                    vendor.address,
                    vendor_country(vendor.address),
                    # Its tax number identifies it (BR-CO-26) and, as registered for tax
                    # ("FC", no EU VAT ID), names who the reverse charge shifts the tax from.
                    legal=vendor.tax_id,
                    tax=("FC", vendor.tax_id),
                    contact=(vendor.support_phone, vendor.support_email),
                ),
                _party(
                    ram,
                    "BuyerTradeParty",
                    bill_to["legal_name"],
                    bill_to.get("address") or "",
                    bill_to.get("country"),
                    **_buyer_tax_id(bill_to.get("tax_id"), category),
                ),
                ram.SellerOrderReferencedDocument(ram.IssuerAssignedID(line.transaction_id)),
                *(
                    [ram.BuyerOrderReferencedDocument(ram.IssuerAssignedID(line.purchase_order))]
                    if line.purchase_order
                    else []
                ),
            ),
            ram.ApplicableHeaderTradeDelivery(  # the service is delivered from the period's start
                ram.ActualDeliverySupplyChainEvent(day("OccurrenceDateTime", line.start))
            ),
            ram.ApplicableHeaderTradeSettlement(
                ram.PaymentReference(invoice.number),
                ram.InvoiceCurrencyCode(currency),
                *_payment_means(ram, vendor, currency),
                ram.ApplicableTradeTax(
                    ram.CalculatedAmount(money(invoice.tax_minor)),
                    ram.TypeCode("VAT"),
                    ram.ExemptionReason(reason),
                    ram.BasisAmount(money(invoice.amount_minor)),
                    ram.CategoryCode(category),
                    ram.ExemptionReasonCode(reason_code),
                    *rate(),
                ),
                ram.SpecifiedTradePaymentTerms(
                    ram.Description(f"Payment due within {vendor.payment_terms_days} days."),
                    day("DueDateDateTime", invoice.due_date),
                ),
                ram.SpecifiedTradeSettlementHeaderMonetarySummation(
                    ram.LineTotalAmount(money(invoice.amount_minor)),
                    ram.TaxBasisTotalAmount(money(invoice.amount_minor)),
                    ram.TaxTotalAmount(money(invoice.tax_minor), currencyID=currency),
                    ram.GrandTotalAmount(money(total)),
                    ram.DuePayableAmount(money(total)),
                ),
            ),
        ),
    )
    return lxml.etree.tostring(document, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _party(
    ram: ElementMaker,
    tag: str,
    name: str,
    address: str,
    country: str | None,
    legal: str | None = None,
    tax: tuple[str, str] | None = None,
    contact: tuple[str, str] | None = None,
) -> Any:
    """A seller or buyer: its name, legal registration, contact, postal address (the country by
    its code) and tax registration (scheme "VA" a VAT ID, "FC" a tax number)."""
    lines = [line.strip() for line in address.split("\n") if line.strip()]
    if len(lines) > ADDRESS_LINES:
        lines[ADDRESS_LINES - 1 :] = [", ".join(lines[ADDRESS_LINES - 1 :])]
    parts = [ram.Name(name)]
    if legal:
        parts.append(ram.SpecifiedLegalOrganization(ram.ID(legal)))
    if contact:
        phone, email = contact
        parts.append(
            ram.DefinedTradeContact(
                ram.TelephoneUniversalCommunication(ram.CompleteNumber(phone)),
                ram.EmailURIUniversalCommunication(ram.URIID(email)),
            )
        )
    if country:
        tags = ("LineOne", "LineTwo", "LineThree")
        parts.append(
            ram.PostalTradeAddress(
                *(ram(tag, line) for tag, line in zip(tags, lines, strict=False)),
                ram.CountryID(country),
            )
        )
    if tax:
        scheme, number = tax
        parts.append(ram.SpecifiedTaxRegistration(ram.ID(number, schemeID=scheme)))
    return ram(tag, *parts)


def _buyer_tax_id(tax_id: str | None, category: str) -> dict:
    """The buyer's VAT ID where the reverse charge names it; any other tax number (a US EIN, or
    any where the invoice is not subject to VAT, EN 16931 BR-O-2) as its legal registration."""
    if not tax_id:
        return {}
    if category == REVERSE_CHARGED:
        from stdnum.eu import vat

        return {"tax": ("VA", vat.compact(tax_id))}
    return {"legal": tax_id}


def _payment_means(ram: ElementMaker, vendor: Vendor, currency: str) -> list[Any]:
    """Where to pay: a SEPA credit transfer to the IBAN (and BIC) for euros; a credit transfer
    to the account number, its routing number said, for US dollars; none without an account."""
    account = payee_account({name: getattr(vendor, name) for name in BANK_FIELDS}, currency)
    if "iban" in account:
        return [
            ram.SpecifiedTradeSettlementPaymentMeans(
                ram.TypeCode(SEPA_CREDIT_TRANSFER),
                ram.PayeePartyCreditorFinancialAccount(
                    ram.IBANID(account["iban"]), ram.AccountName(vendor.legal_name)
                ),
                ram.PayeeSpecifiedCreditorFinancialInstitution(ram.BICID(account["bic"])),
            )
        ]
    if "account_number" in account:
        return [
            ram.SpecifiedTradeSettlementPaymentMeans(
                ram.TypeCode(CREDIT_TRANSFER),
                ram.Information(f"Routing number (ABA): {account['routing_number']}"),
                ram.PayeePartyCreditorFinancialAccount(
                    ram.AccountName(vendor.legal_name),
                    ram.ProprietaryID(account["account_number"]),
                ),
            )
        ]
    return []


def _as_pdfa(data: bytes, issued: datetime, described: dict[str, str]) -> bytes:
    """The Factur-X PDF with PDF/A's output intent (sRGB), every date in it the moment `issued`
    (`factur-x` stamps the present into the info, the XMP and the attachment), and the info
    saying what the XMP says, nothing more (PDF/A wants the two to agree)."""
    writer = PdfWriter(clone_from=PdfReader(BytesIO(data)))
    writer.pdf_header = PDF_VERSION
    root = writer._root_object
    profile = DecodedStreamObject()
    profile.set_data(resource_path(*ICC_PROFILE).read_bytes())
    profile[NameObject("/N")] = NumberObject(3)
    intent = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/OutputIntent"),
            NameObject("/S"): NameObject("/GTS_PDFA1"),
            NameObject("/OutputConditionIdentifier"): TextStringObject("sRGB IEC61966-2.1"),
            NameObject("/RegistryName"): TextStringObject("http://www.color.org"),
            NameObject("/DestOutputProfile"): writer._add_object(profile.flate_encode()),
        }
    )
    root[NameObject("/OutputIntents")] = ArrayObject([writer._add_object(intent)])

    moment = issued.astimezone(UTC)
    pdf_date = f"{moment:D:%Y%m%d%H%M%S+00'00'}"
    names = _dict(_dict(root["/Names"])["/EmbeddedFiles"])["/Names"]
    for filespec in cast(ArrayObject, names.get_object())[1::2]:
        params = _dict(_dict(_dict(filespec)["/EF"])["/F"])["/Params"]
        _dict(params)[NameObject("/ModDate")] = TextStringObject(pdf_date)
    metadata = cast(StreamObject, root["/Metadata"].get_object())
    xmp = lxml.etree.fromstring(metadata.get_data())
    for name in ("CreateDate", "ModifyDate"):
        xmp.find(f".//{{{XMP}}}{name}").text = f"{moment:%Y-%m-%dT%H:%M:%S+00:00}"
    metadata.set_data(lxml.etree.tostring(xmp.getroottree(), encoding="UTF-8"))
    writer.metadata = {
        "/Title": described["title"],
        "/Author": described["author"],
        "/Subject": described["subject"],
        "/Creator": xmp.findtext(f".//{{{XMP}}}CreatorTool"),
        "/Producer": xmp.findtext(".//{http://ns.adobe.com/pdf/1.3/}Producer"),
        "/CreationDate": pdf_date,
        "/ModDate": pdf_date,
    }
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _dict(value: PdfObject) -> DictionaryObject:
    return cast(DictionaryObject, value.get_object())
