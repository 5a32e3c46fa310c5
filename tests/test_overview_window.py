"""The overview and the order summary in the real window, and the seat holders' list read
from a real service on 127.0.0.1, a page at a time."""

import csv
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar, QPushButton, QToolTip

from desktop import formatting
from desktop.access import acting_administrator
from desktop.account import current_contract
from desktop.application import Application
from desktop.demo import seed_demo
from desktop.models import SeatPurchase
from desktop.session import sign_in
from service import demo_data
from service.models import AccountUser, Organization, service_db
from tests.conftest import first_org
from tests.service_helpers import start_demo_service
from tests.test_main_window import TIMEOUT, child, open_window, type_quantity
from tests.test_overview import purchases_by_day
from ui.history_model import COLUMNS
from ui.main_window import MainWindow
from ui.seat_holders_dialog import SeatHoldersDialog
from ui.tasks import wait_for_background_work

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too


@pytest.fixture
def window(qtbot, sqlite_db):
    seed_demo()
    window = open_window(qtbot)
    qtbot.waitUntil(
        lambda: child(window, QLabel, "seatsPurchasedLabel").text() != "…", timeout=TIMEOUT
    )
    return window


def test_the_overview_shows_the_demo_figures(window):
    assert child(window, QLabel, "seatsPurchasedLabel").text() == "50"
    assert child(window, QLabel, "seatsAssignedLabel").text() == "47"
    assert child(window, QLabel, "seatsAvailableLabel").text() == "3"
    assert child(window, QLabel, "pendingSeatsLabel").text() == "0"
    assert child(window, QPushButton, "disabledSeatHoldersButton").isVisible()  # Review…
    disabled = child(window, QLabel, "disabledSeatHoldersLabel")
    assert disabled.isVisible() and disabled.text() == "4 held by disabled users"
    inactive = child(window, QLabel, "inactiveSeatHoldersLabel")
    assert inactive.text() == "3 held by users inactive for over 90 days"
    bar = window.contract_tab.usage_bar
    assert bar.accessibleDescription() == "47 of 50 seats assigned, 0 pending"
    summary = current_contract(first_org())
    period = child(window, QProgressBar, "contractPeriodBar")
    # It fills with the time gone by and names the period: no second count of days left.
    assert period.format() == formatting.date_range(summary.start_date, summary.end_date, "en_US")
    assert period.maximum() - period.value() == summary.days_remaining
    spent = sum(
        (
            p.amount
            for p in SeatPurchase.select().where(SeatPurchase.contract == summary.contract_id)
        ),
        Decimal(0),
    )
    bought = child(window, QLabel, "boughtThisContractLabel").text()
    assert bought == f"Bought this contract: {formatting.money(spent, 'USD', 'en_US')}"


