"""Uncaught exceptions, in any slot or thread: logged with the traceback, then a friendly dialog."""

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

logger = logging.getLogger("manage-account.crash")


class CrashReporter(QObject):
    """Installed as sys.excepthook and threading.excepthook; shows at most one dialog at a time."""

    crashed = Signal(str)  # the one-line reason, delivered to the GUI thread

    def __init__(self, log_folder: Path) -> None:
        super().__init__()
        self.log_folder = log_folder
        self.dialog: QMessageBox | None = None
        self.crashed.connect(self._show)

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(
            args.exc_type, args.exc_value, args.exc_traceback
        )

    def handle(
        self, kind: type[BaseException], error: BaseException | None, trace: TracebackType | None
    ) -> None:
        # A thread's hook may pass no value (threading documents it); then there is no trace.
        caught = (kind, error, trace) if error is not None else None
        logger.critical("uncaught %s", kind.__name__, exc_info=caught)
        self.crashed.emit(f"{kind.__name__}: {error}")

    def _show(self, reason: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("Something went wrong"),
            "",
            QMessageBox.StandardButton.Close,
        )
        box.setObjectName("crashDialog")
        box.setText(
            self.tr(
                "Manage Account hit an unexpected problem. Your purchases are safe: each one is "
                "saved before anything else happens."
            )
        )
        box.setInformativeText(reason + "\n\n" + self.tr("The details are in the log."))
        open_folder = box.addButton(self.tr("Open Log Folder"), QMessageBox.ButtonRole.ActionRole)
        open_folder.setObjectName("openLogFolderButton")
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_folder)))
        )
        box.setParent(QApplication.activeWindow(), box.windowFlags())
        self.dialog = box
        box.open()
