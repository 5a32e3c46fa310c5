"""Version 6: a full-text index for Transaction History's text filter (see db/search.py)."""

from db import search


def up(migrator, db):
    search.create(db)


def down(migrator, db):
    db.execute_sql(f"DROP TABLE IF EXISTS {search.TABLE}")
