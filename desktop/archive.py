"""Archives for accounts payable: one ZIP with every document of a date range or fiscal year
(each purchase's receipt or order confirmation, each renewal's confirmation, and each invoice
downloaded) and an index CSV that names each file with its amount, status and SHA-256."""

import csv
import hashlib
import io
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from billing.invoices import PAID
from billing.kinds import OrderKind
from billing.statuses import Status, label
from desktop.background import Cancelled
from desktop.history import HistoryQuery, HistoryRow, csv_safe
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.invoices import kept_invoice
from desktop.models import RenewalRecord, SeatPurchase
from desktop.receipts import documents, renewal_documents

# The index keeps these English, as the history's CSV does.
INDEX_HEADER = (
    "Document",
    "File",
    "Transaction ID",
    "Invoice number",
    "PO number",
    "Amount",
    "Currency",
    "Status",
    "SHA-256",
)
RECEIPT = QT_TRANSLATE_NOOP("Archive", "Receipt")  # its invoice is paid
CONFIRMATION = QT_TRANSLATE_NOOP("Archive", "Order confirmation")
RENEWAL = QT_TRANSLATE_NOOP("Archive", "Renewal confirmation")
INVOICE = QT_TRANSLATE_NOOP("Archive", "Invoice")


def export_documents(
    query: HistoryQuery,
    path: Path,
    locale: str,
    invoices: Path,
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """Write the ZIP whole or not at all; returns how many purchases and renewals it covers.
    Invoices are the copies kept in `invoices` whose SHA-256 is the one recorded (never
    downloaded here)."""
    partial = path.with_name(path.name + ".part")
    index = io.StringIO()
    writer = csv.writer(index)
    writer.writerow(INDEX_HEADER)
    written = 0
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for row, data, total in documents(query, locale):
                kind = RECEIPT if row.invoice_status == PAID else CONFIRMATION
                order = Order.of_purchase(row, _invoice_sha256(row))
                for entry in _entries(kind, order, data, invoices, query.organization_id):
                    archive.writestr(entry[1], entry[-1])
                    writer.writerow(_index_row(*entry))
                written += 1
                if progress and progress(written, total) is False:
                    raise Cancelled(translate("Archive", "No archive was written."))
            for renewal, status, data in renewal_documents(query, locale):
                order = Order.of_renewal(renewal, status)
                for entry in _entries(RENEWAL, order, data, invoices, query.organization_id):
                    archive.writestr(entry[1], entry[-1])
                    writer.writerow(_index_row(*entry))
                written += 1
            archive.writestr("index.csv", "\ufeff" + index.getvalue())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return written


@dataclass(frozen=True)
class Order:
    """A purchase or renewal as the index names it."""

    transaction_id: str
    invoice_number: str | None
    purchase_order: str | None
    amount: Decimal
    currency: str
    status: str  # the English word for its status as shown
    invoice_sha256: str | None  # of its invoice's PDF, once downloaded

    @classmethod
    def of_purchase(cls, row: HistoryRow, invoice_sha256: str | None) -> "Order":
        status = label(OrderKind.PURCHASE, row.status)
        return cls(row.transaction_id, row.invoice_number, row.purchase_order, row.amount,
                   row.currency, status, invoice_sha256)  # fmt: skip

    @classmethod
    def of_renewal(cls, renewal: RenewalRecord, status: Status) -> "Order":
        return cls(renewal.transaction_id, renewal.invoice_number, renewal.purchase_order,
                   renewal.amount, renewal.currency, label(OrderKind.RENEWAL, status),
                   renewal.invoice_pdf_sha256)  # fmt: skip


def _invoice_sha256(row: HistoryRow) -> str | None:
    """The SHA-256 recorded of the purchase's invoice PDF: read only for one that has an
    invoice (one query for those, none for the rest)."""
    if not row.invoice_number:
        return None
    recorded = SeatPurchase.select(SeatPurchase.invoice_pdf_sha256).where(SeatPurchase.id == row.id)
    return recorded.scalar()


def _entries(
    kind: str, order: Order, data: bytes, invoices: Path, organization_id: int
) -> list[tuple[str, str, Order, bytes]]:
    """(kind, file name, order, bytes) of the order's document and of its invoice, if kept."""
    entries = [(kind, f"documents/{order.transaction_id}.pdf", order, data)]
    invoice = (
        kept_invoice(invoices, organization_id, order.invoice_number, order.invoice_sha256)
        if order.invoice_number
        else None
    )
    if invoice is not None:
        entries.append((INVOICE, f"invoices/{order.invoice_number}.pdf", order, invoice))
    return entries


def _index_row(kind: str, name: str, order: Order, data: bytes) -> list[object]:
    return [
        csv_safe(cell)
        for cell in (
            kind,
            name,
            order.transaction_id,
            order.invoice_number or "",
            order.purchase_order or "",
            order.amount,
            order.currency,
            order.status,
            hashlib.sha256(data).hexdigest(),
        )
    ]
