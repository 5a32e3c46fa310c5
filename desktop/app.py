"""Entry point: parse options, open the database, show the main window."""

import argparse
import sys

from db.database import DatabaseOpenError, close_database, open_database
from desktop.access import acting_administrator
from desktop.account import organization
from desktop.config import APP_NAME, database_url, parse_args
from desktop.demo import seed_demo
from desktop.formatting import environment_locale

EXIT_USAGE = 2


def main(argv: list[str] | None = None) -> int:
    """Run the app; reuses a running QApplication (tests drive it in-process)."""
    try:
        options = parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error already printed
        return int(stop.code or 0)
    try:
        open_database(database_url(options.database))
    except (DatabaseOpenError, OSError) as error:
        print(f"manage-account: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if options.demo:
            seed_demo()
        if options.command:
            return _run_command(options)
        return _run_window(options)
    finally:
        close_database()


def _run_command(options: argparse.Namespace) -> int:
    """The scripting commands: receipts to files, no window."""
    from desktop.receipts import (
        UnknownTransaction,
        date_range_query,
        export_receipts,
        save_receipt,
    )

    locale = environment_locale()
    try:
        if options.command == "receipt":
            print(save_receipt(options.transaction_id, options.output, locale))
        else:
            org = organization()
            query = date_range_query(options.first, options.last, org.timezone if org else "UTC")
            count = export_receipts(query, options.output, locale)
            print(f"{count} receipts written to {options.output}")
    except (UnknownTransaction, OSError) as error:
        print(f"manage-account: {error}", file=sys.stderr)
        return EXIT_USAGE
    return 0


def _run_window(options: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow
    from ui.tasks import wait_for_background_work

    org = organization()
    if org is None:
        print(
            "manage-account: the database holds no organization yet; "
            "start with --demo to try the app on demo data",
            file=sys.stderr,
        )
        return EXIT_USAGE
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    window = MainWindow(org.name, org.timezone, acting_administrator(options.user))
    window.show()
    try:
        return app.exec()
    finally:
        wait_for_background_work()
