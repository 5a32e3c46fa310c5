"""Prorated, coterminous pricing of additional seats; plain Python shared with the service."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

from dateutil.relativedelta import relativedelta

from db.money import currency_exponent, to_minor
from desktop.i18n import translate

MIN_SEATS = 1
MAX_SEATS = 10_000
PRORATE_BY_MONTH = "month"
PRORATE_BY_DAY = "day"


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
class Quote:
    seats: int
    as_of: date
    prorated_months: int
    period_start: date
    period_end: date
    monthly_unit_price: Decimal
    amount: Decimal
    currency: str

    def ledger_fields(self) -> dict:
        """The quote as purchase and order rows store it: money in integer minor units."""
        return {
            "seats": self.seats,
            "monthly_unit_price": self.monthly_unit_price,
            "prorated_months": self.prorated_months,
            "period_start": self.period_start,
            "period_end": self.period_end,
            "amount_minor": to_minor(self.amount, currency_exponent(self.currency)),
            "currency": self.currency,
        }


class QuoteError(ValueError):
    """A purchase that cannot be priced; the message is fit to show a user."""


class InvalidSeatCount(QuoteError):
    pass


class ContractExpired(QuoteError):
    pass


def months_between(first: date, last: date) -> int:
    """Months from `first` through `last` inclusive; a started month counts, at least 1."""
    span = relativedelta(last + timedelta(days=1), first)
    return max(1, 12 * span.years + span.months + (1 if span.days > 0 else 0))


def validate_seats(seats: object, contract: ContractTerms | None = None) -> int:
    """The seat count as an int, or InvalidSeatCount saying why and what to do instead."""
    count = _as_whole_number(seats)
    manager = (
        f"{contract.account_manager_name} ({contract.account_manager_email})"
        if contract
        else translate("Proration", "named on the Contract tab")
    )
    if count is None:
        raise InvalidSeatCount(
            translate(
                "Proration",
                "Enter the number of additional seats as a whole number, for example 5.",
            )
        )
    if count < 0:
        raise InvalidSeatCount(
            translate(
                "Proration",
                "Seats cannot be reduced here. To reduce seats, contact your account manager, "
                "{manager}.",
            ).format(manager=manager)
        )
    if count < MIN_SEATS:
        raise InvalidSeatCount(translate("Proration", "Enter at least 1 additional seat."))
    if count > MAX_SEATS:
        raise InvalidSeatCount(
            translate(
                "Proration",
                "At most %Ln seat(s) can be added in one purchase. "
                "For more, contact your account manager, {manager}.",
                None,
                MAX_SEATS,
            ).format(manager=manager)
        )
    return count


def quote(contract: ContractTerms, seats: object, on_date: date) -> Quote:
    """Price `seats` bought on `on_date` from then through the contract's end."""
    count = validate_seats(seats, contract)
    if on_date > contract.end_date:
        raise ContractExpired(
            translate(
                "Proration",
                "This contract ended on {end}. To renew it, contact your account manager, "
                "{manager} ({email}).",
            ).format(
                end=contract.end_date.isoformat(),
                manager=contract.account_manager_name,
                email=contract.account_manager_email,
            )
        )
    start = max(on_date, contract.start_date)
    months = months_between(start, contract.end_date)
    price = contract.monthly_price_per_seat
    if contract.proration_unit == PRORATE_BY_DAY:
        remaining_days = (contract.end_date - start).days + 1
        contract_days = (contract.end_date - contract.start_date).days + 1
        contract_months = months_between(contract.start_date, contract.end_date)
        exact = count * price * contract_months * remaining_days / contract_days
    elif contract.proration_unit == PRORATE_BY_MONTH:
        exact = count * price * months
    else:
        raise ValueError(f"unknown proration unit {contract.proration_unit!r}")
    return Quote(
        seats=count,
        as_of=on_date,
        prorated_months=months,
        period_start=start,
        period_end=contract.end_date,
        monthly_unit_price=price,
        amount=round_to_minor_unit(exact, contract.currency),
        currency=contract.currency,
    )


def round_to_minor_unit(amount: Decimal, currency: str) -> Decimal:
    """Round once, half up, to the currency's minor unit (cents; none for JPY)."""
    return amount.quantize(Decimal(1).scaleb(-currency_exponent(currency)), ROUND_HALF_UP)


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
