"""Our own colours follow the system's scheme: the banners switch when the palette turns dark."""

import pytest
from PySide6.QtWidgets import QApplication

from scripts.screenshots import dark_palette
from ui.appearance import colour_scheme
from ui.sync_status import DELAY_COLOURS, LIVE_COLOURS, Banner


@pytest.fixture
def dark_system(qapp):
    """The palette a dark system scheme gives the app (offscreen Qt cannot switch schemes)."""
    light = QApplication.palette()
    yield lambda: QApplication.setPalette(dark_palette(light))
    QApplication.setPalette(light)


@pytest.mark.parametrize("colours", [LIVE_COLOURS, DELAY_COLOURS])
def test_banner_follows_a_switch_to_dark(qtbot, dark_system, colours):
    banner = Banner("banner", colours)
    qtbot.addWidget(banner)
    assert colour_scheme() == "light"
    assert colours["light"][0] in banner.styleSheet()
    dark_system()
    assert colour_scheme() == "dark"
    qtbot.waitUntil(lambda: colours["dark"][0] in banner.styleSheet())
    assert colours["dark"][1] in banner.styleSheet()
