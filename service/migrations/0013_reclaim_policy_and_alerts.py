"""Version 13 of the service: when a user was disabled, the reclaim policy, alert settings and
the conditions alerted, and the e-mail outbox."""

from peewee import (
    BooleanField,
    CharField,
    DateField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from db.fields import UTCDateTimeField


def up(migrator, db):
    class Organization(Model):
        class Meta:
            database = db
            table_name = "organization"

    class Administrator(Model):
        class Meta:
            database = db
            table_name = "administrator"

    class ReclaimPolicy(Model):
        organization = ForeignKeyField(Organization, unique=True)
        enabled = BooleanField(default=False)
        disabled_for_days = IntegerField()
        inactive_for_days = IntegerField()
        notify_users = BooleanField(default=False)
        exempt_user_ids = TextField(default="[]")
        changed_by = ForeignKeyField(Administrator, null=True)
        updated_at = UTCDateTimeField()
        last_run_on = DateField(null=True)

        class Meta:
            database = db
            table_name = "reclaim_policy"

    class AlertSettings(Model):
        organization = ForeignKeyField(Organization, unique=True)
        seats_available_below = IntegerField(null=True)
        invoice_due_within_days = IntegerField(null=True)
        notify_overdue = BooleanField(default=False)
        notify_renewal_window = BooleanField(default=False)
        recipients = TextField(default="[]")
        updated_at = UTCDateTimeField()

        class Meta:
            database = db
            table_name = "alert_settings"

    class AlertState(Model):
        organization = ForeignKeyField(Organization)
        condition = CharField(max_length=100)
        since = UTCDateTimeField()

        class Meta:
            database = db
            table_name = "alert_state"
            indexes = ((("organization", "condition"), True),)

    class MailMessage(Model):
        organization = ForeignKeyField(Organization)
        key = CharField(max_length=200)
        kind = CharField(max_length=40)
        recipient = CharField(max_length=254)
        subject = CharField(max_length=300)
        body = TextField()
        created_at = UTCDateTimeField()
        attempts = IntegerField(default=0)
        next_attempt_at = UTCDateTimeField()
        sent_at = UTCDateTimeField(null=True)
        failed_at = UTCDateTimeField(null=True)
        last_error = TextField(null=True)

        class Meta:
            database = db
            table_name = "mail_message"
            indexes = (
                (("organization", "key"), True),
                (("sent_at", "failed_at", "next_attempt_at"), False),
            )

    migrator.migrate(
        migrator.add_column("account_user", "disabled_at", UTCDateTimeField(null=True))
    )
    # Users disabled before this version: since they were last seen, the best there is.
    db.execute_sql("UPDATE account_user SET disabled_at = last_active_at WHERE NOT active")
    db.create_tables([ReclaimPolicy, AlertSettings, AlertState, MailMessage])


def down(migrator, db):
    migrator.migrate(
        migrator.drop_table("mail_message"),
        migrator.drop_table("alert_state"),
        migrator.drop_table("alert_settings"),
        migrator.drop_table("reclaim_policy"),
        migrator.drop_column("account_user", "disabled_at"),
    )
