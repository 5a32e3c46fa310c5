"""Command-line options and where the app keeps its data."""

import argparse
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import __version__

if TYPE_CHECKING:  # Qt is imported when first needed, not for --help or the receipt commands
    from PySide6.QtCore import QSettings

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
        "--service",
        metavar="URL",
        help="the account service to sync with (default: $MANAGE_ACCOUNT_SERVICE; with --demo "
        "and no URL, a demo service runs inside the app)",
    )
    parser.add_argument(
        "--user",
        metavar="EMAIL",
        help="act as this administrator (default: the first who may manage the account)",
    )
    parser.add_argument("--verbose", action="store_true", help="log at DEBUG level")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    one = commands.add_parser("receipt", help="save the receipt of one purchase as PDF")
    one.add_argument("transaction_id", metavar="TRANSACTION_ID")
    one.add_argument("--output", metavar="FILE.pdf", type=Path, required=True)
    many = commands.add_parser("receipts", help="save the receipts of a date range as PDFs")
    many.add_argument("--from", dest="first", metavar="DATE", type=_day, required=True)
    many.add_argument("--to", dest="last", metavar="DATE", type=_day, required=True)
    many.add_argument("--output", metavar="DIR", type=Path, required=True)
    return parser.parse_args(argv)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-26") from None


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


def settings() -> "QSettings":
    """The user's settings (window geometry, last tab), stored the platform's way by QSettings."""
    from PySide6.QtCore import QSettings

    return QSettings(APP_NAME, APP_NAME)
