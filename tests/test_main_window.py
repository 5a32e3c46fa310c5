"""The main window driven through its object names, on a real event loop and database."""

import csv
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
)

from billing.orders import ACKNOWLEDGEMENT
from billing.proration import quote
from billing.statuses import Status
from desktop import formatting
from desktop.access import acting_administrator
from desktop.account import current_contract
from desktop.application import Application
from desktop.demo import seed_demo
from desktop.models import Contract, SeatPurchase
from desktop.purchasing import purchase_seats
from desktop.sync import Requote, SyncReport
from service import demo_data
from tests.conftest import first_org
from ui import history_model
from ui.main_window import MainWindow
from ui.tasks import wait_for_background_work

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too

TIMEOUT = 5000


def open_window(qtbot, email: str | None = None, locale: str = "en_US") -> MainWindow:
    window = MainWindow(Application(acting_administrator(email), locale))
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def window(qtbot, sqlite_db):
    seed_demo()
    window = open_window(qtbot)
    qtbot.waitUntil(
        lambda: window.count_label.text() == f"{demo_data.PAST_PURCHASES} purchases",
        timeout=TIMEOUT,
    )
    qtbot.waitUntil(lambda: "=" in child(window, QLabel, "totalLabel").text(), timeout=TIMEOUT)
    yield window
    wait_for_background_work()


def child(window, kind, name):
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def type_quantity(qtbot, window, text: str) -> None:
    spin = child(window, QSpinBox, "additionalLicenseSpin")
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)


def history_cell(window, row: int, column: int) -> str:
    view = child(window, QTableView, "transactionHistoryView")
    return view.model().index(row, column).data()


def test_contract_tab(window):
    summary = current_contract(first_org())
    period = child(window, QProgressBar, "contractPeriodBar")
    assert period.format() == formatting.date_range(summary.start_date, summary.end_date, "en_US")
    assert child(window, QLabel, "seatsPurchasedLabel").text() == "50"
    assert child(window, QLabel, "pendingSeatsLabel").text() == "0"
    assert not child(window, QLabel, "pendingSeatsLabel").isVisible()  # shown once there are
    assert child(window, QLabel, "pricePerSeatLabel").text() == "$12.50 per seat per month"
    ends = child(window, QLabel, "contractEndLabel").text()
    assert ends.startswith(f"Ends {formatting.day(summary.end_date, 'en_US')}: ")
    assert f"{summary.days_remaining} day" in ends
    manager = child(window, QLabel, "accountManagerLabel").text()
    assert 'href="mailto:dana.whitfield@example.com"' in manager and "+1 555 0142 310" in manager
    assert "Dana Whitfield" in child(window, QLabel, "fewerSeatsLabel").text()
    assert "earlier contracts" in child(window, QLabel, "earlierContractsNote").text()


def test_add_seats_button_focuses_the_quantity(qtbot, window):
    qtbot.mouseClick(child(window, QPushButton, "addSeatsButton"), Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget().objectName() == "addSeatsTab"
    qtbot.waitUntil(lambda: child(window, QSpinBox, "additionalLicenseSpin").hasFocus())


def test_purchase_flow_end_to_end(qtbot, window):
    window.show_add_seats()
    type_quantity(qtbot, window, "5")
    summary = current_contract(first_org())
    expected = quote(summary, 5, summary.today)
    total = child(window, QLabel, "totalLabel").text()
    assert total.startswith("5 seats × $12.50 per seat per month × ")
    assert total.endswith("= " + formatting.money(expected.amount, "USD", "en_US"))
    assert f"× {expected.prorated_months} month" in total

    button = child(window, QPushButton, "purchaseLicenseButton")
    box = child(window, QCheckBox, "acknowledgeCheckBox")
    assert box.text() == ACKNOWLEDGEMENT
    amount = formatting.money(expected.amount, "USD", "en_US")
    assert button.text().replace("&", "") == f"Purchase 5 seats for {amount}"
    assert not button.isEnabled()
    box.setChecked(True)
    assert button.isEnabled()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "purchaseConfirmationDialog") is not None)
    dialog = window.findChild(QMessageBox, "purchaseConfirmationDialog")
    newest = SeatPurchase.select().order_by(SeatPurchase.id.desc()).first()
    assert f"Transaction ID: {newest.transaction_id}" in dialog.informativeText()
    assert "No payment is taken here" in dialog.informativeText()
    assert "within 5 minutes" in dialog.informativeText()
    assert newest.amount == expected.amount and newest.seats == 5
    dialog.accept()

    assert not box.isChecked() and not button.isEnabled()  # the form is reset
    qtbot.waitUntil(
        lambda: window.count_label.text() == f"{demo_data.PAST_PURCHASES + 1} purchases",
        timeout=TIMEOUT,
    )
    qtbot.waitUntil(lambda: history_cell(window, 0, 1) == newest.transaction_id, timeout=TIMEOUT)
    assert history_cell(window, 0, 6) == "Queued"
    assert history_cell(window, 0, 5) == formatting.money(expected.amount, "USD", "en_US")
    pending = child(window, QLabel, "pendingSeatsLabel")
    qtbot.waitUntil(lambda: pending.text() == "5", timeout=TIMEOUT)


