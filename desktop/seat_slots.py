"""The seats each contract's purchases add, per quarter hour, kept by the database with every write.

Triggers on seat_purchase keep `seat_slot` in step in the writing transaction, whichever code
writes (a purchase, a sync step, the demo, a repair by hand): a live purchase (provisioned)
counts in the quarter hour it went live, one not yet live (queued, pending) in the one it was
bought in, a rejected one nowhere. A slot keeps its seats, purchases, amount and first purchase.
Slots are in UTC, so a change of the organization's time zone changes nothing stored: every
zone's offset is a whole number of quarter hours, so a slot lies in one local day, and the
overview sums a contract's slots into days in a few indexed queries, however many purchases.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import peewee

from desktop.models import database

SLOT_SECONDS = 900
TABLE = "seat_slot"
# A live purchase's moment, indexed for finding a slot's first purchase again when it leaves.
LIVE_INDEX = "seat_purchase_live_at"

_LIVE = "CASE {r}.provisioning_status WHEN 'provisioned' THEN 1 WHEN 'queued' THEN 0 WHEN 'pending' THEN 0 END"  # noqa: E501
_AT = "COALESCE({r}.provisioned_at, {r}.created_at)"  # a live purchase's moment
_MOMENT = f"CASE {{r}}.provisioning_status WHEN 'provisioned' THEN {_AT} ELSE {{r}}.created_at END"
# Which purchases count in a slot, how to find its first one, and its bounds, per dialect.
_SQLITE_SLOT = "(CAST(strftime('%s', {moment}) AS INTEGER) / 900)"
_SQLITE_START = "datetime({slot} * 900, 'unixepoch')"
_POSTGRES_SLOT = "CAST(floor(extract(epoch FROM {moment}) / 900) AS BIGINT)"
_POSTGRES_START = "(to_timestamp({slot} * 900) AT TIME ZONE 'UTC')"
_UPDATED = ("provisioning_status", "provisioned_at", "created_at", "contract_id", "seats",
            "amount_minor", "organization_id")  # fmt: skip


def create(db: peewee.Database) -> None:
    """Make the triggers (and the index they use) that keep `seat_slot`, and fill it from the
    purchases there are; the table itself is made by the migration that brings it."""
    postgres = not isinstance(db, peewee.SqliteDatabase)
    live_at = _AT.replace("{r}.", "")
    db.execute_sql(
        f"CREATE INDEX IF NOT EXISTS {LIVE_INDEX} ON seat_purchase (contract_id, ({live_at}), id) "
        "WHERE provisioning_status = 'provisioned'"
    )
    for statement in _postgres_triggers() if postgres else _sqlite_triggers():
        db.execute_sql(statement)
    recount(db)


def recount(db: peewee.Database) -> None:
    """Count every slot again from the purchases (for a database whose rows came without the
    triggers, such as one written before them)."""
    postgres = not isinstance(db, peewee.SqliteDatabase)
    slot_of = _POSTGRES_SLOT if postgres else _SQLITE_SLOT
    moment, live = _MOMENT.format(r="p"), _LIVE.format(r="p")
    slot = slot_of.format(moment=moment)
    db.execute_sql(f"DELETE FROM {TABLE}")
    db.execute_sql(
        f"INSERT INTO {TABLE} (organization_id, contract_id, live, slot, seats, purchases, "
        "amount_minor, first_at, first_id) "
        "SELECT min(organization_id), contract_id, live, slot, sum(seats), count(*), "
        "sum(amount_minor), min(moment), min(first_id) FROM ("
        f"SELECT p.organization_id, p.contract_id, {live} AS live, {slot} AS slot, p.seats, "
        f"p.amount_minor, {moment} AS moment, first_value(p.id) OVER (PARTITION BY "
        f"p.contract_id, {live}, {slot} ORDER BY {moment}, p.id) AS first_id "
        f"FROM seat_purchase p WHERE {live} IS NOT NULL) AS counted "
        "GROUP BY contract_id, live, slot"
    )


def _add(r: str, slot_of: str) -> str:
    """The statement that counts row `r` (new) in its slot."""
    live, moment = _LIVE.format(r=r), _MOMENT.format(r=r)
    t = TABLE  # the row already there
    earlier = f"(excluded.first_at, excluded.first_id) < ({t}.first_at, {t}.first_id)"
    return (
        f"INSERT INTO {TABLE} (organization_id, contract_id, live, slot, seats, purchases, "
        "amount_minor, first_at, first_id) "
        f"SELECT {r}.organization_id, {r}.contract_id, {live}, "
        f"{slot_of.format(moment=moment)}, {r}.seats, 1, {r}.amount_minor, {moment}, {r}.id "
        f"WHERE ({live}) IS NOT NULL "
        "ON CONFLICT (contract_id, live, slot) DO UPDATE SET "
        f"seats = {t}.seats + excluded.seats, purchases = {t}.purchases + 1, "
        f"amount_minor = {t}.amount_minor + excluded.amount_minor, "
        f"first_at = CASE WHEN {earlier} THEN excluded.first_at ELSE {t}.first_at END, "
        f"first_id = CASE WHEN {earlier} THEN excluded.first_id ELSE {t}.first_id END"
    )


def _remove(r: str, slot_of: str, start_of: str) -> list[str]:
    """The statements that take row `r` (old) out of its slot: the counts, the slot once
    empty, and its first purchase found again if it was that one."""
    live, moment = _LIVE.format(r=r), _MOMENT.format(r=r)
    slot = slot_of.format(moment=moment)
    which = f"contract_id = {r}.contract_id AND live = ({live}) AND slot = {slot}"
    start, end = start_of.format(slot=slot), start_of.format(slot=f"({slot} + 1)")
    live_at = _AT.format(r="p")
    first = {
        1: f"SELECT {live_at}, p.id FROM seat_purchase p WHERE p.contract_id = {r}.contract_id "
        f"AND p.provisioning_status = 'provisioned' AND {live_at} >= {start} "
        f"AND {live_at} < {end} ORDER BY {live_at}, p.id LIMIT 1",
        0: f"SELECT p.created_at, p.id FROM seat_purchase p WHERE p.contract_id = "
        f"{r}.contract_id AND p.created_at >= {start} AND p.created_at < {end} "
        "AND p.provisioning_status IN ('queued', 'pending') ORDER BY p.created_at, p.id LIMIT 1",
    }
    return [
        f"UPDATE {TABLE} SET seats = seats - {r}.seats, purchases = purchases - 1, "
        f"amount_minor = amount_minor - {r}.amount_minor WHERE {which}",
        f"DELETE FROM {TABLE} WHERE {which} AND purchases = 0",
        *(
            f"UPDATE {TABLE} SET (first_at, first_id) = ({query}) "
            f"WHERE {which} AND live = {kind} AND first_id = {r}.id"
            for kind, query in first.items()
        ),
    ]


def _sqlite_triggers() -> list[str]:
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in _UPDATED)
    add, remove = _add("new", _SQLITE_SLOT), _remove("old", _SQLITE_SLOT, _SQLITE_START)
    body = {
        "insert": "AFTER INSERT ON seat_purchase BEGIN " + add + "; END",
        "delete": "AFTER DELETE ON seat_purchase BEGIN " + "; ".join(remove) + "; END",
        "update": f"AFTER UPDATE OF {', '.join(_UPDATED)} ON seat_purchase WHEN {changed} "
        "BEGIN " + "; ".join([*remove, add]) + "; END",
    }
    return [
        statement
        for event, text in body.items()
        for statement in (
            f"DROP TRIGGER IF EXISTS {TABLE}_{event}",
            f"CREATE TRIGGER {TABLE}_{event} {text}",
        )
    ]


def _postgres_triggers() -> list[str]:
    old = "IF TG_OP <> 'INSERT' THEN " + "; ".join(_remove("OLD", _POSTGRES_SLOT, _POSTGRES_START))
    new = "IF TG_OP <> 'DELETE' THEN " + _add("NEW", _POSTGRES_SLOT)
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in _UPDATED)
    return [
        f"CREATE OR REPLACE FUNCTION {TABLE}_count() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {old}; END IF; {new}; END IF; RETURN NULL; END $$",
        f"DROP TRIGGER IF EXISTS {TABLE}_write ON seat_purchase",
        f"DROP TRIGGER IF EXISTS {TABLE}_update ON seat_purchase",
        f"CREATE TRIGGER {TABLE}_write AFTER INSERT OR DELETE ON seat_purchase "
        f"FOR EACH ROW EXECUTE FUNCTION {TABLE}_count()",
        f"CREATE TRIGGER {TABLE}_update AFTER UPDATE OF {', '.join(_UPDATED)} ON seat_purchase "
        f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION {TABLE}_count()",
    ]


@dataclass(frozen=True)
class Day:
    """A contract's purchases of one day in the organization's time zone, as slots sum them."""

    day: date
    added: int  # seats
    purchases: int
    first: str  # the transaction ID of the day's first purchase


def days(contract_id: int, live: bool, zone: ZoneInfo) -> list[Day]:
    """The contract's live purchases (else those not live yet) per day in `zone`, in order:
    one indexed query per stretch of the contract at one UTC offset (two a year with daylight
    saving time), whatever the number of purchases."""
    p = database.obj.param
    bounds = database.execute_sql(
        f"SELECT min(slot), max(slot) FROM {TABLE} WHERE contract_id = {p} AND live = {p}",
        (contract_id, int(live)),
    ).fetchone()
    if bounds[0] is None:
        return []
    query = (
        "WITH days AS (SELECT (slot * 900 + {p}) / 86400 AS number, sum(seats) AS added, "
        f"sum(purchases) AS purchases, min(slot) AS first_slot FROM {TABLE} "
        "WHERE contract_id = {p} AND live = {p} AND slot >= {p} AND slot < {p} GROUP BY 1) "
        "SELECT d.number, d.added, d.purchases, p.transaction_id FROM days d "
        f"JOIN {TABLE} s ON s.contract_id = {{p}} AND s.live = {{p}} AND s.slot = d.first_slot "
        "LEFT JOIN seat_purchase p ON p.id = s.first_id ORDER BY d.number"
    ).format(p=p)
    found: dict[date, list] = {}  # day: [added, purchases, first]; a piece's days in order
    for start, end, offset in _stretches(zone, int(bounds[0]), int(bounds[1])):
        rows = database.execute_sql(
            query, (offset, contract_id, int(live), start, end, contract_id, int(live))
        )
        for number, added, purchases, first in rows:
            day = _EPOCH + timedelta(days=int(number))
            if day in found:  # the day the clocks changed: its first is in the earlier stretch
                found[day][0] += int(added)
                found[day][1] += int(purchases)
            else:
                found[day] = [int(added), int(purchases), first or ""]
    return [Day(day, *values) for day, values in found.items()]


def bought_minor(contract_id: int) -> int:
    """The amount of the contract's purchases that were not rejected, in minor units."""
    p = database.obj.param
    total = database.execute_sql(
        f"SELECT COALESCE(sum(amount_minor), 0) FROM {TABLE} WHERE contract_id = {p}",
        (contract_id,),
    ).fetchone()[0]
    return int(total)


_EPOCH = date(1970, 1, 1)


def _stretches(zone: ZoneInfo, first: int, last: int) -> list[tuple[int, int, int]]:
    """(from slot, to slot exclusive, UTC offset in seconds) covering slots `first`..`last`,
    one for each stretch of time at one offset in `zone` (found a day at a time)."""

    def offset(slot: int) -> int:
        moment = datetime.fromtimestamp(slot * SLOT_SECONDS, zone)
        return int(moment.utcoffset().total_seconds())  # pyright: ignore[reportOptionalMemberAccess]

    stretches, start, current, probe = [], first, offset(first), first
    while probe < last:
        following = min(probe + _SLOTS_A_DAY, last)
        if offset(following) != current:
            low, high = probe, following  # the offset changes after low, at or before high
            while high - low > 1:
                middle = (low + high) // 2
                low, high = (middle, high) if offset(middle) == current else (low, middle)
            stretches.append((start, high, current))
            start, current = high, offset(high)
        probe = following
    stretches.append((start, last + 1, current))
    return stretches


_SLOTS_A_DAY = 86400 // SLOT_SECONDS
