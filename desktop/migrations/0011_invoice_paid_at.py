"""Version 11: each purchase keeps when its invoice was paid, for the receipt's title and date;
the invoice feed is read again from its start so that invoices already paid bring their date."""

from peewee import CharField, Model, TextField

from db.fields import UTCDateTimeField

FEED_KEY = "invoices_seen_until"  # desktop.invoices.FEED_KEY when this version was made


def up(migrator, db):
    class SyncState(Model):
        key = CharField(unique=True)
        value = TextField()

        class Meta:
            database = db
            table_name = "sync_state"

    migrator.migrate(
        migrator.add_column("seat_purchase", "invoice_paid_at", UTCDateTimeField(null=True)),
    )
    SyncState.delete().where(SyncState.key == FEED_KEY).execute()


def down(migrator, db):
    migrator.migrate(migrator.drop_column("seat_purchase", "invoice_paid_at"))
