"""Opening and closing the desktop's ledger: the local database, migrated, searchable."""

from pathlib import Path

import peewee

from db.database import close_database, open_database
from desktop import search
from desktop.models import database

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def open_ledger(url: str, migrations: Path = MIGRATIONS_DIR) -> peewee.Database:
    """Open the ledger at `url`, upgraded to this version, and bind the desktop's models to it;
    DatabaseOpenError says in one line why it cannot be used."""
    return open_database(url, database, migrations, prepare=search.ensure)


def close_ledger() -> None:
    close_database(database)
