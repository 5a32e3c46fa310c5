"""Who is using the app, and whether their permission set lets them manage the account or see
its billing."""

import logging
import time
from decimal import Decimal

from billing.money import amount_from_minor
from billing.orders import above_spending_limit
from db.database import write_transaction
from desktop.account import has_contract
from desktop.i18n import translate
from desktop.models import (
    Administrator,
    Contract,
    LicenseUsage,
    Organization,
    Outbox,
    PermissionSet,
    RenewalRecord,
    SeatPurchase,
    SyncState,
    database,
)

MISSING_PERMISSION = "Manage Account"
REMOTE_SET = "Administrators elsewhere"  # who bought or renewed on another computer
logger = logging.getLogger(__name__)


def how_to_enable() -> str:
    return translate(
        "Access",
        "An administrator who may manage permission sets can enable it: Administration > "
        "Permission Sets > choose your permission set > enable Manage Account > Save.",
    )


def acting_administrator(email: str | None = None) -> Administrator | None:
    """The administrator named by `email`, or else the first active one with Manage Account;
    of the organization signed in to last when the e-mail is that of several."""
    query = (
        Administrator.select(Administrator, PermissionSet, Organization)
        .join(PermissionSet)
        .switch(Administrator)
        .join(Organization)
        .where(Administrator.active)
        .order_by(Organization.last_used_at.desc(nulls="LAST"), Administrator.id)
    )
    if email:
        return query.where(Administrator.email == email.strip().lower()).first()
    return query.where(PermissionSet.manage_account).first()


def administrator_of(organization: Organization, name: str, email: str) -> Administrator:
    """The organization's administrator with this e-mail; one who ordered on another computer
    and never signed in here is kept in a permission set of their own, without rights here."""
    known = Administrator.get_or_none(
        (Administrator.organization == organization) & (Administrator.email == email)
    )
    if known is not None:
        return known
    elsewhere, _ = PermissionSet.get_or_create(organization=organization, name=REMOTE_SET)
    return Administrator.create(
        organization=organization, name=name, email=email, permission_set=elsewhere
    )


def holds_account_data(email: str) -> bool:
    """Whether this computer keeps the contract and an administrator with this e-mail who may
    see it: then it can work offline while the service cannot be reached."""
    administrator = acting_administrator(email) if email.strip() else None
    return (
        administrator is not None
        and sees_billing(administrator)
        and has_contract(administrator.organization)
    )


def limit_exceeded(administrator: Administrator, amount: Decimal, currency: str) -> Decimal | None:
    """The administrator's spending limit when `amount` is above it (the order then waits for
    an approver), else None."""
    limit = administrator.permission_set.spending_limit_minor
    if limit is None or not above_spending_limit(amount, currency, limit):
        return None
    return amount_from_minor(limit, currency)


def sees_billing(administrator: Administrator | None) -> bool:
    """Manage Account, or View Billing: the overview, history, documents and billing profile
    (without buying, renewing or freeing seats)."""
    return bool(
        administrator
        and administrator.active
        and (
            administrator.permission_set.manage_account or administrator.permission_set.view_billing
        )
    )


def may_manage_account(administrator: Administrator | None) -> bool:
    return bool(
        administrator and administrator.active and administrator.permission_set.manage_account
    )


def forget_contract_data(organization: Organization, attempts: int = 3, pause: float = 0.5) -> None:
    """Clear the organization's local copy of contracts, purchases and what sync kept of them
    (its feed cursors too, so all comes back if the permission does), for someone who lost
    Manage Account there (other organizations' stay).

    A busy database is tried again; if it still fails, the error is logged and raised for the
    caller to report (the next start, which checks the permission again, tries once more).
    """
    for attempt in range(1, attempts + 1):
        try:
            with write_transaction(database):
                for model in (
                    Outbox,
                    RenewalRecord,
                    SeatPurchase,
                    Contract,
                    LicenseUsage,
                    SyncState,
                ):
                    model.delete().where(model.organization == organization).execute()
            return
        except Exception:
            logger.exception(
                "could not delete the local contract data (%d of %d)", attempt, attempts
            )
            if attempt == attempts:
                raise
            time.sleep(pause * attempt)