def test_a_double_click_buys_once(qtbot, window):
    type_quantity(qtbot, window, "2")
    child(window, QCheckBox, "acknowledgeCheckBox").setChecked(True)
    button = child(window, QPushButton, "purchaseLicenseButton")
    button.click()
    button.click()
    window.add_seats_tab._purchase()  # even a click that slips past the disabled button
    qtbot.waitUntil(
        lambda: window.count_label.text() == f"{demo_data.PAST_PURCHASES + 1} purchases",
        timeout=TIMEOUT,
    )
    wait_for_background_work()
    assert SeatPurchase.select().count() == demo_data.PAST_PURCHASES + 1


@pytest.mark.parametrize(
    "typed, message",
    [
        ("0", "at least 1"),
        ("-3", "cannot be reduced here. To reduce seats, contact your account manager, Dana"),
        ("10001", "At most 10,000"),
        ("abc", "whole number"),
        ("", "whole number"),
    ],
)
def test_invalid_quantities_say_why_and_cannot_be_bought(qtbot, window, typed, message):
    child(window, QCheckBox, "acknowledgeCheckBox").setChecked(True)
    if typed:
        type_quantity(qtbot, window, typed)
    else:
        child(window, QSpinBox, "additionalLicenseSpin").lineEdit().clear()
    label = child(window, QLabel, "quantityMessageLabel")
    assert message in label.text() and message in label.property("problem")
    spin = child(window, QSpinBox, "additionalLicenseSpin")
    assert "border: 2px solid" in child(window, QFrame, "quantityFrame").styleSheet()
    assert spin.styleSheet() == ""  # its own style, arrows and all
    assert not child(window, QPushButton, "purchaseLicenseButton").isEnabled()
    assert child(window, QLabel, "totalLabel").text() == "—"


def test_leaving_a_quantity_that_cannot_be_bought_leaves_every_part_in_step(qtbot, window):
    window.show_add_seats()
    spin = child(window, QSpinBox, "additionalLicenseSpin")
    child(window, QCheckBox, "acknowledgeCheckBox").setChecked(True)
    total = child(window, QLabel, "totalLabel")
    top = total.y()
    type_quantity(qtbot, window, "abc")
    assert total.text() == "—" and total.y() == top  # the message has its room already
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Tab)  # leave the field: it goes back to 1
    assert spin.text() == "1"
    assert child(window, QLabel, "quantityMessageLabel").text() == ""
    assert child(window, QFrame, "quantityFrame").styleSheet() == ""
    assert total.text().startswith("1 seat × ")
    assert child(window, QPushButton, "purchaseLicenseButton").isEnabled()


def test_pasted_quantity_is_priced(qtbot, window):
    spin = child(window, QSpinBox, "additionalLicenseSpin")
    spin.lineEdit().selectAll()
    spin.lineEdit().insert("250")
    assert spin.value() == 250
    assert child(window, QLabel, "totalLabel").text().startswith("250 seats × ")


