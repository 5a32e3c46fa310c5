"""Entry point: parse options, open the database, show the main window."""

import argparse
import gc
import logging
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from db.drivers import load_only_what_url_needs
from desktop import __version__, tls
from desktop.config import (
    APP_NAME,
    database_url,
    language,
    local_data_folder,
    parse_args,
    relaunch_command,
    service_url,
)
from desktop.i18n import install_translations, translate
from desktop.logs import configure_logging

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from desktop.application import Application
    from desktop.connection import ServiceConnection

EXIT_FAILED, EXIT_USAGE = 1, 2
logger = logging.getLogger("manage-account")


def main(argv: list[str] | None = None) -> int:
    """Run the app; reuses a running QApplication (tests drive it in-process)."""
    try:
        options = parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error already printed
        return int(stop.code or 0)
    if not (options.command or options.check_updates):  # a window: see _collect_garbage_now_on
        gc.disable()
    try:
        return _start(options)
    finally:
        gc.enable()


def _start(options: argparse.Namespace) -> int:
    url = database_url(options.database)
    load_only_what_url_needs(url)  # before peewee is first imported, which is here
    from db.database import DatabaseOpenError, redacted
    from desktop.ledger import close_ledger, open_ledger

    try:
        log_file = configure_logging(options.verbose)
        logger.info("Manage Account %s starting on %s", __version__, redacted(url))
        if getattr(sys, "frozen", False):  # an update waits only for a frozen installation
            _install_waiting_update()
        if options.check_updates:
            return _check_updates(options)
        open_ledger(url)
    except (DatabaseOpenError, OSError) as error:
        print(f"manage-account: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if options.demo:
            from desktop.demo import seed_demo  # the demo's data, loaded for --demo only

            seed_demo(contract_ends_in=options.demo_contract_ends_in)
        if options.command:
            return _run_command(options)
        return _run_window(options, url, log_file.parent)
    finally:
        close_ledger()


def _run_command(options: argparse.Namespace) -> int:
    """The scripting commands: receipts to files, no window."""
    from PySide6.QtCore import QCoreApplication

    from desktop.account import organization
    from desktop.receipts import (
        UnknownTransaction,
        date_range_query,
        export_receipts,
        save_receipt,
    )

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    locale = install_translations(app, language())
    org = organization(options.user)  # several here: --user says whose
    if org is None:
        print(
            "manage-account: this computer keeps no organization's data"
            + (f" for {options.user}" if options.user else ""),
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        if options.command == "receipt":
            print(save_receipt(org, options.transaction_id, options.output, locale))
            return 0
        query = date_range_query(org, options.first, options.last)
        if options.command == "documents":
            from desktop.archive import export_documents
            from desktop.invoices import FOLDER

            kept = local_data_folder(FOLDER)
            count = export_documents(query, options.output, locale, kept)
            written = translate(
                "App",
                "Documents of %n order(s) of {organization} written to {file}",
                None,
                count,
            )
            print(written.format(organization=org.name, file=options.output))
        else:
            count = export_receipts(query, options.output, locale)
            written = translate(
                "App", "%n receipt(s) of {organization} written to {folder}", None, count
            )
            print(written.format(organization=org.name, folder=options.output))
    except (UnknownTransaction, OSError) as error:
        print(f"manage-account: {error}", file=sys.stderr)
        return EXIT_USAGE
    return 0


def _install_waiting_update() -> None:
    """Put an update downloaded last time in place, and start it instead of this version."""
    from desktop.updates import install_folder, install_staged

    release = install_staged(install_folder())
    if release is not None:
        logger.info("Updated to %s; starting it", release.version)
        command = relaunch_command()
        os.execv(command[0], command)


def _check_updates(options: argparse.Namespace) -> int:
    """--check-updates: find, download, verify and install a newer version, without a window."""
    from PySide6.QtCore import QCoreApplication

    from desktop import updates

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    install_translations(app, language())
    folder = updates.install_folder()
    if (reason := updates.why_not_updating(folder)) is not None:
        print(f"manage-account: {reason}", file=sys.stderr)
        return EXIT_USAGE
    try:
        repository = updates.open_repository(service_url(options.service)[0])
        release = repository.check()
        if release is None:
            print(updates.newest_text())
            return 0
        print(updates.available_text(release))
        repository.download()
    except updates.UpdateError as error:
        print(f"manage-account: {error}", file=sys.stderr)
        return EXIT_FAILED
    if updates.install_staged(folder) is None:  # turned off meanwhile, or the folder is gone
        print(f"manage-account: {updates.not_installed_text(release)}", file=sys.stderr)
        return EXIT_FAILED
    print(
        translate("App", "Manage Account was updated to {version}.").format(version=release.version)
    )
    return 0


def _run_window(options: argparse.Namespace, url: str, log_folder: Path) -> int:
    from ui.single_instance import SingleInstance, bring_to_front, instance_name

    qt_app, locale = _qt_application(log_folder)
    instance = SingleInstance(instance_name(url))
    if instance.hand_over(sys.argv[1:]):
        logger.info("Manage Account already runs on this database: brought it to the front")
        return 0
    instance.claim()
    instance.activated.connect(lambda _: logger.info("Another launch asked for this window"))
    instance.activated.connect(lambda _: bring_to_front())
    try:
        return _run_application(qt_app, options, url, locale)
    finally:
        instance.release()
        sys.excepthook, threading.excepthook = sys.__excepthook__, threading.__excepthook__


def _run_application(
    qt_app: "QApplication", options: argparse.Namespace, url: str, locale: str
) -> int:
    """Connect, sign in, show the window and run until it closes."""
    from PySide6.QtCore import QTimer

    from db.database import DatabaseOpenError
    from desktop.application import Application
    from desktop.connection import connect_service
    from ui.main_window import MainWindow
    from ui.seat_alert_notice import SeatAlertNotice
    from ui.tasks import wait_for_background_work
    from ui.terminate import close_on_stop_signals

    try:
        tls.trust_bundle(options.ca_bundle)  # before the first connection to the service
    except OSError as error:  # ssl.SSLError is one
        print(f"manage-account: --ca-bundle {options.ca_bundle}: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        connection = connect_service(
            service_url(options.service), options.demo, url, options.demo_contract_ends_in
        )
    except (DatabaseOpenError, OSError) as error:
        print(f"manage-account: the demo service could not start: {error}", file=sys.stderr)
        return EXIT_USAGE
    application = Application(None, locale, connection=connection)
    try:
        if not _sign_in(application, options.user):
            return 0
        if _needs_contract(application) and (status := _first_contract(application)) is not None:
            return status
        window = MainWindow(application)
        if window.sees_billing:  # else the permission page: no seats to mark
            notice = SeatAlertNotice(application, window)  # kept by the window, its parent
            notice.checked.connect(window.contract_tab.seats.show_alert)
        application.start_syncing()
        window.restore_settings()
        window.show()
        QTimer.singleShot(0, _collect_garbage_now_on)  # the first turn after the window shows
        QTimer.singleShot(0, lambda: logger.info("Main window shown"))
        with close_on_stop_signals(window):
            status = qt_app.exec()
        logger.info("Main window closed; exiting with %d", status)
        return status
    finally:
        application.stop()
        wait_for_background_work()


def _qt_application(log_folder: Path) -> tuple["QApplication", str]:
    """The QApplication, named, with its icon, colours, translations and crash reporting."""
    from PySide6.QtWidgets import QApplication

    from ui.app_icon import application_icon
    from ui.appearance import follow_system_scheme
    from ui.crash_dialog import CrashReporter

    qt_app = QApplication.instance()
    if not isinstance(qt_app, QApplication):  # none yet; tests run theirs
        qt_app = QApplication(sys.argv[:1])
    qt_app.setApplicationName(APP_NAME)
    qt_app.setApplicationVersion(__version__)
    qt_app.setDesktopFileName("manage-account")  # ties windows to manage-account.desktop on Linux
    qt_app.setWindowIcon(application_icon())
    follow_system_scheme(qt_app)
    locale = install_translations(qt_app, language())
    CrashReporter(log_folder).install()
    return qt_app, locale


def _collect_garbage_now_on() -> None:
    """Python's cycle collector, off while the window is made, runs from here on.

    A start makes some 45,000 objects that live as long as the app and only a few hundred that
    are garbage; collecting as it went took 10-15 ms of the start (78 collections). What was
    made is frozen (later collections skip it), so the first one is not a long one either.
    """
    gc.freeze()
    gc.enable()


def _sign_in(application: "Application", user: str | None) -> bool:
    """Who is acting: the remembered or a new session with a service, or a local
    administrator without one. False when the user closed the sign-in dialog."""
    from desktop.access import acting_administrator

    if application.connection is None:
        application.administrator = acting_administrator(user)
        return True
    return _sign_in_to_service(application, application.connection, user)


def _sign_in_to_service(
    application: "Application", connection: "ServiceConnection", user: str | None
) -> bool:
    """The remembered session, or the sign-in dialog (which may choose to work offline)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog

    from desktop.access import acting_administrator, forget_contract_data
    from desktop.mirror import mirror_administrator
    from desktop.session import recall
    from ui.progress import wait_with_progress
    from ui.sign_in_dialog import SignInDialog
    from ui.terminate import close_on_stop_signals

    checking = translate("App", "Looking for a saved sign-in…")
    session = wait_with_progress(checking, lambda: recall(connection.url))
    if session is None:
        email, password = ("", "")
        if connection.embedded:
            from desktop.demo import SIGN_IN as email_and_password  # the demo's administrator

            email, password = email_and_password
        dialog = SignInDialog(connection.url, user or email, password)
        QTimer.singleShot(0, lambda: logger.info("Sign-in dialog shown"))
        with close_on_stop_signals(dialog):
            if dialog.exec() != QDialog.DialogCode.Accepted:
                if dialog.restart_needed:  # Settings changed the service or the proxy
                    _start_again()
                return False
        if dialog.offline is not None:  # the service cannot be reached; this computer's data
            application.offline = dialog.offline
            application.administrator = acting_administrator(dialog.offline.email)
            logger.info("Working offline until the account service answers")
            return True
        session = dialog.session
        assert session is not None  # accepted, not offline: the dialog signed in
    application.session = session
    administrator = application.administrator = mirror_administrator(session.administrator)
    if not application.sees_billing:
        forget_contract_data(administrator.organization)  # none of its contract stays here
    return True


def _start_again() -> None:
    from PySide6.QtCore import QProcess

    command = relaunch_command()
    QProcess.startDetached(command[0], command[1:])


def _needs_contract(application: "Application") -> bool:
    """Whether there is nothing to show yet: no administrator here, or one who may manage the
    account of an organization whose contract this computer does not keep yet."""
    from desktop.account import has_contract

    organization = application.organization
    return organization is None or (application.sees_billing and not has_contract(organization))


def _first_contract(application: "Application") -> int | None:
    """A first run: bring the contract here before showing it (None: it is here); else the exit
    status, once the user was told why there is nothing to show and what to do."""
    from PySide6.QtWidgets import QMessageBox

    from ui.progress import wait_with_progress

    report = None
    if application.syncing:
        fetching = translate("App", "Fetching your contract from the account service…")
        report = wait_with_progress(fetching, application.fetch_contract)
    if not _needs_contract(application):
        return None
    print(
        "manage-account: the database holds no organization yet; "
        "start with --demo, or --service URL to fetch it",
        file=sys.stderr,
    )
    if report is None:  # no service set: started from the menu right after installing
        return _welcome()
    explanation = translate(
        "App", "Your contract could not be fetched from the account service: {problem}"
    )
    reason = report.problem or translate("App", "it holds no contract for you.")
    QMessageBox.warning(None, APP_NAME, explanation.format(problem=reason))
    return EXIT_USAGE


def _welcome() -> int:
    """Ask for the account service (in Settings) or offer the demo; start again with it."""
    from PySide6.QtCore import QProcess, QTimer

    from ui.first_run_dialog import DEMO, SETTINGS, answer, ask_first_run
    from ui.settings_dialog import SettingsDialog
    from ui.terminate import close_on_stop_signals

    box = ask_first_run()
    QTimer.singleShot(0, lambda: logger.info("First-run dialog shown"))
    with close_on_stop_signals(box):
        box.exec()
    chosen, command = answer(box), relaunch_command()
    if chosen == SETTINGS:
        settings = SettingsDialog()
        if (
            settings.exec() != SettingsDialog.DialogCode.Accepted
            or not settings.chosen().service_url
        ):
            return 0
    elif chosen == DEMO:
        command.append("--demo")
    else:
        return 0
    QProcess.startDetached(command[0], command[1:])
    return 0
