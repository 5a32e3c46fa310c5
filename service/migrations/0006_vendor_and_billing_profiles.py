"""Version 6 of the service: the vendor's details, and each organization's billing profile."""

from peewee import CharField, ForeignKeyField, IntegerField, Model, TextField

from db.fields import UTCDateTimeField


def up(migrator, db):
    class Organization(Model):
        class Meta:
            database = db
            table_name = "organization"

    class Vendor(Model):
        legal_name = CharField()
        address = TextField()
        tax_id = CharField()
        support_email = CharField()
        support_phone = CharField()
        payment_terms_days = IntegerField(default=30)

        class Meta:
            database = db
            table_name = "vendor"

    class BillingProfile(Model):
        organization = ForeignKeyField(Organization, unique=True)
        legal_name = CharField()
        address = TextField()
        country = CharField(max_length=2)
        tax_id = CharField(null=True)
        billing_emails = TextField(default="[]")
        default_purchase_order = CharField(max_length=40, null=True)
        updated_at = UTCDateTimeField()

        class Meta:
            database = db
            table_name = "billing_profile"

    db.create_tables([Vendor, BillingProfile])


def down(migrator, db):
    migrator.migrate(migrator.drop_table("billing_profile"), migrator.drop_table("vendor"))
