"""The app from source as its own process: it shows its window and stops cleanly on SIGTERM."""

import subprocess
import sys
import time

import pytest

from desktop.ledger import close_ledger, open_ledger
from desktop.models import SeatPurchase
from tests.app_process import (
    CLOSED,
    SHOWN,
    SIGN_IN_SHOWN,
    demo_database,
    launch,
    private_environment,
    source_command,
    stop,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def test_sigterm_closes_the_window_saves_settings_and_exits_0(tmp_path):
    url = demo_database(tmp_path)
    launched = launch(source_command("--database", url), tmp_path)
    assert stop(launched) == 0
    log = launched.log.read_text(encoding="utf-8")
    assert CLOSED in log
    settings = (tmp_path / "config" / "Manage Account" / "Manage Account.conf").read_text()
    assert "geometry=" in settings
    assert not list(tmp_path.glob("data/logs"))  # logs live in the app's own folder


def test_sigterm_at_the_sign_in_dialog_ends_cleanly(tmp_path):
    """A logout while the app waits for a password: nothing to save, exit code 0."""
    command = source_command("--database", f"sqlite:///{tmp_path / 'demo.db'}", "--demo")
    launched = launch(command, tmp_path, ready=SIGN_IN_SHOWN)
    assert stop(launched) == 0
    assert SHOWN not in launched.log.read_text(encoding="utf-8")


def test_a_second_launch_brings_the_first_to_the_front(tmp_path):
    url = demo_database(tmp_path)
    first = launch(source_command("--database", url), tmp_path)
    try:
        second = subprocess.run(
            source_command("--database", url),
            env=private_environment(tmp_path),
            capture_output=True,
            timeout=60,
        )
        assert second.returncode == 0
        log = first.log.read_text(encoding="utf-8")
        assert "already runs on this database" in log
        deadline = time.monotonic() + 10
        while "Another launch asked for this window" not in log and time.monotonic() < deadline:
            time.sleep(0.05)
            log = first.log.read_text(encoding="utf-8")
        assert "Another launch asked for this window" in log
        assert log.count(SHOWN) == 1  # one window, not two
        receipt = tmp_path / "receipt.pdf"  # the scripting commands still run on their own
        transaction_id = _any_transaction_id(url)
        done = subprocess.run(
            source_command("--database", url, "receipt", transaction_id, "--output", str(receipt)),
            env=private_environment(tmp_path),
            capture_output=True,
            timeout=60,
        )
        assert done.returncode == 0 and receipt.read_bytes().startswith(b"%PDF")
    finally:
        assert stop(first) == 0


def _any_transaction_id(url: str) -> str:
    open_ledger(url)
    try:
        return SeatPurchase.select().first().transaction_id
    finally:
        close_ledger()
