"""A purchase's provisioning status and the only ways it may change.

Queued (recorded on the desktop) -> Pending (accepted by the service) -> Provisioned (seats
live). A Pending purchase not live within `LIVE_WITHIN` of its acceptance shows as Delayed until
it is. Queued or Pending may end as Rejected. Nothing leaves Provisioned or Rejected.
"""

from datetime import datetime, timedelta
from enum import StrEnum

from billing.text import QT_TRANSLATE_NOOP

LIVE_WITHIN = timedelta(minutes=5)  # the promise: seats are live within five minutes


class Status(StrEnum):
    """As stored on both sides and sent over the wire (Delayed is never stored)."""

    QUEUED = "queued"
    PENDING = "pending"
    DELAYED = "delayed"
    PROVISIONED = "provisioned"
    REJECTED = "rejected"


# What a person reads, in English in exports and translated through the "Status" context.
LABELS = {
    Status.QUEUED: QT_TRANSLATE_NOOP("Status", "Queued"),
    Status.PENDING: QT_TRANSLATE_NOOP("Status", "Pending"),
    Status.DELAYED: QT_TRANSLATE_NOOP("Status", "Delayed"),
    Status.PROVISIONED: QT_TRANSLATE_NOOP("Status", "Provisioned"),
    Status.REJECTED: QT_TRANSLATE_NOOP("Status", "Rejected"),
}

# What an order on the service can be: it exists only once accepted, and never stores Delayed.
SERVICE_STATUSES = frozenset({Status.PENDING, Status.PROVISIONED, Status.REJECTED})

TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.QUEUED: frozenset({Status.PENDING, Status.REJECTED}),
    Status.PENDING: frozenset({Status.DELAYED, Status.PROVISIONED, Status.REJECTED}),
    Status.DELAYED: frozenset({Status.PROVISIONED}),
    Status.PROVISIONED: frozenset(),
    Status.REJECTED: frozenset(),
}


def _reachable(start: Status) -> frozenset[Status]:
    seen: set[Status] = set()
    frontier = [start]
    while frontier:
        for following in TRANSITIONS[frontier.pop()] - seen:
            seen.add(following)
            frontier.append(following)
    return frozenset(seen)


REACHABLE = {status: _reachable(status) for status in Status}


def may_become(current: str, new: str) -> bool:
    """Whether `current` may change to `new`, directly or through the steps in between.

    A feed that reports a purchase once it is Provisioned may skip the Pending it went through;
    it may never move a purchase backwards. Staying the same is no change, and allowed. A
    status that is not one of ours is never allowed.
    """
    if current not in REACHABLE or new not in REACHABLE:
        return False
    return new == current or Status(new) in REACHABLE[Status(current)]


def status_at(stored: str, accepted_at: datetime | None, now: datetime) -> Status:
    """The status a person sees: Pending turns Delayed `LIVE_WITHIN` after acceptance."""
    status = Status(stored)
    if status == Status.PENDING and accepted_at is not None and now - accepted_at > LIVE_WITHIN:
        return Status.DELAYED
    return status
