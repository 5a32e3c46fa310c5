"""Which database drivers peewee loads: only the one the database's URL needs.

peewee imports every driver it finds when it is first imported. psycopg2 brings libpq and ssl:
some 15 ms of a start that opens an SQLite file, which is the default."""

import sys
from types import ModuleType
from typing import cast
from urllib.parse import urlsplit

POSTGRES_DRIVERS = ("psycopg2", "psycopg")


def load_only_what_url_needs(url: str) -> None:
    """Before peewee's first import: for a URL that is not PostgreSQL's, hide its drivers from
    peewee (a None in sys.modules makes their import fail, as the import system documents)."""
    if "peewee" in sys.modules or urlsplit(url).scheme.startswith(("postgres", "cockroach")):
        return
    # typeshed types sys.modules as modules only; a None there is the import system's block.
    modules = cast(dict[str, ModuleType | None], sys.modules)
    for name in POSTGRES_DRIVERS:
        modules.setdefault(name, None)
