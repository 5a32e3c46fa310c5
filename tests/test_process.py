"""The app from source as its own process: it shows its window and stops cleanly on SIGTERM."""

import sys

import pytest

from tests.app_process import (
    CLOSED,
    SHOWN,
    SIGN_IN_SHOWN,
    demo_database,
    launch,
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
