"""The main window: wires the Contract, Add Seats and Transaction History tabs together."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QProcess, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import formatting
from desktop.access import forget_contract_data
from desktop.account import today_in
from desktop.application import Application
from desktop.archive import export_documents
from desktop.billing_profile import billing_profile, save_billing_profile
from desktop.config import export_folder, local_data_folder, relaunch_command
from desktop.config import settings as user_settings
from desktop.files import write_atomically
from desktop.invoices import FOLDER as INVOICE_FOLDER
from desktop.invoices import invoice_document
from desktop.overview import Overview, load_overview
from desktop.receipts import Verification, date_range_query, renewal_pdf, verify_receipt
from desktop.renewal_reminders import Reminder, calendar, next_reminder, reminder_text
from desktop.renewing import renew
from desktop.seat_holders import DISABLED, inactive
from desktop.session import sign_out as desktop_sign_out
from desktop.session import sign_out_everywhere as desktop_sign_out_everywhere
from desktop.sync import Requote
from ui.add_seats_tab import AddSeatsTab
from ui.contract_tab import INACTIVE, ContractTab
from ui.documents import open_document, open_receipt
from ui.export_paths import ask_save_path
from ui.history_tab import HistoryTab
from ui.permission_page import PermissionRequiredPage
from ui.progress import run_with_progress
from ui.screen_fit import fit_to_screen
from ui.sync_status import SyncStatus
from ui.tasks import OneAtATime, Task, run_in_background
from ui.update_bar import UpdateBar

if TYPE_CHECKING:  # opened on demand: loaded when first opened, not at start
    from ui.audit_log_dialog import AuditLogDialog
    from ui.billing_profile_dialog import BillingProfileDialog
    from ui.permission_sets_dialog import PermissionSetsDialog
    from ui.reduction_dialog import ReductionDialog
    from ui.renewal_dialog import RenewalDialog
    from ui.seat_holders_dialog import SeatHoldersDialog
    from ui.settings_dialog import SettingsDialog

MESSAGE_SECONDS = 15
UPDATE_CHECK_DELAY_MS = 10_000  # after the start's own work, once a session
RENEW_LINK = "#renew"


class MainWindow(QMainWindow):
    """Attaches to the running application: shows its ledger and listens to its sync reports."""

    def __init__(self, application: Application) -> None:
        super().__init__()
        self.app = application
        self.setObjectName("mainWindow")
        self.setWindowTitle(
            self.tr("Manage Account — {organization}").format(
                organization=application.organization.name
            )
        )
        fit_to_screen(self, 1240, 700)
        self._locale = application.locale
        self._timezone = application.organization.timezone
        self._administrator = administrator = application.administrator
        self.count_label = QLabel(objectName="purchaseCountLabel")
        self._overview = None  # the overview last shown
        self.sync_status = SyncStatus(
            application.organization.id,
            self._locale,
            application.syncing,
            offline=application.offline is not None,
        )
        self.sync_status.setParent(self)  # deleted with the window, on the GUI thread
        self.may_manage = application.may_manage
        if not self.may_manage:
            self._show_permission_page()
            return

        self.contract_tab = ContractTab(self._locale)
        self.add_seats_tab = AddSeatsTab(administrator, self._locale)
        self.history_tab = HistoryTab(application.organization, self._locale)
        self.tabs = QTabWidget(objectName="mainTabs")
        self.tabs.addTab(self.contract_tab, self.tr("&Contract"))
        self.tabs.addTab(self.add_seats_tab, self.tr("Add &Seats"))
        self.tabs.addTab(self.history_tab, self.tr("&Transaction History"))
        connection = application.connection
        self.update_bar = UpdateBar(connection.url if connection else None)
        self.update_bar.restart_requested.connect(self.restart)  # the start installs it
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.update_bar)
        layout.addWidget(self.sync_status.offline_banner)
        layout.addWidget(self.sync_status.live_banner)
        layout.addWidget(self.sync_status.delay_banner)
        layout.addWidget(self.sync_status.renewal_banner)
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)
        self.statusBar().addWidget(self.sync_status.label, 1)
        self.statusBar().addPermanentWidget(self.count_label)
        self.sync_status.changed.connect(self._ledger_changed)
        self.sync_status.permission_lost.connect(self._permission_lost)
        self.sync_status.session_ended.connect(self._ask_to_sign_in_again)
        self._signing_in_again = False
        self.sync_status.requoted.connect(self._offer_requote)
        application.add_sync_listener(self.sync_status.reported.emit)
        self.add_seats_tab.purchased.connect(lambda _: application.sync_now())
        self.history_tab.receipts_exported.connect(self._report_receipts_exported)
        self.history_tab.invoice_requested.connect(self.show_invoice)

        self.contract_tab.add_seats_requested.connect(self.show_add_seats)
        self.contract_tab.seat_holders_requested.connect(self.show_seat_holders)
        self.contract_tab.message.connect(self.say)
        self.contract_tab.calendar_requested.connect(self._ask_calendar_path)
        self.contract_tab.renew_requested.connect(self.show_renewal)
        self.contract_tab.reduction_requested.connect(self.show_reduction_request)
        self.contract_tab.renewal_document_requested.connect(self.show_renewal_document)
        self.contract_tab.renewal_invoice_requested.connect(self.show_invoice)
        self.sync_status.renewal_banner.linkActivated.connect(
            lambda link: self.show_renewal() if link == RENEW_LINK else None
        )
        self.add_seats_tab.purchased.connect(self._purchased)
        self.add_seats_tab.purchase_failed.connect(self.say)
        self.add_seats_tab.free_disabled_requested.connect(
            lambda: self.show_seat_holders("disabled", select_all=True)
        )
        self.history_tab.status_message.connect(self.say)
        self.history_tab.model.count_changed.connect(self._show_count)
        self.history_tab.model.counting.connect(
            lambda: self.count_label.setText(self.tr("Counting…"))
        )
        self._build_menus()
        self._overview_reads = OneAtATime(
            partial(load_overview, application.organization),
            self._show_contract,
            self._contract_failed,
        )
        # Read once the window is on screen: the reads' threads would compete for the GIL
        # with building and showing it.
        QTimer.singleShot(0, self._read_ledger)
        QTimer.singleShot(UPDATE_CHECK_DELAY_MS, self.update_bar.check)

    def _build_menus(self) -> None:
        """The menus; without Manage Account only what does not touch the contract."""
        self.menuBar().clear()
        menu = self.menuBar().addMenu(self.tr("&File"))
        if self.may_manage:
            _add_action(
                menu,
                self.tr("&Export Receipts…"),
                "exportReceiptsAction",
                self._ask_export_receipts,
            )
            _add_action(
                menu,
                self.tr("Export &Documents…"),
                "exportDocumentsAction",
                self._ask_export_documents,
            )
            _add_action(
                menu, self.tr("&Verify Receipt…"), "verifyReceiptAction", self._ask_verify_receipt
            )
            _add_action(
                menu,
                self.tr("&Billing Profile…"),
                "billingProfileAction",
                self.show_billing_profile,
            )
        settings_action = _add_action(
            menu, self.tr("&Settings…"), "settingsAction", self.show_settings
        )
        settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        menu.addSeparator()
        if self.app.syncing:
            _add_action(menu, self.tr("Sign &Out"), "signOutAction", self.sign_out)
            _add_action(
                menu,
                self.tr("Si&gn Out Everywhere"),
                "signOutEverywhereAction",
                self.sign_out_everywhere,
            )
            _add_action(
                menu, self.tr("S&witch Account…"), "switchAccountAction", self.switch_account
            )
        menu.addAction(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        permissions = self._administrator.permission_set
        if self.app.syncing and permissions.manage_permission_sets:
            administration = self.menuBar().addMenu(self.tr("Ad&ministration"))
            _add_action(
                administration,
                self.tr("&Permission Sets…"),
                "permissionSetsAction",
                self.show_permission_sets,
            )
            _add_action(
                administration, self.tr("&Audit Log…"), "auditLogAction", self.show_audit_log
            )
        self._build_help_menu()

    def _build_help_menu(self) -> None:
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        _add_action(
            help_menu,
            self.tr("&Learn more about Manage Account"),
            "learnMoreAction",
            self._learn_more,
        )
        if self.may_manage:
            _add_action(
                help_menu,
                self.tr("Check for &Updates…"),
                "checkUpdatesAction",
                lambda: self.update_bar.check(asked=True),
            )
        _add_action(help_menu, self.tr("&About Manage Account"), "aboutAction", self._show_about)

    def _learn_more(self) -> None:
        from ui.about_dialog import LEARN_MORE_URL  # with About: loaded when first asked for

        QDesktopServices.openUrl(QUrl(LEARN_MORE_URL))

    def _show_about(self) -> None:
        from ui.about_dialog import show_about  # reads the licences' metadata: not at start

        show_about(self)

    def say(self, message: str) -> None:
        """A line in the status bar, which goes away by itself."""
        self.statusBar().showMessage(message, MESSAGE_SECONDS * 1000)

    def restore_settings(self) -> None:
        """Window geometry and the last tab, as the user left them."""
        settings = user_settings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        tabs = self.findChild(QTabWidget, "mainTabs")
        if tabs is not None:
            tabs.setCurrentIndex(int(settings.value("window/tab", 0)))

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = user_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        tabs = self.findChild(QTabWidget, "mainTabs")  # gone once Manage Account was lost
        if tabs is not None:
            settings.setValue("window/tab", tabs.currentIndex())
        super().closeEvent(event)

    def show_settings(self) -> SettingsDialog:
        from ui.settings_dialog import SettingsDialog  # loaded when first opened

        dialog = SettingsDialog(self.app.connection, self)
        dialog.accepted.connect(lambda: dialog.restart_needed and self._offer_restart())
        dialog.open()
        return dialog

    def _offer_restart(self) -> QMessageBox:
        """Language and service apply at start: offer to start again now."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restart Manage Account?"),
            self.tr("The new language and account service apply when Manage Account starts again."),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("restartQuestion")
        now = box.addButton(self.tr("Restart &Now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        now.setObjectName("restartNowButton")
        now.clicked.connect(self.restart)
        box.open()
        return box

    def restart(self) -> None:
        """Close this window (saving what it keeps) and start the app again."""
        command = relaunch_command()
        if self.close():
            QProcess.startDetached(command[0], command[1:])

    def show_permission_sets(self) -> PermissionSetsDialog:
        from ui.permission_sets_dialog import PermissionSetsDialog  # loaded when first opened

        dialog = PermissionSetsDialog(self.app.client(), self)
        dialog.open()
        return dialog

    def show_audit_log(self) -> AuditLogDialog:
        from ui.audit_log_dialog import AuditLogDialog  # loaded when first opened

        dialog = AuditLogDialog(
            self.app.client(), self.app.organization, self, self._timezone, self._locale
        )
        dialog.open()
        return dialog

    def _report_receipts_exported(self, count: int) -> None:
        if self.app.syncing:
            client = self.app.client()
            run_in_background(
                lambda: client.report_audit_event("receipts exported", {"count": count}),
                lambda _: None,
                lambda _: None,  # logged; the trail is the service's, an offline export loses none
            )

    def sign_out(self, then: Callable[[], object] | None = None) -> None:
        """End the session on the service, forget the stored token, and close the window
        (or do `then`)."""
        session, after = self.app.session, then or self.close
        run_in_background(lambda: desktop_sign_out(session), lambda _: after(), lambda _: after())

    def sign_out_everywhere(self) -> None:
        """End every session of this administrator, on every computer, then close the window;
        when the service cannot be reached, say so and stay signed in."""
        session = self.app.session
        if session is None:  # working offline: no session to end yet
            self.say(
                self.tr(
                    "Sign Out Everywhere needs the account service: this computer is working "
                    "offline. Try again once the service answers."
                )
            )
            return
        run_in_background(
            lambda: desktop_sign_out_everywhere(session),
            lambda _: self.close(),
            self._not_signed_out_everywhere,
        )

    def _not_signed_out_everywhere(self, error: Exception) -> None:
        QMessageBox.warning(
            self,
            self.tr("Sign Out Everywhere"),
            self.tr("The sessions on other computers could not be ended: {error}").format(
                error=error
            ),
        )

    def switch_account(self) -> None:
        """Sign out and start again at the sign-in dialog."""
        self.sign_out(then=self.restart)

    def _show_permission_page(self) -> None:
        """Why there are no tabs, whom to ask, and the menus that still make sense."""
        managers = self.app.client().permission_managers if self.app.syncing else None
        self.setCentralWidget(PermissionRequiredPage(self._administrator, managers))
        self._build_menus()

    def _ask_to_sign_in_again(self) -> None:
        """The session ended (idle too long, too old, or signed out everywhere): ask for the
        password once, and go on syncing with the new session; Cancel keeps working offline."""
        if self._signing_in_again or not self.app.syncing:
            return
        from ui.sign_in_dialog import SignInDialog  # loaded when first needed

        self._signing_in_again = True
        dialog = SignInDialog(self.app.service_url, self._administrator.email, parent=self)
        dialog.email.setReadOnly(True)  # the same administrator: the window and ledger are theirs
        dialog.message.setText(self.tr("Your session has ended. Sign in again to go on syncing."))
        dialog.finished.connect(lambda _: self._signed_in_again(dialog))
        dialog.open()

    def _signed_in_again(self, dialog: QDialog) -> None:
        self._signing_in_again = False
        email = self._administrator.email.casefold()
        if dialog.session is not None and dialog.session.administrator["email"].casefold() == email:
            self.app.resume(dialog.session)
        elif dialog.offline is not None:  # Work Offline: sync signs in when the service answers
            self.app.resume_offline(dialog.offline)

    def _permission_lost(self) -> None:
        """Manage Account was taken away: show why, and keep no contract data here."""
        if isinstance(self.centralWidget(), PermissionRequiredPage):
            return
        run_in_background(
            partial(forget_contract_data, self.app.organization),
            lambda _: None,
            self._forget_failed,
        )
        self.may_manage = False
        self._show_permission_page()

    def _forget_failed(self, error: Exception) -> None:
        self.say(
            self.tr(
                "The contract data could not be removed from this computer ({error}); it is "
                "tried again when Manage Account starts."
            ).format(error=error)
        )

    def _offer_requote(self, requotes: list[Requote]) -> QMessageBox:
        """Purchases refused at a total that is out of date: say so, and offer to buy again at
        today's total. Nothing is bought without the user."""
        lines = [
            self.tr("{transaction_id}: %Ln seat(s) for {old}, now {new}", "", r.seats).format(
                transaction_id=r.transaction_id,
                old=formatting.money(r.old_amount, r.currency, self._locale),
                new=formatting.money(r.new_amount, r.currency, self._locale),
            )
            for r in requotes
        ]
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Purchase not accepted"),
            self.tr(
                "The account service did not accept %n purchase(s): the total shown then is no "
                "longer valid, so nothing was bought or invoiced.",
                "",
                len(requotes),
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("requoteDialog")
        box.setInformativeText(
            "\n".join(lines) + "\n\n" + self.tr("Check today's total and purchase again.")
        )
        again = box.addButton(self.tr("&Review in Add Seats"), QMessageBox.ButtonRole.AcceptRole)
        again.setObjectName("reviewRequoteButton")
        again.clicked.connect(lambda: self.show_add_seats(requotes[0].seats))
        box.addButton(QMessageBox.StandardButton.Close)
        box.open()
        return box

    def _ask_export_receipts(self) -> None:
        today = today_in(self._timezone)  # the organization's, as the purchases' dates are
        from ui.export_receipts_dialog import ExportReceiptsDialog  # loaded when first opened

        dialog = ExportReceiptsDialog(today.replace(day=1), today, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            first, last = dialog.dates()
            query = date_range_query(self.app.organization, first, last)
            self.history_tab.export_receipts_to(dialog.folder(), query)

    def _ask_export_documents(self) -> None:
        from ui.export_documents_dialog import ExportDocumentsDialog  # loaded when first opened

        dialog = ExportDocumentsDialog(today_in(self._timezone), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        path = ask_save_path(
            self, self.tr("Export documents"), dialog.file_name(), self.tr("ZIP files (*.zip)")
        )
        if path:
            self.export_documents_to(path, *dialog.dates())

    def export_documents_to(self, path: Path, first: date, last: date) -> Task:
        """Every document of the range in one ZIP, with a cancellable progress dialog."""
        query = date_range_query(self.app.organization, first, last)
        locale = self._locale
        return run_with_progress(
            self,
            self.tr("Exporting documents…"),
            lambda progress: export_documents(
                query, path, locale, local_data_folder(INVOICE_FOLDER), progress
            ),
            self.say,
            lambda count: self.tr(
                "Exported the documents of %Ln order(s) to {path}.", "", count
            ).format(path=path),
        )

    def _ask_verify_receipt(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Verify receipt"), str(export_folder()), self.tr("PDF files (*.pdf)")
        )
        if path:
            self.verify_receipt_file(Path(path))

    def verify_receipt_file(self, path: Path) -> None:
        locale = self._locale
        run_in_background(
            lambda: verify_receipt(self.app.organization, path.read_bytes(), locale),
            lambda verdict: self._show_verdict(path, verdict),
            lambda error: self.say(
                self.tr("{file} could not be read: {error}").format(file=path.name, error=error)
            ),
        )

    def _show_verdict(self, path: Path, verdict: Verification) -> None:
        icon = QMessageBox.Icon.Information if verdict.genuine else QMessageBox.Icon.Warning
        box = QMessageBox(
            icon, self.tr("Verify Receipt"), path.name, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("verifyReceiptResult")
        box.setInformativeText(verdict.message)
        box.open()

    def show_add_seats(self, seats: int | None = None) -> None:
        """The Add Seats tab, with its quantity ready to type (or set to `seats`)."""
        self.tabs.setCurrentWidget(self.add_seats_tab)
        if seats is not None:
            self.add_seats_tab.spin.setValue(seats)
        self.add_seats_tab.focus_quantity()

    def show_invoice(self, transaction_id: str) -> None:
        """A purchase's or renewal's invoice: the copy kept here, or downloaded once off the GUI
        thread."""
        client = self.app.client() if self.app.syncing else None
        self.say(self.tr("Opening the invoice…"))
        open_document(
            self,
            lambda: invoice_document(
                client, self.app.organization, transaction_id, local_data_folder(INVOICE_FOLDER)
            ),
            self.say,
            self.tr("The invoice could not be opened: {error}"),
            lambda number: self.tr("Invoice {number}").format(number=number),
            "invoiceDialog",
        )

    def show_billing_profile(self) -> BillingProfileDialog:
        from ui.billing_profile_dialog import BillingProfileDialog  # loaded when first opened

        dialog = BillingProfileDialog(
            self._administrator, self._save_billing_profile, self._locale, self
        )
        dialog.accepted.connect(lambda: self.say(self.tr("Billing profile saved.")))
        dialog.show()
        run_in_background(
            partial(billing_profile, self.app.organization),
            dialog.show_profile,
            self._billing_profile_failed,
        )
        return dialog

    def _billing_profile_failed(self, error: Exception) -> None:
        self.say(self.tr("The billing profile could not be read: {error}").format(error=error))

    def _save_billing_profile(self, administrator: object, values: dict) -> object:
        """On the thread pool: keep it here, then let the sync send it now."""
        saved = save_billing_profile(administrator, values)
        self.app.sync_now()
        return saved

    def show_seat_holders(
        self, kind: str, inactive_days: int = 0, select_all: bool = False
    ) -> SeatHoldersDialog | None:
        """The users holding seats they do not use: disabled, or inactive for `inactive_days`;
        `select_all`: all of them selected once read, ready to be freed."""
        if not self.app.syncing:
            self.say(
                self.tr(
                    "The list of users comes from the account service: sign in to it to see "
                    "who holds these seats."
                )
            )
            return None
        if kind == INACTIVE:
            filters = inactive(inactive_days)
            title = self.tr(
                "Seats held by users inactive for more than %Ln day(s)", "", inactive_days
            )
        else:
            filters, title = DISABLED, self.tr("Seats held by disabled users")
        advice = self.tr(
            "These users hold a seat but do not use it. Select them and free their seats "
            "before buying more; a release can be undone for 14 days."
        )
        from ui.seat_holders_dialog import SeatHoldersDialog  # loaded when first opened

        dialog = SeatHoldersDialog(
            self.app.client(),
            self.app.organization,
            filters,
            title,
            advice,
            self,
            self._timezone,
            self._locale,
            inactive_days or 90,
        )
        dialog.seats_changed.connect(self._seats_changed)
        if select_all:
            dialog.select_all_when_read()
        dialog.show()
        return dialog

    def _seats_changed(self) -> None:
        """Seats were freed or given back in the Seats view: the overview and the sync follow."""
        self.refresh_contract()
        self.app.sync_now()

    def refresh_contract(self) -> None:
        self._overview_reads.run()

    def _read_ledger(self) -> None:
        self.refresh_contract()
        self.history_tab.load()

    def _ledger_changed(self) -> None:
        self.refresh_contract()
        self.history_tab.refresh()

    def _show_contract(self, overview: object) -> None:
        self._overview = overview
        summary = overview.contract if overview else None
        self.sync_status.contract = summary
        self.contract_tab.show_overview(overview)
        self.add_seats_tab.set_contract(summary, overview.usage if overview else None)
        if overview is not None:
            self.add_seats_tab.set_default_purchase_order(overview.default_purchase_order)
            end, today = overview.contract.end_date, overview.contract.today
            run_in_background(
                lambda: next_reminder(self.app.organization, end, today),
                self._remind,
                lambda _: None,
            )
            self._offer_renewal(overview)

    def _offer_renewal(self, overview: Overview) -> None:
        """While the renewal window is open and nothing is renewed: a banner with Renew."""
        banner = self.sync_status.renewal_banner
        if overview.renewal is None or overview.renewed is not None:
            if overview.renewed is not None:
                banner.hide()
            return
        summary = overview.contract
        text = self.tr(
            "Your contract ends on {date}; %Ln day(s) remain.", "", summary.days_remaining
        )
        renew = self.tr("Renew")
        link = f'<a href="{RENEW_LINK}">{escape(renew)}</a>'
        banner.show_text(
            escape(text.format(date=formatting.day(summary.end_date, self._locale))) + " " + link
        )

    def show_renewal(self) -> RenewalDialog | None:
        overview = self._overview
        if overview is None or overview.renewal is None:
            return None
        administrator, contract_id = self._administrator, overview.contract.contract_id

        def record(seats: int, amount: object, purchase_order: str, instructions: str) -> object:
            recorded = renew(
                administrator, contract_id, seats, amount, True, purchase_order, instructions
            )
            self.app.sync_now()
            return recorded

        from ui.renewal_dialog import RenewalDialog  # loaded when first opened

        dialog = RenewalDialog(
            overview.renewal,
            overview.contract.start_date,
            record,
            self._locale,
            overview.default_purchase_order,
            self,
        )
        dialog.accepted.connect(self._renewal_recorded)
        dialog.show()
        return dialog

    def show_reduction_request(self) -> ReductionDialog | None:
        """Ask the account manager for fewer seats: it needs the account service."""
        summary = self.sync_status.contract
        if not self.app.syncing or summary is None:
            self.say(
                self.tr(
                    "A request for fewer seats goes to your account manager through the account "
                    "service: sign in to it, or contact your account manager directly."
                )
            )
            return None
        from ui.reduction_dialog import ReductionDialog  # loaded when first opened

        dialog = ReductionDialog(
            self.app.client(), summary.licensed_seats, self._timezone, self._locale, self
        )
        dialog.show()
        return dialog

    def show_renewal_document(self, transaction_id: str) -> None:
        """The renewal's confirmation or receipt, made off the GUI thread, to save or print."""
        locale = self._locale
        open_document(
            self,
            lambda: (transaction_id, renewal_pdf(self.app.organization, transaction_id, locale)),
            self.say,
            self.tr("The renewal's document could not be made: {error}"),
            lambda name: self.tr("Renewal {transaction_id}").format(transaction_id=name),
            "renewalDocumentDialog",
        )

    def _renewal_recorded(self) -> None:
        self.say(self.tr("Renewal recorded: it is sent to the account service, which invoices it."))
        self.refresh_contract()

    def _remind(self, reminder: Reminder | None) -> None:
        """A renewal reminder due today: a banner and, where there is one, a notification."""
        if reminder is None:
            return
        text = reminder_text(reminder, formatting.day(reminder.contract_end, self._locale))
        banner = self.sync_status.renewal_banner
        if not banner.isVisible():  # the Renew banner, when it shows, says it already
            banner.show_text(escape(text))
        self.sync_status.notify(self.tr("Contract ends soon"), text)

    def _ask_calendar_path(self) -> None:
        summary = self.sync_status.contract
        if summary is None:
            return
        path = ask_save_path(
            self,
            self.tr("Add to Calendar"),
            f"contract-{summary.end_date.isoformat()}.ics",
            self.tr("Calendar files (*.ics)"),
        )
        if path:
            self.save_calendar_to(path)

    def save_calendar_to(self, path: Path) -> Task:
        """The contract's end and the day renewal opens as an .ics file, written off the GUI
        thread; a calendar program opens it."""
        summary = self.sync_status.contract
        return run_in_background(
            lambda: write_atomically(
                path, calendar(summary.organization, summary.end_date, summary.timezone)
            ),
            lambda _: self.say(self.tr("Saved the contract's dates to {path}.").format(path=path)),
            lambda error: self.say(
                self.tr("The calendar file could not be saved: {error}").format(error=error)
            ),
        )

    def _contract_failed(self, error: Exception) -> None:
        self.say(self.tr("The contract could not be read: {error}").format(error=error))

    def _show_count(self, count: int, more: bool) -> None:
        if more:  # a text filter is counted only this far
            self.count_label.setText(self.tr("%Ln+ purchase(s)", "", count))
        else:
            self.count_label.setText(self.tr("%Ln purchase(s)", "", count))

    def _purchased(self, purchase: object) -> None:
        self.refresh_contract()
        self.history_tab.refresh()
        self.say(
            self.tr("Purchase {transaction_id} recorded.").format(
                transaction_id=purchase.transaction_id
            )
        )
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Purchase recorded"),
            self.tr("Your purchase of %Ln seat(s) is recorded.", "", purchase.seats),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("purchaseConfirmationDialog")
        box.setInformativeText(
            self.tr(
                "Transaction ID: {transaction_id}\nAmount: {amount}\n\n"
                "No payment is taken here: the vendor will send an invoice.\n"
                "The new seats go live within 5 minutes; Transaction History shows their status."
            ).format(
                transaction_id=purchase.transaction_id,
                amount=formatting.money(purchase.amount, purchase.currency, self._locale),
            )
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        view = box.addButton(self.tr("View &Receipt…"), QMessageBox.ButtonRole.ActionRole)
        view.setObjectName("viewReceiptButton")
        view.clicked.connect(lambda: self._show_receipt(purchase.transaction_id))
        box.open()

    def _show_receipt(self, transaction_id: str) -> None:
        open_receipt(self, self.app.organization, transaction_id, self._locale, self.say)


def _add_action(menu: QMenu, text: str, name: str, slot: Callable[[], object]) -> QAction:
    """A menu entry with an object name, so automation can find it."""
    action = menu.addAction(text)
    action.setObjectName(name)
    action.triggered.connect(slot)
    return action
