"""The document viewer's modules load while the window is idle, one per event-loop turn."""

import sys

from PySide6.QtCore import QObject

from ui import preload


def test_the_viewers_modules_load_one_per_turn_then_it_stops(qtbot, monkeypatch):
    monkeypatch.setattr(preload, "START_AFTER_MS", 0)
    owner = QObject()
    loader = preload.Preloader(owner)
    steps = len(loader._steps)
    assert steps == len(preload.MODULES) + 1  # and pdfium's start
    loader._next()  # one turn: one step
    assert len(loader._steps) == steps - 1
    qtbot.waitUntil(lambda: loader.done, timeout=20_000)
    assert all(name in sys.modules for name in preload.MODULES)
    assert not loader._timer.isActive()
