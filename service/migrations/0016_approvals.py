"""Version 16 of the service: approvals, each holding an order above its buyer's spending limit
at its price until an approver approves or denies it."""

from peewee import (
    BigIntegerField,
    CharField,
    DateField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from db.fields import FixedPointField, UTCDateTimeField

PLACES = 4  # billing.money.UNIT_PRICE_PLACES when this version was made


def up(migrator, db):
    class Organization(Model):
        class Meta:
            database = db
            table_name = "organization"

    class Contract(Model):
        class Meta:
            database = db
            table_name = "contract"

    class Administrator(Model):
        class Meta:
            database = db
            table_name = "administrator"

    class Approval(Model):
        organization = ForeignKeyField(Organization)
        number = CharField(max_length=20)
        kind = CharField(max_length=8)
        transaction_id = CharField(max_length=255)
        request_fingerprint = CharField(max_length=64)
        contract = ForeignKeyField(Contract)
        administrator = ForeignKeyField(Administrator)
        seats = IntegerField()
        monthly_unit_price = FixedPointField(PLACES)
        months = IntegerField()
        proration_unit = CharField(max_length=5)
        quote_date = DateField()
        period_start = DateField()
        period_end = DateField()
        amount_minor = BigIntegerField()
        currency = CharField(max_length=3)
        acknowledgement_text = TextField()
        purchase_order = CharField(max_length=40, null=True)
        note = TextField(null=True)
        quote_number = CharField(max_length=20, null=True)
        spending_limit_minor = BigIntegerField(null=True)
        valid_until = DateField()
        status = CharField(max_length=8)
        requested_at = UTCDateTimeField()
        decided_by = ForeignKeyField(Administrator, null=True, backref="+")
        decided_at = UTCDateTimeField(null=True)
        reason = TextField(null=True)

        class Meta:
            database = db
            table_name = "approval"
            indexes = (
                (("organization", "transaction_id"), True),
                (("organization", "number"), True),
                (("organization", "requested_at"), False),
            )

    db.create_tables([Approval])


def down(migrator, db):
    migrator.migrate(migrator.drop_table("approval"))
