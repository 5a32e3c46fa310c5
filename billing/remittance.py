"""Where to pay an invoice: the vendor's bank account for its currency, and the EPC QR text."""

from decimal import Decimal

from billing.text import QT_TRANSLATE_NOOP

BANK_FIELDS = ("iban", "bic", "account_number", "routing_number")  # the vendor's, each optional
# The fields a payment in each currency needs, with their labels, in the order printed.
ACCOUNT_FIELDS = {
    "EUR": (
        ("iban", QT_TRANSLATE_NOOP("Remittance", "IBAN")),
        ("bic", QT_TRANSLATE_NOOP("Remittance", "BIC")),
    ),
    "USD": (
        ("account_number", QT_TRANSLATE_NOOP("Remittance", "Account number")),
        ("routing_number", QT_TRANSLATE_NOOP("Remittance", "Routing number (ABA)")),
    ),
}
EPC_NAME_LENGTH = 70  # EPC069-12: the beneficiary's name, at most 70 characters
EPC_REFERENCE_LENGTH = 140  # and the unstructured remittance information, at most 140


def bank_account(vendor: dict, currency: str) -> list[tuple[str, str]]:
    """The vendor's account for payments in `currency` as (label, value), checked and written
    as a bank writes it (an IBAN in groups of four); none when a field of it is missing.

    ValueError (python-stdnum's) when a number is not valid: a wrong account never prints."""
    from stdnum import iban

    account = payee_account(vendor, currency)
    return [
        (label, iban.format(account[name]) if name == "iban" else account[name])
        for name, label in ACCOUNT_FIELDS.get(currency, ())
        if account
    ]


def payee_account(vendor: dict, currency: str) -> dict[str, str]:
    """The vendor's account fields for payments in `currency`, checked, in the compact form a
    payment file carries (an IBAN without spaces); empty when a field of it is missing.

    ValueError (python-stdnum's) when a number is not valid."""
    fields = ACCOUNT_FIELDS.get(currency, ())
    if not fields or not all(vendor.get(name) for name, _ in fields):
        return {}
    return {name: _checked(name, vendor[name]) for name, _ in fields}


def _checked(name: str, value: str) -> str:
    from stdnum import bic, iban  # loaded when a document is made, not at start
    from stdnum.us import rtn

    if name == "iban":
        return iban.validate(value)
    if name == "bic":
        return bic.validate(value)
    if name == "routing_number":
        return rtn.validate(value)
    return value.strip()


def epc_payload(name: str, iban: str, bic: str, amount: Decimal, reference: str) -> str:
    """The text of an EPC QR code ("GiroCode", EPC069-12 version 002) for a SEPA credit
    transfer of `amount` euros to `iban`, quoting `reference` as unstructured remittance
    information; ValueError when the IBAN or BIC is not valid or the amount is out of range."""
    from stdnum import bic as bics
    from stdnum import iban as ibans

    if not Decimal("0.01") <= amount <= Decimal("999999999.99"):
        raise ValueError(f"An EPC QR code carries 0.01 to 999999999.99 euros, not {amount}.")
    return "\n".join(
        (
            "BCD",  # service tag
            "002",  # version
            "1",  # character set: UTF-8
            "SCT",  # SEPA credit transfer
            bics.validate(bic),
            name[:EPC_NAME_LENGTH],
            ibans.validate(iban),
            f"EUR{amount.quantize(Decimal('0.01'))}",
            "",  # purpose
            "",  # structured reference (ISO 11649): none, an invoice number is not one
            reference[:EPC_REFERENCE_LENGTH],
        )
    )