def test_a_stale_total_buys_nothing_and_shows_the_new_one(qtbot, window):
    tab = window.add_seats_tab
    summary = current_contract(first_org())
    tab.set_contract(replace(summary, today=summary.start_date))  # as if shown months ago
    type_quantity(qtbot, window, "3")
    stale = child(window, QLabel, "totalLabel").text()
    child(window, QCheckBox, "acknowledgeCheckBox").setChecked(True)
    child(window, QPushButton, "purchaseLicenseButton").click()
    message = child(window, QLabel, "purchaseMessageLabel")
    qtbot.waitUntil(lambda: "nothing was bought" in message.text(), timeout=TIMEOUT)
    fresh = quote(summary, 3, summary.today)
    assert (
        child(window, QLabel, "totalLabel")
        .text()
        .endswith(formatting.money(fresh.amount, "USD", "en_US"))
    )
    assert child(window, QLabel, "totalLabel").text() != stale
    assert not child(window, QCheckBox, "acknowledgeCheckBox").isChecked()
    assert SeatPurchase.select().count() == demo_data.PAST_PURCHASES


def test_history_filters_and_sorting(qtbot, window):
    model = child(window, QTableView, "transactionHistoryView").model()
    target = history_cell(window, 3, 1)
    child(window, QLineEdit, "historyFilterEdit").setText(target.lower())
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=TIMEOUT)
    assert history_cell(window, 0, 1) == target
    assert window.count_label.text() == "1 purchase"

    child(window, QLineEdit, "historyFilterEdit").clear()
    status = child(window, QComboBox, "historyStatusCombo")
    status.setCurrentIndex(status.findData(Status.QUEUED))
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=TIMEOUT)
    status.setCurrentIndex(0)
    qtbot.waitUntil(lambda: model.rowCount() == demo_data.PAST_PURCHASES, timeout=TIMEOUT)

    contracts = child(window, QComboBox, "historyContractCombo")
    qtbot.waitUntil(lambda: contracts.count() == 3, timeout=TIMEOUT)
    contracts.setCurrentIndex(2)  # the earlier contract
    qtbot.waitUntil(lambda: 0 < model.rowCount() < demo_data.PAST_PURCHASES, timeout=TIMEOUT)
    contracts.setCurrentIndex(0)
    qtbot.waitUntil(lambda: model.rowCount() == demo_data.PAST_PURCHASES, timeout=TIMEOUT)

    view = child(window, QTableView, "transactionHistoryView")
    with qtbot.waitSignal(model.modelReset, timeout=TIMEOUT):
        view.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # Seats
    seats = [int(history_cell(window, row, 2)) for row in range(demo_data.PAST_PURCHASES)]
    assert seats == sorted(seats) and seats[0] < seats[-1]


def test_a_text_filter_counts_to_the_cap_then_further_as_the_view_scrolls(
    qtbot, window, monkeypatch
):
    monkeypatch.setattr(history_model, "PAGE_SIZE", 4)
    monkeypatch.setattr(history_model, "COUNT_CAP", 5)
    model, view = window.history_tab.model, window.history_tab.view
    view.setFixedHeight(120)  # a few rows: the view asks for more only when scrolled down
    child(window, QLineEdit, "historyFilterEdit").setText("example")
    qtbot.waitUntil(lambda: window.count_label.text() == "5+ purchases", timeout=TIMEOUT)
    assert model.rowCount() == 5 and model.canFetchMore()
    while model.canFetchMore():  # each scroll to the end counts five more
        shown = model.rowCount()
        view.scrollToBottom()
        qtbot.waitUntil(lambda s=shown: model.rowCount() > s, timeout=TIMEOUT)
    matching = SeatPurchase.select().where(SeatPurchase.purchased_by_email.contains("example"))
    assert model.rowCount() == matching.count() == demo_data.PAST_PURCHASES
    assert window.count_label.text() == f"{demo_data.PAST_PURCHASES} purchases"
    last = model.rowCount() - 1
    qtbot.waitUntil(lambda: history_cell(window, last, 1).startswith("MA-"), timeout=TIMEOUT)


def test_history_model_passes_the_model_tester(qtmodeltester, window):
    model = child(window, QTableView, "transactionHistoryView").model()
    qtmodeltester.check(model)


def test_csv_export_of_the_filtered_rows(qtbot, window, tmp_path):
    child(window, QLineEdit, "historyFilterEdit").setText("Priya")
    model = window.history_tab.model
    qtbot.waitUntil(lambda: model.query.text == "Priya", timeout=TIMEOUT)
    target = tmp_path / "priya.csv"
    with qtbot.waitSignal(window.history_tab.status_message, timeout=TIMEOUT) as done:
        window.history_tab.export_to(target)
    assert done.args[0].startswith("Exported")
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    expected = SeatPurchase.select().where(SeatPurchase.purchased_by_name == "Priya Raman").count()
    assert len(rows) == expected + 1
    columns = {name: index for index, name in enumerate(rows[0])}
    assert {row[columns["Purchased by"]] for row in rows[1:]} == {"Priya Raman"}
    assert sum(Decimal(row[columns["Amount"]]) for row in rows[1:]) > 0


