"""Version 5 of the service: the organization's users and seat assignment, and orders that
carry a purchase order number and a note for the invoice."""

from peewee import BooleanField, CharField, ForeignKeyField, Model, TextField

from db.fields import UTCDateTimeField


def up(migrator, db):
    class Organization(Model):
        class Meta:
            database = db
            table_name = "organization"

    class AccountUser(Model):
        organization = ForeignKeyField(Organization)
        name = CharField()
        email = CharField()
        holds_seat = BooleanField(default=False)
        active = BooleanField(default=True)
        last_active_at = UTCDateTimeField(null=True)

        class Meta:
            database = db
            table_name = "account_user"
            indexes = (
                (("organization", "email"), True),
                (("organization", "name", "id"), False),
                (("organization", "holds_seat", "active", "last_active_at"), False),
            )

    db.create_tables([AccountUser])
    migrator.migrate(
        migrator.add_column("seat_order", "purchase_order", CharField(max_length=40, null=True)),
        migrator.add_column("seat_order", "invoice_note", TextField(null=True)),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_column("seat_order", "invoice_note"),
        migrator.drop_column("seat_order", "purchase_order"),
        migrator.drop_table("account_user"),
    )
