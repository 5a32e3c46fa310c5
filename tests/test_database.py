"""The local data layer on a real SQLite file and, in CI, a real PostgreSQL server."""

import sqlite3
import time
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from peewee import IntegrityError, fn
from playhouse.migrations import Runner

from billing.orders import ACKNOWLEDGEMENT
from billing.proration import quote
from billing.statuses import Status
from db.database import (
    DatabaseOpenError,
    connect_url,
    schema_status,
)
from desktop.demo import seed_demo
from desktop.ledger import MIGRATIONS_DIR, close_ledger, open_ledger
from desktop.models import AuditEvent, Contract, SeatPurchase
from desktop.purchasing import record_purchase
from service import demo_data
from tests.conftest import sqlite_url

TODAY = date(2026, 11, 26)


def all_migrations() -> list[str]:
    return sorted(p.stem for p in MIGRATIONS_DIR.glob("[0-9]*.py"))


def test_new_database_is_at_the_latest_schema(any_db):
    applied, pending = schema_status(any_db, MIGRATIONS_DIR)
    assert applied == all_migrations()
    assert pending == []
    assert len(applied) >= 2


def test_sqlite_is_tuned_for_a_ledger(sqlite_db):
    pragma = lambda name: sqlite_db.execute_sql(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("synchronous") == 2  # FULL
    assert pragma("busy_timeout") == 5000


def test_money_is_stored_as_integers_and_sums_exactly(any_db):
    seed_demo(TODAY)
    contract = Contract.select().order_by(Contract.start_date.desc()).first()
    admin = contract.purchases.first().administrator
    before = SeatPurchase.select(fn.SUM(SeatPurchase.amount_minor)).scalar()
    for cents in ("0.10", "0.20"):
        priced = quote(contract, 1, TODAY)
        priced = priced.__class__(**{**priced.__dict__, "amount": Decimal(cents)})
        record_purchase(admin, contract, priced, acknowledged_at=datetime.now(UTC))
    total = SeatPurchase.select(fn.SUM(SeatPurchase.amount_minor)).scalar()
    assert total - before == 30
    newest = SeatPurchase.select().order_by(SeatPurchase.id.desc()).first()
    assert newest.amount == Decimal("0.20")
    assert str(newest.amount) == "0.20"
    assert Contract.get_by_id(contract.id).monthly_price_per_seat == Decimal("12.5000")


def test_sqlite_money_columns_hold_integers(sqlite_db):
    seed_demo(TODAY)
    kinds = sqlite_db.execute_sql(
        "SELECT DISTINCT typeof(amount_minor), typeof(monthly_unit_price) FROM seat_purchase"
    ).fetchall()
    assert kinds == [("integer", "integer")]


def test_timestamps_are_aware_utc(any_db):
    seed_demo(TODAY)
    contract = Contract.select().order_by(Contract.start_date.desc()).first()
    admin = contract.purchases.first().administrator
    berlin = timezone(timedelta(hours=1))
    moment = datetime(2026, 11, 1, 10, 30, tzinfo=berlin)
    priced = quote(contract, 2, TODAY)
    made = record_purchase(admin, contract, priced, acknowledged_at=moment, now=moment)
    stored = SeatPurchase.get_by_id(made.id)
    assert stored.created_at == datetime(2026, 11, 1, 9, 30, tzinfo=UTC)
    assert stored.created_at.tzinfo is UTC
    with pytest.raises(ValueError, match="naive"):
        record_purchase(admin, contract, priced, acknowledged_at=datetime(2026, 1, 1))


def test_purchase_is_recorded_with_its_audit_event(any_db):
    seed_demo(TODAY)
    contract = Contract.select().order_by(Contract.start_date.desc()).first()
    admin = contract.purchases.first().administrator
    priced = quote(contract, 3, TODAY)
    purchase = record_purchase(admin, contract, priced, acknowledged_at=datetime.now(UTC))
    stored = SeatPurchase.get(SeatPurchase.transaction_id == purchase.transaction_id)
    assert stored.idempotency_key == purchase.transaction_id
    assert stored.provisioning_status == Status.QUEUED
    assert (stored.seats, stored.amount, stored.currency) == (3, priced.amount, "USD")
    assert stored.acknowledgement_text == ACKNOWLEDGEMENT
    assert (stored.purchased_by_name, stored.purchased_by_email) == (admin.name, admin.email)
    event = AuditEvent.select().order_by(AuditEvent.id.desc()).first()
    assert event.action == "purchase"
    assert purchase.transaction_id in event.details


def test_foreign_keys_are_enforced(any_db):
    seed_demo(TODAY)
    row = SeatPurchase.select().first().__data__
    row.update(id=None, transaction_id="MA-TEST-0001", idempotency_key="MA-TEST-0001", contract=999)
    with pytest.raises(IntegrityError):
        SeatPurchase.create(**row)


def test_idempotency_key_is_unique(any_db):
    seed_demo(TODAY)
    row = SeatPurchase.select().first().__data__
    row.update(id=None, transaction_id="MA-TEST-0002")
    with pytest.raises(IntegrityError):
        SeatPurchase.create(**row)


def test_demo_data(any_db):
    assert seed_demo(TODAY) is True
    assert seed_demo(TODAY) is False  # an existing database is left alone
    contracts = list(Contract.select().order_by(Contract.start_date))
    assert len(contracts) == 2
    current = contracts[-1]
    assert current.start_date <= TODAY <= current.end_date
    assert (current.end_date - current.start_date).days in (364, 365)
    assert current.licensed_seats == 50
    assert current.monthly_price_per_seat == Decimal("12.50")
    assert current.organization.name == "Northwind Traders"
    purchases = list(SeatPurchase.select().order_by(SeatPurchase.created_at))
    assert len(purchases) == demo_data.PAST_PURCHASES
    assert {p.contract_id for p in purchases} == {c.id for c in contracts}
    for purchase in purchases:
        priced = quote(purchase.contract, purchase.seats, purchase.period_start)
        assert purchase.amount == priced.amount
        assert purchase.provisioning_status == Status.PROVISIONED
    numbers = [int(p.invoice_number[-6:]) for p in purchases]
    assert numbers == list(range(1, demo_data.PAST_PURCHASES + 1))  # gap-free, in order
    # Seats add up: the previous contract ended with the seats the current one started with.
    bought = {c.id: sum(p.seats for p in purchases if p.contract_id == c.id) for c in contracts}
    current_start = current.licensed_seats - bought[current.id]
    assert contracts[0].licensed_seats == current_start
    assert contracts[0].licensed_seats - bought[contracts[0].id] > 0


def _make_version_1(url: str) -> None:
    """A database as version 1 of the app left it, with a row in every table."""
    db = connect_url(url)
    db.connect()
    Runner(db, str(MIGRATIONS_DIR)).up(target="0001_initial")
    rows = [
        "INSERT INTO organization VALUES (1, 'Northwind Traders', 'USD', 'America/New_York')",
        "INSERT INTO contract VALUES (1, 1, '2026-03-01', '2027-02-28', 50, 125000, 'USD',"
        " 'month', 'Dana', 'dana@example.com', '+1 555')",
        "INSERT INTO permission_set VALUES (1, 'Administrators', TRUE, TRUE)",
        "INSERT INTO administrator VALUES (1, 'Zoë Ångström', 'admin@example.com', 1, TRUE)",
        "INSERT INTO seat_purchase VALUES (1, 'MA-AAAA-BBBB', '2026-04-01 12:00:00', 1,"
        " 'Zoë Ångström', 'admin@example.com', 1, 5, 125000, 11, '2026-04-01', '2027-02-28',"
        " 68750, 'USD', 'ack', '2026-04-01 12:00:00', 'MA-AAAA-BBBB', 'provisioned',"
        " '2026-04-01 12:00:01', '2026-04-01 12:02:00', 'INV-2026-000001', NULL)",
        "INSERT INTO audit_event VALUES (1, '2026-04-01 12:00:00', 1, 'purchase', '{}')",
    ]
    for sql in rows:
        db.execute_sql(sql)
    db.close()


def test_upgrade_from_version_1_keeps_every_row(sqlite_db, tmp_path):
    close_ledger()
    url = f"sqlite:///{tmp_path / 'old.db'}"
    _make_version_1(url)
    db = open_ledger(url)
    applied, pending = schema_status(db, MIGRATIONS_DIR)
    assert applied == all_migrations() and pending == []
    purchase = SeatPurchase.get_by_id(1)
    assert purchase.transaction_id == "MA-AAAA-BBBB"
    assert purchase.purchased_by_name == "Zoë Ångström"
    assert purchase.amount == Decimal("687.50")
    assert purchase.monthly_unit_price == Decimal("12.5")
    assert purchase.created_at == datetime(2026, 4, 1, 12, tzinfo=UTC)
    assert purchase.invoice_number == "INV-2026-000001"
    assert purchase.contract.account_manager_name == "Dana"
    assert purchase.administrator.permission_set.manage_account is True
    assert AuditEvent.get_by_id(1).action == "purchase"
    backup = Path(f"{tmp_path / 'old.db'}.before-0002_history_indexes")
    assert backup.exists()
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT transaction_id FROM seat_purchase").fetchall() == [
            ("MA-AAAA-BBBB",)
        ]