def test_viewer_sees_the_permission_page(qtbot, sqlite_db):
    seed_demo()
    window = open_window(qtbot, "viewer@example.com")
    assert window.findChild(QTabWidget, "mainTabs") is None
    page = window.findChild(QLabel, "permissionExplanationLabel")
    text = page.text()
    assert "Manage Account" in text and "Viewers" in text
    assert "Administration &gt; Permission Sets" in text
    assert window.findChild(QLabel, "seatsPurchasedLabel") is None


def test_tab_order_of_add_seats(window):
    window.show_add_seats()
    named, widget = [], window.add_seats_tab.spin
    for _ in range(20):
        if widget.objectName() and widget.objectName() not in named:
            named.append(widget.objectName())
        widget = widget.nextInFocusChain()
    order = [n for n in named if n.endswith(("Spin", "Edit", "CheckBox", "Button"))]
    assert order[:5] == [
        "additionalLicenseSpin",
        "purchaseOrderEdit",
        "invoiceNoteEdit",
        "acknowledgeCheckBox",
        "purchaseLicenseButton",
    ]


def test_a_refresh_keeps_the_scroll_position(qtbot, window):
    summary, administrator = current_contract(first_org()), acting_administrator()
    for _ in range(30):  # more purchases than the view shows at once
        purchase_seats(administrator, 1, quote(summary, 1, summary.today).amount, acknowledged=True)
    window.tabs.setCurrentWidget(window.history_tab)
    window.history_tab.refresh()
    view = child(window, QTableView, "transactionHistoryView")
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 10, timeout=TIMEOUT)
    bar.setValue(bar.maximum())
    with qtbot.waitSignal(window.history_tab.model.count_changed, timeout=TIMEOUT):
        window.history_tab.refresh()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum() and bar.value() > 10, timeout=TIMEOUT)


def test_a_refresh_keeps_the_selected_purchase_though_it_moved(qtbot, window):
    """A new purchase arrives on top (as a sync brings it): the same purchase stays selected."""
    tab = window.history_tab
    window.tabs.setCurrentWidget(tab)
    tab.view.selectRow(3)
    chosen = tab.selected_transaction_id()
    assert chosen is not None and history_cell(window, 3, 1) == chosen
    summary = current_contract(first_org())
    administrator = acting_administrator()
    purchase_seats(administrator, 1, quote(summary, 1, summary.today).amount, acknowledged=True)
    with qtbot.waitSignal(tab.model.count_changed, timeout=TIMEOUT):
        tab.refresh()
    qtbot.waitUntil(lambda: tab.selected_transaction_id() == chosen, timeout=TIMEOUT)
    assert tab.view.selectionModel().selectedRows()[0].row() == 4
    assert child(window, QPushButton, "receiptButton").isEnabled()
    wait_for_background_work()


def test_window_geometry_and_tab_are_remembered(qtbot, window):
    window.tabs.setCurrentIndex(2)
    window.resize(780, 580)
    window.close()
    again = open_window(qtbot)
    again.restore_settings()
    assert again.tabs.currentIndex() == 2
    assert (again.width(), again.height()) == (780, 580)
    wait_for_background_work()


def test_about_lists_the_version_and_licences(window):
    from desktop import __version__
    from ui.about_dialog import show_about

    box = show_about(window)
    assert __version__ in box.text()
    lines = box.informativeText().splitlines()
    assert "PySide6-Essentials 6." in lines[1] and "LGPL-3.0-only" in lines[1]
    assert any(line.startswith("peewee ") and line.endswith(": MIT") for line in lines)
    assert any(line.startswith("reportlab ") and line.endswith(": BSD License") for line in lines)
    assert not box.iconPixmap().isNull()
    box.close()


