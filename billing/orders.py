"""An order as both sides read it, of either kind: its JSON body, the quote-date rule, the
refusals.

The desktop records a purchase at the total it showed, on the contract's local day it showed
it (the quote date), and may send it days later. The service prices the order at that quote
date, so the stored period and the invoiced amount are the ones the user saw, as long as the
quote date is no later than the service's today and no older than the grace period. A renewal
is recorded and sent the same way, at the next term's amount, with instructions instead of a
quote date and a note.
"""

import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from billing.kinds import OrderKind
from billing.money import amount_to_minor, parse_amount
from billing.plain_text import REFUSED_CATEGORIES, TextRefusal, check_text, normalized
from billing.text import QT_TRANSLATE_NOOP, Refusal

ACKNOWLEDGEMENT = QT_TRANSLATE_NOOP(
    "Purchasing",
    "I acknowledge that I am authorized to make purchase on behalf of my organization",
)
NO_CONTRACT = QT_TRANSLATE_NOOP("Orders", "There is no current contract to add seats to.")
QUOTE_GRACE_DAYS = 7
PURCHASE_ORDER_LENGTH = 40
INVOICE_NOTE_LENGTH = 500
ACKNOWLEDGEMENT_LENGTH = 500
INSTRUCTIONS_LENGTH = 1000
QUOTE_NUMBER_LENGTH = 64
# billing.plain_text's rule (controls, format characters such as the bidirectional overrides
# that can make a printed text read differently from what was typed, line and paragraph
# separators, surrogates), and private-use and unassigned characters too.
_HIDDEN_CATEGORIES = REFUSED_CATEGORIES | {"Co", "Cn"}

# The service's own refusals of an order of either kind (POST /v1/seat-orders, POST
# /v1/renewals), with the HTTP status it answers each with. Only these reject an order for good;
# any other answer leaves it queued to be sent again.
REFUSALS = {
    "invalid_order": 422,
    "invalid_quoted_amount": 422,
    "invalid_quote_date": 422,
    "not_acknowledged": 422,
    "contract_ended": 422,
    "contract_not_started": 422,
    "quote_date_in_future": 422,
    "invalid_purchase_order": 422,
    "invalid_invoice_note": 422,
    "quote_changed": 409,
    "quote_expired": 409,
    "idempotency_key_reused": 409,
    "unknown_quote": 422,  # a formal quote (quote_number) of either kind from here on
    "quote_mismatch": 422,
    "quote_used": 409,
    "approval_denied": 409,  # above the buyer's spending limit, and an approver said no
    "approval_expired": 409,  # no approver decided before the quote it held ran out
    "already_renewed": 409,  # renewals only from here on
    "renewal_fewer_seats": 422,
    "invalid_renewal": 422,
    "renewal_not_open": 404,  # as GET /v1/renewal says it: no renewal on offer
    "no_contract": 404,  # the contract ended before the renewal reached the service
}
REQUOTED = ("quote_changed", "quote_expired")  # refusals that carry a fresh quote


class OrderRefusal(Refusal):
    """An order the service will not take; `status` is the HTTP status it answers with."""

    context = "Orders"

    @property
    def status(self) -> int:
        return REFUSALS[self.code]


class RenewalRefusal(OrderRefusal):
    """A renewal the service will not take (its text marked in the "Renewal" context)."""

    context = "Renewal"


def no_current_contract() -> OrderRefusal:
    return OrderRefusal("contract_ended", NO_CONTRACT)


def quote_changed(kind: OrderKind = OrderKind.PURCHASE) -> OrderRefusal:
    if kind == OrderKind.RENEWAL:
        return RenewalRefusal(
            "quote_changed",
            QT_TRANSLATE_NOOP(
                "Renewal", "The amount differs from the renewal's price, so nothing was renewed."
            ),
        )
    return OrderRefusal(
        "quote_changed",
        QT_TRANSLATE_NOOP(
            "Orders",
            "The total differs from the price on the day it was quoted, so nothing was ordered.",
        ),
    )


