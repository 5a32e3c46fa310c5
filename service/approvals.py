"""Approvals of orders and renewals held above their buyer's spending limit: the approvers,
the approvals each administrator may see, and the decision: approve (the held order placed at
its price, as the requester's, by the code that places every order) or deny with a reason,
each audited and told to the requester by e-mail."""

from datetime import datetime

import peewee
from peewee import IntegrityError

from billing.kinds import OrderKind
from billing.orders import OrderRefusal, OrderRequest, already_renewed, approval_expired
from billing.plain_text import TextRefusal, check_text
from db.database import locked, write_transaction
from service import audit, held_orders, held_quotes, orders, renewals
from service.held_orders import APPROVED, DENIED, EXPIRED, PENDING, approval_json
from service.models import Administrator, Approval, Renewal, SeatOrder, service_db
from service.orders import OrderProblem, ProvisioningDelay, local_today

REASON_LENGTH = 500
APPROVED_ACTION = "purchase approved"  # audit actions
DENIED_ACTION = "purchase denied"


def approvers(administrator: Administrator) -> list[Administrator]:
    """Whom the administrator's purchases above their limit go to."""
    return held_orders.approvers_of(administrator.organization_id, administrator.id)


def visible(administrator: Administrator, status: str | None, now: datetime) -> list[Approval]:
    """Newest first: the organization's for an approver, else the administrator's own
    requests; with `status`, only those that have it now."""
    today = local_today(administrator.organization, now)
    query = _seen_by(administrator)
    if status in (PENDING, EXPIRED):
        within = Approval.valid_until >= today
        query = query.where(
            (Approval.status == PENDING) & (within if status == PENDING else ~within)
        )
    elif status is not None:
        query = query.where(Approval.status == status)
    return list(query.order_by(Approval.requested_at.desc(), Approval.id.desc()))


def find(administrator: Administrator, number: str) -> Approval:
    """One the administrator may see; OrderProblem 404 otherwise."""
    found = _seen_by(administrator).where(Approval.number == number).first()
    if found is None:
        raise OrderProblem(404, "not_found", f"No approval has the id {number!r}.")
    return found


# Quoted: ModelSelect is generic in peewee's stubs only.
def _seen_by(administrator: Administrator) -> "peewee.ModelSelect[Approval]":
    query = Approval.select(Approval, Administrator).join(
        Administrator, on=Approval.administrator == Administrator.id
    )
    query = query.where(Approval.organization == administrator.organization_id)
    if administrator.permission_set.approve_purchases:
        return query
    return query.where(Approval.administrator == administrator.id)


def approve(
    approver: Administrator, number: str, delay: ProvisioningDelay, now: datetime
) -> tuple[Approval, SeatOrder | Renewal]:
    """Place the held order or renewal at its price, as the requester's, with the approval's
    transaction ID, in one transaction with the approval locked: of two approvers at once one
    places it, the other finds it decided."""
    try:
        with write_transaction(service_db):
            approval = _decidable(approver, number, now)
            placed = _place(approval, delay, now)
            _decide(approval, approver, APPROVED, None, now)
    except OrderRefusal as refusal:  # its formal quote taken, or its contract renewed
        raise OrderProblem.of(refusal) from refusal
    except IntegrityError:  # the contract renewed by another key meanwhile (PostgreSQL)
        held = find(approver, number)
        done = Renewal.get_or_none(Renewal.contract == held.contract)
        if done is None:
            raise
        raise OrderProblem.of(already_renewed(done.transaction_id)) from None
    return Approval.get_by_id(approval.id), placed


def _place(approval: Approval, delay: ProvisioningDelay, now: datetime) -> SeatOrder | Renewal:
    """The held order written as every order is; OrderRefusal already_renewed for a renewal
    whose contract another renewal took."""
    request, requester = _request_of(approval), approval.administrator
    key, body_print = approval.transaction_id, approval.request_fingerprint
    if approval.kind == OrderKind.PURCHASE:
        priced = held_quotes.purchase_priced(approval)
        return orders.write_order(
            requester, key, body_print, approval.contract, priced, request, delay, now
        )
    done = Renewal.get_or_none(Renewal.contract == approval.contract)
    if done is not None:
        raise already_renewed(done.transaction_id)
    terms = held_quotes.renewal_terms(approval)
    return renewals.write_renewal(
        requester, key, body_print, approval.contract, terms, request, now
    )


