"""Permission sets on the service: listing them and switching Manage Account on or off."""

from db.database import is_sqlite, write_transaction
from service import audit
from service.models import Administrator, PermissionSet, service_db


class PermissionProblem(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code = status, code


def sets_of(organization_id: int) -> list[PermissionSet]:
    return list(
        PermissionSet.select()
        .where(PermissionSet.organization == organization_id)
        .order_by(PermissionSet.name)
    )


def managers_of(organization_id: int) -> list[Administrator]:
    """The organization's active administrators who may manage permission sets."""
    return list(
        Administrator.select()
        .join(PermissionSet)
        .where(
            (Administrator.organization == organization_id)
            & Administrator.active
            & PermissionSet.manage_permission_sets
        )
        .order_by(Administrator.name)
    )


def change(administrator: Administrator, set_id: int, changes: dict) -> PermissionSet:
    """Apply `changes`; the last set that may manage permission sets cannot lose that right."""
    with write_transaction(service_db):
        sets = PermissionSet.select().where(
            PermissionSet.organization == administrator.organization_id
        )
        sets = list(sets if is_sqlite(service_db.obj) else sets.for_update())
        target = next((each for each in sets if each.id == set_id), None)
        if target is None:
            raise PermissionProblem(404, "not_found", f"No permission set has the id {set_id}.")
        if not changes:  # nothing to change, and nothing for the trail
            return target
        managers = [each for each in sets if each.manage_permission_sets]
        if changes.get("manage_permission_sets") is False and managers == [target]:
            raise PermissionProblem(
                409,
                "last_manager",
                f"{target.name!r} is the last permission set that may manage permission sets; "
                "give that right to another set first.",
            )
        before = {key: getattr(target, key) for key in changes}
        PermissionSet.update(**changes).where(PermissionSet.id == set_id).execute()
        audit.record(
            administrator.organization_id,
            audit.PERMISSION_CHANGED,
            administrator.email,
            {"permission_set": target.name, "before": before, "after": changes},
        )
    return PermissionSet.get_by_id(set_id)


def set_json(permission_set: PermissionSet) -> dict:
    members = Administrator.select().where(Administrator.permission_set == permission_set).count()
    return {
        "id": permission_set.id,
        "name": permission_set.name,
        "manage_account": permission_set.manage_account,
        "manage_permission_sets": permission_set.manage_permission_sets,
        "administrators": members,
    }
