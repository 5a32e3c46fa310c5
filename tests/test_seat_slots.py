"""The seat slots the database keeps with every write equal the timeline worked out from the
purchases themselves: after purchases, sync steps, refusals, a change of time zone, forgetting an
organization and the upgrade of an older ledger, for two organizations, on both databases."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from peewee import SqliteDatabase

from billing.proration import quote
from billing.statuses import Status
from db.database import HISTORY_TABLE
from desktop import seat_slots
from desktop.access import acting_administrator, forget_contract_data
from desktop.account import current_contract
from desktop.ledger import close_ledger, open_ledger
from desktop.mirror import apply_order
from desktop.models import Contract, Organization, SeatPurchase, SeatSlot, database
from desktop.overview import load_overview
from desktop.purchasing import purchase_seats
from desktop.service_client import ServiceClient
from desktop.sync import SyncEngine
from tests.test_organizations import CONTOSO, NORTHWIND, service  # noqa: F401 (a fixture)


def days_from_rows(contract: Contract, live: bool) -> list[tuple]:
    """(day, seats added, purchases, first transaction ID) per day in the organization's zone,
    straight from the purchases, in the order they went live (or were bought)."""
    zone = ZoneInfo(Organization.get_by_id(contract.organization_id).timezone)
    statuses = (Status.PROVISIONED,) if live else (Status.QUEUED, Status.PENDING)
    rows = SeatPurchase.select().where(
        (SeatPurchase.contract == contract) & SeatPurchase.provisioning_status.in_(statuses)
    )
    moment = (lambda p: p.provisioned_at or p.created_at) if live else (lambda p: p.created_at)
    days: dict = {}
    for purchase in sorted(rows, key=lambda p: (moment(p), p.id)):
        day = moment(purchase).astimezone(zone).date()
        known = days.setdefault(day, [day, 0, 0, purchase.transaction_id])
        known[1] += purchase.seats
        known[2] += 1
    return [tuple(values) for values in days.values()]


def assert_slots_match_the_purchases() -> int:
    """Every contract's days and amount, as the slots give them, are the purchases'; returns
    how many contracts were compared."""
    contracts = list(Contract.select())
    for contract in contracts:
        zone = ZoneInfo(Organization.get_by_id(contract.organization_id).timezone)
        for live in (True, False):
            slots = [
                (d.day, d.added, d.purchases, d.first)
                for d in seat_slots.days(contract.id, live, zone)
            ]
            assert slots == days_from_rows(contract, live), (contract.id, live)
        bought = SeatPurchase.select().where(
            (SeatPurchase.contract == contract)
            & SeatPurchase.provisioning_status.in_(
                (Status.QUEUED, Status.PENDING, Status.PROVISIONED)
            )
        )
        assert seat_slots.bought_minor(contract.id) == sum(p.amount_minor for p in bought)
    for slot in SeatSlot.select():  # each slot is its own organization's contract's
        assert slot.organization_id == slot.contract.organization_id
    a_day = seat_slots.SLOTS_A_DAY
    by_day = database.execute_sql(
        f"SELECT organization_id, contract_id, live, slot / {a_day}, sum(seats), "
        f"sum(purchases), sum(amount_minor) FROM {seat_slots.TABLE} GROUP BY 1, 2, 3, 4 "
        "ORDER BY 2, 3, 4"
    ).fetchall()
    days = database.execute_sql(
        "SELECT organization_id, contract_id, live, day, seats, purchases, amount_minor "
        f"FROM {seat_slots.DAY_TABLE} ORDER BY 2, 3, 4"
    ).fetchall()
    assert [tuple(map(int, d)) for d in days] == [tuple(map(int, d)) for d in by_day]
    return len(contracts)


def buy(organization: Organization, email: str, seats: int, now: datetime) -> SeatPurchase:
    summary = current_contract(organization, now)
    priced = quote(summary, seats, summary.today)
    return purchase_seats(acting_administrator(email), seats, priced.amount, True, now=now)


@pytest.fixture
def synced(any_db_url, service):  # noqa: F811
    """Both organizations synced from the service into one desktop ledger."""
    open_ledger(any_db_url)
    engines = {}
    for credentials in (NORTHWIND, CONTOSO):
        engine = SyncEngine(ServiceClient(service.url), credentials)
        assert engine.run_once().problem is None
        engines[credentials.email] = engine
    yield engines
    close_ledger()


def test_slots_follow_purchases_sync_and_refusals_of_two_organizations(synced):
    owners = {slot.organization_id for slot in SeatSlot.select()}  # the orders sync brought
    assert owners == {engine.organization.id for engine in synced.values()}
    assert assert_slots_match_the_purchases() == 3  # Northwind's two contracts, Contoso's one
    now = datetime.now(UTC) - timedelta(minutes=1)  # due to be sent at once
    bought = {}
    for credentials in (NORTHWIND, CONTOSO):
        engine = synced[credentials.email]
        bought[credentials.email] = [
            buy(engine.organization, credentials.email, seats, now + timedelta(seconds=seats))
            for seats in (1, 3)
        ]
    assert_slots_match_the_purchases()  # queued: counted as not live yet
    refused = bought[CONTOSO.email][0]  # the service refuses it when sent
    SeatPurchase.update(amount_minor=1).where(SeatPurchase.id == refused.id).execute()
    assert_slots_match_the_purchases()
    for engine in synced.values():
        engine.run_once()  # sent: live at once (the service provisions without delay)
    assert SeatPurchase.get_by_id(refused.id).provisioning_status == Status.REJECTED
    assert_slots_match_the_purchases()
    later = buy(synced[CONTOSO.email].organization, CONTOSO.email, 2, now)
    entry = {"transaction_id": later.transaction_id, "created_at": later.created_at.isoformat()}
    for status in (Status.PENDING, Status.REJECTED):  # accepted, then cancelled, as the feed says
        assert apply_order(synced[CONTOSO.email].organization, {**entry, "status": status})
        assert_slots_match_the_purchases()
    held = buy(synced[CONTOSO.email].organization, CONTOSO.email, 4, now)
    SeatPurchase.update(provisioning_status=Status.AWAITING_APPROVAL).where(
        SeatPurchase.id == held.id
    ).execute()
    assert_slots_match_the_purchases()  # awaiting approval: counted nowhere, bought nothing
    entry = {"transaction_id": held.transaction_id, "created_at": held.created_at.isoformat()}
    assert apply_order(synced[CONTOSO.email].organization, {**entry, "status": Status.PENDING})
    assert_slots_match_the_purchases()  # approved: bought, not live yet
    live = bought[NORTHWIND.email][1]
    apply_order(
        synced[NORTHWIND.email].organization,
        {
            "transaction_id": live.transaction_id,
            "status": Status.PROVISIONED,
            "created_at": live.created_at.isoformat(),
            "provisioned_at": (now + timedelta(days=1)).isoformat(),  # live the next day
        },
    )
    assert SeatPurchase.get_by_id(live.id).provisioning_status == Status.PROVISIONED
    assert_slots_match_the_purchases()
    overview = load_overview(synced[NORTHWIND.email].organization)
    assert overview.timeline.seats_now == overview.contract.licensed_seats


def test_a_new_time_zone_puts_the_same_slots_into_its_days(synced):
    contoso = synced[CONTOSO.email].organization
    for zone in ("Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham"):  # :45, :30, :45
        Organization.update(timezone=zone).where(Organization.id == contoso.id).execute()
        assert_slots_match_the_purchases()


def test_days_in_any_zone_across_years_and_clock_changes(synced):
    """Purchases at every hour of the day over two years and more, live and not, summed into
    the days of zones ahead of and behind UTC by up to 14 hours, at :30 and :45, with and
    without daylight saving time (Lord Howe's moves by 30 minutes)."""
    contoso = synced[CONTOSO.email].organization
    summary = current_contract(contoso)
    assert summary is not None
    contract = Contract.get_by_id(summary.contract_id)
    model = SeatPurchase.select().where(SeatPurchase.contract == contract).first()
    assert model is not None
    start = datetime(2025, 1, 1, tzinfo=UTC)
    for n in range(400):
        moment = start + n * timedelta(days=2, hours=3, minutes=15)
        row = {**model.__data__, "transaction_id": f"MA-ZONE-{n:04d}"}
        row.update(idempotency_key=row["transaction_id"], seats=n % 7 + 1, created_at=moment)
        row.update(provisioning_status=Status.PROVISIONED if n % 3 else Status.QUEUED)
        row.update(provisioned_at=moment + timedelta(minutes=n % 50) if n % 3 else None)
        del row["id"]
        SeatPurchase.create(**row)
    zones = (
        "UTC",
        "America/New_York",
        "Europe/Berlin",
        "Pacific/Kiritimati",
        "Pacific/Apia",
        "Asia/Kathmandu",
        "America/St_Johns",
        "Pacific/Chatham",
        "Australia/Lord_Howe",
    )
    for zone in zones:
        Organization.update(timezone=zone).where(Organization.id == contoso.id).execute()
        assert_slots_match_the_purchases()


def test_forgetting_an_organization_forgets_its_slots_only(synced):
    northwind = synced[NORTHWIND.email].organization
    forget_contract_data(northwind)
    assert not SeatSlot.select().where(SeatSlot.organization == northwind).exists()
    assert SeatSlot.select().exists()
    assert_slots_match_the_purchases()


def test_removing_a_days_first_purchase_finds_the_next(synced):
    """A purchase removed by hand (repairs happen): its slot's first is found again."""
    contract = Contract.get_by_id(
        current_contract(synced[NORTHWIND.email].organization).contract_id
    )
    first = (
        SeatPurchase.select()
        .where(SeatPurchase.contract == contract)
        .order_by(SeatPurchase.provisioned_at, SeatPurchase.id)
        .first()
    )
    twin = {**first.__data__, "transaction_id": "MA-TWIN-0001", "idempotency_key": "MA-TWIN-0001"}
    del twin["id"]
    SeatPurchase.create(**twin)  # the same moment: the id breaks the tie
    assert_slots_match_the_purchases()
    SeatPurchase.delete().where(SeatPurchase.id == first.id).execute()
    assert_slots_match_the_purchases()
    SeatPurchase.update(seats=SeatPurchase.seats + 2).where(
        SeatPurchase.transaction_id == "MA-TWIN-0001"
    ).execute()
    assert_slots_match_the_purchases()


def test_an_older_ledger_is_counted_when_upgraded(any_db_url, service):  # noqa: F811
    """Purchases written before version 14, with no triggers yet, are in the slots and days after
    the upgrade (the ledger is today's with version 14 taken back: its triggers and counts gone)."""
    open_ledger(any_db_url)
    for credentials in (NORTHWIND, CONTOSO):
        assert SyncEngine(ServiceClient(service.url), credentials).run_once().problem is None
    db = database.obj
    if isinstance(db, SqliteDatabase):
        for event in ("insert", "delete", "update"):
            db.execute_sql(f"DROP TRIGGER {seat_slots.TABLE}_{event}")
    else:
        for name in ("write", "update"):
            db.execute_sql(f"DROP TRIGGER {seat_slots.TABLE}_{name} ON seat_purchase")
    for table in (seat_slots.TABLE, seat_slots.DAY_TABLE):
        db.execute_sql(f"DELETE FROM {table}")
    db.execute_sql(f"DELETE FROM {HISTORY_TABLE} WHERE name = '0014_seat_slots'")
    pending = SeatPurchase.select().order_by(SeatPurchase.id.desc()).first()
    assert pending is not None
    SeatPurchase.update(provisioning_status=Status.PENDING).where(
        SeatPurchase.id == pending.id
    ).execute()
    purchases = SeatPurchase.select().count()
    close_ledger()
    open_ledger(any_db_url)  # runs version 14 again
    try:
        assert SeatPurchase.select().count() == purchases > 0
        assert SeatSlot.select().where(SeatSlot.live == 0).count() == 1
        assert assert_slots_match_the_purchases() == 3
    finally:
        close_ledger()
