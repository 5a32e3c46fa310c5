"""Freeing seats from the desktop against a real service on 127.0.0.1: the desktop's service
functions, and the Seats view with its confirmation and its Undo notice in the real window."""

from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QLabel, QPushButton

from desktop.access import acting_administrator
from desktop.application import Application
from desktop.demo import seed_demo
from desktop.overview import seat_usage
from desktop.seats import FreedUser, SeatChangeRefused, SeatReleases
from desktop.service_client import ServiceClient
from desktop.session import sign_in
from service import demo_data
from service.models import SeatRelease, service_db
from tests.conftest import first_org
from tests.service_helpers import start_demo_service
from tests.test_main_window import TIMEOUT, child
from ui.free_seats_dialog import FreeSeatsDialog
from ui.main_window import MainWindow
from ui.seat_holders_dialog import SeatHoldersDialog
from ui.tasks import wait_for_background_work

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too


@pytest.fixture
def service(tmp_path):
    running = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}")
    yield running
    running.stop()


@pytest.fixture
def client(service, sqlite_db):
    seed_demo()  # the desktop's own database, where the overview's counts are kept
    client = ServiceClient(service.url)
    client.sign_in("admin@example.com", demo_data.PASSWORD)
    return client


def disabled_holders(client: ServiceClient) -> list[dict]:
    return client.users({"license": "assigned", "status": "disabled"})["users"]


def test_free_seats_and_undo_return_what_happened(client):
    holders, seats = disabled_holders(client), SeatReleases(client, first_org())
    release = seats.free([user["id"] for user in holders], "  Left  ")
    assert (release.available_before, release.available_after) == (3, 7)
    assert release.users == tuple(FreedUser(u["id"], u["name"], u["email"]) for u in holders)
    assert (release.reason, release.can_undo) == ("Left", True)
    assert (release.undo_until - release.released_at).days == 14
    assert disabled_holders(client) == []
    assert (seat_usage(first_org()).assigned, seat_usage(first_org()).assigned_disabled) == (43, 0)
    undone = seats.undo(release.id)
    assert undone.returned == release.users and undone.not_returned == ()
    assert undone.available_after == 3
    assert seat_usage(first_org()).assigned == 47  # kept for the overview at once
    with pytest.raises(SeatChangeRefused, match="undone already") as again:
        seats.undo(release.id)
    assert again.value.__cause__.code == "release_undone"  # the service's, said in words


def test_a_release_naming_a_seatless_user_is_refused_whole(client):
    holders = disabled_holders(client)
    seatless = client.users({"license": "unassigned"})["users"][0]
    with pytest.raises(SeatChangeRefused, match="holds no seat now") as refused:
        SeatReleases(client, first_org()).free([holders[0]["id"], seatless["id"]])
    assert refused.value.__cause__.code == "no_seat_held"
    assert len(disabled_holders(client)) == 4


@pytest.fixture
def window(qtbot, service, sqlite_db):
    seed_demo()
    session = sign_in(service.url, "admin@example.com", demo_data.PASSWORD)
    window = MainWindow(Application(acting_administrator("admin@example.com"), "en_US", session))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()
    wait_for_background_work()


def test_the_seats_view_frees_selected_seats_and_undoes_it(qtbot, qtmodeltester, window):
    assigned = child(window, QLabel, "seatsAssignedLabel")
    qtbot.waitUntil(lambda: assigned.text() == "47", timeout=TIMEOUT)
    button = child(window, QPushButton, "disabledSeatHoldersButton")
    qtbot.waitUntil(button.isVisible, timeout=TIMEOUT)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    view = window.show_seat_holders("disabled")
    qtbot.waitUntil(lambda: view.model.rowCount() == 4, timeout=TIMEOUT)
    qtmodeltester.check(view.model)
    assert not view.free.isEnabled()  # nothing selected yet
    selection = view.view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 1, 3):
        selection.select(view.model.index(row, 0), flags)
    assert view.free.isEnabled()
    chosen = [view.model.item(row) for row in (0, 1, 3)]

    view.free.click()
    qtbot.waitUntil(lambda: view.confirmation is not None, timeout=TIMEOUT)
    confirmation = view.confirmation
    assert isinstance(confirmation, FreeSeatsDialog) and confirmation.isVisible()
    assert confirmation.question.text() == "Free the seats of these 3 users?"
    assert confirmation.names.text().splitlines() == [f"{u.name} <{u.email}>" for u in chosen]
    assert confirmation.effect.text() == "Available seats: 3 → 6"
    assert confirmation.free.text() == "&Free 3 Seats"
    confirmation.reason.setText("Left the company")
    confirmation.free.click()
    assert not view.free.isEnabled()  # while it is sent: a second click sends nothing more

    qtbot.waitUntil(lambda: view.undo.isVisible(), timeout=TIMEOUT)
    assert view.notice.text().startswith("Freed 3 seats. Available seats: 3 → 6.")
    assert view.release.reason == "Left the company"
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=TIMEOUT)
    assert view.model.item(0).id not in {u.id for u in chosen}
    qtbot.waitUntil(lambda: assigned.text() == "44", timeout=TIMEOUT)  # the overview follows

    view.undo.click()
    qtbot.waitUntil(lambda: view.notice.text() == "Gave 3 seats back.", timeout=TIMEOUT)
    assert not view.undo.isVisible()
    qtbot.waitUntil(lambda: view.model.rowCount() == 4, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: assigned.text() == "47", timeout=TIMEOUT)


