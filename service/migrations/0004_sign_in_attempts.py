"""Version 4 of the service: sign-in attempts counted per e-mail and client address."""

from peewee import CharField, Model

from db.fields import UTCDateTimeField


def up(migrator, db):
    class SignInAttempt(Model):
        email = CharField()
        address = CharField(max_length=45)
        attempted_at = UTCDateTimeField()

        class Meta:
            database = db
            table_name = "sign_in_attempt"
            indexes = ((("email", "attempted_at"), False),)

    db.create_tables([SignInAttempt])


def down(migrator, db):
    migrator.migrate(migrator.drop_table("sign_in_attempt"))
