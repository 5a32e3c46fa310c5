"""Recording seat purchases in the local ledger, once and only once."""

from __future__ import annotations

import json
import logging
import random
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from peewee import IntegrityError

from billing.kinds import OrderKind
from billing.orders import (
    ACKNOWLEDGEMENT,
    NO_CONTRACT,
    OrderRefusal,
    check_invoice_note,
    check_purchase_order,
)
from billing.proration import Quote, QuoteError, quote, stored_working
from billing.transaction_ids import SYSTEM_RANDOM, new_transaction_id
from db.database import write_transaction
from desktop.access import may_manage_account
from desktop.account import current_contract
from desktop.formatting import day
from desktop.i18n import localized, translate
from desktop.models import (
    Administrator,
    AuditEvent,
    Contract,
    Outbox,
    SeatPurchase,
    database,
    utc_now,
)

if TYPE_CHECKING:
    from desktop.quotes import FormalQuote

_ID_DRAWS = 5
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Placed:
    """A purchase just recorded, as the window confirms it."""

    transaction_id: str
    seats: int
    amount: Decimal
    currency: str

    @classmethod
    def of(cls, purchase: SeatPurchase) -> Placed:
        return cls(purchase.transaction_id, purchase.seats, purchase.amount, purchase.currency)


class PurchaseRefused(Exception):
    """Nothing was bought; the message says why, fit to show a user."""


class QuoteChanged(PurchaseRefused):
    """The total differs from the one the user saw (the date rolled over); nothing was bought."""

    def __init__(self, new_quote: Quote) -> None:
        super().__init__(
            translate(
                "Purchasing",
                "The total changed since it was shown, so nothing was bought. "
                "Check the new total and purchase again.",
            )
        )
        self.new_quote = new_quote


def acknowledgement() -> str:
    """The acknowledgement as the user reads it, which is also what the purchase records."""
    return translate("Purchasing", ACKNOWLEDGEMENT)


def no_contract_message() -> str:
    return translate("Orders", NO_CONTRACT)


def check_buyer(administrator: Administrator, acknowledged: bool) -> None:
    """PurchaseRefused unless the administrator may buy and ticked the acknowledgement: the
    same for seats and for a renewal."""
    if not may_manage_account(administrator):
        raise PurchaseRefused(
            translate("Purchasing", "Your permission set does not include Manage Account.")
        )
    if not acknowledged:
        raise PurchaseRefused(
            translate(
                "Purchasing",
                "Tick the box to confirm that you are authorized to purchase for your "
                "organization.",
            )
        )


def purchase_seats(
    administrator: Administrator,
    seats: object,
    shown_amount: Decimal,
    acknowledged: bool,
    now: datetime | None = None,
    locale: str = "en_US",
    purchase_order: str | None = None,
    invoice_note: str | None = None,
) -> SeatPurchase:
    """Buy seats on the current contract at exactly the amount the user was shown, with an
    optional PO number and note for the invoice.

    The purchase is committed first; its receipt's fingerprint is kept afterwards, so a
    failure there can never undo or repeat a purchase.
    """
    check_buyer(administrator, acknowledged)
    try:
        checked_order = check_purchase_order(purchase_order)
        checked_note = check_invoice_note(invoice_note)
    except OrderRefusal as error:
        raise PurchaseRefused(localized(error)) from error
    now = now or utc_now()
    with write_transaction(database):
        summary = current_contract(administrator.organization, now)
        if summary is None:
            raise PurchaseRefused(no_contract_message())
        try:
            priced = quote(summary, seats, summary.today)
        except QuoteError as error:
            raise PurchaseRefused(localized(error)) from error
        if priced.amount != shown_amount:
            raise QuoteChanged(priced)
        contract = Contract.get_by_id(summary.contract_id)
        purchase = record_purchase(
            administrator,
            contract,
            priced,
            acknowledged_at=now,
            now=now,
            purchase_order=checked_order,
            invoice_note=checked_note,
        )
    return _with_receipt(purchase, locale)


