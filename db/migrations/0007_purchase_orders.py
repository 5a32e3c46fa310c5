"""Version 7: purchases carry a PO number and a note for the invoice (the PO number is
searchable), and the overview keeps how seats are assigned."""

from peewee import CharField, ForeignKeyField, IntegerField, Model, TextField

from db import search
from db.fields import UTCDateTimeField


def up(migrator, db):
    class Organization(Model):
        class Meta:
            database = db
            table_name = "organization"

    class LicenseUsage(Model):
        organization = ForeignKeyField(Organization, unique=True)
        assigned = IntegerField()
        assigned_disabled = IntegerField()
        assigned_inactive = IntegerField()
        inactive_days = IntegerField()
        checked_at = UTCDateTimeField()

        class Meta:
            database = db
            table_name = "license_usage"

    migrator.migrate(
        migrator.add_column("seat_purchase", "purchase_order", CharField(max_length=40, null=True)),
        migrator.add_column("seat_purchase", "invoice_note", TextField(null=True)),
    )
    db.create_tables([LicenseUsage])
    search.create(
        db,
        (
            "transaction_id",
            "invoice_number",
            "purchase_order",
            "purchased_by_name",
            "purchased_by_email",
        ),
    )


def down(migrator, db):
    search.create(
        db, ("transaction_id", "invoice_number", "purchased_by_name", "purchased_by_email")
    )
    migrator.migrate(
        migrator.drop_table("license_usage"),
        migrator.drop_column("seat_purchase", "invoice_note"),
        migrator.drop_column("seat_purchase", "purchase_order"),
    )
