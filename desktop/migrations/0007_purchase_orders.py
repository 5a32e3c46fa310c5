"""Version 7: purchases carry a PO number and a note for the invoice (the PO number is
searchable), and the overview keeps how seats are assigned."""

from peewee import CharField, ForeignKeyField, IntegerField, Model, TextField

from db.fields import UTCDateTimeField
from desktop import search

# PO numbers are often NULL; the history sorts them as '' so keyset paging works (as 0002's).
PURCHASE_ORDER_INDEX = "seat_purchase_purchase_order_key_id"


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
    db.execute_sql(
        f"CREATE INDEX {PURCHASE_ORDER_INDEX} ON seat_purchase ((COALESCE(purchase_order, '')), id)"
    )
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
    db.execute_sql(f"DROP INDEX {PURCHASE_ORDER_INDEX}")
    search.create(
        db, ("transaction_id", "invoice_number", "purchased_by_name", "purchased_by_email")
    )
    migrator.migrate(
        migrator.drop_table("license_usage"),
        migrator.drop_column("seat_purchase", "invoice_note"),
        migrator.drop_column("seat_purchase", "purchase_order"),
    )
