"""Help > About: the version, and the licences of the components bundled with the app."""

from importlib.metadata import PackageNotFoundError, metadata

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import __version__
from desktop.i18n import translate

LEARN_MORE_URL = "https://example.com/manage-account"
COMPONENTS = (
    "PySide6-Essentials",
    "peewee",
    "reportlab",
    "python-dateutil",
    "Babel",
    "waitress",
    "keyring",
)


def licence_lines() -> list[str]:
    """One line per bundled component: name, version and licence, read from its metadata."""
    lines = []
    for name in COMPONENTS:
        try:
            info = metadata(name)
        except PackageNotFoundError:
            continue
        licence = (
            info.get("License-Expression")
            or info.get("License")
            or translate("About", "see its metadata")
        )
        lines.append(f"{name} {info['Version']}: {licence.splitlines()[0][:60]}")
    fonts = translate("About", "DejaVu Sans fonts: Bitstream Vera / DejaVu licence (free)")
    return [*lines, fonts]


def show_about(parent: QWidget) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        translate("About", "About Manage Account"),
        "",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("aboutDialog")
    box.setText(f"<b>Manage Account</b> {__version__}")
    box.setInformativeText(
        translate("About", "Bundled components and their licences:")
        + "\n"
        + "\n".join(licence_lines())
    )
    box.open()
    return box
