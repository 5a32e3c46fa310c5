"""What the window says about syncing: online or offline, seats gone live, purchases late."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QSystemTrayIcon

from billing.statuses import Status
from desktop.account import ContractSummary
from desktop.history import HistoryQuery, fetch_page
from ui.appearance import colour
from ui.named import named
from ui.tasks import run_in_background

if TYPE_CHECKING:
    from desktop.sync import SyncReport

BANNER_STYLE = "padding: 6px; border-radius: 4px; background: {background}; color: {text};"

DISMISS = "#dismiss"


class Banner(QLabel):
    """A coloured notice whose colours follow the system's light or dark scheme, live; the
    reader can dismiss it. `kind` is "live" or "delay": its colours in ui.appearance.COLOURS."""

    def __init__(self, name: str, kind: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setWordWrap(True)
        self._kind = kind
        self._html = ""
        self.linkActivated.connect(self._follow)
        self._restyle()
        self.hide()

    def show_text(self, html: str) -> None:
        self._html = html
        self._restyle()
        self.show()

    def _follow(self, link: str) -> None:
        if link == DISMISS:
            self.hide()
        elif not link.startswith("#"):  # "#..." links are the window's own actions
            QDesktopServices.openUrl(QUrl(link))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange:  # the system scheme changed
            self._restyle()
        return super().event(event)

    def _restyle(self) -> None:
        text = colour(f"{self._kind}_banner_text")
        style = BANNER_STYLE.format(background=colour(f"{self._kind}_banner"), text=text)
        self.setStyleSheet(style)
        dismiss = escape(self.tr("Dismiss"))
        shown = f'{self._html} &nbsp; <a href="{DISMISS}">{dismiss}</a>'
        # Links in the text's colour, underlined: the palette's link colour is not paired with
        # our background (and a style sheet overrides a palette's link colour, so inline).
        self.setText(shown.replace("<a ", f'<a style="color: {text};" '))


class SyncStatus(QObject):
    """Receives sync reports from the worker thread (as a queued signal) and shows them."""

    reported = Signal(object)
    changed = Signal()  # something in the ledger changed: refresh what is shown
    permission_lost = Signal()
    session_ended = Signal()  # sign in again to go on syncing
    requoted = Signal(list)  # the Requotes of purchases refused at an outdated total

    def __init__(
        self, organization_id: int, locale: str, syncing: bool, offline: bool = False
    ) -> None:
        super().__init__()
        self._organization_id, self._locale = organization_id, locale
        self._contract: ContractSummary | None = None
        self._delayed: list = []  # the late purchases the delay banner names
        self.label = named(
            QLabel(
                self.tr("Connecting…")
                if syncing
                else self.tr(
                    "Not connected to an account service: purchases stay queued on this computer."
                )
            ),
            "syncStatusLabel",
        )
        self.offline_banner = Banner("offlineBanner", "delay")
        if offline:  # chosen at sign-in: said until the service answers
            self.offline_banner.show_text(
                escape(
                    self.tr(
                        "Working offline: the account service cannot be reached. The contract, "
                        "history, receipts and exports work from this computer's data; purchases "
                        "are queued and sent when the service answers, which is checked every "
                        "few seconds."
                    )
                )
            )
        self.live_banner = Banner("liveSeatsBanner", "live")
        self.delay_banner = Banner("delayBanner", "delay")
        self.renewal_banner = Banner("renewalBanner", "delay")
        self.tray: QSystemTrayIcon | None = None
        self.reported.connect(self.show_report)

    def notify(self, title: str, text: str) -> None:
        """A desktop notification, where the system has a tray to show it."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self.tray is None:
            self.tray = QSystemTrayIcon(QApplication.windowIcon())
            self.tray.show()
        self.tray.showMessage(title, text)

    @property
    def contract(self) -> ContractSummary | None:
        return self._contract

    @contract.setter
    def contract(self, summary: ContractSummary | None) -> None:
        """The contract, read after a sync may already have raised the delay banner: the banner
        then names the account manager too."""
        self._contract = summary
        if self._delayed and self.delay_banner.isVisible():
            self._show_delayed(self._delayed)

    def show_report(self, report: SyncReport) -> None:
        if not report.online:
            self.label.setText(
                self.tr(
                    "Offline ({problem}). The contract, history and receipts still work; "
                    "purchases are kept and sent when the service is back."
                ).format(problem=report.problem)
            )
        elif report.problem is None:
            self.label.setText(self.tr("Online: in step with the account service."))
            self.offline_banner.hide()
        else:
            self.label.setText(report.problem)
        if report.permission_lost:
            self.permission_lost.emit()
            return
        if report.session_ended:
            self.session_ended.emit()
        if report.provisioned:
            self._announce_live(report.provisioned)
        if report.requoted:
            self.requoted.emit(report.requoted)
        if report.changed:
            self.changed.emit()
        run_in_background(
            lambda: fetch_page(HistoryQuery(self._organization_id, status=Status.DELAYED), 5),
            self._show_delayed,
            lambda e: None,
        )

    def _announce_live(self, provisioned: list[tuple[str, int]]) -> None:
        seats = sum(count for _, count in provisioned)
        ids = ", ".join(transaction_id for transaction_id, _ in provisioned)
        text = self.tr("%Ln new seat(s) live ({ids}).", "", seats).format(ids=ids)
        self.notify(self.tr("Seats are live"), text)
        self.live_banner.show_text(escape(text))

    def _show_delayed(self, rows: list) -> None:
        self._delayed = rows
        if not rows:
            self.delay_banner.hide()
            return
        ids = ", ".join(row.transaction_id for row in rows)
        manager = ""
        if self.contract is not None:
            c = self.contract
            email = escape(c.account_manager_email)
            manager = " " + self.tr(
                "Please contact your account manager, {name} ({email}, {phone}), and give "
                "the transaction ID."
            ).format(
                name=escape(c.account_manager_name),
                email=f'<a href="mailto:{email}">{email}</a>',
                phone=escape(c.account_manager_phone),
            )
        late = self.tr(
            "<b>Seats not live yet:</b> {ids} were accepted more than 5 minutes ago.", "", len(rows)
        )
        self.delay_banner.show_text(late.format(ids=escape(ids)) + manager)
