"""Locale-aware text for money, dates and counts, straight from Decimal (never through float).

Babel is imported where it first formats: the window is built and shown before the first
figure is (its modules and a locale's data then load on a worker, ui.preload.load_locale_data).
"""

from copy import copy
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from billing.money import UNIT_PRICE_PLACES, minor_units, round_money
from billing.proration import PRORATE_BY_DAY, Quote, Working, exact_span, period_of
from desktop.i18n import translate

if TYPE_CHECKING:
    from babel import Locale
    from babel.numbers import NumberPattern

FALLBACK_LOCALE = "en_US"


@lru_cache(maxsize=16)
def babel_locale(name: str) -> "Locale":
    """The Babel locale for a Qt/POSIX name such as 'de_DE' or 'C' (which means en_US)."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(name.split(".")[0].replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse(FALLBACK_LOCALE)


@lru_cache(maxsize=64)
def _currency_pattern(locale: str, currency: str, most_digits: int) -> "NumberPattern":
    """The locale's currency pattern with ISO 4217's decimals for `currency`, not CLDR's."""
    from babel.numbers import parse_pattern

    pattern = copy(parse_pattern(babel_locale(locale).currency_formats["standard"]))
    pattern.frac_prec = (minor_units(currency), max(most_digits, minor_units(currency)))
    return pattern


def money(amount: Decimal, currency: str, locale: str) -> str:
    """An amount as the locale writes it, e.g. $1,234.50 or 1.234,50 €.

    Rounded by the billing rule (half up, to ISO 4217's minor unit), then only formatted.
    """
    pattern = _currency_pattern(locale, currency, 0)
    return pattern.apply(
        round_money(amount, currency),
        babel_locale(locale),
        currency=currency,
        currency_digits=False,
        decimal_quantization=False,
    )


def unit_price(amount: Decimal, currency: str, locale: str) -> str:
    """A price that may carry sub-cent digits (up to 4), which are shown rather than rounded."""
    pattern = _currency_pattern(locale, currency, UNIT_PRICE_PLACES)
    return pattern.apply(
        amount.normalize(),
        babel_locale(locale),
        currency=currency,
        currency_digits=False,
        decimal_quantization=False,
    )


def number(value: int, locale: str) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=babel_locale(locale))


def day(value: date, locale: str) -> str:
    """A date in the locale's medium form, e.g. 1 Mar 2026 or Mar 1, 2026."""
    from babel.dates import format_date

    return format_date(value, "medium", locale=babel_locale(locale))


def date_range(first: date, last: date, locale: str) -> str:
    return f"{day(first, locale)} – {day(last, locale)}"


def moment(value: datetime, timezone: str, locale: str) -> str:
    """A UTC timestamp as a medium date and a short time in `timezone`: Nov 26, 2026, 9:14 AM."""
    local = value.astimezone(ZoneInfo(timezone))
    return f"{day(local.date(), locale)}, {time_of_day(value, timezone, locale)}"


def time_of_day(value: datetime, timezone: str, locale: str) -> str:
    """A UTC timestamp's short time in `timezone`: 9:14 AM, 09:14."""
    from babel.dates import format_time

    local = value.astimezone(ZoneInfo(timezone))
    return format_time(local, "short", locale=babel_locale(locale))


def proration(working: Working) -> str:
    """What the price per seat per month is multiplied by: 9 months, or 12 months × 247/365 days
    (the wording the service's invoice prints, in the user's language)."""
    return working.text(translate)


def quote_working(priced: Quote, locale: str) -> str:
    """The total with its working, e.g. 5 seats × $12.50 per seat per month × 9 months
    (15 Jun 2026 – 28 Feb 2027) = $562.50."""
    seats = translate("Quote", "%Ln seat(s)", None, priced.seats)
    price = translate("Quote", "{price} per seat per month").format(
        price=unit_price(priced.monthly_unit_price, priced.currency, locale)
    )
    period = date_range(priced.period_start, priced.period_end, locale)
    total = money(priced.amount, priced.currency, locale)
    return f"{seats} × {price} × {proration(priced.working)} ({period}) = {total}"


def proration_rule(priced: Quote, locale: str) -> str:
    """The period and how it is counted, e.g. Nov 27, 2026 – Jul 31, 2027: 8 months and 5 days;
    a started month counts in full, so 9 months. Where the contract's own months do not run
    with the calendar's (it starts on a 29th-31st, or ends within one of its months), it names
    them: the contract's months run from Jan 31, 2026; Feb 28 – Mar 30, 2026 has started, so
    11 months."""
    period = date_range(priced.period_start, priced.period_end, locale)
    working = priced.working
    if working.unit == PRORATE_BY_DAY:
        return translate(
            "Quote", "{period}: {days} of the term's {term_days} days, priced by the day"
        ).format(period=period, days=working.days, term_days=working.term_days)
    months, days = exact_span(priced.period_start, priced.period_end)
    counted = translate("Quote", "%Ln month(s)", None, priced.prorated_months)
    if priced.term_start.day > 28 or months + (1 if days else 0) != priced.prorated_months:
        first, last = period_of(priced.term_start, priced.period_start)
        return translate(
            "Quote",
            "{period}: the contract's months run from {start}; {current} has started, so {counted}",
        ).format(
            period=period,
            start=day(priced.term_start, locale),
            current=date_range(first, min(last, priced.period_end), locale),
            counted=counted,
        )
    if not days:
        return f"{period}: {counted}"
    exact = translate("Quote", "%Ln day(s)", None, days)
    if months:
        exact = translate("Quote", "{months} and {days}").format(
            months=translate("Quote", "%Ln month(s)", None, months), days=exact
        )
    return translate(
        "Quote", "{period}: {exact}; a started month counts in full, so {counted}"
    ).format(period=period, exact=exact, counted=counted)
