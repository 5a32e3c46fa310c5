"""Our own colours follow the system's scheme: the banners switch when the palette turns dark."""

import pytest
from PySide6.QtWidgets import QApplication

from scripts.screenshots import dark_palette
from ui.appearance import COLOURS, colour_scheme
from ui.sync_status import Banner


@pytest.fixture
def dark_system(qapp):
    """The palette a dark system scheme gives the app (offscreen Qt cannot switch schemes)."""
    light = QApplication.palette()
    yield lambda: QApplication.setPalette(dark_palette(light))
    QApplication.setPalette(light)


@pytest.mark.parametrize("kind", ["live", "delay"])
def test_banner_follows_a_switch_to_dark(qtbot, dark_system, kind):
    background, text = COLOURS[f"{kind}_banner"], COLOURS[f"{kind}_banner_text"]
    banner = Banner("banner", kind)
    qtbot.addWidget(banner)
    assert colour_scheme() == "light"
    assert background.light in banner.styleSheet()
    dark_system()
    assert colour_scheme() == "dark"
    qtbot.waitUntil(lambda: background.dark in banner.styleSheet())
    assert text.dark in banner.styleSheet()
    banner.show_text('Ask <a href="mailto:dana@example.com">Dana</a>.')
    assert banner.text().count(f'<a style="color: {text.dark};" href=') == 2  # hers and Dismiss
