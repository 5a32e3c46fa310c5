"""Version 15 of the service: permission sets that see billing, approve purchases, and a
spending limit per purchase (in the contract's minor units; none is unlimited)."""

from peewee import BigIntegerField, BooleanField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("permission_set", "view_billing", BooleanField(default=False)),
        migrator.add_column("permission_set", "approve_purchases", BooleanField(default=False)),
        migrator.add_column("permission_set", "spending_limit_minor", BigIntegerField(null=True)),
    )


def down(migrator, db):
    migrator.migrate(
        *(
            migrator.drop_column("permission_set", name)
            for name in ("view_billing", "approve_purchases", "spending_limit_minor")
        )
    )
