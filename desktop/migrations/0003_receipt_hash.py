"""Version 3: the SHA-256 of the receipt issued at purchase time, to verify receipts later."""

from peewee import CharField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("seat_purchase", "receipt_sha256", CharField(max_length=64, null=True))
    )


def down(migrator, db):
    migrator.migrate(migrator.drop_column("seat_purchase", "receipt_sha256"))
