"""Seeding the service with the demo organizations from the plans the desktop's --demo uses."""

import json
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from billing.kinds import OrderKind
from billing.money import round_money
from billing.orders import ACKNOWLEDGEMENT
from billing.statuses import Status, transition
from db.database import write_transaction
from service import audit, demo_data, held_orders, held_quotes, invoices, profiles
from service.auth import hash_password
from service.models import (
    AccountUser,
    Administrator,
    Approval,
    BillingProfile,
    Contract,
    Invoice,
    InvoiceSequence,
    Organization,
    PermissionSet,
    SeatOrder,
    Vendor,
    service_db,
)


def seed_demo(today: date | None = None, contract_ends_in: int | None = None) -> bool:
    """Fill an empty service database with Northwind Traders and Contoso Pharmaceuticals, as
    of `today` (default: each organization's own date); with `contract_ends_in`, Northwind's
    current contract ends that many days from then, so the renewal shows at once."""
    if Organization.select().exists():
        return False
    with write_transaction(service_db):
        Vendor.create(**demo_data.VENDOR)
        for plan in demo_data.ORGANIZATIONS:
            _seed(plan, today or plan.today())
        if contract_ends_in is not None:
            northwind_today = today or demo_data.NORTHWIND.today()
            end = northwind_today + timedelta(days=contract_ends_in)
            end_current_contract(demo_data.ORGANIZATION, end)
    return True


def end_current_contract(organization_name: str, end: date) -> None:
    """Move the end of the organization's latest contract (the demo's renewal setting)."""
    organization = Organization.get(Organization.name == organization_name)
    latest = (
        Contract.select()
        .where(Contract.organization == organization)
        .order_by(Contract.start_date.desc())
        .first()
    )
    Contract.update(end_date=end).where(Contract.id == latest.id).execute()


def _seed(plan: demo_data.DemoOrganization, today: date) -> None:
    organization = Organization.create(
        name=plan.name, currency=plan.currency, timezone=plan.timezone
    )
    audit.start_chain(organization.id)
    profile = plan.billing_profile
    BillingProfile.create(
        organization=organization,
        **{**profile, "billing_emails": json.dumps(profile["billing_emails"])},
    )
    contracts = [
        Contract.create(
            organization=organization,
            **vars(terms),
            next_term_monthly_price=round_money(
                terms.monthly_price_per_seat * demo_data.NEXT_TERM_RISE, terms.currency
            ),  # half up, to the minor unit
        )
        for terms in plan.contracts(today)
    ]
    administrators = {}
    for name, email, set_name, account, sets in plan.administrators:
        permissions = PermissionSet.create(
            organization=organization,
            name=set_name,
            manage_account=account,
            manage_permission_sets=sets,
            **demo_data.SET_ROLES.get(set_name, {}),
        )
        administrators[email] = Administrator.create(
            organization=organization,
            name=name,
            email=email,
            password_hash=hash_password(plan.password),  # a salt of its own for each
            permission_set=permissions,
        )
    purchases = plan.purchases(today)
    zone = ZoneInfo(plan.timezone)
    parties = profiles.parties_text(organization.id)
    for planned in purchases:
        order = SeatOrder.create(
            organization=organization,
            transaction_id=planned.transaction_id,
            request_fingerprint="demo",
            contract=contracts[planned.contract],
            administrator=administrators[planned.buyer_email],
            **planned.priced.ledger_fields(),
            acknowledgement_text=ACKNOWLEDGEMENT,
            status=transition(Status.QUEUED, Status.PROVISIONED),  # placed and live long ago
            created_at=planned.created_at,
            updated_at=planned.provisioned_at,
            provision_after=planned.created_at + timedelta(seconds=1),
            provisioned_at=planned.provisioned_at,
            invoice_number=planned.invoice_number,
            purchase_order=planned.purchase_order,
            parties=parties,
        )
        issued = planned.provisioned_at.astimezone(zone).date()
        invoices.issue(order, planned.invoice_number, issued, planned.provisioned_at)
    for planned_invoice in demo_data.demo_invoices(plan, today):
        Invoice.update(
            status=planned_invoice.status,
            paid_at=planned_invoice.paid_at,
            updated_at=planned_invoice.paid_at or Invoice.updated_at,
        ).where(
            (Invoice.organization == organization) & (Invoice.number == planned_invoice.number)
        ).execute()
    InvoiceSequence.create(organization=organization, last_number=len(purchases))
    for number, planned in enumerate(plan.approvals(today), start=1):
        requester = administrators[planned.requester_email]
        contract = contracts[planned.contract]
        Approval.create(
            organization=organization,
            number=f"AP-{planned.priced.as_of.year}-{number:06d}",
            kind=OrderKind.PURCHASE,
            transaction_id=planned.transaction_id,
            request_fingerprint="demo",
            contract=contract,
            administrator=requester,
            **held_quotes.quoted_fields(planned.priced.ledger_fields()),
            proration_unit=contract.proration_unit,
            quote_date=planned.priced.as_of,
            acknowledgement_text=ACKNOWLEDGEMENT,
            purchase_order=planned.purchase_order,
            spending_limit_minor=requester.permission_set.spending_limit_minor,
            valid_until=planned.valid_until,
            status=held_orders.PENDING,
            requested_at=planned.requested_at,
        )
    noon = datetime.combine(today, time(12), UTC)
    AccountUser.insert_many(
        [
            {"organization": organization, **vars(user)}
            for user in demo_data.demo_users(plan.users, noon)
        ]
    ).execute()
