"""Upgrading a service database made before organizations had their own orders and trails."""

import json
import shutil
from datetime import UTC, datetime

import pytest
from playhouse.migrations import Runner

from db.database import close_database, connect_url, open_database
from service import audit
from service.models import AuditEvent, Organization, SeatOrder, service_db
from service.server import MIGRATIONS

ORGANIZATIONS = (
    (1, "Northwind Traders", "a@northwind.example", "INV-2026-000001"),
    (2, "Contoso Pharmaceuticals", "b@contoso.example", "INV-2026-000002"),
)
EVENTS = (  # (actor, action): two administrators and an e-mail nobody has
    ("a@northwind.example", "sign-in"),
    ("b@contoso.example", "seats ordered"),
    ("nobody@example.com", "sign-in failed"),
    ("a@northwind.example", "sign-out"),
)


def make_version_2(url: str, tmp_path, tamper: bool = False) -> None:
    """Orders and a single audit chain shared by two organizations, as version 2 kept them."""
    old = tmp_path / "migrations-v2"
    old.mkdir()
    for name in ("0001_initial.py", "0002_audit.py"):
        shutil.copy(MIGRATIONS / name, old / name)
    db = connect_url(url)
    db.connect()
    Runner(db, str(old)).up()
    previous, moment = audit.GENESIS, datetime(2026, 4, 1, 12, tzinfo=UTC)
    for org, name, email, invoice in ORGANIZATIONS:  # ids come in this order: 1, then 2
        for sql in (
            f"INSERT INTO organization (name, currency, timezone) VALUES ('{name}', 'USD', 'UTC')",
            "INSERT INTO permission_set (organization_id, name, manage_account,"
            f" manage_permission_sets) VALUES ({org}, 'Admins', TRUE, TRUE)",
            "INSERT INTO administrator (organization_id, name, email, password_hash,"
            f" permission_set_id, active) VALUES ({org}, 'Admin', '{email}', 'x', {org}, TRUE)",
            "INSERT INTO contract (organization_id, start_date, end_date, licensed_seats,"
            " monthly_price_per_seat, currency, proration_unit, account_manager_name,"
            " account_manager_email, account_manager_phone) VALUES"
            f" ({org}, '2026-03-01', '2027-02-28', 50, 125000, 'USD', 'month', 'Dana',"
            " 'dana@example.com', '+1 555')",
            "INSERT INTO seat_order (transaction_id, request_fingerprint, contract_id,"
            " administrator_id, seats, monthly_unit_price, prorated_months, period_start,"
            " period_end, amount_minor, currency, acknowledgement_text, status, created_at,"
            " updated_at, provision_after, provisioned_at, invoice_number) VALUES"
            f" ('MA-KEY{org}-0000', 'f', {org}, {org}, 1, 125000, 11, '2026-04-01', '2027-02-28',"
            " 13750, 'USD', 'ack', 'provisioned', '2026-04-01 12:00:00', '2026-04-01 12:00:00',"
            f" '2026-04-01 12:00:01', '2026-04-01 12:00:01', '{invoice}')",
        ):
            db.execute_sql(sql)
    for number, (actor, action) in enumerate(EVENTS, start=1):
        digest = audit.entry_hash(previous, moment, actor, action, "{}")
        details = '{"forged": true}' if tamper and number == 2 else "{}"
        db.execute_sql(
            "INSERT INTO audit_event (occurred_at, actor_email, action, details, previous_hash,"
            f" hash) VALUES ('2026-04-01 12:00:00', '{actor}', '{action}', '{details}',"
            f" '{previous}', '{digest}')"
        )
        previous = digest
    db.execute_sql(f"UPDATE audit_head SET last_id = {len(EVENTS)}, last_hash = '{previous}'")
    db.close()


@pytest.fixture
def upgraded(any_db_url, tmp_path, request):
    make_version_2(any_db_url, tmp_path, tamper=getattr(request, "param", False))
    open_database(any_db_url, service_db, MIGRATIONS)
    yield
    close_database(service_db)


def test_orders_and_entries_get_their_organization(upgraded):
    orders = {order.transaction_id: order.organization_id for order in SeatOrder.select()}
    assert orders == {"MA-KEY1-0000": 1, "MA-KEY2-0000": 2}
    owners = [(event.actor_email, event.organization_id) for event in AuditEvent.select()]
    assert ("a@northwind.example", 1) in owners and ("b@contoso.example", 2) in owners
    assert ("nobody@example.com", None) in owners


def test_each_chain_is_intact_and_says_how_the_shared_one_was(upgraded):
    for organization in (1, 2, None):
        assert audit.verify_chain(organization).intact, organization
        events = AuditEvent.select().where(audit.in_organization(AuditEvent, organization))
        last = events.order_by(AuditEvent.id.desc()).first()
        assert last.action == audit.RECHAINED
        assert json.loads(last.details) == {"shared_chain": "The audit trail is intact."}
    northwind = AuditEvent.select().where(AuditEvent.organization == 1).order_by(AuditEvent.id)
    assert [e.action for e in northwind] == ["sign-in", "sign-out", audit.RECHAINED]


@pytest.mark.parametrize("upgraded", [True], indirect=True)
def test_a_broken_shared_chain_is_not_laundered(upgraded):
    for organization in (1, 2, None):
        last = (
            AuditEvent.select()
            .where(audit.in_organization(AuditEvent, organization))
            .order_by(AuditEvent.id.desc())
            .first()
        )
        assert json.loads(last.details) == {
            "shared_chain": "Entry #2 was changed after it was written."
        }


def test_keys_and_invoice_numbers_are_unique_per_organization(upgraded):
    contract = Organization.get_by_id(2).contracts.get()
    copy = SeatOrder.get(SeatOrder.transaction_id == "MA-KEY1-0000")
    copy.id, copy.organization, copy.contract = None, 2, contract
    copy.invoice_number = "INV-2026-000001"
    copy.save(force_insert=True)  # Northwind's key and invoice number, now Contoso's too
    assert SeatOrder.select().where(SeatOrder.transaction_id == "MA-KEY1-0000").count() == 2


def test_invoiced_orders_get_their_invoice(upgraded):
    from datetime import timedelta

    from service.models import Invoice

    with service_db.connection_context():
        for order in SeatOrder.select().where(SeatOrder.invoice_number.is_null(False)):
            invoice = Invoice.get(Invoice.order == order)
            assert invoice.number == order.invoice_number
            assert invoice.organization_id == order.organization_id
            assert invoice.amount_minor == order.amount_minor
            assert invoice.due_date == invoice.issue_date + timedelta(days=30)
            assert invoice.status == "open"
