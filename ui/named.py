"""Widgets made with their object name (for tests and the window walk) in one expression:
Qt's keyword properties are not in PySide6's type stubs."""

from PySide6.QtCore import QObject


def named[W: QObject](widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget
