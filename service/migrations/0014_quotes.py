"""Version 14 of the service: formal quotes, each holding a price for one order until it
expires."""

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

    class Quote(Model):
        organization = ForeignKeyField(Organization)
        number = CharField(max_length=20)
        kind = CharField(max_length=8)
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
        valid_until = DateField()
        purchase_order = CharField(max_length=40, null=True)
        note = TextField(null=True)
        parties = TextField(null=True)
        created_at = UTCDateTimeField()
        used_by = CharField(max_length=255, null=True)
        used_at = UTCDateTimeField(null=True)

        class Meta:
            database = db
            table_name = "quote"
            indexes = ((("organization", "number"), True),)

    db.create_tables([Quote])


def down(migrator, db):
    migrator.migrate(migrator.drop_table("quote"))
