"""Shared fixtures: a real SQLite file, a real PostgreSQL database when CI provides one, and the
clock moved to another day for the whole run (--clock)."""

import os
import uuid
from datetime import datetime
from urllib.parse import urlsplit, urlunsplit

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QStandardPaths

from desktop.i18n import install_translations
from desktop.ledger import close_ledger, open_ledger
from desktop.models import Organization

# Settings, logs and data folders of the tests go to Qt's test locations, not the user's own.
QStandardPaths.setTestModeEnabled(True)

POSTGRES_ENV = "MANAGE_ACCOUNT_TEST_POSTGRES"


def pytest_addoption(parser):
    parser.addoption(
        "--clock",
        metavar="MOMENT",
        help="run as if it were MOMENT (ISO 8601 with its offset), time flowing on from there; "
        "for the tests marked dates (others start processes, which keep the real clock)",
    )


@pytest.fixture(autouse=True, scope="session")
def moved_clock(request):
    """Every date and time this process reads (Python's clocks; Qt's own timers keep time) start
    at --clock's moment, as if the machine's date were set to it."""
    moment = request.config.getoption("--clock")
    if not moment:
        yield None
        return
    import time_machine

    with time_machine.travel(datetime.fromisoformat(moment), tick=True):
        yield moment


@pytest.fixture(autouse=True)
def english(qapp):
    """English text and en_US formats, as the app installs them, whatever the machine's locale."""
    yield install_translations(qapp, "en")


# The id a fresh test database gives the first organization it keeps: the demo's Northwind.
NORTHWIND = 1


def first_org() -> Organization:
    """The first organization of a fresh test database: the demo's Northwind."""
    return Organization.get_by_id(NORTHWIND)


def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'manage-account.db'}"


@pytest.fixture
def sqlite_db(tmp_path):
    """The models bound to a fresh SQLite file."""
    db = open_ledger(sqlite_url(tmp_path))
    yield db
    close_ledger()


@pytest.fixture
def postgres_url():
    """The URL of a fresh, empty PostgreSQL database, dropped afterwards."""
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        pytest.skip(f"{POSTGRES_ENV} is not set")
    import psycopg2

    name = f"ma_test_{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(server)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(server)
    yield urlunsplit(parts._replace(path=f"/{name}"))
    close_ledger()
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture(params=["sqlite", "postgres"])
def any_db_url(request, tmp_path):
    """A fresh database URL on each engine we support."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path)
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def any_db(any_db_url):
    db = open_ledger(any_db_url)
    yield db
    close_ledger()
