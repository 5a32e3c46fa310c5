"""Writing what the account service says into the local ledger: its orders, contracts and
organizations, how the seats are used, and the signed-in administrator with their rights."""

import json
import logging
from datetime import date, datetime
from decimal import Decimal

from billing.money import amount_to_minor, parse_amount
from billing.statuses import SERVICE_STATUSES, Status, may_become, transition
from db.database import write_transaction
from desktop.access import administrator_of
from desktop.billing_profile import current_parties
from desktop.models import (
    Administrator,
    Contract,
    LicenseUsage,
    Organization,
    Outbox,
    PermissionSet,
    SeatPurchase,
    database,
    utc_now,
)
from desktop.step_result import StepResult

logger = logging.getLogger(__name__)


def apply_order(organization: Organization, order: dict, result: StepResult | None = None) -> bool:
    """Bring one of the organization's orders from the service into the local ledger; True
    when something changed."""
    status = order["status"]
    if status not in SERVICE_STATUSES:
        logger.warning(
            "ignored order %s with the unknown status %r", order["transaction_id"], status
        )
        return False
    with write_transaction(database):
        purchase = SeatPurchase.get_or_none(
            (SeatPurchase.organization == organization)
            & (SeatPurchase.transaction_id == order["transaction_id"])
        )
        if purchase is None:
            purchase = _import_order(organization, order)
            changed = True
        else:
            changed = _update_purchase(purchase, order)
        Outbox.delete().where(Outbox.purchase == purchase).execute()  # accepted: sent for good
    if changed and status == Status.PROVISIONED and result is not None:
        result.provisioned.append((purchase.transaction_id, purchase.seats))
    return changed


def _update_purchase(purchase: SeatPurchase, order: dict) -> bool:
    """Take the service's newer state; a stale entry that would move the status back is left."""
    if not may_become(purchase.provisioning_status, order["status"]):
        logger.info(
            "ignored a stale %s entry for %s purchase %s",
            order["status"],
            purchase.provisioning_status,
            purchase.transaction_id,
        )
        return False
    fields = {
        "provisioning_status": transition(purchase.provisioning_status, order["status"]),
        "submitted_at": purchase.submitted_at or moment(order["created_at"]),
        "provisioned_at": moment(order.get("provisioned_at")),
        "invoice_number": order.get("invoice_number"),
        "last_sync_error": order.get("rejection_reason"),
    }
    if all(getattr(purchase, name) == value for name, value in fields.items()):
        return False
    SeatPurchase.update(**fields).where(SeatPurchase.id == purchase.id).execute()
    return True


def _import_order(organization: Organization, order: dict) -> SeatPurchase:
    """A purchase another administrator made on another machine, on the contract it was made
    on, with the vendor and bill-to party of its time when the service says them."""
    buyer = order["purchased_by"]
    administrator = administrator_of(organization, buyer["name"], buyer["email"])
    amount = Decimal(order["amount"])
    created_at = moment(order["created_at"])
    parties = order.get("parties")
    return SeatPurchase.create(
        organization=organization,
        transaction_id=order["transaction_id"],
        idempotency_key=order["transaction_id"],
        created_at=created_at,
        administrator=administrator,
        purchased_by_name=buyer["name"],
        purchased_by_email=buyer["email"],
        contract=_contract_of(organization, order),
        seats=order["seats"],
        monthly_unit_price=Decimal(order["monthly_unit_price"]),
        prorated_months=order["prorated_months"],
        period_start=date.fromisoformat(order["period_start"]),
        period_end=date.fromisoformat(order["period_end"]),
        amount_minor=amount_to_minor(amount, order["currency"]),
        currency=order["currency"],
        acknowledgement_text=order.get("acknowledgement_text") or "",
        acknowledged_at=created_at,
        provisioning_status=order["status"],
        submitted_at=created_at,
        provisioned_at=moment(order.get("provisioned_at")),
        invoice_number=order.get("invoice_number"),
        last_sync_error=order.get("rejection_reason"),
        purchase_order=order.get("purchase_order"),
        invoice_note=order.get("invoice_note"),
        parties=(
            json.dumps(parties, ensure_ascii=False, sort_keys=True)
            if parties
            else current_parties(organization)
        ),
    )


def _contract_of(organization: Organization, order: dict) -> Contract:
    """The contract an order was made on: the one the service names (kept here from the terms
    it gives), else the one whose term holds the order's first day, else the latest."""
    if (named := order.get("contract")) is not None:
        return _store_contract(organization, named)
    ours = Contract.select().where(Contract.organization == organization)
    first_day = date.fromisoformat(order["period_start"])
    holding = ours.where((Contract.start_date <= first_day) & (Contract.end_date >= first_day))
    return holding.first() or ours.order_by(Contract.end_date.desc()).first()


def mirror_contract(remote: dict, signed_in: Organization | None = None) -> Organization:
    """Take the contract's seat count and terms from the service, the source of truth; returns
    the organization it belongs to: that of the administrator `signed_in` with the session
    that read it (it learns the service's key, if it had none), else the one the service names."""
    key = remote.get("organization_id")
    with write_transaction(database):
        if signed_in is None:
            organization = organization_of(key, remote["organization"])
        else:
            organization = Organization.get_by_id(signed_in.id)
            if organization.service_key is None and key is not None:
                taken = Organization.get_or_none(Organization.service_key == key)
                organization.service_key = None if taken else key
        organization.name = remote["organization"]
        organization.currency, organization.timezone = remote["currency"], remote["timezone"]
        organization.save()
        _store_contract(organization, remote)
    return organization


