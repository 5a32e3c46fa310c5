"""The application icon, from the PNGs rendered for each size (scripts/make_icons.py)."""

from PySide6.QtGui import QIcon

from resources import resource_path


def application_icon() -> QIcon:
    icon = QIcon()
    for png in sorted(resource_path("icons").glob("manage-account-*.png")):
        icon.addFile(str(png))
    return icon
