"""Version 11 of the service: each order and renewal keeps its parties (the vendor and the
bill-to) as they were when it was placed, for the desktop's documents."""

import json

from peewee import TextField

VENDOR_FIELDS = (
    "legal_name",
    "address",
    "tax_id",
    "support_email",
    "support_phone",
    "payment_terms_days",
)
PROFILE_FIELDS = ("legal_name", "address", "country", "tax_id", "default_purchase_order")


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("seat_order", "parties", TextField(null=True)),
        migrator.add_column("renewal", "parties", TextField(null=True)),
    )
    _backfill(db)


def _backfill(db):
    """Orders and renewals placed before this version get the parties as they are now: the
    service kept no earlier vendor or billing profile, so today's is the best there is."""
    vendor_row = db.execute_sql(
        f"SELECT {', '.join(VENDOR_FIELDS)} FROM vendor ORDER BY id LIMIT 1"
    ).fetchone()
    vendor = dict(zip(VENDOR_FIELDS, vendor_row, strict=True)) if vendor_row else None
    profiles = {
        organization: dict(zip(PROFILE_FIELDS, rest, strict=True))
        | {"billing_emails": json.loads(emails)}
        for organization, emails, *rest in db.execute_sql(
            f"SELECT organization_id, billing_emails, {', '.join(PROFILE_FIELDS)} "
            "FROM billing_profile"
        ).fetchall()
    }
    organizations = [row[0] for row in db.execute_sql("SELECT id FROM organization").fetchall()]
    for organization in organizations:
        bill_to = profiles.get(organization)
        if vendor is None and bill_to is None:
            continue
        parties = json.dumps(
            {"vendor": vendor, "bill_to": bill_to}, ensure_ascii=False, sort_keys=True
        )
        for table in ("seat_order", "renewal"):
            db.execute_sql(
                f"UPDATE {table} SET parties = {db.param} "
                f"WHERE organization_id = {db.param} AND parties IS NULL",
                (parties, organization),
            )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_column("renewal", "parties"),
        migrator.drop_column("seat_order", "parties"),
    )
