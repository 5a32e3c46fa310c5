"""Conversion between Decimal amounts and the integer minor units stored in the database."""

from decimal import Decimal

from babel.numbers import get_currency_precision

UNIT_PRICE_PLACES = 4


def currency_exponent(currency: str) -> int:
    """Digits after the decimal point in the currency's minor unit (USD 2, JPY 0)."""
    return get_currency_precision(currency.upper())


def to_minor(amount: Decimal, places: int) -> int:
    """Integer count of 10**-places units; refuses amounts that would need rounding."""
    scaled = amount.scaleb(places)
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{amount} has more than {places} decimal places")
    return int(scaled)


def from_minor(units: int, places: int) -> Decimal:
    """The Decimal worth `units` of 10**-places, with exactly `places` decimals."""
    return Decimal(units).scaleb(-places)
