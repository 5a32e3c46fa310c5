"""Renewing a contract: when the window opens, the next term, and its price: the one rule the
desktop shows and the service invoices.

The next term starts the day after the current one ends and runs for as many of the contract's
monthly periods (counted from the start day, clamped to month ends) as the current one. It opens
for renewal `window_days` before the end (the end day included). Its amount is seats x the next
term's price per seat per month x its months, rounded once, half up, to the currency's minor
unit. Seats are never fewer than those licensed now: a reduction goes through the account manager.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from billing.money import amount_to_minor, round_money
from billing.orders import INSTRUCTIONS_LENGTH as INSTRUCTIONS_LENGTH  # its old home, kept
from billing.orders import RenewalRefusal
from billing.proration import MAX_SEATS, term_months
from billing.text import QT_TRANSLATE_NOOP

RENEWAL_WINDOW_DAYS = 60


@dataclass(frozen=True)
class RenewalTerms:
    term_start: date
    term_end: date  # inclusive
    months: int
    seats: int
    monthly_price_per_seat: Decimal
    amount: Decimal
    currency: str

    def ledger_fields(self) -> dict:
        """The terms as renewal rows store them, on either side: money in integer minor units."""
        return {
            "seats": self.seats,
            "monthly_unit_price": self.monthly_price_per_seat,
            "months": self.months,
            "term_start": self.term_start,
            "term_end": self.term_end,
            "amount_minor": amount_to_minor(self.amount, self.currency),
            "currency": self.currency,
        }


def opens_on(current_end: date, window_days: int = RENEWAL_WINDOW_DAYS) -> date:
    """The first day a contract ending on `current_end` can be renewed."""
    return current_end - timedelta(days=window_days - 1)


def next_term(current_start: date, current_end: date) -> tuple[date, date]:
    """The day after the current term, for as many months as the current term: a contract of
    Feb 29, 2028 - Feb 27, 2029 renews as Feb 28, 2029 - Feb 27, 2030 (12 months)."""
    start = current_end + timedelta(days=1)
    months = term_months(current_start, current_end)
    return start, start + relativedelta(months=months) - timedelta(days=1)


def renewal_terms(
    current_start: date,
    current_end: date,
    seats: int,
    monthly_price_per_seat: Decimal,
    currency: str,
) -> RenewalTerms:
    start, end = next_term(current_start, current_end)
    months = term_months(start, end)
    amount = round_money(seats * monthly_price_per_seat * months, currency)
    return RenewalTerms(start, end, months, seats, monthly_price_per_seat, amount, currency)


def check_window(today: date, current_end: date, window_days: int = RENEWAL_WINDOW_DAYS) -> None:
    """RenewalRefusal unless `today` is within the renewal window of a term ending then."""
    first = opens_on(current_end, window_days)
    if today < first:
        raise RenewalRefusal(
            "renewal_not_open",
            QT_TRANSLATE_NOOP(
                "Renewal",
                "The contract can be renewed from {opens_on}, {days} days before it ends.",
            ),
            opens_on=first.isoformat(),
            days=window_days,
        )
    if today > current_end:
        raise RenewalRefusal(
            "renewal_not_open",
            QT_TRANSLATE_NOOP(
                "Renewal",
                "The contract ended on {end}: ask your account manager for a new one.",
            ),
            end=current_end.isoformat(),
            opens_on=first.isoformat(),
        )


def check_seats(seats: object, licensed_now: int) -> int:
    """The next term's seats: a whole number, never fewer than the seats licensed now."""
    if not isinstance(seats, int) or isinstance(seats, bool) or seats > MAX_SEATS + licensed_now:
        raise RenewalRefusal(
            "invalid_renewal",
            QT_TRANSLATE_NOOP("Renewal", "Give the next term's seats as a whole number."),
        )
    if seats < licensed_now:
        raise RenewalRefusal(
            "renewal_fewer_seats",
            QT_TRANSLATE_NOOP(
                "Renewal",
                "A renewal keeps at least the {licensed} seats licensed now. For fewer seats, "
                "send a reduction request to your account manager.",
            ),
            licensed=licensed_now,
        )
    return seats
