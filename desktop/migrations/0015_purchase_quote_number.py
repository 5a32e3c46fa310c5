"""Version 15: the formal quote a purchase was ordered from, sent with its order."""

from peewee import CharField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("seat_purchase", "quote_number", CharField(max_length=64, null=True))
    )


def down(migrator, db):
    migrator.migrate(migrator.drop_column("seat_purchase", "quote_number"))
