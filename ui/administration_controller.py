"""The window's dialogs about the account rather than the contract: the billing profile, the
users holding seats they do not use, permission sets, the audit log and approvals."""

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.application import Application
from desktop.billing_profile import Profile, billing_profile, save_billing_profile
from desktop.i18n import translate
from desktop.models import Administrator
from desktop.seat_holders import DISABLED, inactive
from ui.controller import Controller
from ui.seats_card import INACTIVE
from ui.tasks import run_in_background

if TYPE_CHECKING:  # opened on demand: loaded when first opened, not at start
    from ui.approvals_dialog import ApprovalsDialog
    from ui.audit_log_dialog import AuditLogDialog
    from ui.billing_profile_dialog import BillingProfileDialog
    from ui.permission_sets_dialog import PermissionSetsDialog
    from ui.seat_holders_dialog import SeatHoldersDialog


class AdministrationController(Controller):
    def __init__(
        self,
        host: QWidget,
        application: Application,
        say: Callable[[str], None],
        seats_changed: Callable[[], object],
    ) -> None:
        """`seats_changed()` when seats were freed or given back in the Seats view."""
        super().__init__(host, application, say)
        self._seats_changed = seats_changed

    def show_billing_profile(self) -> "BillingProfileDialog":
        from ui.billing_profile_dialog import BillingProfileDialog  # loaded when first opened

        dialog = BillingProfileDialog(
            self.administrator, self._save_profile, self.locale, self.host
        )
        dialog.accepted.connect(lambda: self.say(translate("MainWindow", "Billing profile saved.")))
        dialog.show()
        run_in_background(
            partial(billing_profile, self.organization), dialog.show_profile, self._profile_failed
        )
        return dialog

    def _profile_failed(self, error: Exception) -> None:
        self.say(
            translate("MainWindow", "The billing profile could not be read: {error}").format(
                error=error
            )
        )

    def _save_profile(self, administrator: Administrator, values: dict) -> Profile:
        """On the thread pool: keep it here, then let the sync send it now."""
        saved = save_billing_profile(administrator, values)
        self.app.sync_now()
        return saved

    def show_seat_holders(
        self, kind: str, inactive_days: int = 0, select_all: bool = False
    ) -> "SeatHoldersDialog | None":
        """The users holding seats they do not use: disabled, or inactive for `inactive_days`;
        `select_all`: all of them selected once read, ready to be freed."""
        if not self.app.syncing:
            self.say(
                translate(
                    "MainWindow",
                    "The list of users comes from the account service: sign in to it to see "
                    "who holds these seats.",
                )
            )
            return None
        if kind == INACTIVE:
            filters = inactive(inactive_days)
            title = translate(
                "MainWindow",
                "Seats held by users inactive for more than %Ln day(s)",
                "",
                inactive_days,
            )
        else:
            filters, title = DISABLED, translate("MainWindow", "Seats held by disabled users")
        advice = translate(
            "MainWindow",
            "These users hold a seat but do not use it. Select them and free their seats "
            "before buying more; a release can be undone for 14 days.",
        )
        from ui.seat_holders_dialog import SeatHoldersDialog, SeatsServices  # when first opened

        app = self.app
        services = SeatsServices(
            app.seat_users(), app.seat_releases(), app.reclaiming(), app.alerts()
        )
        dialog = SeatHoldersDialog(
            services,
            filters,
            title,
            advice,
            self.host,
            self.timezone,
            self.locale,
            inactive_days or 90,
        )
        dialog.seats_changed.connect(self._seats_changed)
        if select_all:
            dialog.select_all_when_read()
        dialog.show()
        return dialog

    def show_permission_sets(self) -> "PermissionSetsDialog":
        from ui.permission_sets_dialog import PermissionSetsDialog  # loaded when first opened

        dialog = PermissionSetsDialog(self.app.permission_sets(), self.host)
        dialog.open()
        return dialog

    def show_audit_log(self) -> "AuditLogDialog":
        from ui.audit_log_dialog import AuditLogDialog  # loaded when first opened

        dialog = AuditLogDialog(self.app.audit_trail(), self.host, self.timezone, self.locale)
        dialog.open()
        return dialog

    def show_approvals(self) -> "ApprovalsDialog":
        """Purchases above a spending limit: to decide for an approver, else one's own."""
        from ui.approvals_dialog import ApprovalsDialog  # loaded when first opened

        administrator = self.administrator
        dialog = ApprovalsDialog(
            self.app.approvals(),
            administrator.email,
            administrator.permission_set.approve_purchases,
            self.host,
            self.timezone,
            self.locale,
        )
        dialog.decided.connect(self._decided)
        dialog.open()
        return dialog

    def _decided(self, said: str) -> None:
        self.say(said)
        self.app.sync_now()  # an approved order reaches the history with the next sync
