"""Prorated, coterminous pricing of additional seats: the one rule both sides price with.

A purchase runs from the day it is quoted through the contract's last day. By month, it is
billed for the contract's own monthly periods (its start + k months, counted from the start day
and clamped to month ends) that have not fully ended on that day: a started period counts in
full, an ended one never. By day, the term's price is prorated by the days that remain. The
exact amount is rounded once, half up, to the currency's minor unit.
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
    """What pricing needs of a contract; local and service models both provide it. Read-only,
    so a frozen dataclass provides it as well as a model's fields."""

    @property
    def start_date(self) -> date: ...
    @property
    def end_date(self) -> date: ...  # inclusive
    @property
    def monthly_price_per_seat(self) -> Decimal: ...
    @property
    def currency(self) -> str: ...
    @property
    def proration_unit(self) -> str: ...
    @property
    def account_manager_name(self) -> str: ...
    @property
    def account_manager_email(self) -> str: ...


class Translate(Protocol):
    """Qt's translate(context, text, disambiguation, n), or `english`."""

    def __call__(
        self, context: str, text: str, disambiguation: str | None = None, n: int = -1, /
    ) -> str: ...


def english(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """A marked text in English, its `%Ln` filled in and "(s)" made singular or plural."""
    if n < 0:
        return text
    return text.replace("%Ln", str(n)).replace("%n", str(n)).replace("(s)", "" if n == 1 else "s")


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
        """In English, as exports and the service's invoice write it: "9 months",
        "12 months × 247/365 days"."""
        return self.text()

    def text(self, translate: "Translate | None" = None) -> str:
        """What the price per seat per month is multiplied by, the one wording every document
        prints: 9 months, or 12 months × 247/365 days. `translate` is the desktop's (Qt's
        signature); without it, English."""
        translate = translate or english  # lupdate collects the calls by this name
        months = translate("Quote", "%Ln month(s)", None, self.months)
        if self.unit == PRORATE_BY_DAY:
            days = translate("Quote", "{remaining}/{whole} days").format(
                remaining=self.days, whole=self.term_days
            )
            return f"{months} × {days}"
        return months

    def apply(self, amount: Decimal) -> Decimal:
        """`amount` (seats × price) times the factor, unrounded; the one division comes last."""
        if self.unit == PRORATE_BY_DAY and self.days is not None and self.term_days:
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
    term_start: date  # the contract's first day: its monthly periods count from it

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


def months_ended(term_start: date, on_date: date) -> int:
    """The contract's periods that have fully ended before `on_date`: the largest k with
    `term_start` + k months (counted from the start, clamped to month ends) on or before it."""
    span = relativedelta(on_date, term_start)
    return max(0, 12 * span.years + span.months)


def period_of(term_start: date, on_date: date) -> tuple[date, date]:
    """The contract's monthly period that `on_date` falls in, first and last day: for a
    contract from Jan 31, on Mar 15 that is Feb 28 - Mar 30."""
    k = months_ended(term_start, on_date)
    first = term_start + relativedelta(months=k)
    return first, term_start + relativedelta(months=k + 1) - timedelta(days=1)


def term_months(term_start: date, term_end: date) -> int:
    """The contract's monthly periods from `term_start` that start by `term_end`: 12 for
    Jan 31, 2026 - Jan 30, 2027."""
    return months_ended(term_start, term_end) + 1


def months_left(term_start: date, term_end: date, on_date: date) -> int:
    """The contract's periods that have not fully ended on `on_date` (the one it falls in
    counts in full): 11 for Jan 31, 2026 - Jan 30, 2027 on Feb 28, 2026, whose Jan 31 -
    Feb 27 period is over."""
    return term_months(term_start, term_end) - months_ended(term_start, on_date)


def exact_span(first: date, last: date) -> tuple[int, int]:
    """Whole months and the days left over from `first` through `last` inclusive: (8, 5) for
    Nov 27, 2026 - Jul 31, 2027, which a contract from the 1st bills as 9 months."""
    span = relativedelta(last + timedelta(days=1), first)
    return 12 * span.years + span.months, span.days


def working(unit: str, term_start: date, term_end: date, period_start: date) -> Working:
    """The factor of a purchase from `period_start` through the end of the term."""
    if unit == PRORATE_BY_DAY:
        return Working(
            PRORATE_BY_DAY,
            term_months(term_start, term_end),
            (term_end - period_start).days + 1,
            (term_end - term_start).days + 1,
        )
    if unit == PRORATE_BY_MONTH:
        return Working(PRORATE_BY_MONTH, months_left(term_start, term_end, period_start))
    raise ValueError(f"unknown proration unit {unit!r}")


def stored_working(
    unit: str, term_start: date, term_end: date, period_start: date, prorated_months: int
) -> Working:
    """The factor of a purchase already made, as its amount was worked out: by month, the months
    it stored (orders keep their amounts when a rule changes); by day, the days as ever."""
    if unit == PRORATE_BY_MONTH:
        return Working(PRORATE_BY_MONTH, prorated_months)
    return working(unit, term_start, term_end, period_start)


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
        prorated_months=months_left(contract.start_date, contract.end_date, on_date),
        period_start=on_date,
        period_end=contract.end_date,
        monthly_unit_price=price,
        amount=round_money(factor.apply(count * price), contract.currency),
        currency=contract.currency,
        working=factor,
        term_start=contract.start_date,
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
