"""The demo: the local database seeded with the demo organization, and the reference service
embedded in the app (the one place the desktop imports the service's code)."""

from datetime import date, timedelta
from typing import TYPE_CHECKING

from billing.orders import ACKNOWLEDGEMENT
from billing.statuses import Status
from db.database import write_transaction
from desktop.billing_profile import mirror_billing_profile, mirror_vendor
from desktop.models import (
    Administrator,
    Contract,
    LicenseUsage,
    Organization,
    PermissionSet,
    SeatPurchase,
    database,
    utc_now,
)
from service import demo_data
from service.users import INACTIVE_DAYS

if TYPE_CHECKING:
    from service.server import RunningService

DELAY_SECONDS = (3.0, 10.0)  # seats go live a few seconds after a demo purchase
SIGN_IN = (demo_data.ADMINISTRATORS[0][1], demo_data.PASSWORD)  # e-mail and password


def start_demo_service(database_url: str, contract_ends_in: int | None = None) -> "RunningService":
    """The reference service on a free port of 127.0.0.1, seeded with the demo organization
    (its contract ending `contract_ends_in` days from today, when given)."""
    from service.orders import ProvisioningDelay  # loaded for --demo only
    from service.server import start_service

    return start_service(
        database_url,
        delay=ProvisioningDelay(*DELAY_SECONDS),
        demo=True,
        demo_contract_ends_in=contract_ends_in,
    )


def seed_demo(
    today: date | None = None, seed: int = 2026, contract_ends_in: int | None = None
) -> bool:
    """Fill an empty database with the demo organization, as the demo service has it; leave any
    other alone."""
    if Organization.select().exists():
        return False
    today = today or demo_data.NORTHWIND.today()
    with write_transaction(database):
        organization = Organization.create(
            name=demo_data.ORGANIZATION, currency=demo_data.CURRENCY, timezone=demo_data.TIMEZONE
        )
        contracts = [
            Contract.create(organization=organization, **vars(terms))
            for terms in demo_data.demo_contracts(today)
        ]
        administrators = {}
        for name, email, set_name, account, sets in demo_data.ADMINISTRATORS:
            permissions = PermissionSet.create(
                organization=organization,
                name=set_name,
                manage_account=account,
                manage_permission_sets=sets,
                **demo_data.SET_ROLES.get(set_name, {}),
            )
            administrators[email] = Administrator.create(
                organization=organization, name=name, email=email, permission_set=permissions
            )
        for planned in demo_data.demo_purchases(today, seed):
            buyer, priced = administrators[planned.buyer_email], planned.priced
            SeatPurchase.create(
                organization=organization,
                transaction_id=planned.transaction_id,
                idempotency_key=planned.transaction_id,
                created_at=planned.created_at,
                administrator=buyer,
                purchased_by_name=buyer.name,
                purchased_by_email=buyer.email,
                contract=contracts[planned.contract],
                **priced.ledger_fields(),
                acknowledgement_text=ACKNOWLEDGEMENT,
                acknowledged_at=planned.created_at,
                provisioning_status=Status.PROVISIONED,
                submitted_at=planned.created_at,
                provisioned_at=planned.provisioned_at,
                invoice_number=planned.invoice_number,
                purchase_order=planned.purchase_order,
            )
        for invoice in demo_data.demo_invoices(demo_data.NORTHWIND, today):  # as the service
            SeatPurchase.update(
                invoice_status=invoice.status,
                invoice_due_date=invoice.due_date,
                invoice_paid_at=invoice.paid_at,
            ).where(SeatPurchase.transaction_id == invoice.transaction_id).execute()
        users = demo_data.USERS  # as the demo service counts them
        LicenseUsage.create(
            organization=organization,
            assigned=users.active_with_seat + users.disabled_with_seat + users.inactive_with_seat,
            assigned_disabled=users.disabled_with_seat,
            assigned_inactive=users.inactive_with_seat,
            inactive_days=INACTIVE_DAYS,
            checked_at=utc_now(),
        )
    if contract_ends_in is not None:  # as the demo service moves it
        current = max(contracts, key=lambda contract: contract.start_date)
        Contract.update(end_date=today + timedelta(days=contract_ends_in)).where(
            Contract.id == current.id
        ).execute()
    mirror_vendor(organization, demo_data.VENDOR)  # as the demo service has them
    mirror_billing_profile(organization, {**demo_data.NORTHWIND.billing_profile})
    return True