def test_the_filter_shows_each_kind_of_holder(qtbot, window):
    view = window.show_seat_holders("disabled")
    qtbot.waitUntil(lambda: view.total.text() == "4 users", timeout=TIMEOUT)
    view.filter.setCurrentIndex(1)  # inactive for more than 90 days
    qtbot.waitUntil(lambda: view.total.text() == "3 users", timeout=TIMEOUT)
    assert {view.model.item(row).status for row in range(3)} == {"active"}
    view.filter.setCurrentIndex(2)  # every holder
    qtbot.waitUntil(lambda: view.total.text() == "47 users", timeout=TIMEOUT)


def test_the_releases_are_listed_and_undone_while_allowed(qtbot, service, window):
    client = ServiceClient(service.url)
    client.sign_in("admin@example.com", demo_data.PASSWORD)
    holders, seats = disabled_holders(client), SeatReleases(client, first_org())
    old = seats.free([holders[0]["id"]], "Old")
    new = seats.free([u["id"] for u in holders[1:3]], "Left")
    with service_db.connection_context():  # the first was made 15 days ago
        made = SeatRelease.get_by_id(old.id).created_at - timedelta(days=15)
        SeatRelease.update(created_at=made).where(SeatRelease.id == old.id).execute()
    view = window.show_seat_holders("disabled")
    releases = view.show_releases()
    table = releases.table
    qtbot.waitUntil(lambda: table.rowCount() == 2, timeout=TIMEOUT)
    assert releases.status.text() == "2 releases"
    assert [r.id for r in releases.releases] == [new.id, old.id]  # newest first
    assert table.item(0, 2).text() == ", ".join(u["name"] for u in holders[1:3])
    assert (table.item(0, 3).text(), table.item(1, 3).text()) == ("Left", "Old")
    assert table.item(0, 4).text().startswith("Until ")
    assert table.item(1, 4).text() == "No longer"
    table.selectRow(1)
    assert not releases.undo.isEnabled()  # its 14 days are over
    table.selectRow(0)
    assert releases.undo.isEnabled()
    releases.undo.click()
    qtbot.waitUntil(lambda: table.item(0, 4).text().startswith("Undone "), timeout=TIMEOUT)
    assert releases.status.text() == "Gave 2 seats back."
    assert not releases.undo.isEnabled()
    assert len(disabled_holders(client)) == 3
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=TIMEOUT)  # the view follows


def test_add_seats_offers_to_free_the_disabled_users_seats_instead(qtbot, window):
    tab = window.add_seats_tab
    offer = tab.summary.free_disabled
    qtbot.waitUntil(lambda: tab.spin.isEnabled(), timeout=TIMEOUT)
    window.tabs.setCurrentWidget(tab)
    tab.spin.setValue(5)  # more than the 4 seats held by disabled users: no offer
    qtbot.waitUntil(lambda: not offer.isVisible(), timeout=TIMEOUT)
    tab.spin.setValue(3)
    qtbot.waitUntil(offer.isVisible, timeout=TIMEOUT)
    assert "Free the 4 seats held by disabled users instead" in offer.text()
    offer.linkActivated.emit("seats")
    view = window.findChild(SeatHoldersDialog, "seatHoldersDialog")
    qtbot.waitUntil(lambda: view is not None and view.model.rowCount() == 4, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: len(view.selected_users()) == 4, timeout=TIMEOUT)
    assert {u.status for u in view.selected_users()} == {"disabled"}
    assert view.free.isEnabled()


def test_users_without_a_seat_get_one_while_seats_are_available(qtbot, window):
    assigned = child(window, QLabel, "seatsAssignedLabel")
    view = window.show_seat_holders("disabled")
    qtbot.waitUntil(lambda: view.total.text() == "4 users", timeout=TIMEOUT)
    view.filter.setCurrentIndex(3)  # users without a seat
    qtbot.waitUntil(lambda: view.total.text() == "6 users", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: view.model.rowCount() == 6, timeout=TIMEOUT)
    view.view.selectAll()
    assert view.give.isEnabled() and not view.free.isEnabled()
    names = [view.model.item(row).name for row in range(6)]
    view.give.click()
    qtbot.waitUntil(lambda: view.notice.text().startswith("Gave a seat"), timeout=TIMEOUT)
    assert view.notice.text() == (
        "Gave a seat to 3 users. Available seats: 3 → 0. "
        f"No seat was available for: {', '.join(names[3:])}."
    )
    qtbot.waitUntil(lambda: view.total.text() == "3 users", timeout=TIMEOUT)
    assert [view.model.item(row).name for row in range(3)] == names[3:]
    qtbot.waitUntil(lambda: assigned.text() == "50", timeout=TIMEOUT)
