"""The installer definitions agree with the bundle, and the Linux install works for real."""

import configparser
import os
import plistlib
import re
import shutil
import subprocess
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.app_process import private_environment
from tests.test_bundle import BUNDLE_ENV

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"


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


def test_windows_installer_is_per_user_and_installs_the_bundle():
    script = (PACKAGING / "windows" / "manage-account.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in script
    assert re.search(r"^Source: \"dist\\manage-account\\\*\"", script, re.M)
    icon = re.search(r"^SetupIconFile=(.+)$", script, re.M).group(1)
    assert (ROOT / Path(icon.replace("\\", "/"))).exists()
    shortcuts = re.findall(r'Filename: "\{app\}\\([^"]+)"', script)
    assert shortcuts and set(shortcuts) == {"manage-account.exe"}
    assert "{autoprograms}" in script and "German.isl" in script
    build = (ROOT / "scripts" / "bundle.ps1").read_text(encoding="utf-8")
    for named in re.findall(r'"((?:packaging|scripts)\\[^"]+)"', build):
        assert (ROOT / Path(named.replace("\\", "/"))).exists(), named
    assert "packaging\\windows\\manage-account.iss" in build


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
