"""The MSI's WiX source writes IT's settings where the app reads them (fast; no Wine, no wixl)."""

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop import updates
from desktop.config import APP_NAME, SERVICE_KEY, UPDATE_URL_KEY

ROOT = Path(__file__).resolve().parents[2]
WIX = "{http://schemas.microsoft.com/wix/2006/wi}"


def msi_module():
    spec = importlib.util.spec_from_file_location("msi", ROOT / "packaging/windows/msi.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_policy_values_are_where_the_app_reads_them():
    msi = msi_module()
    where_qsettings_reads = f"Software\\{APP_NAME}\\{APP_NAME}"  # QSettings(APP_NAME, APP_NAME)
    assert where_qsettings_reads == msi.SETTINGS_KEY
    written = {f"{key}/{name}": value for key, name, value in msi.POLICY}
    assert written == {
        SERVICE_KEY: "[SERVICEURL]",
        UPDATE_URL_KEY: "[UPDATEREPOSITORY]",
        updates.POLICY_KEY: "[UPDATESPOLICY]",
    }


def test_wix_source_installs_every_staged_file_with_a_shortcut_and_an_upgrade(tmp_path):
    msi = msi_module()
    stage = tmp_path / "stage"
    staged = ("python/pythonw.exe", "python/python.exe", "python/Lib/os.py", "manage-account.ico")
    for name in staged:
        (stage / name).parent.mkdir(parents=True, exist_ok=True)
        (stage / name).write_bytes(b"x")
    output = tmp_path / "app.wxs"
    assert msi.write_wxs(stage, "1.2.3", output) == 4
    product = ET.parse(output).getroot().find(f"{WIX}Product")
    assert product.get("Version") == "1.2.3" and product.get("UpgradeCode") == msi.UPGRADE_CODE
    assert product.find(f"{WIX}MajorUpgrade") is not None
    assert product.find(f"{WIX}Package").get("InstallScope") == "perMachine"
    shortcut = product.find(f".//{WIX}Shortcut")
    assert shortcut.get("Target").endswith("python\\pythonw.exe")
    assert shortcut.get("Arguments") == "-I -m desktop" and shortcut.get("Icon")
    sources = {f.get("Source") for f in product.iter(f"{WIX}File")}
    assert sources == set(staged)
    # The same path keeps its component GUID from one version to the next.
    again = tmp_path / "again.wxs"
    msi.write_wxs(stage, "1.2.4", again)
    guids = {c.get("Guid") for c in ET.parse(output).getroot().iter(f"{WIX}Component")}
    assert guids == {c.get("Guid") for c in ET.parse(again).getroot().iter(f"{WIX}Component")}


def test_msi_version_keeps_the_release_numbers_and_refuses_more():
    msi = msi_module()
    assert msi.msi_version("0.1.0") == "0.1.0"
    assert msi.msi_version("2.0") == "2.0.0"
    for version in ("1.4.0rc1", "1.4.0.post1"):  # would sit beside 1.4.0, not replace it
        with pytest.raises(SystemExit, match="major.minor.build only"):
            msi.msi_version(version)