def approval_denied(approver: str, reason: str) -> OrderRefusal:
    return OrderRefusal(
        "approval_denied",
        QT_TRANSLATE_NOOP(
            "Orders", "Above the spending limit, and {approver} did not approve it: {reason}"
        ),
        approver=approver,
        reason=reason,
    )


def approval_expired(valid_until: date) -> OrderRefusal:
    return OrderRefusal(
        "approval_expired",
        QT_TRANSLATE_NOOP(
            "Orders",
            "Above the spending limit, and no approver decided while its price held (until "
            "{valid_until}), so nothing was ordered.",
        ),
        valid_until=valid_until.isoformat(),
    )


def already_renewed(transaction_id: str) -> OrderRefusal:
    return RenewalRefusal(
        "already_renewed",
        QT_TRANSLATE_NOOP(
            "Renewal", "This contract is renewed already (transaction {transaction_id})."
        ),
        transaction_id=transaction_id,
    )


def above_spending_limit(amount: Decimal, currency: str, limit_minor: int | None) -> bool:
    """Whether an order's amount is above its buyer's spending limit (in the currency's minor
    units; None: no limit), so that it waits for an approver: strictly above, to the cent."""
    return limit_minor is not None and amount_to_minor(amount, currency) > limit_minor


def is_order_refusal(status: int, code: object) -> bool:
    """Whether an HTTP answer is one of the service's own refusals of an order of either kind."""
    return isinstance(code, str) and REFUSALS.get(code) == status


@dataclass(frozen=True)
class OrderRequest:
    """An order of either kind as its body carries it; the fields of the other kind are None."""

    kind: OrderKind
    seats: int | None  # None when not a JSON whole number: the kind's seat rule refuses it
    quoted_amount: Decimal
    quote_date: date | None = None  # purchases; None from desktops older than it: today
    acknowledgement_text: str = ""
    purchase_order: str | None = None
    invoice_note: str | None = None  # purchases
    instructions: str | None = None  # renewals: for the account manager and the invoice
    quote_number: str | None = None  # the formal quote it is placed from, which prices it


def encode_order(request: OrderRequest) -> dict:
    """The JSON body of POST /v1/seat-orders or /v1/renewals, as the desktop sends it.

    The service fingerprints bodies for idempotency, so each kind keeps the body it always had:
    a purchase without a PO number or note leaves both out (and a quote date only when it has
    one); a renewal always carries purchase_order and instructions, null when empty.
    """
    body: dict = {"seats": request.seats, "quoted_amount": str(request.quoted_amount)}
    if request.quote_number is not None:
        body["quote_number"] = request.quote_number
    if request.kind == OrderKind.RENEWAL:
        return body | {
            "acknowledged": True,
            "acknowledgement_text": request.acknowledgement_text,
            "purchase_order": request.purchase_order,
            "instructions": request.instructions,
        }
    if request.quote_date is not None:
        body["quote_date"] = request.quote_date.isoformat()
    body |= {"acknowledged": True, "acknowledgement_text": request.acknowledgement_text}
    if request.purchase_order:
        body["purchase_order"] = request.purchase_order
    if request.invoice_note:
        body["invoice_note"] = request.invoice_note
    return body


def order_body(
    seats: int,
    quoted_amount: Decimal,
    quote_date: date,
    acknowledgement_text: str,
    purchase_order: str | None = None,
    invoice_note: str | None = None,
    quote_number: str | None = None,
) -> dict:
    """A purchase's body: `encode_order` of an OrderRequest of kind PURCHASE."""
    return encode_order(
        OrderRequest(
            OrderKind.PURCHASE,
            seats,
            quoted_amount,
            quote_date,
            acknowledgement_text,
            purchase_order,
            invoice_note,
            quote_number=quote_number,
        )
    )


