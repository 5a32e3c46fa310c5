"""The billing core on its own: ISO 4217 minor units, one rounding, statuses, the order body."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from billing.money import (
    MINOR_UNITS,
    UnknownCurrency,
    amount_from_minor,
    amount_to_minor,
    from_minor,
    minor_text,
    minor_units,
    parse_amount,
    round_money,
)
from billing.orders import (
    REFUSALS,
    OrderRefusal,
    check_quote_date,
    is_order_refusal,
    order_body,
    read_order_body,
)
from billing.proration import MAX_SEATS, validate_seats
from billing.statuses import LIVE_WITHIN, TRANSITIONS, Status, may_become, status_at
from desktop import formatting

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too

NOW = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "currency, places",
    [("USD", 2), ("EUR", 2), ("JPY", 0), ("KRW", 0), ("HUF", 2), ("COP", 2), ("IDR", 2),
     ("IQD", 3), ("KWD", 3), ("TND", 3), ("CLF", 4), ("UYW", 4), ("usd", 2)],
)  # fmt: skip
def test_minor_units_are_iso_4217s_not_babels(currency, places):
    """HUF, COP and IDR have 2 decimals in ISO 4217 (Babel 2.19 says 0); IQD 3 (Babel: 0)."""
    assert minor_units(currency) == places


def test_the_table_has_every_active_code_once():
    assert len(MINOR_UNITS) >= 150
    assert all(len(code) == 3 and code.isupper() for code in MINOR_UNITS)
    assert set(MINOR_UNITS.values()) == {0, 2, 3, 4}
    with pytest.raises(UnknownCurrency):
        minor_units("XAU")  # gold has no minor unit to bill in


@pytest.mark.parametrize(
    "amount, currency, stored",
    [("1234.56", "HUF", 123456), ("1.234", "IQD", 1234), ("1235", "JPY", 1235),
     ("562.50", "USD", 56250), ("0.0001", "CLF", 1)],
)  # fmt: skip
def test_minor_units_round_trip(amount, currency, stored):
    assert amount_to_minor(Decimal(amount), currency) == stored
    assert amount_from_minor(stored, currency) == Decimal(amount)
    assert str(amount_from_minor(stored, currency)) == amount


def test_an_amount_that_needs_rounding_is_never_stored():
    with pytest.raises(ValueError, match="more than 2 decimal places"):
        amount_to_minor(Decimal("0.125"), "USD")


@pytest.mark.parametrize(
    "exact, currency, rounded",
    [("0.125", "USD", "0.13"), ("0.285", "EUR", "0.29"), ("0.135", "USD", "0.14"),
     ("1234.5", "JPY", "1235"), ("0.0005", "KWD", "0.001"), ("-0.125", "USD", "-0.13")],
)  # fmt: skip
def test_one_rounding_half_up(exact, currency, rounded):
    """Half up, where Python's default (half even) gives 0.12, 0.28, 1234."""
    assert str(round_money(Decimal(exact), currency)) == rounded


@pytest.mark.parametrize(
    "amount, currency, locale, shown",
    [("0.125", "USD", "en_US", "$0.13"), ("1234.56", "HUF", "en_US", "HUF1,234.56"),
     ("1234", "HUF", "de_DE", "1.234,00\xa0HUF"), ("1.234", "IQD", "en_US", "IQD1.234"),
     ("1234.5", "JPY", "en_US", "¥1,235")],
)  # fmt: skip
def test_display_rounds_by_the_billing_rule_and_iso_digits(amount, currency, locale, shown):
    assert formatting.money(Decimal(amount), currency, locale) == shown


@pytest.mark.parametrize(
    "text, parsed",
    [("562.50", Decimal("562.50")), ("0", Decimal(0)), ("-1.5", Decimal("-1.5")),
     ("NaN", None), ("sNaN", None), ("Infinity", None), ("-inf", None), ("5E2", None),
     ("1e-3", None), (" 5", None), ("5.", None), (".5", None), ("", None), ("1_000", None),
     ("٣", None), (562.5, None), (562, None), (None, None), (True, None), ("9" * 40, None)],
)  # fmt: skip
def test_only_plain_decimal_strings_are_amounts(text, parsed):
    assert parse_amount(text) == parsed


def test_the_seat_limit_is_the_one_in_the_message():
    with pytest.raises(ValueError, match=f"At most {MAX_SEATS:,} seats"):
        validate_seats(MAX_SEATS + 1)


