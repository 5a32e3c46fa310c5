"""An order's status, of either kind, the only ways it may change, and the words for each kind.

Queued (recorded on the desktop) -> Pending (accepted by the service) -> Provisioned (seats
live; for a renewal: accepted and invoiced). An order above its buyer's spending limit waits
for an approver first: Queued -> Awaiting approval -> Pending (approved) or Rejected (denied,
or its quote ran out). A Pending purchase not live within `LIVE_WITHIN`
of its acceptance shows as Delayed until it is; an accepted renewal shows as Active once its
term has begun. Queued or Pending may end as Rejected. Nothing leaves Provisioned or Rejected.
Delayed and Active are shown, never stored.
"""

from datetime import date, datetime, timedelta
from enum import StrEnum

from billing.kinds import OrderKind
from billing.text import QT_TRANSLATE_NOOP

LIVE_WITHIN = timedelta(minutes=5)  # the promise: seats are live within five minutes


class Status(StrEnum):
    """As stored on both sides and sent over the wire (Delayed and Active are never stored)."""

    QUEUED = "queued"
    AWAITING_APPROVAL = "awaiting"  # above the buyer's spending limit: an approver decides
    PENDING = "pending"
    DELAYED = "delayed"
    PROVISIONED = "provisioned"
    REJECTED = "rejected"
    ACTIVE = "active"


# What a person reads of each kind, in English in exports and translated through the "Status"
# context. A kind has a word only for the statuses it can show.
KIND_LABELS: dict[OrderKind, dict[Status, str]] = {
    OrderKind.PURCHASE: {
        Status.QUEUED: QT_TRANSLATE_NOOP("Status", "Queued"),
        Status.AWAITING_APPROVAL: QT_TRANSLATE_NOOP("Status", "Awaiting approval"),
        Status.PENDING: QT_TRANSLATE_NOOP("Status", "Pending"),
        Status.DELAYED: QT_TRANSLATE_NOOP("Status", "Delayed"),
        Status.PROVISIONED: QT_TRANSLATE_NOOP("Status", "Provisioned"),
        Status.REJECTED: QT_TRANSLATE_NOOP("Status", "Rejected"),
    },
    OrderKind.RENEWAL: {
        Status.QUEUED: QT_TRANSLATE_NOOP("Status", "Recorded"),  # here, not sent yet
        Status.AWAITING_APPROVAL: QT_TRANSLATE_NOOP("Status", "Awaiting approval"),
        Status.PENDING: QT_TRANSLATE_NOOP("Status", "Sent"),
        Status.PROVISIONED: QT_TRANSLATE_NOOP("Status", "Accepted"),  # and invoiced
        Status.ACTIVE: QT_TRANSLATE_NOOP("Status", "Active"),  # its term has begun
        Status.REJECTED: QT_TRANSLATE_NOOP("Status", "Refused"),
    },
}
# The statuses each kind shows, in their order (for filters and legends).
KIND_STATUSES = {kind: tuple(labels) for kind, labels in KIND_LABELS.items()}
# A purchase's words, and Active's, for callers from before the kinds: covers every Status.
LABELS = {
    **KIND_LABELS[OrderKind.PURCHASE],
    Status.ACTIVE: KIND_LABELS[OrderKind.RENEWAL][Status.ACTIVE],
}


def label(kind: OrderKind, status: str) -> str:
    """The marked English word for `status` of an order of `kind` (KeyError for a status that
    kind never shows, such as a Delayed renewal)."""
    return KIND_LABELS[OrderKind(kind)][Status(status)]


# What an order on the service can be: it exists only once accepted, and never stores Delayed.
SERVICE_STATUSES = frozenset({Status.PENDING, Status.PROVISIONED, Status.REJECTED})

TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.QUEUED: frozenset({Status.AWAITING_APPROVAL, Status.PENDING, Status.REJECTED}),
    Status.AWAITING_APPROVAL: frozenset({Status.PENDING, Status.REJECTED}),
    Status.PENDING: frozenset({Status.DELAYED, Status.PROVISIONED, Status.REJECTED}),
    Status.DELAYED: frozenset({Status.PROVISIONED}),
    Status.PROVISIONED: frozenset(),
    Status.REJECTED: frozenset(),
    Status.ACTIVE: frozenset(),  # shown from Provisioned by the date alone: never a change
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


class IllegalTransition(ValueError):
    """A status change the table does not allow: a write that must not happen."""


def may_become(current: str, new: str) -> bool:
    """Whether `current` may change to `new`, directly or through the steps in between.

    A feed that reports a purchase once it is Provisioned may skip the Pending it went through;
    it may never move a purchase backwards. Staying the same is no change, and allowed. A
    status that is not one of ours is never allowed.
    """
    if current not in REACHABLE or new not in REACHABLE:
        return False
    return new == current or Status(new) in REACHABLE[Status(current)]


def transition(current: str, new: str) -> Status:
    """`new` as the Status to store in place of `current`; IllegalTransition when the table
    does not allow it. Every status write goes through here."""
    if not may_become(current, new):
        raise IllegalTransition(f"An order that is {current!r} cannot become {new!r}.")
    return Status(new)


def shown_status(
    kind: OrderKind,
    stored: str,
    accepted_at: datetime | None,
    now: datetime,
    term_start: date | None = None,
    today: date | None = None,
) -> Status:
    """The status a person sees: a Pending purchase turns Delayed `LIVE_WITHIN` after its
    acceptance; an accepted renewal turns Active on its term's first day (`today` being the
    contract's local day)."""
    status = Status(stored)
    if kind == OrderKind.RENEWAL:
        started = term_start is not None and today is not None and today >= term_start
        return Status.ACTIVE if status == Status.PROVISIONED and started else status
    if status == Status.PENDING and accepted_at is not None and now - accepted_at > LIVE_WITHIN:
        return Status.DELAYED
    return status


def status_at(stored: str, accepted_at: datetime | None, now: datetime) -> Status:
    """The status a person sees of a purchase: `shown_status` of kind PURCHASE."""
    return shown_status(OrderKind.PURCHASE, stored, accepted_at, now)