def test_upgrade_from_version_1_on_postgres(postgres_url):
    _make_version_1(postgres_url)
    open_ledger(postgres_url)
    assert SeatPurchase.get_by_id(1).amount == Decimal("687.50")
    assert SeatPurchase.get_by_id(1).purchased_by_name == "Zoë Ångström"


def test_database_from_a_newer_version_is_refused(any_db_url):
    db = open_ledger(any_db_url)
    db.execute_sql(
        "INSERT INTO schema_migration (name, applied) VALUES ('0099_future', '2030-01-01')"
    )
    close_ledger()
    with pytest.raises(DatabaseOpenError, match="newer version of Manage Account.*0099_future"):
        open_ledger(any_db_url)


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are not the tables you are looking for" * 100)
    with pytest.raises(DatabaseOpenError, match="not a Manage Account database"):
        open_ledger(f"sqlite:///{path}")


def test_a_locked_database_says_so(tmp_path):
    url = sqlite_url(tmp_path)
    open_ledger(url)
    close_ledger()
    holder = sqlite3.connect(tmp_path / "manage-account.db", isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseOpenError, match="locked by another program"):
            open_ledger(url + "?timeout=0.2")
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_write_that_meets_a_lock_is_tried_again_a_moment_later():
    import peewee

    from db.database import retry_when_locked

    answers = iter([peewee.OperationalError("database is locked"), "done"])

    def call():
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    assert retry_when_locked(call, pause=0) == "done"
    with pytest.raises(peewee.OperationalError, match="no such table"):
        retry_when_locked(lambda: (_ for _ in ()).throw(peewee.OperationalError("no such table")))


