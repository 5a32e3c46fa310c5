"""The app as a real process: a private home, the moment its window is shown, a stop by signal."""

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from desktop.demo import seed_demo
from desktop.ledger import close_ledger, open_ledger

SHOWN = "Main window shown"
SIGN_IN_SHOWN = "Sign-in dialog shown"
CLOSED = "Main window closed; exiting with 0"
FIRST_RUN_SHOWN = "First-run dialog shown"
APP_FOLDER = "Manage Account"


@dataclass
class Launched:
    process: subprocess.Popen
    seconds_to_window: float
    log: Path


def private_environment(
    home: Path, platform: str = "offscreen", locale: str = "C.UTF-8"
) -> dict[str, str]:
    """Qt (offscreen unless told) whose settings, data and logs all land under `home`.

    The locale is C (English text, en_US formats) unless told, whatever this machine speaks.
    """
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        QT_QPA_PLATFORM=platform,
        LC_ALL=locale,
    )
    env.pop("MANAGE_ACCOUNT_SERVICE", None)
    env.pop("MANAGE_ACCOUNT_DATABASE", None)
    return env


def demo_database(folder: Path) -> str:
    """An SQLite file with the demo organization, for an app that starts without a service."""
    url = f"sqlite:///{folder / 'manage-account.db'}"
    open_ledger(url)
    seed_demo()
    close_ledger()
    return url


def log_file(home: Path) -> Path:
    return home / "data" / APP_FOLDER / "logs" / "manage-account.log"


def launch(
    command: list[str],
    home: Path,
    timeout: float = 60.0,
    platform: str = "offscreen",
    locale: str = "C.UTF-8",
    ready: str = SHOWN,
) -> Launched:
    """Start `command` and return once its log says `ready` (by default: the main window)."""
    log = log_file(home)
    seen = log.read_text(encoding="utf-8").count(ready) if log.exists() else 0  # earlier runs'
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        env=private_environment(home, platform, locale),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    while time.perf_counter() - started < timeout:
        if log.exists() and log.read_text(encoding="utf-8").count(ready) > seen:
            return Launched(process, time.perf_counter() - started, log)
        if process.poll() is not None:
            _, errors = process.communicate()
            raise RuntimeError(f"exited with {process.returncode} before showing: {errors}")
        time.sleep(0.005)
    process.kill()
    raise TimeoutError(f"no window after {timeout} s")


def stop(launched: Launched, timeout: float = 30.0) -> int:
    """Ask the app to stop as a session logout would (SIGTERM); returns its exit code."""
    launched.process.send_signal(signal.SIGTERM)
    try:
        launched.process.wait(timeout)
    finally:
        launched.process.stdout.close()
        launched.process.stderr.close()
    return launched.process.returncode


def source_command(*args: str) -> list[str]:
    """The app from this source tree, run by the current Python."""
    return [sys.executable, "-m", "desktop", *args]
