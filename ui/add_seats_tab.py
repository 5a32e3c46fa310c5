"""Add Seats tab: quantity, the prorated total with its working, acknowledgement, purchase."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QIcon, QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from billing.kinds import OrderKind
from billing.orders import OrderRefusal, check_invoice_note, check_purchase_order
from billing.proration import MAX_SEATS, MIN_SEATS, Quote, QuoteError, quote, validate_seats
from desktop import formatting
from desktop.access import Administrator, limit_exceeded
from desktop.account import ContractSummary
from desktop.i18n import localized
from desktop.overview import SeatUsage
from desktop.purchasing import (
    Placed,
    PurchaseRefused,
    QuoteChanged,
    acknowledgement,
    no_contract_message,
    purchase_seats,
)
from ui.appearance import colour
from ui.named import named
from ui.order_summary import OrderSummaryView
from ui.tasks import run_in_background

if TYPE_CHECKING:
    from desktop.quotes import Quotes


def _icon_url(icon: QIcon) -> str:
    """The icon as a data URL that rich text can show."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    icon.pixmap(16, 16).save(buffer, "PNG")
    return "data:image/png;base64," + buffer.data().toBase64().toStdString()


class SeatSpinBox(QSpinBox):
    """A spin box that keeps what was typed or pasted, even when invalid, so the tab can say why."""

    def __init__(self, problem: Callable[[str], str | None]) -> None:
        super().__init__()
        self.setObjectName("additionalLicenseSpin")
        self._problem = problem
        self.setRange(MIN_SEATS, MAX_SEATS)
        self.setAccessibleName(self.tr("Additional licenses"))
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000000000") + 40)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if self._problem(text) is None:
            return QValidator.State.Acceptable, text, pos
        if len(text) <= 24:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def valueFromText(self, text: str) -> int:
        return validate_seats(text) if self._problem(text) is None else self.value()


