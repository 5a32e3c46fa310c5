"""Orders and renewals above their buyer's spending limit, held for an approver: stored at their
price in the order's own transaction (the approvers told by e-mail), found again by their key,
and described as the API answers them."""

from datetime import date, datetime
from decimal import Decimal

from peewee import IntegrityError

from billing.money import amount_from_minor
from billing.orders import OrderRequest, above_spending_limit
from db.database import lock_key
from db.prepared import Prepared
from service import audit, held_quotes, mail, messages
from service.models import (
    Administrator,
    Approval,
    Contract,
    PermissionSet,
    Renewal,
    SeatOrder,
    service_db,
)
from service.numbers import next_number

PENDING, APPROVED, DENIED, EXPIRED = "pending", "approved", "denied", "expired"
HELD = "purchase held for approval"  # audit action


def above_limit(administrator: Administrator, amount: Decimal, currency: str) -> bool:
    """Whether `amount` is more than the administrator's set may spend (None: no limit)."""
    return above_spending_limit(amount, currency, administrator.permission_set.spending_limit_minor)


def hold(
    administrator: Administrator,
    key: str,
    body_print: str,
    request: OrderRequest,
    contract: Contract,
    fields: dict,
    valid_until: date,
    now: datetime,
) -> Approval:
    """Hold the order priced as `fields` say (a quote's fields: held_quotes.quoted_fields, the
    quote date among them) for an approver, in the caller's transaction: its formal quote is
    kept for it, the approvers are told. IntegrityError when the key was taken already, by an
    approval or an order: the caller answers as it stands."""
    organization = administrator.organization
    lock_key(service_db, organization.id, key)  # an order racing it checks under the same lock
    if _placed(organization.id, key):
        raise IntegrityError("this Idempotency-Key placed an order already")
    approval = Approval.create(
        organization=organization.id,
        number=next_number(Approval, "AP", organization.id, fields["quote_date"].year),
        kind=request.kind,
        transaction_id=key,
        request_fingerprint=body_print,
        contract=contract,
        administrator=administrator,
        **fields,
        proration_unit=contract.proration_unit,
        acknowledgement_text=request.acknowledgement_text,
        purchase_order=request.purchase_order,
        note=request.invoice_note or request.instructions,
        quote_number=request.quote_number,
        spending_limit_minor=administrator.permission_set.spending_limit_minor,
        valid_until=valid_until,
        status=PENDING,
        requested_at=now,
    )
    if request.quote_number is not None:
        held_quotes.use(organization.id, request.quote_number, key, now)
    details = {
        "approval": approval.number,
        "transaction_id": key,
        "kind": request.kind,
        "seats": approval.seats,
        "amount": str(held_quotes.amount_of(approval)),
        "valid_until": valid_until.isoformat(),
    }
    audit.record(organization.id, HELD, administrator.email, details, now)
    for approver in approvers_of(organization.id, administrator.id):
        tell(approver, "approval_requested", approval, now, requester=administrator.name)
    return approval


def _placed(organization_id: int, key: str) -> bool:
    """Whether an order or a renewal was placed with the key."""
    order = SeatOrder.organization == organization_id, SeatOrder.transaction_id == key
    renewal = Renewal.organization == organization_id, Renewal.transaction_id == key
    return SeatOrder.select().where(*order).exists() or Renewal.select().where(*renewal).exists()


def key_held(organization_id: int, key: str) -> bool:
    """Whether an approval holds the key: an order within the limit must not take it (asked of
    every order, so its SQL is written once). The key stays locked until the order is
    written: an approval racing it on another worker waits, then finds the order."""
    lock_key(service_db, organization_id, key)
    return bool(_KEY_HELD.rows(service_db.obj, organization_id, key))


_KEY_HELD = Prepared(
    lambda organization, key: (
        Approval.select(Approval.id)
        .where((Approval.organization == organization) & (Approval.transaction_id == key))
        .limit(1)
    ),
    Approval.organization,
    Approval.transaction_id,
)


def find(organization_id: int, key: str) -> Approval | None:
    """The approval holding the order of this key, if any."""
    return Approval.get_or_none(
        (Approval.organization == organization_id) & (Approval.transaction_id == key)
    )


def approvers_of(organization_id: int, without: int | None = None) -> list[Administrator]:
    """The organization's active administrators who may approve purchases, but `without`."""
    found = (
        Administrator.select()
        .join(PermissionSet)
        .where(
            (Administrator.organization == organization_id)
            & Administrator.active
            & PermissionSet.approve_purchases
        )
        .order_by(Administrator.name)
    )
    return [each for each in found if each.id != without]


def tell(
    recipient: Administrator, kind: str, approval: Approval, now: datetime, **values: object
) -> None:
    """E-mail one person about an approval (through the outbox, once per kind and person), in
    the organization's language."""
    organization = approval.organization
    language = mail.organization_language(organization.id)
    limit = approval.spending_limit_minor
    subject, body = messages.message(
        kind,
        language,
        organization=organization.name,
        number=approval.number,
        seats=approval.seats,
        amount=(held_quotes.amount_of(approval), approval.currency),
        limit=(amount_from_minor(limit or 0, approval.currency), approval.currency),
        valid_until=approval.valid_until,
        **values,
    )
    key = f"{kind}:{approval.number}:{recipient.email}"
    mail.enqueue(organization.id, key, kind, recipient.email, subject, body, now)


def status(approval: Approval, today: date) -> str:
    """Pending, approved or denied as stored; pending past its valid_until (the organization's
    `today`) reads expired."""
    if approval.status == PENDING and today > approval.valid_until:
        return EXPIRED
    return approval.status


def approval_json(approval: Approval, today: date) -> dict:
    requester, decider = approval.administrator, approval.decided_by
    limit = approval.spending_limit_minor
    return {
        "id": approval.number,
        "kind": approval.kind,
        "status": status(approval, today),
        "transaction_id": approval.transaction_id,
        "seats": approval.seats,
        "amount": str(held_quotes.amount_of(approval)),
        "currency": approval.currency,
        "period_start": approval.period_start.isoformat(),
        "period_end": approval.period_end.isoformat(),
        "quote_number": approval.quote_number,
        "purchase_order": approval.purchase_order,
        "spending_limit": None
        if limit is None
        else str(amount_from_minor(limit, approval.currency)),
        "requested_by": {"name": requester.name, "email": requester.email},
        "requested_at": approval.requested_at.isoformat(),
        "valid_until": approval.valid_until.isoformat(),
        "decided_by": None if decider is None else {"name": decider.name, "email": decider.email},
        "decided_at": None if approval.decided_at is None else approval.decided_at.isoformat(),
        "reason": approval.reason,
    }
