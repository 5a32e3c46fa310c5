"""Formal quotes: requesting one (from Add Seats or the renewal) and showing its PDF, and the
Quotes list with Order from Quote, which records the purchase like any other."""

from collections.abc import Callable
from urllib.parse import quote as url_quote

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from billing.kinds import OrderKind
from desktop.formatting import day, money
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import Administrator
from desktop.purchasing import Placed, PurchaseRefused, acknowledgement, purchase_from_quote
from desktop.quotes import EXPIRED, USED, FormalQuote, Quotes
from ui.focus_order import chain_buttons
from ui.named import named
from ui.screen_fit import fit_to_screen
from ui.tasks import run_in_background

STATUS = {
    "open": QT_TRANSLATE_NOOP("QuotesDialog", "Open"),
    USED: QT_TRANSLATE_NOOP("QuotesDialog", "Ordered"),
    EXPIRED: QT_TRANSLATE_NOOP("QuotesDialog", "Expired"),
}


def request_quote(
    parent: QWidget,
    quotes: Quotes,
    seats: int,
    kind: OrderKind,
    purchase_order: str | None,
    note: str | None,
    said: Callable[[str], object],
) -> None:
    """Ask the service for a quote (off the GUI thread), then show its PDF to preview, save or
    print; `said` gets what went wrong."""

    def fetch() -> tuple[FormalQuote, bytes]:
        given = quotes.request(seats, kind, purchase_order or None, note or None)
        return given, quotes.pdf(given.number)

    def failed(error: Exception) -> None:
        said(
            translate("QuotesDialog", "No quote was made ({error}). Try again when online.").format(
                error=error
            )
        )

    run_in_background(fetch, lambda made: show_quote(parent, *made), failed)


def show_quote(parent: QWidget, given: FormalQuote, data: bytes) -> None:
    from ui.receipt_dialog import ReceiptDialog  # QtPdf loads when a document is first shown

    title = translate("QuotesDialog", "Quote {number}").format(number=given.number)
    ReceiptDialog(given.number, data, parent, title, "quoteDialog").open()


def email_quote(given: FormalQuote, locale: str) -> None:
    """The system's mail client with a message about the quote. A mailto: link cannot carry an
    attachment: the user attaches the PDF saved from the preview."""
    subject = translate("QuotesDialog", "Quote {number}").format(number=given.number)
    body = translate(
        "QuotesDialog",
        "Please find attached quote {number}: %Ln seat(s) for {amount}, valid until {date}.",
        "",
        given.seats,
    ).format(
        number=given.number,
        amount=money(given.amount, given.currency, locale),
        date=day(given.valid_until, locale),
    )
    url = f"mailto:?subject={url_quote(subject)}&body={url_quote(body)}"
    QDesktopServices.openUrl(QUrl(url))


