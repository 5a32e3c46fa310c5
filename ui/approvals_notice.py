"""The notice to an approver that purchases above a spending limit wait for a decision: checked
after a sync round, at most once a minute, with the way to Approvals."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.application import Application
from desktop.models import utc_now
from ui.sync_status import Banner

if TYPE_CHECKING:
    from desktop.sync import SyncReport

CHECK_EVERY = timedelta(minutes=1)  # a busy sync comes every 2 s; requests come seldom
OPEN = "#approvals"
logger = logging.getLogger(__name__)


class ApprovalsNotice(QObject):
    """`banner` is shown while others' requests are pending, and hidden once none are."""

    counted = Signal(int)  # the requests this approver may decide, sent from the sync thread

    def __init__(
        self,
        application: Application,
        open_approvals: Callable[[], object],
        parent: QObject,
        every: timedelta = CHECK_EVERY,
    ) -> None:
        super().__init__(parent)
        self._application, self._every = application, every
        self._checked_at: datetime | None = None
        self.banner = Banner("approvalsBanner", "delay")
        self.banner.linkActivated.connect(lambda link: link == OPEN and open_approvals())
        self.counted.connect(self.show_count)
        application.add_sync_listener(self.after_sync)

    def after_sync(self, report: SyncReport, now: datetime | None = None) -> None:
        """On the sync thread: after a round that reached the service, at most once every
        CHECK_EVERY, how many requests of others wait for a decision."""
        now = now or utc_now()
        administrator = self._application.administrator
        if not report.online or administrator is None:
            return
        if self._checked_at is not None and now - self._checked_at < self._every:
            return
        self._checked_at = now
        from desktop.service_client import ServiceError  # loaded with the first read

        try:
            pending = self._application.approvals().list("pending")
        except ServiceError as error:  # offline again, or a service without approvals
            logger.info("approvals not checked: %s", error)
            return
        self.counted.emit(sum(each.requested_by.email != administrator.email for each in pending))

    def show_count(self, count: int) -> None:
        if count == 0:
            self.banner.hide()
            return
        text = self.tr("%Ln purchase(s) above a spending limit wait for your approval.", "", count)
        link = escape(self.tr("Open Approvals"))
        self.banner.show_text(f'{escape(text)} <a href="{OPEN}">{link}</a>')
