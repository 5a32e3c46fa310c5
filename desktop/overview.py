"""The account overview from local data: seat use, the contract's purchases, the seat timeline.

The timeline works back from the seats licensed now: a contract started with its seats now less
the seats its live purchases added, and each purchase is a step up on the day it went live.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from peewee import fn

from billing.kinds import OrderKind
from billing.money import amount_from_minor
from billing.statuses import Status, shown_status
from db.database import stream
from desktop.account import NOT_YET_LIVE, ContractSummary, current_contract
from desktop.billing_profile import billing_profile
from desktop.invoices import OverdueInvoices, overdue_invoices
from desktop.models import (
    Contract,
    LicenseUsage,
    Organization,
    RenewalRecord,
    SeatPurchase,
    utc_now,
)
from desktop.renewing import RenewalOffer, latest_renewal, renewal_offer


@dataclass(frozen=True)
class SeatUsage:
    """How the seats are assigned, as the service last said (`checked_at`)."""

    assigned: int
    assigned_disabled: int
    assigned_inactive: int
    inactive_days: int
    checked_at: datetime


@dataclass(frozen=True)
class SeatStep:
    """The purchases of one day: a chart shows no finer, and a contract with a million
    purchases is drawn from a few hundred steps."""

    day: date  # the day the seats went live, where the organization is (or were bought)
    seats: int  # seats licensed after this day's purchases
    added: int
    transaction_id: str  # the day's first purchase
    purchases: int = 1


@dataclass(frozen=True)
class TermLine:
    start_date: date
    end_date: date
    starting_seats: int
    steps: tuple[SeatStep, ...]  # live purchases, in the order they went live


@dataclass(frozen=True)
class SeatTimeline:
    terms: tuple[TermLine, ...]  # the previous contract (if any), then the current one
    today: date
    pending: tuple[SeatStep, ...]  # bought, not live yet: stacked on today's seats

    @property
    def seats_now(self) -> int:
        last = self.terms[-1]
        return last.steps[-1].seats if last.steps else last.starting_seats

    @property
    def highest(self) -> int:
        live = [t.starting_seats for t in self.terms] + [
            s.seats for t in self.terms for s in t.steps
        ]
        return max(live + [s.seats for s in self.pending])


@dataclass(frozen=True)
class Overview:
    contract: ContractSummary
    usage: SeatUsage | None  # None until the service has said
    bought_this_contract: Decimal  # every purchase on it that was not rejected
    timeline: SeatTimeline
    default_purchase_order: str | None = None  # the billing profile's, for Add Seats
    overdue: OverdueInvoices | None = None
    renewal: RenewalOffer | None = None  # while the renewal window is open
    renewed: RenewalRecord | None = None  # this contract's renewal recorded here
    refused: RenewalRecord | None = None  # its last renewal, when the service refused it
    renewal_status: Status | None = None  # of that renewal, as shown (Active once begun)


def load_overview(organization: Organization, now: datetime | None = None) -> Overview | None:
    """Everything the overview shows of the organization, or None when it has no current
    contract."""
    summary = current_contract(organization, now)
    if summary is None:
        return None
    profile = billing_profile(organization)
    latest = latest_renewal(summary.contract_id)
    spent = (
        SeatPurchase.select(fn.COALESCE(fn.SUM(SeatPurchase.amount_minor), 0))
        .where(
            (SeatPurchase.contract == summary.contract_id)
            & (SeatPurchase.provisioning_status != Status.REJECTED)
        )
        .scalar()
    )
    return Overview(
        contract=summary,
        usage=seat_usage(organization),
        bought_this_contract=amount_from_minor(int(spent), summary.currency),
        timeline=seat_timeline(summary),
        default_purchase_order=profile.default_purchase_order if profile else None,
        overdue=overdue_invoices(organization, summary.today),
        renewal=_open_offer(organization, summary),
        renewed=latest if _standing(latest) else None,
        refused=None if _standing(latest) else latest,
        renewal_status=None
        if latest is None
        else shown_status(
            OrderKind.RENEWAL,
            latest.status,
            None,
            now or utc_now(),
            latest.term_start,
            summary.today,
        ),
    )


def _standing(renewal: RenewalRecord | None) -> bool:
    return renewal is not None and renewal.status != Status.REJECTED


def _open_offer(organization: Organization, summary: ContractSummary) -> RenewalOffer | None:
    """The offer the service made, if it is for this contract's end."""
    offer = renewal_offer(organization)
    return offer if offer is not None and offer.current_end == summary.end_date else None


