"""Version 17: a permission set's spending limit per purchase, as the service says at sign-in
(in the contract's minor units; none is unlimited), so Add Seats says before buying when an
order will wait for an approver."""

from peewee import BigIntegerField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("permission_set", "spending_limit_minor", BigIntegerField(null=True))
    )


def down(migrator, db):
    migrator.migrate(migrator.drop_column("permission_set", "spending_limit_minor"))
