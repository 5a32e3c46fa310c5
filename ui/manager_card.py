"""The Account manager card: who to ask about the contract, and the way to ask for fewer seats
next term (they cannot be reduced here)."""

from html import escape

from PySide6.QtCore import Qt, Signal

from desktop.account import ContractSummary
from desktop.i18n import translate
from ui.cards import Card, button, text_label


class ManagerCard(Card):
    reduction_requested = Signal()

    def __init__(self) -> None:
        super().__init__(translate("ContractTab", "Account manager"), "accountManagerCard")
        self.manager = text_label("…", "accountManagerLabel", wrap=False)
        self.manager.setOpenExternalLinks(True)
        self.manager.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.fewer_seats = text_label(name="fewerSeatsLabel")
        self.fewer_seats.setTextFormat(Qt.TextFormat.PlainText)
        self.request_reduction = button(
            translate("ContractTab", "F&ewer Seats Next Term?…"), "requestReductionButton"
        )
        self.request_reduction.clicked.connect(self.reduction_requested)
        self.body.addWidget(self.manager)
        self.body.addWidget(self.fewer_seats)
        self.add_action(self.request_reduction)

    def show_manager(self, summary: ContractSummary | None) -> None:
        if summary is None:
            self.manager.setText("—")
            self.fewer_seats.setText(translate("ContractTab", "Contact your account manager."))
            return
        name = escape(summary.account_manager_name)
        email = escape(summary.account_manager_email)
        phone = escape(summary.account_manager_phone)
        self.manager.setText(f'{name}<br><a href="mailto:{email}">{email}</a><br>{phone}')
        self.fewer_seats.setText(
            translate(
                "ContractTab", "Seats cannot be reduced here; {name} can, from the next term."
            ).format(name=summary.account_manager_name)
        )
