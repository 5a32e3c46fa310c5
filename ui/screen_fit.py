"""Window sizes that fit the screen a window opens on (a 1366x768 laptop, a 1024x640 panel)."""

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN = 48  # room for the window frame and title bar


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize to `width` x `height`, or as much of it as the available screen allows."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry()
    window.resize(min(width, available.width() - MARGIN), min(height, available.height() - MARGIN))
