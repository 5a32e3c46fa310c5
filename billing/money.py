"""Money: ISO 4217 minor units, Decimal to and from integer minor units, the one rounding rule.

The minor units are ISO 4217's own (list one, as amended to 2025), kept here rather than read
from Babel: CLDR's digits change between Babel releases (HUF, COP and IDR had 2 in Babel 2.14
and 0 in 2.19) and differ from ISO (IQD), and an amount stored as integer minor units must read
back the same on every machine. Babel only formats.
"""

import re
from decimal import ROUND_HALF_UP, Decimal

ROUNDING = ROUND_HALF_UP  # the billing rule: one rounding, half up, at the end
UNIT_PRICE_PLACES = 4  # prices per seat may carry sub-cent digits

_NO_MINOR_UNIT = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"
_THOUSANDTHS = "BHD IQD JOD KWD LYD OMR TND"
_TEN_THOUSANDTHS = "CLF UYW"
_HUNDREDTHS = (
    "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN "
    "BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP "
    "GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT "
    "LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN "
    "NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE "
    "SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES "
    "WST XCD XCG YER ZAR ZMW ZWG"
)
MINOR_UNITS: dict[str, int] = {
    code: places
    for codes, places in (
        (_NO_MINOR_UNIT, 0),
        (_HUNDREDTHS, 2),
        (_THOUSANDTHS, 3),
        (_TEN_THOUSANDTHS, 4),
    )
    for code in codes.split()
}
PLAIN_DECIMAL = re.compile(r"-?[0-9]{1,18}(\.[0-9]{1,18})?")


class UnknownCurrency(ValueError):
    """Not an ISO 4217 currency with a minor unit."""


def minor_units(currency: str) -> int:
    """Digits after the decimal point in the currency's minor unit: USD 2, JPY 0, KWD 3."""
    try:
        return MINOR_UNITS[currency.upper()]
    except KeyError:
        raise UnknownCurrency(f"{currency!r} is not an ISO 4217 currency we bill in") from None


def round_money(amount: Decimal, currency: str) -> Decimal:
    """Round once, half up, to the currency's minor unit (cents; none for JPY)."""
    return amount.quantize(Decimal(1).scaleb(-minor_units(currency)), ROUNDING)


def to_minor(amount: Decimal, places: int) -> int:
    """Integer count of 10**-places units; refuses amounts that would need rounding."""
    scaled = amount.scaleb(places)
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{amount} has more than {places} decimal places")
    return int(scaled)


def from_minor(units: int, places: int) -> Decimal:
    """The Decimal worth `units` of 10**-places, with exactly `places` decimals."""
    return Decimal(units).scaleb(-places)


def minor_text(units: int, places: int) -> str:
    """`str(from_minor(units, places))` in integer arithmetic, for exports of a million rows."""
    if places == 0:
        return str(units)
    whole, part = divmod(abs(units), 10**places)
    return f"{'-' if units < 0 else ''}{whole}.{part:0{places}d}"


def amount_to_minor(amount: Decimal, currency: str) -> int:
    """An amount in the currency's minor units, as the databases store it."""
    return to_minor(amount, minor_units(currency))


def amount_from_minor(units: int, currency: str) -> Decimal:
    """A stored amount of the currency's minor units as a Decimal: 56250 USD is 562.50."""
    return from_minor(units, minor_units(currency))


def parse_amount(text: object) -> Decimal | None:
    """A plain decimal string such as "562.50" as a Decimal; None for anything else.

    Only digits with an optional sign and point: no exponent ("5E2"), no NaN or Infinity, no
    JSON number (a float would already have lost the exact value), no surrounding space.
    """
    if not isinstance(text, str) or not PLAIN_DECIMAL.fullmatch(text):
        return None
    return Decimal(text)
