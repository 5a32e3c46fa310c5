"""A bar of seats assigned against seats purchased, with the seats bought but not live yet."""

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.appearance import colour


class SeatUsageBar(QWidget):
    """Assigned seats filled, available ones empty, pending ones hatched after them; a bar
    wider than purchased means more seats are assigned than bought."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("seatUsageBar")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Seat use"))
        self._counts = (0, 0, 0)  # assigned, purchased, pending

    def set_counts(self, assigned: int, purchased: int, pending: int) -> None:
        self._counts = (assigned, purchased, pending)
        self.setAccessibleDescription(
            self.tr("{assigned} of {purchased} seats assigned, {pending} pending").format(
                assigned=assigned, purchased=purchased, pending=pending
            )
        )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, self.fontMetrics().height() + 6)

    def paintEvent(self, event: QPaintEvent) -> None:
        assigned, purchased, pending = self._counts
        whole = max(purchased + pending, assigned, 1)
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        scale = frame.width() / whole
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(frame, 3, 3)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        painter.setBrush(highlight)
        painter.drawRoundedRect(
            QRectF(frame.left(), frame.top(), assigned * scale, frame.height()), 3, 3
        )
        if pending:
            hatch = QBrush(QColor(highlight), Qt.BrushStyle.BDiagPattern)
            painter.setBrush(hatch)
            left = frame.left() + purchased * scale
            painter.drawRect(QRectF(left, frame.top(), pending * scale, frame.height()))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(colour("chart_grid")), 1))
        painter.drawRoundedRect(frame, 3, 3)
        if purchased < whole:  # where the purchased seats end
            x = frame.left() + purchased * scale
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1.5))
            painter.drawLine(int(x), int(frame.top()), int(x), int(frame.bottom()))
        painter.end()
