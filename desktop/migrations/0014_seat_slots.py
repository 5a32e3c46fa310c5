"""Version 14: the seats each contract's purchases add per quarter hour and per UTC day, kept by
triggers with every write (desktop/seat_slots.py), so the overview reads no purchase itself."""

from peewee import (
    BigIntegerField,
    CompositeKey,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    SqliteDatabase,
)

from desktop import seat_slots


def up(migrator, db):
    sqlite = isinstance(db, SqliteDatabase)

    class Organization(Model):
        class Meta:
            database = db
            table_name = "organization"

    class Contract(Model):
        class Meta:
            database = db
            table_name = "contract"

    class SeatSlot(Model):
        organization = ForeignKeyField(Organization, null=True, on_delete="CASCADE")
        contract = ForeignKeyField(Contract, on_delete="CASCADE")
        live = IntegerField()
        slot = BigIntegerField()
        seats = BigIntegerField()
        purchases = IntegerField()
        amount_minor = BigIntegerField()
        first_at = DateTimeField()
        first_id = IntegerField(null=True)

        class Meta:
            database = db
            table_name = seat_slots.TABLE
            primary_key = CompositeKey("contract", "live", "slot")
            without_rowid = sqlite  # the key is the order the overview reads: rows kept in it

    class SeatDay(Model):
        organization = ForeignKeyField(Organization, null=True, on_delete="CASCADE")
        contract = ForeignKeyField(Contract, on_delete="CASCADE")
        live = IntegerField()
        day = BigIntegerField()  # UTC days since 1970
        seats = BigIntegerField()
        purchases = IntegerField()
        amount_minor = BigIntegerField()

        class Meta:
            database = db
            table_name = seat_slots.DAY_TABLE
            primary_key = CompositeKey("contract", "live", "day")
            without_rowid = sqlite

    db.create_tables([SeatSlot, SeatDay])
    seat_slots.create(db)


def down(migrator, db):
    if isinstance(db, SqliteDatabase):
        for event in ("insert", "delete", "update"):
            db.execute_sql(f"DROP TRIGGER IF EXISTS {seat_slots.TABLE}_{event}")
    else:
        for name in ("write", "update"):
            db.execute_sql(f"DROP TRIGGER IF EXISTS {seat_slots.TABLE}_{name} ON seat_purchase")
        db.execute_sql(f"DROP FUNCTION IF EXISTS {seat_slots.TABLE}_count()")
    db.execute_sql(f"DROP INDEX IF EXISTS {seat_slots.LIVE_INDEX}")
    migrator.migrate(
        migrator.drop_table(seat_slots.DAY_TABLE), migrator.drop_table(seat_slots.TABLE)
    )
