"""The installer definitions agree with the bundle, and the Linux install works for real."""

import configparser
import os
import plistlib
import re
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.app_process import private_environment
from tests.test_bundle import BUNDLE_ENV

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def spec_value(name: str) -> str:
    found = re.search(rf'{name} ?= ?"([^"]+)"', (PACKAGING / "manage-account.spec").read_text())
    assert found, name
    return found.group(1)


def test_linux_desktop_entry():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(PACKAGING / "linux" / "manage-account.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Name"] == "Manage Account"
    assert desktop["Exec"] == "manage-account" and desktop["Terminal"] == "false"
    assert desktop["Icon"] == "manage-account"
    assert (ROOT / "resources" / "icons" / f"{desktop['Icon']}.svg").exists()
    validator = shutil.which("desktop-file-validate")
    if validator:
        checked = subprocess.run(
            [validator, str(PACKAGING / "linux" / "manage-account.desktop")],
            capture_output=True,
            text=True,
        )
        assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout


def test_macos_info_plist_matches_the_bundle():
    info = plistlib.loads((PACKAGING / "macos" / "Info.plist").read_bytes())
    assert info["CFBundleIdentifier"] == spec_value("bundle_identifier")
    assert info["CFBundleExecutable"] == spec_value("NAME") == "manage-account"
    assert info["NSRequiresAquaSystemAppearance"] is False  # dark mode follows the system
    assert info["NSHighResolutionCapable"] is True
    assert sorted(info["CFBundleLocalizations"]) == ["de", "en"]


def test_the_windows_bundle_script_names_files_that_exist():
    build = (ROOT / "scripts" / "bundle.ps1").read_text(encoding="utf-8")
    named = re.findall(r'"((?:packaging|scripts)\\[^"]+)"', build)
    assert named
    for path in named:
        assert (ROOT / Path(path.replace("\\", "/"))).exists(), path


@pytest.mark.skipif(not os.environ.get(BUNDLE_ENV), reason=f"${BUNDLE_ENV} names no bundle")
def test_linux_install_and_uninstall_for_one_user(tmp_path):
    env = private_environment(tmp_path)
    script = str(PACKAGING / "linux" / "install.sh")
    subprocess.run(["sh", script, os.environ[BUNDLE_ENV]], env=env, check=True, timeout=120)
    command = tmp_path / ".local" / "bin" / "manage-account"
    done = subprocess.run([command, "--version"], env=env, capture_output=True, text=True)
    assert done.stdout.strip() == f"manage-account {version('manage-account')}"
    applications = tmp_path / "data" / "applications" / "manage-account.desktop"
    assert f"Exec={tmp_path}/.local/opt/manage-account/manage-account" in applications.read_text()
    icon = tmp_path / "data" / "icons" / "hicolor" / "256x256" / "apps" / "manage-account.png"
    assert icon.exists()
    subprocess.run(["sh", script, "--uninstall"], env=env, check=True, timeout=60)
    assert not command.exists() and not applications.exists() and not icon.exists()
    assert not (tmp_path / ".local" / "opt" / "manage-account").exists()


def run_demo(environment: dict) -> subprocess.CompletedProcess:
    """The README's demo command, stopped by its own check before anything installs."""
    return subprocess.run(
        ["sh", "scripts/run.sh", "demo"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.skipif(sys.platform != "linux", reason="the check is for Linux desktops")
def test_the_demo_without_a_display_says_what_to_do():
    environment = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    done = run_demo(environment)
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "No display found: run this on a desktop, or set QT_QPA_PLATFORM=offscreen."
    )


@pytest.mark.skipif(sys.platform != "linux", reason="the check is for Linux desktops")
def test_the_demo_names_the_packages_qt_needs(tmp_path):
    fake = tmp_path / "ldconfig"  # a system that has none of the libraries
    fake.write_text("#!/bin/sh\\necho '0 libs found in cache'\\n")
    fake.chmod(0o755)
    environment = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    environment |= {"DISPLAY": ":7", "PATH": f"{tmp_path}:{os.environ['PATH']}"}
    done = run_demo(environment)
    assert done.returncode == 1
    assert done.stderr.startswith("Qt needs system libraries for the window: sudo apt-get install")
    assert "libxcb-cursor0" in done.stderr and "libxkbcommon-x11-0" in done.stderr


def python_3_11() -> str | None:
    """The executable of a Python 3.11 of this system, if it has one (past any version
    manager's shim, which would not run on its own)."""
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        candidate = Path(folder) / "python3.11"
        if candidate.exists():
            ran = subprocess.run(
                [candidate, "-c", "import sys; print(sys.executable)"],
                capture_output=True,
                text=True,
            )
            if ran.returncode == 0:
                return ran.stdout.strip()
    return None


@pytest.mark.skipif(python_3_11() is None, reason="needs a Python older than 3.12")
def test_without_python_3_12_the_commands_say_what_they_found_and_how_to_get_it(tmp_path):
    folder = tmp_path / "bin"  # a system whose only Python is 3.11
    folder.mkdir()
    (folder / "python3").symlink_to(python_3_11())
    for tool in ("sed", "cut", "cat", "dirname", "uname"):
        (folder / tool).symlink_to(shutil.which(tool))
    environment = {"PATH": str(folder), "HOME": str(tmp_path)}
    done = subprocess.run(
        ["/bin/sh", "scripts/run.sh", "tests"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stdout) == (1, "")
    lines = done.stderr.splitlines()
    assert lines[0] == "Manage Account needs Python 3.12 or newer; found: 3.11."
    assert (
        "https://www.python.org/downloads/" in done.stderr and "pyenv install 3.12" in done.stderr
    )
