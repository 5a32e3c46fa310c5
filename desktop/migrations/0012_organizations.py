"""Version 12: every row that belongs to an organization carries its key, so one computer keeps
several organizations apart; what was here before belongs to the one organization it had.

The organization learns the service's key for it (`service_key`) at the next sync. Names,
e-mails, transaction IDs and sync keys are unique within an organization, no longer overall.
A renewal keeps its invoice's fingerprint once downloaded, and its parties (the vendor and the
bill-to as at the renewal, for its document), as a purchase does.
"""

from peewee import CharField, ForeignKeyField, IntegerField, Model, TextField

from db.fields import UTCDateTimeField

OWNED = (
    "permission_set",
    "administrator",
    "seat_purchase",
    "outbox",
    "vendor_details",
    "profile_outbox",
    "renewal_record",
    "sync_state",
    "audit_event",
)
ONE_EACH = ("vendor_details",)
# (table, old unique index, columns unique within an organization)
UNIQUE = (
    ("permission_set", "permissionset_name", "name"),
    ("administrator", "administrator_email", "email"),
    ("seat_purchase", "seatpurchase_transaction_id", "transaction_id"),
    ("seat_purchase", "seatpurchase_idempotency_key", "idempotency_key"),
    ("renewal_record", "renewalrecord_transaction_id", "transaction_id"),
    ("sync_state", "syncstate_key", "key"),
)


def up(migrator, db):
    class Organization(Model):
        class Meta:
            database = db
            table_name = "organization"

    migrator.migrate(
        migrator.add_column("organization", "service_key", IntegerField(null=True)),
        migrator.add_column("organization", "last_used_at", UTCDateTimeField(null=True)),
        migrator.add_column(
            "renewal_record", "invoice_pdf_sha256", CharField(max_length=64, null=True)
        ),
        migrator.add_column("renewal_record", "parties", TextField(null=True)),
        *(
            migrator.add_column(table, "organization_id", _key(Organization, table in ONE_EACH))
            for table in OWNED
        ),
    )
    owner = _the_organization(db)
    if owner is not None:
        for table in OWNED:
            db.execute_sql(f'UPDATE "{table}" SET organization_id = %s' % int(owner))
    migrator.migrate(
        *(migrator.drop_index(table, index) for table, index, _ in UNIQUE),
        *(
            migrator.add_index(table, ("organization_id", column), unique=True)
            for table, _, column in UNIQUE
        ),
        migrator.add_index("organization", ("service_key",), unique=True),
        migrator.add_index("seat_purchase", ("organization_id", "created_at", "id")),
    )


def _key(organization: type[Model], unique: bool) -> ForeignKeyField:
    # Nullable in the schema only: SQLite cannot add a NOT NULL column to rows already there
    # without rebuilding the table (and its search triggers); the models always set it.
    return ForeignKeyField(
        organization, field=organization.id, null=True, unique=unique, on_delete="CASCADE"
    )


def _the_organization(db) -> int | None:
    """The one organization this database knew; one is made when rows need an owner."""
    row = db.execute_sql("SELECT min(id) FROM organization").fetchone()
    if row[0] is not None:
        return row[0]
    owned = any(db.execute_sql(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone() for table in OWNED)
    if not owned:
        return None
    db.execute_sql("INSERT INTO organization (name, currency, timezone) VALUES ('', '', 'UTC')")
    return db.execute_sql("SELECT min(id) FROM organization").fetchone()[0]
