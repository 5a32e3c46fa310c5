"""Version 2: indexes for Transaction History's sorts and filters (keyset paging)."""

HISTORY_INDEXES = (
    ("created_at", "id"),
    ("contract_id", "created_at", "id"),
    ("provisioning_status", "created_at", "id"),
    ("seats", "id"),
    ("prorated_months", "id"),
    ("period_start", "id"),
    ("amount_minor", "id"),
    ("purchased_by_name", "id"),
)


# Invoice numbers are NULL until issued; the history sorts them as '' so keyset paging works.
INVOICE_INDEX = "seat_purchase_invoice_key_id"


def up(migrator, db):
    migrator.migrate(*(migrator.add_index("seat_purchase", cols) for cols in HISTORY_INDEXES))
    db.execute_sql(
        f"CREATE INDEX {INVOICE_INDEX} ON seat_purchase ((COALESCE(invoice_number, '')), id)"
    )


def down(migrator, db):
    db.execute_sql(f"DROP INDEX {INVOICE_INDEX}")
    migrator.migrate(
        *(
            migrator.drop_index("seat_purchase", "seat_purchase_" + "_".join(cols))
            for cols in HISTORY_INDEXES
        )
    )