class QuotesDialog(QDialog):
    """The organization's quotes, newest first: view (preview, save, print), e-mail, and order
    the seats of an open one at its price."""

    def __init__(
        self,
        quotes: Quotes,
        administrator: Administrator,
        locale: str,
        ordered: Callable[[Placed], object] | None,
        parent: QWidget | None = None,
    ) -> None:
        """`ordered` takes the purchase of an order from a quote; None for a user who may not
        buy (View Billing only): the list is then to read, view and e-mail."""
        super().__init__(parent)
        self.setObjectName("quotesDialog")
        self.setWindowTitle(self.tr("Quotes"))
        fit_to_screen(self, 760, 420)
        self._quotes, self._administrator, self._locale = quotes, administrator, locale
        self._ordered = ordered
        self._listed: list[FormalQuote] = []
        self.table = named(QTableWidget(0, 7), "quotesTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Number"),
                self.tr("For"),
                self.tr("Seats"),
                self.tr("Amount"),
                self.tr("Valid until"),
                self.tr("Status"),
                self.tr("PO number"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Quotes"))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.message = named(QLabel(self.tr("Loading quotes…")), "quotesMessageLabel")
        self.message.setWordWrap(True)
        self.acknowledge = named(QCheckBox(acknowledgement()), "quoteAcknowledgeCheck")
        self.acknowledge.toggled.connect(self._update_buttons)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.view_button = named(QPushButton(self.tr("&View…")), "viewQuoteButton")
        self.email_button = named(QPushButton(self.tr("&E-mail…")), "emailQuoteButton")
        self.email_button.setToolTip(
            self.tr("Opens your mail program; attach the PDF saved with View… (a link cannot).")
        )
        self.order_button = named(QPushButton(self.tr("&Order from Quote")), "orderFromQuoteButton")
        for button in (self.view_button, self.email_button, self.order_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.view_button.clicked.connect(self._view)
        self.email_button.clicked.connect(lambda: email_quote(self._selected(), self._locale))
        self.order_button.clicked.connect(self._order)
        for widget in (self.acknowledge, self.order_button):
            widget.setVisible(ordered is not None)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addWidget(self.acknowledge)
        layout.addWidget(buttons)
        chain_buttons(self.acknowledge, buttons)  # Tab: the buttons as seen
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        run_in_background(self._quotes.listed, self._show, self._failed)

    def _show(self, listed: list[FormalQuote]) -> None:
        self._listed = listed
        self.table.setRowCount(len(listed))
        kinds = {OrderKind.PURCHASE: self.tr("Seats now"), OrderKind.RENEWAL: self.tr("Renewal")}
        for row, each in enumerate(listed):
            status = self.tr(STATUS.get(each.status, each.status))
            cells = (
                each.number,
                kinds[each.kind],
                str(each.seats),
                money(each.amount, each.currency, self._locale),
                day(each.valid_until, self._locale),
                status,
                each.purchase_order or "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.message.setText("" if listed else self.tr("No quotes yet: request one on Add Seats."))
        if listed:
            self.table.selectRow(0)
        self._update_buttons()

    def _failed(self, error: Exception) -> None:
        self.message.setText(
            self.tr("The quotes could not be read ({error}). Try again when online.").format(
                error=error
            )
        )

    def _selected(self) -> FormalQuote:
        return self._listed[self.table.currentRow()]

    def _update_buttons(self) -> None:
        chosen = 0 <= self.table.currentRow() < len(self._listed)
        self.view_button.setEnabled(chosen)
        self.email_button.setEnabled(chosen)
        orderable = chosen and self._selected().status == "open"
        orderable = orderable and self._selected().kind == OrderKind.PURCHASE
        self.order_button.setEnabled(orderable and self.acknowledge.isChecked())

    def _view(self) -> None:
        given = self._selected()
        run_in_background(
            lambda: self._quotes.pdf(given.number),
            lambda data: show_quote(self, given, data),
            self._failed,
        )

    def _order(self) -> None:
        given, administrator, locale = self._selected(), self._administrator, self._locale
        answer = QMessageBox.question(
            self,
            self.tr("Order from Quote"),
            self.tr(
                "Order %Ln seat(s) for {amount} as quoted in {number}?", "", given.seats
            ).format(amount=money(given.amount, given.currency, locale), number=given.number),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.order_button.setEnabled(False)
        run_in_background(
            lambda: Placed.of(purchase_from_quote(administrator, given, True, locale=locale)),
            self._done,
            self._refused,
        )

    def _done(self, purchase: Placed) -> None:
        self.acknowledge.setChecked(False)
        self.message.setText(self.tr("Ordered: it is sent to the vendor with the quote's number."))
        if self._ordered is not None:
            self._ordered(purchase)
        self.reload()

    def _refused(self, error: Exception) -> None:
        if isinstance(error, PurchaseRefused):
            self.message.setText(str(error))
        else:
            self.message.setText(
                self.tr(
                    "Nothing was ordered: the purchase could not be recorded ({error})."
                ).format(error=error)
            )
        self._update_buttons()
