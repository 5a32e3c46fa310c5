"""The reclaim policy and the alerts from the desktop against a real service on 127.0.0.1: the
typed client, the Reclaim Policy dialog (its preview read before it can be saved), the Alerts
dialog, both opened from the Seats view by keyboard, and the notice when a sync finds fewer
seats available than the alert's threshold (once per crossing)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from desktop.access import acting_administrator
from desktop.alerts import (
    Alerts,
    AlertSettings,
    AlertSettingsRefused,
    Recipient,
    SeatAlert,
)
from desktop.application import Application
from desktop.demo import seed_demo
from desktop.reclaim import PolicyRefused, Reclaiming, ReclaimPolicy
from desktop.seat_holders import HOLDERS, SeatUsers
from desktop.seats import SeatReleases
from desktop.service_client import ServiceClient
from desktop.session import sign_in
from desktop.sync import SyncReport
from service import demo_data
from tests.conftest import first_org
from tests.service_helpers import start_demo_service
from tests.test_main_window import TIMEOUT
from ui.alerts_dialog import AlertsDialog
from ui.reclaim_policy_dialog import ReclaimPolicyDialog
from ui.seat_alert_notice import SeatAlertNotice
from ui.seat_holders_dialog import SeatHoldersDialog, SeatsServices
from ui.seats_card import SeatsCard
from ui.tasks import wait_for_background_work

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too


@pytest.fixture
def service(tmp_path):
    running = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}")
    running.jobs.stop()  # no e-mail or daily run behind the tests' back
    yield running
    running.stop()


@pytest.fixture
def client(service, sqlite_db):
    seed_demo()
    client = ServiceClient(service.url)
    client.sign_in("admin@example.com", demo_data.PASSWORD)
    yield client
    wait_for_background_work()


def test_the_policy_and_its_preview_as_values(client):
    reclaiming = Reclaiming(client)
    policy = reclaiming.read()
    assert (policy.enabled, policy.disabled_for_days, policy.inactive_for_days) == (False, 7, 90)
    found = reclaiming.preview(7, 90)
    assert [user.reason for user in found.users].count("disabled") == 4
    assert [user.reason for user in found.users].count("inactive") == 3
    assert found.total == 7
    kept = found.users[0].id
    chosen = ReclaimPolicy(True, 14, 120, True, frozenset({kept}))
    saved = reclaiming.save(chosen)
    assert saved.body() == chosen.body()
    assert (saved.updated_by, saved.warning_days) == ("Alex Morgan", 7)
    contoso = ServiceClient(client.base_url)
    contoso.sign_in("admin@contoso.example", demo_data.CONTOSO.password)
    with pytest.raises(PolicyRefused, match="no longer in this organization"):
        Reclaiming(contoso).save(ReclaimPolicy(True, 7, 90, False, frozenset({kept})))
    assert Reclaiming(contoso).read().enabled is False


def test_the_alert_settings_as_values_and_the_notice_once_per_crossing(client):
    alerts = Alerts(client, first_org())
    assert alerts.read() == AlertSettings()
    chosen = AlertSettings(5, 10, True, False, (Recipient("ops@northwind.example", "de"),))
    assert alerts.save(chosen) == chosen
    with pytest.raises(AlertSettingsRefused, match="nobody is not an e-mail address"):
        alerts.save(AlertSettings(recipients=(Recipient("nobody"),)))
    assert alerts.seat_alert() == SeatAlert(3, 5, crossed=True)  # 3 below 5
    assert alerts.seat_alert() == SeatAlert(3, 5, crossed=False)  # said once
    alerts.save(AlertSettings(2, None, False, False, ()))  # 3 is not below 2: clears
    assert alerts.seat_alert() is None
    alerts.save(chosen)  # below again: said again
    assert alerts.seat_alert() == SeatAlert(3, 5, crossed=True)


@pytest.fixture
def seats_view(qtbot, client):
    services = SeatsServices(
        SeatUsers(client),
        SeatReleases(client, first_org()),
        Reclaiming(client),
        Alerts(client, first_org()),
    )
    view = SeatHoldersDialog(services, HOLDERS, "Seats", "")
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    qtbot.waitActive(view)
    return view


def press_by_keyboard(qtbot, view: SeatHoldersDialog, tabs: int) -> None:
    """From the filter, Tab `tabs` times and press Space: the button is reachable by keys."""
    view.filter.setFocus()
    for _ in range(tabs):
        qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Space)


def test_the_reclaim_policy_dialog_previews_before_it_saves(qtbot, seats_view, client):
    press_by_keyboard(qtbot, seats_view, 1)
    dialog = seats_view.findChild(ReclaimPolicyDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 7, timeout=TIMEOUT)
    # "seat(s)" until the catalogue has the plural forms
    assert dialog.status.text().startswith("Applied now, the policy would free 7 seat")
    reasons = [dialog.table.item(row, 3).text() for row in range(7)]
    assert (reasons.count("Disabled"), reasons.count("Inactive")) == (4, 3)
    assert dialog.save.isEnabled()
    dialog.table.item(0, 0).setCheckState(Qt.CheckState.Checked)  # exempt the first
    assert dialog.status.text().startswith("Applied now, the policy would free 6 seat")
    dialog.inactive_days.setValue(730)
    assert not dialog.save.isEnabled()  # the days changed: preview them first
    dialog.refresh.setFocus()
    qtbot.keyClick(dialog.refresh, Qt.Key.Key_Space)
    qtbot.waitUntil(dialog.save.isEnabled, timeout=TIMEOUT)
    assert [dialog.table.item(row, 3).text() for row in range(dialog.table.rowCount())] == [
        "Disabled"
    ] * 4
    dialog.enabled.setChecked(True)
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT) as saved:
        qtbot.keyClick(dialog.save, Qt.Key.Key_Return)
    policy = saved.args[0]
    assert (policy.enabled, policy.disabled_for_days, policy.inactive_for_days) == (True, 7, 730)
    assert Reclaiming(client).read().exempt_user_ids == policy.exempt_user_ids
    assert len(policy.exempt_user_ids) == 1


def test_the_alerts_dialog_keeps_the_settings_and_says_a_refusal(qtbot, seats_view, client):
    press_by_keyboard(qtbot, seats_view, 2)
    dialog = seats_view.findChild(AlertsDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.save.isEnabled, timeout=TIMEOUT)
    assert not dialog.seats.isEnabled()
    dialog.seats_on.setChecked(True)
    dialog.seats.setValue(4)
    dialog.overdue.setChecked(True)
    qtbot.keyClicks(dialog.address, "not an address")
    dialog.add.click()
    with qtbot.waitSignal(dialog.save.clicked, timeout=TIMEOUT):
        dialog.save.click()
    qtbot.waitUntil(lambda: "not an e-mail address" in dialog.status.text(), timeout=TIMEOUT)
    assert dialog.isVisible()
    dialog.recipients.selectRow(0)
    dialog.remove.click()
    qtbot.keyClicks(dialog.address, "ops@northwind.example")
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.add.click()
    shown = [dialog.recipients.item(0, column).text() for column in (0, 1)]
    assert shown == ["ops@northwind.example", "German"]
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        dialog.save.click()
    assert Alerts(client, first_org()).read() == AlertSettings(
        4, None, True, False, (Recipient("ops@northwind.example", "de"),)
    )


def test_a_sync_below_the_threshold_is_noticed_once(qtbot, english, service, client):
    Alerts(client, first_org()).save(AlertSettings(5, None, False, False, ()))
    session = sign_in(service.url, "admin@example.com", demo_data.PASSWORD)
    application = Application(acting_administrator("admin@example.com"), "en_US", session)
    window = QMainWindow()
    qtbot.addWidget(window)
    notice = SeatAlertNotice(application, window)
    card = SeatsCard("en_US")  # the overview's Seats card, marked while below
    qtbot.addWidget(card)
    card.show()
    notice.checked.connect(card.show_alert)
    with qtbot.waitSignal(notice.alerted, timeout=TIMEOUT):
        notice.after_sync(SyncReport())
    assert card.alert_text.isVisible()
    assert card.alert_text.text() == "Below your alert: fewer than 5 seats available."
    assert notice.shown == (
        "3 seats available, fewer than the 5 your alert watches for. Free seats in Seats or add "
        "seats."
    )
    if notice.tray is None:  # no system tray here: the status bar says it
        assert window.statusBar().currentMessage() == notice.shown
    notice.shown = None
    with qtbot.assertNotEmitted(notice.alerted):
        notice.after_sync(SyncReport())  # too soon after the last check
        notice._checked_at = None
        notice.after_sync(SyncReport())  # checked, but still below: said once only
        notice._checked_at = None
        notice.after_sync(SyncReport(online=False))  # offline: not checked
    assert notice.shown is None
    assert card.alert_text.isVisible()  # still below: still marked
    Alerts(client, first_org()).save(AlertSettings(2, None, False, False, ()))  # 3 is not below 2
    notice._checked_at = None
    with qtbot.waitSignal(notice.checked, timeout=TIMEOUT):
        notice.after_sync(SyncReport())
    qtbot.waitUntil(lambda: not card.alert_text.isVisible(), timeout=TIMEOUT)
