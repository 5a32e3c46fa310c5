"""Who is using the app, and whether their permission set lets them manage the account."""

from db.database import write_transaction
from db.models import Administrator, Contract, Outbox, PermissionSet, SeatPurchase
from desktop.i18n import translate

MISSING_PERMISSION = "Manage Account"


def how_to_enable() -> str:
    return translate(
        "Access",
        "An administrator who may manage permission sets can enable it: Administration > "
        "Permission Sets > choose your permission set > enable Manage Account > Save.",
    )


def acting_administrator(email: str | None = None) -> Administrator | None:
    """The administrator named by `email`, or else the first active one with Manage Account."""
    query = Administrator.select().join(PermissionSet).where(Administrator.active)
    if email:
        return query.where(Administrator.email == email.strip().lower()).first()
    return query.where(PermissionSet.manage_account).order_by(Administrator.id).first()


def may_manage_account(administrator: Administrator | None) -> bool:
    return bool(
        administrator and administrator.active and administrator.permission_set.manage_account
    )


def forget_contract_data() -> None:
    """Clear the local copy of contracts and purchases, for someone who lost Manage Account."""
    with write_transaction():
        Outbox.delete().execute()
        SeatPurchase.delete().execute()
        Contract.delete().execute()