def test_a_requoted_purchase_is_explained_and_nothing_is_bought(qtbot, window):
    requote = Requote("MA-OLD0-0001", 3, Decimal("112.50"), Decimal("75.00"), "USD")
    window.sync_status.show_report(SyncReport(online=True, requoted=[requote]))
    box = child(window, QMessageBox, "requoteDialog")
    assert "nothing was bought or invoiced" in box.text()
    details = box.informativeText()
    assert "MA-OLD0-0001: 3 seats for $112.50, now $75.00" in details
    child(box, QPushButton, "reviewRequoteButton").click()
    assert window.tabs.currentWidget() is window.add_seats_tab
    assert window.add_seats_tab.spin.value() == 3
    assert not child(window, QCheckBox, "acknowledgeCheckBox").isChecked()
    qtbot.waitUntil(lambda: child(window, QLabel, "totalLabel").text().startswith("3 seats"))
    assert (
        SeatPurchase.select().count() == demo_data.PAST_PURCHASES
    )  # asked again, never bought silently


def test_a_day_unit_purchase_shows_its_working_in_history(qtbot, window):
    Contract.update(proration_unit="day").execute()
    window.history_tab.refresh()
    qtbot.waitUntil(lambda: "days" in (history_cell(window, 0, 3) or ""), timeout=TIMEOUT)
    assert re.fullmatch(r"12 months × \d+/36[56] days", history_cell(window, 0, 3))


def test_statuses_are_explained_with_a_badge_and_when_seats_go_live(qtbot, window):
    summary = current_contract(first_org())
    shown = quote(summary, 2, summary.today)
    billing = acting_administrator("billing@example.com")
    purchase = purchase_seats(billing, 2, shown.amount, True)
    accepted = datetime.now(UTC) - timedelta(minutes=1)
    SeatPurchase.update(provisioning_status="pending", submitted_at=accepted).where(
        SeatPurchase.id == purchase.id
    ).execute()
    window.history_tab.refresh()
    live_by = formatting.time_of_day(accepted + timedelta(minutes=5), summary.timezone, "en_US")
    qtbot.waitUntil(
        lambda: history_cell(window, 0, 6) == f"Pending, live by {live_by}", timeout=TIMEOUT
    )
    assert history_cell(window, 0, 7) == "Not issued yet"
    model = child(window, QTableView, "transactionHistoryView").model()
    status = model.index(0, 6)
    assert "go live within 5 minutes" in status.data(Qt.ItemDataRole.ToolTipRole)
    assert not status.data(Qt.ItemDataRole.DecorationRole).isNull()
    provisioned = model.index(1, 6)  # a demo purchase, live long ago
    assert provisioned.data() == "Provisioned"
    assert "The seats are live" in provisioned.data(Qt.ItemDataRole.ToolTipRole)


def test_status_bar_messages_go_away_by_themselves(window):
    window.say("Exported 3 purchases.")
    assert window.statusBar().currentMessage() == "Exported 3 purchases."
    timers = [t for t in window.statusBar().findChildren(QTimer) if t.isActive()]
    assert any(0 < t.interval() <= 15_000 for t in timers)


def test_tab_leaves_the_history_table(qtbot, window):
    window.tabs.setCurrentWidget(window.history_tab)
    view = child(window, QTableView, "transactionHistoryView")
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=TIMEOUT)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert not view.hasFocus() and window.focusWidget() is not None


def test_history_columns_fit_their_widest_values_in_the_locale(qtbot, window):
    view = window.history_tab.view
    header, metrics = view.horizontalHeader(), view.fontMetrics()
    widest_amount = formatting.money(Decimal("99999.99"), "USD", "en_US")  # "$99,999.99"
    amount = [key for key, _, _ in history_model.COLUMNS].index("amount")
    qtbot.waitUntil(lambda: header.sectionSize(amount) > metrics.horizontalAdvance(widest_amount))
    moment = formatting.moment(datetime(2026, 9, 28, 22, 53, tzinfo=UTC), "UTC", "en_US")
    assert header.sectionSize(0) > metrics.horizontalAdvance(moment)


