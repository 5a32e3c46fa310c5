"""Prorated, coterminous pricing of additional seats: the one rule both sides price with.

A purchase runs from the day it is quoted through the contract's last day. By month, every
started month counts in full; by day, the term's price is prorated by the days that remain.
The exact amount is rounded once, half up, to the currency's minor unit.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Protocol

from dateutil.relativedelta import relativedelta

from billing.money import amount_to_minor, round_money
from billing.text import QT_TRANSLATE_NOOP, Refusal

MIN_SEATS = 1
MAX_SEATS = 10_000
PRORATE_BY_MONTH = "month"
PRORATE_BY_DAY = "day"
PRORATION_UNITS = (PRORATE_BY_MONTH, PRORATE_BY_DAY)


class ContractTerms(Protocol):
    """What pricing needs of a contract; local and service models both provide it."""

    start_date: date
    end_date: date  # inclusive
    monthly_price_per_seat: Decimal
    currency: str
    proration_unit: str
    account_manager_name: str
    account_manager_email: str


@dataclass(frozen=True)
class Working:
    """How an amount follows from the price per seat per month, so print can show it.

    By month: seats × price × `months`. By day: seats × price × `months` (the whole term's)
    × `days` / `term_days`.
    """

    unit: str
    months: int
    days: int | None = None
    term_days: int | None = None

    def __str__(self) -> str:
        """In English, as exports write it: "9 months", "12 months × 247/365 days"."""
        months = f"{self.months} month{'s' if self.months != 1 else ''}"
        return f"{months} × {self.days}/{self.term_days} days" if self.days else months

    def apply(self, amount: Decimal) -> Decimal:
        """`amount` (seats × price) times the factor, unrounded; the one division comes last."""
        if self.unit == PRORATE_BY_DAY:
            return amount * self.months * self.days / self.term_days
        return amount * self.months


@dataclass(frozen=True)
class Quote:
    seats: int
    as_of: date  # the quote date: the contract's local day the total was shown; the period's start
    prorated_months: int
    period_start: date
    period_end: date
    monthly_unit_price: Decimal
    amount: Decimal
    currency: str
    working: Working

    def ledger_fields(self) -> dict:
        """The quote as purchase and order rows store it: money in integer minor units."""
        return {
            "seats": self.seats,
            "monthly_unit_price": self.monthly_unit_price,
            "prorated_months": self.prorated_months,
            "period_start": self.period_start,
            "period_end": self.period_end,
            "amount_minor": amount_to_minor(self.amount, self.currency),
            "currency": self.currency,
        }


class QuoteError(Refusal):
    """A purchase that cannot be priced."""

    context = "Proration"


def months_between(first: date, last: date) -> int:
    """Months from `first` through `last` inclusive; a started month counts, at least 1."""
    span = relativedelta(last + timedelta(days=1), first)
    return max(1, 12 * span.years + span.months + (1 if span.days > 0 else 0))


def exact_span(first: date, last: date) -> tuple[int, int]:
    """Whole months and the days left over from `first` through `last` inclusive: (8, 5) for
    Nov 27, 2026 - Jul 31, 2027, which `months_between` counts as 9."""
    span = relativedelta(last + timedelta(days=1), first)
    return 12 * span.years + span.months, span.days


def working(unit: str, term_start: date, term_end: date, period_start: date) -> Working:
    """The factor of a purchase from `period_start` through the end of the term."""
    if unit == PRORATE_BY_DAY:
        return Working(
            PRORATE_BY_DAY,
            months_between(term_start, term_end),
            (term_end - period_start).days + 1,
            (term_end - term_start).days + 1,
        )
    if unit == PRORATE_BY_MONTH:
        return Working(PRORATE_BY_MONTH, months_between(period_start, term_end))
    raise ValueError(f"unknown proration unit {unit!r}")


def validate_seats(seats: object, contract: ContractTerms | None = None) -> int:
    """The seat count as an int, or QuoteError saying why and what to do instead."""
    count = _as_whole_number(seats)
    manager = (
        f"{contract.account_manager_name} ({contract.account_manager_email})"
        if contract
        else QT_TRANSLATE_NOOP("Proration", "named on the Contract tab")
    )
    if count is None:
        raise QuoteError(
            "invalid_order",
            QT_TRANSLATE_NOOP(
                "Proration",
                "Enter the number of additional seats as a whole number, for example 5.",
            ),
        )
    if count < 0:
        raise QuoteError(
            "invalid_order",
            QT_TRANSLATE_NOOP(
                "Proration",
                "Seats cannot be reduced here. To reduce seats, contact your account manager, "
                "{manager}.",
            ),
            manager=manager,
        )
    if count < MIN_SEATS:
        raise QuoteError(
            "invalid_order", QT_TRANSLATE_NOOP("Proration", "Enter at least 1 additional seat.")
        )
    if count > MAX_SEATS:
        raise QuoteError(
            "invalid_order",
            QT_TRANSLATE_NOOP(
                "Proration",
                "At most 10,000 seats can be added in one purchase. "  # MAX_SEATS
                "For more, contact your account manager, {manager}.",
            ),
            manager=manager,
        )
    return count


def contract_ended(contract: ContractTerms) -> QuoteError:
    return QuoteError(
        "contract_ended",
        QT_TRANSLATE_NOOP(
            "Proration",
            "This contract ended on {end}. To renew it, contact your account manager, "
            "{manager} ({email}).",
        ),
        end=contract.end_date.isoformat(),
        manager=contract.account_manager_name,
        email=contract.account_manager_email,
    )


def contract_not_started(contract: ContractTerms) -> QuoteError:
    return QuoteError(
        "contract_not_started",
        QT_TRANSLATE_NOOP(
            "Proration", "This contract starts on {start}; seats can be added from then."
        ),
        start=contract.start_date.isoformat(),
    )


def quote(contract: ContractTerms, seats: object, on_date: date) -> Quote:
    """Price `seats` quoted on `on_date`, from then through the contract's end."""
    count = validate_seats(seats, contract)
    if on_date > contract.end_date:
        raise contract_ended(contract)
    if on_date < contract.start_date:
        raise contract_not_started(contract)
    price = contract.monthly_price_per_seat
    factor = working(contract.proration_unit, contract.start_date, contract.end_date, on_date)
    return Quote(
        seats=count,
        as_of=on_date,
        prorated_months=months_between(on_date, contract.end_date),
        period_start=on_date,
        period_end=contract.end_date,
        monthly_unit_price=price,
        amount=round_money(factor.apply(count * price), contract.currency),
        currency=contract.currency,
        working=factor,
    )


def _as_whole_number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        text = value.strip()
        digits = text[1:] if text[:1] in "+-" else text
        if not (digits.isascii() and digits.isdigit()):
            return None
        value = Decimal(text)  # no int() length limit on pasted digit strings
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        return int(value)
    return None
