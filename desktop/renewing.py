"""Renewing the contract from the desktop: the offer the service last made, a renewal recorded
here first (so it is never lost, and sent once whatever fails, its transaction ID being the
idempotency key), and sending it."""

import json
import logging
import random
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from billing.orders import OrderRefusal, check_purchase_order, is_order_refusal
from billing.plain_text import TextRefusal, check_text
from billing.renewal import (
    INSTRUCTIONS_LENGTH,
    RenewalRefusal,
    RenewalTerms,
    check_seats,
    renewal_terms,
)
from billing.statuses import Status
from billing.transaction_ids import SYSTEM_RANDOM, new_transaction_id
from db.database import write_transaction
from desktop.i18n import localized, localized_answer, translate
from desktop.models import (
    Administrator,
    AuditEvent,
    Contract,
    RenewalRecord,
    SyncState,
    database,
    utc_now,
)
from desktop.purchasing import PurchaseRefused, acknowledgement, check_buyer
from desktop.renewal_reminders import remember_renewed
from desktop.retry import backoff
from desktop.service_client import ServiceClient, ServiceRefused, ServiceUnavailable

OFFER_KEY = "renewal_offer"
REQUESTS_KEY = "reduction_requests"
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RenewalOffer:
    """The renewal the service offers while the window is open."""

    current_end: date
    term_start: date
    term_end: date
    seats_now: int
    monthly_price_now: Decimal
    monthly_price_next: Decimal
    currency: str

    def terms(self, seats: int, current_start: date) -> RenewalTerms:
        """The next term's price for `seats`, by the rule the service invoices with."""
        return renewal_terms(
            current_start, self.current_end, seats, self.monthly_price_next, self.currency
        )


def mirror_offer(client: ServiceClient) -> None:
    """Keep what the service offers now: an open renewal, or why there is none."""
    try:
        remote = client.renewal_offer()
    except ServiceRefused as error:
        if error.code == "already_renewed":
            remember_renewed(date.fromisoformat(client.contract()["end_date"]))
        remote = {"closed": error.code}
    _store(OFFER_KEY, json.dumps(remote))


def mirror_reduction_requests(client: ServiceClient) -> None:
    """Keep the requests for fewer seats and their answers, for Transaction History."""
    try:
        requests = client.reduction_requests()
    except ServiceRefused as error:  # a service from before renewals: none to show
        logger.info("no reduction requests from the service: %s", error)
        return
    _store(REQUESTS_KEY, json.dumps(requests))


@dataclass(frozen=True)
class ReductionRequest:
    seats_wanted: int
    reason: str
    requested_at: datetime
    answer: str | None


def reduction_requests() -> list[ReductionRequest]:
    """The requests as the service last listed them, newest first."""
    stored = SyncState.get_or_none(SyncState.key == REQUESTS_KEY)
    return [
        ReductionRequest(
            each["seats_wanted"],
            each["reason"],
            datetime.fromisoformat(each["created_at"]),
            each["answer"],
        )
        for each in (json.loads(stored.value) if stored else [])
    ]


def renewals() -> list[RenewalRecord]:
    """The renewals recorded here, newest first."""
    return list(RenewalRecord.select().order_by(RenewalRecord.id.desc()))


def renewal_offer() -> RenewalOffer | None:
    stored = SyncState.get_or_none(SyncState.key == OFFER_KEY)
    offer = json.loads(stored.value) if stored else {}
    if "term_start" not in offer:
        return None
    return RenewalOffer(
        date.fromisoformat(offer["current_end"]),
        date.fromisoformat(offer["term_start"]),
        date.fromisoformat(offer["term_end"]),
        offer["seats_now"],
        Decimal(offer["monthly_price_per_seat_now"]),
        Decimal(offer["monthly_price_per_seat"]),
        offer["currency"],
    )


def recorded_renewal(contract_id: int) -> RenewalRecord | None:
    """The renewal of this contract recorded here and not refused, if any."""
    return (
        RenewalRecord.select()
        .where((RenewalRecord.contract == contract_id) & (RenewalRecord.status != Status.REJECTED))
        .first()
    )


