"""The main window's menus: File, Administration (for who may manage permission sets, approve
or buy) and Help; without Manage Account only what does not touch the contract."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop.i18n import translate

if TYPE_CHECKING:
    from desktop.models import PermissionSet
    from ui.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    """The menus as the window's user may use them now (built again when that changes)."""
    bar = window.menuBar()
    bar.clear()
    menu = bar.addMenu(translate("MainWindow", "&File"))
    if window.sees_billing:  # finance too: documents, billing profile, quotes
        exports, documents = window.exports, window.documents
        for text, name, slot in (
            (
                translate("MainWindow", "&Export Receipts…"),
                "exportReceiptsAction",
                exports.ask_export_receipts,
            ),
            (
                translate("MainWindow", "Export &Documents…"),
                "exportDocumentsAction",
                exports.ask_export_docs,
            ),
            (
                translate("MainWindow", "&Verify Receipt…"),
                "verifyReceiptAction",
                documents.ask_verify_receipt,
            ),
            (
                translate("MainWindow", "&Billing Profile…"),
                "billingProfileAction",
                window.show_billing_profile,
            ),
        ):
            _add_action(menu, text, name, slot)
        if window.app.syncing:  # quotes come from the service
            _add_action(
                menu,
                translate("MainWindow", "Q&uotes…"),
                "quotesAction",
                lambda: show_quotes(window),
            )
            window.add_seats_tab.quotes = window.app.quotes
            window.add_seats_tab.approvers = lambda: [
                each.name for each in window.app.approvals().approvers()
            ]
    settings = _add_action(
        menu, translate("MainWindow", "&Settings…"), "settingsAction", window.show_settings
    )
    settings.setMenuRole(QAction.MenuRole.PreferencesRole)
    settings.setShortcut(QKeySequence.StandardKey.Preferences)
    menu.addSeparator()
    app, account = window.app, window.account
    if app.syncing:
        for text, name, slot in (
            (translate("MainWindow", "Sign &Out"), "signOutAction", window.sign_out),
            (
                translate("MainWindow", "Si&gn Out Everywhere"),
                "signOutEverywhereAction",
                window.sign_out_everywhere,
            ),
            (
                translate("MainWindow", "S&witch Account…"),
                "switchAccountAction",
                account.switch_account,
            ),
        ):
            _add_action(menu, text, name, slot)
    menu.addAction(translate("MainWindow", "&Quit"), QKeySequence.StandardKey.Quit, window.close)
    administrator = app.administrator
    if app.syncing and administrator:
        _administration_menu(window, administrator.permission_set)
    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    _add_action(
        help_menu,
        translate("MainWindow", "&Learn more about Manage Account"),
        "learnMoreAction",
        _learn_more,
    )
    if window.may_manage:
        _add_action(
            help_menu,
            translate("MainWindow", "Check for &Updates…"),
            "checkUpdatesAction",
            lambda: window.update_bar.check(asked=True),
        )
    _add_action(
        help_menu,
        translate("MainWindow", "&About Manage Account"),
        "aboutAction",
        lambda: _show_about(window),
    )


def _administration_menu(window: MainWindow, rights: PermissionSet) -> None:
    """Permission sets and the audit log for who may manage permission sets; Approvals for
    approvers and for buyers, whose purchases above their limit wait there."""
    entries: list[tuple[str, str, Callable[[], object]]] = []
    if rights.manage_permission_sets:
        entries += [
            (
                translate("MainWindow", "&Permission Sets…"),
                "permissionSetsAction",
                window.show_permission_sets,
            ),
            (translate("MainWindow", "&Audit Log…"), "auditLogAction", window.show_audit_log),
        ]
    if window.may_manage or rights.approve_purchases:
        entries.append(
            (translate("MainWindow", "App&rovals…"), "approvalsAction", window.show_approvals)
        )
    if entries:
        administration = window.menuBar().addMenu(translate("MainWindow", "Ad&ministration"))
        for text, name, slot in entries:
            _add_action(administration, text, name, slot)


def show_quotes(window: MainWindow) -> None:
    """The Quotes list; an order from a quote is a purchase like one from Add Seats."""
    from ui.quotes_dialog import QuotesDialog

    app, tab = window.app, window.add_seats_tab
    administrator = app.administrator
    if administrator is None:
        return
    ordered = tab.purchased.emit if app.may_manage else None  # View Billing reads them only
    QuotesDialog(app.quotes(), administrator, app.locale, ordered, window).open()


def _learn_more() -> None:
    from ui.about_dialog import LEARN_MORE_URL  # with About: loaded when first asked for

    QDesktopServices.openUrl(QUrl(LEARN_MORE_URL))


def _show_about(window: MainWindow) -> None:
    from ui.about_dialog import show_about  # reads the licences' metadata: not at start

    show_about(window)


def _add_action(menu: QMenu, text: str, name: str, slot: Callable[[], object]) -> QAction:
    """A menu entry with an object name, so automation can find it."""
    action = menu.addAction(text)
    action.setObjectName(name)
    action.triggered.connect(slot)
    return action
