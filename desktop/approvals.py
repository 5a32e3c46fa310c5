"""Purchases above a spending limit waiting for an approver, as the account service keeps them:
listed, approved (the order is placed at the held price) or denied with a reason."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from billing.kinds import OrderKind
from billing.money import parse_amount
from desktop.i18n import translate
from desktop.service_client import ServiceClient, ServiceUnavailable

PENDING, APPROVED, DENIED, EXPIRED = "pending", "approved", "denied", "expired"


@dataclass(frozen=True)
class Approver:
    name: str
    email: str


@dataclass(frozen=True)
class Approval:
    """An order held until an approver decides; `transaction_id` is the order's once approved.
    The price holds until `valid_until` (the organization's day), then it reads expired."""

    id: str
    kind: OrderKind
    status: str  # pending, approved, denied or expired
    transaction_id: str
    seats: int
    amount: Decimal
    currency: str
    period_start: date
    period_end: date
    quote_number: str | None
    purchase_order: str | None
    spending_limit: Decimal | None  # the requester's when requested
    requested_by: Approver
    requested_at: datetime
    valid_until: date
    decided_by: Approver | None
    decided_at: datetime | None
    reason: str | None  # a denial's

    @property
    def pending(self) -> bool:
        return self.status == PENDING

    def requested_by_email(self, email: str) -> bool:
        return self.requested_by.email.casefold() == email.casefold()


class Approvals:
    """The approvals the signed-in administrator may see: the organization's for an approver,
    else their own requests (calls take time: off the GUI thread)."""

    def __init__(self, client: ServiceClient) -> None:
        self._client = client

    def approvers(self) -> list[Approver]:
        """The organization's other administrators who may approve."""
        return [_person(each) for each in self._client.approvers()]

    def approve(self, approval_id: str) -> Approval:
        """Place the held order as the requester's; NotSignedIn (403) not_an_approver or
        own_request, ServiceRefused (409) approval_decided or approval_expired otherwise."""
        return approval(self._client.approve(approval_id)["approval"])

    def deny(self, approval_id: str, reason: str) -> Approval:
        """The reason (1 to 500 characters) is told to the requester; ServiceRefused
        invalid_reason for an empty or too long one."""
        return approval(self._client.deny(approval_id, reason))

    # Last: below it, `list` in this class's annotations would name this method.
    def list(self, status: str | None = None) -> list[Approval]:
        """Newest first; `status` one of pending, approved, denied, expired (None: all)."""
        return [approval(each) for each in self._client.approvals(status)]


def approval(answer: dict) -> Approval:
    """An approval as the service answers it, read."""
    decided_by, decided_at = answer.get("decided_by"), answer.get("decided_at")
    return Approval(
        id=answer["id"],
        kind=OrderKind(answer["kind"]),
        status=answer["status"],
        transaction_id=answer["transaction_id"],
        seats=int(answer["seats"]),
        amount=_amount(answer["amount"]),
        currency=answer["currency"],
        period_start=date.fromisoformat(answer["period_start"]),
        period_end=date.fromisoformat(answer["period_end"]),
        quote_number=answer.get("quote_number"),
        purchase_order=answer.get("purchase_order"),
        spending_limit=parse_amount(answer.get("spending_limit")),
        requested_by=_person(answer["requested_by"]),
        requested_at=datetime.fromisoformat(answer["requested_at"]),
        valid_until=date.fromisoformat(answer["valid_until"]),
        decided_by=_person(decided_by) if decided_by else None,
        decided_at=datetime.fromisoformat(decided_at) if decided_at else None,
        reason=answer.get("reason"),
    )


def _person(answer: dict) -> Approver:
    return Approver(answer["name"], answer["email"])


def _amount(text: object) -> Decimal:
    amount = parse_amount(text)
    if amount is None:
        raise ServiceUnavailable(
            translate("ServiceClient", "the account service answered with unexpected JSON")
        )
    return amount