def test_history_keeps_what_a_glance_needs_and_details_the_rest(qtbot, window):
    from PySide6.QtGui import QGuiApplication

    tab = window.history_tab
    window.tabs.setCurrentWidget(tab)
    shown = [
        history_model.COLUMNS[c][0]
        for c in range(tab.model.columnCount())
        if not tab.view.isColumnHidden(c)
    ]
    assert shown == [
        "date",
        "transaction_id",
        "seats",
        "amount",
        "status",
        "invoice_status",
    ]
    hint = child(window, QLabel, "historyDetailsHint")
    assert (
        hint.isVisible() and not child(window, QPushButton, "copyTransactionIdButton").isEnabled()
    )
    invoiced = next(r for r in range(tab.model.rowCount()) if tab.model.row_at(r).invoice_number)
    tab.view.selectRow(invoiced)
    row = tab.model.row_at(invoiced)
    assert not hint.isVisible()
    assert child(window, QLabel, "historyDetail_purchased_by").text() == row.purchased_by
    assert child(window, QLabel, "historyDetail_invoice_number").text() == row.invoice_number
    assert child(window, QLabel, "historyDetail_purchase_order").text() == (
        row.purchase_order or "—"
    )
    assert child(window, QLabel, "historyDetail_period").text() == history_cell(window, invoiced, 4)
    assert child(window, QPushButton, "openInvoiceButton").isEnabled()
    with qtbot.waitSignal(tab.invoice_requested) as asked:
        child(window, QPushButton, "openInvoiceButton").click()
    assert asked.args == [row.transaction_id]
    child(window, QPushButton, "copyTransactionIdButton").click()
    assert QGuiApplication.clipboard().text() == row.transaction_id


def test_history_says_why_it_is_empty_and_clears_the_filter(qtbot, window):
    tab = window.history_tab
    window.tabs.setCurrentWidget(tab)
    child(window, QLineEdit, "historyFilterEdit").setText("no such purchase")
    empty = child(window, QLabel, "historyEmptyLabel")
    qtbot.waitUntil(empty.isVisible, timeout=TIMEOUT)
    assert not tab.view.isVisible()
    assert empty.text() == "No purchases match the filter: Find “no such purchase”."
    clear = child(window, QPushButton, "clearFilterButton")
    assert clear.isVisible()
    clear.click()
    qtbot.waitUntil(tab.view.isVisible, timeout=TIMEOUT)
    assert tab.filter_edit.text() == ""
    assert tab.model.rowCount() == demo_data.PAST_PURCHASES


def test_the_header_menu_chooses_more_columns(qtbot, window):
    tab = window.history_tab
    header = tab.view.horizontalHeader()
    titles = [action.text() for action in header.actions()]
    assert titles == ["Prorated months", "Period", "Purchased by", "PO number", "Invoice number"]
    purchaser = [key for key, _, _ in history_model.COLUMNS].index("purchased_by")
    assert tab.view.isColumnHidden(purchaser)
    tab.column_actions["purchased_by"].setChecked(True)  # as a click in the header's menu does
    assert not tab.view.isColumnHidden(purchaser)
    tab.column_actions["purchased_by"].setChecked(False)
    assert tab.view.isColumnHidden(purchaser)


def test_above_the_spending_limit_add_seats_and_the_confirmation_say_an_approver_decides(
    qtbot, sqlite_db
):
    seed_demo()  # the Billing set buys up to $1,000.00
    window = open_window(qtbot, "billing@example.com")
    qtbot.waitUntil(lambda: "=" in child(window, QLabel, "totalLabel").text(), timeout=TIMEOUT)
    window.show_add_seats()
    note = child(window, QLabel, "approvalNoteLabel")
    type_quantity(qtbot, window, "1")
    qtbot.waitUntil(lambda: "1 seat " in child(window, QLabel, "totalLabel").text())
    assert note.isHidden()
    type_quantity(qtbot, window, "100")
    qtbot.waitUntil(lambda: not note.isHidden(), timeout=TIMEOUT)
    assert note.text().startswith("Above your limit of $1,000.00: an approver")
    child(window, QCheckBox, "acknowledgeCheckBox").setChecked(True)
    qtbot.mouseClick(child(window, QPushButton, "purchaseLicenseButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "purchaseConfirmationDialog") is not None)
    text = window.findChild(QMessageBox, "purchaseConfirmationDialog").informativeText()
    assert "above your spending limit of $1,000.00: an approver is asked" in text
    assert "within 5 minutes" not in text
    wait_for_background_work()


def test_without_a_spending_limit_nothing_is_said_of_approval(qtbot, window):
    window.show_add_seats()
    type_quantity(qtbot, window, "100")
    qtbot.waitUntil(lambda: "100 seats" in child(window, QLabel, "totalLabel").text())
    assert child(window, QLabel, "approvalNoteLabel").isHidden()
