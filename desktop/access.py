"""Who is using the app, and whether their permission set lets them manage the account."""

import logging
import time

from db.database import write_transaction
from desktop.i18n import translate
from desktop.models import (
    Administrator,
    Contract,
    LicenseUsage,
    Outbox,
    PermissionSet,
    RenewalRecord,
    SeatPurchase,
    database,
)

MISSING_PERMISSION = "Manage Account"
logger = logging.getLogger(__name__)


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


def holds_account_data(email: str) -> bool:
    """Whether this computer keeps the contract and an administrator with this e-mail who may
    manage it: then it can work offline while the service cannot be reached."""
    if not email.strip():
        return False
    return may_manage_account(acting_administrator(email)) and Contract.select().exists()


def may_manage_account(administrator: Administrator | None) -> bool:
    return bool(
        administrator and administrator.active and administrator.permission_set.manage_account
    )


def forget_contract_data(attempts: int = 3, pause: float = 0.5) -> None:
    """Clear the local copy of contracts and purchases, for someone who lost Manage Account.

    A busy database is tried again; if it still fails, the error is logged and raised for the
    caller to report (the next start, which checks the permission again, tries once more).
    """
    for attempt in range(1, attempts + 1):
        try:
            with write_transaction(database):
                Outbox.delete().execute()
                RenewalRecord.delete().execute()
                SeatPurchase.delete().execute()
                Contract.delete().execute()
                LicenseUsage.delete().execute()
            return
        except Exception:
            logger.exception(
                "could not delete the local contract data (%d of %d)", attempt, attempts
            )
            if attempt == attempts:
                raise
            time.sleep(pause * attempt)