def renew(
    administrator: Administrator,
    contract_id: int,
    seats: int,
    shown_amount: Decimal,
    acknowledged: bool,
    purchase_order: str | None = None,
    instructions: str | None = None,
    now: datetime | None = None,
    rng: random.Random = SYSTEM_RANDOM,
) -> RenewalRecord:
    """Record the renewal at exactly the amount shown, before any network call."""
    check_buyer(administrator, acknowledged)
    offer = renewal_offer()
    contract = Contract.get_by_id(contract_id)
    if offer is None or offer.current_end != contract.end_date:
        raise PurchaseRefused(translate("Renewal", "The contract cannot be renewed now."))
    instructions = (instructions or "").strip() or None
    try:
        seats = check_seats(seats, offer.seats_now)
        purchase_order = check_purchase_order(purchase_order)
    except (RenewalRefusal, OrderRefusal) as refusal:
        raise PurchaseRefused(localized(refusal)) from refusal
    if instructions is not None:
        try:
            instructions = check_text(
                instructions,
                translate("Renewal", "The instructions"),
                multiline=True,
                limit=INSTRUCTIONS_LENGTH,
            )
        except TextRefusal as refusal:
            raise PurchaseRefused(localized(refusal)) from refusal
    terms = offer.terms(seats, contract.start_date)
    if terms.amount != shown_amount:
        raise PurchaseRefused(
            translate("Renewal", "The amount changed since it was shown: check it and renew again.")
        )
    now = now or utc_now()
    with write_transaction(database):
        if recorded_renewal(contract_id) is not None:
            raise PurchaseRefused(translate("Renewal", "This contract is renewed already."))
        record = RenewalRecord.create(
            transaction_id=_fresh_id(rng),
            created_at=now,
            administrator=administrator,
            contract=contract_id,
            **terms.ledger_fields(),
            purchase_order=purchase_order,
            instructions=instructions,
            acknowledgement_text=acknowledgement(),
            next_attempt_at=now,
        )
        AuditEvent.create(
            occurred_at=now,
            administrator=administrator,
            action="renewal",
            details=json.dumps(
                {
                    "transaction_id": record.transaction_id,
                    "seats": seats,
                    "amount": str(terms.amount),
                }
            ),
        )
    return record


def send_renewals(client: ServiceClient, now: datetime) -> str | None:
    """Send the renewals waiting here; returns what to tell the user of one refused."""
    problem = None
    waiting = RenewalRecord.select().where(
        (RenewalRecord.status == Status.QUEUED) & (RenewalRecord.next_attempt_at <= now)
    )
    for record in list(waiting):
        body = {
            "seats": record.seats,
            "quoted_amount": str(record.amount),
            "acknowledged": True,
            "acknowledgement_text": record.acknowledgement_text,
            "purchase_order": record.purchase_order,
            "instructions": record.instructions,
        }
        try:
            answer = client.renew(record.transaction_id, body)
        except ServiceRefused as error:
            if not is_order_refusal(error.status, error.code) and error.code not in (
                "already_renewed",
                "renewal_fewer_seats",
                "invalid_renewal",
                "renewal_not_open",
            ):
                _postpone(record, now, str(error))
                continue
            problem = localized_answer(error.details, str(error))
            RenewalRecord.update(status=Status.REJECTED, last_error=problem).where(
                RenewalRecord.id == record.id
            ).execute()
            continue
        except ServiceUnavailable as error:
            _postpone(record, now, str(error))
            raise
        RenewalRecord.update(
            status=Status.PROVISIONED, invoice_number=answer["invoice_number"], last_error=None
        ).where(RenewalRecord.id == record.id).execute()
        remember_renewed(record.contract.end_date)
    return problem


def _postpone(record: RenewalRecord, now: datetime, error: str) -> None:
    attempts = record.attempts + 1
    RenewalRecord.update(
        attempts=attempts, next_attempt_at=now + backoff(attempts), last_error=error
    ).where(RenewalRecord.id == record.id).execute()


def _fresh_id(rng: random.Random) -> str:
    while True:
        candidate = new_transaction_id(rng)
        if not RenewalRecord.select().where(RenewalRecord.transaction_id == candidate).exists():
            return candidate


def _store(key: str, value: str) -> None:
    SyncState.insert(key=key, value=value).on_conflict(
        conflict_target=[SyncState.key], update={SyncState.value: value}
    ).execute()