def check_purchase_order(text: object) -> str | None:
    """The PO number as stored (trimmed; None when empty), or OrderRefusal saying what is wrong."""
    cleaned = _optional_text(text)
    if cleaned is not None and (
        len(cleaned) > PURCHASE_ORDER_LENGTH or has_hidden_characters(cleaned, allowed="")
    ):
        raise OrderRefusal(
            "invalid_purchase_order",
            QT_TRANSLATE_NOOP(
                "Orders",
                "The purchase order number can have at most 40 characters, all of them "
                "printable (no tabs, line breaks or other control characters).",
            ),
        )
    return cleaned


def check_invoice_note(text: object) -> str | None:
    """The note for the invoice as stored (trimmed, line breaks kept; None when empty), or
    OrderRefusal saying what is wrong."""
    cleaned = _optional_text(text)
    if cleaned is not None:
        cleaned = normalized(cleaned, multiline=True)
    if cleaned is not None and (
        len(cleaned) > INVOICE_NOTE_LENGTH or has_hidden_characters(cleaned, allowed="\n")
    ):
        raise OrderRefusal(
            "invalid_invoice_note",
            QT_TRANSLATE_NOOP(
                "Orders",
                "The note for the invoice can have at most 500 characters, and no tabs or "
                "other control characters (line breaks are fine).",
            ),
        )
    return cleaned


def _optional_text(text: object) -> str | None:
    if text is None:
        return None
    if not isinstance(text, str):
        return "\x00"  # not text at all: refused like a control character
    return normalized(text).strip() or None


def acknowledged(body: dict) -> bool:
    """Whether an order or renewal body is acknowledged with a text that keeps to the rule: one
    line of at most 500 characters."""
    text = body.get("acknowledgement_text")
    return (
        body.get("acknowledged") is True
        and isinstance(text, str)
        and 0 < len(text) <= ACKNOWLEDGEMENT_LENGTH
        and not has_hidden_characters(text, allowed="")
    )


def has_hidden_characters(text: str, allowed: str) -> bool:
    """Whether `text` has control, format, separator, private-use or unassigned characters
    not in `allowed`."""
    return any(unicodedata.category(c) in _HIDDEN_CATEGORIES and c not in allowed for c in text)


def read_order_body(body: dict) -> OrderRequest:
    """A purchase in a request body: `decode_order` of kind PURCHASE."""
    return decode_order(OrderKind.PURCHASE, body)


def decode_order(kind: OrderKind, body: dict) -> OrderRequest:
    """The order of `kind` in a request body, or OrderRefusal naming what is wrong with it.

    The seats are read, not judged: the kind's own rule (proration, or the renewal's seats)
    refuses those it does not take.
    """
    if not acknowledged(body):
        raise _not_acknowledged(kind)
    amount = parse_amount(body.get("quoted_amount"))
    if amount is None:
        raise OrderRefusal(
            "invalid_quoted_amount",
            QT_TRANSLATE_NOOP(
                "Orders",
                'quoted_amount must be the total shown, as a decimal string such as "562.50".',
            ),
        )
    quote_date = _quote_date(body.get("quote_date")) if kind == OrderKind.PURCHASE else None
    seats = body.get("seats")
    if isinstance(seats, float) and seats.is_integer():  # 5.0 is a JSON Schema integer too
        seats = int(seats)
    if not isinstance(seats, int) or isinstance(seats, bool):
        seats = None
    purchase_order = check_purchase_order(body.get("purchase_order"))
    number = _quote_number(body.get("quote_number"))
    if kind == OrderKind.RENEWAL:
        return OrderRequest(
            kind,
            seats,
            amount,
            acknowledgement_text=body["acknowledgement_text"],
            purchase_order=purchase_order,
            instructions=check_instructions(body.get("instructions")),
            quote_number=number,
        )
    return OrderRequest(
        kind,
        seats,
        amount,
        quote_date,
        body["acknowledgement_text"],
        purchase_order,
        check_invoice_note(body.get("invoice_note")),
        quote_number=number,
    )


def _quote_number(text: object) -> str | None:
    if text is None:
        return None
    if not isinstance(text, str) or len(text) > QUOTE_NUMBER_LENGTH:
        raise unknown_quote(str(text)[:QUOTE_NUMBER_LENGTH])
    return text


