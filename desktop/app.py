"""Entry point: parse options, open the database, show the main window."""

import argparse
import logging
import sys
import threading
from pathlib import Path

from db.database import DatabaseOpenError, close_database, open_database, redacted
from desktop import __version__
from desktop.access import acting_administrator, forget_contract_data, may_manage_account
from desktop.account import organization
from desktop.config import APP_NAME, database_url, language, parse_args, service_url
from desktop.demo import seed_demo
from desktop.i18n import install_translations, translate
from desktop.logs import configure_logging

EXIT_USAGE = 2
logger = logging.getLogger("manage-account")


def main(argv: list[str] | None = None) -> int:
    """Run the app; reuses a running QApplication (tests drive it in-process)."""
    try:
        options = parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error already printed
        return int(stop.code or 0)
    url = database_url(options.database)
    try:
        log_file = configure_logging(options.verbose)
        logger.info("Manage Account %s starting on %s", __version__, redacted(url))
        open_database(url)
    except (DatabaseOpenError, OSError) as error:
        print(f"manage-account: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if options.demo:
            seed_demo()
        if options.command:
            return _run_command(options)
        return _run_window(options, url, log_file.parent)
    finally:
        close_database()


def _run_command(options: argparse.Namespace) -> int:
    """The scripting commands: receipts to files, no window."""
    from PySide6.QtCore import QCoreApplication

    from desktop.receipts import (
        UnknownTransaction,
        date_range_query,
        export_receipts,
        save_receipt,
    )

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    locale = install_translations(app, language())
    try:
        if options.command == "receipt":
            print(save_receipt(options.transaction_id, options.output, locale))
        else:
            org = organization()
            query = date_range_query(options.first, options.last, org.timezone if org else "UTC")
            count = export_receipts(query, options.output, locale)
            written = translate("App", "%n receipt(s) written to {folder}", None, count)
            print(written.format(folder=options.output))
    except (UnknownTransaction, OSError) as error:
        print(f"manage-account: {error}", file=sys.stderr)
        return EXIT_USAGE
    return 0


def _run_window(options: argparse.Namespace, url: str, log_folder: Path) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    from desktop import demo_data
    from desktop.connection import connect_service
    from desktop.service_client import ServiceClient
    from desktop.session import recall
    from desktop.sync import SyncEngine, SyncWorker, mirror_administrator
    from ui.app_icon import application_icon
    from ui.appearance import follow_system_scheme
    from ui.crash_dialog import CrashReporter
    from ui.main_window import MainWindow
    from ui.progress import wait_with_progress
    from ui.sign_in_dialog import SignInDialog
    from ui.tasks import wait_for_background_work
    from ui.terminate import close_on_stop_signals

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("manage-account")  # ties windows to manage-account.desktop on Linux
    app.setWindowIcon(application_icon())
    follow_system_scheme(app)
    locale = install_translations(app, language())
    crashes = CrashReporter(log_folder)
    crashes.install()
    try:
        connection = connect_service(service_url(options.service), options.demo, url)
    except (DatabaseOpenError, OSError) as error:
        print(f"manage-account: the demo service could not start: {error}", file=sys.stderr)
        return EXIT_USAGE
    worker = None
    try:
        session = None
        if connection is None:
            administrator = acting_administrator(options.user)
        else:
            checking = translate("App", "Looking for a saved sign-in…")
            session = wait_with_progress(checking, lambda: recall(connection.url))
            if session is None:
                email = options.user or ("admin@example.com" if connection.embedded else "")
                password = demo_data.PASSWORD if connection.embedded else ""
                dialog = SignInDialog(connection.url, email, password)
                QTimer.singleShot(0, lambda: logger.info("Sign-in dialog shown"))
                with close_on_stop_signals(dialog):
                    signed_in = dialog.exec() == QDialog.DialogCode.Accepted
                if not signed_in:
                    return 0
                session = dialog.session
            administrator = mirror_administrator(session.administrator)
            if not may_manage_account(administrator):
                forget_contract_data()  # nothing of the contract stays on their computer
        client = None
        if session is not None:
            client = ServiceClient(connection.url)
            client.token = session.token
            if organization() is None:  # first run: bring the contract here before showing it
                fetching = translate("App", "Fetching your contract from the account service…")
                first_sync = wait_with_progress(fetching, SyncEngine(client).run_once)
        org = organization()
        if org is None:
            print(
                "manage-account: the database holds no organization yet; "
                "start with --demo, or --service URL to fetch it",
                file=sys.stderr,
            )
            if client is not None:  # a first run that could not fetch the contract
                explanation = translate(
                    "App", "Your contract could not be fetched from the account service: {problem}"
                )
                reason = first_sync.problem or translate("App", "it holds no contract for you.")
                QMessageBox.warning(None, APP_NAME, explanation.format(problem=reason))
            return EXIT_USAGE
        window = MainWindow(
            org.name, org.timezone, administrator, locale, client is not None, session
        )
        if client is not None and window.may_manage:
            worker = SyncWorker(SyncEngine(client), window.sync_status.reported.emit)
            window.add_seats_tab.purchased.connect(lambda _: worker.wake())
            worker.start()
        window.restore_settings()
        window.show()
        QTimer.singleShot(0, lambda: logger.info("Main window shown"))
        with close_on_stop_signals(window):
            status = app.exec()
        logger.info("Main window closed; exiting with %d", status)
        return status
    finally:
        if worker is not None:
            worker.stop()
        wait_for_background_work()
        if connection is not None:
            connection.stop()
        sys.excepthook, threading.excepthook = sys.__excepthook__, threading.__excepthook__
