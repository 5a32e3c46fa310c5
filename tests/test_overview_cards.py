"""The overview's cards in the real window on demo data: each fact with its action, and the
whole overview, chart included, without scrolling on a 1366x768 laptop and a 1024x640 panel."""

import pytest
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

from desktop.account import current_contract
from desktop.demo import seed_demo
from desktop.history import HistoryQuery, fetch_page
from tests.conftest import NORTHWIND, first_org
from tests.test_main_window import TIMEOUT, child, open_window
from ui.contract_tab import CHART_HEIGHT

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too


@pytest.fixture
def window(qtbot, sqlite_db):
    seed_demo()
    window = open_window(qtbot)
    qtbot.waitUntil(lambda: window.overview_state.read, timeout=TIMEOUT)
    return window


def test_the_seats_card_reviews_the_seats_held_by_users_who_do_not_use_them(qtbot, window):
    card = window.contract_tab.seats
    assert [card.purchased.text(), card.assigned.text(), card.available.text()] == ["50", "47", "3"]
    assert child(window, QLabel, "disabledSeatHoldersLabel").text() == "4 held by disabled users"
    review = child(window, QPushButton, "disabledSeatHoldersButton")
    with qtbot.waitSignal(card.seat_holders_requested) as asked:
        review.click()
    assert asked.args == ["disabled", 90]
    assert "sign in" in window.statusBar().currentMessage()  # no service: says how to get it


def test_the_contract_card_names_the_period_and_the_days_left_once(window):
    summary = current_contract(first_org())
    bar = child(window, QProgressBar, "contractPeriodBar")
    whole = (summary.end_date - summary.start_date).days + 1
    assert (bar.maximum(), bar.value()) == (whole, whole - summary.days_remaining)  # time gone by
    assert "remaining" not in bar.format() and "left" not in bar.format()
    texts = [label.text() for label in window.contract_tab.contract.findChildren(QLabel)]
    assert sum(f"{summary.days_remaining} day" in text for text in texts) == 1
    assert not child(window, QPushButton, "renewContractButton").isVisible()  # nothing offered


def test_the_billing_card_opens_the_overdue_invoices(qtbot, window):
    (overdue,) = fetch_page(HistoryQuery(NORTHWIND, invoice="overdue"), 5)
    notice = child(window, QLabel, "overdueNoticeLabel")
    assert notice.isVisible() and overdue.invoice_number in notice.text()
    still_open = fetch_page(HistoryQuery(NORTHWIND, invoice="open"), 50)
    open_label = child(window, QLabel, "openInvoicesLabel").text()
    assert f"{len(still_open)} invoice" in open_label
    child(window, QPushButton, "openInvoicesButton").click()
    assert window.tabs.currentWidget() is window.history_tab
    assert window.history_tab.invoice_combo.currentData() == "overdue"
    model = window.history_tab.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=TIMEOUT)


@pytest.mark.parametrize(
    ("size", "wide"), [((1240, 700), True), ((976, 592), False)], ids=["1366x768", "1024x640"]
)
def test_the_overview_fits_with_a_notice(qtbot, window, size, wide):
    """The window's size on each screen (ui.screen_fit): the cards in a row above the chart,
    or two by two beside it; no scrolling; the chart at least 200 px high."""
    window.sync_status._announce_live([("MA-7K3F-9Q2D", 3)])
    window.sync_status.offline_banner.show_text("Working offline.")
    window.resize(*size)
    tab = window.contract_tab
    qtbot.waitUntil(lambda: tab._wide is wide, timeout=TIMEOUT)
    qtbot.wait(50)  # the layout settles
    assert window.notices.isVisible() and window.notices.more.isVisible()
    assert tab.scroll_area.verticalScrollBar().maximum() == 0
    assert tab.chart.height() >= CHART_HEIGHT and tab.save_chart.isVisible()
    viewport = tab.scroll_area.viewport()
    bottom = tab.save_chart.mapTo(viewport, tab.save_chart.rect().bottomLeft()).y()
    assert bottom <= viewport.height()  # the axis and Save Chart above the fold
    seats, contract, billing, manager = tab.cards
    if wide:
        assert seats.y() == contract.y() == billing.y() == manager.y()
        assert tab.timeline.y() > seats.y() + seats.height()
    else:
        assert (seats.x(), contract.y()) == (billing.x(), seats.y())
        assert tab.timeline.x() > manager.x() + manager.width()