def test_a_read_snapshot_sees_one_moment_while_another_connection_writes(any_db):
    import threading

    from db.database import read_snapshot
    from desktop.models import database

    seed_demo(TODAY)
    counts = []

    def delete_every_purchase():
        with database.connection_context():
            SeatPurchase.delete().execute()

    with read_snapshot(database):
        counts.append(SeatPurchase.select().count())
        writer = threading.Thread(target=delete_every_purchase)
        writer.start()
        writer.join()
        counts.append(SeatPurchase.select().count())
    assert counts[0] > 0 and counts[1] == counts[0]
    assert SeatPurchase.select().count() == 0  # the write happened, and is seen afterwards


def _postgres_only(db) -> None:
    if "sqlite" in type(db).__name__.lower():
        pytest.skip("SQLite has one writer at a time: no two transactions to interleave")


def test_a_locked_key_waits_for_the_transaction_that_holds_it(any_db):
    """Two checks of one organization's key, each reading one table before writing another,
    take turns: the second goes on only once the first has committed. Another key, or the
    same key of another organization, does not wait."""
    import threading

    from db.database import lock_key, write_transaction
    from desktop.models import database

    holding, release = threading.Event(), threading.Event()
    went_on: dict[tuple[int, str], float] = {}

    def hold(scope: int, key: str) -> None:
        with database.connection_context(), write_transaction(database):
            lock_key(database, scope, key)
            holding.set()
            release.wait(10)

    def take(scope: int, key: str) -> None:
        with database.connection_context(), write_transaction(database):
            lock_key(database, scope, key)
            went_on[(scope, key)] = time.monotonic()

    _postgres_only(any_db)  # SQLite: one writer at a time, whose lock holds every key
    holder = threading.Thread(target=hold, args=(1, "MA-KEY"))
    holder.start()
    assert holding.wait(10)
    others = [threading.Thread(target=take, args=each) for each in ((2, "MA-KEY"), (1, "MA-2"))]
    same = threading.Thread(target=take, args=(1, "MA-KEY"))
    for thread in (*others, same):
        thread.start()
    for thread in others:
        thread.join(10)
    time.sleep(0.3)
    assert set(went_on) == {(2, "MA-KEY"), (1, "MA-2")}  # the same key still waits
    released_at = time.monotonic()
    release.set()
    holder.join()
    same.join(10)
    assert went_on[(1, "MA-KEY")] >= released_at


