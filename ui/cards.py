"""Cards for the overview, as admin consoles show them: a title, one fact, and its action."""

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout


class Card(QGroupBox):
    """A titled box: `body` takes the fact's lines; its foot, below whatever room is left, takes
    the actions (`add_action`, at the right) and links beside them (`add_link`, at the left)."""

    def __init__(self, title: str, name: str) -> None:
        super().__init__(title)
        self.setObjectName(name)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.body = QVBoxLayout(self)
        self.body.setSpacing(4)
        self._foot: QHBoxLayout | None = None
        self._links = 0

    def _footer(self) -> QHBoxLayout:
        if self._foot is None:
            self.body.addStretch()
            self._foot = QHBoxLayout()
            self._foot.addStretch()
            self.body.addLayout(self._foot)
        return self._foot

    def add_action(self, button: QPushButton) -> None:
        self._footer().addWidget(button)

    def add_link(self, button: QPushButton) -> None:
        self._footer().insertWidget(self._links, button)
        self._links += 1


def named[W: QObject](widget: W, name: str) -> W:
    """`widget`, named for automation and tests."""
    widget.setObjectName(name)
    return widget


def text_label(text: str = "", name: str = "", wrap: bool = True) -> QLabel:
    label = named(QLabel(text), name)
    label.setWordWrap(wrap)
    return label


def value_label(name: str, wrap: bool = True) -> QLabel:
    """A fact's text, selectable so it can be copied."""
    label = text_label("…", name, wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def button(text: str, name: str) -> QPushButton:
    return named(QPushButton(text), name)


def link_button(text: str, name: str, accessible: str = "") -> QPushButton:
    """A secondary action drawn as a link, beside the fact it acts on."""
    button = named(QPushButton(text), name)
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet("text-align: left; text-decoration: underline; padding: 0 2px;")
    if accessible:
        button.setAccessibleName(accessible)
    return button
