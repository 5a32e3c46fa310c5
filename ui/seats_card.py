"""The Seats card: purchased, assigned and available, the bar, and the seats held by users who
do not use them, each with Review."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton

from desktop import formatting
from desktop.account import ContractSummary
from desktop.alerts import SeatAlert
from desktop.i18n import translate
from desktop.overview import SeatUsage
from ui.appearance import colour
from ui.cards import Card, button, link_button, text_label, value_label
from ui.seat_usage_bar import SeatUsageBar

DISABLED, INACTIVE = "disabled", "inactive"  # the lists of seat holders the card opens


class SeatsCard(Card):
    add_seats_requested = Signal()
    seat_holders_requested = Signal(str, int)  # DISABLED or INACTIVE, and the inactive days

    def __init__(self, locale: str) -> None:
        super().__init__(translate("ContractTab", "Seats"), "seatsCard")
        self._locale = locale
        self._inactive_days = 0
        self.purchased = self._figure("seatsPurchasedLabel")
        self.assigned = self._figure("seatsAssignedLabel")
        self.available = self._figure("seatsAvailableLabel")
        self.pending = self._figure("pendingSeatsLabel")
        self.pending_caption = text_label(translate("ContractTab", "Pending"))
        figures = QGridLayout()
        figures.setVerticalSpacing(0)
        captions = (
            translate("ContractTab", "Purchased"),
            translate("ContractTab", "Assigned"),
            translate("ContractTab", "Available"),
        )
        shown = (self.purchased, self.assigned, self.available)
        for column, (figure, caption) in enumerate(zip(shown, captions, strict=True)):
            figures.addWidget(figure, 0, column)
            figures.addWidget(text_label(caption), 1, column, Qt.AlignmentFlag.AlignTop)
            figure.setAccessibleName(caption)
        figures.addWidget(self.pending, 0, 3)
        figures.addWidget(self.pending_caption, 1, 3, Qt.AlignmentFlag.AlignTop)
        self.pending.setAccessibleName(translate("ContractTab", "Pending (not live yet)"))
        self.pending_caption.setToolTip(translate("ContractTab", "Bought and not live yet"))
        self.usage_bar = SeatUsageBar()
        self.usage_text = text_label(name="seatUsageLabel")
        self.disabled_text = text_label(name="disabledSeatHoldersLabel")
        self.disabled_holders = self._review("disabledSeatHoldersButton", DISABLED)
        self.disabled_holders.setAccessibleName(
            translate("ContractTab", "Review seats held by disabled users")
        )
        self.inactive_text = text_label(name="inactiveSeatHoldersLabel")
        self.inactive_holders = self._review("inactiveSeatHoldersButton", INACTIVE)
        self.inactive_holders.setAccessibleName(
            translate("ContractTab", "Review seats held by inactive users")
        )
        self.alert_text = text_label(name="seatAlertLabel")
        self.alert_text.setStyleSheet(f"color: {colour('error')}; font-weight: bold;")
        self.alert_text.hide()
        self.add_seats = button(translate("ContractTab", "&Add Seats…"), "addSeatsButton")
        self.add_seats.clicked.connect(self.add_seats_requested)
        self.body.addLayout(figures)
        self.body.addWidget(self.usage_bar)
        self.body.addWidget(self.usage_text)
        self.body.addWidget(self.alert_text)
        for text, review in (
            (self.disabled_text, self.disabled_holders),
            (self.inactive_text, self.inactive_holders),
        ):
            row = QHBoxLayout()
            row.addWidget(text, 1)
            row.addWidget(review, 0, Qt.AlignmentFlag.AlignTop)
            self.body.addLayout(row)
        self.add_action(self.add_seats)
        self.buys = True  # False: billing only, the seats are shown and never bought or freed

    def show_only(self) -> None:
        """For billing only: the figures, without Add Seats or the reviews that free seats."""
        self.buys = False
        self.add_seats.hide()

    def _figure(self, name: str) -> QLabel:
        label = value_label(name, wrap=False)  # a number: it never needs a second line
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        label.setFont(font)
        return label

    def _review(self, name: str, kind: str) -> QPushButton:
        button = link_button(translate("ContractTab", "Review…"), name)
        button.setToolTip(translate("ContractTab", "Open the Seats view with these users"))
        button.clicked.connect(lambda: self.seat_holders_requested.emit(kind, self._inactive_days))
        return button

    def show_seats(self, summary: ContractSummary | None, usage: SeatUsage | None) -> None:
        """The contract's seats and, once the service has said, how they are used."""
        loc = self._locale
        purchased = summary.licensed_seats if summary else 0
        pending = summary.pending_seats if summary else 0
        self.purchased.setText(formatting.number(purchased, loc) if summary else "—")
        self.pending.setText(formatting.number(pending, loc) if summary else "—")
        for widget in (self.pending, self.pending_caption):
            widget.setVisible(pending > 0)
        self.add_seats.setEnabled(summary is not None)
        self._inactive_days = usage.inactive_days if usage else 0
        if summary is None or usage is None:
            for label in (self.assigned, self.available):
                label.setText("—")
            self.usage_text.setText(
                translate("ContractTab", "Seat assignment is shown once the service is reached.")
                if summary
                else ""
            )
            self.usage_text.setVisible(summary is not None)
            self.usage_bar.set_counts(0, purchased, pending)
            self._show_held(0, 0, 0)
            return
        self.assigned.setText(formatting.number(usage.assigned, loc))
        self.available.setText(formatting.number(max(0, purchased - usage.assigned), loc))
        self.usage_bar.set_counts(usage.assigned, purchased, pending)
        self.usage_text.hide()  # the figures and the bar say it
        self._show_held(usage.assigned_disabled, usage.assigned_inactive, usage.inactive_days)

    def _show_held(self, disabled: int, inactive: int, days: int) -> None:
        self.disabled_text.setText(
            translate("ContractTab", "%Ln held by disabled users", "", disabled)
        )
        self.inactive_text.setText(
            translate(
                "ContractTab", "%Ln held by users inactive for over {days} days", "", inactive
            ).format(days=days)
        )
        self.disabled_text.setVisible(disabled > 0)
        self.disabled_holders.setVisible(self.buys and disabled > 0)
        self.inactive_text.setVisible(inactive > 0)
        self.inactive_holders.setVisible(self.buys and inactive > 0)

    def show_alert(self, alert: SeatAlert | None) -> None:
        """Marks the seats while fewer are available than the alert watches for."""
        self.alert_text.setVisible(alert is not None)
        if alert is not None:
            self.alert_text.setText(
                translate(
                    "ContractTab",
                    "Below your alert: fewer than %Ln seat(s) available.",
                    "",
                    alert.threshold,
                )
            )
