"""The vendor's invoices on the desktop: their status (and when paid, the moment) kept with each
purchase from the service's feed, overdue ones named, and each invoice's PDF downloaded once,
kept as it came, and checked by its SHA-256 before it is shown, so it can be read, saved and
printed offline afterwards; the e-invoice XML a Factur-X invoice carries can be had alone."""

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from peewee import Expression, fn

from billing.invoices import OPEN, OVERDUE
from billing.money import amount_from_minor
from db.database import write_transaction
from desktop.files import write_atomically
from desktop.i18n import translate
from desktop.models import Organization, RenewalRecord, SeatPurchase, SyncState, database
from desktop.service_client import ServiceClient, each_page
from desktop.step_result import StepResult

FEED_KEY = "invoices_seen_until"
FOLDER = "invoices"
EINVOICE_XML = "factur-x.xml"  # the name Factur-X gives the XML it embeds


class InvoiceUnavailable(Exception):
    """The invoice's document cannot be shown; the message says why, fit for a user."""


@dataclass(frozen=True)
class OverdueInvoices:
    count: int
    total: Decimal
    currency: str
    oldest_number: str
    oldest_due: date


def kept_invoice_path(folder: Path, organization: Organization | int, number: str) -> Path:
    """Where an invoice's PDF is kept: each organization numbers its invoices on its own."""
    key = organization if isinstance(organization, int) else organization.id
    return folder / str(key) / f"{number}.pdf"


def kept_invoice(
    folder: Path, organization: Organization | int, number: str, recorded: str | None
) -> bytes | None:
    """The invoice's PDF kept in `folder`, if its SHA-256 is the one `recorded`. One kept by a
    version before organizations (in the folder itself) moves into the organization's."""
    if recorded is None:
        return None
    kept = kept_invoice_path(folder, organization, number)
    earlier = folder / f"{number}.pdf"
    if not kept.exists() and earlier.exists() and _sha256(earlier.read_bytes()) == recorded:
        kept.parent.mkdir(parents=True, exist_ok=True)
        earlier.replace(kept)
    if not kept.exists():
        return None
    data = kept.read_bytes()
    return data if _sha256(data) == recorded else None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def status_condition(status: str, today: date) -> Expression:
    """Purchases whose invoice shows as `status` on `today`."""
    stored, due = SeatPurchase.invoice_status, SeatPurchase.invoice_due_date
    if status == OVERDUE:
        return (stored == OPEN) & (due < today)
    if status == OPEN:
        return (stored == OPEN) & (due >= today)
    return stored == status


def mirror_invoices(client: ServiceClient, organization: Organization, result: StepResult) -> None:
    """Bring the invoices changed since the last round onto their purchases, a page at a time
    (each page's changes are in `result` at once, whatever happens to the next)."""
    seen = SyncState.read(organization, FEED_KEY)
    first = client.invoices(updated_since=seen or "1970-01-01T00:00:00+00:00")
    latest = None
    for page in each_page(first, lambda cursor: client.invoices(cursor=cursor)):
        with write_transaction(database):
            for invoice in page["invoices"]:
                stored = OPEN if invoice["status"] == OVERDUE else invoice["status"]
                paid_at = invoice.get("paid_at")
                paid_at = datetime.fromisoformat(paid_at).astimezone(UTC) if paid_at else None
                result.changed |= bool(
                    SeatPurchase.update(
                        invoice_status=stored,
                        invoice_due_date=date.fromisoformat(invoice["due_date"]),
                        invoice_paid_at=paid_at,
                    )
                    .where(
                        (SeatPurchase.organization == organization)
                        & (SeatPurchase.transaction_id == invoice["transaction_id"])
                        & (
                            SeatPurchase.invoice_status.is_null()
                            | (SeatPurchase.invoice_status != stored)
                            | (SeatPurchase.invoice_paid_at.is_null() != (paid_at is None))
                        )
                    )
                    .execute()
                )
                latest = invoice["updated_at"]
    if latest is not None:
        SyncState.write(organization, FEED_KEY, latest)


def overdue_invoices(organization: Organization, today: date) -> OverdueInvoices | None:
    """How many of the organization's invoices are overdue, their total, and the one due
    longest ago."""
    overdue = SeatPurchase.select().where(
        (SeatPurchase.organization == organization) & status_condition(OVERDUE, today)
    )
    oldest = overdue.order_by(SeatPurchase.invoice_due_date, SeatPurchase.id).first()
    if oldest is None:
        return None
    total = overdue.select(fn.SUM(SeatPurchase.amount_minor)).scalar()
    return OverdueInvoices(
        overdue.count(),
        amount_from_minor(int(total), oldest.currency),
        oldest.currency,
        oldest.invoice_number,
        oldest.invoice_due_date,
    )


def invoice_document(
    client: ServiceClient | None, organization: Organization, transaction_id: str, folder: Path
) -> tuple[str, bytes]:
    """The invoice of a purchase or a renewal: its number and PDF, the copy kept in `folder` if
    its SHA-256 is the one recorded, else downloaded once (its SHA-256 checked against the
    service's) and kept."""
    order = _order(organization, transaction_id)
    number = order.invoice_number
    if not number:
        raise InvoiceUnavailable(
            translate("Invoices", "The vendor has not invoiced this purchase yet.")
        )
    if (data := kept_invoice(folder, organization, number, order.invoice_pdf_sha256)) is not None:
        return number, data
    if client is None:
        raise InvoiceUnavailable(
            translate(
                "Invoices",
                "Invoice {number} has not been downloaded yet: sign in to the account service "
                "once, and it is kept on this computer from then on.",
            ).format(number=number)
        )
    data, announced = client.invoice_pdf(number)
    digest = _sha256(data)
    if announced is None or digest != announced.lower():
        raise InvoiceUnavailable(
            translate(
                "Invoices",
                "Invoice {number} arrived damaged (its SHA-256 does not match): try again.",
            ).format(number=number)
        )
    kept = kept_invoice_path(folder, organization, number)
    kept.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(kept, data)
    model = type(order)
    model.update(invoice_pdf_sha256=digest).where(model.id == order.id).execute()
    return number, data


def einvoice_xml(data: bytes) -> bytes | None:
    """The EN 16931 XML a Factur-X invoice carries, as the vendor embedded it; None for a PDF
    without one (a receipt, or an invoice from before e-invoices). A PDF with no embedded file
    at all is answered from its bytes, without loading the e-invoice library."""
    if b"/EmbeddedFile" not in data:
        return None
    import facturx  # loaded when an invoice is shown, not at start

    _, xml = facturx.get_xml_from_pdf(data, check_xsd=False, filenames=[EINVOICE_XML])
    return xml or None


def _order(organization: Organization, transaction_id: str) -> SeatPurchase | RenewalRecord:
    """The organization's purchase, or else renewal, of this transaction ID."""
    for model in (SeatPurchase, RenewalRecord):
        found = model.get_or_none(
            (model.organization == organization) & (model.transaction_id == transaction_id)
        )
        if found is not None:
            return found
    raise InvoiceUnavailable(
        translate(
            "Invoices", "No purchase or renewal has the transaction ID {transaction_id}."
        ).format(transaction_id=transaction_id)
    )
