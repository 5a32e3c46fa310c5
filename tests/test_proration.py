"""The proration rule of the billing core, checked against amounts worked out by hand."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from billing.money import round_money
from billing.proration import QuoteError, quote

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too


@dataclass
class Terms:
    start_date: date
    end_date: date
    monthly_price_per_seat: Decimal
    currency: str = "USD"
    proration_unit: str = "month"
    account_manager_name: str = "Dana Whitfield"
    account_manager_email: str = "dana@example.com"


MAR26 = Terms(date(2026, 3, 1), date(2027, 2, 28), Decimal("12.50"))
LEAP = Terms(date(2027, 3, 1), date(2028, 2, 29), Decimal("12.50"))
JUL26 = Terms(date(2026, 7, 1), date(2027, 6, 30), Decimal("12.50"))
TWO_YEARS = Terms(date(2026, 1, 1), date(2027, 12, 31), Decimal("12.50"))
THREE_YEARS = Terms(date(2025, 4, 1), date(2028, 3, 31), Decimal("12.50"))
EUR_DAYS = Terms(date(2026, 3, 1), date(2027, 2, 28), Decimal("10"), "EUR", "day")
EUR_HALF_CENT = Terms(date(2026, 3, 1), date(2027, 2, 28), Decimal("0.0950"), "EUR")
JPY_MONTHS = Terms(date(2026, 3, 1), date(2027, 2, 28), Decimal("1234.5"), "JPY")
JPY_DAYS = Terms(date(2026, 3, 1), date(2027, 2, 28), Decimal("1000"), "JPY", "day")

CASES = [
    # (case, contract, seats, bought on, months, period start, amount)
    ("first day", MAR26, 5, date(2026, 3, 1), 12, date(2026, 3, 1), "750.00"),
    ("last day", MAR26, 5, date(2027, 2, 28), 1, date(2027, 2, 28), "62.50"),
    ("mid-month", MAR26, 3, date(2026, 6, 15), 9, date(2026, 6, 15), "337.50"),
    ("Jan 31 to Feb end", MAR26, 1, date(2027, 1, 31), 2, date(2027, 1, 31), "25.00"),
    ("Feb 1, a whole month", MAR26, 1, date(2027, 2, 1), 1, date(2027, 2, 1), "12.50"),
    ("leap day, last day", LEAP, 2, date(2028, 2, 29), 1, date(2028, 2, 29), "25.00"),
    ("leap year, first day", LEAP, 1, date(2027, 3, 1), 12, date(2027, 3, 1), "150.00"),
    ("Jan 29 into leap Feb", LEAP, 1, date(2028, 1, 29), 2, date(2028, 1, 29), "25.00"),
    ("across the new year", JUL26, 4, date(2026, 12, 20), 7, date(2026, 12, 20), "350.00"),
    ("2-year, first day", TWO_YEARS, 1, date(2026, 1, 1), 24, date(2026, 1, 1), "300.00"),
    ("2-year, mid-term", TWO_YEARS, 2, date(2026, 5, 10), 20, date(2026, 5, 10), "500.00"),
    ("3-year, first day", THREE_YEARS, 1, date(2025, 4, 1), 36, date(2025, 4, 1), "450.00"),
    ("3-year, second year", THREE_YEARS, 1, date(2026, 4, 2), 24, date(2026, 4, 2), "300.00"),
    # day proration: 10 x 12 months x 181 of 365 days = 59.5068... -> 59.51
    ("EUR by day", EUR_DAYS, 1, date(2026, 9, 1), 6, date(2026, 9, 1), "59.51"),
    ("EUR by day, whole term", EUR_DAYS, 1, date(2026, 3, 1), 12, date(2026, 3, 1), "120.00"),
    # 0.0950 x 3 = 0.285: half up gives 0.29 where banker's rounding gives 0.28
    ("EUR half cent", EUR_HALF_CENT, 1, date(2026, 12, 1), 3, date(2026, 12, 1), "0.29"),
    ("JPY half yen", JPY_MONTHS, 1, date(2027, 2, 10), 1, date(2027, 2, 10), "1235"),
    ("JPY by day", JPY_DAYS, 1, date(2026, 9, 1), 6, date(2026, 9, 1), "5951"),
]


@pytest.mark.parametrize(
    "contract, seats, bought_on, months, period_start, amount",
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_quote(contract, seats, bought_on, months, period_start, amount):
    result = quote(contract, seats, bought_on)
    assert result.prorated_months == months
    assert result.period_start == period_start
    assert result.period_end == contract.end_date
    assert result.amount == Decimal(amount)
    assert str(result.amount) == amount  # rounded to the minor unit, no more, no less
    assert result.currency == contract.currency
    assert result.monthly_unit_price == contract.monthly_price_per_seat
    assert result.seats == seats


def test_after_the_end_is_refused():
    with pytest.raises(QuoteError, match="ended on 2027-02-28.*Dana Whitfield") as refused:
        quote(MAR26, 1, date(2027, 3, 1))
    assert refused.value.code == "contract_ended"


def test_before_the_start_is_refused():
    with pytest.raises(QuoteError, match="starts on 2026-03-01") as refused:
        quote(MAR26, 1, date(2026, 2, 28))
    assert refused.value.code == "contract_not_started"


@pytest.mark.parametrize(
    "contract, bought_on, working, factor",
    [
        (MAR26, date(2026, 11, 27), "4 months", Decimal(4)),
        (MAR26, date(2027, 2, 28), "1 month", Decimal(1)),
        # 12 months of the term, 181 of its 365 days remain: 10 x 12 x 181/365 = 59.5068...
        (EUR_DAYS, date(2026, 9, 1), "12 months × 181/365 days", Decimal(12 * 181) / 365),
        (JPY_DAYS, date(2027, 2, 28), "12 months × 1/365 days", Decimal(12) / 365),
    ],
)
def test_the_working_explains_the_amount(contract, bought_on, working, factor):
    """Every printed amount can be worked out again from seats, price and the working."""
    priced = quote(contract, 3, bought_on)
    assert str(priced.working) == working
    exact = priced.working.apply(3 * contract.monthly_price_per_seat)
    assert abs(exact - 3 * contract.monthly_price_per_seat * factor) < Decimal("1e-20")
    assert priced.amount == round_money(exact, contract.currency)


@pytest.mark.parametrize(
    "seats, message",
    [
        (0, "at least 1"),
        ("0", "at least 1"),
        (-1, "cannot be reduced.*Dana Whitfield \\(dana@example.com\\)"),
        ("-20", "cannot be reduced"),
        (10_001, "At most 10,000.*Dana Whitfield"),
        ("9" * 5000, "At most 10,000"),
        ("abc", "whole number"),
        ("2.5", "whole number"),
        (2.0, "whole number"),
        ("", "whole number"),
        (True, "whole number"),
        (None, "whole number"),
    ],
)
def test_bad_seat_counts_are_refused_with_a_reason(seats, message):
    with pytest.raises(QuoteError, match=message) as refused:
        quote(MAR26, seats, date(2026, 6, 1))
    assert refused.value.code == "invalid_order"


@pytest.mark.parametrize(
    "seats, expected", [(1, 1), ("10000", 10_000), (" 7 ", 7), (Decimal(3), 3)]
)
def test_good_seat_counts(seats, expected):
    assert quote(MAR26, seats, date(2027, 2, 1)).seats == expected
