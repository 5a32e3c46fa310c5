"""Seeding the local database with the demo organization, from the shared demo plan."""

from datetime import date

from db.database import write_transaction
from db.models import Administrator, Contract, Organization, PermissionSet, SeatPurchase
from desktop import demo_data
from desktop.purchasing import ACKNOWLEDGEMENT


def seed_demo(today: date | None = None, seed: int = 2026) -> bool:
    """Fill an empty database with the demo organization; leave any other alone."""
    if Organization.select().exists():
        return False
    today = today or date.today()
    with write_transaction():
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
                name=set_name, manage_account=account, manage_permission_sets=sets
            )
            administrators[email] = Administrator.create(
                name=name, email=email, permission_set=permissions
            )
        for planned in demo_data.demo_purchases(today, seed):
            buyer, priced = administrators[planned.buyer_email], planned.priced
            SeatPurchase.create(
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
                provisioning_status=SeatPurchase.PROVISIONED,
                submitted_at=planned.created_at,
                provisioned_at=planned.provisioned_at,
                invoice_number=planned.invoice_number,
            )
    return True
