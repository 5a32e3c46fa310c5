"""Seat orders on the service: quotes, idempotent ordering, the changes feed, provisioning."""

import hashlib
import json
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import cast
from zoneinfo import ZoneInfo

import peewee
from peewee import IntegrityError, fn

from billing.money import amount_from_minor
from billing.orders import (
    QUOTE_GRACE_DAYS,
    REFUSALS,
    OrderRefusal,
    OrderRequest,
    approval_denied,
    approval_expired,
    check_quote_date,
    no_current_contract,
    quote_changed,
    read_order_body,
)
from billing.proration import ContractTerms, Quote, QuoteError, contract_not_started, quote
from billing.statuses import Status, transition
from billing.text import Refusal
from db.database import locked, write_transaction
from db.fields import utc_now
from db.group_commit import GroupCommit
from db.prepared import Prepared, PreparedInsert
from service import audit, held_orders, held_quotes, invoices, profiles
from service.models import (
    Administrator,
    Approval,
    Contract,
    InvoiceSequence,
    Organization,
    Renewal,
    SeatOrder,
    service_db,
)


class OrderProblem(Exception):
    """An order that cannot be taken, with the HTTP status and code to answer with."""

    def __init__(self, status: int, code: str, message: str, extra: dict | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.extra = status, code, extra or {}

    @classmethod
    def of(cls, refusal: Refusal, extra: dict | None = None) -> "OrderProblem":
        """A refusal of the billing rules, answered with the status the order contract names,
        and with its marked text, so the desktop can say it in its user's language."""
        answer = {"localizable": refusal.localizable(), **(extra or {})}
        return cls(REFUSALS[refusal.code], refusal.code, str(refusal), answer)


@dataclass
class ProvisioningDelay:
    """Seconds between accepting an order and its seats going live, drawn per order."""

    low: float = 5.0
    high: float = 20.0

    def draw(self) -> timedelta:
        return timedelta(seconds=random.uniform(self.low, self.high))


def local_today(organization: Organization, now: datetime) -> date:
    """Today where the organization is: the day a quote is given on."""
    return now.astimezone(ZoneInfo(organization.timezone)).date()


def contract_on(organization: Organization, day: date) -> Contract | None:
    """The organization's contract in force on `day` (its organization already attached)."""
    found = _CONTRACT_ON.rows(service_db.obj, organization.id, day, day)
    if not found:
        return None
    found[0].organization = organization  # spare the lazy load later
    return found[0]


_INSERT_ORDER = PreparedInsert(SeatOrder)
_ORDER_WRITER = GroupCommit(service_db)  # orders that arrive together share one commit
_CONTRACT_ON = Prepared(
    lambda organization, first, last: (
        Contract.select()
        .where(
            (Contract.organization == organization)
            & (Contract.start_date <= first)
            & (Contract.end_date >= last)
        )
        .order_by(Contract.start_date.desc())
        .limit(1)
    ),
    Contract.organization,
    Contract.start_date,
    Contract.end_date,
)


def current_contract(administrator: Administrator, now: datetime) -> Contract | None:
    """The contract in force today where the organization is."""
    organization = administrator.organization
    return contract_on(organization, local_today(organization, now))


def latest_contract(administrator: Administrator) -> Contract | None:
    contracts = Contract.select().where(Contract.organization == administrator.organization)
    return contracts.order_by(Contract.start_date.desc()).first()


def pending_seats(contract: Contract) -> int:
    pending = SeatOrder.select(fn.COALESCE(fn.SUM(SeatOrder.seats), 0)).where(
        (SeatOrder.contract == contract) & (SeatOrder.status == Status.PENDING)
    )
    return int(pending.scalar())


def quote_on(organization: Organization, seats: object, day: date) -> tuple[Contract, Quote]:
    """Price `seats` on `day` under the contract in force then; OrderProblem if none is."""
    contract = contract_on(organization, day)
    if contract is None:
        later = Contract.select().where(
            (Contract.organization == organization) & (Contract.start_date > day)
        )
        upcoming = later.order_by(Contract.start_date).first()
        if upcoming is not None:
            raise OrderProblem.of(contract_not_started(upcoming))
        raise OrderProblem.of(no_current_contract())
    return contract, _priced(contract, seats, day)


def _priced(contract: Contract, seats: object, day: date) -> Quote:
    try:
        # peewee's fields are descriptors, which pyright does not apply when it matches a class
        # to a protocol (microsoft/pyright#3287): a row's fields are the terms' values.
        return quote(cast(ContractTerms, contract), seats, day)
    except QuoteError as refusal:
        raise OrderProblem.of(refusal) from refusal


def place_order(
    administrator: Administrator,
    key: str,
    body: dict,
    delay: ProvisioningDelay,
    now: datetime | None = None,
    grace_days: int = QUOTE_GRACE_DAYS,
) -> tuple[SeatOrder | Approval, bool]:
    """Take an order once per idempotency key; returns (order, replayed), or (approval,
    replayed) for an order above the buyer's spending limit, held for an approver.

    A replay answers as the first time did, however much later it comes: the quote date is
    checked only when the order is new; a held order answers as its approval stands. The order
    is written with those arriving at the same time, in one transaction (group commit), and
    answered once that is durable.
    """
    now = now or utc_now()
    try:
        request = read_order_body(body)
    except OrderRefusal as refusal:
        raise OrderProblem.of(refusal) from refusal
    body_print = fingerprint(body)
    ours = (SeatOrder.organization == administrator.organization_id) & (
        SeatOrder.transaction_id == key
    )  # a key is the organization's own: another's same key is another order
    try:  # taken as new, without a look first: a key seen before fails the insert or a check
        made = _ORDER_WRITER.run(
            lambda: _new_order(administrator, key, request, body_print, delay, now, grace_days)
        )
        return made, False
    except (IntegrityError, OrderProblem):  # taken before (by a request racing this one, or
        # earlier in its batch), or no longer orderable today: the first answer stands
        organization = administrator.organization
        today = local_today(organization, now)
        held = held_orders.find(organization.id, key)
        if held is not None and held_orders.status(held, today) != held_orders.APPROVED:
            return replay_held(
                held, body_print, today, lambda: _todays(organization, held, today)
            ), True
        seen = SeatOrder.get_or_none(ours)  # an approved one's order is committed with it
        if seen is None:
            raise
        return replayed(seen, body_print), True


def _todays(organization: Organization, held: Approval, today: date) -> dict:
    """Today's price of a held order's seats, as quote_expired carries it (none when there is
    no contract to price them under today)."""
    try:
        return {"quote": quote_json(quote_on(organization, held.seats, today)[1])}
    except OrderProblem:
        return {}


def replay_held(
    held: Approval, body_print: str, today: date, expired: Callable[[], dict] = dict
) -> Approval:
    """The approval holding an order or renewal, for the same body again while it waits; 409
    approval_denied or approval_expired (with `expired()`) once it can no longer be placed, and
    idempotency_key_reused for another body."""
    replayed(held, body_print)
    state = held_orders.status(held, today)
    answer = {"approval": held_orders.approval_json(held, today)}
    if state == held_orders.DENIED:
        approver, reason = held.decided_by, held.reason
        assert approver is not None and reason is not None  # a denial has both
        raise OrderProblem.of(approval_denied(approver.name, reason), {**answer, "reason": reason})
    if state == held_orders.EXPIRED:
        raise OrderProblem.of(approval_expired(held.valid_until), {**answer, **expired()})
    return held


def _new_order(
    administrator: Administrator,
    key: str,
    request: OrderRequest,
    body_print: str,
    delay: ProvisioningDelay,
    now: datetime,
    grace_days: int,
) -> SeatOrder | Approval:
    """Price at the quote date, under the contract in force then, at exactly the amount shown;
    or as the formal quote it names said, marked used in this same transaction. Above the
    buyer's spending limit, held for an approver until the quote's last day."""
    organization = administrator.organization  # read with the session
    today = local_today(organization, now)
    quote_date = request.quote_date or today
    try:
        found = None
        if request.quote_number is None:
            check_quote_date(quote_date, today, grace_days)
        else:
            found = held_quotes.held(administrator.organization_id, request, today)
    except OrderRefusal as refusal:
        extra = None
        if refusal.code == "quote_expired":
            extra = {"quote": quote_json(quote_on(organization, request.seats, today)[1])}
        raise OrderProblem.of(refusal, extra) from refusal
    if found is None:
        contract, priced = quote_on(organization, request.seats, quote_date)
        valid_until = min(quote_date + timedelta(days=grace_days), contract.end_date)
    else:
        contract, priced = found.contract, held_quotes.purchase_priced(found)
        valid_until = found.valid_until
    if request.quoted_amount != priced.amount:
        raise OrderProblem.of(quote_changed(), {"quote": quote_json(priced)})
    try:
        if held_orders.above_limit(administrator, priced.amount, priced.currency):
            fields = held_quotes.quoted_fields(priced.ledger_fields())
            return held_orders.hold(
                administrator,
                key,
                body_print,
                request,
                contract,
                {**fields, "quote_date": priced.as_of},
                valid_until,
                now,
            )
        if held_orders.key_held(organization.id, key):
            raise IntegrityError("an approval holds this Idempotency-Key")  # replayed as it
        return write_order(administrator, key, body_print, contract, priced, request, delay, now)
    except OrderRefusal as refusal:  # the formal quote taken by another order meanwhile
        raise OrderProblem.of(refusal) from refusal


def write_order(
    administrator: Administrator,
    key: str,
    body_print: str,
    contract: Contract,
    priced: Quote,
    request: OrderRequest,
    delay: ProvisioningDelay,
    now: datetime,
) -> SeatOrder:
    """The order as priced, its formal quote marked used and the trail told, in the caller's
    transaction: a new order within its buyer's limit, or an approved one at its held price
    (the buyer then is the requester). OrderRefusal `quote_used` when another order took the
    quote first."""
    organization = administrator.organization
    order = _INSERT_ORDER.create(
        service_db.obj,
        organization=organization,
        transaction_id=key,
        request_fingerprint=body_print,
        contract=contract,
        administrator=administrator,
        **priced.ledger_fields(),
        acknowledgement_text=request.acknowledgement_text,
        purchase_order=request.purchase_order,
        invoice_note=request.invoice_note,
        parties=profiles.parties_text(organization.id),
        status=transition(Status.QUEUED, Status.PENDING),  # accepted: what was queued is taken
        created_at=now,
        updated_at=now,
        provision_after=now + delay.draw(),
    )
    if request.quote_number is not None:
        held_quotes.use(organization.id, request.quote_number, key, now)
    details = {"transaction_id": key, "seats": priced.seats, "amount": str(priced.amount)}
    if request.quote_number is not None:
        details["quote_number"] = request.quote_number
    audit.record(organization.id, audit.ORDER_PLACED, administrator.email, details, now)
    return order


def replayed[T: (SeatOrder, Renewal, Approval)](existing: T, body_print: str) -> T:
    """The order, renewal or approval first made with a key, for the same body again; 409
    idempotency_key_reused for another body."""
    if existing.request_fingerprint != body_print:
        raise OrderProblem(
            409,
            "idempotency_key_reused",
            "This Idempotency-Key was used for a different order.",
        )
    return existing


def changes(
    administrator: Administrator, since: datetime, after_id: int, limit: int
) -> list[SeatOrder]:
    """Orders of the organization changed after (since, after_id), oldest change first."""
    return list(
        _order_query()
        .where(
            (SeatOrder.organization == administrator.organization_id)
            & (
                (SeatOrder.updated_at > since)
                | ((SeatOrder.updated_at == since) & (SeatOrder.id > after_id))
            )
        )
        .order_by(SeatOrder.updated_at, SeatOrder.id)
        .limit(limit)
    )


def find_order(administrator: Administrator, transaction_id: str) -> SeatOrder | None:
    return (
        _order_query()
        .where(
            (SeatOrder.organization == administrator.organization_id)
            & (SeatOrder.transaction_id == transaction_id)
        )
        .first()
    )


def provision_due(now: datetime | None = None, limit: int = 500) -> int:
    """Make the seats of every order whose delay has passed live; returns how many."""
    now = now or utc_now()
    due = (
        SeatOrder.select(SeatOrder.id)
        .where((SeatOrder.status == Status.PENDING) & (SeatOrder.provision_after <= now))
        .order_by(SeatOrder.provision_after)
        .limit(limit)
    )
    done = 0
    rows = cast(Iterable[tuple[int]], due.tuples())  # peewee's stubs keep the model as the row
    for (order_id,) in list(rows):  # no read cursor open when the write lock is taken
        done += _provision(order_id, now)
    return done


def _provision(order_id: int, now: datetime) -> int:
    """One order, exactly once: the status check and the seat change commit together."""
    with write_transaction(service_db):
        order = SeatOrder.get_by_id(order_id)
        if order.status != Status.PENDING:
            return 0
        contract = locked(Contract.select().where(Contract.id == order.contract_id)).get()
        invoice = next_invoice_number(contract.organization_id, now.year)
        changed = (
            SeatOrder.update(
                status=transition(order.status, Status.PROVISIONED),
                provisioned_at=now,
                updated_at=now,
                invoice_number=invoice,
            )
            .where((SeatOrder.id == order_id) & (SeatOrder.status == Status.PENDING))
            .execute()
        )
        if changed:
            Contract.update(licensed_seats=Contract.licensed_seats + order.seats).where(
                Contract.id == contract.id
            ).execute()
            organization = Organization.get_by_id(order.organization_id)
            invoices.issue(order, invoice, local_today(organization, now), now)
        return changed


def next_invoice_number(organization_id: int, year: int) -> str:
    sequence, _ = InvoiceSequence.get_or_create(organization=organization_id)
    sequence = locked(InvoiceSequence.select().where(InvoiceSequence.id == sequence.id)).get()
    number = sequence.last_number + 1
    InvoiceSequence.update(last_number=number).where(InvoiceSequence.id == sequence.id).execute()
    return f"INV-{year}-{number:06d}"


def _order_query() -> "peewee.ModelSelect[SeatOrder]":
    return (
        SeatOrder.select(SeatOrder, Administrator, Contract)
        .join_from(SeatOrder, Administrator)
        .join_from(SeatOrder, Contract)
    )


def order_json(order: SeatOrder) -> dict:
    return {
        "transaction_id": order.transaction_id,
        "seats": order.seats,
        "prorated_months": order.prorated_months,
        "period_start": order.period_start.isoformat(),
        "period_end": order.period_end.isoformat(),
        "monthly_unit_price": str(order.monthly_unit_price),
        "amount": str(amount_from_minor(order.amount_minor, order.currency)),
        "currency": order.currency,
        "status": order.status,
        "created_at": _iso(order.created_at),
        "updated_at": _iso(order.updated_at),
        "provisioned_at": _iso(order.provisioned_at),
        "invoice_number": order.invoice_number,
        "purchased_by": {"name": order.administrator.name, "email": order.administrator.email},
        "acknowledgement_text": order.acknowledgement_text,
        "rejection_reason": order.rejection_reason,
        "purchase_order": order.purchase_order,
        "invoice_note": order.invoice_note,
        "contract": contract_json(order.contract),
        "parties": parties_of(order),
    }


def parties_of(placed: SeatOrder | Renewal) -> dict | None:
    """The vendor and the bill-to an order or renewal kept when it was placed, if any."""
    return None if placed.parties is None else json.loads(placed.parties)


def contract_json(contract: Contract) -> dict:
    """A contract's term and terms: as GET /v1/contract gives them, and with each order, so a
    desktop keeps the contracts its imported purchases were made on."""
    return {
        "id": contract.id,
        "start_date": contract.start_date.isoformat(),
        "end_date": contract.end_date.isoformat(),
        "licensed_seats": contract.licensed_seats,
        "monthly_price_per_seat": str(contract.monthly_price_per_seat),
        "currency": contract.currency,
        "proration": contract.proration_unit,
        "account_manager": {
            "name": contract.account_manager_name,
            "email": contract.account_manager_email,
            "phone": contract.account_manager_phone,
        },
    }


def quote_json(priced: Quote) -> dict:
    return {
        "seats": priced.seats,
        "as_of": priced.as_of.isoformat(),
        "prorated_months": priced.prorated_months,
        "period_start": priced.period_start.isoformat(),
        "period_end": priced.period_end.isoformat(),
        "monthly_price_per_seat": str(priced.monthly_unit_price),
        "amount": str(priced.amount),
        "currency": priced.currency,
    }


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat()


def fingerprint(body: dict) -> str:
    """The request body's digest, kept with the key: the same key must come with the same body."""
    return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()
