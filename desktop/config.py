"""Command-line options and where the app keeps its data."""

import argparse
import os
from pathlib import Path

from desktop import __version__

APP_NAME = "Manage Account"
DATABASE_ENV = "MANAGE_ACCOUNT_DATABASE"
DATABASE_FILE = "manage-account.db"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="manage-account",
        description="See your licence contract, buy seats and keep proof of purchase.",
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help=f"sqlite:///PATH or postgresql://USER@HOST/NAME (default: ${DATABASE_ENV}, "
        "else a file in your application data folder)",
    )
    parser.add_argument("--demo", action="store_true", help="fill an empty database with demo data")
    parser.add_argument(
        "--user",
        metavar="EMAIL",
        help="act as this administrator (default: the first who may manage the account)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser.parse_args(argv)


def database_url(option: str | None) -> str:
    """The database to open: the option, else the environment, else the per-user default."""
    return option or os.environ.get(DATABASE_ENV) or default_database_url()


def default_database_url() -> str:
    """An SQLite file in the per-user application data folder, which is created if needed."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setApplicationName(APP_NAME)
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / DATABASE_FILE}"
