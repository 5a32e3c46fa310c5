"""Version 8: the vendor's details and the billing profile for documents, the profile's
changes made here that wait to be sent, and each purchase's parties as they were."""

from peewee import CharField, ForeignKeyField, IntegerField, Model, TextField

from db.fields import UTCDateTimeField


def up(migrator, db):
    class Organization(Model):
        class Meta:
            database = db
            table_name = "organization"

    class VendorDetails(Model):
        legal_name = CharField()
        address = TextField()
        tax_id = CharField()
        support_email = CharField()
        support_phone = CharField()
        payment_terms_days = IntegerField()

        class Meta:
            database = db
            table_name = "vendor_details"

    class BillingProfile(Model):
        organization = ForeignKeyField(Organization, unique=True)
        legal_name = CharField()
        address = TextField()
        country = CharField(max_length=2)
        tax_id = CharField(null=True)
        billing_emails = TextField(default="[]")
        default_purchase_order = CharField(max_length=40, null=True)

        class Meta:
            database = db
            table_name = "billing_profile"

    class ProfileOutbox(Model):
        changes = TextField()
        created_at = UTCDateTimeField()
        attempts = IntegerField(default=0)
        next_attempt_at = UTCDateTimeField()
        last_error = TextField(null=True)

        class Meta:
            database = db
            table_name = "profile_outbox"

    db.create_tables([VendorDetails, BillingProfile, ProfileOutbox])
    migrator.migrate(migrator.add_column("seat_purchase", "parties", TextField(null=True)))


def down(migrator, db):
    migrator.migrate(
        migrator.drop_column("seat_purchase", "parties"),
        migrator.drop_table("profile_outbox"),
        migrator.drop_table("billing_profile"),
        migrator.drop_table("vendor_details"),
    )
