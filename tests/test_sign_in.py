"""Sign-in, who sees what, Administration > Permission Sets, and losing Manage Account."""

import re
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QWidget,
)

from desktop.access import acting_administrator, may_manage_account
from desktop.application import Application
from desktop.demo import seed_demo
from desktop.mirror import mirror_administrator
from desktop.models import Contract, SeatPurchase
from desktop.service_client import ServiceClient
from desktop.session import SignedIn, sign_in
from desktop.sync import Credentials, SyncEngine, SyncReport
from service import audit, demo_data
from service.models import AuditEvent, Organization, service_db
from service.server import start_service
from tests.service_helpers import PASSWORD, call, start_demo_service
from tests.service_helpers import sign_in as raw_sign_in
from tests.test_main_window import TIMEOUT
from ui.audit_log_model import PAGE_SIZE
from ui.main_window import MainWindow
from ui.sign_in_dialog import SignInDialog
from ui.tasks import wait_for_background_work


@pytest.fixture
def service(sqlite_db, tmp_path):
    seed_demo()
    running = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}", delay=(3600, 3600))
    yield running
    wait_for_background_work()
    running.stop()


def window_for(qtbot, service, email: str) -> MainWindow:
    session = sign_in(service.url, email, PASSWORD)
    administrator = mirror_administrator(session.administrator)
    window = MainWindow(Application(administrator, "en_US", session))
    qtbot.addWidget(window)
    window.show()
    return window


def dialog_attempt(qtbot, service, email: str, password: str) -> SignInDialog:
    dialog = SignInDialog(service.url, email, password)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(QLabel, "signInMessageLabel").clear()
    dialog.button.click()
    qtbot.waitUntil(
        lambda: dialog.button.isEnabled() or dialog.session is not None, timeout=TIMEOUT
    )
    return dialog


