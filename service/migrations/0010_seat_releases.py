"""Version 10 of the service: seats freed from users, several at once, and their undoing."""

from peewee import BooleanField, CharField, ForeignKeyField, Model

from db.fields import UTCDateTimeField


def up(migrator, db):
    class Organization(Model):
        class Meta:
            database = db
            table_name = "organization"

    class Administrator(Model):
        class Meta:
            database = db
            table_name = "administrator"

    class AccountUser(Model):
        class Meta:
            database = db
            table_name = "account_user"

    class SeatRelease(Model):
        organization = ForeignKeyField(Organization)
        administrator = ForeignKeyField(Administrator)
        reason = CharField(max_length=200)
        created_at = UTCDateTimeField()
        undone_at = UTCDateTimeField(null=True)
        undone_by = ForeignKeyField(Administrator, null=True, backref="seat_releases_undone")

        class Meta:
            database = db
            table_name = "seat_release"
            indexes = ((("organization", "id"), False),)

    class SeatReleaseUser(Model):
        release = ForeignKeyField(SeatRelease, on_delete="CASCADE")
        user = ForeignKeyField(AccountUser)
        returned = BooleanField(null=True)

        class Meta:
            database = db
            table_name = "seat_release_user"
            indexes = ((("release", "user"), True),)

    db.create_tables([SeatRelease, SeatReleaseUser])


def down(migrator, db):
    migrator.migrate(
        migrator.drop_table("seat_release_user"),
        migrator.drop_table("seat_release"),
    )
