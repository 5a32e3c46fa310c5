"""Help > About: the version, and the licences of the components bundled with the app."""

import re
from importlib.metadata import PackageMetadata, PackageNotFoundError, metadata

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import __version__
from desktop.i18n import translate
from ui.app_icon import application_icon

LEARN_MORE_URL = "https://example.com/manage-account"
# Each bundled component, with its licence where its own metadata does not name one.
COMPONENTS = (
    ("PySide6-Essentials", None),
    ("peewee", "MIT"),
    ("reportlab", None),
    ("python-dateutil", None),
    ("Babel", None),
    ("waitress", None),
    ("keyring", None),
)


def licence_lines() -> list[str]:
    """One line per bundled component: name, version and licence, read from its metadata."""
    lines = []
    for name, known in COMPONENTS:
        try:
            info = metadata(name)
        except PackageNotFoundError:
            continue
        licence = _licence(info) or known or translate("About", "see its metadata")
        lines.append(f"{name} {info['Version']}: {licence}")
    fonts = translate("About", "DejaVu Sans fonts: Bitstream Vera / DejaVu licence (free)")
    return [*lines, fonts]


def _licence(info: PackageMetadata) -> str | None:
    """The SPDX expression, a short licence field, the licence classifier, or the field's start."""
    if info.get("License-Expression"):
        return info["License-Expression"]
    text = (info.get("License") or "").strip()
    if text and "\n" not in text and len(text) <= 40:
        return text
    for classifier in info.get_all("Classifier") or ():
        if classifier.startswith("License :: "):
            return classifier.rsplit(" :: ", 1)[-1]
    return re.split(r"[(,\n]", text, maxsplit=1)[0].strip() or None


def show_about(parent: QWidget) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        translate("About", "About Manage Account"),
        "",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("aboutDialog")
    box.setIconPixmap(application_icon().pixmap(64, 64))
    box.setText(f"<b>Manage Account</b> {__version__}")
    box.setInformativeText(
        translate("About", "Bundled components and their licences:")
        + "\n"
        + "\n".join(licence_lines())
    )
    box.open()
    return box
