"""Renewals on the service: the offer while a contract's renewal window is open, the renewal
itself (idempotent like an order: taken as new, a key seen before replayed; once per contract;
the next contract and its invoice made at once), and reduction requests kept for the account
manager."""

from datetime import date, datetime, timedelta

from peewee import IntegrityError

from billing.kinds import OrderKind
from billing.money import amount_from_minor
from billing.orders import (
    QUOTE_GRACE_DAYS,
    OrderRefusal,
    OrderRequest,
    already_renewed,
    decode_order,
    quote_changed,
    quote_mismatch,
)
from billing.plain_text import TextRefusal, check_text
from billing.renewal import (
    INSTRUCTIONS_LENGTH,
    RenewalRefusal,
    RenewalTerms,
    check_seats,
    check_window,
    opens_on,
    renewal_terms,
)
from billing.statuses import Status
from db.database import write_transaction
from db.fields import utc_now
from service import audit, held_orders, held_quotes, invoices, profiles
from service.models import (
    Administrator,
    Approval,
    Contract,
    ReductionRequest,
    Renewal,
    service_db,
)
from service.orders import (
    OrderProblem,
    current_contract,
    fingerprint,
    local_today,
    next_invoice_number,
    parties_of,
    replay_held,
    replayed,
)

RENEWED = "contract renewed"  # audit actions
REDUCTION_REQUESTED = "seat reduction requested"


def offer(
    administrator: Administrator, now: datetime | None = None
) -> tuple[Contract, RenewalTerms]:
    """The current contract and its renewal's terms; OrderProblem when the window is closed
    or the contract is renewed already."""
    now = now or utc_now()
    contract = current_contract(administrator, now)
    if contract is None:
        raise OrderProblem(404, "no_contract", "This organization has no current contract.")
    today = local_today(contract.organization, now)
    try:
        check_window(today, contract.end_date, contract.renewal_window_days)
    except RenewalRefusal as refusal:
        raise OrderProblem.of(refusal, {"opens_on": refusal.fields["opens_on"]}) from refusal
    done = Renewal.get_or_none(Renewal.contract == contract)
    if done is not None:
        refusal = already_renewed(done.transaction_id)
        raise OrderProblem.of(refusal, {"transaction_id": done.transaction_id})
    return contract, _terms(contract, contract.licensed_seats)


def offer_json(contract: Contract, terms: RenewalTerms) -> dict:
    return {
        "current_end": contract.end_date.isoformat(),
        "opens_on": opens_on(contract.end_date, contract.renewal_window_days).isoformat(),
        "term_start": terms.term_start.isoformat(),
        "term_end": terms.term_end.isoformat(),
        "months": terms.months,
        "seats": terms.seats,
        "seats_now": contract.licensed_seats,
        "monthly_price_per_seat_now": str(contract.monthly_price_per_seat),
        "monthly_price_per_seat": str(terms.monthly_price_per_seat),
        "amount": str(terms.amount),
        "currency": terms.currency,
    }


def place_renewal(
    administrator: Administrator, key: str, body: dict, now: datetime | None = None
) -> tuple[Renewal | Approval, bool]:
    """Renew once per key and once per contract; returns (renewal, replayed), or (approval,
    replayed) for a renewal above the buyer's spending limit, held for an approver.

    As an order is placed: taken as new without a look first; a key seen before fails the
    insert, or a check (the contract renewed already, the window closed since), and the first
    answer is replayed for the same body (a held renewal's as its approval stands).
    """
    now = now or utc_now()
    try:
        request = decode_order(OrderKind.RENEWAL, body)
    except OrderRefusal as refusal:
        raise OrderProblem.of(refusal) from refusal
    body_print = fingerprint(body)
    ours = (Renewal.organization == administrator.organization_id) & (Renewal.transaction_id == key)
    try:
        with write_transaction(service_db):
            return _new_renewal(administrator, key, request, body_print, now), False
    except (IntegrityError, OrderProblem) as problem:  # the same key, or the same contract,
        # won a race; or the renewal is no longer on offer: the first answer stands
        today = local_today(administrator.organization, now)
        held = held_orders.find(administrator.organization_id, key)
        if held is not None and held_orders.status(held, today) != held_orders.APPROVED:
            return replay_held(held, body_print, today), True
        seen = Renewal.get_or_none(ours)  # an approved one's renewal is committed with it
        if seen is None:
            if isinstance(problem, IntegrityError):
                offer(administrator, now)  # renewed by another key: says so, naming it
            raise
        return replayed(seen, body_print), True


