"""The full-text index behind Transaction History's text filter: any part of a transaction ID,
invoice number, PO number, or purchaser's name or e-mail, found without reading every purchase.

SQLite keeps an FTS5 table with the trigram tokenizer (3.34 and newer) in step by triggers;
PostgreSQL a trigram GIN index (pg_trgm) on the same text. A text of fewer than three
characters has no trigram: it is looked for row by row, as before.
"""

import logging

import peewee

logger = logging.getLogger(__name__)
TABLE = "purchase_search"
COLUMNS = (
    "transaction_id",
    "invoice_number",
    "purchase_order",
    "purchased_by_name",
    "purchased_by_email",
)
SHORTEST = 3  # a trigram
COMMON = 2000  # a text in this many purchases is no rarity: the index would only slow it


def postgres_text(columns: tuple[str, ...] = COLUMNS) -> str:
    """PostgreSQL: the text the index holds, which the filter must name the same way."""
    return "lower(" + " || ' ' || ".join(f"coalesce({c}, '')" for c in columns) + ")"


def create(db: peewee.Database, columns: tuple[str, ...] = COLUMNS) -> None:
    """Make the index over `columns` (a migration names the ones of its version), and on
    SQLite the triggers that keep it, in place of any older one; fill it from the ledger."""
    if isinstance(db, peewee.SqliteDatabase):
        _create_sqlite(db, columns)
    else:
        _create_postgres(db, columns)


def ensure(db: peewee.Database) -> None:
    """Make the SQLite index again if someone removed it (the filter would fail without it)."""
    if isinstance(db, peewee.SqliteDatabase) and TABLE not in db.get_tables():
        logger.warning("the history's search index was missing: made again")
        _create_sqlite(db)


def _create_sqlite(db: peewee.Database, names: tuple[str, ...] = COLUMNS) -> None:
    columns = ", ".join(names)
    new = ", ".join(f"new.{column}" for column in names)
    old = ", ".join(f"old.{column}" for column in names)
    for statement in (
        *(f"DROP TRIGGER IF EXISTS {TABLE}_{event}" for event in ("insert", "delete", "update")),
        f"DROP TABLE IF EXISTS {TABLE}",
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5({columns}, content='seat_purchase', "
        "content_rowid='id', tokenize='trigram')",
        f"CREATE TRIGGER {TABLE}_insert AFTER INSERT ON seat_purchase BEGIN "
        f"INSERT INTO {TABLE}(rowid, {columns}) VALUES (new.id, {new}); END",
        f"CREATE TRIGGER {TABLE}_delete AFTER DELETE ON seat_purchase BEGIN "
        f"INSERT INTO {TABLE}({TABLE}, rowid, {columns}) VALUES ('delete', old.id, {old}); END",
        f"CREATE TRIGGER {TABLE}_update AFTER UPDATE ON seat_purchase BEGIN "
        f"INSERT INTO {TABLE}({TABLE}, rowid, {columns}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {TABLE}(rowid, {columns}) VALUES (new.id, {new}); END",
        f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')",
    ):
        db.execute_sql(statement)


def _create_postgres(db: peewee.Database, columns: tuple[str, ...]) -> None:
    text = postgres_text(columns)
    try:
        with db.atomic():
            db.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            db.execute_sql(f"DROP INDEX IF EXISTS {TABLE}")
            db.execute_sql(
                f"CREATE INDEX {TABLE} ON seat_purchase USING gin (({text}) gin_trgm_ops)"
            )
    except peewee.DatabaseError as error:  # no pg_trgm here: the filter works, unindexed
        logger.warning("no trigram index for the history's text filter: %s", error)


def matches(
    db: peewee.Database, text: str, key: peewee.Field, ordered: bool = True
) -> peewee.ColumnBase | None:
    """The condition for purchases whose text contains `text`, through the index (`key` is
    the purchase's id column as the query names it); None when the text is too short for the
    index, or (SQLite, for a page read in an `ordered` query) so common that reading rows in
    order finds a page sooner. A count always takes the index."""
    if len(text) < SHORTEST:
        return None
    if isinstance(db, peewee.SqliteDatabase):
        phrase = _phrase(text)
        if ordered and _at_least(db, phrase, COMMON):  # a page is found sooner reading rows
            return None
        found = peewee.SQL(f"(SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ?)", [phrase])
        return key.in_(found)
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return peewee.SQL(f"{postgres_text()} LIKE %s", [f"%{escaped}%"])


def count(db: peewee.Database, text: str, at_most: int | None, skip: int = 0) -> int | None:
    """How many purchases contain `text` (at most `at_most`, after `skip`), read from the
    SQLite index alone, which stops at the cap; None where it cannot say (PostgreSQL, short
    text)."""
    if len(text) < SHORTEST or not isinstance(db, peewee.SqliteDatabase):
        return None
    return db.execute_sql(
        f"SELECT count(*) FROM (SELECT 1 FROM {TABLE} WHERE {TABLE} MATCH ? LIMIT ? OFFSET ?)",
        (_phrase(text), -1 if at_most is None else at_most, skip),
    ).fetchone()[0]


def _phrase(text: str) -> str:
    """The text as one FTS5 string."""
    return '"' + text.replace('"', '""') + '"'


def _at_least(db: peewee.Database, phrase: str, many: int) -> bool:
    found = db.execute_sql(
        f"SELECT count(*) FROM (SELECT 1 FROM {TABLE} WHERE {TABLE} MATCH ? LIMIT ?)",
        (phrase, many),
    ).fetchone()[0]
    return found >= many
