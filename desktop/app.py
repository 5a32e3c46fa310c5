"""Entry point: parse options, open the database, show the main window."""

import sys

from db.database import DatabaseOpenError, close_database, open_database
from desktop.config import APP_NAME, database_url, parse_args
from desktop.demo import seed_demo

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
        return _run_window(options)
    finally:
        close_database()


def _run_window(options: object) -> int:
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    window = MainWindow()
    window.show()
    return app.exec()
