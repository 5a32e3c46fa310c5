"""Renewing the contract from the desktop: the offer the service last made, a renewal recorded
here first (so it is never lost, and sent once whatever fails, its transaction ID being the
idempotency key), and sending it."""

import json
import logging
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from billing.kinds import OrderKind
from billing.money import amount_to_minor
from billing.orders import (
    OrderRefusal,
    OrderRequest,
    check_instructions,
    check_purchase_order,
    encode_order,
    is_order_refusal,
)
from billing.renewal import RenewalTerms, check_seats, renewal_terms
from billing.statuses import Status, shown_status, transition
from billing.transaction_ids import SYSTEM_RANDOM, new_transaction_id
from db.database import write_transaction
from desktop.access import administrator_of
from desktop.account import organization_today, pending_seats
from desktop.billing_profile import current_parties
from desktop.i18n import localized, localized_answer, translate
from desktop.models import (
    Administrator,
    AuditEvent,
    Contract,
    Organization,
    RenewalRecord,
    SyncState,
    database,
    utc_now,
)
from desktop.purchasing import PurchaseRefused, acknowledgement, check_buyer
from desktop.renewal_reminders import remember_renewed
from desktop.retry import APPROVAL_ASKED_EVERY, backoff
from desktop.service_client import (
    HeldForApproval,
    NotSignedIn,
    ServiceClient,
    ServiceRefused,
    ServiceUnavailable,
)
from desktop.step_result import StepResult

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


def mirror_offer(client: ServiceClient, organization: Organization) -> bool:
    """Keep what the service offers now: an open renewal, or why there is none; True when
    that changed."""
    try:
        remote = client.renewal_offer()
    except ServiceRefused as error:
        if error.code == "already_renewed":
            remember_renewed(organization, date.fromisoformat(client.contract()["end_date"]))
        remote = {"closed": error.code}
    return _keep(organization, OFFER_KEY, remote)


def mirror_reduction_requests(client: ServiceClient, organization: Organization) -> bool:
    """Keep the requests for fewer seats and their answers, for Transaction History."""
    try:
        requests = client.reduction_requests()
    except ServiceRefused as error:  # a service from before renewals: none to show
        logger.info("no reduction requests from the service: %s", error)
        return False
    except NotSignedIn as error:
        if error.status != 403:
            raise
        # A service from before View Billing read them: a finance user sees none (the rest of
        # the round, which it may read, has said already whether the session lost its rights).
        logger.info("reduction requests not shown to this user: %s", error)
        return False
    return _keep(organization, REQUESTS_KEY, requests)


@dataclass(frozen=True)
class ReductionRequest:
    seats_wanted: int
    reason: str
    requested_at: datetime
    answer: str | None

    @classmethod
    def from_answer(cls, answer: dict) -> "ReductionRequest":
        """A request as the service describes it (and as it is kept here from its list)."""
        return cls(
            answer["seats_wanted"],
            answer["reason"],
            datetime.fromisoformat(answer["created_at"]),
            answer["answer"],
        )


def reduction_requests(organization: Organization) -> list[ReductionRequest]:
    """The requests as the service last listed them, newest first."""
    stored = SyncState.read(organization, REQUESTS_KEY)
    return [ReductionRequest.from_answer(each) for each in (json.loads(stored) if stored else [])]


@dataclass(frozen=True)
class Renewal:
    """A renewal as Transaction History lists it."""

    transaction_id: str
    term_start: date
    term_end: date
    seats: int
    amount: Decimal
    currency: str
    status: Status  # as shown: Active once its term has begun
    reason: str | None  # the service's, when it refused the renewal


def renewals(organization: Organization, now: datetime | None = None) -> list[Renewal]:
    """The organization's renewals recorded here, newest first."""
    now = now or utc_now()
    today = organization_today(organization, now)
    recorded = (
        RenewalRecord.select()
        .where(RenewalRecord.organization == organization)
        .order_by(RenewalRecord.id.desc())
    )
    return [
        Renewal(
            r.transaction_id,
            r.term_start,
            r.term_end,
            r.seats,
            r.amount,
            r.currency,
            shown_status(OrderKind.RENEWAL, r.status, None, now, r.term_start, today),
            r.last_error if r.status == Status.REJECTED else None,
        )
        for r in recorded
    ]


