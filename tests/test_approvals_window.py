"""Administration > Approvals against the real demo service on 127.0.0.1: the approver approves
the demo's pending purchase (the order is then on the service) or denies it with a reason, the
requester sees their own request and no buttons, no one decides on their own request, the
service down or a request decided meanwhile is a message, and Contoso never sees Northwind's."""

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLabel

from desktop.application import Application
from desktop.approvals import Approval, Approvals
from desktop.mirror import mirror_administrator
from desktop.permission_sets import PermissionSets, Rights
from desktop.service_client import NotSignedIn, ServiceClient, ServiceError
from desktop.session import sign_in
from service import demo_data
from service.models import SeatOrder, service_db
from tests.service_helpers import start_demo_service
from tests.test_main_window import TIMEOUT
from ui.approvals_dialog import ApprovalsDialog
from ui.main_window import MainWindow
from ui.tasks import wait_for_background_work

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too
APPROVER, REQUESTER = "admin@example.com", "billing@example.com"


@pytest.fixture
def service(tmp_path, sqlite_db):
    running = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}", delay=(3600, 3600))
    assert running.jobs is not None
    running.jobs.stop()
    yield running
    wait_for_background_work()
    running.stop()


def client_of(service, email: str) -> ServiceClient:
    client = ServiceClient(service.url)
    contoso = email.endswith("@contoso.example")
    client.sign_in(email, demo_data.CONTOSO.password if contoso else demo_data.PASSWORD)
    return client


def window_of(qtbot, service, email: str) -> MainWindow:
    session = sign_in(service.url, email, demo_data.PASSWORD)
    app = Application(mirror_administrator(session.administrator), "en_US", session=session)
    window = MainWindow(app)
    qtbot.addWidget(window)
    window.show()
    return window


def demo_request(service) -> Approval:
    """The demo's purchase by Priya Raman (billing@example.com) above her $1,000.00 limit."""
    pending = Approvals(client_of(service, APPROVER)).list("pending")
    assert [each.requested_by.email for each in pending] == [REQUESTER]
    return pending[0]


def opened(qtbot, dialog: ApprovalsDialog, rows: int = 1) -> ApprovalsDialog:
    if dialog.parent() is None:  # else deleted with its window
        qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == rows, timeout=TIMEOUT)
    return dialog


def shown_all(qtbot, dialog: ApprovalsDialog) -> None:
    dialog.status.setCurrentIndex(dialog.status.findText("All"))
    qtbot.waitUntil(lambda: not dialog.message.text().startswith("Loading"), timeout=TIMEOUT)


def test_the_approver_approves_the_pending_request_and_the_order_is_placed(qtbot, service):
    request = demo_request(service)
    window = window_of(qtbot, service, APPROVER)
    actions = {action.objectName() for action in window.findChildren(QAction)}
    assert "approvalsAction" in actions
    dialog = opened(qtbot, window.administration.show_approvals())
    row = dialog.model.cells(dialog.model.approvals[0])
    assert (row[1], row[2], row[6]) == ("Priya Raman", str(request.seats), "Pending")
    assert row[3] == f"${request.amount:,}" and request.currency == "USD"
    assert dialog.approve_button.isVisible() and dialog.approve_button.isEnabled()
    shown_all(qtbot, dialog)
    dialog.view.selectRow(0)
    dialog.approve_button.click()
    said = dialog.tr(  # "12 seats" once the English catalogue has its plural
        "Approved {id}: the order for %Ln seat(s) was placed.", "", request.seats
    ).format(id=request.id)
    assert said.startswith(f"Approved {request.id}: the order for {request.seats} seat")
    qtbot.waitUntil(lambda: dialog.message.text() == said, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: dialog.model.approvals[0].status == "approved", timeout=TIMEOUT)
    approved = dialog.model.approvals[0]
    assert dialog.model.cells(approved)[6:] == ("Approved", "Alex Morgan")
    assert window.statusBar().currentMessage() == said
    assert not dialog.approve_button.isEnabled()  # decided: nothing more to do
    with service_db.connection_context():
        order = SeatOrder.get(SeatOrder.transaction_id == request.transaction_id)
        assert (order.seats, order.amount_minor) == (request.seats, int(request.amount * 100))
    assert Approvals(client_of(service, REQUESTER)).list()[0].status == "approved"


def test_the_approver_denies_with_a_reason_the_requester_reads(qtbot, service, monkeypatch):
    request = demo_request(service)
    dialog = opened(qtbot, ApprovalsDialog(Approvals(client_of(service, APPROVER)), APPROVER, True))
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: asked.append(args[2]) or ("", True))
    dialog.deny_button.click()
    assert "a reason of 1 to 500 characters" in dialog.message.text()  # nothing sent
    assert Approvals(client_of(service, APPROVER)).list("pending") == [request]
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("  Over budget until Q1. ", True))
    dialog.deny_button.click()
    qtbot.waitUntil(lambda: dialog.message.text() == f"Denied {request.id}.", timeout=TIMEOUT)
    assert asked == ["Why is it denied? Priya Raman is told this reason:"]
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=TIMEOUT)  # none pending now
    mine = Approvals(client_of(service, REQUESTER)).list()
    assert (mine[0].status, mine[0].reason) == ("denied", "Over budget until Q1.")
    assert mine[0].decided_by is not None and mine[0].decided_by.email == APPROVER
    shown_all(qtbot, dialog)
    assert dialog.model.cells(dialog.model.approvals[0])[6:] == (
        "Denied",
        "Alex Morgan: Over budget until Q1.",
    )
    with service_db.connection_context():
        assert not SeatOrder.select().where(SeatOrder.transaction_id == request.transaction_id)


