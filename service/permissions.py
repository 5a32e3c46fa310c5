"""Permission sets on the service: listing them, changing their rights and spending limit, and
what each right lets a set do."""

from billing.money import amount_from_minor, amount_to_minor, parse_amount
from db.database import locked, write_transaction
from service import audit
from service.models import Administrator, Organization, PermissionSet, service_db

MAX_LIMIT = 10**12  # in whole units of the currency: more is no limit anyone means
RIGHTS = ("manage_account", "manage_permission_sets", "view_billing", "approve_purchases")


class PermissionProblem(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code = status, code


def sees_billing(permission_set: PermissionSet) -> bool:
    """Invoices, documents, the billing profile, quotes, the contract and its orders: what
    Manage Account gives and what View Billing gives without buying or renewing."""
    return permission_set.manage_account or permission_set.view_billing


def _stored(changes: dict, currency: str) -> dict:
    """The changes as the table keeps them: the spending limit (a decimal string, or None for
    no limit) in the currency's minor units; 422 for one that is no amount or below zero."""
    stored = {key: value for key, value in changes.items() if key != "spending_limit"}
    if "spending_limit" not in changes:
        return stored
    text = changes["spending_limit"]
    if text is None:
        return {**stored, "spending_limit_minor": None}
    amount = parse_amount(text)
    problem = 'must be a decimal string such as "1000.00", or null for no limit'
    if amount is not None and not 0 <= amount < MAX_LIMIT:
        problem = f"must be at least 0 and below {MAX_LIMIT:,}"
    elif amount is not None:
        try:
            return {**stored, "spending_limit_minor": amount_to_minor(amount, currency)}
        except ValueError:  # more decimals than the currency has
            problem = f"may have no more decimals than {currency} has"
    raise PermissionProblem(422, "invalid_spending_limit", f"The spending limit {problem}.")


def sets_of(organization_id: int) -> list[PermissionSet]:
    """The organization's sets, each with its organization (whose currency the limit is in)."""
    return list(
        PermissionSet.select(PermissionSet, Organization)
        .join(Organization)
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
    changes = _stored(changes, administrator.organization.currency)
    with write_transaction(service_db):
        sets = PermissionSet.select().where(
            PermissionSet.organization == administrator.organization_id
        )
        sets = list(locked(sets))
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
        "view_billing": permission_set.view_billing,
        "approve_purchases": permission_set.approve_purchases,
        "spending_limit": limit_text(permission_set, permission_set.organization),
        "administrators": members,
    }


def rights_json(administrator: Administrator) -> dict:
    """What the administrator's set lets them do, as the sign-in answer tells the desktop."""
    permission_set = administrator.permission_set
    rights = {right: getattr(permission_set, right) for right in RIGHTS}
    return {**rights, "spending_limit": limit_text(permission_set, administrator.organization)}


def limit_text(permission_set: PermissionSet, organization: Organization) -> str | None:
    """The spending limit as a decimal string in the organization's currency; None: none."""
    units = permission_set.spending_limit_minor
    return None if units is None else str(amount_from_minor(units, organization.currency))
