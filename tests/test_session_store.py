"""Keep me signed in: the token goes to the OS credential store through keyring, nowhere else."""

import time

import keyring
import pytest
from keyring.backend import KeyringBackend

from desktop.session import SignedIn, forget, recall, remember, secure_storage_problem
from service import demo_data


class MemoryKeyring(KeyringBackend):
    """An in-memory store with the keyring API, standing in for the OS's in CI."""

    priority = 10

    def __init__(self) -> None:
        super().__init__()
        self.items: dict = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        from keyring.errors import PasswordDeleteError

        if (service, username) not in self.items:
            raise PasswordDeleteError(username)
        del self.items[(service, username)]


@pytest.fixture
def store():
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


SESSION = SignedIn("http://127.0.0.1:8080", "secret-token", {"email": "billing@example.com"})


def test_remember_recall_forget(store, tmp_path):
    assert secure_storage_problem() is None
    remember(SESSION)
    assert recall(SESSION.service_url) == SESSION
    assert recall("http://elsewhere.example") is None  # another service's session is not used
    assert not any(
        "secret-token" in p.read_text(errors="ignore") for p in tmp_path.rglob("*") if p.is_file()
    )
    forget()
    assert recall(SESSION.service_url) is None
    forget()  # forgetting twice is fine


def test_without_a_secure_store_nothing_is_kept():
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert "no secure credential store" in secure_storage_problem()
        assert recall(SESSION.service_url) is None
        forget()
    finally:
        keyring.set_keyring(before)


def test_offline_start_with_a_remembered_session_opens_from_the_local_database(
    store, qapp, tmp_path
):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QTabWidget

    from desktop.app import main
    from desktop.demo import seed_demo
    from desktop.ledger import close_ledger, open_ledger

    url = f"sqlite:///{tmp_path / 'offline.db'}"
    open_ledger(url)
    seed_demo()
    close_ledger()
    offline = "http://127.0.0.1:9"  # nothing listens there
    remember(
        SignedIn(
            offline,
            "remembered-token",
            {
                "name": "Priya Raman",
                "email": "billing@example.com",
                "permission_set": "Billing",
                "permissions": {"manage_account": True, "manage_permission_sets": False},
            },
        )
    )
    seen = {}
    deadline = time.monotonic() + 20
    earlier = set(QApplication.topLevelWidgets())  # windows other tests left behind

    def check() -> None:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "mainWindow" and w not in earlier
        ]
        window = windows[0] if windows else None
        if time.monotonic() > deadline:  # fail rather than hang: close whatever is open
            seen["stuck"] = [
                w.objectName() for w in QApplication.topLevelWidgets() if w.isVisible()
            ]
            for widget in QApplication.topLevelWidgets():
                widget.close()
            return
        offline = window is not None and window.sync_status.label.text().startswith("Offline")
        if not offline or window.count_label.text() in ("", "Counting…"):  # still reading
            QTimer.singleShot(100, check)
            return
        seen["tabs"] = window.findChild(QTabWidget, "mainTabs") is not None
        seen["count"] = window.count_label.text()
        window.close()

    QTimer.singleShot(100, check)
    assert main(["--database", url, "--service", offline]) == 0
    assert seen == {"tabs": True, "count": f"{demo_data.PAST_PURCHASES} purchases"}


def test_sign_in_without_the_service_says_so_and_can_retry(qtbot):
    from ui.sign_in_dialog import SignInDialog

    dialog = SignInDialog("http://127.0.0.1:9", "billing@example.com", "x")
    qtbot.addWidget(dialog)
    dialog.button.click()
    qtbot.waitUntil(dialog.button.isEnabled, timeout=10_000)
    message = dialog.message.text()
    assert message.startswith("The account service cannot be reached (")
    assert message.count("cannot be reached") == 1 and "Settings" in message
    assert dialog.session is None
