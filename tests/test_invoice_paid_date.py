"""When an invoice was paid comes with the service's feed, makes the purchase's document a receipt
dated that day, and is brought again for invoices paid before a database kept it."""

import io
import shutil
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from db.database import schema_status
from desktop import formatting
from desktop.demo import seed_demo
from desktop.invoices import FEED_KEY
from desktop.ledger import MIGRATIONS_DIR, close_ledger, open_ledger
from desktop.models import SeatPurchase, SyncState
from desktop.receipts import receipt_pdf
from desktop.service_client import ServiceClient
from desktop.sync import Credentials, SyncEngine
from service import demo_data
from tests.conftest import first_org
from tests.service_helpers import PASSWORD, start_demo_service


@pytest.fixture
def service(tmp_path):
    running = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}")
    yield running
    running.stop()


def test_the_sync_brings_the_day_an_invoice_was_paid(service, sqlite_db):
    seed_demo()
    planned = {
        i.transaction_id: i.paid_at
        for i in demo_data.demo_invoices(demo_data.NORTHWIND, demo_data.NORTHWIND.today())
    }
    assert any(planned.values()) and not all(planned.values())
    SeatPurchase.update(invoice_status=None, invoice_paid_at=None).execute()
    engine = SyncEngine(ServiceClient(service.url), Credentials("billing@example.com", PASSWORD))
    assert engine.run_once().online
    found = {p.transaction_id: p.invoice_paid_at for p in SeatPurchase.select()}
    assert found == planned
    paid = SeatPurchase.get(SeatPurchase.invoice_paid_at.is_null(False))
    text = PdfReader(io.BytesIO(receipt_pdf(first_org(), paid.transaction_id, "en_US"))).pages[0]
    day = formatting.day(
        paid.invoice_paid_at.astimezone(ZoneInfo(demo_data.TIMEZONE)).date(), "en_US"
    )
    assert f"Paid on {day}" in text.extract_text()
    assert "Receipt" in text.extract_text()


def test_an_upgraded_database_reads_the_invoice_feed_again(sqlite_db, tmp_path):
    """Version 11 adds the paid date and forgets how far the feed was read, so the next sync
    brings the dates of invoices paid before; the other sync state stays."""
    close_ledger()
    version_10 = tmp_path / "migrations"
    version_10.mkdir()
    for migration in sorted(MIGRATIONS_DIR.glob("00[01][0-9]_*.py"))[:10]:
        shutil.copy(migration, version_10)
    url = f"sqlite:///{tmp_path / 'old.db'}"
    open_ledger(url, migrations=version_10)
    SyncState.create(key=FEED_KEY, value="2026-11-01T00:00:00+00:00")
    SyncState.create(key="other", value="kept")
    close_ledger()
    db = open_ledger(url)
    assert schema_status(db, MIGRATIONS_DIR)[1] == []
    assert [(s.key, s.value) for s in SyncState.select()] == [("other", "kept")]
    columns = {column.name for column in db.get_columns("seat_purchase")}
    assert "invoice_paid_at" in columns
