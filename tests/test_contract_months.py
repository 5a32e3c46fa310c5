"""The contract's own months, checked against a small independent count of its periods."""

import calendar
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from billing.proration import months_left, period_of, quote, term_months, working
from billing.renewal import next_term, renewal_terms
from desktop import formatting
from tests.test_proration import Terms

YEARS = (2027, 2028)  # a common year and a leap year


def nth_month(start: date, k: int) -> date:
    """`start` moved k calendar months on, its day clamped to that month's last: no dateutil."""
    month = start.month - 1 + k
    year, month = start.year + month // 12, month % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def periods(start: date, end: date) -> list[tuple[date, date]]:
    """Every monthly period of a contract, first and last day, those starting by its end."""
    found, k = [], 0
    while nth_month(start, k) <= end:
        found.append((nth_month(start, k), nth_month(start, k + 1) - timedelta(days=1)))
        k += 1
    return found


def oracle_months(start: date, end: date, bought_on: date) -> int:
    """Periods not fully ended on `bought_on`: a started one counts, an ended one never."""
    return sum(1 for _, last in periods(start, end) if last >= bought_on)


def every_day(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=n) for n in range((date(year + 1, 1, 1) - first).days)]


@pytest.mark.parametrize("year", YEARS)
def test_every_start_day_and_every_purchase_day_of_a_year_term(year):
    """Contracts of 12 months from every day of the year, bought on every day of their term."""
    for start in every_day(year):
        end = nth_month(start, 12) - timedelta(days=1)
        assert term_months(start, end) == 12
        terms = periods(start, end)
        firsts = {first for first, _ in terms}
        day, expected = start, 12
        while day <= end:
            # the count drops by one on the first day of each new period, and only then
            if day != start and day in firsts:
                expected -= 1
            oracle = sum(1 for _, last in terms if last >= day)
            assert months_left(start, end, day) == oracle == expected
            day += timedelta(days=1)


@settings(max_examples=400, deadline=None, database=None)
@given(
    start=st.sampled_from([day for year in YEARS for day in every_day(year)]),
    months=st.sampled_from([1, 2, 11, 12, 13, 24, 36]),
    end_shift=st.integers(-27, 27),
    offset=st.floats(0, 1),
    seats=st.integers(1, 10_000),
    price=st.decimals("0.0001", "999.9999", places=4),
)
def test_quote_bills_the_periods_not_yet_ended(start, months, end_shift, offset, seats, price):
    """Any term (also one that ends within one of its months), any purchase day in it."""
    end = max(start, nth_month(start, months) - timedelta(days=1) + timedelta(days=end_shift))
    bought_on = start + timedelta(days=round(offset * (end - start).days))
    contract = Terms(start, end, price, "EUR")
    priced = quote(contract, seats, bought_on)
    expected = oracle_months(start, end, bought_on)
    assert priced.prorated_months == priced.working.months == expected
    assert priced.amount == (seats * price * expected).quantize(Decimal("0.01"), ROUND_HALF_UP)
    first, last = period_of(start, bought_on)
    assert (first, last) in periods(start, max(end, last))
    assert first <= bought_on <= last
    by_day = working("day", start, end, bought_on)
    assert by_day.months == len(periods(start, end))  # the day unit's months: the whole term's
    assert (by_day.days, by_day.term_days) == ((end - bought_on).days + 1, (end - start).days + 1)


@settings(max_examples=300, deadline=None, database=None)
@given(
    start=st.sampled_from([day for year in YEARS for day in every_day(year)]),
    months=st.sampled_from([1, 12, 24, 36]),
)
def test_a_renewal_runs_as_many_of_the_contracts_months(start, months):
    end = nth_month(start, months) - timedelta(days=1)
    first, last = next_term(start, end)
    assert first == end + timedelta(days=1)
    assert last == nth_month(first, months) - timedelta(days=1)
    terms = renewal_terms(start, end, 3, Decimal("9.90"), "EUR")
    assert terms.months == len(periods(first, last)) == months
    assert terms.amount == (3 * Decimal("9.90") * months).quantize(Decimal("0.01"))


@pytest.mark.parametrize(
    "start, end, bought_on, months, old_rule",
    [
        # the two cases: relativedelta from the purchase day gave the second figure
        (date(2026, 1, 31), date(2027, 1, 30), date(2026, 2, 28), 11, 12),
        (date(2028, 2, 29), date(2029, 2, 27), date(2028, 3, 28), 12, 11),
        (date(2026, 1, 31), date(2027, 1, 30), date(2026, 2, 27), 12, 12),
        (date(2026, 3, 31), date(2027, 3, 30), date(2026, 4, 30), 11, 11),
        (date(2026, 3, 31), date(2027, 3, 30), date(2026, 4, 29), 12, 12),
    ],
)
def test_month_end_contracts(start, end, bought_on, months, old_rule):
    priced = quote(Terms(start, end, Decimal("9.90"), "EUR"), 2, bought_on)
    assert priced.prorated_months == months
    assert priced.amount == Decimal("9.90") * 2 * months


def test_the_order_summary_names_the_contracts_months():
    contract = Terms(date(2026, 1, 31), date(2027, 1, 30), Decimal("9.90"), "EUR")
    priced = quote(contract, 2, date(2026, 2, 28))
    assert formatting.proration_rule(priced, "en_US") == (
        "Feb 28, 2026 – Jan 30, 2027: the contract's months run from Jan 31, 2026; "
        "Feb 28, 2026 – Mar 30, 2026 has started, so 11 months"
    )
    assert formatting.quote_working(priced, "en_US") == (
        "2 seats × €9.90 per seat per month × 11 months (Feb 28, 2026 – Jan 30, 2027) = €217.80"
    )
