"""The Contract card: the period with the days left, the price, and the renewal's state with
its action (Renew, or the recorded renewal's documents)."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QProgressBar

from billing.kinds import OrderKind
from billing.statuses import label as status_label
from desktop import formatting
from desktop.account import ContractSummary
from desktop.i18n import translate
from desktop.overview import Overview
from ui.cards import Card, button, link_button, named, text_label, value_label


class ContractCard(Card):
    calendar_requested = Signal()
    renew_requested = Signal()
    renewal_document_requested = Signal(str)  # the renewal's transaction ID
    renewal_invoice_requested = Signal(str)  # the renewal's transaction ID

    def __init__(self, locale: str) -> None:
        super().__init__(translate("ContractTab", "Contract"), "contractCard")
        self._locale = locale
        self._renewal_id = ""
        # Filled with the time gone by, from start to end: the bar reads as the period itself.
        self.period_bar = named(QProgressBar(), "contractPeriodBar")
        self.period_bar.setAccessibleName(translate("ContractTab", "Contract period"))
        self.ends = value_label("contractEndLabel")
        self.add_to_calendar = link_button(
            translate("ContractTab", "Add to Ca&lendar…"),
            "addToCalendarButton",
            translate("ContractTab", "Add to Calendar"),
        )
        self.add_to_calendar.clicked.connect(self.calendar_requested)
        self.price = value_label("pricePerSeatLabel")
        self.offer = text_label(name="renewalOfferLabel")
        self.renewal = text_label(name="renewalStatusLabel")
        self.renewal.hide()  # until a renewal is recorded
        self.renewal_document = button(
            translate("ContractTab", "Renewal &Document…"), "renewalDocumentButton"
        )
        self.renewal_document.clicked.connect(
            lambda: self.renewal_document_requested.emit(self._renewal_id)
        )
        self.renewal_invoice = button(
            translate("ContractTab", "Renewal In&voice…"), "renewalInvoiceButton"
        )
        self.renewal_invoice.clicked.connect(
            lambda: self.renewal_invoice_requested.emit(self._renewal_id)
        )
        self.renew = button(translate("ContractTab", "&Renew Contract…"), "renewContractButton")
        self.renew.clicked.connect(self.renew_requested)
        self.renews = True  # False: billing only, the renewal is shown and never made here
        self.body.addWidget(self.period_bar)
        self.body.addWidget(self.ends)
        self.body.addWidget(self.price)
        self.body.addWidget(self.offer)
        self.body.addWidget(self.renewal)
        self.add_link(self.add_to_calendar)
        for action in (self.renewal_document, self.renewal_invoice, self.renew):
            self.add_action(action)

    def show_contract(self, overview: Overview | None) -> None:
        if overview is None:
            self._show_none()
            return
        summary, loc = overview.contract, self._locale
        self._show_period(summary)
        price = formatting.unit_price(summary.monthly_price_per_seat, summary.currency, loc)
        self.price.setText(
            translate("ContractTab", "{price} per seat per month").format(price=price)
        )
        self.add_to_calendar.setEnabled(True)
        self._show_renewal(overview)

    def _show_period(self, summary: ContractSummary) -> None:
        whole = (summary.end_date - summary.start_date).days + 1
        elapsed = whole - summary.days_remaining
        self.period_bar.setRange(0, whole)
        self.period_bar.setValue(elapsed)
        self.period_bar.setFormat(
            formatting.date_range(summary.start_date, summary.end_date, self._locale)
        )
        self.period_bar.setAccessibleDescription(
            translate("ContractTab", "%Ln day(s) of the period gone by", "", elapsed)
        )
        self.ends.setText(
            translate(
                "ContractTab", "Ends {date}: %Ln day(s) left", "", summary.days_remaining
            ).format(date=formatting.day(summary.end_date, self._locale))
        )

    def _show_renewal(self, overview: Overview) -> None:
        """Renew while the window is open and nothing stands renewed; a recorded renewal and
        its state; a refused one with the service's reason and the way forward."""
        record, offer, loc = overview.renewed or overview.refused, overview.renewal, self._locale
        self.renew.setVisible(self.renews and offer is not None and overview.renewed is None)
        self.renewal_document.setVisible(record is not None)
        self.renewal_invoice.setVisible(record is not None and bool(record.invoice_number))
        self.offer.setVisible(offer is not None and record is None)
        self.renewal.setVisible(record is not None)
        if record is None or overview.renewal_status is None:
            if offer is not None:
                self.offer.setText(
                    translate(
                        "ContractTab", "Renewal open for {period}, {price} per seat per month."
                    ).format(
                        period=formatting.date_range(offer.term_start, offer.term_end, loc),
                        price=formatting.unit_price(offer.monthly_price_next, offer.currency, loc),
                    )
                )
            return
        self._renewal_id = record.transaction_id
        state = translate("Status", status_label(OrderKind.RENEWAL, overview.renewal_status))
        text = translate(
            "ContractTab",
            "Renewal for {period}: {seats} seats, {amount} ({transaction_id}, {state}).",
        ).format(
            period=formatting.date_range(record.term_start, record.term_end, loc),
            seats=formatting.number(record.seats, loc),
            amount=formatting.money(record.amount, record.currency, loc),
            transaction_id=record.transaction_id,
            state=state,
        )
        if overview.refused is not None:
            text += " " + (record.last_error or "")
            if offer is not None:
                text += " " + translate(
                    "ContractTab",
                    "Renew again with at least %Ln seat(s), or ask your account manager.",
                    "",
                    offer.seats_now,
                )
        self.renewal.setText(text)

    def _show_none(self) -> None:
        for label in (self.price, self.ends):
            label.setText("—")
        self.period_bar.setRange(0, 1)
        self.period_bar.setValue(0)
        self.period_bar.setFormat("—")
        self.offer.setText(
            translate(
                "ContractTab",
                "There is no current contract. Earlier contracts and their purchases are in "
                "Transaction History; your account manager can renew the contract.",
            )
        )
        self.offer.show()
        for widget in (self.renew, self.renewal, self.renewal_document, self.renewal_invoice):
            widget.hide()
        self.add_to_calendar.setEnabled(False)