class AppDriver:
    """Steps run on the app's own event loop while main() runs it: each waits for what it
    needs, and after 20 s all give up, closing what the app opened (seen["stuck"] says what)."""

    def __init__(self) -> None:
        from PySide6.QtWidgets import QApplication

        self.earlier = set(QApplication.topLevelWidgets())  # windows other tests left behind
        self.deadline = time.monotonic() + 20
        self.seen: dict = {}

    def new(self, name: str) -> object | None:
        """The app's visible top-level widget of that name, opened since the driver began."""
        from PySide6.QtWidgets import QApplication

        found = [
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == name and w not in self.earlier and w.isVisible()
        ]
        return found[0] if found else None

    def when(self, find: Callable[[], object | None], then: Callable[[object], None]) -> None:
        """`then(found)` once `find()` finds something, looking every 50 ms."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        def look() -> None:
            if time.monotonic() >= self.deadline:
                shown = QApplication.topLevelWidgets()
                self.seen["stuck"] = [w.objectName() for w in shown if w.isVisible()]
                for name in ("signInDialog", "mainWindow"):
                    if (widget := self.new(name)) is not None:
                        widget.close()
                return
            found = find()
            if found is None:
                QTimer.singleShot(50, look)
            else:
                then(found)

        QTimer.singleShot(50, look)


def test_sign_in_dialog_signs_in(qtbot, service):
    dialog = dialog_attempt(qtbot, service, "billing@example.com", PASSWORD)
    assert dialog.session.administrator["email"] == "billing@example.com"
    assert dialog.result() == SignInDialog.DialogCode.Accepted


def test_wrong_credentials_do_not_say_which(qtbot, service):
    for email, password in (("billing@example.com", "nope"), ("nobody@example.com", PASSWORD)):
        dialog = dialog_attempt(qtbot, service, email, password)
        assert dialog.session is None
        assert dialog.message.text() == "The e-mail or the password is wrong."


def test_lock_out_says_when_to_try_again(qtbot, service):
    for _ in range(5):
        dialog_attempt(qtbot, service, "viewer@example.com", "nope")
    dialog = dialog_attempt(qtbot, service, "viewer@example.com", PASSWORD)
    assert dialog.session is None
    assert dialog.message.text().startswith(
        "Too many failed sign-ins for this e-mail. Try again after "
    )


def test_keep_signed_in_needs_a_secure_store(qtbot, service):
    dialog = SignInDialog(service.url)
    qtbot.addWidget(dialog)
    keep = dialog.findChild(QCheckBox, "keepSignedInCheckBox")
    import keyring
    from keyring.backends import fail

    assert not keep.isEnabled()  # until the store has answered, off the GUI thread
    qtbot.waitUntil(lambda: keep.toolTip() != "", timeout=TIMEOUT)
    if isinstance(keyring.get_keyring(), fail.Keyring):
        assert not keep.isEnabled()
        assert "no secure credential store" in dialog.message.text()
    else:
        assert keep.isEnabled()


def test_viewer_sees_the_permission_page(qtbot, service):
    window = window_for(qtbot, service, "viewer@example.com")
    assert window.findChild(QTabWidget, "mainTabs") is None
    assert "Viewers" in window.findChild(QLabel, "permissionExplanationLabel").text()


def test_billing_sees_the_tabs_and_of_administration_only_approvals(qtbot, service):
    window = window_for(qtbot, service, "billing@example.com")
    assert window.findChild(QTabWidget, "mainTabs") is not None
    titles = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert titles == ["File", "Administration", "Help"]
    actions = {action.objectName() for action in window.findChildren(QAction)}
    assert "approvalsAction" in actions  # their purchases above the limit
    assert not {"permissionSetsAction", "auditLogAction"} & actions


def test_admin_grants_manage_account_in_permission_sets(qtbot, service):
    window = window_for(qtbot, service, "admin@example.com")
    titles = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert titles == ["File", "Administration", "Help"]
    dialog = window.show_permission_sets()
    qtbot.waitUntil(lambda: dialog.sets.count() == 4, timeout=TIMEOUT)  # Finance too
    names = [dialog.sets.item(i).text() for i in range(4)]
    dialog.sets.setCurrentRow(next(i for i, n in enumerate(names) if n.startswith("Viewers")))
    assert not dialog.manage_account.isChecked()
    viewer = raw_sign_in(service, "viewer@example.com")
    assert call(service, "GET", "/v1/contract", token=viewer)[0] == 403
    dialog.manage_account.setChecked(True)
    dialog.save.click()
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Saved"), timeout=TIMEOUT)
    assert call(service, "GET", "/v1/contract", token=viewer)[0] == 200  # at the next request


def test_losing_manage_account_moves_to_the_permission_page_and_clears_data(qtbot, service):
    window = window_for(qtbot, service, "billing@example.com")
    admin = raw_sign_in(service, "admin@example.com")
    billing_set = next(
        s
        for s in call(service, "GET", "/v1/permission-sets", token=admin)[1]["permission_sets"]
        if s["name"] == "Billing"
    )
    window.app.start_syncing()
    try:
        qtbot.waitUntil(
            lambda: window.sync_status.label.text().startswith("Online"), timeout=TIMEOUT
        )
        call(
            service,
            "PATCH",
            f"/v1/permission-sets/{billing_set['id']}",
            {"manage_account": False},
            admin,
        )
        window.app.sync_now()
        qtbot.waitUntil(lambda: window.findChild(QTabWidget, "mainTabs") is None, timeout=TIMEOUT)
        assert window.findChild(QLabel, "permissionExplanationLabel") is not None
        qtbot.waitUntil(lambda: SeatPurchase.select().count() == 0, timeout=TIMEOUT)
        assert Contract.select().count() == 0
    finally:
        window.app.stop()


def test_an_overview_read_under_way_when_the_permission_goes_arrives_at_no_deleted_tab(
    qtbot, service
):
    window = window_for(qtbot, service, "billing@example.com")
    state = window.overview_state
    qtbot.waitUntil(lambda: state.read, timeout=TIMEOUT)
    state.read = False
    state.refresh()
    window.sync_status.permission_lost.emit()
    qtbot.waitUntil(lambda: state.read, timeout=TIMEOUT)  # pytest-qt fails on a slot's error
    assert window.findChild(QLabel, "permissionExplanationLabel") is not None
    page = window.centralWidget()
    window.sync_status.permission_lost.emit()  # the next round's 403: the page stays as it is
    assert window.centralWidget() is page
    status = window.sync_status
    status.show_report(SyncReport(online=False, problem="down"))  # the banners outlive the tabs
    status.show_report(SyncReport())
    qtbot.waitUntil(lambda: status.label.text().startswith("Online"), timeout=TIMEOUT)
    assert status.offline_banner.isHidden()


def test_sign_out_ends_the_session(qtbot, service):
    window = window_for(qtbot, service, "billing@example.com")
    token = window.app.session.token
    assert isinstance(window.app.session, SignedIn)
    window.sign_out()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=TIMEOUT)
    assert call(service, "GET", "/v1/contract", token=token)[0] == 401


def test_audit_log_dialog_shows_the_trail_and_exports_it(qtbot, service, tmp_path):
    window = window_for(qtbot, service, "admin@example.com")
    dialog = window.show_audit_log()
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=TIMEOUT)
    assert dialog.chain.text() == "✔ The audit trail is intact."
    header = dialog.model.headerData(0, Qt.Orientation.Horizontal)
    assert header == f"When ({demo_data.TIMEZONE})"  # shown in the organization's time
    actions = {dialog.model.index(row, 2).data() for row in range(dialog.model.rowCount())}
    assert "Sign-in" in actions
    dialog.action.setCurrentIndex(dialog.action.findData("sign-in"))
    qtbot.waitUntil(
        lambda: (
            {dialog.model.index(r, 2).data() for r in range(dialog.model.rowCount())} == {"Sign-in"}
        ),
        timeout=TIMEOUT,
    )
    target = tmp_path / "audit.csv"
    dialog.export_to(target)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Exported"), timeout=TIMEOUT)
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("When (UTC),Who,Action")
    assert len(lines) == dialog.model.rowCount() + 1


def test_receipt_exports_reach_the_audit_trail(qtbot, service, tmp_path):
    window = window_for(qtbot, service, "admin@example.com")
    qtbot.waitUntil(
        lambda: window.history_tab.model.rowCount() == demo_data.PAST_PURCHASES, timeout=TIMEOUT
    )
    with qtbot.waitSignal(window.history_tab.receipts_exported, timeout=3 * TIMEOUT):
        window.history_tab.export_receipts_to(tmp_path / "receipts")
    admin = raw_sign_in(service, "admin@example.com")

    def recorded() -> list:
        trail = call(service, "GET", "/v1/audit-events?action=receipts%20exported", token=admin)[1]
        return trail["events"]

    qtbot.waitUntil(lambda: len(recorded()) == 1, timeout=TIMEOUT)
    assert recorded()[0]["details"] == {"count": demo_data.PAST_PURCHASES}


def test_a_viewer_signing_in_through_the_app_keeps_no_contract_data(qapp, service, tmp_path):
    from desktop.app import main
    from desktop.ledger import close_ledger, open_ledger

    url = f"sqlite:///{tmp_path / 'manage-account.db'}"
    close_ledger()
    driver = AppDriver()

    def sign_in_as_viewer(dialog) -> None:
        dialog.email.setText("viewer@example.com")
        dialog.password.setText(PASSWORD)
        dialog.button.click()
        driver.when(lambda: driver.new("mainWindow"), look)

    def look(window) -> None:
        driver.seen["page"] = window.findChild(QLabel, "permissionExplanationLabel") is not None
        window.close()

    driver.when(lambda: driver.new("signInDialog"), sign_in_as_viewer)
    assert main(["--database", url, "--service", service.url]) == 0
    assert driver.seen == {"page": True}

    open_ledger(url)
    assert SeatPurchase.select().count() == 0 and Contract.select().count() == 0


def remote(email: str, permission_set: str, manage_account: bool) -> dict:
    return {
        "name": "Sam Doe",
        "email": email,
        "permission_set": permission_set,
        "permissions": {"manage_account": manage_account, "manage_permission_sets": False},
    }


def test_mirrored_administrator_carries_the_service_permissions(sqlite_db):
    """A first sign-in on an empty database, then a move to a set without Manage Account."""
    first = mirror_administrator(remote("sam@example.com", "Finance", True))
    assert may_manage_account(first)
    moved = mirror_administrator(remote("sam@example.com", "Readers", False))
    assert not may_manage_account(moved)
    assert moved.id == first.id and moved.permission_set.name == "Readers"


def test_audit_log_reads_pages_as_it_scrolls_and_exports_them_all(qtbot, service, tmp_path):
    with service_db.connection_context():
        northwind = Organization.get(Organization.name == "Northwind Traders").id
        for number in range(450):
            audit.record(northwind, "receipts exported", "admin@example.com", {"count": number})
        ours = AuditEvent.select().where(AuditEvent.organization == northwind)
        total = ours.count() + 1  # and the sign-in below
        oldest = ours.order_by(AuditEvent.id).first().hash
    window = window_for(qtbot, service, "admin@example.com")
    dialog = window.show_audit_log()
    model = dialog.model
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE, timeout=TIMEOUT)
    assert model.canFetchMore()
    while model.rowCount() < total:
        dialog.view.scrollToBottom()
        rows = model.rowCount()
        qtbot.waitUntil(lambda rows=rows: model.rowCount() > rows, timeout=TIMEOUT)
    assert model.rowCount() == total and not model.canFetchMore()
    assert model.index(total - 1, 4).data() == oldest
    target = tmp_path / "audit.csv"
    dialog.export_to(target)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Exported"), timeout=TIMEOUT)
    assert len(target.read_text(encoding="utf-8-sig").splitlines()) == total + 1


def test_enter_in_the_password_field_signs_in(qtbot, service):
    dialog = SignInDialog(service.url, "billing@example.com", "")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setFocus()
    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.session is not None and dialog.result() == QDialog.DialogCode.Accepted


def test_enter_in_the_email_field_signs_in_and_escape_quits(qtbot, service):
    dialog = SignInDialog(service.url, "billing@example.com", "wrong")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.email, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: "wrong" in dialog.message.text(), timeout=TIMEOUT)
    assert dialog.isVisible() and dialog.session is None  # a wrong password never closes it
    assert dialog.button.isDefault()
    with qtbot.waitSignal(dialog.rejected, timeout=TIMEOUT):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_tab_goes_through_every_field_then_the_buttons_left_to_right(qtbot, service):
    dialog = SignInDialog(service.url)
    qtbot.addWidget(dialog)
    dialog.show()
    order, widget = [], dialog.email
    for _ in range(6):
        order.append(widget)
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or not widget.isVisible():
            widget = widget.nextInFocusChain()
    assert [w.objectName() for w in order[:3]] == [
        "signInEmailEdit",
        "signInPasswordEdit",
        "keepSignedInCheckBox",
    ]
    buttons = order[3:]
    assert {b.objectName() for b in buttons} == {
        "signInSettingsButton",
        "signInButton",
        "signInQuitButton",
    }
    places = [b.mapTo(dialog, b.rect().topLeft()).x() for b in buttons]
    assert places == sorted(places)  # the visual order


def test_audit_log_reads_as_prose_in_local_time_and_closes(qtbot, service):
    window = window_for(qtbot, service, "admin@example.com")
    window.app.client().report_audit_event("receipts exported", {"count": 12, "folder_kind": "x"})
    dialog = window.show_audit_log()
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=TIMEOUT)
    newest = [dialog.model.index(0, column).data() for column in range(4)]
    assert newest[2] == "Receipts exported"
    assert newest[3] == "count: 12, folder kind: x"
    assert re.fullmatch(r"[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M", newest[0])
    assert dialog.model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole) == newest[3]
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    close.click()
    assert not dialog.isVisible()


def test_the_permission_page_names_whom_to_ask_and_keeps_a_menu(qtbot, service, monkeypatch):
    window = window_for(qtbot, service, "viewer@example.com")
    page = window.findChild(QWidget, "permissionRequiredPage")
    managers = page.findChild(QLabel, "permissionManagersLabel")
    qtbot.waitUntil(lambda: "admin@example.com" in managers.text(), timeout=TIMEOUT)
    assert "Alex Morgan" in managers.text() and "contoso" not in managers.text()
    assert "billing@example.com" not in managers.text()  # Billing may not manage permission sets
    opened = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(bytes(url.toEncoded()).decode())
    )
    page.findChild(QPushButton, "requestAccessButton").click()
    [mail] = opened
    assert mail.startswith("mailto:admin@example.com?subject=Please%20enable%20Manage%20Account")
    assert "Administration%20%3E%20Permission%20Sets" in mail and "Sam%20Lee" in mail
    names = {action.objectName() for action in window.findChildren(QAction) if action.objectName()}
    assert {"signOutAction", "switchAccountAction", "aboutAction", "settingsAction"} <= names
    assert "exportReceiptsAction" not in names


def test_settings_open_from_the_sign_in_dialog(qtbot, service):
    dialog = SignInDialog(service.url)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(QPushButton, "signInSettingsButton").click()
    settings = dialog.settings_dialog
    qtbot.waitUntil(settings.isVisible, timeout=TIMEOUT)
    assert settings.findChild(QLineEdit, "serviceUrlEdit").text() is not None
    assert settings.parent() is dialog  # over the sign-in, which stays open behind it
    settings.reject()
    assert dialog.isVisible() and not dialog.restart_needed


def test_work_offline_opens_local_data_and_reconnects_by_itself(qtbot, sqlite_db, tmp_path):
    seed_demo()
    service_url = f"sqlite:///{tmp_path / 'service.db'}"
    running = start_demo_service(service_url)
    address, port = running.url, urlsplit(running.url).port
    running.stop()  # the service is down
    dialog = SignInDialog(address, "billing@example.com", PASSWORD)
    qtbot.addWidget(dialog)
    dialog.show()
    offline_button = dialog.findChild(QPushButton, "workOfflineButton")
    assert not offline_button.isVisible()
    dialog.button.click()
    qtbot.waitUntil(offline_button.isVisible, timeout=TIMEOUT)
    assert "Check your network" in dialog.message.text()
    assert "Work Offline" in dialog.message.text()
    offline_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.session is None
    assert dialog.offline.email == "billing@example.com"
    application = Application(
        acting_administrator(dialog.offline.email), "en_US", offline=dialog.offline
    )
    window = MainWindow(application)
    qtbot.addWidget(window)
    window.show()
    application.start_syncing()
    try:
        banner = window.findChild(QLabel, "offlineBanner")
        assert banner.isVisible() and "Working offline" in banner.text()
        window.sign_out_everywhere()  # no session yet: said, and the window stays
        assert "working offline" in window.statusBar().currentMessage() and window.isVisible()
        history = window.history_tab
        qtbot.waitUntil(lambda: history.model.rowCount() == demo_data.PAST_PURCHASES)
        with qtbot.waitSignal(history.receipts_exported, timeout=3 * TIMEOUT):
            history.export_receipts_to(tmp_path / "receipts")
        assert len(list((tmp_path / "receipts").glob("*.pdf"))) == demo_data.PAST_PURCHASES
        label = window.sync_status.label
        qtbot.waitUntil(lambda: label.text().startswith("Offline"), timeout=TIMEOUT)
        assert application.session is None
        running = start_service(service_url, port=port, demo=True, check_responses=True)
        qtbot.waitUntil(lambda: label.text().startswith("Online"), timeout=3 * TIMEOUT)
        assert application.session is not None and application.offline is None
        assert application.session.administrator["email"] == "billing@example.com"
        assert not banner.isVisible()
        assert call(running, "GET", "/v1/contract", token=application.session.token)[0] == 200
    finally:
        application.stop()
        wait_for_background_work()
        running.stop()


def test_work_offline_is_offered_only_where_the_account_data_is(qtbot, sqlite_db, tmp_path):
    seed_demo()
    running = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}")
    address = running.url
    running.stop()
    for email in ("viewer@example.com", "nobody@example.com"):  # no Manage Account; unknown
        dialog = SignInDialog(address, email, PASSWORD)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.button.click()
        qtbot.waitUntil(lambda d=dialog: "Check your network" in d.message.text())
        assert not dialog.findChild(QPushButton, "workOfflineButton").isVisible()


def test_work_offline_is_withdrawn_when_the_e_mail_changes(qtbot, sqlite_db, tmp_path):
    seed_demo()
    running = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}")
    address = running.url
    running.stop()
    dialog = SignInDialog(address, "billing@example.com", PASSWORD)
    qtbot.addWidget(dialog)
    dialog.show()
    offline_button = dialog.findChild(QPushButton, "workOfflineButton")
    dialog.button.click()
    qtbot.waitUntil(offline_button.isVisible, timeout=TIMEOUT)
    dialog.email.setText("viewer@example.com")  # checked for the other e-mail only
    assert not offline_button.isVisible()
    offline_button.click()  # even if it were pressed: nothing opens for an unchecked e-mail
    assert dialog.offline is None and dialog.result() != QDialog.DialogCode.Accepted


def test_a_password_typed_offline_that_is_wrong_is_tried_once(service):
    engine = SyncEngine(ServiceClient(service.url), Credentials("billing@example.com", "wrong"))
    report = engine.run_once()
    assert report.session_ended and report.session is None  # the window asks for it
    assert engine.credentials is None  # never sent again: it could lock the e-mail out
    assert engine.run_once().session_ended


def test_the_app_opens_offline_from_the_sign_in_dialog(qapp, tmp_path):
    """Through main(): the service is down, Work Offline opens the window on local data."""
    from desktop.app import main
    from desktop.ledger import close_ledger, open_ledger

    url = f"sqlite:///{tmp_path / 'manage-account.db'}"
    close_ledger()
    open_ledger(url)
    seed_demo()
    close_ledger()
    running = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}")
    address = running.url
    running.stop()
    driver = AppDriver()

    def try_to_sign_in(dialog) -> None:
        dialog.email.setText("billing@example.com")
        dialog.password.setText(PASSWORD)
        dialog.button.click()
        offered = dialog.findChild(QPushButton, "workOfflineButton")
        driver.when(lambda: offered if offered.isVisible() else None, work_offline)

    def work_offline(button) -> None:
        button.click()
        driver.when(lambda: driver.new("mainWindow"), look)

    def look(window) -> None:
        banner = window.findChild(QLabel, "offlineBanner")
        driver.seen["offline"] = banner is not None and banner.isVisible()
        driver.seen["tabs"] = window.findChild(QTabWidget, "mainTabs") is not None
        window.close()

    driver.when(lambda: driver.new("signInDialog"), try_to_sign_in)
    assert main(["--database", url, "--service", address]) == 0
    assert driver.seen == {"offline": True, "tabs": True}


def test_work_offline_after_the_session_ended_signs_in_again_by_itself(qtbot, service):
    from desktop.session import WorkingOffline

    session = sign_in(service.url, "billing@example.com", PASSWORD)
    application = Application(mirror_administrator(session.administrator), "en_US", session=session)
    reports = []
    application.add_sync_listener(reports.append)
    application.start_syncing()
    try:
        qtbot.waitUntil(lambda: any(r.online for r in reports), timeout=TIMEOUT)
        # Chosen in the dialog that asked for the password again, while the service was away.
        application.resume_offline(WorkingOffline(service.url, "billing@example.com", PASSWORD))
        assert application.session is None and application.syncing
        qtbot.waitUntil(lambda: application.session is not None, timeout=TIMEOUT)
        assert application.session.token != session.token and application.offline is None
        assert call(service, "GET", "/v1/contract", token=application.session.token)[0] == 200
    finally:
        application.stop()