class AddSeatsTab(QWidget):
    purchased = Signal(object)  # a Placed
    purchase_failed = Signal(str)
    free_disabled_requested = Signal()  # the summary's offer to free seats instead

    def __init__(self, administrator: Administrator, locale: str) -> None:
        super().__init__()
        self.setObjectName("addSeatsTab")
        self._administrator = administrator
        self._locale = locale
        self._contract: ContractSummary | None = None
        self._usage: SeatUsage | None = None
        self._shown: Quote | None = None
        self._references_problem: str | None = None
        self._default_purchase_order = ""
        self._in_flight = False

        self.spin = SeatSpinBox(self._problem)
        # The spin box reports value changes; its line edit reports text it does not accept yet.
        self.spin.textChanged.connect(self._update_total)
        self.spin.lineEdit().textChanged.connect(self._update_total)
        quantity_label = QLabel(self.tr("&Additional License:"))
        quantity_label.setBuddy(self.spin)
        self.quantity_message = named(QLabel(), "quantityMessageLabel")
        self.quantity_message.setWordWrap(True)
        # Two lines are kept for a message, so the Total below never jumps when one appears.
        self.quantity_message.setMinimumHeight(2 * self.fontMetrics().lineSpacing() + 4)
        self.quantity_message.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.spin.editingFinished.connect(self._update_total)  # a text it put back, shown as is
        self.total = named(QLabel("…"), "totalLabel")
        self.total.setWordWrap(True)
        self.total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.total.setAccessibleName(self.tr("Total"))
        self.total.setStyleSheet("font-weight: bold;")
        self.acknowledge = named(QCheckBox(acknowledgement()), "acknowledgeCheckBox")
        self.acknowledge.toggled.connect(self._update_button)
        self.purchase_order = named(QLineEdit(), "purchaseOrderEdit")
        self.purchase_order.setPlaceholderText(self.tr("Optional, up to 40 characters"))
        self.purchase_order.setAccessibleName(self.tr("Purchase order number"))
        self.purchase_order.setMaximumWidth(self.fontMetrics().horizontalAdvance("W" * 24))
        self.purchase_order.textChanged.connect(self._check_references)
        purchase_order_label = QLabel(self.tr("PO &number:"))
        purchase_order_label.setBuddy(self.purchase_order)
        self.invoice_note = named(QPlainTextEdit(), "invoiceNoteEdit")
        self.invoice_note.setPlaceholderText(self.tr("Optional note for the invoice"))
        self.invoice_note.setAccessibleName(self.tr("Note for the invoice"))
        self.invoice_note.setTabChangesFocus(True)
        self.invoice_note.setFixedHeight(4 * self.fontMetrics().lineSpacing() + 12)
        self.invoice_note.textChanged.connect(self._check_references)
        invoice_note_label = QLabel(self.tr("Note for the &invoice:"))
        invoice_note_label.setBuddy(self.invoice_note)
        self.references_message = named(QLabel(), "referencesMessageLabel")
        self.references_message.setWordWrap(True)
        self.references_message.hide()
        self.summary = OrderSummaryView(locale)
        self.summary.free_disabled_requested.connect(self.free_disabled_requested)
        self.purchase_button = named(
            QPushButton(self.tr("&Purchase License")), "purchaseLicenseButton"
        )
        self.purchase_button.clicked.connect(self._purchase)
        self.quote_button = named(QPushButton(self.tr("Request &Quote…")), "requestQuoteButton")
        self.quote_button.setToolTip(
            self.tr(
                "A formal quote (PDF) for these seats, with the PO number and note, to approve."
            )
        )
        self.quote_button.clicked.connect(self._request_quote)
        self.quotes: Callable[[], Quotes] | None = None  # given once signed in to the service
        # Above the buyer's spending limit an order waits for an approver: said before buying.
        self.approvers: Callable[[], list[str]] | None = None  # their names, from the service
        self._approver_names: list[str] | None = None
        self.approval_note = named(QLabel(), "approvalNoteLabel")
        self.approval_note.setWordWrap(True)
        self.approval_note.hide()
        self.purchase_message = named(QLabel(), "purchaseMessageLabel")
        self.purchase_message.setWordWrap(True)
        terms = QLabel(
            self.tr(
                "No payment is taken here: the vendor sends an invoice. "
                "New seats go live within 5 minutes."
            )
        )
        terms.setWordWrap(True)

        # The error's border goes around the spin box: styled itself, it would lose its arrows.
        self.quantity_frame = QFrame()
        self.quantity_frame.setObjectName("quantityFrame")
        frame = QHBoxLayout(self.quantity_frame)
        frame.setContentsMargins(2, 2, 2, 2)
        frame.addWidget(self.spin)
        form = QFormLayout()
        form.addRow(quantity_label, self.quantity_frame)
        form.addRow("", self.quantity_message)
        form.addRow(self.tr("Total:"), self.total)
        form.addRow(purchase_order_label, self.purchase_order)
        form.addRow(invoice_note_label, self.invoice_note)
        form.addRow("", self.references_message)
        order = QVBoxLayout()
        order.addLayout(form)
        order.addWidget(self.acknowledge)
        order.addWidget(self.approval_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.purchase_button)
        buttons.addWidget(self.quote_button)
        buttons.addStretch()
        order.addLayout(buttons)
        order.addWidget(self.purchase_message)
        order.addWidget(terms)
        order.addStretch()
        summary_box = QGroupBox(self.tr("Order summary"))
        QVBoxLayout(summary_box).addWidget(self.summary)
        layout = QHBoxLayout(self)
        layout.addLayout(order, 3)
        layout.addWidget(summary_box, 2, alignment=Qt.AlignmentFlag.AlignTop)
        for first, second in (
            (self.spin, self.purchase_order),
            (self.purchase_order, self.invoice_note),
            (self.invoice_note, self.acknowledge),
            (self.acknowledge, self.purchase_button),
        ):
            self.setTabOrder(first, second)
        self.set_contract(None)

    def set_contract(self, summary: ContractSummary | None, usage: SeatUsage | None = None) -> None:
        self._contract, self._usage = summary, usage
        self.spin.setEnabled(summary is not None)
        self._update_total()

    def set_default_purchase_order(self, number: str | None) -> None:
        """The billing profile's PO number, filled in unless one was typed."""
        if self.purchase_order.text() in ("", self._default_purchase_order):
            self.purchase_order.setText(number or "")
        self._default_purchase_order = number or ""

    def focus_quantity(self) -> None:
        self.spin.setFocus(Qt.FocusReason.OtherFocusReason)
        self.spin.selectAll()

    def _problem(self, text: str) -> str | None:
        try:
            validate_seats(text, self._contract)
        except QuoteError as error:
            return localized(error)
        return None

    def _update_total(self) -> None:
        self._shown = None
        problem = None
        if self._contract is None:
            self.total.setText(no_contract_message())
        elif (problem := self._problem(self.spin.text())) is not None:
            self.total.setText("—")
        else:
            priced = quote(self._contract, self.spin.text(), self._contract.today)
            self._show_quote(priced)
        self._show_problem(problem)
        self._update_button()

    def _show_problem(self, problem: str | None) -> None:
        """A quantity that cannot be bought: the message as an error, the field marked, and
        the message read out by a screen reader."""
        if problem == (self.quantity_message.property("problem") or None):
            return
        self.quantity_message.setProperty("problem", problem or "")
        if problem is None:
            self.quantity_message.clear()
            self.quantity_frame.setStyleSheet("")
            self.spin.setAccessibleDescription("")
            return
        error = colour("error")
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.quantity_message.setText(
            f'<img src="{_icon_url(icon)}" width="16" height="16"> '
            f'<span style="color: {error};">{escape(problem, quote=False)}</span>'
        )
        self.quantity_frame.setStyleSheet(
            f"#quantityFrame {{ border: 2px solid {error}; border-radius: 3px; }}"
        )
        self.spin.setAccessibleDescription(problem)
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.spin, problem))

    def _show_quote(self, priced: Quote) -> None:
        self._shown = priced
        self.total.setText(formatting.quote_working(priced, self._locale))

    def _check_references(self) -> None:
        """The PO number and the note as the order will carry them; a problem blocks buying."""
        try:
            check_purchase_order(self.purchase_order.text())
            check_invoice_note(self.invoice_note.toPlainText())
        except OrderRefusal as refusal:
            self._references_problem = localized(refusal)
        else:
            self._references_problem = None
        self.references_message.setText(self._references_problem or "")
        self.references_message.setVisible(self._references_problem is not None)
        self.references_message.setStyleSheet(
            f"color: {colour('error')};" if self._references_problem else ""
        )
        self._update_button()

    def _update_button(self) -> None:
        shown = self._shown
        ready = (
            shown is not None
            and self.acknowledge.isChecked()
            and not self._in_flight
            and self._references_problem is None
        )
        self.purchase_button.setEnabled(ready)
        self.quote_button.setEnabled(shown is not None and self._references_problem is None)
        if shown is None:
            self.purchase_button.setText(self.tr("&Purchase License"))
        else:
            amount = formatting.money(shown.amount, shown.currency, self._locale)
            self.purchase_button.setText(
                self.tr("&Purchase %Ln seat(s) for {amount}", "", shown.seats).format(amount=amount)
            )
        self.summary.show_order(self._contract, self._usage, shown)
        self._show_approval_note()

    def _show_approval_note(self) -> None:
        """Whether the order shown is above the buyer's spending limit, and who will decide."""
        shown = self._shown
        limit = shown and limit_exceeded(self._administrator, shown.amount, shown.currency)
        self.approval_note.setVisible(bool(limit))
        if not limit or shown is None:
            return
        if self._approver_names is None and self.approvers is not None:
            self._approver_names = []  # asked once
            run_in_background(self.approvers, self._approvers_arrived, lambda _: None)
        ceiling = formatting.money(limit, shown.currency, self._locale)
        if self._approver_names:
            text = self.tr(
                "Above your limit of {limit}: an approver ({names}) will be asked, and nothing "
                "is ordered until one approves."
            ).format(limit=ceiling, names=", ".join(self._approver_names))
        else:
            text = self.tr(
                "Above your limit of {limit}: an approver will be asked, and nothing is ordered "
                "until one approves."
            ).format(limit=ceiling)
        self.approval_note.setText(text)

    def _approvers_arrived(self, names: list[str]) -> None:
        self._approver_names = names
        self._show_approval_note()

    def _request_quote(self) -> None:
        from ui.quotes_dialog import request_quote

        if self._shown is None or self.quotes is None:
            self.purchase_message.setText(self.tr("Quotes need a connection to the service."))
            return
        self.purchase_message.clear()
        seats, note = self._shown.seats, self.invoice_note.toPlainText()
        request_quote(
            self,
            self.quotes(),
            seats,
            OrderKind.PURCHASE,
            self.purchase_order.text(),
            note,
            self.purchase_message.setText,
        )

    def _purchase(self) -> None:
        if self._in_flight or self._shown is None or not self.acknowledge.isChecked():
            return
        self._in_flight = True
        self._update_button()
        self.purchase_message.setText(self.tr("Recording your purchase…"))
        shown, administrator, locale = self._shown, self._administrator, self._locale
        purchase_order = self.purchase_order.text()
        invoice_note = self.invoice_note.toPlainText()
        run_in_background(
            lambda: Placed.of(
                purchase_seats(
                    administrator,
                    shown.seats,
                    shown.amount,
                    acknowledged=True,
                    locale=locale,
                    purchase_order=purchase_order,
                    invoice_note=invoice_note,
                )
            ),
            self._purchase_succeeded,
            self._purchase_refused,
        )

    def _purchase_succeeded(self, purchase: Placed) -> None:
        self._in_flight = False
        self.purchase_message.clear()
        self.acknowledge.setChecked(False)
        self.spin.setValue(MIN_SEATS)
        self.purchase_order.setText(self._default_purchase_order)
        self.invoice_note.clear()
        self._update_total()
        self.purchased.emit(purchase)

    def _purchase_refused(self, error: Exception) -> None:
        self._in_flight = False
        if isinstance(error, QuoteChanged):
            self.acknowledge.setChecked(False)
            self._show_quote(error.new_quote)
            message = str(error)
        elif isinstance(error, PurchaseRefused):
            message = str(error)
        else:
            message = self.tr(
                "Nothing was bought: the purchase could not be recorded ({error})."
            ).format(error=error)
        self.purchase_message.setText(message)
        self._update_button()
        self.purchase_failed.emit(message)