def _new_renewal(
    administrator: Administrator,
    key: str,
    request: OrderRequest,
    body_print: str,
    now: datetime,
) -> Renewal | Approval:
    if request.quote_number is None:
        contract, terms = priced(administrator, request.seats, now)
        today = local_today(contract.organization, now)
        valid_until = min(today + timedelta(days=QUOTE_GRACE_DAYS), contract.end_date)
    else:
        contract, terms, valid_until = _quoted(administrator, request, now)
    if request.quoted_amount != terms.amount:
        refusal = quote_changed(OrderKind.RENEWAL)
        raise OrderProblem.of(refusal, {"renewal": offer_json(contract, terms)})
    try:
        if held_orders.above_limit(administrator, terms.amount, terms.currency):
            fields = held_quotes.quoted_fields(terms.ledger_fields())
            today = local_today(contract.organization, now)
            return held_orders.hold(
                administrator,
                key,
                body_print,
                request,
                contract,
                {**fields, "quote_date": today},
                valid_until,
                now,
            )
        if held_orders.key_held(administrator.organization_id, key):
            raise IntegrityError("an approval holds this Idempotency-Key")  # replayed as it
        return write_renewal(administrator, key, body_print, contract, terms, request, now)
    except OrderRefusal as refusal:  # the formal quote taken by another order meanwhile
        raise OrderProblem.of(refusal) from refusal


def write_renewal(
    administrator: Administrator,
    key: str,
    body_print: str,
    contract: Contract,
    terms: RenewalTerms,
    request: OrderRequest,
    now: datetime,
) -> Renewal:
    """The renewal as priced, the next contract and its invoice, its formal quote marked used
    and the trail told, in the caller's transaction: a new renewal within its buyer's limit, or
    an approved one at its held price (the buyer then is the requester). OrderRefusal
    `quote_used` when another order took the quote first."""
    seats = terms.seats
    following = Contract.create(
        organization=contract.organization_id,
        start_date=terms.term_start,
        end_date=terms.term_end,
        licensed_seats=seats,
        monthly_price_per_seat=terms.monthly_price_per_seat,
        currency=contract.currency,
        proration_unit=contract.proration_unit,
        account_manager_name=contract.account_manager_name,
        account_manager_email=contract.account_manager_email,
        account_manager_phone=contract.account_manager_phone,
        renewal_window_days=contract.renewal_window_days,
    )
    number = next_invoice_number(contract.organization_id, now.year)
    renewal = Renewal.create(
        organization=contract.organization_id,
        transaction_id=key,
        request_fingerprint=body_print,
        contract=contract,
        next_contract=following,
        administrator=administrator,
        **terms.ledger_fields(),
        purchase_order=request.purchase_order,
        instructions=request.instructions,
        acknowledgement_text=request.acknowledgement_text,
        invoice_number=number,
        created_at=now,
        parties=profiles.parties_text(contract.organization_id),
    )
    invoices.issue_for_renewal(renewal, number, local_today(contract.organization, now), now)
    details = {"transaction_id": key, "seats": seats, "amount": str(terms.amount)}
    if request.quote_number is not None:  # in the renewal's transaction: both or neither
        held_quotes.use(administrator.organization_id, request.quote_number, key, now)
        details["quote_number"] = request.quote_number
    audit.record(contract.organization_id, RENEWED, administrator.email, details, now)
    return renewal


def priced(
    administrator: Administrator, seats: object, now: datetime
) -> tuple[Contract, RenewalTerms]:
    """The current contract and its renewal for `seats`, priced as offered now; OrderProblem
    when the window is closed, the contract renewed already or the seats refused."""
    contract, _ = offer(administrator, now)
    try:
        return contract, _terms(contract, check_seats(seats, contract.licensed_seats))
    except RenewalRefusal as refusal:
        raise OrderProblem.of(refusal) from refusal


def _quoted(
    administrator: Administrator, request: OrderRequest, now: datetime
) -> tuple[Contract, RenewalTerms, date]:
    """The renewal as the formal quote it names held it, while the window is open, and the
    quote's last valid day; an expired quote is answered with today's offer."""
    contract, _ = offer(administrator, now)
    try:
        found = held_quotes.held(
            administrator.organization_id, request, local_today(contract.organization, now)
        )
    except OrderRefusal as refusal:
        extra = None
        if refusal.code == "quote_expired":  # the seats matched the quote's: priced today
            extra = {"renewal": offer_json(contract, _terms(contract, int(request.seats or 0)))}
        raise OrderProblem.of(refusal, extra) from refusal
    if found.contract != contract:  # quoted for a term renewed since
        raise OrderProblem.of(quote_mismatch(found.number))
    return contract, held_quotes.renewal_terms(found), found.valid_until


def renewals_of(organization_id: int) -> list[Renewal]:
    """The organization's renewals, newest first."""
    return list(
        Renewal.select()
        .where(Renewal.organization == organization_id)
        .order_by(Renewal.created_at.desc(), Renewal.id.desc())
    )


