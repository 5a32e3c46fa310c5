"""Contract tab, the account overview: cards for seats, the contract, billing and the account
manager, each a fact and its action, and the seat timeline; on a narrow window the cards stand
two by two beside the chart."""

from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import translate
from ui.billing_card import BillingCard
from ui.cards import named
from ui.contract_card import ContractCard
from ui.manager_card import ManagerCard
from ui.overview_state import OverviewState
from ui.seat_timeline_chart import SeatTimelineChart
from ui.seats_card import SeatsCard
from ui.tasks import run_in_background

WIDE = 1100  # px: from this width the four cards stand in one row above the chart
CHART_HEIGHT = 200  # px the chart keeps at the least


class ContractTab(QWidget):
    message = Signal(str)  # for the status bar

    def __init__(self, state: OverviewState, locale: str, buys: bool = True) -> None:
        """`buys` False: for billing only, without Add Seats, Renew or freeing seats."""
        super().__init__()
        self.setObjectName("contractTab")
        self._state = state
        self.seats = SeatsCard(locale)
        self.contract = ContractCard(locale)
        self.billing = BillingCard(locale)
        self.manager = ManagerCard()
        self.cards = (self.seats, self.contract, self.billing, self.manager)
        if not buys:
            self.seats.show_only()
            self.contract.renews = False
            self.manager.request_reduction.hide()
        self.usage_bar = self.seats.usage_bar
        self.chart = SeatTimelineChart(locale)
        self.chart.setMinimumHeight(CHART_HEIGHT)
        self.save_chart = named(
            QPushButton(translate("ContractTab", "Save Chart as P&NG…")), "saveChartButton"
        )
        self.save_chart.clicked.connect(self._ask_chart_path)
        self.timeline = QGroupBox(translate("ContractTab", "Seat timeline"))
        column = QVBoxLayout(self.timeline)
        column.addWidget(self.chart, 1)
        column.addWidget(self.save_chart, alignment=Qt.AlignmentFlag.AlignRight)
        self._grid = QGridLayout()
        self._wide: bool | None = None
        content = named(QWidget(), "overviewContent")
        content.setLayout(self._grid)
        # Laid out to fit a 1024x640 screen; a smaller one (or large fonts) scrolls.
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab scrolls to what it reaches
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self._arrange(wide=True)
        state.changed.connect(self._show)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(event.size().width() >= WIDE)
        super().resizeEvent(event)

    def _arrange(self, wide: bool) -> None:
        """Wide: the cards in a row, the chart below. Narrow: two by two, the chart beside."""
        if wide == self._wide:
            return
        self._wide, grid = wide, self._grid
        for widget in (*self.cards, self.timeline):
            grid.removeWidget(widget)
        for index in range(4):
            grid.setRowStretch(index, 0)
            grid.setColumnStretch(index, 0)
        if wide:
            for column, card in enumerate(self.cards):
                grid.addWidget(card, 0, column)  # one height: the row's
                grid.setColumnStretch(column, 1)
            grid.addWidget(self.timeline, 1, 0, 1, len(self.cards))
            grid.setRowStretch(1, 1)
        else:
            for index, card in enumerate(self.cards):
                grid.addWidget(card, index // 2, index % 2)
            grid.addWidget(self.timeline, 0, 2, 3, 1)
            grid.setColumnStretch(2, 1)
            grid.setRowStretch(2, 1)  # the cards keep their height; the chart takes the rest
        self._chain_focus()

    def _chain_focus(self) -> None:
        """Tab goes through the cards as the eye reads them (in a row; or two by two beside the
        chart: down the first column, then the second), then to the chart."""
        seats, contract, billing, manager = self.cards
        cards = self.cards if self._wide else (seats, billing, contract, manager)
        chain = [
            widget
            for card in cards
            for widget in card.findChildren(QWidget)
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        chain += [self.chart, self.save_chart]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _show(self) -> None:
        overview = self._state.overview
        summary = overview.contract if overview else None
        self.seats.show_seats(summary, overview.usage if overview else None)
        self.contract.show_contract(overview)
        self.billing.show_billing(overview, self._state.open_invoices)
        self.manager.show_manager(summary)
        self.chart.set_timeline(overview.timeline if overview else None)
        self.save_chart.setEnabled(overview is not None)

    def _ask_chart_path(self) -> None:
        from ui.export_paths import ask_save_path  # the file dialog: loaded when first asked

        path = ask_save_path(
            self,
            translate("ContractTab", "Save seat timeline"),
            "seat-timeline.png",
            translate("ContractTab", "PNG images (*.png)"),
        )
        if path:
            self.save_chart_to(path)

    def save_chart_to(self, path: Path) -> None:
        """The chart as shown, written off the GUI thread (a QImage may be saved from any)."""
        image = self.chart.grab().toImage()
        run_in_background(
            lambda: _save_image(image, path),
            lambda _: self.message.emit(
                translate("ContractTab", "Saved the seat timeline to {path}.").format(path=path)
            ),
            lambda error: self.message.emit(
                translate("ContractTab", "The seat timeline could not be saved: {error}").format(
                    error=error
                )
            ),
        )


def _save_image(image: QImage, path: Path) -> None:
    # PySide6's stubs ask for the format as bytes; at run time it takes only a str.
    if not image.save(str(path), "PNG"):  # pyright: ignore[reportArgumentType, reportCallIssue]
        raise OSError(f"cannot write {path}")
