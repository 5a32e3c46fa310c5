"""Renewals on the service: the offer while a contract's renewal window is open, the renewal
itself (idempotent, once per contract, the next contract and its invoice made at once), and
reduction requests kept for the account manager."""

import hashlib
import json
from datetime import datetime, timedelta

from peewee import IntegrityError

from billing.money import amount_from_minor, parse_amount
from billing.orders import OrderRefusal, acknowledged, check_purchase_order
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
from billing.text import Refusal
from db.database import write_transaction
from db.fields import utc_now
from service import audit, invoices
from service.models import (
    Administrator,
    Contract,
    ReductionRequest,
    Renewal,
    service_db,
)
from service.orders import OrderProblem, current_contract, local_today, next_invoice_number

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
        raise _problem(404, refusal, {"opens_on": refusal.fields["opens_on"]}) from refusal
    done = Renewal.get_or_none(Renewal.contract == contract)
    if done is not None:
        raise OrderProblem(
            409,
            "already_renewed",
            f"This contract is renewed already (transaction {done.transaction_id}).",
            {"transaction_id": done.transaction_id},
        )
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
) -> tuple[Renewal, bool]:
    """Renew once per key and once per contract; returns (renewal, replayed)."""
    now = now or utc_now()
    fingerprint = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()
    ours = (Renewal.organization == administrator.organization_id) & (Renewal.transaction_id == key)
    try:
        with write_transaction(service_db):
            seen = Renewal.get_or_none(ours)
            if seen is not None:
                if seen.request_fingerprint != fingerprint:
                    raise OrderProblem(
                        409,
                        "idempotency_key_reused",
                        "This Idempotency-Key was used for a different renewal.",
                    )
                return seen, True
            return _new_renewal(administrator, key, body, fingerprint, now), False
    except IntegrityError:  # the same key, or the same contract, won a race
        seen = Renewal.get_or_none(ours)
        if seen is None:
            raise OrderProblem(
                409, "already_renewed", "This contract is renewed already."
            ) from None
        return seen, True


def _new_renewal(
    administrator: Administrator, key: str, body: dict, fingerprint: str, now: datetime
) -> Renewal:
    if not acknowledged(body):
        raise OrderProblem(
            422,
            "not_acknowledged",
            "The renewal must be acknowledged, with the text the purchaser agreed to.",
        )
    contract, _ = offer(administrator, now)
    try:
        seats = check_seats(body.get("seats"), contract.licensed_seats)
        purchase_order = check_purchase_order(body.get("purchase_order"))
    except (RenewalRefusal, OrderRefusal) as refusal:
        raise _problem(422, refusal) from refusal
    instructions = body.get("instructions")
    if instructions is not None and (instructions := _lines_of_text(instructions)) is None:
        raise OrderProblem(
            422,
            "invalid_renewal",
            "instructions must be text of at most 1000 characters, with line breaks but no "
            "control or invisible formatting characters.",
        )
    terms = _terms(contract, seats)
    if parse_amount(body.get("quoted_amount")) != terms.amount:
        raise OrderProblem(
            409,
            "quote_changed",
            "The amount differs from the renewal's price, so nothing was renewed.",
            {"renewal": offer_json(contract, terms)},
        )
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
        request_fingerprint=fingerprint,
        contract=contract,
        next_contract=following,
        administrator=administrator,
        **terms.ledger_fields(),
        purchase_order=purchase_order,
        instructions=instructions or None,
        acknowledgement_text=body["acknowledgement_text"],
        invoice_number=number,
        created_at=now,
    )
    invoices.issue_for_renewal(renewal, number, local_today(contract.organization, now), now)
    details = {"transaction_id": key, "seats": seats, "amount": str(terms.amount)}
    audit.record(contract.organization_id, RENEWED, administrator.email, details, now)
    return renewal


def renewal_json(renewal: Renewal) -> dict:
    return {
        "transaction_id": renewal.transaction_id,
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


def _problem(status: int, refusal: Refusal, extra: dict | None = None) -> OrderProblem:
    answer = {"localizable": refusal.localizable(), **(extra or {})}
    return OrderProblem(status, refusal.code, str(refusal), answer)
