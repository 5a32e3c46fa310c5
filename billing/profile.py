"""The organization's billing profile as both sides check it: who is billed, where, under
which tax ID, and who receives the invoices. Every refusal names its field."""

import re
from dataclasses import dataclass
from typing import Protocol

from billing.orders import check_purchase_order, has_hidden_characters
from billing.plain_text import normalized
from billing.text import QT_TRANSLATE_NOOP, Refusal

MAX_RECIPIENTS = 5
NAME_LENGTH, ADDRESS_LENGTH, TAX_ID_LENGTH = 200, 500, 32
# ISO 3166-1 alpha-2, the officially assigned codes.
_COUNTRY_CODES = """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
    BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
    DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS
    GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
    KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
    MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
    PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
    SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
    VN VU WF WS YE YT ZA ZM ZW
"""
COUNTRIES = frozenset(_COUNTRY_CODES.split())
# EU member states, whose VAT numbers carry their country's prefix (Greece's is EL).
_EU_MEMBERS = "AT BE BG CY CZ DE DK EE ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK"
EU_VAT_PREFIXES = {**{c: c for c in _EU_MEMBERS.split()}, "GR": "EL"}


class ProfileRefusal(Refusal):
    """A billing profile that cannot be saved; `field` names what to fix."""

    context = "BillingProfile"

    def __init__(self, field: str, template: str, **fields: object) -> None:
        super().__init__("invalid_billing_profile", template, **fields)
        self.field = field


@dataclass(frozen=True)
class BillingProfile:
    legal_name: str
    address: str  # postal address, one line per line
    country: str  # ISO 3166-1 alpha-2
    tax_id: str | None
    billing_emails: tuple[str, ...]
    default_purchase_order: str | None

    def as_json(self) -> dict:
        return {
            "legal_name": self.legal_name,
            "address": self.address,
            "country": self.country,
            "tax_id": self.tax_id,
            "billing_emails": list(self.billing_emails),
            "default_purchase_order": self.default_purchase_order,
        }


def check_profile(values: dict) -> BillingProfile:
    """The profile as stored (trimmed, the tax ID and e-mails in their standard form), or
    ProfileRefusal naming the first field that is wrong."""
    country = _text(values.get("country"), "country").upper()
    if country not in COUNTRIES:
        raise ProfileRefusal(
            "country",
            QT_TRANSLATE_NOOP(
                "BillingProfile", "Choose the country as a two-letter ISO code, such as US or DE."
            ),
        )
    return BillingProfile(
        legal_name=_legal_name(values.get("legal_name")),
        address=_address(values.get("address")),
        country=country,
        tax_id=check_tax_id(values.get("tax_id"), country),
        billing_emails=_emails(values.get("billing_emails")),
        default_purchase_order=_purchase_order(values.get("default_purchase_order")),
    )


def check_tax_id(value: object, country: str) -> str | None:
    """A tax ID valid for `country` (an EU VAT number with that country's prefix), compacted;
    None when empty. Countries whose numbers python-stdnum does not know take any short text."""
    from stdnum.eu import vat as eu_vat  # loaded when a profile is checked, not at start
    from stdnum.exceptions import ValidationError

    text = _text(value, "tax_id")
    if not text:
        return None
    if len(text) > TAX_ID_LENGTH or has_hidden_characters(text, allowed=""):
        raise _bad_tax_id(country)
    prefix = EU_VAT_PREFIXES.get(country)
    module = eu_vat if prefix else _number_module(country)
    if module is None:
        return text
    if prefix and not re.sub(r"[\s.-]", "", text).upper().startswith(prefix):
        text = prefix + text  # the country's prefix may be left out
    try:
        number = module.validate(text)
    except ValidationError:
        raise _bad_tax_id(country) from None
    shown = getattr(module, "format", None)  # not every country's module has one
    return shown(number) if shown is not None else number


class NumberModule(Protocol):
    """What python-stdnum's modules for tax numbers have in common."""

    def validate(self, number: str) -> str: ...


def _number_module(country: str) -> NumberModule | None:
    """python-stdnum's module for the country's business tax numbers, if it has one."""
    from stdnum import get_cc_module

    for kind in ("vat", "ein", "tin"):  # the US has no VAT: its businesses have an EIN
        module = get_cc_module(country.lower(), kind)
        if module is not None:
            return module
    return None


def _bad_tax_id(country: str) -> ProfileRefusal:
    return ProfileRefusal(
        "tax_id",
        QT_TRANSLATE_NOOP(
            "BillingProfile",
            "The tax ID is not a valid number for {country}: check it against your tax "
            "registration (an EU VAT number starts with its country's code, such as DE).",
        ),
        country=country,
    )


def _legal_name(value: object) -> str:
    text = _text(value, "legal_name")
    if not text or len(text) > NAME_LENGTH or has_hidden_characters(text, allowed=""):
        raise ProfileRefusal(
            "legal_name",
            QT_TRANSLATE_NOOP(
                "BillingProfile",
                "Enter the organization's legal name, at most 200 characters on one line.",
            ),
        )
    return text


def _address(value: object) -> str:
    text = re.sub(r"\r\n?", "\n", _text(value, "address"))
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    joined = "\n".join(lines)
    if not lines or len(joined) > ADDRESS_LENGTH or has_hidden_characters(joined, allowed="\n"):
        raise ProfileRefusal(
            "address",
            QT_TRANSLATE_NOOP(
                "BillingProfile",
                "Enter the postal address, one line per line, at most 500 characters.",
            ),
        )
    return joined


def _emails(value: object) -> tuple[str, ...]:
    if value is None:
        value = []
    if not isinstance(value, list) or len(value) > MAX_RECIPIENTS:
        raise ProfileRefusal(
            "billing_emails",
            QT_TRANSLATE_NOOP("BillingProfile", "Give at most 5 e-mail addresses for invoices."),
        )
    from email_validator import EmailNotValidError, validate_email  # loaded when first needed

    found: list[str] = []
    for each in value:
        try:
            address = validate_email(_text(each, "billing_emails"), check_deliverability=False)
        except EmailNotValidError:
            raise ProfileRefusal(
                "billing_emails",
                QT_TRANSLATE_NOOP(
                    "BillingProfile",
                    "{address} is not an e-mail address that can receive invoices.",
                ),
                address=str(each),
            ) from None
        if address.normalized.lower() not in (f.lower() for f in found):
            found.append(address.normalized)
    return tuple(found)


def _purchase_order(value: object) -> str | None:
    try:
        return check_purchase_order(value)
    except Refusal as refusal:
        raise ProfileRefusal("default_purchase_order", refusal.template) from None


def _text(value: object, field: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ProfileRefusal(
            field, QT_TRANSLATE_NOOP("BillingProfile", "{name} must be text."), name=field
        )
    return normalized(value).strip()
