"""Opening a database from a URL, tuned for a ledger, migrating it, and writing to it."""

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import peewee
import playhouse.db_url as db_url  # typeshed's partial stubs of playhouse lack its db_url
from playhouse.pool import PooledDatabase

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
HISTORY_TABLE = "schema_migration"  # playhouse.migrations' record of what was applied
BUSY_TIMEOUT_SECONDS = 5
# WAL lets the window read while a purchase is written; FULL survives power loss.
SQLITE_PRAGMAS = {"journal_mode": "wal", "foreign_keys": 1, "synchronous": "full"}
# PostgreSQL connections are pooled per process (playhouse.pool): a thread's close() hands its
# connection back instead of ending it, so a round of work does not pay for a new backend.
POSTGRES_POOL = {"max_connections": 32, "stale_timeout": 300, "timeout": 10}


class DatabaseOpenError(Exception):
    """The database cannot be used; the message is one line fit for a user."""


def open_database(
    url: str,
    proxy: peewee.DatabaseProxy,
    migrations: Path,
    prepare: Callable[[peewee.Database], None] | None = None,
) -> peewee.Database:
    """Connect to `url`, upgrade its schema to the `migrations` there are, run `prepare` on it
    (e.g. to build an index), and bind `proxy`'s models to it."""
    close_database(proxy)
    db = connect_url(url)
    try:
        db.connect()
        _migrate(db, url, migrations)
        if prepare is not None:
            prepare(db)
    except peewee.DatabaseError as error:
        db.close()
        raise DatabaseOpenError(_explain(error, url)) from error
    except DatabaseOpenError:
        db.close()
        raise
    proxy.initialize(db)
    return db


def close_database(proxy: peewee.DatabaseProxy) -> None:
    """Close the models' database, if one is open (and a pool's idle connections)."""
    if proxy.obj is not None and not proxy.is_closed():
        proxy.close()
    if isinstance(proxy.obj, PooledDatabase):
        proxy.obj.close_idle()


def is_sqlite(db: peewee.Database | peewee.DatabaseProxy) -> bool:
    target = db.obj if isinstance(db, peewee.DatabaseProxy) else db
    return isinstance(target, peewee.SqliteDatabase)


def stream(query: "peewee.ModelSelect[Any]", batch: int = 2000) -> Iterator[tuple]:
    """The query's rows as stored (no field conversions), read `batch` at a time through one
    cursor, so a million rows hold only one batch in memory: PostgreSQL's cursor is a
    server-side one, since its ordinary cursor would fetch the whole result at once."""
    db = query.model._meta.database
    db = db.obj if isinstance(db, peewee.DatabaseProxy) else db
    sql, params = query.sql()
    if is_sqlite(db):
        cursor = db.execute_sql(sql, params)
    else:
        cursor = db.connection().cursor(name=f"stream_{id(query):x}", withhold=True)
        cursor.itersize = batch
        cursor.execute(sql, params)
    try:
        while rows := cursor.fetchmany(batch):
            yield from rows
    finally:
        cursor.close()


# Quoted: ModelSelect is generic in peewee's stubs only.
def locked[M: peewee.Model](query: "peewee.ModelSelect[M]") -> "peewee.ModelSelect[M]":
    """`query` locking the rows it reads until the transaction ends; inside `write_transaction`
    SQLite's write lock is held already. On PostgreSQL FOR NO KEY UPDATE: it serializes the
    writers that lock the row as FOR UPDATE would, but lets another transaction's insert that
    refers to the row check its foreign key (KEY SHARE) meanwhile, which FOR UPDATE blocks: a
    quote numbered under its organization's lock and an invoice whose contract was locked
    otherwise wait on each other in turn (a deadlock)."""
    if is_sqlite(query.model._meta.database):
        return query
    return query.for_update("FOR NO KEY UPDATE")  # pyright: ignore[reportArgumentType]  # peewee takes the clause


