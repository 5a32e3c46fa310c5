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
    url = database_url(options.database)
    try:
        open_database(url)
    except (DatabaseOpenError, OSError) as error:
        print(f"manage-account: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if options.demo:
            seed_demo()
        if options.command:
            return _run_command(options)
        return _run_window(options, url)
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


def _run_window(options: argparse.Namespace, url: str) -> int:
    from PySide6.QtWidgets import QApplication

    from desktop.connection import connect_service
    from desktop.service_client import ServiceClient
    from desktop.sync import SyncEngine, SyncWorker
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
    administrator = acting_administrator(options.user)
    email = administrator.email if administrator else (options.user or "")
    try:
        connection = connect_service(options.service, options.demo, url, email)
    except (DatabaseOpenError, OSError) as error:
        print(f"manage-account: the demo service could not start: {error}", file=sys.stderr)
        return EXIT_USAGE
    window = MainWindow(org.name, org.timezone, administrator, syncing=connection is not None)
    worker = None
    if connection is not None and window.may_manage:
        engine = SyncEngine(ServiceClient(connection.url), connection.credentials)
        worker = SyncWorker(engine, window.sync_status.reported.emit)
        window.add_seats_tab.purchased.connect(lambda _: worker.wake())
        worker.start()
    window.show()
    try:
        return app.exec()
    finally:
        if worker is not None:
            worker.stop()
        wait_for_background_work()
        if connection is not None:
            connection.stop()
