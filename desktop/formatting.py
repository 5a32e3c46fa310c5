"""Locale-aware text for money, dates and counts, straight from Decimal (never through float)."""

from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time
from babel.numbers import format_currency, format_decimal

from desktop.i18n import translate
from desktop.proration import PRORATE_BY_DAY, ContractTerms, Quote, months_between

FALLBACK_LOCALE = "en_US"


@lru_cache(maxsize=16)
def babel_locale(name: str) -> Locale:
    """The Babel locale for a Qt/POSIX name such as 'de_DE' or 'C' (which means en_US)."""
    try:
        return Locale.parse(name.split(".")[0].replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse(FALLBACK_LOCALE)


def money(amount: Decimal, currency: str, locale: str) -> str:
    """An amount as the locale writes it, e.g. $1,234.50 or 1.234,50 €."""
    return format_currency(amount, currency, locale=babel_locale(locale))


def unit_price(amount: Decimal, currency: str, locale: str) -> str:
    """A price that may carry sub-cent digits (up to 4), which are shown rather than rounded."""
    return format_currency(
        amount.normalize(), currency, locale=babel_locale(locale), decimal_quantization=False
    )


def number(value: int, locale: str) -> str:
    return format_decimal(value, locale=babel_locale(locale))


def day(value: date, locale: str) -> str:
    """A date in the locale's medium form, e.g. 1 Mar 2026 or Mar 1, 2026."""
    return format_date(value, "medium", locale=babel_locale(locale))


def date_range(first: date, last: date, locale: str) -> str:
    return f"{day(first, locale)} – {day(last, locale)}"


def moment(value: datetime, timezone: str, locale: str) -> str:
    """A UTC timestamp as a medium date and a short time in `timezone`: Nov 26, 2026, 9:14 AM."""
    local = value.astimezone(ZoneInfo(timezone))
    return (
        f"{day(local.date(), locale)}, {format_time(local, 'short', locale=babel_locale(locale))}"
    )


def quote_working(priced: Quote, terms: ContractTerms, locale: str) -> str:
    """The total with its working, e.g. 5 seats × $12.50 per seat per month × 9 months
    (15 Jun 2026 – 28 Feb 2027) = $562.50."""
    seats = translate("Quote", "%Ln seat(s)", None, priced.seats)
    price = translate("Quote", "{price} per seat per month").format(
        price=unit_price(priced.monthly_unit_price, priced.currency, locale)
    )
    period = date_range(priced.period_start, priced.period_end, locale)
    total = money(priced.amount, priced.currency, locale)
    if terms.proration_unit == PRORATE_BY_DAY:
        remaining = (priced.period_end - priced.period_start).days + 1
        whole = (terms.end_date - terms.start_date).days + 1
        term_months = months_between(terms.start_date, terms.end_date)
        months = translate("Quote", "%Ln month(s)", None, term_months)
        days = translate("Quote", "{remaining}/{whole} days").format(
            remaining=remaining, whole=whole
        )
        return f"{seats} × {price} × {months} × {days} ({period}) = {total}"
    months = translate("Quote", "%Ln month(s)", None, priced.prorated_months)
    return f"{seats} × {price} × {months} ({period}) = {total}"
