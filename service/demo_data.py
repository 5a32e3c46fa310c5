"""The demo organization, Northwind Traders, as plain data that desktop and service seed from."""

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from billing.proration import Quote, quote
from billing.transaction_ids import new_transaction_id

ORGANIZATION = "Northwind Traders"
CURRENCY = "USD"
TIMEZONE = "America/New_York"
PASSWORD = "northwind-demo"  # every demo administrator's, on the demo service only
PAST_PURCHASES = 60
ADMINISTRATORS = (
    # (name, e-mail, permission set, manage account, manage permission sets)
    ("Alex Morgan", "admin@example.com", "Administrators", True, True),
    ("Priya Raman", "billing@example.com", "Billing", True, False),
    ("Sam Lee", "viewer@example.com", "Viewers", False, False),
)
BUYERS = ("admin@example.com", "billing@example.com")
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
    proration_unit: str = "month"
    account_manager_name: str = ACCOUNT_MANAGER["account_manager_name"]
    account_manager_email: str = ACCOUNT_MANAGER["account_manager_email"]
    account_manager_phone: str = ACCOUNT_MANAGER["account_manager_phone"]


@dataclass(frozen=True)
class DemoPurchase:
    transaction_id: str
    created_at: datetime
    buyer_email: str
    contract: int  # index into demo_contracts()
    priced: Quote
    provisioned_at: datetime
    invoice_number: str


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
    rng = random.Random(seed)
    contracts = demo_contracts(today)
    zone = ZoneInfo(TIMEZONE)
    span = (today - contracts[0].start_date).days
    moments = sorted(
        datetime.combine(
            contracts[0].start_date + timedelta(days=rng.randrange(span)),
            time(rng.randrange(8, 18), rng.randrange(60)),
            zone,
        )
        for _ in range(PAST_PURCHASES)
    )
    plan = []
    for number, local in enumerate(moments, start=1):
        index = 1 if local.date() >= contracts[1].start_date else 0
        created_at = local.astimezone(UTC)
        provisioned_at = created_at + timedelta(seconds=rng.randrange(20, 180))
        plan.append(
            DemoPurchase(
                transaction_id=new_transaction_id(rng),
                created_at=created_at,
                buyer_email=rng.choice(BUYERS),
                contract=index,
                priced=quote(contracts[index], rng.choice((1, 1, 2, 3, 5, 10)), local.date()),
                provisioned_at=provisioned_at,
                invoice_number=f"INV-{provisioned_at.year}-{number:06d}",
            )
        )
    return plan
