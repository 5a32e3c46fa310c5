"""The organization's current contract as the window shows it: seats, price, manager, dates."""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from desktop.models import Administrator, Contract, Organization
from desktop.seat_slots import pending_seats


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


def organization(administrator_email: str | None = None) -> Organization | None:
    """The organization to show: that of the administrator with this e-mail who signed in last
    (any administrator's when no e-mail is given); None when this computer keeps none."""
    query = Organization.select().order_by(
        Organization.last_used_at.desc(nulls="LAST"), Organization.id
    )
    if administrator_email:
        query = query.join(Administrator).where(
            Administrator.email == administrator_email.strip().lower()
        )
    return query.first()


def has_contract(org: Organization) -> bool:
    """Whether this computer keeps a contract of the organization."""
    return Contract.select().where(Contract.organization == org).exists()


def organization_today(org: Organization, now: datetime | None = None) -> date:
    """Today's date where the organization is: a purchase's date is the contract's date."""
    return today_in(org.timezone, now)


def today_in(timezone: str, now: datetime | None = None) -> date:
    """Today's date in `timezone` (an IANA name)."""
    return (now or datetime.now(UTC)).astimezone(ZoneInfo(timezone)).date()


def current_contract(org: Organization, now: datetime | None = None) -> ContractSummary | None:
    """The organization's contract in force today, or None when there is none (expired or not
    started)."""
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
        pending_seats=pending_seats(contract.id),
        monthly_price_per_seat=contract.monthly_price_per_seat,
        currency=contract.currency,
        proration_unit=contract.proration_unit,
        account_manager_name=contract.account_manager_name,
        account_manager_email=contract.account_manager_email,
        account_manager_phone=contract.account_manager_phone,
        earlier_contracts=earlier,
        today=today,
    )
