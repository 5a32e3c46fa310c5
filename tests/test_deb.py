"""The Debian package as a system installs it: apt-get install, started from its menu entry's
Exec line on a real X display, upgraded to a newer package, removed with the user's data kept.

It changes the machine (it installs a package), so it runs only as root with $MANAGE_ACCOUNT_DEB
naming the package, as CI does after building it (sh scripts/run.sh deb).
"""

import configparser
import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.app_process import (
    CLOSED,
    FIRST_RUN_SHOWN,
    demo_database,
    launch,
    private_environment,
    stop,
)
from tests.test_bundle import BUNDLE_ENV, x_display  # noqa: F401

DEB_ENV = "MANAGE_ACCOUNT_DEB"
ROOT = Path(__file__).resolve().parent.parent
ENTRY = Path("/usr/share/applications/manage-account.desktop")

pytestmark = pytest.mark.skipif(
    not os.environ.get(DEB_ENV) or os.geteuid() != 0,
    reason=f"${DEB_ENV} names no package, or not root (CI builds and installs it)",
)


def apt_get(*arguments: str) -> None:
    subprocess.run(
        ["apt-get", *arguments, "-y", "-q", "--no-install-recommends"],
        check=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        capture_output=True,
    )


def installed_version() -> str | None:
    done = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status} ${Version}", "manage-account"],
        capture_output=True,
        text=True,
    )
    status = done.stdout.split()
    return status[-1] if done.returncode == 0 and "installed" in status[:3] else None


def exec_line() -> list[str]:
    """The menu entry's command, as a desktop environment would run it (no field codes)."""
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(ENTRY, encoding="utf-8")
    command = shlex.split(entry["Desktop Entry"]["Exec"])
    return [word for word in command if not word.startswith("%")]


def test_install_start_from_the_menu_upgrade_and_remove(tmp_path, x_display, monkeypatch):  # noqa: F811
    package = Path(os.environ[DEB_ENV]).resolve()
    if installed_version() is not None:  # left by an earlier run: start from a clean system
        apt_get("remove", "manage-account")
    apt_get("install", str(package))
    first = installed_version()
    assert first is not None
    assert shutil.which("manage-account") == "/usr/bin/manage-account"
    subprocess.run(["desktop-file-validate", str(ENTRY)], check=True)
    icons = Path("/usr/share/icons/hicolor")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert (icons / f"{size}x{size}/apps/manage-account.png").is_file(), size
    assert (icons / "scalable/apps/manage-account.svg").is_file()
    refused = subprocess.run(
        ["manage-account", "--check-updates"],
        env=private_environment(tmp_path),
        capture_output=True,
        text=True,
    )
    assert "The system's package manager updates this installation." in refused.stderr

    monkeypatch.setenv("DISPLAY", x_display)
    welcome = launch(exec_line(), tmp_path, platform="xcb", ready=FIRST_RUN_SHOWN)
    assert stop(welcome) == 0  # nothing set up yet: it asks for the account service
    data = tmp_path / "data" / "Manage Account"
    demo_database(data)  # as if the demo or a service had filled it
    launched = launch(exec_line(), tmp_path, platform="xcb")
    assert stop(launched) == 0
    assert CLOSED in launched.log.read_text(encoding="utf-8")

    newer = f"{first}+upgrade1"
    built = subprocess.run(
        [
            "sh",
            str(ROOT / "packaging/linux/make-deb.sh"),
            os.environ[BUNDLE_ENV],
            newer,
            str(tmp_path / "newer"),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    apt_get("install", built.stdout.strip().splitlines()[-1])
    assert installed_version() == newer
    relaunched = launch(exec_line(), tmp_path, platform="xcb")
    assert stop(relaunched) == 0

    apt_get("remove", "manage-account")
    assert installed_version() is None
    assert not Path("/opt/manage-account").exists() and shutil.which("manage-account") is None
    assert not ENTRY.exists()
    assert (data / "manage-account.db").is_file()  # the user's data stays
    assert (tmp_path / "config" / "Manage Account").is_dir()  # and the settings
