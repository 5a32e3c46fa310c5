"""Version 2: indexes for Transaction History's sorts and filters (keyset paging)."""

HISTORY_INDEXES = (
    ("created_at", "id"),
    ("contract_id", "created_at", "id"),
    ("provisioning_status", "created_at", "id"),
    ("seats", "id"),
    ("prorated_months", "id"),
    ("period_start", "id"),
    ("amount_minor", "id"),
    ("invoice_number", "id"),
    ("purchased_by_name", "id"),
)


def up(migrator, db):
    migrator.migrate(*(migrator.add_index("seat_purchase", cols) for cols in HISTORY_INDEXES))


def down(migrator, db):
    migrator.migrate(
        *(
            migrator.drop_index("seat_purchase", "seat_purchase_" + "_".join(cols))
            for cols in HISTORY_INDEXES
        )
    )
