"""Tab order that follows what the eye sees: a dialog's buttons left to right, as laid out."""

from itertools import pairwise

from PySide6.QtWidgets import QDialogButtonBox, QWidget


def chain_buttons(after: QWidget, box: QDialogButtonBox) -> None:
    """Tab goes from `after` to the shown buttons of `box` in the order the platform's button
    layout places them (Windows and KDE put Accept first, GNOME and macOS last)."""
    layout = box.layout()
    if layout is not None:  # a button box always has one
        layout.activate()  # the buttons' places, also before the dialog is shown
    shown = sorted((b for b in box.buttons() if not b.isHidden()), key=lambda b: b.x())
    for first, second in pairwise([after, *shown]):
        QWidget.setTabOrder(first, second)
