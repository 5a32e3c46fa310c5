"""The Billing card: invoices overdue and open, what this contract has cost so far, and Open,
which lists those invoices in Transaction History."""

from PySide6.QtCore import Signal

from billing.invoices import OPEN, OVERDUE
from desktop import formatting
from desktop.i18n import translate
from desktop.invoice_summary import OpenInvoices
from desktop.overview import Overview
from ui.appearance import colour
from ui.cards import Card, button, value_label


class BillingCard(Card):
    invoices_requested = Signal(str)  # the invoice status to list: OVERDUE or OPEN

    def __init__(self, locale: str) -> None:
        super().__init__(translate("ContractTab", "Billing"), "billingCard")
        self._locale = locale
        self._listed = OPEN
        self.overdue = value_label("overdueNoticeLabel")
        self.overdue.hide()  # until an invoice is overdue
        self.open = value_label("openInvoicesLabel")
        self.bought = value_label("boughtThisContractLabel")
        self.earlier = value_label("earlierContractsNote")
        self.open_button = button(translate("ContractTab", "&Open Invoices…"), "openInvoicesButton")
        self.open_button.clicked.connect(lambda: self.invoices_requested.emit(self._listed))
        for label in (self.overdue, self.open, self.bought, self.earlier):
            self.body.addWidget(label)
        self.add_action(self.open_button)

    def show_billing(self, overview: Overview | None, invoices: OpenInvoices | None) -> None:
        loc = self._locale
        overdue = overview.overdue if overview else None
        self.overdue.setVisible(overdue is not None)
        if overdue is not None:
            self.overdue.setStyleSheet(f"color: {colour('error')}; font-weight: bold;")
            self.overdue.setText(
                translate(
                    "ContractTab",
                    "%Ln invoice(s) overdue, {total} in all: {number} was due on {date}. Open "
                    "it in Transaction History.",
                    "",
                    overdue.count,
                ).format(
                    total=formatting.money(overdue.total, overdue.currency, loc),
                    number=overdue.oldest_number,
                    date=formatting.day(overdue.oldest_due, loc),
                )
            )
        if invoices is None:
            self.open.setText(translate("ContractTab", "No invoices waiting to be paid."))
        else:
            self.open.setText(
                translate(
                    "ContractTab", "%Ln invoice(s) open, not due yet: {total}.", "", invoices.count
                ).format(total=formatting.money(invoices.total, invoices.currency, loc))
            )
        self.open.setVisible(overdue is None or invoices is not None)
        self._listed = OVERDUE if overdue is not None else OPEN
        self.open_button.setEnabled(overdue is not None or invoices is not None)
        if overview is None:
            self.bought.setText("—")
            self.earlier.hide()
            return
        summary = overview.contract
        self.bought.setText(
            translate("ContractTab", "Bought this contract: {amount}").format(
                amount=formatting.money(overview.bought_this_contract, summary.currency, loc)
            )
        )
        self.earlier.setText(
            translate(
                "ContractTab",
                "Purchases under earlier contracts are listed in Transaction History.",
            )
        )
        self.earlier.setVisible(bool(summary.earlier_contracts))