def test_the_chart_has_a_step_per_day_and_names_its_purchases(qtbot, window):
    chart = window.contract_tab.chart
    qtbot.waitUntil(lambda: chart._hover_steps != [], timeout=TIMEOUT)
    days = purchases_by_day(list(SeatPurchase.select().order_by(SeatPurchase.provisioned_at)))
    assert [(step.day, step.transaction_id) for step, _ in chart._hover_steps] == [
        (day, bought[0].transaction_id) for day, bought in days.items()
    ]
    busy = next(step for step, _ in chart._hover_steps if step.purchases > 1)
    assert chart._step_text(busy, False).startswith(f"{busy.purchases} purchases live on")
    assert chart._hover_x == sorted(chart._hover_x)  # left to right, as time goes
    description = chart.accessibleDescription()
    assert description.count("seats at the start") == 2  # both contracts, in words
    first, _ = chart._hover_steps[0]
    x = chart._hover_x[0]
    assert chart._step_near(x - 2)[0] == first  # the first: nothing lies left of it
    assert chart._step_near(x - 40 if x > 60 else x + 400) != (first, False)
    qtbot.mouseMove(chart, QPoint(int(x), chart.height() // 2))
    qtbot.waitUntil(lambda: first.transaction_id in QToolTip.text(), timeout=TIMEOUT)
    window.tabs.setCurrentWidget(window.history_tab)  # the chart hides, and its tip with it
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=TIMEOUT)


def test_the_chart_saves_as_png(qtbot, window, tmp_path):
    target = tmp_path / "timeline.png"
    chart = window.contract_tab.chart
    shown = chart.grab().toImage()
    with qtbot.waitSignal(window.contract_tab.message, timeout=TIMEOUT) as saved:
        window.contract_tab.save_chart_to(target)
    assert saved.args[0].startswith("Saved the seat timeline")
    image = QImage(str(target))
    assert image.size() == shown.size() and not image.isNull()
    line = chart.palette().color(chart.palette().ColorRole.Highlight).rgb()
    assert any(  # the seat line is in the picture
        image.pixel(x, y) == line for x in range(image.width()) for y in range(0, image.height(), 2)
    )


def test_a_queued_purchase_shows_as_pending_and_dashed(qtbot, window):
    type_quantity(qtbot, window, "3")
    window.add_seats_tab.acknowledge.setChecked(True)
    window.add_seats_tab.purchase_button.click()
    pending = child(window, QLabel, "pendingSeatsLabel")
    qtbot.waitUntil(lambda: pending.text() == "3", timeout=TIMEOUT)
    chart = window.contract_tab.chart
    qtbot.waitUntil(lambda: any(p for _, p in chart._hover_steps), timeout=TIMEOUT)
    assert "3 seats bought and not live yet." in chart.accessibleDescription()
    wait_for_background_work()


def test_the_order_summary_before_buying(qtbot, window):
    window.show_add_seats()
    type_quantity(qtbot, window, "5")
    summary = current_contract(first_org())
    assert child(window, QLabel, "summarySeatsLabel").text() == "50 → 55 (47 assigned)"
    months = child(window, QLabel, "summaryMonthsLabel").text()
    assert months.startswith(formatting.date_range(summary.today, summary.end_date, "en_US"))
    total = child(window, QLabel, "summaryAmountLabel").text()
    assert total in child(window, QLabel, "totalLabel").text()  # the same amount in both
    assert window.add_seats_tab.purchase_button.text() == f"&Purchase 5 seats for {total}"
    unused = child(window, QLabel, "summaryUnusedSeatsLabel")
    assert unused.isVisible() and unused.text().startswith("4 seats are held by disabled users")


def test_a_bad_po_number_blocks_the_purchase_until_fixed(qtbot, window):
    window.show_add_seats()
    type_quantity(qtbot, window, "2")
    window.add_seats_tab.acknowledge.setChecked(True)
    button = window.add_seats_tab.purchase_button
    edit = child(window, QLineEdit, "purchaseOrderEdit")
    edit.setText("PO\t2026")  # pasted from a spreadsheet with a tab in it
    message = child(window, QLabel, "referencesMessageLabel")
    assert message.isVisible() and "purchase order number" in message.text()
    assert not button.isEnabled()
    edit.setText("PO-2026-0117")
    assert not message.isVisible() and button.isEnabled()
    window.add_seats_tab.invoice_note.setPlainText("Cost centre 4711")
    before = SeatPurchase.select().count()
    button.click()
    qtbot.waitUntil(lambda: SeatPurchase.select().count() == before + 1, timeout=TIMEOUT)
    newest = SeatPurchase.select().order_by(SeatPurchase.id.desc()).first()
    assert (newest.purchase_order, newest.invoice_note) == ("PO-2026-0117", "Cost centre 4711")
    qtbot.waitUntil(lambda: edit.text() == "", timeout=TIMEOUT)  # cleared for the next one
    model = window.history_tab.model  # the history shows it, with the note as its tooltip
    po = [key for key, _, _ in COLUMNS].index("purchase_order")
    qtbot.waitUntil(lambda: model.index(0, po).data() == "PO-2026-0117", timeout=TIMEOUT)
    assert model.index(0, po).data(Qt.ItemDataRole.ToolTipRole) == "Cost centre 4711"
    assert model.headerData(po, Qt.Orientation.Horizontal) == "PO number"
    wait_for_background_work()


def test_without_the_service_the_list_says_how_to_get_it(qtbot, window):
    assert window.show_seat_holders("disabled") is None
    assert "sign in" in window.statusBar().currentMessage()


@pytest.fixture
def signed_in(qtbot, tmp_path, sqlite_db):
    service = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}")
    seed_demo()
    session = sign_in(service.url, "admin@example.com", demo_data.PASSWORD)
    window = MainWindow(Application(acting_administrator("admin@example.com"), "en_US", session))
    qtbot.addWidget(window)
    window.show()
    yield window, service
    window.close()
    wait_for_background_work()
    service.stop()


def test_the_disabled_users_list_and_its_export(qtbot, qtmodeltester, signed_in, tmp_path):
    window, _service = signed_in
    button = child(window, QPushButton, "disabledSeatHoldersButton")
    qtbot.waitUntil(button.isVisible, timeout=TIMEOUT)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(SeatHoldersDialog, "seatHoldersDialog")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 4, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: dialog.total.text() == "4 users", timeout=TIMEOUT)
    qtmodeltester.check(dialog.model)
    names = [dialog.model.item(row).name for row in range(4)]
    assert names == sorted(names)
    assert {dialog.model.index(row, 2).data() for row in range(4)} == {"Disabled"}
    target = tmp_path / "disabled.csv"
    dialog.export_to(target)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Exported 4 users"), timeout=TIMEOUT)
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Name", "E-mail", "Status", "Last active (UTC)"]
    assert [row[0] for row in rows[1:]] == names


def test_the_list_pages_as_it_scrolls(qtbot, signed_in):
    window, _service = signed_in
    seen = datetime.now(UTC) - timedelta(days=5)
    with service_db.connection_context():
        northwind = Organization.get(Organization.name == demo_data.ORGANIZATION)
        AccountUser.insert_many(
            [
                {
                    "organization": northwind,
                    "name": f"Temp {n:04d}",
                    "email": f"temp{n}@northwind.example",
                    "holds_seat": True,
                    "active": False,
                    "last_active_at": seen,
                }
                for n in range(450)
            ]
        ).execute()
    dialog = window.show_seat_holders("disabled")
    model = dialog.model
    qtbot.waitUntil(lambda: model.rowCount() == 200, timeout=TIMEOUT)
    assert dialog.total.text() == "454 users"
    while model.canFetchMore():
        model.fetchMore()
        qtbot.waitUntil(lambda: not model._fetching, timeout=TIMEOUT)
    assert model.rowCount() == 454
    assert len({model.item(row).id for row in range(454)}) == 454
    inactive = window.show_seat_holders("inactive", 90)
    qtbot.waitUntil(lambda: inactive.model.rowCount() == 3, timeout=TIMEOUT)
