"""Version 6: a full-text index for Transaction History's text filter (see db/search.py)."""

from desktop import search

COLUMNS = ("transaction_id", "invoice_number", "purchased_by_name", "purchased_by_email")


def up(migrator, db):
    search.create(db, COLUMNS)


def down(migrator, db):
    db.execute_sql(f"DROP TABLE IF EXISTS {search.TABLE}")
