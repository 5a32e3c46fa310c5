"""The account overview from local data: seat use, the contract's purchases, the seat timeline.

The timeline works back from the seats licensed now: a contract started with its seats now less
the seats its live purchases added, and each day's purchases are a step up on the day they went
live. The days come from the slots the database keeps with every write (desktop.seat_slots), so
a contract with a million purchases is read in a few queries of a few hundred rows.

The window imports it for its types; what the overview reads (renewals, invoices, the billing
profile) loads with the first read, which runs once the window is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from billing.kinds import OrderKind
from billing.money import amount_from_minor
from billing.statuses import Status, shown_status
from desktop import seat_slots
from desktop.account import ContractSummary, current_contract
from desktop.models import (
    Contract,
    LicenseUsage,
    Organization,
    RenewalRecord,
    utc_now,
)

if TYPE_CHECKING:
    from desktop.invoices import OverdueInvoices
    from desktop.renewing import RenewalOffer


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
    from desktop.billing_profile import billing_profile
    from desktop.invoices import overdue_invoices
    from desktop.renewing import latest_renewal

    summary = current_contract(organization, now)
    if summary is None:
        return None
    profile = billing_profile(organization)
    latest = latest_renewal(summary.contract_id)
    spent = seat_slots.bought_minor(summary.contract_id)
    return Overview(
        contract=summary,
        usage=seat_usage(organization),
        bought_this_contract=amount_from_minor(spent, summary.currency),
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
    from desktop.renewing import renewal_offer

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
    pending = _steps(seat_slots.days(summary.contract_id, False, zone), current.licensed_seats)
    return SeatTimeline(terms, summary.today, pending)


def _term(contract: Contract, zone: ZoneInfo) -> TermLine:
    days = seat_slots.days(contract.get_id(), True, zone)
    starting = contract.licensed_seats - sum(day.added for day in days)
    return TermLine(contract.start_date, contract.end_date, starting, _steps(days, starting))


def _steps(days: list[seat_slots.Day], seats: int) -> tuple[SeatStep, ...]:
    """One step per day, from `seats`."""
    steps = []
    for day in days:
        seats += day.added
        steps.append(SeatStep(day.day, seats, day.added, day.first, day.purchases))
    return tuple(steps)
