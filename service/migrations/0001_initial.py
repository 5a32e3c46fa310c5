"""Version 1 of the service: organizations, contracts, administrators, sessions, orders."""

from peewee import *  # noqa: F403 - a frozen schema, independent of service.models


def up(migrator, db):
    class Organization(Model):
        name = CharField()
        currency = CharField(max_length=3)
        timezone = CharField(default="UTC")

        class Meta:
            database = db
            table_name = "organization"

    db.create_tables([Organization])

    class PermissionSet(Model):
        organization = ForeignKeyField(Organization)
        name = CharField()
        manage_account = BooleanField(default=False)
        manage_permission_sets = BooleanField(default=False)

        class Meta:
            database = db
            table_name = "permission_set"

    db.create_tables([PermissionSet])

    class Administrator(Model):
        organization = ForeignKeyField(Organization)
        name = CharField()
        email = CharField(unique=True)
        password_hash = CharField()
        permission_set = ForeignKeyField(PermissionSet)
        active = BooleanField(default=True)

        class Meta:
            database = db
            table_name = "administrator"

    db.create_tables([Administrator])

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

    db.create_tables([Contract])

    class InvoiceSequence(Model):
        organization = ForeignKeyField(Organization, unique=True)
        last_number = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "invoice_sequence"

    db.create_tables([InvoiceSequence])

    class SeatOrder(Model):
        transaction_id = CharField(unique=True)
        request_fingerprint = CharField(max_length=64)
        contract = ForeignKeyField(Contract)
        administrator = ForeignKeyField(Administrator)
        seats = IntegerField()
        monthly_unit_price = BigIntegerField()
        prorated_months = IntegerField()
        period_start = DateField()
        period_end = DateField()
        amount_minor = BigIntegerField()
        currency = CharField(max_length=3)
        acknowledgement_text = TextField()
        status = CharField(max_length=12, default="pending")
        created_at = DateTimeField()
        updated_at = DateTimeField()
        provision_after = DateTimeField()
        provisioned_at = DateTimeField(null=True)
        invoice_number = CharField(unique=True, null=True)
        rejection_reason = TextField(null=True)

        class Meta:
            database = db
            table_name = "seat_order"
            indexes = ((("updated_at", "id"), False), (("status", "provision_after"), False))

    db.create_tables([SeatOrder])

    class Session(Model):
        token_hash = CharField(unique=True, max_length=64)
        administrator = ForeignKeyField(Administrator, on_delete="CASCADE")
        created_at = DateTimeField()
        expires_at = DateTimeField(index=True)

        class Meta:
            database = db
            table_name = "session"

    db.create_tables([Session])


def down(migrator, db):
    for table in (
        "invoice_sequence",
        "seat_order",
        "session",
        "administrator",
        "permission_set",
        "contract",
        "organization",
    ):
        migrator.migrate(migrator.drop_table(table))
