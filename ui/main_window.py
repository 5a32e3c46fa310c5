"""The main window: wires the Contract, Add Seats and Transaction History tabs, the notices and
the menus to the features that own their dialogs (ui/*_controller.py, ui/purchase_feedback.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from desktop.application import Application
from desktop.config import settings as user_settings
from ui import notifications
from ui.account_controller import AccountController
from ui.add_seats_tab import AddSeatsTab
from ui.approvals_notice import ApprovalsNotice
from ui.contract_tab import ContractTab
from ui.documents_controller import DocumentsController
from ui.exports_controller import ExportsController
from ui.history_tab import HistoryTab
from ui.named import named
from ui.notifications import NotificationArea
from ui.overview_state import OverviewState
from ui.permission_page import PermissionRequiredPage
from ui.preload import Preloader, load_locale_data
from ui.purchase_feedback import PurchaseFeedback
from ui.renewal_controller import RenewalController
from ui.screen_fit import fit_to_screen
from ui.sync_status import SyncStatus
from ui.tasks import Task
from ui.update_bar import UpdateBar
from ui.window_menus import build_menus

if TYPE_CHECKING:
    from desktop.purchasing import Placed
    from desktop.receipts import Verification
    from ui.administration_controller import AdministrationController
    from ui.approvals_dialog import ApprovalsDialog
    from ui.audit_log_dialog import AuditLogDialog
    from ui.billing_profile_dialog import BillingProfileDialog
    from ui.permission_sets_dialog import PermissionSetsDialog
    from ui.reduction_dialog import ReductionDialog
    from ui.renewal_dialog import RenewalDialog
    from ui.seat_holders_dialog import SeatHoldersDialog
    from ui.settings_dialog import SettingsDialog

MESSAGE_SECONDS = 15
UPDATE_CHECK_DELAY_MS = 10_000  # after the start's own work, once a session


class MainWindow(QMainWindow):
    """Attaches to the running application: shows its ledger and listens to its sync reports."""

    def __init__(self, application: Application) -> None:
        super().__init__()
        self.app = application
        organization, administrator = application.organization, application.administrator
        assert organization and administrator  # a window opens only for someone signed in
        self.setObjectName("mainWindow")
        self.setWindowTitle(
            self.tr("Manage Account — {organization}").format(organization=organization.name)
        )
        fit_to_screen(self, 1240, 700)
        self.count_label = named(QLabel(), "purchaseCountLabel")
        self.sync_status = SyncStatus(
            organization.get_id(),
            application.locale,
            application.syncing,
            offline=application.offline is not None,
        )
        self.sync_status.setParent(self)  # deleted with the window, on the GUI thread
        status = self.sync_status
        self.account = AccountController(self, application, self.say)
        self.notices = NotificationArea()
        for banner, rank in (
            (status.delay_banner, notifications.LATE_SEATS),
            (status.renewal_banner, notifications.RENEWAL),
            (status.offline_banner, notifications.OFFLINE),
            (status.live_banner, notifications.SEATS_LIVE),
        ):
            self.notices.add(banner, rank)
        if administrator.permission_set.approve_purchases and application.syncing:
            approvals = ApprovalsNotice(application, self.show_approvals, self)
            self.notices.add(approvals.banner, notifications.APPROVALS)
        self.may_manage = application.may_manage
        self.sees_billing = application.sees_billing  # finance: without buying or renewing
        if not self.sees_billing:
            self._show_permission_page()
            return
        self.overview_state = state = OverviewState(application)
        self.contract_tab = ContractTab(state, application.locale, buys=self.may_manage)
        self.add_seats_tab = AddSeatsTab(administrator, application.locale)
        self.history_tab = HistoryTab(organization, application.locale)
        self.tabs = named(QTabWidget(), "mainTabs")
        self.tabs.addTab(self.contract_tab, self.tr("&Contract"))
        if self.may_manage:
            self.tabs.addTab(self.add_seats_tab, self.tr("Add &Seats"))
        self.tabs.addTab(self.history_tab, self.tr("&Transaction History"))
        self.documents = DocumentsController(self, application, self.say)
        self.exports = ExportsController(self, application, self.say, self.history_tab)
        self.renewal = RenewalController(self, application, self.say, state, status, self.notices)
        self.purchases = PurchaseFeedback(
            self, application, self.say, self.documents.show_receipt, self.show_add_seats
        )
        connection = application.connection
        self.update_bar = UpdateBar(connection.url if connection else None)
        self.update_bar.restart_requested.connect(self.account.restart)  # the start installs it
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.update_bar)
        layout.addWidget(self.notices)
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)
        self.statusBar().addWidget(status.label, 1)
        self.statusBar().addPermanentWidget(self.count_label)
        self._wire(application, state)
        build_menus(self)
        # Read once the window is on screen: the reads' threads would compete for the GUI thread's
        # GIL with building and showing it.
        self._history_read = False
        QTimer.singleShot(0, self._read_ledger)
        QTimer.singleShot(UPDATE_CHECK_DELAY_MS, self.update_bar.check)
        self.preloader = Preloader(self)  # the document viewer, while the window is idle

    def _wire(self, application: Application, state: OverviewState) -> None:
        """The tabs' and the sync's signals to the features that answer them."""
        status, tab = self.sync_status, self.contract_tab
        state.changed.connect(self._overview_changed)
        state.failed.connect(self.say)
        status.changed.connect(self._ledger_changed)
        status.permission_lost.connect(self._permission_lost)
        status.session_ended.connect(self.account.ask_to_sign_in_again)
        status.requoted.connect(self.purchases.offer_requote)
        application.add_sync_listener(status.reported.emit)
        tab.message.connect(self.say)
        tab.seats.add_seats_requested.connect(self.show_add_seats)
        tab.seats.seat_holders_requested.connect(self.show_seat_holders)
        tab.contract.calendar_requested.connect(self.renewal.ask_calendar_path)
        tab.contract.renew_requested.connect(self.renewal.show)
        tab.contract.renewal_document_requested.connect(self.documents.show_renewal_document)
        tab.contract.renewal_invoice_requested.connect(self.documents.show_invoice)
        tab.billing.invoices_requested.connect(self._list_invoices)
        tab.manager.reduction_requested.connect(self.renewal.show_reduction_request)
        seats = self.add_seats_tab
        seats.purchased.connect(lambda _: application.sync_now())
        seats.purchased.connect(self._purchased)
        seats.purchase_failed.connect(self.say)
        seats.free_disabled_requested.connect(
            lambda: self.administration.show_seat_holders("disabled", select_all=True)
        )
        history = self.history_tab
        history.invoice_requested.connect(self.documents.show_invoice)
        history.status_message.connect(self.say)
        history.model.count_changed.connect(self._show_count)
        history.model.counting.connect(lambda: self.count_label.setText(self.tr("Counting…")))

    @cached_property
    def administration(self) -> AdministrationController:
        """Seat holders, permission sets, the audit log, approvals and the billing profile: made
        when first asked for, so a start does not load them."""
        from ui.administration_controller import AdministrationController

        return AdministrationController(self, self.app, self.say, self._seats_changed)

    def say(self, message: str) -> None:
        """A line in the status bar, which goes away by itself."""
        self.statusBar().showMessage(message, MESSAGE_SECONDS * 1000)

    def restore_settings(self) -> None:
        """Window geometry and the last tab, as the user left them."""
        settings = user_settings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)  # type: ignore[arg-type]  # stored by saveGeometry
        tabs = self.findChild(QTabWidget, "mainTabs")
        if tabs is not None:
            tabs.setCurrentIndex(int(settings.value("window/tab", 0)))  # type: ignore[arg-type]

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = user_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        tabs = self.findChild(QTabWidget, "mainTabs")  # gone once Manage Account was lost
        if tabs is not None:
            settings.setValue("window/tab", tabs.currentIndex())
        super().closeEvent(event)

    def _show_permission_page(self) -> None:
        """Why there are no tabs, whom to ask, and the menus that still make sense."""
        managers = self.app.client().permission_managers if self.app.syncing else None
        page = named(QWidget(), "permissionPage")
        layout = QVBoxLayout(page)
        layout.addWidget(self.notices)  # the sync's notices (offline, say) go on being shown
        layout.addWidget(PermissionRequiredPage(self.account.administrator, managers), 1)
        self.setCentralWidget(page)
        build_menus(self)

    def _permission_lost(self) -> None:
        """Manage Account was taken away: show why, and keep no contract data here."""
        shown = self.centralWidget()
        if shown is not None and shown.objectName() == "permissionPage":  # shown already
            return
        self.account.forget_contract_data()
        self.may_manage = self.sees_billing = False
        # The page deletes the tabs: a read under way must not arrive at them.
        self.overview_state.changed.disconnect()
        self.overview_state.failed.disconnect()
        self.sync_status.changed.disconnect(self._ledger_changed)
        self._show_permission_page()

    def refresh_contract(self) -> None:
        self.overview_state.refresh()

    def _read_ledger(self) -> None:
        """The overview first, then the history: on two cores the history's reads (its count
        and landmarks take seconds at a million purchases) would delay the overview's."""
        load_locale_data(self.app.locale)
        state, once = self.overview_state, Qt.ConnectionType.SingleShotConnection
        state.changed.connect(self._read_history, once)
        state.failed.connect(self._read_history, once)
        state.refresh()

    def _read_history(self) -> None:
        if not self._history_read:
            self._history_read = True
            self.history_tab.load()

    def _ledger_changed(self) -> None:
        self.overview_state.refresh()
        self.history_tab.refresh()

    def _seats_changed(self) -> None:
        """Seats were freed or given back in the Seats view: the overview and the sync follow."""
        self.overview_state.refresh()
        self.app.sync_now()

    def _overview_changed(self) -> None:
        overview = self.overview_state.overview
        self.sync_status.contract = self.overview_state.contract
        self.add_seats_tab.set_contract(self.overview_state.contract, overview and overview.usage)
        if overview is not None:
            self.add_seats_tab.set_default_purchase_order(overview.default_purchase_order)

    def _purchased(self, purchase: Placed) -> None:
        self.overview_state.refresh()
        self.history_tab.refresh()
        self.purchases.confirm(purchase)

    def _list_invoices(self, status: str) -> None:
        """Transaction History, showing the purchases whose invoice has `status`."""
        combo = self.history_tab.invoice_combo
        combo.setCurrentIndex(max(0, combo.findData(status)))
        self.tabs.setCurrentWidget(self.history_tab)

    def _show_count(self, count: int, more: bool) -> None:
        if more:  # a text filter is counted only this far
            self.count_label.setText(self.tr("%Ln+ purchase(s)", "", count))
        else:
            self.count_label.setText(self.tr("%Ln purchase(s)", "", count))

    def show_add_seats(self, seats: int | None = None) -> None:
        """The Add Seats tab, with its quantity ready to type (or set to `seats`)."""
        self.tabs.setCurrentWidget(self.add_seats_tab)
        if seats is not None:
            self.add_seats_tab.spin.setValue(seats)
        self.add_seats_tab.focus_quantity()

    # The features' entry points, as the window's own (menus, automation and tests use them).
    def show_settings(self) -> SettingsDialog:
        return self.account.show_settings()

    def sign_out(self, then: Callable[[], object] | None = None) -> None:
        self.account.sign_out(then)

    def sign_out_everywhere(self) -> None:
        self.account.sign_out_everywhere()

    def show_billing_profile(self) -> BillingProfileDialog:
        return self.administration.show_billing_profile()

    def show_seat_holders(
        self, kind: str, inactive_days: int = 0, select_all: bool = False
    ) -> SeatHoldersDialog | None:
        return self.administration.show_seat_holders(kind, inactive_days, select_all)

    def show_permission_sets(self) -> PermissionSetsDialog:
        return self.administration.show_permission_sets()

    def show_audit_log(self) -> AuditLogDialog:
        return self.administration.show_audit_log()

    def show_approvals(self) -> ApprovalsDialog:
        return self.administration.show_approvals()

    def show_renewal(self) -> RenewalDialog | None:
        return self.renewal.show()

    def show_reduction_request(self) -> ReductionDialog | None:
        return self.renewal.show_reduction_request()

    def save_calendar_to(self, path: Path) -> Task[None] | None:
        return self.renewal.save_calendar_to(path)

    def show_invoice(self, transaction_id: str) -> Task:
        return self.documents.show_invoice(transaction_id)

    def verify_receipt_file(self, path: Path) -> Task[Verification]:
        return self.documents.verify_receipt_file(path)

    def export_documents_to(self, path: Path, first: date, last: date) -> Task[int]:
        return self.exports.export_documents_to(path, first, last)