def unknown_quote(number: str) -> OrderRefusal:
    return OrderRefusal(
        "unknown_quote",
        QT_TRANSLATE_NOOP("Orders", "There is no quote {number} for your organization."),
        number=number,
    )


def quote_used(number: str, transaction_id: str) -> OrderRefusal:
    return OrderRefusal(
        "quote_used",
        QT_TRANSLATE_NOOP(
            "Orders",
            "Quote {number} was ordered already (transaction {transaction_id}); a quote is "
            "good for one order.",
        ),
        number=number,
        transaction_id=transaction_id,
    )


def quote_lapsed(number: str, valid_until: date) -> OrderRefusal:
    """A formal quote past its validity: `quote_expired`, as an old quote date is."""
    return OrderRefusal(
        "quote_expired",
        QT_TRANSLATE_NOOP(
            "Orders",
            "Quote {number} was valid until {valid_until}, so nothing was ordered. Ask for a "
            "new quote, or order at today's price.",
        ),
        number=number,
        valid_until=valid_until.isoformat(),
    )


def quote_mismatch(number: str) -> OrderRefusal:
    return OrderRefusal(
        "quote_mismatch",
        QT_TRANSLATE_NOOP(
            "Orders",
            "The order differs from quote {number} (its kind, seats or total), so nothing was "
            "ordered.",
        ),
        number=number,
    )


def _not_acknowledged(kind: OrderKind) -> OrderRefusal:
    if kind == OrderKind.RENEWAL:
        return RenewalRefusal(
            "not_acknowledged",
            QT_TRANSLATE_NOOP(
                "Renewal",
                "The renewal must be acknowledged (acknowledged: true), with the text the "
                "purchaser agreed to (acknowledgement_text).",
            ),
        )
    return OrderRefusal(
        "not_acknowledged",
        QT_TRANSLATE_NOOP(
            "Orders",
            "The purchase must be acknowledged (acknowledged: true), with the text the "
            "purchaser agreed to (acknowledgement_text).",
        ),
    )


def _quote_date(text: object) -> date | None:
    if text is None:
        return None
    try:
        quote_date = date.fromisoformat(text) if isinstance(text, str) and len(text) == 10 else None
    except ValueError:
        quote_date = None
    if quote_date is None:
        raise OrderRefusal(
            "invalid_quote_date",
            QT_TRANSLATE_NOOP(
                "Orders", 'quote_date must be a date such as "2026-11-27", or left out.'
            ),
        )
    return quote_date


def check_instructions(text: object) -> str | None:
    """A renewal's instructions as stored (line endings made line feeds; None when empty), or
    RenewalRefusal: at most 1,000 characters of multi-line text (billing.plain_text's rule)."""
    if text is None:
        return None
    try:
        cleaned = (
            check_text(text, "instructions", multiline=True, limit=INSTRUCTIONS_LENGTH)
            if isinstance(text, str)
            else None
        )
    except TextRefusal:
        cleaned = None
    if cleaned is None:
        raise RenewalRefusal(
            "invalid_renewal",
            QT_TRANSLATE_NOOP(
                "Renewal",
                "The instructions can have at most 1000 characters, with line breaks but no "
                "control or invisible formatting characters.",
            ),
        )
    return cleaned or None


def check_quote_date(quote_date: date, today: date, grace_days: int = QUOTE_GRACE_DAYS) -> None:
    """Refuse a quote date after `today`, or more than `grace_days` before it."""
    if quote_date > today:
        raise OrderRefusal(
            "quote_date_in_future",
            QT_TRANSLATE_NOOP(
                "Orders", "The quote date {quote_date} is after today ({today}) where you are."
            ),
            quote_date=quote_date.isoformat(),
            today=today.isoformat(),
        )
    if quote_date < today - timedelta(days=grace_days):
        raise OrderRefusal(
            "quote_expired",
            QT_TRANSLATE_NOOP(
                "Orders",
                "The total quoted on {quote_date} is no longer valid, so nothing was ordered. "
                "Check today's total and purchase again.",
            ),
            quote_date=quote_date.isoformat(),
        )
