"""Command-line options and where the app keeps its data."""

import argparse
import os
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from desktop import __version__
from desktop.i18n import translate

if TYPE_CHECKING:  # Qt is imported when first needed, not for --help or the receipt commands
    from PySide6.QtCore import QSettings

APP_NAME = "Manage Account"
DATABASE_ENV = "MANAGE_ACCOUNT_DATABASE"
DATABASE_FILE = "manage-account.db"
SERVICE_ENV = "MANAGE_ACCOUNT_SERVICE"
SERVICE_KEY = "service/url"
EXPORT_FOLDER_KEY = "exports/folder"
LANGUAGE_KEY = "ui/language"
PROXY_KEY = "network/proxy"  # IT may set it for managed machines, as the README says
PROXY_USER_KEY = "network/proxyUser"
UPDATE_URL_KEY = "updates/url"  # the installer or IT may set it, as the README says
UPDATE_CHANNEL_KEY = "updates/channel"


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
        "--demo-contract-ends-in",
        type=int,
        metavar="DAYS",
        help="with --demo on an empty database: the contract ends that many days from today, "
        "so the renewal reminders show at once",
    )
    parser.add_argument(
        "--service",
        metavar="URL",
        help=f"the account service to sync with (default: ${SERVICE_ENV}, else the one set in "
        "Settings; with --demo and none set, a demo service runs inside the app)",
    )
    parser.add_argument(
        "--user",
        metavar="EMAIL",
        help="act as this administrator, in their organization (default: the first who may "
        "manage the account, of the organization signed in to last)",
    )
    parser.add_argument(
        "--ca-bundle",
        type=Path,
        metavar="FILE",
        help="also trust the CA certificates in this PEM file (the system's store is trusted)",
    )
    parser.add_argument(
        "--check-updates",
        action="store_true",
        help="look for a newer version in the update repository; download, verify and install "
        "it, then exit",
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
    archive = commands.add_parser(
        "documents", help="save every document of a date range in one ZIP, with an index"
    )
    archive.add_argument("--from", dest="first", metavar="DATE", type=_day, required=True)
    archive.add_argument("--to", dest="last", metavar="DATE", type=_day, required=True)
    archive.add_argument("--output", metavar="FILE.zip", type=Path, required=True)
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
    """An SQLite file in the per-user application data folder."""
    return f"sqlite:///{local_data_folder() / DATABASE_FILE}"


def local_data_folder(*parts: str) -> Path:
    """A folder in this app's per-user data folder (Local, not roaming, on Windows), created."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setApplicationName(APP_NAME)  # the folder is named after the app
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    folder = Path(base, *parts)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def settings() -> "QSettings":
    """The user's settings (window, language, service, folders), stored the platform's way."""
    from PySide6.QtCore import QSettings

    return QSettings(APP_NAME, APP_NAME)


SERVICE_FROM_OPTION, SERVICE_FROM_ENVIRONMENT, SERVICE_FROM_SETTINGS = (
    "option",
    "environment",
    "settings",
)


def service_url(option: str | None) -> tuple[str | None, str | None]:
    """The account service and where it was named: the option, else the environment, else
    Settings; (None, None) for none."""
    for url, origin in (
        (option, SERVICE_FROM_OPTION),
        (os.environ.get(SERVICE_ENV), SERVICE_FROM_ENVIRONMENT),
        (settings().value(SERVICE_KEY), SERVICE_FROM_SETTINGS),
    ):
        if url:
            return url, origin
    return None, None


def proxy_settings() -> tuple[str, str]:
    """The proxy set in Settings and its user name ("" for none: the system's is used)."""
    store = settings()
    return store.value(PROXY_KEY) or "", store.value(PROXY_USER_KEY) or ""


def export_folder() -> Path:
    """Where exports and receipts go: the folder last used, else the user's Documents."""
    from PySide6.QtCore import QStandardPaths

    saved = settings().value(EXPORT_FOLDER_KEY)
    if saved and Path(saved).is_dir():
        return Path(saved)
    documents = QStandardPaths.StandardLocation.DocumentsLocation
    return Path(QStandardPaths.writableLocation(documents))


def remember_export_folder(folder: Path) -> None:
    settings().setValue(EXPORT_FOLDER_KEY, str(folder))


def language() -> str | None:
    """The language chosen in Settings, or None to follow the system."""
    return settings().value(LANGUAGE_KEY) or None


def relaunch_command() -> list[str]:
    """The command that starts this app again as it was started (frozen or from Python)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *sys.argv[1:]]
    return [sys.executable, "-m", "desktop", *sys.argv[1:]]


@dataclass(frozen=True)
class UserSettings:
    """What the Settings dialog edits."""

    language: str | None
    service_url: str
    export_folder: Path
    proxy_url: str = ""  # "": the environment's or the system's
    proxy_user: str = ""  # its password is in the credential store, not here
    update_url: str = ""  # "": the one the account service announces
    update_channel: str = "stable"


def load_user_settings() -> UserSettings:
    store = settings()
    return UserSettings(
        language(),
        store.value(SERVICE_KEY) or "",
        export_folder(),
        *proxy_settings(),
        update_url=str(store.value(UPDATE_URL_KEY) or ""),
        update_channel=str(store.value(UPDATE_CHANNEL_KEY) or UserSettings.update_channel),
    )


def save_user_settings(chosen: UserSettings) -> None:
    store = settings()
    store.setValue(LANGUAGE_KEY, chosen.language or "")
    store.setValue(SERVICE_KEY, chosen.service_url)
    store.setValue(EXPORT_FOLDER_KEY, str(chosen.export_folder))
    store.setValue(PROXY_KEY, chosen.proxy_url)
    store.setValue(PROXY_USER_KEY, chosen.proxy_user if chosen.proxy_url else "")
    # Written only when changed, and removed rather than emptied: the installer's or IT's
    # machine-wide value, which Settings shows, is never copied into the user's own.
    if chosen.update_url != (store.value(UPDATE_URL_KEY) or ""):
        if chosen.update_url:
            store.setValue(UPDATE_URL_KEY, chosen.update_url)
        else:
            store.remove(UPDATE_URL_KEY)
    store.setValue(UPDATE_CHANNEL_KEY, chosen.update_channel)


def invalid_service_url(url: str) -> str | None:
    """None for an empty or usable http(s) URL, else why it cannot be used."""
    return invalid_web_address(
        url, translate("Settings", "The account service needs a web address such as https://host/.")
    )


def invalid_web_address(url: str, problem: str) -> str | None:
    """None for an empty or usable http(s) URL, else `problem`."""
    parts = urlsplit(url)
    if url and (parts.scheme not in ("http", "https") or not parts.hostname):
        return problem
    return None
