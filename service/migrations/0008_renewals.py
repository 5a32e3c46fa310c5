"""Version 8 of the service: renewals of contracts (a window and the next term's price on each
contract), reduction requests for the account manager, and invoices for renewals."""

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

    class Renewal(Model):
        organization = ForeignKeyField(Organization)
        transaction_id = CharField(max_length=255)
        request_fingerprint = CharField(max_length=64)
        contract = ForeignKeyField(Contract, unique=True)
        next_contract = ForeignKeyField(Contract)
        administrator = ForeignKeyField(Administrator)
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
        invoice_number = CharField(null=True)
        created_at = UTCDateTimeField()

        class Meta:
            database = db
            table_name = "renewal"
            indexes = ((("organization", "transaction_id"), True),)

    class ReductionRequest(Model):
        organization = ForeignKeyField(Organization)
        contract = ForeignKeyField(Contract)
        administrator = ForeignKeyField(Administrator)
        seats_wanted = IntegerField()
        reason = TextField()
        created_at = UTCDateTimeField()
        answer = TextField(null=True)
        answered_at = UTCDateTimeField(null=True)

        class Meta:
            database = db
            table_name = "reduction_request"

    db.create_tables([Renewal, ReductionRequest])
    migrator.migrate(
        migrator.add_column("contract", "renewal_window_days", IntegerField(default=60)),
        migrator.add_column(
            "contract", "next_term_monthly_price", FixedPointField(PLACES, null=True)
        ),
        migrator.drop_not_null("invoice", "order_id"),
        migrator.add_column(
            "invoice", "renewal_id", ForeignKeyField(Renewal, null=True, field=Renewal.id)
        ),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_column("invoice", "renewal_id"),
        migrator.drop_column("contract", "next_term_monthly_price"),
        migrator.drop_column("contract", "renewal_window_days"),
        migrator.drop_table("reduction_request"),
        migrator.drop_table("renewal"),
    )
