"""The demo organization, Northwind Traders: contracts, administrators and past purchases."""

import random
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from db.database import write_transaction
from db.models import Administrator, Contract, Organization, PermissionSet, SeatPurchase
from desktop.proration import quote
from desktop.purchasing import record_purchase

ORGANIZATION = "Northwind Traders"
TIMEZONE = "America/New_York"
PAST_PURCHASES = 60
ADMINISTRATORS = (
    # (name, e-mail, permission set, manage account, manage permission sets)
    ("Alex Morgan", "admin@example.com", "Administrators", True, True),
    ("Priya Raman", "billing@example.com", "Billing", True, False),
    ("Sam Lee", "viewer@example.com", "Viewers", False, False),
)
ACCOUNT_MANAGER = {
    "account_manager_name": "Dana Whitfield",
    "account_manager_email": "dana.whitfield@example.com",
    "account_manager_phone": "+1 555 0142 310",
}


def seed_demo(today: date | None = None, seed: int = 2026) -> bool:
    """Fill an empty database with the demo organization; leave any other alone."""
    if Organization.select().exists():
        return False
    today = today or date.today()
    rng = random.Random(seed)
    with write_transaction():
        organization = Organization.create(name=ORGANIZATION, currency="USD", timezone=TIMEZONE)
        current_start = date(today.year, today.month, 1) - relativedelta(months=3)
        previous = _contract(organization, current_start - relativedelta(years=1), 40, "12.00")
        current = _contract(organization, current_start, 50, "12.50")
        administrators = [_administrator(*row) for row in ADMINISTRATORS]
        buyers = administrators[:2]
        _past_purchases(rng, previous, current, buyers, today)
    return True


def _contract(organization: Organization, start: date, seats: int, price: str) -> Contract:
    return Contract.create(
        organization=organization,
        start_date=start,
        end_date=start + relativedelta(years=1) - timedelta(days=1),
        licensed_seats=seats,
        monthly_price_per_seat=Decimal(price),
        currency=organization.currency,
        **ACCOUNT_MANAGER,
    )


def _administrator(
    name: str, email: str, set_name: str, account: bool, sets: bool
) -> Administrator:
    permission_set = PermissionSet.create(
        name=set_name, manage_account=account, manage_permission_sets=sets
    )
    return Administrator.create(name=name, email=email, permission_set=permission_set)


def _past_purchases(
    rng: random.Random,
    previous: Contract,
    current: Contract,
    buyers: list[Administrator],
    today: date,
) -> None:
    """Provisioned purchases on both contracts, invoiced in order with gap-free numbers."""
    zone = ZoneInfo(TIMEZONE)
    span = (today - previous.start_date).days
    moments = sorted(
        datetime.combine(
            previous.start_date + timedelta(days=rng.randrange(span)),
            time(rng.randrange(8, 18), rng.randrange(60)),
            zone,
        )
        for _ in range(PAST_PURCHASES)
    )
    for number, local in enumerate(moments, start=1):
        day = local.date()
        contract = current if day >= current.start_date else previous
        created_at = local.astimezone(UTC)
        priced = quote(contract, rng.choice((1, 1, 2, 3, 5, 10)), day)
        purchase = record_purchase(
            rng.choice(buyers),
            contract,
            priced,
            acknowledged_at=created_at,
            now=created_at,
            rng=rng,
        )
        provisioned_at = created_at + timedelta(seconds=rng.randrange(20, 180))
        SeatPurchase.update(
            provisioning_status=SeatPurchase.PROVISIONED,
            submitted_at=created_at,
            provisioned_at=provisioned_at,
            invoice_number=f"INV-{provisioned_at.year}-{number:06d}",
        ).where(SeatPurchase.id == purchase.id).execute()
