"""Renewal from the window: the notice while renewal is open or a reminder is due, the renewal
dialog, the request for fewer seats next term, and the contract's dates for a calendar."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop import formatting
from desktop.application import Application
from desktop.files import write_atomically
from desktop.i18n import translate
from ui.controller import Controller
from ui.notifications import NotificationArea
from ui.overview_state import OverviewState
from ui.sync_status import SyncStatus
from ui.tasks import Task, run_in_background

if TYPE_CHECKING:  # opened on demand: loaded when first opened, not at start
    from desktop.overview import Overview
    from desktop.renewal_reminders import Reminder
    from ui.reduction_dialog import ReductionDialog
    from ui.renewal_dialog import RenewalDialog

RENEW_LINK = "#renew"


class RenewalController(Controller):
    def __init__(
        self,
        host: QWidget,
        application: Application,
        say: Callable[[str], None],
        state: OverviewState,
        status: SyncStatus,
        notices: NotificationArea,
    ) -> None:
        super().__init__(host, application, say)
        self._state, self._status, self._notices = state, status, notices
        self.banner = status.renewal_banner
        self.banner.linkActivated.connect(lambda link: link == RENEW_LINK and self.show())
        state.changed.connect(self._overview_changed)

    def _overview_changed(self) -> None:
        overview = self._state.overview
        if overview is None:
            return
        from desktop.renewal_reminders import next_reminder

        organization, end, today = (
            self.organization,
            overview.contract.end_date,
            overview.contract.today,
        )
        run_in_background(
            lambda: next_reminder(organization, end, today),
            self._remind,
            lambda _: None,  # logged; the Renew notice and the Contract card say it as well
        )
        self._offer(overview)

    def _offer(self, overview: Overview) -> None:
        """While the renewal window is open and nothing is renewed: a notice with Renew."""
        if overview.renewal is None or overview.renewed is not None:
            if overview.renewed is not None:
                self.banner.hide()
            return
        summary = overview.contract
        text = translate(
            "MainWindow",
            "Your contract ends on {date}; %Ln day(s) remain.",
            "",
            summary.days_remaining,
        ).format(date=formatting.day(summary.end_date, self.locale))
        link = f'<a href="{RENEW_LINK}">{escape(translate("MainWindow", "Renew"))}</a>'
        self.banner.show_text(escape(text) + " " + link)

    def _remind(self, reminder: Reminder | None) -> None:
        """A renewal reminder due today: a notice and, where there is one, a notification."""
        if reminder is None:
            return
        from desktop.renewal_reminders import reminder_text

        text = reminder_text(reminder, formatting.day(reminder.contract_end, self.locale))
        if not self._notices.is_posted(self.banner):  # the Renew notice says it already
            self.banner.show_text(escape(text))
        self._status.notify(translate("MainWindow", "Contract ends soon"), text)

    def show(self) -> RenewalDialog | None:
        overview = self._state.overview
        if overview is None or overview.renewal is None:
            return None
        from desktop.quotes import Quotes
        from desktop.renewing import renew
        from ui.renewal_dialog import RenewalDialog  # loaded when first opened

        administrator, contract_id = self.administrator, overview.contract.contract_id

        def record(seats: int, amount: Decimal, purchase_order: str, instructions: str) -> object:
            recorded = renew(
                administrator, contract_id, seats, amount, True, purchase_order, instructions
            )
            self.app.sync_now()
            return recorded

        dialog = RenewalDialog(
            overview.renewal,
            overview.contract.start_date,
            record,
            self.locale,
            overview.default_purchase_order,
            self.host,
            (lambda: Quotes(self.app.client())) if self.app.syncing else None,
        )
        dialog.accepted.connect(self._recorded)
        dialog.show()
        return dialog

    def _recorded(self) -> None:
        self.say(
            translate(
                "MainWindow",
                "Renewal recorded: it is sent to the account service, which invoices it.",
            )
        )
        self._state.refresh()

    def show_reduction_request(self) -> ReductionDialog | None:
        """Ask the account manager for fewer seats: it needs the account service."""
        summary = self._state.contract
        if not self.app.syncing or summary is None:
            self.say(
                translate(
                    "MainWindow",
                    "A request for fewer seats goes to your account manager through the account "
                    "service: sign in to it, or contact your account manager directly.",
                )
            )
            return None
        from ui.reduction_dialog import ReductionDialog  # loaded when first opened

        dialog = ReductionDialog(
            self.app.reduction_requests(),
            summary.licensed_seats,
            self.timezone,
            self.locale,
            self.host,
        )
        dialog.show()
        return dialog

    def ask_calendar_path(self) -> None:
        summary = self._state.contract
        if summary is None:
            return
        from ui.export_paths import ask_save_path  # the file dialog: loaded when first asked

        path = ask_save_path(
            self.host,
            translate("MainWindow", "Add to Calendar"),
            f"contract-{summary.end_date.isoformat()}.ics",
            translate("MainWindow", "Calendar files (*.ics)"),
        )
        if path:
            self.save_calendar_to(path)

    def save_calendar_to(self, path: Path) -> Task[None] | None:
        """The contract's end and the day renewal opens as an .ics file, written off the GUI
        thread; a calendar program opens it."""
        summary = self._state.contract
        if summary is None:
            return None
        from desktop.renewal_reminders import calendar

        return run_in_background(
            lambda: write_atomically(
                path, calendar(summary.organization, summary.end_date, summary.timezone)
            ),
            lambda _: self.say(
                translate("MainWindow", "Saved the contract's dates to {path}.").format(path=path)
            ),
            lambda error: self.say(
                translate("MainWindow", "The calendar file could not be saved: {error}").format(
                    error=error
                )
            ),
        )