@pytest.mark.parametrize(
    "current, new, allowed",
    [
        ("queued", "pending", True),
        ("queued", "provisioned", True),  # the feed may report it live at once
        ("queued", "rejected", True),
        ("pending", "provisioned", True),
        ("pending", "delayed", True),
        ("delayed", "provisioned", True),
        ("pending", "rejected", True),
        ("pending", "pending", True),
        ("provisioned", "pending", False),
        ("provisioned", "queued", False),
        ("provisioned", "rejected", False),
        ("rejected", "pending", False),
        ("rejected", "provisioned", False),
        ("delayed", "rejected", False),
        ("pending", "queued", False),
        ("pending", "cancelled", False),
        ("bogus", "pending", False),
    ],
)
def test_transitions(current, new, allowed):
    assert may_become(current, new) is allowed


def test_nothing_leaves_a_final_status():
    assert TRANSITIONS[Status.PROVISIONED] == TRANSITIONS[Status.REJECTED] == frozenset()
    for status in Status:
        assert may_become(Status.PROVISIONED, status) is (status == Status.PROVISIONED)


def test_pending_turns_delayed_after_five_minutes():
    accepted = NOW - LIVE_WITHIN
    assert status_at("pending", accepted, NOW) == Status.PENDING
    assert status_at("pending", accepted, NOW + timedelta(seconds=1)) == Status.DELAYED
    assert status_at("pending", None, NOW) == Status.PENDING
    assert status_at("queued", None, NOW) == Status.QUEUED
    assert status_at("provisioned", accepted - timedelta(hours=1), NOW) == Status.PROVISIONED


def test_the_order_body_reads_back():
    body = order_body(5, Decimal("562.50"), date(2026, 11, 26), "I acknowledge")
    assert body == {
        "seats": 5,
        "quoted_amount": "562.50",
        "quote_date": "2026-11-26",
        "acknowledged": True,
        "acknowledgement_text": "I acknowledge",
    }
    request = read_order_body(body)
    assert (request.seats, request.quoted_amount, request.quote_date) == (
        5,
        Decimal("562.50"),
        date(2026, 11, 26),
    )


@pytest.mark.parametrize(
    "change, code",
    [
        ({"quoted_amount": "sNaN"}, "invalid_quoted_amount"),
        ({"quoted_amount": 562.5}, "invalid_quoted_amount"),
        ({"quoted_amount": "5.625E2"}, "invalid_quoted_amount"),
        ({"quote_date": "20261126"}, "invalid_quote_date"),
        ({"quote_date": "2026-02-30"}, "invalid_quote_date"),
        ({"quote_date": 20261126}, "invalid_quote_date"),
        ({"acknowledged": "yes"}, "not_acknowledged"),
        ({"acknowledgement_text": None}, "not_acknowledged"),
    ],
)
def test_a_malformed_order_is_refused_with_its_own_code(change, code):
    body = {**order_body(5, Decimal("562.50"), date(2026, 11, 26), "I acknowledge"), **change}
    with pytest.raises(OrderRefusal) as refused:
        read_order_body(body)
    assert refused.value.code == code and refused.value.status == 422


def test_quote_dates_in_the_grace_period():
    today = date(2026, 12, 1)
    for days in range(8):
        check_quote_date(today - timedelta(days=days), today)  # 0 to 7 days back: taken
    with pytest.raises(OrderRefusal) as expired:
        check_quote_date(today - timedelta(days=8), today)
    assert (expired.value.code, expired.value.status) == ("quote_expired", 409)
    with pytest.raises(OrderRefusal) as future:
        check_quote_date(today + timedelta(days=1), today)
    assert (future.value.code, future.value.status) == ("quote_date_in_future", 422)


def test_only_the_services_own_refusals_reject():
    assert is_order_refusal(409, "quote_expired")
    assert is_order_refusal(422, "invalid_order")
    assert not is_order_refusal(400, "invalid_order")  # our code with a status it never has
    assert not is_order_refusal(409, "conflict")  # a code that is not ours
    assert not is_order_refusal(422, None)
    assert not is_order_refusal(429, "too_many_attempts")
    assert set(REFUSALS.values()) == {404, 409, 422}  # 404: no renewal on offer


@pytest.mark.parametrize("places", [0, 2, 3, 4])
def test_minor_text_writes_what_the_decimal_writes(places):
    values = [*range(-2100, 2100), 10**18 + 7, -(10**15), 123_456_789_012]
    assert [minor_text(units, places) for units in values] == [
        str(from_minor(units, places)) for units in values
    ]
