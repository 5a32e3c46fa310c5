"""Version 12 of the service: the vendor's bank account, printed on invoices as where to pay."""

from peewee import CharField

FIELDS = ("iban", "bic", "account_number", "routing_number")


def up(migrator, db):
    migrator.migrate(
        *(migrator.add_column("vendor", name, CharField(null=True)) for name in FIELDS)
    )


def down(migrator, db):
    migrator.migrate(*(migrator.drop_column("vendor", name) for name in FIELDS))
