"""The organization's current contract as the window shows it: seats, price, manager, dates."""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from peewee import fn

from billing.statuses import Status
from desktop.models import Contract, Organization, SeatPurchase

NOT_YET_LIVE = (Status.QUEUED, Status.PENDING)


@dataclass(frozen=True)
class ContractSummary:
    """A current contract; it also serves as the terms the proration engine prices with."""

    contract_id: int
    organization: str
    timezone: str
    start_date: date
    end_date: date
    licensed_seats: int
    pending_seats: int
    monthly_price_per_seat: Decimal
    currency: str
    proration_unit: str
    account_manager_name: str
    account_manager_email: str
    account_manager_phone: str
    earlier_contracts: int
    today: date

    @property
    def days_remaining(self) -> int:
        """Days left including today, as the contract's end date is inclusive."""
        return max(0, (self.end_date - self.today).days + 1)


def organization() -> Organization | None:
    return Organization.select().order_by(Organization.id).first()


def organization_today(org: Organization, now: datetime | None = None) -> date:
    """Today's date where the organization is: a purchase's date is the contract's date."""
    return today_in(org.timezone, now)


def today_in(timezone: str, now: datetime | None = None) -> date:
    """Today's date in `timezone` (an IANA name)."""
    return (now or datetime.now(UTC)).astimezone(ZoneInfo(timezone)).date()


def current_contract(now: datetime | None = None) -> ContractSummary | None:
    """The contract in force today, or None when there is none (expired or not started)."""
    org = organization()
    if org is None:
        return None
    today = organization_today(org, now)
    contract = (
        Contract.select()
        .where(
            (Contract.organization == org)
            & (Contract.start_date <= today)
            & (Contract.end_date >= today)
        )
        .order_by(Contract.start_date.desc())
        .first()
    )
    if contract is None:
        return None
    pending = (
        SeatPurchase.select(fn.COALESCE(fn.SUM(SeatPurchase.seats), 0))
        .where(
            (SeatPurchase.contract == contract) & SeatPurchase.provisioning_status.in_(NOT_YET_LIVE)
        )
        .scalar()
    )
    earlier = (
        Contract.select()
        .where((Contract.organization == org) & (Contract.start_date < contract.start_date))
        .count()
    )
    return ContractSummary(
        contract_id=contract.id,
        organization=org.name,
        timezone=org.timezone,
        start_date=contract.start_date,
        end_date=contract.end_date,
        licensed_seats=contract.licensed_seats,
        pending_seats=int(pending),
        monthly_price_per_seat=contract.monthly_price_per_seat,
        currency=contract.currency,
        proration_unit=contract.proration_unit,
        account_manager_name=contract.account_manager_name,
        account_manager_email=contract.account_manager_email,
        account_manager_phone=contract.account_manager_phone,
        earlier_contracts=earlier,
        today=today,
    )
