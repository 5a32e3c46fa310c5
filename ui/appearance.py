"""Light or dark, as the system says: what our own colours read, and the one fix Windows needs."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def colour_scheme() -> str:
    """ "light" or "dark", read off the application's palette: it follows the system's scheme,
    and it also tells a dark desktop theme that Qt cannot name as a scheme."""
    return "dark" if QApplication.palette().window().color().lightness() < 128 else "light"


def follow_system_scheme(app: QApplication) -> None:
    """Keep following the system's scheme, now and when the user switches it.

    Windows 10's default "windowsvista" style draws light whatever the system says; Fusion
    draws the dark scheme, so a dark system gets Fusion there. Elsewhere Qt's own style follows.
    """

    def apply(scheme: Qt.ColorScheme) -> None:
        if app.style().name().lower() == "windowsvista" and scheme == Qt.ColorScheme.Dark:
            app.setStyle("fusion")

    hints = app.styleHints()
    apply(hints.colorScheme())
    hints.colorSchemeChanged.connect(apply)
