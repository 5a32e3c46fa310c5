"""WCAG 2 contrast of every colour we draw text or graphics with, in the light and dark scheme."""

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from scripts.screenshots import dark_palette
from ui.appearance import COLOURS, PALETTE_USE

TEXT, GRAPHIC = 4.5, 3.0  # WCAG 2: 1.4.3 for text, 1.4.11 for graphics (and large text)


def luminance(colour: QColor) -> float:
    """WCAG 2's relative luminance of an sRGB colour."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.red())
        + 0.7152 * linear(colour.green())
        + 0.0722 * linear(colour.blue())
    )


def contrast(one: QColor, other: QColor) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_formula_gives_wcags_own_examples():
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert contrast(QColor("#767676"), QColor("#ffffff")) == pytest.approx(4.54, abs=0.01)


@pytest.fixture(params=["light", "dark"])
def scheme(request, qapp) -> tuple[str, QPalette]:
    """The light palette offscreen Qt gives, and what a dark system scheme gives it."""
    light = QApplication.palette()
    return request.param, light if request.param == "light" else dark_palette(light)


def tab_page(palette: QPalette, qtbot) -> QColor:
    """The colour the style fills a tab's page with, as drawn."""
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.setPalette(palette)
    tabs.addTab(QWidget(), "tab")
    tabs.resize(200, 150)
    tabs.show()
    return tabs.grab().toImage().pixelColor(100, 100)


def test_our_colours_read_on_what_they_are_drawn_on(scheme, qtbot):
    name, palette = scheme
    failing = []
    for key, entry in COLOURS.items():
        ours = QColor(getattr(entry, name))
        for on in entry.on:
            if on in COLOURS:
                under = QColor(getattr(COLOURS[on], name))
            elif on == "TabPage":
                under = tab_page(palette, qtbot)
            else:
                under = palette.color(QPalette.ColorRole[on])
            ratio = contrast(ours, under)
            if ratio < (GRAPHIC if entry.graphic else TEXT):
                failing.append(f"{key} {ours.name()} on {on} {under.name()}: {ratio:.2f}:1")
    assert failing == []


def test_the_palette_roles_we_paint_with_read_on_their_background(scheme):
    _, palette = scheme
    failing = []
    for role, on, graphic in PALETTE_USE:
        ratio = contrast(palette.color(role), palette.color(on))
        if ratio < (GRAPHIC if graphic else TEXT):
            failing.append(f"{role.name} on {on.name}: {ratio:.2f}:1")
    assert failing == []