def seat_usage(organization: Organization) -> SeatUsage | None:
    usage = LicenseUsage.get_or_none(LicenseUsage.organization == organization)
    if usage is None:
        return None
    return SeatUsage(
        usage.assigned,
        usage.assigned_disabled,
        usage.assigned_inactive,
        usage.inactive_days,
        usage.checked_at,
    )


def seat_timeline(summary: ContractSummary) -> SeatTimeline:
    """Seats licensed by date over the current contract and the one before it."""
    zone = ZoneInfo(summary.timezone)
    current = Contract.get_by_id(summary.contract_id)
    previous = (
        Contract.select()
        .where(
            (Contract.organization == current.organization_id)
            & (Contract.start_date < current.start_date)
        )
        .order_by(Contract.start_date.desc())
        .first()
    )
    terms = tuple(_term(c, zone) for c in (previous, current) if c is not None)
    waiting = (
        SeatPurchase.select(
            SeatPurchase.created_at, SeatPurchase.seats, SeatPurchase.transaction_id
        )
        .where(
            (SeatPurchase.contract == current.id)
            & SeatPurchase.provisioning_status.in_(NOT_YET_LIVE)
        )
        .order_by(SeatPurchase.created_at, SeatPurchase.id)
    )
    pending = _daily_steps(stream(waiting), current.licensed_seats, zone)
    return SeatTimeline(terms, summary.today, pending)


def _term(contract: Contract, zone: ZoneInfo) -> TermLine:
    live_at = fn.COALESCE(SeatPurchase.provisioned_at, SeatPurchase.created_at)
    live = (
        SeatPurchase.select(
            live_at,
            SeatPurchase.seats,
            SeatPurchase.transaction_id,
        )
        .where(
            (SeatPurchase.contract == contract.id)
            & (SeatPurchase.provisioning_status == Status.PROVISIONED)
        )
        .order_by(live_at, SeatPurchase.id)
    )
    rows = list(stream(live))
    starting = contract.licensed_seats - sum(row[1] for row in rows)
    steps = _daily_steps(rows, starting, zone)
    return TermLine(contract.start_date, contract.end_date, starting, steps)


def _daily_steps(
    purchases: Iterable[tuple[object, int, str]], seats: int, zone: ZoneInfo
) -> tuple[SeatStep, ...]:
    """(when as stored: naive UTC, seats added, transaction ID) in time order, from `seats`,
    as one step per day. The rows stay plain and a local day is worked out only when one
    ends, so a million purchases take a moment and do not hold Python's GIL from the window."""
    days: dict[date, list] = {}  # day: [seats after, added, first transaction ID, purchases]
    ends = ""  # when the current day ends, as UTC text: rows before it fall on that day
    for at, added, transaction_id in purchases:
        seats += added
        at = str(at)  # "YYYY-MM-DD HH:MM:SS", from SQLite's text or PostgreSQL's datetime alike
        if at >= ends:
            day, ends = _local_day(at, zone)
            known = days[day] = [seats, 0, transaction_id, 0]
        known[0], known[1], known[3] = seats, known[1] + added, known[3] + 1
    return tuple(SeatStep(day, *values) for day, values in days.items())


def _local_day(utc: str, zone: ZoneInfo) -> tuple[date, str]:
    """The day in `zone` at a naive UTC time, and when that day ends, as UTC text."""
    day = datetime.fromisoformat(utc).replace(tzinfo=UTC).astimezone(zone).date()
    ends = datetime.combine(day + timedelta(days=1), time.min, zone).astimezone(UTC)
    return day, ends.strftime("%Y-%m-%d %H:%M:%S")
