"""Make an SQLite database with the demo organization and N purchases, fast (one bulk transaction).

python -m tests.benchmarks.make_big_db /tmp/history-1m.db 1000000
"""

import random
import sqlite3
import sys
import time
from datetime import UTC, date, datetime, timedelta
from functools import cache

from billing.money import amount_to_minor
from billing.orders import ACKNOWLEDGEMENT
from billing.proration import quote
from billing.transaction_ids import ALPHABET
from desktop.demo import seed_demo
from desktop.ledger import close_ledger, open_ledger
from desktop.models import Administrator, Contract, PermissionSet

FIRST_NAMES = ("Alex", "Priya", "Sam", "Zoë", "Łukasz", "Дмитрий", "Mia", "Noah", "Ava", "Liam")
LAST_NAMES = ("Morgan", "Raman", "Lee", "Ångström", "Żółć", "Иванов", "Chen", "Okafor")
ID_SPACE = len(ALPHABET) ** 8
ID_STRIDE = 1_000_000_007  # coprime with 32**8: i -> i * stride mod 32**8 never repeats
COLUMNS = (
    "organization_id, transaction_id, idempotency_key, created_at, administrator_id, "
    "purchased_by_name, purchased_by_email, contract_id, seats, monthly_unit_price, "
    "prorated_months, period_start, period_end, amount_minor, currency, "
    "acknowledgement_text, acknowledged_at, provisioning_status, submitted_at, "
    "provisioned_at, invoice_number"
)


def make_history_db(path: str, rows: int, seed: int = 1) -> float:
    """Create the database at `path` with `rows` purchases; returns the seconds it took."""
    started = time.perf_counter()
    open_ledger(f"sqlite:///{path}")
    seed_demo()  # as of the organization's today
    buyers = _buyers()
    contracts = list(Contract.select().order_by(Contract.start_date))
    close_ledger()

    rng = random.Random(seed)
    first = datetime.combine(contracts[0].start_date, datetime.min.time(), UTC)
    span = int((datetime.now(UTC) - first).total_seconds())
    moments = sorted(rng.randrange(span) for _ in range(rows))
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous=OFF")  # a throwaway benchmark file, not a ledger
    placeholders = ", ".join("?" * len(COLUMNS.split(",")))
    with connection:
        connection.executemany(
            f"INSERT INTO seat_purchase ({COLUMNS}) VALUES ({placeholders})",
            (
                _purchase(rng, number, first + timedelta(seconds=at), buyers, contracts)
                for number, at in enumerate(moments, start=1)
            ),
        )
    connection.close()
    return time.perf_counter() - started


def _buyers() -> list[tuple[int, str, str]]:
    billing = PermissionSet.get(PermissionSet.name == "Billing")
    buyers = []
    for first in FIRST_NAMES:
        for last in LAST_NAMES:
            email = f"{first}.{last}@example.com".lower()
            admin = Administrator.create(
                organization=billing.organization_id,
                name=f"{first} {last}",
                email=email,
                permission_set=billing,
            )
            buyers.append((admin.id, admin.name, admin.email))
    return buyers


def _transaction_id(number: int) -> str:
    value, chars = number * ID_STRIDE % ID_SPACE, []
    for _ in range(8):
        value, digit = divmod(value, len(ALPHABET))
        chars.append(ALPHABET[digit])
    return f"MA-{''.join(chars[:4])}-{''.join(chars[4:])}"


@cache
def _priced(contract: Contract, seats: int, day: date) -> tuple:
    priced = quote(contract, seats, day)
    return (
        contract.id,
        seats,
        int(priced.monthly_unit_price * 10_000),
        priced.prorated_months,
        priced.period_start.isoformat(),
        priced.period_end.isoformat(),
        amount_to_minor(priced.amount, priced.currency),
        priced.currency,
    )


def _purchase(
    rng: random.Random, number: int, created: datetime, buyers: list, contracts: list
) -> tuple:
    contract = contracts[-1] if created.date() >= contracts[-1].start_date else contracts[0]
    admin_id, name, email = buyers[rng.randrange(len(buyers))]
    draw = rng.random()
    status = (
        "provisioned"
        if draw < 0.96
        else "pending"
        if draw < 0.98
        else "queued"
        if draw < 0.99
        else "rejected"
    )
    stamp = created.replace(tzinfo=None).isoformat(" ")
    later = (created + timedelta(seconds=90)).replace(tzinfo=None).isoformat(" ")
    provisioned = status == "provisioned"
    transaction_id = _transaction_id(number)
    return (
        contract.organization_id,
        transaction_id,
        transaction_id,
        stamp,
        admin_id,
        name,
        email,
        *_priced(contract, rng.randint(1, 20), created.date()),
        ACKNOWLEDGEMENT,
        stamp,
        status,
        None if status == "queued" else stamp,
        later if provisioned else None,
        f"INV-{created.year}-{number:07d}" if provisioned else None,
    )


if __name__ == "__main__":
    target, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    print(f"{count:,} purchases in {make_history_db(target, count):.1f} s -> {target}")
