"""Version 9 of the service: device tokens that exempt a device from others' lock-outs, the
device each sign-in attempt came from, and sessions that end when idle."""

from peewee import CharField, Model

from db.fields import UTCDateTimeField


def up(migrator, db):
    class DeviceToken(Model):
        token_hash = CharField(unique=True, max_length=64)
        email = CharField(index=True)
        created_at = UTCDateTimeField()
        expires_at = UTCDateTimeField()

        class Meta:
            database = db
            table_name = "device_token"

    db.create_tables([DeviceToken])
    migrator.migrate(
        migrator.add_column("session", "idle_until", UTCDateTimeField(null=True)),
        migrator.add_column("sign_in_attempt", "device", CharField(max_length=64, null=True)),
    )
    # Sessions of before the upgrade keep their end as their idle end: the next use sets it.
    db.execute_sql("UPDATE session SET idle_until = expires_at")


def down(migrator, db):
    migrator.migrate(
        migrator.drop_column("sign_in_attempt", "device"),
        migrator.drop_column("session", "idle_until"),
        migrator.drop_table("device_token"),
    )
