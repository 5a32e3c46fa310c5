"""Which database driver a start loads: an SQLite start never loads psycopg2 (and libpq),
a PostgreSQL start does and works. Real starts of `python -m desktop`, read through
-X importtime."""

import subprocess
import sys

from tests.app_process import private_environment
from tests.conftest import sqlite_url


def start(url: str, home) -> subprocess.CompletedProcess:
    """A receipt command on an empty database: opens and migrates it, then finds no organization
    whose purchase to print."""
    command = [sys.executable, "-X", "importtime", "-m", "desktop", "--database", url]
    command += ["receipt", "NOT-THERE", "--output", str(home / "receipt.pdf")]
    return subprocess.run(
        command, env=private_environment(home), capture_output=True, text=True, timeout=120
    )


def imported(done: subprocess.CompletedProcess) -> set[str]:
    """What the start imported (a module it was kept from shows up too, with no children)."""
    lines = (line.split("|") for line in done.stderr.splitlines() if line.startswith("import"))
    return {parts[-1].strip() for parts in lines if len(parts) == 3}


def test_an_sqlite_start_leaves_the_postgresql_driver_unloaded(tmp_path):
    done = start(sqlite_url(tmp_path), tmp_path)
    assert "no organization" in done.stderr and done.returncode == 2  # it opened the database
    assert "peewee" in imported(done)
    assert "psycopg2._psycopg" not in imported(done)  # its C part, which loads libpq


def test_a_postgresql_start_loads_its_driver_and_works(postgres_url, tmp_path):
    done = start(postgres_url, tmp_path)
    assert "no organization" in done.stderr and done.returncode == 2, done.stderr[-500:]
    assert "psycopg2._psycopg" in imported(done)
