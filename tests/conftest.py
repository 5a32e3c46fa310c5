"""Shared fixtures: a real SQLite file, and a real PostgreSQL database when CI provides one."""

import os
import uuid
from urllib.parse import urlsplit, urlunsplit

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QStandardPaths

from db.database import close_database, open_database
from desktop.i18n import install_translations

# Settings, logs and data folders of the tests go to Qt's test locations, not the user's own.
QStandardPaths.setTestModeEnabled(True)

POSTGRES_ENV = "MANAGE_ACCOUNT_TEST_POSTGRES"


@pytest.fixture(autouse=True)
def english(qapp):
    """English text and en_US formats, as the app installs them, whatever the machine's locale."""
    yield install_translations(qapp, "en")


def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'manage-account.db'}"


@pytest.fixture
def sqlite_db(tmp_path):
    """The models bound to a fresh SQLite file."""
    db = open_database(sqlite_url(tmp_path))
    yield db
    close_database()


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
    close_database()
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
    db = open_database(any_db_url)
    yield db
    close_database()
