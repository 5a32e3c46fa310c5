"""Version 13: the vendor's bank account, as the service gives it, for the documents' remittance
details."""

from peewee import CharField

FIELDS = ("iban", "bic", "account_number", "routing_number")


def up(migrator, db):
    migrator.migrate(
        *(migrator.add_column("vendor_details", name, CharField(null=True)) for name in FIELDS)
    )


def down(migrator, db):
    migrator.migrate(*(migrator.drop_column("vendor_details", name) for name in FIELDS))