def test_a_locked_row_still_lets_another_transaction_refer_to_it(any_db):
    """An organization's row locked to number its quotes does not hold up an insert that
    refers to the organization (its foreign key check) in another transaction: with FOR UPDATE
    it would wait, and a quote and an invoice waited on each other's locks in turn."""
    import threading

    from db.database import locked, write_transaction
    from desktop.models import Organization, database

    _postgres_only(any_db)
    organization = Organization.create(name="Northwind", currency="USD", timezone="UTC")
    holding, release = threading.Event(), threading.Event()

    def number_under_the_lock() -> None:
        with database.connection_context(), write_transaction(database):
            locked(Organization.select().where(Organization.id == organization.id)).get()
            holding.set()
            release.wait(10)

    holder = threading.Thread(target=number_under_the_lock)
    holder.start()
    try:
        assert holding.wait(10)
        started = time.monotonic()
        with write_transaction(database):
            database.execute_sql("SET LOCAL lock_timeout = '2s'")  # waiting would fail here
            Contract.create(
                organization=organization,
                start_date=TODAY,
                end_date=TODAY + timedelta(days=364),
                licensed_seats=5,
                monthly_price_per_seat=Decimal("10.00"),
                currency="USD",
                account_manager_name="Dana",
                account_manager_email="dana@example.com",
                account_manager_phone="",
            )
        assert time.monotonic() - started < 1
    finally:
        release.set()
        holder.join()


def test_a_deadlock_is_a_race_lost_which_the_service_answers_as_busy(any_db):
    """PostgreSQL ends one of two transactions that wait on each other: that error says to try
    again (503 busy, sign-in tried again), as SQLite's locked does."""
    import threading

    import peewee

    from db.database import locked, lost_a_race, write_transaction
    from desktop.models import Organization, database

    _postgres_only(any_db)
    first, second = (
        Organization.create(name=name, currency="USD", timezone="UTC")
        for name in ("Northwind", "Contoso")
    )
    both_hold = threading.Barrier(2)
    errors: list[Exception] = []

    def lock_in_turn(one: Organization, other: Organization) -> None:
        try:
            with database.connection_context(), write_transaction(database):
                locked(Organization.select().where(Organization.id == one.id)).get()
                both_hold.wait(10)
                locked(Organization.select().where(Organization.id == other.id)).get()
        except peewee.OperationalError as error:
            errors.append(error)

    threads = [
        threading.Thread(target=lock_in_turn, args=pair)
        for pair in ((first, second), (second, first))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(errors) == 1  # the victim; the other went on
    assert getattr(errors[0], "orig").pgcode == "40P01"  # deadlock_detected  # noqa: B009
    assert lost_a_race(errors[0])
    assert not lost_a_race(peewee.OperationalError("no such table: contract"))
