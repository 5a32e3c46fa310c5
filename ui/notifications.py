"""One place above the tabs for time-bound messages: the most urgent shown, the others a click
away, each dismissable, so notices never stack up over the overview."""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

# How urgent each kind of notice is: lower first.
# Offline first: it explains the rest.
OFFLINE, LATE_SEATS, APPROVALS, RENEWAL, SEATS_LIVE = range(5)


class NotificationArea(QFrame):
    """Holds notices (QLabels that show and hide themselves: shown is "posted", hidden by
    their owner or by Dismiss is "withdrawn"); shows the most urgent one, and all of them on
    request, most urgent first."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("notificationArea")
        self._ranks: dict[QLabel, int] = {}
        self._posted: set[QLabel] = set()
        self._arranging = False
        self._expanded = False
        self._notices = QVBoxLayout()
        self._notices.setContentsMargins(0, 0, 0, 0)
        self._notices.setSpacing(4)
        self.more = QPushButton()
        self.more.setObjectName("moreNotificationsButton")
        self.more.setFlat(True)
        self.more.setCursor(Qt.CursorShape.PointingHandCursor)
        self.more.clicked.connect(self._toggle)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._notices, 1)
        layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignTop)
        self._arrange()

    def add(self, notice: QLabel, rank: int) -> None:
        """Take `notice` in; it is posted while it is shown."""
        self._ranks[notice] = rank
        if not notice.isHidden():
            self._posted.add(notice)
        self._arranging = True  # taking it in hides it for a moment: not a withdrawal
        try:
            for each in self._ranks:
                self._notices.removeWidget(each)
            for each in sorted(self._ranks, key=lambda n: self._ranks[n]):
                self._notices.addWidget(each)
        finally:
            self._arranging = False
        notice.installEventFilter(self)
        self._arrange()

    def is_posted(self, notice: QLabel) -> bool:
        """Whether `notice` is among the messages, shown now or behind a more urgent one."""
        return notice in self._posted

    def posted(self) -> list[QLabel]:
        """The messages, most urgent first."""
        return sorted(self._posted, key=lambda n: self._ranks[n])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._arranging and watched in self._ranks:
            kind = event.type()
            if kind == QEvent.Type.ShowToParent:
                self._posted.add(watched)  # type: ignore[arg-type]  # one of ours: a QLabel
                self._arrange()
            elif kind == QEvent.Type.HideToParent:
                self._posted.discard(watched)  # type: ignore[arg-type]
                self._arrange()
        return False

    def _toggle(self) -> None:
        self._expanded = not self._expanded
        self._arrange()

    def _arrange(self) -> None:
        """Only the most urgent unless expanded (the layout holds them most urgent first)."""
        self._arranging = True
        try:
            posted = self.posted()
            shown = posted if self._expanded else posted[:1]
            for notice in self._ranks:
                notice.setVisible(notice in shown)
            hidden = len(posted) - 1
            if hidden < 1:
                self._expanded = False
            self.more.setVisible(hidden > 0)
            self.more.setText(
                self.tr("Show fewer")
                if self._expanded
                else self.tr("%Ln more notice(s)", "", hidden)
            )
            self.setVisible(bool(posted))
        finally:
            self._arranging = False