def _store_contract(organization: Organization, remote: dict) -> Contract:
    """The organization's contract of these dates, with the terms `remote` gives (those it
    leaves out, e.g. an older service's order feed, keep what is known)."""
    start, end = date.fromisoformat(remote["start_date"]), date.fromisoformat(remote["end_date"])
    manager = remote.get("account_manager") or {}
    given = {
        "licensed_seats": remote.get("licensed_seats"),
        "monthly_price_per_seat": parse_amount(remote.get("monthly_price_per_seat")),
        "currency": remote.get("currency"),
        "proration_unit": remote.get("proration"),
        "account_manager_name": manager.get("name"),
        "account_manager_email": manager.get("email"),
        "account_manager_phone": manager.get("phone"),
    }
    terms = {name: value for name, value in given.items() if value is not None}
    which = (
        (Contract.organization == organization)
        & (Contract.start_date == start)
        & (Contract.end_date == end)
    )
    known = Contract.get_or_none(which)
    if known is None:
        latest = (
            Contract.select()
            .where(Contract.organization == organization)
            .order_by(Contract.end_date.desc())
            .first()
        )
        like = {name: getattr(latest, name) for name in given} if latest else {}
        return Contract.create(
            organization=organization, start_date=start, end_date=end, **{**like, **terms}
        )
    if any(getattr(known, name) != value for name, value in terms.items()):
        Contract.update(**terms).where(Contract.id == known.id).execute()
    return known


def organization_of(key: int | None, name: str | None, email: str | None = None) -> Organization:
    """The organization the service calls `key`: known by that key, else one kept here before
    the service gave keys with the same name (or nameless, made at a sign-in), else new. Only a
    service that names no organization at all is matched by the administrator's e-mail."""
    if key is not None and (known := Organization.get_or_none(Organization.service_key == key)):
        return known
    candidates = Organization.select()
    if key is not None:
        candidates = candidates.where(Organization.service_key.is_null())
    if name:
        same = Organization.name.in_([name, ""])
    elif email:
        same = Organization.id.in_(
            Administrator.select(Administrator.organization).where(Administrator.email == email)
        )
    else:
        same = Organization.name == ""
    found = candidates.where(same).order_by(Organization.name.desc(), Organization.id).first()
    if found is None:
        return Organization.create(name=name or "", currency="", timezone="UTC", service_key=key)
    found.service_key = key if key is not None else found.service_key
    found.name = name or found.name
    found.save()
    return found


def mirror_license_usage(organization: Organization, remote: dict, now: datetime) -> bool:
    """Keep how the seats are assigned, for the overview to show without the service; True
    when the counts changed."""
    counts = {
        name: remote[name]
        for name in ("assigned", "assigned_disabled", "assigned_inactive", "inactive_days")
    }
    with write_transaction(database):
        known = LicenseUsage.get_or_none(LicenseUsage.organization == organization)
        fields = {**counts, "checked_at": now}
        LicenseUsage.insert(organization=organization, **fields).on_conflict(
            conflict_target=[LicenseUsage.organization], update=fields
        ).execute()
    return known is None or any(getattr(known, name) != value for name, value in counts.items())


def mirror_administrator(remote: dict, now: datetime | None = None) -> Administrator:
    """The signed-in administrator as the service knows them, permissions included, in their
    organization, which becomes the one this computer opens next."""
    permissions, email = remote["permissions"], remote["email"]
    with write_transaction(database):
        organization = organization_of(
            remote.get("organization_id"), remote.get("organization"), email
        )
        Organization.update(last_used_at=now or utc_now()).where(
            Organization.id == organization.id
        ).execute()
        permission_set, _ = PermissionSet.get_or_create(
            organization=organization, name=remote["permission_set"]
        )
        permission_set.manage_account = permissions["manage_account"]  # the instance is used below
        permission_set.manage_permission_sets = permissions["manage_permission_sets"]
        permission_set.view_billing = permissions.get("view_billing", False)  # older services:
        permission_set.approve_purchases = permissions.get("approve_purchases", False)  # none
        # In the organization's currency, which services from before the limit do not say
        # (nor their limit) and a new installation learns with its first contract.
        limit = parse_amount(permissions.get("spending_limit"))
        currency = organization.currency or remote.get("currency", "")
        permission_set.spending_limit_minor = (
            amount_to_minor(limit, currency) if limit is not None and currency else None
        )
        permission_set.save()
        administrator = Administrator.get_or_none(
            (Administrator.organization == organization) & (Administrator.email == email)
        )
        if administrator is None:
            return Administrator.create(
                organization=organization,
                name=remote["name"],
                email=email,
                permission_set=permission_set,
            )
        administrator.name, administrator.permission_set = remote["name"], permission_set
        administrator.save()
        return administrator


def moment(text: str | None) -> datetime | None:
    """A time the service gives (ISO 8601 with its offset), or None."""
    return None if text is None else datetime.fromisoformat(text)
