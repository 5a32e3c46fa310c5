"""Seeding the service with the demo organization from the plan the desktop's --demo uses."""

from datetime import date, timedelta

from billing.orders import ACKNOWLEDGEMENT
from billing.statuses import Status
from db.database import write_transaction
from service import demo_data
from service.auth import hash_password
from service.models import (
    Administrator,
    Contract,
    InvoiceSequence,
    Organization,
    PermissionSet,
    SeatOrder,
    service_db,
)


def seed_demo(today: date | None = None) -> bool:
    """Fill an empty service database; every demo administrator's password is demo_data.PASSWORD."""
    if Organization.select().exists():
        return False
    today = today or date.today()
    password = hash_password(demo_data.PASSWORD)
    with write_transaction(service_db):
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
            )
            administrators[email] = Administrator.create(
                organization=organization,
                name=name,
                email=email,
                password_hash=password,
                permission_set=permissions,
            )
        plan = demo_data.demo_purchases(today)
        for planned in plan:
            priced = planned.priced
            SeatOrder.create(
                transaction_id=planned.transaction_id,
                request_fingerprint="demo",
                contract=contracts[planned.contract],
                administrator=administrators[planned.buyer_email],
                **priced.ledger_fields(),
                acknowledgement_text=ACKNOWLEDGEMENT,
                status=Status.PROVISIONED,
                created_at=planned.created_at,
                updated_at=planned.provisioned_at,
                provision_after=planned.created_at + timedelta(seconds=1),
                provisioned_at=planned.provisioned_at,
                invoice_number=planned.invoice_number,
            )
        InvoiceSequence.create(
            organization=organization, last_number=len(demo_data.demo_purchases(today))
        )
    return True