def lock_key(proxy: peewee.DatabaseProxy, scope: int, key: str) -> None:
    """Hold `key` of `scope` (an organization's idempotency key, say) until the transaction
    ends, for a check that reads one table before writing another, which no unique index
    spans: PostgreSQL's transaction-scoped advisory lock; inside `write_transaction` SQLite's
    write lock is held already."""
    if not is_sqlite(proxy.obj):
        proxy.execute_sql("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (scope, key))


_SQLITE_WRITER = threading.RLock()  # one writer at a time in this process (nested: same one)


@contextmanager
def write_transaction(proxy: peewee.DatabaseProxy) -> Iterator[None]:
    """A transaction that takes the write lock at BEGIN on SQLite, so read-then-write is safe.

    This process's writers queue on a lock first: one is woken the moment the other commits,
    where SQLite's busy handler would sleep and poll (up to 100 ms a time: the slow tail of
    eight clients ordering at once). PostgreSQL locks rows and needs neither.
    """
    if proxy.in_transaction():  # the outer one holds the lock already; no savepoint needed
        yield
    elif not is_sqlite(proxy.obj):
        with proxy.atomic():
            yield
    else:
        with _SQLITE_WRITER, proxy.atomic("IMMEDIATE"):
            yield


@contextmanager
def read_snapshot(proxy: peewee.DatabaseProxy) -> Iterator[None]:
    """One view of the data for a read of several queries (a count and a sum that agree),
    while writers go on: SQLite's WAL keeps the snapshot of the first read, PostgreSQL needs
    REPEATABLE READ for it."""
    if proxy.in_transaction():
        yield
    else:
        with proxy.atomic(None if is_sqlite(proxy.obj) else "REPEATABLE READ"):
            yield


# PostgreSQL's answers to a transaction that lost a race: deadlock_detected,
# serialization_failure, lock_not_available (its whole transaction may simply run again).
_LOST_A_RACE = {"40P01", "40001", "55P03"}


def lost_a_race(error: Exception) -> bool:
    """Whether `error` says another writer was in the way (SQLite locked, or one of PostgreSQL's
    deadlock or serialization failures): the same transaction a moment later will do."""
    if not isinstance(error, peewee.OperationalError):
        return False
    code = getattr(getattr(error, "orig", None), "pgcode", None)  # the driver's own error's
    return "locked" in str(error) if code is None else code in _LOST_A_RACE


def retry_when_locked[T](call: Callable[[], T], attempts: int = 3, pause: float = 0.05) -> T:
    """Run `call` (one whole transaction) again, a moment later, when it lost a race (a SQLite
    BEGIN IMMEDIATE that meets a snapshot another writer has moved on skips the busy timeout)."""
    for attempt in range(1, attempts):
        try:
            return call()
        except peewee.OperationalError as error:
            if not lost_a_race(error):
                raise
            time.sleep(pause * attempt)
    return call()


def schema_status(db: peewee.Database, migrations: Path) -> tuple[list[str], list[str]]:
    """Names of the applied and the pending migrations of `db`."""
    from playhouse.migrations import Runner

    status = Runner(db, str(migrations), HISTORY_TABLE).status()
    return [m.name for m in status if m.applied], [m.name for m in status if not m.applied]


def connect_url(url: str) -> peewee.Database:
    """The database object for `url`, neither connected nor migrated yet."""
    scheme = urlsplit(url).scheme
    params: dict[str, Any] = {}  # the database class's own keyword arguments
    if scheme == "sqlite":
        path = db_url.parse(url)["database"]
        if path != ":memory:" and not Path(path).parent.is_dir():
            raise DatabaseOpenError(
                f"cannot open database {path}: {Path(path).parent} is not an existing folder"
            )
        params = {"pragmas": SQLITE_PRAGMAS}
        if "timeout" not in urlsplit(url).query:  # sqlite:///x.db?timeout=0.5 overrides
            params["timeout"] = BUSY_TIMEOUT_SECONDS
    elif scheme in ("postgres", "postgresql"):  # postgresql+pool://... sets its own
        url = urlunsplit(urlsplit(url)._replace(scheme=f"{scheme}+pool"))
        params = dict(POSTGRES_POOL)
    try:
        return db_url.connect(url, **params)
    except RuntimeError as error:
        raise DatabaseOpenError(
            f"unsupported database URL {redacted(url)}: "
            "use sqlite:///PATH or postgresql://USER@HOST/NAME"
        ) from error
    except peewee.ImproperlyConfigured as error:
        raise DatabaseOpenError(
            "PostgreSQL support is not installed: pip install 'manage-account[postgres]'"
        ) from error


def _migrate(db: peewee.Database, url: str, migrations: Path) -> None:
    if _up_to_date(db, migrations):
        return
    from playhouse.migrations import Runner  # the migration tool: loaded when there is work

    runner = Runner(db, str(migrations), HISTORY_TABLE)
    status = runner.status()
    unknown = [m.name for m in status if m.path is None]
    if unknown:
        raise DatabaseOpenError(
            f"database {redacted(url)} was written by a newer version of Manage Account "
            f"(schema {unknown[-1]}); install the newer version to open it"
        )
    pending = [m for m in status if not m.applied]
    if pending and any(m.applied for m in status) and is_sqlite(db):
        _backup_sqlite(db, f"{db.database}.before-{pending[0].name}")
    runner.up()


def _up_to_date(db: peewee.Database, migrations: Path) -> bool:
    """The usual start: the history names exactly the migration files (one query)."""
    if not db.table_exists(HISTORY_TABLE):
        return False
    applied = {name for (name,) in db.execute_sql(f"SELECT name FROM {HISTORY_TABLE}")}
    return applied == {path.stem for path in migrations.glob("[0-9]*.py")}


def _backup_sqlite(db: peewee.Database, target: str) -> None:
    """Copy the whole database aside before changing its schema."""
    with sqlite3.connect(target) as copy:
        db.connection().backup(copy)
    copy.close()


def _explain(error: peewee.DatabaseError, url: str) -> str:
    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    where = redacted(url)
    if "locked" in reason:
        return f"database {where} is locked by another program; close it and try again"
    if "not a database" in reason:
        return f"{where} is not a Manage Account database ({reason})"
    return f"cannot open database {where}: {reason}"


def redacted(url: str) -> str:
    """The URL without its password, fit to print."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return url.replace(f":{parts.password}@", ":***@", 1)