def renewal_offer(organization: Organization) -> RenewalOffer | None:
    """The renewal the service offers, its seats now read here as this moment has them: the
    contract's live seats and those bought and not live yet (the offer was made before)."""
    stored = SyncState.read(organization, OFFER_KEY)
    offer = json.loads(stored) if stored else {}
    if "term_start" not in offer:
        return None
    current_end = date.fromisoformat(offer["current_end"])
    contract = Contract.get_or_none(
        (Contract.organization == organization) & (Contract.end_date == current_end)
    )
    seats_now = offer["seats_now"]
    if contract is not None:
        seats_now = max(seats_now, contract.licensed_seats + pending_seats(contract.id))
    return RenewalOffer(
        current_end,
        date.fromisoformat(offer["term_start"]),
        date.fromisoformat(offer["term_end"]),
        seats_now,
        Decimal(offer["monthly_price_per_seat_now"]),
        Decimal(offer["monthly_price_per_seat"]),
        offer["currency"],
    )


def latest_renewal(contract_id: int) -> RenewalRecord | None:
    """The renewal of this contract last recorded here, refused or not."""
    return (
        RenewalRecord.select()
        .where(RenewalRecord.contract == contract_id)
        .order_by(RenewalRecord.id.desc())
        .first()
    )


def recorded_renewal(contract_id: int) -> RenewalRecord | None:
    """The renewal of this contract recorded here and not refused, if any."""
    latest = latest_renewal(contract_id)
    return latest if latest is not None and latest.status != Status.REJECTED else None


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
    organization = administrator.organization
    offer = renewal_offer(organization)
    contract = Contract.get_or_none(
        (Contract.id == contract_id) & (Contract.organization == organization)
    )
    if contract is None or offer is None or offer.current_end != contract.end_date:
        raise PurchaseRefused(translate("Renewal", "The contract cannot be renewed now."))
    try:
        seats = check_seats(seats, offer.seats_now)
        purchase_order = check_purchase_order(purchase_order)
        instructions = check_instructions((instructions or "").strip() or None)
    except OrderRefusal as refusal:
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
            organization=organization,
            transaction_id=_fresh_id(rng),
            created_at=now,
            administrator=administrator,
            contract=contract_id,
            **terms.ledger_fields(),
            purchase_order=purchase_order,
            instructions=instructions,
            acknowledgement_text=acknowledgement(),
            next_attempt_at=now,
            parties=current_parties(organization),
        )
        AuditEvent.create(
            organization=organization,
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


def send_renewals(
    client: ServiceClient, organization: Organization, now: datetime, result: StepResult
) -> None:
    """Send the organization's renewals waiting here (recorded, sent without an answer yet, or
    awaiting approval: sent again now and then to learn the decision); each answer, accepted,
    held for approval or refused, is a change to show, and a refusal says why. A retry with
    the same key renews once, should an answer never arrive."""
    waiting = RenewalRecord.select().where(
        (RenewalRecord.organization == organization)
        & RenewalRecord.status.in_((Status.QUEUED, Status.PENDING, Status.AWAITING_APPROVAL))
        & (RenewalRecord.next_attempt_at <= now)
    )
    for record in list(waiting):
        try:
            answer = client.renew(record.transaction_id, encode_order(_request(record)))
        except ServiceRefused as error:
            if not is_order_refusal(error.status or 0, error.code):  # no verdict on the renewal
                _postpone(record, now, str(error))
                continue
            result.problem = localized_answer(error.details, str(error))
            _set_status(record, Status.REJECTED, last_error=result.problem)
            result.changed = True
            continue
        except ServiceUnavailable as error:
            _postpone(record, now, str(error))
            raise
        if isinstance(answer, HeldForApproval):
            result.changed |= _set_status(record, Status.AWAITING_APPROVAL, last_error=None)
            RenewalRecord.update(next_attempt_at=now + APPROVAL_ASKED_EVERY).where(
                RenewalRecord.id == record.id
            ).execute()
            continue
        _set_status(
            record,
            Status.PROVISIONED,
            invoice_number=answer["invoice_number"],
            last_error=None,
        )
        remember_renewed(organization, record.contract.end_date)
        result.changed = True


def read_renewals(
    client: ServiceClient, organization: Organization, now: datetime, result: StepResult
) -> None:
    """The organization's renewals as the service lists them: one made on another computer is
    kept here with the vendor and bill-to of its time; one of ours sent without an answer is
    now known to be accepted."""
    try:
        listed = client.renewals()
    except ServiceRefused as error:  # a service from before the list: ours are all we know
        logger.info("no list of renewals from the service: %s", error)
        return
    for remote in listed:
        with write_transaction(database):
            result.changed |= _apply_renewal(organization, remote)


def _apply_renewal(organization: Organization, remote: dict) -> bool:
    """Bring one renewal from the service into the ledger; True when something changed."""
    ours = RenewalRecord.get_or_none(
        (RenewalRecord.organization == organization)
        & (RenewalRecord.transaction_id == remote["transaction_id"])
    )
    if ours is not None:
        if ours.status not in (Status.QUEUED, Status.PENDING):
            return False
        accepted = {"invoice_number": remote["invoice_number"], "last_error": None}
        changed = _set_status(ours, Status.PROVISIONED, **accepted)
        remember_renewed(organization, ours.contract.end_date)
        return changed
    term_start = date.fromisoformat(remote["term_start"])
    renewed = Contract.get_or_none(
        (Contract.organization == organization)
        & (Contract.end_date == term_start - timedelta(days=1))
    )
    if renewed is None:  # a term this computer never kept: the renewal is not shown
        logger.info("renewal %s of a contract not kept here", remote["transaction_id"])
        return False
    buyer = remote["renewed_by"]
    created_at = datetime.fromisoformat(remote["created_at"])
    RenewalRecord.create(
        organization=organization,
        transaction_id=remote["transaction_id"],
        created_at=created_at,
        administrator=administrator_of(organization, buyer["name"], buyer["email"]),
        contract=renewed,
        seats=remote["seats"],
        monthly_unit_price=Decimal(remote["monthly_price_per_seat"]),
        months=remote["months"],
        term_start=term_start,
        term_end=date.fromisoformat(remote["term_end"]),
        amount_minor=amount_to_minor(Decimal(remote["amount"]), remote["currency"]),
        currency=remote["currency"],
        purchase_order=remote["purchase_order"],
        instructions=remote["instructions"],
        acknowledgement_text=remote["acknowledgement_text"],
        status=Status.PROVISIONED,
        invoice_number=remote["invoice_number"],
        parties=json.dumps(remote["parties"], ensure_ascii=False, sort_keys=True)
        if remote.get("parties")
        else None,
        next_attempt_at=created_at,
    )
    remember_renewed(organization, renewed.end_date)
    return True


def _request(record: RenewalRecord) -> OrderRequest:
    return OrderRequest(
        OrderKind.RENEWAL,
        record.seats,
        record.amount,
        acknowledgement_text=record.acknowledgement_text,
        purchase_order=record.purchase_order,
        instructions=record.instructions,
    )


def _set_status(record: RenewalRecord, new: Status, **fields: object) -> bool:
    """The one way a renewal's status changes: through billing's transition table, and only
    from the status it was read with (another writer's change is never moved back). True when
    it changed."""
    status = transition(record.status, new)
    moved = status != record.status
    written = (
        RenewalRecord.update(status=status, **fields)
        .where((RenewalRecord.id == record.id) & (RenewalRecord.status == record.status))
        .execute()
    )
    record.status = status
    return bool(written) and moved


def _postpone(record: RenewalRecord, now: datetime, error: str) -> None:
    attempts = record.attempts + 1
    RenewalRecord.update(
        attempts=attempts, next_attempt_at=now + backoff(attempts), last_error=error
    ).where(RenewalRecord.id == record.id).execute()


def _keep(organization: Organization, key: str, remote: object) -> bool:
    """Keep what the service said under `key`; True when it differs from what was kept."""
    value = json.dumps(remote, sort_keys=True)
    if SyncState.read(organization, key) == value:
        return False
    SyncState.write(organization, key, value)
    return True


def _fresh_id(rng: random.Random) -> str:
    while True:
        candidate = new_transaction_id(rng)
        if not RenewalRecord.select().where(RenewalRecord.transaction_id == candidate).exists():
            return candidate
