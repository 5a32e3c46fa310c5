"""The billing profile and the vendor's details on this computer: read for documents, edited
here and sent to the account service through an outbox, as purchases are, so an edit made
offline waits and is never lost."""

import json
import logging
from datetime import datetime

from billing.profile import BillingProfile as Profile
from billing.profile import check_profile
from billing.remittance import BANK_FIELDS
from db.database import write_transaction
from desktop.i18n import localized_answer, translate
from desktop.models import (
    Administrator,
    AuditEvent,
    BillingProfile,
    Organization,
    ProfileOutbox,
    VendorDetails,
    database,
    utc_now,
)
from desktop.retry import backoff
from desktop.service_client import ServiceClient, ServiceRefused, ServiceUnavailable
from desktop.step_result import StepResult

logger = logging.getLogger(__name__)


def vendor_details(organization: Organization | int) -> VendorDetails | None:
    return VendorDetails.get_or_none(VendorDetails.organization == organization)


def billing_profile(organization: Organization | int) -> Profile | None:
    """The profile as documents print it: the latest edit here, else the service's."""
    row = BillingProfile.get_or_none(BillingProfile.organization == organization)
    if row is None:
        return None
    return Profile(
        legal_name=row.legal_name,
        address=row.address,
        country=row.country,
        tax_id=row.tax_id,
        billing_emails=tuple(json.loads(row.billing_emails)),
        default_purchase_order=row.default_purchase_order,
    )


def current_parties(organization: Organization | int) -> str | None:
    """The vendor and the bill-to party now, as JSON a purchase keeps for its documents."""
    vendor, profile = vendor_details(organization), billing_profile(organization)
    if vendor is None and profile is None:
        return None
    return json.dumps(
        {
            "vendor": {name: getattr(vendor, name) for name in VENDOR_FIELDS} if vendor else None,
            "bill_to": profile.as_json() if profile else None,
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def waiting_to_send(organization: Organization) -> bool:
    return ProfileOutbox.select().where(ProfileOutbox.organization == organization).exists()


def save_billing_profile(
    administrator: Administrator, values: dict, now: datetime | None = None
) -> Profile:
    """Keep the profile here at once and queue it for the service; ProfileRefusal (naming the
    field) when it cannot be saved."""
    checked = check_profile(values)
    now = now or utc_now()
    organization = administrator.organization_id
    with write_transaction(database):
        _store(organization, checked)
        # The latest edit carries every field.
        ProfileOutbox.delete().where(ProfileOutbox.organization == organization).execute()
        ProfileOutbox.create(
            organization=organization,
            changes=json.dumps(checked.as_json()),
            created_at=now,
            next_attempt_at=now,
        )
        AuditEvent.create(
            organization=organization,
            occurred_at=now,
            administrator=administrator,
            action="billing profile changed",
            details=json.dumps(checked.as_json(), ensure_ascii=False),
        )
    return checked


def send_profile_changes(
    client: ServiceClient, organization: Organization, now: datetime, result: StepResult
) -> None:
    """Send a waiting edit; when the service refuses it, the edit is dropped, the service's
    profile shown again, and the user told why. Unavailable: it waits."""
    entry = (
        ProfileOutbox.select()
        .where(
            (ProfileOutbox.organization == organization) & (ProfileOutbox.next_attempt_at <= now)
        )
        .first()
    )
    if entry is None:
        return
    try:
        remote = client.change_billing_profile(json.loads(entry.changes))
    except ServiceRefused as error:
        ProfileOutbox.delete().where(ProfileOutbox.id == entry.id).execute()
        reason = localized_answer(error.details, str(error))
        result.problem = translate(
            "BillingProfile", "The account service did not accept the billing profile: {reason}"
        ).format(reason=reason)
        result.changed = True
        return
    except ServiceUnavailable as error:
        ProfileOutbox.update(
            attempts=entry.attempts + 1,
            next_attempt_at=now + backoff(entry.attempts + 1),
            last_error=str(error),
        ).where(ProfileOutbox.id == entry.id).execute()
        raise
    with write_transaction(database):
        ProfileOutbox.delete().where(ProfileOutbox.id == entry.id).execute()
        _store(organization, _as_profile(remote))
    result.changed = True


def mirror_vendor(organization: Organization, remote: dict) -> bool:
    """Keep the vendor's details as the service gives them; True when they changed."""
    fields = {name: remote[name] for name in VENDOR_FIELDS}
    known = vendor_details(organization)
    VendorDetails.insert(organization=organization, **fields).on_conflict(
        conflict_target=[VendorDetails.organization], update=fields
    ).execute()
    return known is None or any(getattr(known, name) != value for name, value in fields.items())


def mirror_billing_profile(organization: Organization, remote: dict) -> bool:
    """The service's profile, unless an edit made here is still waiting to be sent; True when
    the profile kept here changed."""
    profile = _as_profile(remote)
    with write_transaction(database):
        if waiting_to_send(organization) or billing_profile(organization) == profile:
            return False
        _store(organization, profile)
    return True


VENDOR_FIELDS = (
    "legal_name",
    "address",
    "tax_id",
    "support_email",
    "support_phone",
    "payment_terms_days",
    *BANK_FIELDS,
)


def _as_profile(remote: dict) -> Profile:
    """The service's profile as it stands: the service checked it, by its rules."""
    return Profile(
        legal_name=remote["legal_name"],
        address=remote["address"],
        country=remote["country"],
        tax_id=remote["tax_id"],
        billing_emails=tuple(remote["billing_emails"]),
        default_purchase_order=remote["default_purchase_order"],
    )


def _store(organization: Organization | int, profile: Profile) -> None:
    values = profile.as_json()
    row = {**values, "billing_emails": json.dumps(values["billing_emails"])}
    BillingProfile.insert(organization=organization, **row).on_conflict(
        conflict_target=[BillingProfile.organization], update=row
    ).execute()
