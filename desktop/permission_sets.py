"""The organization's permission sets as the account service keeps them, and the Manage
Account right they give."""

from dataclasses import dataclass

from desktop.service_client import ServiceClient


@dataclass(frozen=True)
class PermissionSet:
    id: int
    name: str
    administrators: int  # how many administrators are in it
    manage_account: bool


class PermissionSets:
    """The sets of the signed-in administrator's organization (calls take time: off the GUI
    thread)."""

    def __init__(self, client: ServiceClient) -> None:
        self._client = client

    def listed(self) -> list[PermissionSet]:
        return [_permission_set(each) for each in self._client.permission_sets()]

    def allow_managing(self, set_id: int, manage_account: bool) -> PermissionSet:
        """Give or take the right to manage the account; the set as the service keeps it now."""
        changed = self._client.change_permission_set(set_id, {"manage_account": manage_account})
        return _permission_set(changed)


def _permission_set(answer: dict) -> PermissionSet:
    return PermissionSet(
        answer["id"], answer["name"], answer["administrators"], answer["manage_account"]
    )
