"""File > Sign Out Everywhere in the window, and the window asking for the password again when
the service ended the session: a real event loop against the real service on 127.0.0.1."""

import pytest
from PySide6.QtGui import QAction

from desktop.application import Application
from desktop.demo import seed_demo
from desktop.mirror import mirror_administrator
from desktop.session import sign_in, sign_out_everywhere
from desktop.sync import SyncReport
from service import demo_data
from tests.service_helpers import PASSWORD, call, start_demo_service
from tests.test_main_window import TIMEOUT
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
    window = MainWindow(Application(mirror_administrator(session.administrator), "en_US", session))
    qtbot.addWidget(window)
    window.show()
    return window


def test_sign_out_everywhere_in_the_file_menu_ends_every_session(qtbot, service):
    elsewhere = sign_in(service.url, "billing@example.com", PASSWORD)
    contoso = sign_in(
        service.url, demo_data.CONTOSO.administrators[0][1], demo_data.CONTOSO.password
    )
    window = window_for(qtbot, service, "billing@example.com")
    here = window.app.session.token
    action = window.findChild(QAction, "signOutEverywhereAction")
    assert action.text() == "Si&gn Out Everywhere"
    action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=TIMEOUT)
    for token in (here, elsewhere.token):
        assert call(service, "GET", "/v1/contract", token=token)[0] == 401
    assert call(service, "GET", "/v1/contract", token=contoso.token)[0] == 200


def test_an_ended_session_asks_for_the_password_once_and_goes_on(qtbot, service):
    window = window_for(qtbot, service, "billing@example.com")
    sign_out_everywhere(sign_in(service.url, "billing@example.com", PASSWORD))
    ended = SyncReport(online=True, problem="ended", session_ended=True)
    window.sync_status.show_report(ended)
    window.sync_status.show_report(ended)  # a second report while it asks: still one dialog
    dialogs = [d for d in window.findChildren(SignInDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.email.text() == "billing@example.com" and dialog.email.isReadOnly()
    assert "Your session has ended" in dialog.message.text()
    dialog.password.setText(PASSWORD)
    dialog.button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    assert call(service, "GET", "/v1/contract", token=window.app.session.token)[0] == 200