def renewal_json(renewal: Renewal) -> dict:
    return {
        "transaction_id": renewal.transaction_id,
        "status": Status.PROVISIONED,  # taken is accepted and invoiced at once
        "term_start": renewal.term_start.isoformat(),
        "term_end": renewal.term_end.isoformat(),
        "months": renewal.months,
        "seats": renewal.seats,
        "monthly_price_per_seat": str(renewal.monthly_unit_price),
        "amount": str(amount_from_minor(renewal.amount_minor, renewal.currency)),
        "currency": renewal.currency,
        "purchase_order": renewal.purchase_order,
        "instructions": renewal.instructions,
        "invoice_number": renewal.invoice_number,
        "created_at": renewal.created_at.isoformat(),
        "parties": parties_of(renewal),
        "renewed_by": {"name": renewal.administrator.name, "email": renewal.administrator.email},
        "acknowledgement_text": renewal.acknowledgement_text,
    }


def request_reduction(
    administrator: Administrator, body: dict, now: datetime | None = None
) -> ReductionRequest:
    now = now or utc_now()
    contract = current_contract(administrator, now)
    if contract is None:
        raise OrderProblem(404, "no_contract", "This organization has no current contract.")
    seats, reason = body.get("seats_wanted"), body.get("reason")
    if (
        not isinstance(seats, int)
        or isinstance(seats, bool)
        or not 0 <= seats < contract.licensed_seats
    ):
        raise OrderProblem(
            422,
            "invalid_reduction",
            f"seats_wanted must be a whole number below the {contract.licensed_seats} seats "
            "licensed now.",
        )
    if (reason := _lines_of_text(reason)) is None or not reason.strip():
        raise OrderProblem(
            422,
            "invalid_reduction",
            "Give a reason of at most 1000 characters, with line breaks but no control or "
            "invisible formatting characters.",
        )
    with write_transaction(service_db):
        request = ReductionRequest.create(
            organization=contract.organization_id,
            contract=contract,
            administrator=administrator,
            seats_wanted=seats,
            reason=reason.strip(),
            created_at=now,
        )
        details = {"request": request.id, "seats_wanted": seats}
        audit.record(
            contract.organization_id, REDUCTION_REQUESTED, administrator.email, details, now
        )
    return request


def reduction_requests(organization_id: int) -> list[ReductionRequest]:
    return list(
        ReductionRequest.select()
        .where(ReductionRequest.organization == organization_id)
        .order_by(ReductionRequest.id.desc())
    )


def reduction_json(request: ReductionRequest) -> dict:
    return {
        "id": request.id,
        "seats_wanted": request.seats_wanted,
        "reason": request.reason,
        "status": "answered" if request.answer else "requested",
        "answer": request.answer,
        "created_at": request.created_at.isoformat(),
        "answered_at": request.answered_at.isoformat() if request.answered_at else None,
    }


def answer_request(
    request_id: int, text: str, now: datetime | None = None, organization_id: int | None = None
) -> bool:
    """The account manager's reply to a reduction request (of that organization, when named);
    False when there is no such one."""
    which = ReductionRequest.id == request_id
    if organization_id is not None:
        which &= ReductionRequest.organization == organization_id
    return bool(
        ReductionRequest.update(answer=text, answered_at=now or utc_now()).where(which).execute()
    )


def organization_of_request(request_id: int) -> int | None:
    """The organization a reduction request was made in, if there is such a request."""
    found = ReductionRequest.select(ReductionRequest.organization).where(
        ReductionRequest.id == request_id
    )
    row = found.tuples().first()
    return row[0] if row else None


DEMO_ANSWER_AFTER = timedelta(seconds=5)


def answer_as_demo_manager(now: datetime | None = None) -> int:
    """The demo's account manager answers requests a few seconds old; returns how many."""
    now = now or utc_now()
    waiting = ReductionRequest.select().where(
        ReductionRequest.answer.is_null() & (ReductionRequest.created_at <= now - DEMO_ANSWER_AFTER)
    )
    answered = 0
    for request in list(waiting):
        manager = request.contract.account_manager_name
        reply = (
            f"{manager}: thank you, noted. {request.seats_wanted} seats from the next term can be "
            "agreed in the renewal; I will send the terms by e-mail."
        )
        answered += answer_request(request.id, reply, now)
    return answered


def _lines_of_text(value: object) -> str | None:
    """`value` as multi-line text of at most 1,000 characters that keeps to the rule, its line
    endings made line feeds (billing.plain_text), or None when it is not."""
    if not isinstance(value, str):
        return None
    try:
        return check_text(value, "text", multiline=True, limit=INSTRUCTIONS_LENGTH)
    except TextRefusal:
        return None


def _terms(contract: Contract, seats: int) -> RenewalTerms:
    price = contract.next_term_monthly_price or contract.monthly_price_per_seat
    return renewal_terms(contract.start_date, contract.end_date, seats, price, contract.currency)
