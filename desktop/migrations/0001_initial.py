"""Version 1: the organization, contract, administrators, purchases and audit trail."""

from peewee import *  # noqa: F403 - a frozen schema, independent of db.models


def up(migrator, db):
    class PermissionSet(Model):
        name = CharField(unique=True)
        manage_account = BooleanField(default=False)
        manage_permission_sets = BooleanField(default=False)

        class Meta:
            database = db
            table_name = "permission_set"

    db.create_tables([PermissionSet])

    class Administrator(Model):
        name = CharField()
        email = CharField(unique=True)
        permission_set = ForeignKeyField(PermissionSet)
        active = BooleanField(default=True)

        class Meta:
            database = db
            table_name = "administrator"

    db.create_tables([Administrator])

    class AuditEvent(Model):
        occurred_at = DateTimeField(index=True)
        administrator = ForeignKeyField(Administrator, null=True)
        action = CharField()
        details = TextField(default="")

        class Meta:
            database = db
            table_name = "audit_event"

    db.create_tables([AuditEvent])

    class Organization(Model):
        name = CharField()
        currency = CharField(max_length=3)
        timezone = CharField(default="UTC")

        class Meta:
            database = db
            table_name = "organization"

    db.create_tables([Organization])

    class Contract(Model):
        organization = ForeignKeyField(Organization)
        start_date = DateField()
        end_date = DateField()
        licensed_seats = IntegerField()
        monthly_price_per_seat = BigIntegerField()
        currency = CharField(max_length=3)
        proration_unit = CharField(max_length=5, default="month")
        account_manager_name = CharField()
        account_manager_email = CharField()
        account_manager_phone = CharField()

        class Meta:
            database = db
            table_name = "contract"
            indexes = ((("organization", "end_date"), False),)

    db.create_tables([Contract])

    class SeatPurchase(Model):
        transaction_id = CharField(unique=True, max_length=32)
        created_at = DateTimeField()
        administrator = ForeignKeyField(Administrator)
        purchased_by_name = CharField()
        purchased_by_email = CharField()
        contract = ForeignKeyField(Contract)
        seats = IntegerField()
        monthly_unit_price = BigIntegerField()
        prorated_months = IntegerField()
        period_start = DateField()
        period_end = DateField()
        amount_minor = BigIntegerField()
        currency = CharField(max_length=3)
        acknowledgement_text = TextField()
        acknowledged_at = DateTimeField()
        idempotency_key = CharField(unique=True)
        provisioning_status = CharField(max_length=12, default="queued")
        submitted_at = DateTimeField(null=True)
        provisioned_at = DateTimeField(null=True)
        invoice_number = CharField(null=True)
        last_sync_error = TextField(null=True)

        class Meta:
            database = db
            table_name = "seat_purchase"

    db.create_tables([SeatPurchase])


def down(migrator, db):
    for table in (
        "seat_purchase",
        "contract",
        "organization",
        "audit_event",
        "administrator",
        "permission_set",
    ):
        migrator.migrate(migrator.drop_table(table))
