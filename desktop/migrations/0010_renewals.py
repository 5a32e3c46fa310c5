"""Version 10: renewals of the contract, recorded here before they are sent."""

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
    class Administrator(Model):
        class Meta:
            database = db
            table_name = "administrator"

    class Contract(Model):
        class Meta:
            database = db
            table_name = "contract"

    class RenewalRecord(Model):
        transaction_id = CharField(unique=True, max_length=32)
        created_at = UTCDateTimeField()
        administrator = ForeignKeyField(Administrator)
        contract = ForeignKeyField(Contract)
        seats = IntegerField()
        monthly_unit_price = FixedPointField(PLACES)
        months = IntegerField()
        term_start = DateField()
        term_end = DateField()
        amount_minor = BigIntegerField()
        currency = CharField(max_length=3)
        purchase_order = CharField(max_length=40, null=True)
        instructions = TextField(null=True)
        acknowledgement_text = TextField()
        status = CharField(max_length=12, default="queued")
        invoice_number = CharField(null=True)
        last_error = TextField(null=True)
        attempts = IntegerField(default=0)
        next_attempt_at = UTCDateTimeField()

        class Meta:
            database = db
            table_name = "renewal_record"

    db.create_tables([RenewalRecord])


def down(migrator, db):
    migrator.migrate(migrator.drop_table("renewal_record"))