def answer(approval: Approval, now: datetime) -> dict:
    """The approval as the API answers it, its status as of `now` where its organization is."""
    return approval_json(approval, local_today(approval.organization, now))


def deny(approver: Administrator, number: str, reason: object, now: datetime) -> Approval:
    """Deny with a reason (1 to 500 characters of plain text, line breaks allowed) the
    requester is told; its formal quote is free again."""
    text = _reason(reason)
    with write_transaction(service_db):
        approval = _decidable(approver, number, now)
        if approval.quote_number is not None:
            held_quotes.release(
                approval.organization_id, approval.quote_number, approval.transaction_id
            )
        _decide(approval, approver, DENIED, text, now)
    return Approval.get_by_id(approval.id)


def _reason(value: object) -> str:
    problem = OrderProblem(
        422,
        "invalid_reason",
        f"Give a reason of 1 to {REASON_LENGTH} characters, with line breaks but no control "
        "or invisible formatting characters.",
    )
    if not isinstance(value, str):
        raise problem
    try:
        text = check_text(value, "reason", multiline=True, limit=REASON_LENGTH).strip()
    except TextRefusal:
        raise problem from None
    if not text:
        raise problem
    return text


def _decidable(approver: Administrator, number: str, now: datetime) -> Approval:
    """The approval to decide, locked: 403 not_an_approver or own_request, 404, 409
    approval_decided or approval_expired when it may not be decided by `approver` now."""
    if not approver.permission_set.approve_purchases:
        name = approver.permission_set.name
        raise OrderProblem(
            403, "not_an_approver", f"The permission set {name!r} may not approve purchases."
        )
    mine = (Approval.organization == approver.organization_id) & (Approval.number == number)
    query = Approval.select().where(mine)
    approval = locked(query).first()
    if approval is None:
        raise OrderProblem(404, "not_found", f"No approval has the id {number!r}.")
    today = local_today(approver.organization, now)
    answer = {"approval": approval_json(approval, today)}
    if approval.administrator_id == approver.id:
        raise OrderProblem(
            403, "own_request", "Another approver must decide on your own request.", answer
        )
    state = held_orders.status(approval, today)
    if state in (APPROVED, DENIED):
        raise OrderProblem(409, "approval_decided", f"{number} is {state} already.", answer)
    if state == EXPIRED:
        raise OrderProblem.of(approval_expired(approval.valid_until), answer)
    return approval


def _decide(
    approval: Approval, approver: Administrator, state: str, reason: str | None, now: datetime
) -> None:
    Approval.update(status=state, decided_by=approver, decided_at=now, reason=reason).where(
        Approval.id == approval.id
    ).execute()
    details = {"approval": approval.number, "transaction_id": approval.transaction_id}
    if reason is not None:
        details["reason"] = reason
    action = APPROVED_ACTION if state == APPROVED else DENIED_ACTION
    audit.record(approval.organization_id, action, approver.email, details, now)
    values = {"approver": approver.name, "reason": reason or ""}
    held_orders.tell(approval.administrator, f"approval_{state}", approval, now, **values)


def _request_of(approval: Approval) -> OrderRequest:
    """The held order's request, as its body said it."""
    kind = OrderKind(approval.kind)
    renewal = kind == OrderKind.RENEWAL
    return OrderRequest(
        kind,
        approval.seats,
        held_quotes.amount_of(approval),
        None if renewal else approval.quote_date,
        approval.acknowledgement_text,
        approval.purchase_order,
        None if renewal else approval.note,
        approval.note if renewal else None,
        approval.quote_number,
    )
