"""The seats each contract's purchases add, per quarter hour, kept by the database with every write.

Triggers on seat_purchase keep `seat_slot` in step in the writing transaction, whichever code
writes (a purchase, a sync step, the demo, a repair by hand): a live purchase (provisioned)
counts in the quarter hour it went live, one not yet live (queued, pending) in the one it was
bought in, one awaiting approval or rejected nowhere. A slot keeps its seats, purchases,
amount and first purchase.
Slots are in UTC, so a change of the organization's time zone changes nothing stored: every
zone's offset is a whole number of quarter hours, so a slot lies in one local day, and the
overview sums a contract's slots into days in a few indexed queries, however many purchases.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import peewee

from billing.statuses import Status
from desktop.models import database

SLOT_SECONDS = 900
SLOTS_A_DAY = 86400 // SLOT_SECONDS
TABLE = "seat_slot"
DAY_TABLE = "seat_day"  # the slots summed per UTC day, kept by the same triggers
# A live purchase's moment, indexed for finding a slot's first purchase again when it leaves.
LIVE_INDEX = "seat_purchase_live_at"

# The statuses, spelled as stored: live, bought but not live yet (awaiting approval and
# rejected count nowhere).
_PROVISIONED = f"'{Status.PROVISIONED}'"
_NOT_LIVE = f"'{Status.QUEUED}', '{Status.PENDING}'"
_LIVE = (
    f"CASE WHEN {{r}}.provisioning_status = {_PROVISIONED} THEN 1 "
    f"WHEN {{r}}.provisioning_status IN ({_NOT_LIVE}) THEN 0 END"
)
_AT = "COALESCE({r}.provisioned_at, {r}.created_at)"  # a live purchase's moment
_MOMENT = f"CASE {{r}}.provisioning_status WHEN {_PROVISIONED} THEN {_AT} ELSE {{r}}.created_at END"
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
        f"WHERE provisioning_status = {_PROVISIONED}"
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
    db.execute_sql(f"DELETE FROM {DAY_TABLE}")
    db.execute_sql(
        f"INSERT INTO {DAY_TABLE} (organization_id, contract_id, live, day, seats, purchases, "
        f"amount_minor) SELECT min(organization_id), contract_id, live, slot / {SLOTS_A_DAY}, "
        f"sum(seats), sum(purchases), sum(amount_minor) FROM {TABLE} "
        f"GROUP BY contract_id, live, slot / {SLOTS_A_DAY}"
    )


def _add(r: str, slot_of: str) -> str:
    """The statements that count row `r` (new) in its day and its slot."""
    live, moment = _LIVE.format(r=r), _MOMENT.format(r=r)
    t = TABLE  # the row already there
    earlier = f"(excluded.first_at, excluded.first_id) < ({t}.first_at, {t}.first_id)"
    day = f"{slot_of.format(moment=moment)} / {SLOTS_A_DAY}"
    return (
        f"INSERT INTO {DAY_TABLE} (organization_id, contract_id, live, day, seats, purchases, "
        f"amount_minor) SELECT {r}.organization_id, {r}.contract_id, {live}, {day}, {r}.seats, "
        f"1, {r}.amount_minor WHERE ({live}) IS NOT NULL "
        "ON CONFLICT (contract_id, live, day) DO UPDATE SET "
        f"seats = {DAY_TABLE}.seats + excluded.seats, "
        f"purchases = {DAY_TABLE}.purchases + 1, "
        f"amount_minor = {DAY_TABLE}.amount_minor + excluded.amount_minor; "
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
    """The statements that take row `r` (old) out of its day and its slot: the counts, each
    once empty, and the slot's first purchase found again if it was that one."""
    live, moment = _LIVE.format(r=r), _MOMENT.format(r=r)
    slot = slot_of.format(moment=moment)
    which = f"contract_id = {r}.contract_id AND live = ({live}) AND slot = {slot}"
    start, end = start_of.format(slot=slot), start_of.format(slot=f"({slot} + 1)")
    live_at = _AT.format(r="p")
    first = {
        1: f"SELECT {live_at}, p.id FROM seat_purchase p WHERE p.contract_id = {r}.contract_id "
        f"AND p.provisioning_status = {_PROVISIONED} AND {live_at} >= {start} "
        f"AND {live_at} < {end} ORDER BY {live_at}, p.id LIMIT 1",
        0: f"SELECT p.created_at, p.id FROM seat_purchase p WHERE p.contract_id = "
        f"{r}.contract_id AND p.created_at >= {start} AND p.created_at < {end} "
        f"AND p.provisioning_status IN ({_NOT_LIVE}) ORDER BY p.created_at, p.id LIMIT 1",
    }
    in_day = f"contract_id = {r}.contract_id AND live = ({live}) AND day = {slot} / {SLOTS_A_DAY}"
    return [
        *(
            f"UPDATE {table} SET seats = seats - {r}.seats, purchases = purchases - 1, "
            f"amount_minor = amount_minor - {r}.amount_minor WHERE {where}"
            for table, where in ((DAY_TABLE, in_day), (TABLE, which))
        ),
        f"DELETE FROM {DAY_TABLE} WHERE {in_day} AND purchases = 0",
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
    """The contract's live purchases (else those not live yet) per day in `zone`, in order.

    A zone's day is a UTC day (kept in `seat_day`) with the slots at one of its edges (at most
    half a day's) moved to the day before or after; a UTC day on which the offset changes is
    read from its slots. So a few indexed queries per stretch of the contract at one offset (two
    a year with daylight saving time), whatever the number of purchases."""
    p = database.obj.param
    key = (contract_id, int(live))
    ends = f"(SELECT {{}}(slot) FROM {TABLE} WHERE contract_id = {p} AND live = {p})"
    bounds = database.execute_sql(
        f"SELECT {ends.format('min')}, {ends.format('max')}", (*key, *key)
    ).fetchone()  # two lookups: a query with both aggregates would read every slot
    if bounds[0] is None:
        return []
    totals: dict[int, list[int]] = {}  # day number: [seats, purchases]
    lowest: dict[int, int] = {}  # day number: the first slot it may have (in its first stretch)
    for start, end, offset in _stretches(zone, int(bounds[0]), int(bounds[1])):
        shift = offset // SLOT_SECONDS  # the day of slot s in this stretch: (s + shift) // a day
        for number, (seats, purchases) in sorted(_stretch_days(key, start, end, shift).items()):
            if purchases:
                total = totals.setdefault(number, [0, 0])
                total[0] += seats
                total[1] += purchases
                lowest.setdefault(number, max(start, number * SLOTS_A_DAY - shift))
    first = _firsts(key, lowest)
    return [
        Day(_EPOCH + timedelta(days=number), seats, purchases, first.get(number) or "")
        for number, (seats, purchases) in sorted(totals.items())
    ]


def _stretch_days(key: tuple[int, int], start: int, end: int, shift: int) -> dict[int, list]:
    """Day number: [seats, purchases] of slots `start`..`end` (exclusive), `shift` slots ahead
    of UTC."""
    p, a_day = database.obj.param, SLOTS_A_DAY
    found: dict[int, list] = defaultdict(lambda: [0, 0])

    def count(rows: Iterable[tuple], sign: int = 1) -> None:
        for number, seats, purchases in rows:
            found[int(number)][0] += sign * int(seats)
            found[int(number)][1] += sign * int(purchases)

    def slots(low: int, high: int) -> None:  # read from the slots themselves
        if low < high:
            count(database.execute_sql(
                f"SELECT (slot + {p}) / {a_day}, sum(seats), sum(purchases) FROM {TABLE} "
                f"WHERE contract_id = {p} AND live = {p} AND slot >= {p} AND slot < {p} "
                "GROUP BY 1",
                (shift, *key, low, high),
            ))  # fmt: skip

    whole, after = -(-start // a_day), end // a_day  # the UTC days wholly in the stretch
    if whole >= after:
        slots(start, end)
        return found
    ahead = round(shift / a_day)  # whole days: 0, or 1 for zones 12 hours or more from UTC
    edge = shift - ahead * a_day  # -48..48: the slots at that edge of a UTC day move a day
    count(database.execute_sql(
        f"SELECT day + {p}, seats, purchases FROM {DAY_TABLE} "
        f"WHERE contract_id = {p} AND live = {p} AND day >= {p} AND day < {p}",
        (ahead, *key, whole, after),
    ))  # fmt: skip
    if edge:
        low, high = (a_day - edge, a_day) if edge > 0 else (0, -edge)
        moved = database.execute_sql(
            f"SELECT d.day + {p}, sum(s.seats), sum(s.purchases) FROM {DAY_TABLE} d "
            f"JOIN {TABLE} s ON s.contract_id = d.contract_id AND s.live = d.live "
            f"AND s.slot >= d.day * {a_day} + {p} AND s.slot < d.day * {a_day} + {p} "
            f"WHERE d.contract_id = {p} AND d.live = {p} AND d.day >= {p} AND d.day < {p} "
            "GROUP BY d.day",
            (ahead, low, high, *key, whole, after),
        )
        for number, seats, purchases in moved:
            count([(number, seats, purchases)], -1)
            count([(number + (1 if edge > 0 else -1), seats, purchases)])
    slots(start, whole * a_day)
    slots(after * a_day, end)
    return found


def _firsts(key: tuple[int, int], lowest: dict[int, int]) -> dict[int, str]:
    """Day number: the transaction ID of the first purchase in the first slot from `lowest`."""
    if not lowest:
        return {}
    p = database.obj.param
    values = ", ".join(f"({int(n)}, {int(low)})" for n, low in lowest.items())
    rows = database.execute_sql(
        f"WITH d (number, low) AS (VALUES {values}) SELECT d.number, p.transaction_id FROM d "
        f"JOIN {TABLE} s ON s.contract_id = {p} AND s.live = {p} AND s.slot = ("
        f"SELECT min(slot) FROM {TABLE} WHERE contract_id = {p} AND live = {p} "
        "AND slot >= d.low) LEFT JOIN seat_purchase p ON p.id = s.first_id",
        (*key, *key),
    )
    return {int(number): transaction_id for number, transaction_id in rows}


def bought_minor(contract_id: int) -> int:
    """The amount of the contract's purchases bought (queued, pending or live: not awaiting
    approval, not rejected), in minor units."""
    return _total("amount_minor", contract_id, (0, 1))


def pending_seats(contract_id: int) -> int:
    """Seats bought on the contract and not live yet."""
    return _total("seats", contract_id, (0,))


def _total(column: str, contract_id: int, live: tuple[int, ...]) -> int:
    p = database.obj.param
    total = database.execute_sql(
        f"SELECT COALESCE(sum({column}), 0) FROM {DAY_TABLE} WHERE contract_id = {p} "
        f"AND live IN ({', '.join(p for _ in live)})",
        (contract_id, *live),
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
        following = min(probe + SLOTS_A_DAY, last)
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
