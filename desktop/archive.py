"""Archives for accounts payable: one ZIP with every document of a date range or fiscal year
(each purchase's receipt or order confirmation, and each invoice downloaded) and an index CSV
that names each file with its amount, status and SHA-256."""

import csv
import hashlib
import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

from billing.invoices import PAID
from billing.statuses import LABELS
from desktop.background import Cancelled
from desktop.history import HistoryQuery, HistoryRow, csv_safe
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import SeatPurchase
from desktop.receipts import documents

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
INVOICE = QT_TRANSLATE_NOOP("Archive", "Invoice")


def export_documents(
    query: HistoryQuery,
    path: Path,
    locale: str,
    invoices: Path,
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """Write the ZIP whole or not at all; returns how many purchases it covers. Invoices are
    the copies kept in `invoices` whose SHA-256 is the one recorded (never downloaded here)."""
    partial = path.with_name(path.name + ".part")
    index = io.StringIO()
    writer = csv.writer(index)
    writer.writerow(INDEX_HEADER)
    written = 0
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for row, data, total in documents(query, locale):
                kind = RECEIPT if row.invoice_status == PAID else CONFIRMATION
                name = f"documents/{row.transaction_id}.pdf"
                archive.writestr(name, data)
                writer.writerow(_index_row(kind, name, row, data))
                invoice = _kept_invoice(invoices, row)
                if invoice is not None:
                    name = f"invoices/{row.invoice_number}.pdf"
                    archive.writestr(name, invoice)
                    writer.writerow(_index_row(INVOICE, name, row, invoice))
                written += 1
                if progress and progress(written, total) is False:
                    raise Cancelled(translate("Archive", "No archive was written."))
            archive.writestr("index.csv", "\ufeff" + index.getvalue())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return written


def _index_row(kind: str, name: str, row: HistoryRow, data: bytes) -> list[object]:
    return [
        csv_safe(cell)
        for cell in (
            kind,
            name,
            row.transaction_id,
            row.invoice_number or "",
            row.purchase_order or "",
            row.amount,
            row.currency,
            LABELS[row.status],
            hashlib.sha256(data).hexdigest(),
        )
    ]


def _kept_invoice(folder: Path, row: HistoryRow) -> bytes | None:
    if not row.invoice_number:
        return None
    kept = folder / f"{row.invoice_number}.pdf"
    recorded = (
        SeatPurchase.select(SeatPurchase.invoice_pdf_sha256)
        .where(SeatPurchase.id == row.id)
        .scalar()
    )
    if recorded is None or not kept.exists():
        return None
    data = kept.read_bytes()
    return data if hashlib.sha256(data).hexdigest() == recorded else None
