"""The organization's permission sets as the account service keeps them: the rights they give
(Manage Account, View Billing, Approve Purchases) and their spending limit."""

from dataclasses import dataclass
from decimal import Decimal

from billing.money import parse_amount
from desktop.service_client import ServiceClient


@dataclass(frozen=True)
class Rights:
    """What a set allows; the limit is per purchase, in the contract's currency (None: none).
    Approving and the limit take effect once purchases go to approval."""

    manage_account: bool
    view_billing: bool
    approve_purchases: bool
    spending_limit: Decimal | None


@dataclass(frozen=True)
class PermissionSet:
    id: int
    name: str
    administrators: int  # how many administrators are in it
    rights: Rights


class PermissionSets:
    """The sets of the signed-in administrator's organization (calls take time: off the GUI
    thread)."""

    def __init__(self, client: ServiceClient) -> None:
        self._client = client

    def listed(self) -> list[PermissionSet]:
        return [_permission_set(each) for each in self._client.permission_sets()]

    def change(self, set_id: int, rights: Rights) -> PermissionSet:
        """Give the set these rights and limit; the set as the service keeps it now."""
        limit = rights.spending_limit
        changes = {
            "manage_account": rights.manage_account,
            "view_billing": rights.view_billing,
            "approve_purchases": rights.approve_purchases,
            "spending_limit": None if limit is None else str(limit),
        }
        return _permission_set(self._client.change_permission_set(set_id, changes))


def _permission_set(answer: dict) -> PermissionSet:
    rights = Rights(
        answer["manage_account"],
        answer.get("view_billing", False),  # a service older than these rights
        answer.get("approve_purchases", False),
        parse_amount(answer.get("spending_limit")),
    )
    return PermissionSet(answer["id"], answer["name"], answer["administrators"], rights)
