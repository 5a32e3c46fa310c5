"""The vendor's details and each organization's billing profile, read and changed."""

import json
from datetime import datetime

from billing.profile import BillingProfile as Profile
from billing.profile import check_profile
from billing.remittance import BANK_FIELDS
from db.database import write_transaction
from db.fields import utc_now
from db.prepared import Prepared
from service import audit
from service.models import Administrator, BillingProfile, Vendor, service_db

EDITABLE = (
    "legal_name",
    "address",
    "country",
    "tax_id",
    "billing_emails",
    "default_purchase_order",
)


def vendor_json() -> dict | None:
    found = _VENDOR.rows(service_db.obj)
    if not found:
        return None
    vendor = found[0]
    return {
        "legal_name": vendor.legal_name,
        "address": vendor.address,
        "tax_id": vendor.tax_id,
        "support_email": vendor.support_email,
        "support_phone": vendor.support_phone,
        "payment_terms_days": vendor.payment_terms_days,
        **{name: getattr(vendor, name) for name in BANK_FIELDS},
    }


def parties_text(organization_id: int) -> str | None:
    """The vendor and the organization's bill-to now, as JSON an order keeps (the keys and form
    the desktop keeps with a purchase); None when there is neither."""
    vendor, profile = vendor_json(), profile_of(organization_id)
    if vendor is None and profile is None:
        return None
    bill_to = None if profile is None else _bill_to(profile)
    return json.dumps({"vendor": vendor, "bill_to": bill_to}, ensure_ascii=False, sort_keys=True)


def _bill_to(profile: BillingProfile) -> dict:
    """The profile as billing.profile's `as_json` gives it: what was billed, not when edited."""
    return {name: value for name, value in profile_json(profile).items() if name != "updated_at"}


def profile_of(organization_id: int) -> BillingProfile | None:
    found = _PROFILE.rows(service_db.obj, organization_id)
    return found[0] if found else None


# Read with every order (its parties): their SQL is written once.
_VENDOR = Prepared(lambda: Vendor.select().limit(1))
_PROFILE = Prepared(
    lambda organization: (
        BillingProfile.select().where(BillingProfile.organization == organization).limit(1)
    ),
    BillingProfile.organization,
)


def profile_json(profile: BillingProfile) -> dict:
    return {
        "legal_name": profile.legal_name,
        "address": profile.address,
        "country": profile.country,
        "tax_id": profile.tax_id,
        "billing_emails": json.loads(profile.billing_emails),
        "default_purchase_order": profile.default_purchase_order,
        "updated_at": profile.updated_at.isoformat(),
    }


def change_profile(
    administrator: Administrator, changes: dict, now: datetime | None = None
) -> BillingProfile:
    """Apply `changes` over the stored profile; the whole is checked (ProfileRefusal names the
    field), saved, and its changed fields go into the audit trail."""
    now = now or utc_now()
    organization_id = administrator.organization_id
    with write_transaction(service_db):
        stored = profile_of(organization_id)
        before = profile_json(stored) if stored else {}
        checked = check_profile({**before, **changes})
        row = _row(checked) | {"updated_at": now}
        if stored is None:
            stored = BillingProfile.create(organization=organization_id, **row)
        else:
            BillingProfile.update(**row).where(BillingProfile.id == stored.id).execute()
            stored = BillingProfile.get_by_id(stored.id)
        after = profile_json(stored)
        changed = sorted(name for name in EDITABLE if before.get(name) != after[name])
        if changed:
            details = {"fields": changed}
            audit.record(
                organization_id, audit.BILLING_PROFILE_CHANGED, administrator.email, details, now
            )
    return stored


def _row(profile: Profile) -> dict:
    values = profile.as_json()
    return {**values, "billing_emails": json.dumps(values["billing_emails"])}
