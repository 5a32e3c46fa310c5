"""The demo organizations as plain data that desktop and service seed from: Northwind Traders
(the desktop's own demo) and Contoso Pharmaceuticals (a second tenant of the service)."""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from billing.proration import PRORATE_BY_DAY, PRORATE_BY_MONTH, Quote, quote
from billing.transaction_ids import new_transaction_id

ORGANIZATION = "Northwind Traders"
CURRENCY = "USD"
TIMEZONE = "America/New_York"
PASSWORD = "northwind-demo"  # every Northwind demo administrator's, on the demo service only
PAST_PURCHASES = 60
ADMINISTRATORS = (
    # (name, e-mail, permission set, manage account, manage permission sets)
    ("Alex Morgan", "admin@example.com", "Administrators", True, True),
    ("Priya Raman", "billing@example.com", "Billing", True, False),
    ("Sam Lee", "viewer@example.com", "Viewers", False, False),
)
BUYERS = ("admin@example.com", "billing@example.com")
CONTOSO_ZONE = "Europe/Berlin"
ACCOUNT_MANAGER = {
    "account_manager_name": "Dana Whitfield",
    "account_manager_email": "dana.whitfield@example.com",
    "account_manager_phone": "+1 555 0142 310",
}


@dataclass(frozen=True)
class DemoContract:
    start_date: date
    end_date: date
    licensed_seats: int
    monthly_price_per_seat: Decimal
    currency: str = CURRENCY
    proration_unit: str = PRORATE_BY_MONTH
    account_manager_name: str = ACCOUNT_MANAGER["account_manager_name"]
    account_manager_email: str = ACCOUNT_MANAGER["account_manager_email"]
    account_manager_phone: str = ACCOUNT_MANAGER["account_manager_phone"]


@dataclass(frozen=True)
class DemoPurchase:
    transaction_id: str
    created_at: datetime
    buyer_email: str
    contract: int  # index into the organization's contracts
    priced: Quote
    provisioned_at: datetime
    invoice_number: str


@dataclass(frozen=True)
class DemoOrganization:
    name: str
    currency: str
    timezone: str
    password: str  # every one of its demo administrators'
    administrators: tuple[tuple[str, str, str, bool, bool], ...]
    contracts: Callable[[date], list[DemoContract]]
    purchases: Callable[[date], list[DemoPurchase]]


def demo_contracts(today: date) -> list[DemoContract]:
    """Last year's contract and the current one, which began three months ago."""
    current = date(today.year, today.month, 1) - relativedelta(months=3)
    previous = current - relativedelta(years=1)
    return [
        DemoContract(previous, current - timedelta(days=1), 40, Decimal("12.00")),
        DemoContract(
            current, current + relativedelta(years=1) - timedelta(days=1), 50, Decimal("12.50")
        ),
    ]


def demo_purchases(today: date, seed: int = 2026) -> list[DemoPurchase]:
    """Provisioned purchases on both contracts, in business hours, invoiced gap-free in order."""
    return _purchases(demo_contracts(today), today, BUYERS, TIMEZONE, PAST_PURCHASES, seed)


def contoso_contracts(today: date) -> list[DemoContract]:
    """One contract, prorated by day: 20 seats at 9.90 EUR, begun two months ago."""
    start = date(today.year, today.month, 1) - relativedelta(months=2)
    return [
        DemoContract(
            start,
            start + relativedelta(years=1) - timedelta(days=1),
            20,
            Decimal("9.90"),
            currency="EUR",
            proration_unit=PRORATE_BY_DAY,
            account_manager_name="Lena Vogel",
            account_manager_email="lena.vogel@example.com",
            account_manager_phone="+49 30 5550 1420",
        )
    ]


def contoso_purchases(today: date) -> list[DemoPurchase]:
    return _purchases(contoso_contracts(today), today, ("admin@contoso.example",), CONTOSO_ZONE, 4)


NORTHWIND = DemoOrganization(
    ORGANIZATION, CURRENCY, TIMEZONE, PASSWORD, ADMINISTRATORS, demo_contracts, demo_purchases
)
CONTOSO = DemoOrganization(
    "Contoso Pharmaceuticals",
    "EUR",
    CONTOSO_ZONE,
    "contoso-demo",
    (("Jonas Becker", "admin@contoso.example", "Administratoren", True, True),),
    contoso_contracts,
    contoso_purchases,
)
ORGANIZATIONS = (NORTHWIND, CONTOSO)


def _purchases(
    contracts: list[DemoContract],
    today: date,
    buyers: tuple[str, ...],
    timezone: str,
    count: int,
    seed: int = 2026,
) -> list[DemoPurchase]:
    rng = random.Random(seed)
    zone = ZoneInfo(timezone)
    span = (today - contracts[0].start_date).days
    moments = sorted(
        datetime.combine(
            contracts[0].start_date + timedelta(days=rng.randrange(span)),
            time(rng.randrange(8, 18), rng.randrange(60)),
            zone,
        )
        for _ in range(count)
    )
    plan = []
    for number, local in enumerate(moments, start=1):
        index = max(i for i, c in enumerate(contracts) if c.start_date <= local.date())
        created_at = local.astimezone(UTC)
        provisioned_at = created_at + timedelta(seconds=rng.randrange(20, 180))
        plan.append(
            DemoPurchase(
                transaction_id=new_transaction_id(rng),
                created_at=created_at,
                buyer_email=rng.choice(buyers),
                contract=index,
                priced=quote(contracts[index], rng.choice((1, 1, 2, 3, 5, 10)), local.date()),
                provisioned_at=provisioned_at,
                invoice_number=f"INV-{provisioned_at.year}-{number:06d}",
            )
        )
    return plan
