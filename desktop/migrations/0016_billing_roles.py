"""Version 16: what a permission set allows besides Manage Account, as the service says at
sign-in: seeing billing (without buying), and approving purchases."""

from peewee import BooleanField

COLUMNS = ("view_billing", "approve_purchases")


def up(migrator, db):
    migrator.migrate(
        *(
            migrator.add_column("permission_set", name, BooleanField(default=False))
            for name in COLUMNS
        )
    )


def down(migrator, db):
    migrator.migrate(*(migrator.drop_column("permission_set", name) for name in COLUMNS))
