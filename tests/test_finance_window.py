"""A finance user (View Billing only) signed in against the real demo service: the overview,
Transaction History and the billing profile, and nothing that buys, renews or frees seats;
Administration > Permission Sets editing the new rights and the spending limit."""

from decimal import Decimal

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QTabWidget

from desktop.application import Application
from desktop.mirror import mirror_administrator
from desktop.permission_sets import PermissionSets, Rights
from desktop.service_client import ServiceClient
from desktop.session import sign_in
from service import demo_data
from tests.service_helpers import start_demo_service
from tests.test_main_window import TIMEOUT
from ui.main_window import MainWindow
from ui.permission_sets_dialog import PermissionSetsDialog
from ui.tasks import wait_for_background_work

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too


@pytest.fixture
def service(tmp_path):
    running = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}", delay=(3600, 3600))
    assert running.jobs is not None
    running.jobs.stop()
    yield running
    running.stop()


def signed_in_application(service, email: str) -> Application:
    session = sign_in(service.url, email, demo_data.PASSWORD)
    return Application(mirror_administrator(session.administrator), "en_US", session=session)


def test_the_finance_window_shows_billing_and_never_buys(qtbot, service, sqlite_db):
    app = signed_in_application(service, "finance@example.com")
    assert (app.may_manage, app.sees_billing) == (False, True)
    app.fetch_contract()
    window = MainWindow(app)
    qtbot.addWidget(window)
    app.start_syncing()
    window.show()
    try:
        tabs = window.findChild(QTabWidget, "mainTabs")
        assert tabs is not None
        titles = [tabs.tabText(index) for index in range(tabs.count())]
        assert titles == ["&Contract", "&Transaction History"]
        qtbot.waitUntil(
            lambda: window.count_label.text() == f"{demo_data.PAST_PURCHASES} purchases",
            timeout=TIMEOUT,
        )
        qtbot.waitUntil(lambda: window.sync_status.contract is not None, timeout=TIMEOUT)
        # A whole sync round (every step a finance user's desktop runs) keeps the tabs.
        with qtbot.waitSignal(window.sync_status.reported, timeout=TIMEOUT) as round_done:
            app.sync_now()
        assert not round_done.args[0].permission_lost, round_done.args[0].problem
        assert round_done.args[0].problem is None
        assert window.findChild(QTabWidget, "mainTabs") is tabs
        for name in ("addSeatsButton", "renewContractButton", "inactiveSeatHoldersButton"):
            button = window.findChild(QPushButton, name)
            assert button is None or not button.isVisible(), name
        actions = {action.objectName() for action in window.findChildren(QAction)}
        assert {"billingProfileAction", "exportDocumentsAction", "quotesAction"} <= actions
        assert "permissionSetsAction" not in actions
    finally:
        app.stop()
        wait_for_background_work()


def test_permission_sets_edit_the_new_rights_and_limit(qtbot, service, sqlite_db):
    client = ServiceClient(service.url)
    client.sign_in("admin@example.com", demo_data.PASSWORD)
    sets = PermissionSets(client)
    billing = next(each for each in sets.listed() if each.name == "Billing")
    assert billing.rights == Rights(True, False, False, Decimal("1000.00"))
    dialog = PermissionSetsDialog(sets)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.sets.count() > 0, timeout=TIMEOUT)
    names = [each.name for each in dialog._listed]
    dialog.sets.setCurrentRow(names.index("Finance"))
    assert dialog.view_billing.isChecked() and not dialog.manage_account.isChecked()
    assert dialog.spending_limit.text() == ""
    dialog.spending_limit.setText("-5")
    dialog.save.click()
    assert "spending limit" in dialog.message.text()
    dialog.approve_purchases.setChecked(True)
    dialog.spending_limit.setText("250.5")
    dialog.save.click()
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Saved"), timeout=TIMEOUT)
    assert dialog.spending_limit.text() == "250.50"
    finance = next(each for each in sets.listed() if each.name == "Finance")
    assert finance.rights == Rights(False, True, True, Decimal("250.50"))
    wait_for_background_work()