def test_the_requester_sees_their_request_and_no_buttons(qtbot, service):
    request = demo_request(service)
    window = window_of(qtbot, service, REQUESTER)
    dialog = opened(qtbot, window.administration.show_approvals())
    assert dialog.status.currentText() == "All"  # what became of them, decided or not
    assert [each.id for each in dialog.model.approvals] == [request.id]
    assert dialog.model.cells(request)[6] == "Pending"
    assert not dialog.approve_button.isVisible() and not dialog.deny_button.isVisible()
    assert "until an approver decides" in dialog.intro.text()


def test_no_one_decides_on_their_own_request(qtbot, service):
    request = demo_request(service)
    admin_sets = PermissionSets(client_of(service, APPROVER))
    billing = next(each for each in admin_sets.listed() if each.name == "Billing")
    admin_sets.change(billing.id, Rights(True, False, True, billing.rights.spending_limit))
    requester = Approvals(client_of(service, REQUESTER))  # an approver now, sees all
    dialog = opened(qtbot, ApprovalsDialog(requester, REQUESTER.upper(), True))
    assert dialog.approve_button.isVisible()
    assert not dialog.approve_button.isEnabled() and not dialog.deny_button.isEnabled()
    assert "Your own request" in dialog.approve_button.toolTip()
    with pytest.raises(NotSignedIn) as refused:
        requester.approve(request.id)
    assert (refused.value.status, refused.value.code) == (403, "own_request")
    assert dialog._refusal_text(request, refused.value) == (
        f"Nothing was done: {request.id} is your own request; another approver decides on it."
    )
    assert requester.list("pending") == [request]


def test_a_request_decided_meanwhile_is_a_message_and_read_again(qtbot, service):
    request = demo_request(service)
    approvals = Approvals(client_of(service, APPROVER))
    dialog = opened(qtbot, ApprovalsDialog(approvals, APPROVER, True))
    Approvals(client_of(service, APPROVER)).approve(request.id)  # on another computer
    dialog.approve_button.click()
    said = f"Nothing was done: {request.id} was decided by another approver meanwhile."
    qtbot.waitUntil(lambda: dialog.message.text() == said, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=TIMEOUT)  # not pending now
    with service_db.connection_context():
        sent = SeatOrder.select().where(SeatOrder.transaction_id == request.transaction_id)
        assert len(sent) == 1


def test_the_service_down_is_a_message(qtbot, service):
    down = ApprovalsDialog(Approvals(ServiceClient("http://127.0.0.1:9")), APPROVER, True)
    qtbot.addWidget(down)
    qtbot.waitUntil(lambda: "could not be read" in down.message.text(), timeout=TIMEOUT)
    assert "cannot be reached" in down.message.text()
    assert down.model.rowCount() == 0 and not down.approve_button.isEnabled()
    dialog = opened(qtbot, ApprovalsDialog(Approvals(client_of(service, APPROVER)), APPROVER, True))
    service.stop()  # after the list was read, before the decision
    dialog.approve_button.click()
    qtbot.waitUntil(
        lambda: dialog.message.text().startswith("Nothing was done (the account service"),
        timeout=TIMEOUT,
    )
    assert "Try again when online." in dialog.message.text()
    qtbot.waitUntil(lambda: "could not be read" in dialog.message.text(), timeout=TIMEOUT)


def test_contosos_approver_never_sees_northwinds(qtbot, service):
    request = demo_request(service)
    contoso = Approvals(client_of(service, "admin@contoso.example"))
    dialog = ApprovalsDialog(contoso, "admin@contoso.example", True)
    qtbot.addWidget(dialog)
    shown_all(qtbot, dialog)
    listed = dialog.model.approvals
    assert request.transaction_id not in {each.transaction_id for each in listed}
    assert all(each.requested_by.email.endswith("@contoso.example") for each in listed)
    assert all(each.email.endswith("@contoso.example") for each in contoso.approvers())
    if request.id not in {each.id for each in listed}:  # numbers are per organization
        with pytest.raises(ServiceError) as refused:
            contoso.approve(request.id)
        assert (refused.value.status, refused.value.code) == (404, "not_found")
    assert Approvals(client_of(service, APPROVER)).list("pending") == [request]


def test_add_seats_names_the_approvers_above_the_limit(qtbot, service):
    window = window_of(qtbot, service, REQUESTER)
    window.app.start_syncing()  # the contract, and with it the limit's currency
    try:
        window.show_add_seats()
        tab = window.add_seats_tab
        qtbot.waitUntil(lambda: tab.spin.isEnabled(), timeout=3 * TIMEOUT)
        tab.spin.setValue(100)
        qtbot.waitUntil(lambda: "(Alex Morgan)" in tab.approval_note.text(), timeout=TIMEOUT)
        assert tab.approval_note.text().startswith("Above your limit of $1,000.00: an approver")
        tab.spin.setValue(1)
        assert tab.approval_note.isHidden()
    finally:
        window.app.stop()


def test_an_approver_is_told_of_requests_waiting_and_led_to_them(qtbot, service):
    demo_request(service)
    window = window_of(qtbot, service, APPROVER)
    window.app.start_syncing()
    try:
        banner = window.findChild(QLabel, "approvalsBanner")
        qtbot.waitUntil(lambda: not banner.isHidden(), timeout=3 * TIMEOUT)
        assert (
            "wait for your approval" in banner.text() or "waits for your approval" in banner.text()
        )
        assert window.notices.is_posted(banner)
        banner.linkActivated.emit("#approvals")
        dialog = window.findChild(ApprovalsDialog)
        assert dialog is not None and dialog.isVisible()
    finally:
        window.app.stop()
    requester = window_of(qtbot, service, REQUESTER)  # decides nothing: no such notice
    assert requester.findChild(QLabel, "approvalsBanner") is None
