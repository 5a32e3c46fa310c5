"""Version 9: each purchase keeps its invoice's status and due date, for the history's invoice
column and filter, and the fingerprint of the invoice's PDF once downloaded."""

from peewee import CharField, DateField

# The history sorts by invoice status with NULL as '' (keyset paging), as 0002's invoice number.
STATUS_INDEX = "seat_purchase_invoice_status_key_id"


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("seat_purchase", "invoice_status", CharField(max_length=8, null=True)),
        migrator.add_column("seat_purchase", "invoice_due_date", DateField(null=True)),
        migrator.add_column(
            "seat_purchase", "invoice_pdf_sha256", CharField(max_length=64, null=True)
        ),
        migrator.add_index(
            "seat_purchase", ("invoice_status", "invoice_due_date", "created_at", "id")
        ),
    )
    db.execute_sql(
        f"CREATE INDEX {STATUS_INDEX} ON seat_purchase ((COALESCE(invoice_status, '')), id)"
    )


def down(migrator, db):
    db.execute_sql(f"DROP INDEX {STATUS_INDEX}")
    migrator.migrate(
        migrator.drop_index(
            "seat_purchase", "seat_purchase_invoice_status_invoice_due_date_created_at_id"
        ),
        migrator.drop_column("seat_purchase", "invoice_pdf_sha256"),
        migrator.drop_column("seat_purchase", "invoice_due_date"),
        migrator.drop_column("seat_purchase", "invoice_status"),
    )
