"""Renew Contract: the next term with its order summary, the acknowledgement, a PO number and
instructions. The renewal is recorded here first and sent by the sync, like a purchase."""

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from billing.kinds import OrderKind
from billing.proration import MAX_SEATS
from billing.renewal import RenewalTerms
from desktop import formatting
from desktop.purchasing import acknowledgement
from desktop.quotes import Quotes
from desktop.renewing import RenewalOffer
from ui.focus_order import chain_buttons
from ui.named import named
from ui.screen_fit import fit_to_screen
from ui.tasks import run_in_background


class RenewalDialog(QDialog):
    def __init__(
        self,
        offer: RenewalOffer,
        current_start: date,
        renew: Callable[[int, Decimal, str, str], object],
        locale: str,
        default_purchase_order: str | None = None,
        parent: QWidget | None = None,
        quotes: Callable[[], Quotes] | None = None,
    ) -> None:
        """`renew(seats, amount, purchase_order, instructions)` records the renewal (it runs
        off the GUI thread); `quotes`, when signed in to the service, makes formal quotes."""
        super().__init__(parent)
        self.setObjectName("renewalDialog")
        self.setWindowTitle(self.tr("Renew Contract"))
        fit_to_screen(self, 640, 430)
        self._offer, self._start, self._renew, self._locale = offer, current_start, renew, locale
        self._terms: RenewalTerms | None = None
        self.seats = named(QSpinBox(), "renewalSeatsSpin")
        self.seats.setRange(offer.seats_now, offer.seats_now + MAX_SEATS)
        self.seats.setValue(offer.seats_now)
        self.seats.setAccessibleName(self.tr("Seats next term"))
        self.seats.valueChanged.connect(self._update)
        self.term = named(QLabel(), "renewalTermLabel")
        self.term.setWordWrap(True)
        self.seats_text = named(QLabel(), "renewalSeatsLabel")
        self.seats_text.setWordWrap(True)
        self.price = named(QLabel(), "renewalPriceLabel")
        self.price.setWordWrap(True)
        self.amount = named(QLabel(), "renewalAmountLabel")
        self.amount.setWordWrap(True)
        font = self.amount.font()
        font.setBold(True)
        self.amount.setFont(font)
        self.purchase_order = named(
            QLineEdit(default_purchase_order or ""), "renewalPurchaseOrderEdit"
        )
        self.purchase_order.setAccessibleName(self.tr("Purchase order number"))
        self.instructions = named(QPlainTextEdit(), "renewalInstructionsEdit")
        self.instructions.setAccessibleName(self.tr("Additional instructions"))
        self.instructions.setPlaceholderText(self.tr("For example: invoice in January"))
        self.instructions.setTabChangesFocus(True)
        self.instructions.setFixedHeight(3 * self.fontMetrics().lineSpacing() + 12)
        self.acknowledge = named(QCheckBox(acknowledgement()), "renewalAcknowledgeCheckBox")
        self.message = named(QLabel(), "renewalMessageLabel")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.renew_button = buttons.addButton(
            self.tr("&Renew"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.renew_button.setObjectName("renewButton")
        self.renew_button.clicked.connect(self._confirm)
        self._quotes = quotes
        if quotes is not None:  # for finance to approve the renewal before it is placed
            quote_button = buttons.addButton(
                self.tr("Request &Quote…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            quote_button.setObjectName("renewalQuoteButton")
            quote_button.setAutoDefault(False)
            quote_button.clicked.connect(self._request_quote)
        buttons.rejected.connect(self.reject)
        self.acknowledge.toggled.connect(self._update)
        form = QFormLayout()
        seats_label = QLabel(self.tr("&Seats next term:"))
        seats_label.setBuddy(self.seats)
        form.addRow(seats_label, self.seats)
        form.addRow(self.tr("Next term:"), self.term)
        form.addRow(self.tr("Seats:"), self.seats_text)
        form.addRow(self.tr("Price per seat per month:"), self.price)
        form.addRow(self.tr("Amount:"), self.amount)
        taxes = QLabel(self.tr("Taxes, if any, are added on the invoice."))
        taxes.setWordWrap(True)
        form.addRow(taxes)
        po_label = QLabel(self.tr("PO &number:"))
        po_label.setBuddy(self.purchase_order)
        form.addRow(po_label, self.purchase_order)
        instructions_label = QLabel(self.tr("&Instructions:"))
        instructions_label.setBuddy(self.instructions)
        form.addRow(instructions_label, self.instructions)
        form.addRow(self.acknowledge)
        form.addRow(self.message)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch()  # the rows keep their height; the room left goes below them
        layout.addWidget(buttons)
        self._buttons = buttons
        self._update()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        chain_buttons(self.acknowledge, self._buttons)  # checkbox, then Renew and Cancel as seen

    def _update(self) -> None:
        offer, loc = self._offer, self._locale
        self._terms = terms = offer.terms(self.seats.value(), self._start)
        self.term.setText(
            self.tr("{period}: %Ln month(s)", "", terms.months).format(
                period=formatting.date_range(terms.term_start, terms.term_end, loc)
            )
        )
        self.seats_text.setText(
            self.tr("{now} now → {next} next term").format(
                now=formatting.number(offer.seats_now, loc),
                next=formatting.number(terms.seats, loc),
            )
        )
        self.price.setText(
            self.tr("{now} now → {next} next term").format(
                now=formatting.unit_price(offer.monthly_price_now, offer.currency, loc),
                next=formatting.unit_price(offer.monthly_price_next, offer.currency, loc),
            )
        )
        self.amount.setText(formatting.money(terms.amount, terms.currency, loc))
        self.renew_button.setEnabled(self.acknowledge.isChecked())

    def _request_quote(self) -> None:
        from ui.quotes_dialog import request_quote

        if self._terms is None or self._quotes is None:
            return
        self.message.clear()
        request_quote(
            self,
            self._quotes(),
            self._terms.seats,
            OrderKind.RENEWAL,
            self.purchase_order.text(),
            self.instructions.toPlainText(),
            self.message.setText,
        )

    def _confirm(self) -> None:
        terms, renew = self._terms, self._renew
        assert terms is not None  # _update worked them out when the dialog was made
        self.renew_button.setEnabled(False)
        self.message.setText(self.tr("Recording the renewal…"))
        purchase_order = self.purchase_order.text()
        instructions = self.instructions.toPlainText()
        run_in_background(
            lambda: renew(terms.seats, terms.amount, purchase_order, instructions),
            lambda _: self.accept(),
            self._refused,
        )

    def _refused(self, error: Exception) -> None:
        self.message.setText(str(error))
        self.renew_button.setEnabled(self.acknowledge.isChecked())
