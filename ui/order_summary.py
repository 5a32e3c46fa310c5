"""The order summary beside Add Seats: seats before and after, price, the months counted and
why, the amount, and what the invoice adds."""

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from billing.proration import Quote
from desktop import formatting
from desktop.account import ContractSummary
from desktop.overview import SeatUsage
from ui.named import named


def _text_label(name: str) -> QLabel:
    label = named(QLabel("—"), name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class OrderSummaryView(QWidget):
    free_disabled_requested = Signal()  # free the disabled users' seats instead of buying

    def __init__(self, locale: str) -> None:
        super().__init__()
        self.setObjectName("orderSummaryView")
        self._locale = locale
        self.seats = _text_label("summarySeatsLabel")
        self.price = _text_label("summaryPriceLabel")
        self.months = _text_label("summaryMonthsLabel")
        self.amount = _text_label("summaryAmountLabel")
        font = self.amount.font()
        font.setBold(True)
        self.amount.setFont(font)
        self.taxes = QLabel(self.tr("Taxes, if any, are added by the vendor on the invoice."))
        self.taxes.setWordWrap(True)
        self.unused = named(QLabel(), "summaryUnusedSeatsLabel")
        self.unused.setWordWrap(True)
        self.unused.setStyleSheet("font-weight: bold;")
        self.free_disabled = named(QLabel(), "summaryFreeDisabledLink")
        self.free_disabled.setWordWrap(True)
        self.free_disabled.setTextFormat(Qt.TextFormat.RichText)
        self.free_disabled.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.free_disabled.linkActivated.connect(lambda _: self.free_disabled_requested.emit())
        self.free_disabled.hide()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Seats:"), self.seats)
        form.addRow(self.tr("Price per seat per month:"), self.price)
        form.addRow(self.tr("Billed for:"), self.months)
        form.addRow(self.tr("Amount:"), self.amount)
        form.addRow(self.taxes)
        form.addRow(self.unused)
        form.addRow(self.free_disabled)

    def show_order(
        self, contract: ContractSummary | None, usage: SeatUsage | None, priced: Quote | None
    ) -> None:
        """The order as it stands; an empty one (no valid quantity) shows what is known."""
        loc = self._locale
        self.unused.setVisible(bool(usage and usage.assigned_disabled))
        if usage and usage.assigned_disabled:
            self.unused.setText(
                self.tr(
                    "%Ln seat(s) are held by disabled users: freeing them may be enough.",
                    "",
                    usage.assigned_disabled,
                )
            )
        # Enough seats are held by disabled users to cover the order: offer to free them.
        freeable = usage.assigned_disabled if usage else 0
        covers = bool(priced and 0 < priced.seats <= freeable)
        self.free_disabled.setVisible(covers)
        if covers:
            offer = self.tr("Free the %Ln seat(s) held by disabled users instead", "", freeable)
            self.free_disabled.setText(f'<a href="seats">{escape(offer)}</a>')
        if contract is None:
            for label in (self.seats, self.price, self.months, self.amount):
                label.setText("—")
            return
        now = contract.licensed_seats + contract.pending_seats
        after = now + (priced.seats if priced else 0)
        seats = self.tr("{now} → {after}").format(
            now=formatting.number(now, loc), after=formatting.number(after, loc)
        )
        if usage is not None:
            seats += " " + self.tr("({assigned} assigned)").format(
                assigned=formatting.number(usage.assigned, loc)
            )
        self.seats.setText(seats)
        self.price.setText(
            formatting.unit_price(contract.monthly_price_per_seat, contract.currency, loc)
        )
        if priced is None:
            self.months.setText("—")
            self.amount.setText("—")
            return
        self.months.setText(formatting.proration_rule(priced, loc))
        self.amount.setText(formatting.money(priced.amount, priced.currency, loc))
