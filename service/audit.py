"""The service's audit trail: who did what and when, each entry chained to the one before."""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from db.database import is_sqlite, write_transaction
from db.models import utc_now
from service.models import AuditEvent, AuditHead, service_db

SIGN_IN = "sign-in"
SIGN_IN_FAILED = "sign-in failed"
SIGN_OUT = "sign-out"
ORDER_PLACED = "seats ordered"
PERMISSION_CHANGED = "permission set changed"
RECEIPTS_EXPORTED = "receipts exported"
CLIENT_ACTIONS = {RECEIPTS_EXPORTED}  # what a desktop may report itself
GENESIS = "0" * 64


@dataclass(frozen=True)
class ChainCheck:
    intact: bool
    message: str


def record(
    action: str, actor_email: str | None, details: dict, now: datetime | None = None
) -> None:
    """Append one entry. The head row is locked first, so concurrent writers chain in turn."""
    now = now or utc_now()
    with write_transaction(service_db):
        head = AuditHead.select()
        head = (head if is_sqlite(service_db.obj) else head.for_update()).get()
        text = json.dumps(details, sort_keys=True, default=str)
        digest = entry_hash(head.last_hash, now, actor_email, action, text)
        event = AuditEvent.create(
            occurred_at=now,
            actor_email=actor_email,
            action=action,
            details=text,
            previous_hash=head.last_hash,
            hash=digest,
        )
        AuditHead.update(last_id=event.id, last_hash=digest).execute()


def entry_hash(
    previous: str, occurred_at: datetime, actor: str | None, action: str, details: str
) -> str:
    canonical = json.dumps(
        [previous, occurred_at.isoformat(), actor, action, details], ensure_ascii=False
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def verify_chain() -> ChainCheck:
    """Recompute every hash: a changed, deleted or inserted entry breaks the chain."""
    previous = GENESIS
    last_id = 0
    for event in AuditEvent.select().order_by(AuditEvent.id).iterator():
        if event.previous_hash != previous:
            return ChainCheck(False, f"The entry before #{event.id} was deleted or changed.")
        expected = entry_hash(
            previous, event.occurred_at, event.actor_email, event.action, event.details
        )
        if event.hash != expected:
            return ChainCheck(False, f"Entry #{event.id} was changed after it was written.")
        previous, last_id = event.hash, event.id
    head = AuditHead.get()
    if (head.last_id, head.last_hash) != (last_id, previous):
        return ChainCheck(False, "Entries at the end of the trail were deleted.")
    return ChainCheck(True, "The audit trail is intact.")


def recent_failures(email: str, window: timedelta, now: datetime) -> list[datetime]:
    """When sign-ins for `email` failed within `window`, newest first."""
    failures = (
        AuditEvent.select(AuditEvent.occurred_at)
        .where(
            (AuditEvent.action == SIGN_IN_FAILED)
            & (AuditEvent.actor_email == email)
            & (AuditEvent.occurred_at > now - window)
        )
        .order_by(AuditEvent.occurred_at.desc())
    )
    return [event.occurred_at for event in failures]


def event_json(event: AuditEvent) -> dict:
    return {
        "id": event.id,
        "occurred_at": event.occurred_at.isoformat(),
        "actor": event.actor_email,
        "action": event.action,
        "details": json.loads(event.details),
        "hash": event.hash,
    }
