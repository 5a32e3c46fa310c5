"""Version 3 of the service: every order and audit entry belongs to an organization.

Idempotency keys and invoice numbers become unique per organization, and the audit trail
becomes one hash chain per organization (and one for failed sign-ins of unknown e-mails).
Existing entries are assigned by their actor's organization and chained again; each chain then
gets an entry that says whether the old, shared chain was intact when it was split.
"""

import json

from peewee import CharField, ForeignKeyField, IntegerField, Model, TextField

from db.fields import UTCDateTimeField, utc_now
from service.audit import GENESIS, RECHAINED, entry_hash, verify_events


def up(migrator, db):
    class Organization(Model):
        class Meta:
            database = db
            table_name = "organization"

    class AuditEvent(Model):
        organization = ForeignKeyField(Organization, null=True)
        occurred_at = UTCDateTimeField()
        actor_email = CharField(null=True)
        action = CharField()
        details = TextField()
        previous_hash = CharField(max_length=64)
        hash = CharField(max_length=64)

        class Meta:
            database = db
            table_name = "audit_event"

    class AuditHead(Model):
        organization = ForeignKeyField(Organization, null=True)
        last_id = IntegerField(default=0)
        last_hash = CharField(max_length=64)

        class Meta:
            database = db
            table_name = "audit_head"

    for table in ("seat_order", "audit_event", "audit_head"):
        column = ForeignKeyField(Organization, null=True, field=Organization.id)
        migrator.migrate(migrator.add_column(table, "organization_id", column))
    db.execute_sql(
        "UPDATE seat_order SET organization_id = "
        "(SELECT organization_id FROM contract WHERE contract.id = seat_order.contract_id)"
    )
    db.execute_sql(
        "UPDATE audit_event SET organization_id = (SELECT organization_id FROM administrator "
        "WHERE administrator.email = audit_event.actor_email)"
    )
    migrator.migrate(
        migrator.drop_index("seat_order", "seatorder_transaction_id"),
        migrator.drop_index("seat_order", "seatorder_invoice_number"),
        migrator.drop_index("seat_order", "seatorder_updated_at_id"),
        migrator.add_not_null("seat_order", "organization_id"),
        migrator.add_index("seat_order", ("organization_id", "transaction_id"), True),
        migrator.add_index("seat_order", ("organization_id", "invoice_number"), True),
        migrator.add_index("seat_order", ("organization_id", "updated_at", "id"), False),
        migrator.add_index("audit_event", ("organization_id", "id"), False),
    )

    shared = verify_events(AuditEvent.select().order_by(AuditEvent.id), AuditHead.get())
    AuditHead.delete().execute()
    now = utc_now()
    for organization in [None, *(o.id for o in Organization.select(Organization.id))]:
        mine = (
            AuditEvent.organization.is_null()
            if organization is None
            else AuditEvent.organization == organization
        )
        previous = GENESIS
        for event in list(AuditEvent.select().where(mine).order_by(AuditEvent.id)):
            digest = entry_hash(
                previous, event.occurred_at, event.actor_email, event.action, event.details
            )
            AuditEvent.update(previous_hash=previous, hash=digest).where(
                AuditEvent.id == event.id
            ).execute()
            previous = digest
        details = json.dumps({"shared_chain": shared.message}, sort_keys=True)
        note = AuditEvent.create(
            organization=organization,
            occurred_at=now,
            actor_email=None,
            action=RECHAINED,
            details=details,
            previous_hash=previous,
            hash=entry_hash(previous, now, None, RECHAINED, details),
        )
        AuditHead.create(organization=organization, last_id=note.id, last_hash=note.hash)
