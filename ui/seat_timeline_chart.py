"""The seat timeline: seats licensed by date over the current and the previous contract.

Drawn with QPainter from the palette, the axes in our grid colour (ui.appearance). The paths
are built once per size and timeline, so a repaint only strokes them; hovering finds the nearest
purchase by bisecting its x positions.
"""

from bisect import bisect_left
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop import formatting
from desktop.overview import SeatStep, SeatTimeline
from ui.appearance import colour

PADDING = 8
TICK_STEPS = (1, 2, 5)  # times a power of ten: axis ticks fall on round numbers


def seat_ticks(highest: int, most: int = 5) -> list[int]:
    """Round numbers from 0 to at least `highest`, at most `most` of them, evenly apart:
    0/20/40/60 for 56 seats."""
    power = 1
    while True:
        for step in (n * power for n in TICK_STEPS):
            count = -(-max(highest, 1) // step) + 1  # ceiling, and the 0
            if count <= most:
                return [step * i for i in range(count)]
        power *= 10


class SeatTimelineChart(QWidget):
    def __init__(self, locale: str) -> None:
        super().__init__()
        self.setObjectName("seatTimelineChart")
        self._locale = locale
        self._timeline: SeatTimeline | None = None
        self._live = QPainterPath()
        self._pending = QPainterPath()
        self._boundaries: list[float] = []
        self._today_x = 0.0
        self._plot = QRectF()
        self._top_seats = 1
        self._ticks: list[int] = [0, 1]
        self._hover_x: list[float] = []  # of each step, in order
        self._hover_steps: list[tuple[SeatStep, bool]] = []  # (step, pending)
        self.setMouseTracking(True)
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Seat timeline"))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader can reach its text

    def sizeHint(self) -> QSize:
        return QSize(640, 200)

    def set_timeline(self, timeline: SeatTimeline | None) -> None:
        self._timeline = timeline
        self.setAccessibleDescription(self.describe())
        self._layout()
        self.update()

    def describe(self) -> str:
        """The chart in words, for screen readers and the tooltip."""
        timeline = self._timeline
        if timeline is None:
            return self.tr("No contract to chart.")
        loc = self._locale
        parts = []
        for term in timeline.terms:
            end_seats = term.steps[-1].seats if term.steps else term.starting_seats
            parts.append(
                self.tr(
                    "{period}: {start} seats at the start, %Ln purchase(s), {end} seats at the end "
                    "or today.",
                    "",
                    sum(step.purchases for step in term.steps),
                ).format(
                    period=formatting.date_range(term.start_date, term.end_date, loc),
                    start=term.starting_seats,
                    end=end_seats,
                )
            )
        if timeline.pending:
            parts.append(
                self.tr(
                    "%Ln seat(s) bought and not live yet.",
                    "",
                    sum(s.added for s in timeline.pending),
                )
            )
        return " ".join(parts)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._layout()
        super().resizeEvent(event)

    def _layout(self) -> None:
        """Build the paths for the current size: steps after steps, pending ones dashed."""
        self._live, self._pending = QPainterPath(), QPainterPath()
        self._boundaries, self._hover_x, self._hover_steps = [], [], []
        timeline = self._timeline
        if timeline is None or not timeline.terms:
            return
        metrics = self.fontMetrics()
        left = PADDING + metrics.horizontalAdvance("00000") + 6
        bottom = metrics.height() + 6 + PADDING
        self._plot = plot = QRectF(
            left,
            PADDING,
            max(1, self.width() - left - PADDING),
            max(1, self.height() - bottom - PADDING),
        )
        first, last = timeline.terms[0].start_date, timeline.terms[-1].end_date
        span = max(1, (last - first).days + 1)
        self._ticks = seat_ticks(timeline.highest)
        self._top_seats = top = self._ticks[-1]

        def x(day: date) -> float:
            return plot.left() + plot.width() * (day - first).days / span

        def y(seats: int) -> float:
            return plot.bottom() - plot.height() * seats / top

        for term in timeline.terms:
            start_x = x(term.start_date)
            self._boundaries.append(start_x)
            self._live.moveTo(start_x, y(term.starting_seats))
            for step in term.steps:
                step_x = x(step.day)
                self._live.lineTo(step_x, self._live.currentPosition().y())
                self._live.lineTo(step_x, y(step.seats))
                self._hover_x.append(step_x)
                self._hover_steps.append((step, False))
            end = (
                min(term.end_date, timeline.today) if term is timeline.terms[-1] else term.end_date
            )
            self._live.lineTo(x(end), self._live.currentPosition().y())
        self._today_x = x(timeline.today)
        seats = timeline.seats_now
        self._pending.moveTo(self._today_x, y(seats))
        for step in timeline.pending:
            self._pending.lineTo(self._today_x, y(step.seats))
            self._hover_x.append(self._today_x)
            self._hover_steps.append((step, True))
        if timeline.pending:
            self._pending.lineTo(x(last), y(timeline.pending[-1].seats))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        timeline = self._timeline
        if timeline is None:
            painter.end()
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = self._plot
        grid = QColor(colour("chart_grid"))
        painter.setPen(QPen(grid, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        painter.setPen(text)
        metrics = self.fontMetrics()
        for seats in self._ticks:
            level = plot.bottom() - plot.height() * seats / self._top_seats
            if seats:  # a faint line at each tick, so a level can be read across
                painter.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
                painter.drawLine(QPointF(plot.left(), level), QPointF(plot.right(), level))
                painter.setPen(text)
            label = formatting.number(seats, self._locale)
            painter.drawText(
                QRectF(
                    PADDING,
                    level - metrics.height() / 2,
                    plot.left() - PADDING - 6,
                    metrics.height(),
                ),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
        # Where a contract starts: dashed in the text's colour, which reads in either scheme.
        boundary_pen = QPen(text, 1.5, Qt.PenStyle.DashLine)
        ends = [*self._boundaries[1:], plot.right()]
        for term, start_x, end_x in zip(timeline.terms, self._boundaries, ends, strict=True):
            painter.setPen(boundary_pen)
            painter.drawLine(QPointF(start_x, plot.top()), QPointF(start_x, plot.bottom()))
            painter.setPen(text)
            period = formatting.date_range(term.start_date, term.end_date, self._locale)
            room = max(0, int(end_x - start_x) - 8)
            painter.drawText(
                QPointF(start_x + 4, plot.bottom() + metrics.ascent() + 4),
                metrics.elidedText(period, Qt.TextElideMode.ElideRight, room),
            )
        highlight = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(highlight, 2))
        painter.drawPath(self._live)
        painter.setPen(QPen(highlight, 2, Qt.PenStyle.DashLine))
        painter.drawPath(self._pending)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Link), 1, Qt.PenStyle.DashDotLine))
        painter.drawLine(QPointF(self._today_x, plot.top()), QPointF(self._today_x, plot.bottom()))
        painter.setPen(text)
        painter.drawText(
            QPointF(self._today_x + 4, plot.top() + metrics.ascent()), self.tr("Today")
        )
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        step = self._step_near(event.position().x())
        if step is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self._step_text(*step), self)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        QToolTip.hideText()  # the tip names a purchase under the pointer: gone with it
        super().leaveEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        QToolTip.hideText()  # a tip must not outlive the chart it points into
        super().hideEvent(event)

    def _step_near(self, x: float, reach: float = 6) -> tuple[SeatStep, bool] | None:
        """The purchase drawn nearest `x`, if within `reach` pixels."""
        where = bisect_left(self._hover_x, x)
        near = [i for i in (where - 1, where) if 0 <= i < len(self._hover_x)]
        if not near:
            return None
        best = min(near, key=lambda i: abs(self._hover_x[i] - x))
        return self._hover_steps[best] if abs(self._hover_x[best] - x) <= reach else None

    def _step_text(self, step: SeatStep, pending: bool) -> str:
        day = formatting.day(step.day, self._locale)
        if step.purchases > 1:
            seats = formatting.number(step.added, self._locale)
            if pending:
                return self.tr(
                    "%Ln purchase(s) on {day}: {added} seats, not live yet", "", step.purchases
                ).format(day=day, added=seats)
            return self.tr(
                "%Ln purchase(s) live on {day}: {added} seats, {seats} in all", "", step.purchases
            ).format(day=day, added=seats, seats=step.seats)
        if pending:
            return self.tr(
                "{transaction_id}: %Ln seat(s) bought on {day}, not live yet", "", step.added
            ).format(transaction_id=step.transaction_id, day=day)
        return self.tr(
            "{transaction_id}: %Ln seat(s) live on {day}, {seats} in all", "", step.added
        ).format(transaction_id=step.transaction_id, day=day, seats=step.seats)
