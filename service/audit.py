"""The service's audit trail: who did what and when, each entry chained to the one before it
in its organization's chain."""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import peewee

from db.database import locked, write_transaction
from db.fields import utc_now
from db.prepared import Prepared, PreparedInsert
from service.models import AuditEvent, AuditHead, service_db

SIGN_IN = "sign-in"
SIGN_IN_FAILED = "sign-in failed"
SIGN_OUT = "sign-out"
SIGNED_OUT_EVERYWHERE = "signed out everywhere"
SIGN_IN_LOCKED = "sign-in locked out"  # a failure filled a count: more are refused a while
ORDER_PLACED = "seats ordered"
PERMISSION_CHANGED = "permission set changed"
RECEIPTS_EXPORTED = "receipts exported"
BILLING_PROFILE_CHANGED = "billing profile changed"
RECHAINED = "trail re-chained"  # by the upgrade that gave each organization its own chain
CLIENT_ACTIONS = {RECEIPTS_EXPORTED}  # what a desktop may report itself
GENESIS = "0" * 64


@dataclass(frozen=True)
class ChainCheck:
    intact: bool
    message: str


def start_chain(organization_id: int | None) -> None:
    """The head of a new organization's chain, made with the organization."""
    AuditHead.create(organization=organization_id, last_id=0, last_hash=GENESIS)


def record(
    organization_id: int | None,
    action: str,
    actor_email: str | None,
    details: dict,
    now: datetime | None = None,
) -> None:
    """Append one entry to the organization's chain (None: failed sign-ins of unknown e-mails).

    The chain's head row is locked first, so concurrent writers chain in turn.
    """
    now = now or utc_now()
    with write_transaction(service_db):
        if organization_id is None:  # the chain of failed sign-ins of unknown e-mails
            head = locked(AuditHead.select().where(AuditHead.organization.is_null())).get()
        else:
            head = _HEAD.rows(service_db.obj, organization_id)[0]
        text = json.dumps(details, sort_keys=True, default=str)
        digest = entry_hash(head.last_hash, now, actor_email, action, text)
        event = _INSERT_EVENT.create(
            service_db.obj,
            organization=organization_id,
            occurred_at=now,
            actor_email=actor_email,
            action=action,
            details=text,
            previous_hash=head.last_hash,
            hash=digest,
        )
        _MOVE_HEAD.run(service_db.obj, event.id, digest, head.get_id())


_INSERT_EVENT = PreparedInsert(AuditEvent)
_MOVE_HEAD = Prepared(
    lambda last_id, last_hash, head: AuditHead.update(last_id=last_id, last_hash=last_hash).where(
        AuditHead._meta.primary_key == head
    ),
    AuditHead.last_id,
    AuditHead.last_hash,
    AuditHead.last_id,  # the head's key: an integer, as last_id is
)
_HEAD = Prepared(
    lambda organization: locked(AuditHead.select().where(AuditHead.organization == organization)),
    AuditHead.organization,
)


def entry_hash(
    previous: str, occurred_at: datetime, actor: str | None, action: str, details: str
) -> str:
    canonical = json.dumps(
        [previous, occurred_at.isoformat(), actor, action, details], ensure_ascii=False
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def verify_chain(organization_id: int | None) -> ChainCheck:
    """Recompute every hash of the organization's chain."""
    events = (
        AuditEvent.select()
        .where(in_organization(AuditEvent, organization_id))
        .order_by(AuditEvent.id)
    )
    head = AuditHead.select().where(in_organization(AuditHead, organization_id)).get()
    return verify_events(events.iterator(), head)


def verify_events(events: Iterable[AuditEvent], head: AuditHead) -> ChainCheck:
    """Recompute every hash: a changed, deleted or inserted entry breaks the chain."""
    previous = GENESIS
    last_id = 0
    for event in events:
        if event.previous_hash != previous:
            return ChainCheck(False, f"The entry before #{event.id} was deleted or changed.")
        expected = entry_hash(
            previous, event.occurred_at, event.actor_email, event.action, event.details
        )
        if event.hash != expected:
            return ChainCheck(False, f"Entry #{event.id} was changed after it was written.")
        previous, last_id = event.hash, event.id
    if (head.last_id, head.last_hash) != (last_id, previous):
        return ChainCheck(False, "Entries at the end of the trail were deleted.")
    return ChainCheck(True, "The audit trail is intact.")


def events_of(organization_id: int) -> "peewee.ModelSelect[AuditEvent]":
    """The organization's audit entries, newest first: the only ones its administrators see."""
    return (
        AuditEvent.select()
        .where(AuditEvent.organization == organization_id)
        .order_by(AuditEvent.id.desc())
    )


def in_organization(model: type, organization_id: int | None) -> object:
    """The rows of `model` (an event or a head) in this organization's chain."""
    column = model.organization
    return column.is_null() if organization_id is None else column == organization_id


def event_json(event: AuditEvent) -> dict:
    return {
        "id": event.id,
        "occurred_at": event.occurred_at.isoformat(),
        "actor": event.actor_email,
        "action": event.action,
        "details": json.loads(event.details),
        "hash": event.hash,
    }
