"""The fiscal-year archive: one ZIP with each purchase's document and each kept invoice, and an
index CSV checked against the ledger and the files, from the app and from the command line."""

import csv
import hashlib
import io
import zipfile
from datetime import date

import pytest
from pypdf import PdfReader

from desktop.archive import INDEX_HEADER, export_documents
from desktop.background import Cancelled
from desktop.invoices import kept_invoice_path
from desktop.models import SeatPurchase
from desktop.receipts import date_range_query
from tests.conftest import first_org
from tests.test_receipts import NOW, purchases, run_cli  # noqa: F401

FIRST, LAST = date(2025, 1, 1), date(2026, 12, 31)


def read_index(archive: zipfile.ZipFile) -> list[dict]:
    text = archive.read("index.csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == INDEX_HEADER
    return [dict(zip(INDEX_HEADER, row, strict=True)) for row in rows[1:]]


def keep_invoice(folder, purchase: SeatPurchase, data: bytes) -> None:
    path = kept_invoice_path(folder, purchase.organization_id, purchase.invoice_number)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    SeatPurchase.update(invoice_pdf_sha256=hashlib.sha256(data).hexdigest()).where(
        SeatPurchase.id == purchase.id
    ).execute()


def test_the_archive_holds_every_document_and_an_index_of_the_ledger(purchases, tmp_path):  # noqa: F811
    kept = tmp_path / "invoices"
    kept.mkdir()
    invoiced = list(SeatPurchase.select().where(SeatPurchase.invoice_number.is_null(False)))
    keep_invoice(kept, invoiced[0], b"%PDF-1.4 the vendor's invoice")
    keep_invoice(kept, invoiced[1], b"%PDF-1.4 another")
    kept_invoice_path(kept, invoiced[1].organization_id, invoiced[1].invoice_number).write_bytes(
        b"changed on disk"
    )  # left out
    target = tmp_path / "documents-2026.zip"
    query = date_range_query(first_org(), FIRST, LAST)
    count = export_documents(query, target, "en_US", kept)
    ledger = {p.transaction_id: p for p in SeatPurchase.select()}
    assert count == len(ledger)
    with zipfile.ZipFile(target) as archive:
        index = read_index(archive)
        documents = [row for row in index if row["File"].startswith("documents/")]
        assert sorted(row["Transaction ID"] for row in documents) == sorted(ledger)
        for row in index:  # each file is in the archive, with the fingerprint the index gives
            assert hashlib.sha256(archive.read(row["File"])).hexdigest() == row["SHA-256"]
        for row in documents:
            purchase = ledger[row["Transaction ID"]]
            assert row["Amount"] == str(purchase.amount)
            assert row["Invoice number"] == (purchase.invoice_number or "")
            assert row["PO number"] == (purchase.purchase_order or "")
            paid = purchase.invoice_status == "paid"
            expected = "Receipt" if paid else "Order confirmation"
            assert row["Document"] == expected
            text = PdfReader(io.BytesIO(archive.read(row["File"]))).pages[0].extract_text()
            assert expected in text and purchase.transaction_id in text
        invoices = [row for row in index if row["Document"] == "Invoice"]
        assert [row["Invoice number"] for row in invoices] == [invoiced[0].invoice_number]


def test_a_cancelled_archive_leaves_no_file(purchases, tmp_path):  # noqa: F811
    target = tmp_path / "documents.zip"
    query = date_range_query(first_org(), FIRST, LAST)
    with pytest.raises(Cancelled):
        export_documents(query, target, "en_US", tmp_path, lambda done, total: False)
    assert not target.exists() and not list(tmp_path.glob("*.part"))


def test_the_command_line_writes_the_same_archive(purchases, tmp_path):  # noqa: F811
    target = tmp_path / "fy.zip"
    result = run_cli(
        tmp_path, "documents", "--from", "2026-11-26", "--to", "2026-11-26", "--output", str(target)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"Documents of {len(purchases)} orders of Northwind Traders written to {target}"
    )
    with zipfile.ZipFile(target) as archive:
        index = read_index(archive)
    assert sorted(row["Transaction ID"] for row in index) == sorted(
        p.transaction_id for p in purchases
    )
