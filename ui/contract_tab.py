"""Contract tab: the current contract's dates, seats, price and account manager."""

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import formatting
from desktop.account import ContractSummary


def _value_label(name: str) -> QLabel:
    label = QLabel("…", objectName=name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ContractTab(QWidget):
    add_seats_requested = Signal()

    def __init__(self, locale: str) -> None:
        super().__init__(objectName="contractTab")
        self._locale = locale
        self.range_combo = QComboBox(objectName="contractRangeCombo")
        self.range_combo.setAccessibleName(self.tr("Contract period"))
        self.earlier_note = QLabel(objectName="earlierContractsNote", wordWrap=True)
        self.licensed = _value_label("licensedSeatsLabel")
        self.pending = _value_label("pendingSeatsLabel")
        self.price = _value_label("pricePerSeatLabel")
        self.ends = _value_label("contractEndLabel")
        self.manager = QLabel("…", objectName="accountManagerLabel", openExternalLinks=True)
        self.manager.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.add_seats = QPushButton(self.tr("&Add Seats…"), objectName="addSeatsButton")
        self.add_seats.clicked.connect(self.add_seats_requested)
        self.fewer_seats = QLabel(
            objectName="fewerSeatsLabel", wordWrap=True, openExternalLinks=True
        )

        form = QFormLayout()
        form.addRow(self._buddy(self.tr("Contract &period:"), self.range_combo), self.range_combo)
        form.addRow("", self.earlier_note)
        form.addRow(self.tr("Seats licensed (live now):"), self.licensed)
        form.addRow(self.tr("Seats pending (bought, not live yet):"), self.pending)
        form.addRow(self.tr("Price per seat:"), self.price)
        form.addRow(self.tr("Contract ends:"), self.ends)
        form.addRow(self.tr("Account manager:"), self.manager)

        fewer = QGroupBox(self.tr("Need fewer seats?"))
        QVBoxLayout(fewer).addWidget(self.fewer_seats)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.add_seats, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(fewer)
        layout.addStretch()

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def show_contract(self, summary: ContractSummary | None) -> None:
        if summary is None:
            self._show_no_contract()
            return
        loc = self._locale
        self.range_combo.clear()
        self.range_combo.addItem(formatting.date_range(summary.start_date, summary.end_date, loc))
        self.range_combo.setEnabled(True)
        self.earlier_note.setText(
            self.tr("Purchases under earlier contracts are listed in Transaction History.")
            if summary.earlier_contracts
            else ""
        )
        self.licensed.setText(formatting.number(summary.licensed_seats, loc))
        self.pending.setText(formatting.number(summary.pending_seats, loc))
        price = formatting.unit_price(summary.monthly_price_per_seat, summary.currency, loc)
        self.price.setText(self.tr("{price} per seat per month").format(price=price))
        self.ends.setText(
            self.tr("{date} (%Ln day(s) remaining)", "", summary.days_remaining).format(
                date=formatting.day(summary.end_date, loc)
            )
        )
        self.manager.setText(_manager_html(summary))
        self.fewer_seats.setText(
            self.tr(
                "Seats cannot be reduced here. To reduce seats, contact your account manager, "
                "{manager}."
            ).format(manager=_manager_html(summary, inline=True))
        )
        self.add_seats.setEnabled(True)

    def _show_no_contract(self) -> None:
        self.range_combo.clear()
        self.range_combo.setEnabled(False)
        self.earlier_note.setText(
            self.tr(
                "There is no current contract. Earlier contracts and their purchases are in "
                "Transaction History; your account manager can renew the contract."
            )
        )
        for label in (self.licensed, self.pending, self.price, self.ends, self.manager):
            label.setText("—")
        self.fewer_seats.setText(self.tr("Contact your account manager."))
        self.add_seats.setEnabled(False)


def _manager_html(summary: ContractSummary, inline: bool = False) -> str:
    name = escape(summary.account_manager_name)
    email = escape(summary.account_manager_email)
    phone = escape(summary.account_manager_phone)
    link = f'<a href="mailto:{email}">{email}</a>'
    return f"{name}, {link}, {phone}" if inline else f"{name}<br>{link}<br>{phone}"
