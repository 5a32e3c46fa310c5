"""Light or dark, as the system says: what our own colours read, and the one fix Windows needs."""

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class Colour:
    """One of our colours in the light and the dark scheme, and what it is drawn on: others of
    ours (by name), palette roles (by name, e.g. "Base"), "TabPage" (a tab's page, which the
    style shades), or nothing for a background. Text needs 4.5:1 against each; large text and
    graphics (`graphic`) need 3:1."""

    light: str
    dark: str
    on: tuple[str, ...] = ()
    graphic: bool = False


# Every colour the widgets set themselves; tests/test_contrast.py checks each against its `on`.
COLOURS = {
    "live_banner": Colour("#d7f5dd", "#1f4d2c"),
    "live_banner_text": Colour("#0b2e14", "#e6f6ea", ("live_banner",)),
    "delay_banner": Colour("#fde2c0", "#5c3b12"),
    "delay_banner_text": Colour("#3d2404", "#fdf0e0", ("delay_banner",)),
    # a message and its field's border, in a dialog (Billing Profile) and on a tab (Add Seats)
    "error": Colour("#b3261e", "#ffa8a0", ("Window", "TabPage")),
    "chart_grid": Colour("#8a8a8a", "#808080", ("Base",), graphic=True),
}

# The palette's roles our painted widgets draw with (the seat timeline and the seat usage bar),
# and what they draw them on: (role, on role, graphic). The contrast test checks these too.
PALETTE_USE = (
    (QPalette.ColorRole.WindowText, QPalette.ColorRole.Base, False),  # the chart's labels
    (QPalette.ColorRole.Highlight, QPalette.ColorRole.Base, True),  # seat lines and the bar
    (QPalette.ColorRole.Link, QPalette.ColorRole.Base, True),  # the chart's Today line
    (QPalette.ColorRole.Text, QPalette.ColorRole.Base, True),  # the bar's purchased mark
)


def colour_scheme() -> str:
    """ "light" or "dark", read off the application's palette: it follows the system's scheme,
    and it also tells a dark desktop theme that Qt cannot name as a scheme."""
    return "dark" if QApplication.palette().window().color().lightness() < 128 else "light"


def colour(name: str) -> str:
    """Our colour `name` (a key of COLOURS) in the scheme shown now."""
    entry = COLOURS[name]
    return entry.dark if colour_scheme() == "dark" else entry.light


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
