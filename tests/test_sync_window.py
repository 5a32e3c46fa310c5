"""The window while syncing: statuses move from Queued to Provisioned, banners and offline."""

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop.access import acting_administrator
from desktop.application import Application
from desktop.demo import seed_demo
from desktop.models import SeatPurchase
from desktop.service_client import ServiceClient
from desktop.sync import Credentials, SyncEngine
from service import demo_data
from tests.conftest import NORTHWIND, first_org
from tests.service_helpers import PASSWORD, start_demo_service
from tests.test_main_window import TIMEOUT, history_cell
from ui.main_window import MainWindow
from ui.tasks import wait_for_background_work

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too


def open_syncing_window(qtbot, service_url: str):
    app = Application(acting_administrator("billing@example.com"), "en_US")
    window = MainWindow(app)
    qtbot.addWidget(window)
    engine = SyncEngine(
        ServiceClient(service_url, timeout=2), Credentials("billing@example.com", PASSWORD)
    )
    app.start_syncing(engine)
    window.show()
    qtbot.waitUntil(
        lambda: window.count_label.text() == f"{demo_data.PAST_PURCHASES} purchases",
        timeout=TIMEOUT,
    )
    qtbot.waitUntil(lambda: window.sync_status.contract is not None, timeout=TIMEOUT)
    return window, app


@pytest.fixture
def demo(sqlite_db):
    seed_demo()


def buy_in_window(qtbot, window) -> str:
    window.show_add_seats()
    window.add_seats_tab.spin.setValue(4)
    window.add_seats_tab.acknowledge.setChecked(True)
    window.add_seats_tab.purchase_button.click()
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "purchaseConfirmationDialog") is not None,
        timeout=TIMEOUT,
    )
    window.findChild(QMessageBox, "purchaseConfirmationDialog").accept()
    return SeatPurchase.select().order_by(SeatPurchase.id.desc()).first().transaction_id


def test_seats_go_live_and_the_window_says_so(qtbot, demo, tmp_path):
    service = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}", delay=(0.5, 0.5))
    window, app = open_syncing_window(qtbot, service.url)
    try:
        qtbot.waitUntil(
            lambda: window.sync_status.label.text().startswith("Online"), timeout=TIMEOUT
        )
        transaction_id = buy_in_window(qtbot, window)
        qtbot.waitUntil(lambda: history_cell(window, 0, 1) == transaction_id, timeout=TIMEOUT)
        qtbot.waitUntil(lambda: history_cell(window, 0, 6) == "Provisioned", timeout=3 * TIMEOUT)
        assert history_cell(window, 0, 7).startswith("INV-")
        banner = window.findChild(QLabel, "liveSeatsBanner")
        qtbot.waitUntil(banner.isVisible, timeout=TIMEOUT)
        assert transaction_id in banner.text() and "4 new seats are live" in banner.text()
        banner.linkActivated.emit("#dismiss")  # the reader has seen it
        assert not banner.isVisible()
        licensed = window.findChild(QLabel, "seatsPurchasedLabel")
        qtbot.waitUntil(lambda: licensed.text() == "54", timeout=TIMEOUT)
    finally:
        app.stop()
        wait_for_background_work()
        service.stop()


def test_offline_window_keeps_working_and_says_so(qtbot, demo):
    window, app = open_syncing_window(qtbot, "http://127.0.0.1:9")
    try:
        qtbot.waitUntil(
            lambda: window.sync_status.label.text().startswith("Offline"), timeout=TIMEOUT
        )
        assert "purchases are kept" in window.sync_status.label.text()
        transaction_id = buy_in_window(qtbot, window)
        qtbot.waitUntil(lambda: history_cell(window, 0, 1) == transaction_id, timeout=TIMEOUT)
        assert history_cell(window, 0, 6) == "Queued"
    finally:
        app.stop()
        wait_for_background_work()


def test_a_late_purchase_raises_the_delay_banner(qtbot, demo):
    late = SeatPurchase.select().order_by(SeatPurchase.id.desc()).first()
    SeatPurchase.update(provisioning_status="pending").where(SeatPurchase.id == late.id).execute()
    window, app = open_syncing_window(qtbot, "http://127.0.0.1:9")
    try:
        banner = window.findChild(QLabel, "delayBanner")
        qtbot.waitUntil(banner.isVisible, timeout=TIMEOUT)
        assert late.transaction_id in banner.text()
        assert (
            "Dana Whitfield" in banner.text()
            and "mailto:dana.whitfield@example.com" in banner.text()
        )
    finally:
        app.stop()
        wait_for_background_work()


def test_the_delay_banner_names_the_account_manager_once_the_contract_is_read(qtbot, demo):
    from desktop.account import current_contract
    from ui.sync_status import SyncStatus

    status = SyncStatus(NORTHWIND, "en_US", syncing=True)
    qtbot.addWidget(status.delay_banner)
    status.delay_banner.show()
    late = SeatPurchase.select().first()
    status._show_delayed([late])  # a sync's report came before the contract was read
    assert late.transaction_id in status.delay_banner.text()
    assert "Dana Whitfield" not in status.delay_banner.text()
    status.contract = current_contract(first_org())
    assert "Dana Whitfield" in status.delay_banner.text()