def purchase_from_quote(
    administrator: Administrator,
    quoted: FormalQuote,
    acknowledged: bool,
    now: datetime | None = None,
    locale: str = "en_US",
) -> SeatPurchase:
    """Buy a formal quote's seats at its amount and for its period, with its PO number: the
    order carries the quote's number and is queued and sent once like any other; the service
    holds the quoted price until the quote's last day, whenever the order arrives."""
    check_buyer(administrator, acknowledged)
    now = now or utc_now()
    with write_transaction(database):
        summary = current_contract(administrator.organization, now)
        if summary is None:
            raise PurchaseRefused(no_contract_message())
        if quoted.kind != OrderKind.PURCHASE or not quoted.orderable(summary.today):
            raise PurchaseRefused(
                translate(
                    "Purchasing",
                    "Quote {number} cannot be ordered from any more: it was used, or it was "
                    "valid until {valid_until}. Request a new quote.",
                ).format(number=quoted.number, valid_until=day(quoted.valid_until, locale))
            )
        contract = Contract.get_by_id(summary.contract_id)
        priced = Quote(
            seats=quoted.seats,
            as_of=quoted.quote_date,
            prorated_months=quoted.months,
            period_start=quoted.period_start,
            period_end=quoted.period_end,
            monthly_unit_price=quoted.monthly_price_per_seat,
            amount=quoted.amount,
            currency=quoted.currency,
            working=stored_working(
                quoted.proration,
                contract.start_date,
                contract.end_date,
                quoted.period_start,
                quoted.months,
            ),
            term_start=contract.start_date,
        )
        purchase = record_purchase(
            administrator,
            contract,
            priced,
            acknowledged_at=now,
            now=now,
            purchase_order=quoted.purchase_order,
            quote_number=quoted.number,
        )
    return _with_receipt(purchase, locale)


def _with_receipt(purchase: SeatPurchase, locale: str) -> SeatPurchase:
    """The purchase, its receipt's fingerprint kept: a failure there never undoes it."""
    try:
        from desktop.receipts import issue_purchase_receipt  # with the first purchase

        purchase.receipt_sha256 = issue_purchase_receipt(purchase, locale)
    except Exception:  # the purchase stands; its receipt can be made again from the ledger
        logger.exception("could not fingerprint the receipt of %s", purchase.transaction_id)
    return purchase


def record_purchase(
    administrator: Administrator,
    contract: Contract,
    priced: Quote,
    acknowledged_at: datetime,
    now: datetime | None = None,
    rng: random.Random = SYSTEM_RANDOM,
    purchase_order: str | None = None,
    invoice_note: str | None = None,
    quote_number: str | None = None,
) -> SeatPurchase:
    """Write the purchase, its outbox entry and its audit event in one transaction, before
    any network call; the new transaction ID is the purchase's idempotency key."""
    now = now or utc_now()
    from desktop.billing_profile import current_parties  # the parties of its time

    with write_transaction(database):
        organization = contract.organization_id
        purchase = _insert_with_fresh_id(
            rng,
            organization=organization,
            created_at=now,
            administrator=administrator,
            purchased_by_name=administrator.name,
            purchased_by_email=administrator.email,
            contract=contract,
            **priced.ledger_fields(),
            acknowledgement_text=acknowledgement(),
            acknowledged_at=acknowledged_at,
            purchase_order=purchase_order,
            invoice_note=invoice_note,
            parties=current_parties(organization),
            quote_number=quote_number,
        )
        Outbox.create(
            organization=organization, purchase=purchase, next_attempt_at=now, created_at=now
        )
        AuditEvent.create(
            organization=organization,
            occurred_at=now,
            administrator=administrator,
            action="purchase",
            details=json.dumps(
                {
                    "transaction_id": purchase.transaction_id,
                    "seats": priced.seats,
                    "amount": str(priced.amount),
                    "currency": priced.currency,
                    "purchase_order": purchase_order,
                    "quote_number": quote_number,
                }
            ),
        )
    return purchase


def _insert_with_fresh_id(rng: random.Random, **fields: object) -> SeatPurchase:
    """Insert under a transaction ID not used yet (the write lock is already held)."""
    for _ in range(_ID_DRAWS):
        transaction_id = new_transaction_id(rng)
        if not SeatPurchase.select().where(SeatPurchase.transaction_id == transaction_id).exists():
            return SeatPurchase.create(
                transaction_id=transaction_id, idempotency_key=transaction_id, **fields
            )
    raise IntegrityError("no unused transaction ID found")
