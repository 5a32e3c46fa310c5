"""Version 7 of the service: the invoices it issues for provisioned orders."""

import json
from datetime import datetime, timedelta

from peewee import BigIntegerField, CharField, DateField, ForeignKeyField, Model, TextField

from db.fields import UTCDateTimeField


def up(migrator, db):
    class Organization(Model):
        class Meta:
            database = db
            table_name = "organization"

    class SeatOrder(Model):
        class Meta:
            database = db
            table_name = "seat_order"

    class Invoice(Model):
        organization = ForeignKeyField(Organization)
        order = ForeignKeyField(SeatOrder, unique=True)
        number = CharField()
        issue_date = DateField()
        due_date = DateField()
        amount_minor = BigIntegerField()
        tax_minor = BigIntegerField(default=0)
        currency = CharField(max_length=3)
        tax_note = TextField(null=True)
        bill_to = TextField()
        status = CharField(max_length=8, default="open")
        paid_at = UTCDateTimeField(null=True)
        updated_at = UTCDateTimeField()

        class Meta:
            database = db
            table_name = "invoice"
            indexes = (
                (("organization", "number"), True),
                (("organization", "updated_at", "id"), False),
            )

    db.create_tables([Invoice])
    _invoice_provisioned_orders(db)


def _invoice_provisioned_orders(db):
    """Orders provisioned before this version have invoice numbers but no invoice: issue
    each one as of its provisioning day (UTC), net 30, to whom the profile names now."""
    rows = db.execute_sql(
        "SELECT o.id, o.organization_id, o.invoice_number, o.provisioned_at, o.amount_minor, "
        "o.currency, p.legal_name, p.address, p.country, p.tax_id "
        "FROM seat_order o LEFT JOIN billing_profile p ON p.organization_id = o.organization_id "
        "WHERE o.invoice_number IS NOT NULL"
    ).fetchall()
    for order_id, organization, number, provisioned, amount, currency, *profile in rows:
        moment = (
            provisioned
            if isinstance(provisioned, datetime)
            else datetime.fromisoformat(str(provisioned))
        )
        issued = moment.date()
        names = ("legal_name", "address", "country", "tax_id")
        bill_to = dict(zip(names, profile, strict=True)) if profile[0] else {}
        db.execute_sql(
            "INSERT INTO invoice (organization_id, order_id, number, issue_date, due_date, "
            "amount_minor, tax_minor, currency, tax_note, bill_to, status, paid_at, updated_at) "
            f"VALUES ({', '.join([db.param] * 13)})",
            (
                organization,
                order_id,
                number,
                issued,
                issued + timedelta(days=30),
                amount,
                0,
                currency,
                None,
                json.dumps(bill_to, ensure_ascii=False, sort_keys=True),
                "open",
                None,
                moment,
            ),
        )


def down(migrator, db):
    migrator.migrate(migrator.drop_table("invoice"))
