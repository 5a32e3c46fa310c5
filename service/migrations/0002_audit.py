"""Version 2 of the service: the hash-chained audit trail."""

from peewee import CharField, DateTimeField, IntegerField, Model, TextField


def up(migrator, db):
    class AuditEvent(Model):
        occurred_at = DateTimeField()
        actor_email = CharField(null=True)
        action = CharField()
        details = TextField()
        previous_hash = CharField(max_length=64)
        hash = CharField(max_length=64)

        class Meta:
            database = db
            table_name = "audit_event"
            indexes = ((("action", "actor_email", "occurred_at"), False),)

    class AuditHead(Model):
        last_id = IntegerField(default=0)
        last_hash = CharField(max_length=64)

        class Meta:
            database = db
            table_name = "audit_head"

    db.create_tables([AuditEvent, AuditHead])
    AuditHead.create(last_id=0, last_hash="0" * 64)


def down(migrator, db):
    migrator.migrate(migrator.drop_table("audit_head"), migrator.drop_table("audit_event"))
