"""The desktop's notice when a sync finds fewer seats available than the alert's threshold: a
system tray message, or the status bar where there is no tray; once each time the count drops
below it."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon

from desktop.alerts import SeatAlert
from desktop.application import Application
from desktop.models import utc_now

if TYPE_CHECKING:
    from desktop.sync import SyncReport

CHECK_EVERY = timedelta(minutes=1)  # a busy sync comes every 2 s; seats change seldom
SHOWN_MILLISECONDS = 30_000
logger = logging.getLogger(__name__)


class SeatAlertNotice(QObject):
    """Says a crossing once; `checked` tells whoever marks the seats while they stay below."""

    checked = Signal(object)  # a SeatAlert or None, sent from the sync thread
    alerted = Signal(object)  # the SeatAlert of a crossing, on the GUI thread

    def __init__(
        self, application: Application, window: QMainWindow, every: timedelta = CHECK_EVERY
    ) -> None:
        super().__init__(window)
        self._application, self._window, self._every = application, window, every
        self._checked_at: datetime | None = None
        self.tray: QSystemTrayIcon | None = None
        self.shown: str | None = None  # the last notice, as said
        self.checked.connect(self._checked)
        self.alerted.connect(self.show)
        application.add_sync_listener(self.after_sync)

    def after_sync(self, report: SyncReport, now: datetime | None = None) -> None:
        """On the sync thread: after a round that reached the service, at most once every
        CHECK_EVERY, whether the seats available dropped below the threshold."""
        now = now or utc_now()
        application = self._application
        organization = application.organization
        if not report.online or organization is None or not application.may_manage:
            return
        if self._checked_at is not None and now - self._checked_at < self._every:
            return
        self._checked_at = now
        from desktop.service_client import ServiceError  # loaded with the first read

        try:
            found = application.alerts().seat_alert()
        except ServiceError as error:  # offline again, or a service without alerts
            logger.info("seat alert not checked: %s", error)
            return
        self.checked.emit(found)

    def _checked(self, found: SeatAlert | None) -> None:
        if found is not None and found.crossed:
            self.alerted.emit(found)

    def show(self, alert: SeatAlert) -> None:
        title = self.tr("Few seats available")
        text = self.tr(
            "%Ln seat(s) available, fewer than the {threshold} your alert watches for. Free "
            "seats in Seats or add seats.",
            "",
            alert.available,
        ).format(threshold=alert.threshold)
        self.shown = text
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self.tray is None:
                self.tray = QSystemTrayIcon(self._window.windowIcon(), self)
            self.tray.show()
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning)
        else:
            self._window.statusBar().showMessage(text, SHOWN_MILLISECONDS)
