"""Version 4: the outbox of purchases to send to the account service, and the sync state."""

import datetime

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, Model, TextField


def up(migrator, db):
    class SeatPurchase(Model):
        class Meta:
            database = db
            table_name = "seat_purchase"

    class Outbox(Model):
        purchase = ForeignKeyField(SeatPurchase, unique=True, on_delete="CASCADE")
        attempts = IntegerField(default=0)
        next_attempt_at = DateTimeField(index=True)
        last_error = TextField(null=True)
        created_at = DateTimeField(default=datetime.datetime.now)

        class Meta:
            database = db
            table_name = "outbox"

    class SyncState(Model):
        key = CharField(unique=True)
        value = TextField()

        class Meta:
            database = db
            table_name = "sync_state"

    db.create_tables([Outbox, SyncState])
    # Purchases recorded before this version and never sent go into the outbox now.
    db.execute_sql(
        "INSERT INTO outbox (purchase_id, attempts, next_attempt_at, created_at) "
        "SELECT id, 0, created_at, created_at FROM seat_purchase "
        "WHERE provisioning_status = 'queued'"
    )


def down(migrator, db):
    migrator.migrate(migrator.drop_table("sync_state"), migrator.drop_table("outbox"))
