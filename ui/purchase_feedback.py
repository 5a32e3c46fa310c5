"""What the window says after a purchase: the confirmation with its receipt, and purchases the
service refused at a total out of date, with the way to buy again at today's."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import formatting
from desktop.access import limit_exceeded
from desktop.application import Application
from desktop.i18n import translate
from ui.controller import Controller

if TYPE_CHECKING:
    from desktop.purchasing import Placed
    from desktop.sync import Requote


class PurchaseFeedback(Controller):
    """`show_receipt(transaction_id)` opens a receipt; `review(seats)` shows Add Seats."""

    def __init__(
        self,
        host: QWidget,
        application: Application,
        say: Callable[[str], None],
        show_receipt: Callable[[str], object],
        review: Callable[[int], object],
    ) -> None:
        super().__init__(host, application, say)
        self._show_receipt, self._review = show_receipt, review

    def confirm(self, purchase: Placed) -> QMessageBox:
        self.say(
            translate("MainWindow", "Purchase {transaction_id} recorded.").format(
                transaction_id=purchase.transaction_id
            )
        )
        box = QMessageBox(
            QMessageBox.Icon.Information,
            translate("MainWindow", "Purchase recorded"),
            translate(
                "MainWindow", "Your purchase of %Ln seat(s) is recorded.", "", purchase.seats
            ),
            QMessageBox.StandardButton.Ok,
            self.host,
        )
        box.setObjectName("purchaseConfirmationDialog")
        administrator = self.app.administrator
        currency = purchase.currency
        limit = administrator and limit_exceeded(administrator, purchase.amount, currency)
        if limit:
            after = translate(
                "MainWindow",
                "It is above your spending limit of {limit}: an approver is asked, and nothing "
                "is ordered or invoiced until one approves. Transaction History shows its status.",
            ).format(limit=formatting.money(limit, currency, self.locale))
        else:
            after = translate(
                "MainWindow",
                "No payment is taken here: the vendor will send an invoice.\n"
                "The new seats go live within 5 minutes; Transaction History shows their status.",
            )
        details = translate(
            "MainWindow", "Transaction ID: {transaction_id}\nAmount: {amount}"
        ).format(
            transaction_id=purchase.transaction_id,
            amount=formatting.money(purchase.amount, purchase.currency, self.locale),
        )
        box.setInformativeText(f"{details}\n\n{after}")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        view = box.addButton(
            translate("MainWindow", "View &Receipt…"), QMessageBox.ButtonRole.ActionRole
        )
        view.setObjectName("viewReceiptButton")
        view.clicked.connect(lambda: self._show_receipt(purchase.transaction_id))
        box.open()
        return box

    def offer_requote(self, requotes: list[Requote]) -> QMessageBox:
        """Purchases refused at a total that is out of date: say so, and offer to buy again at
        today's total. Nothing is bought without the user."""
        lines = [
            translate(
                "MainWindow", "{transaction_id}: %Ln seat(s) for {old}, now {new}", "", r.seats
            ).format(
                transaction_id=r.transaction_id,
                old=formatting.money(r.old_amount, r.currency, self.locale),
                new=formatting.money(r.new_amount, r.currency, self.locale),
            )
            for r in requotes
        ]
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("MainWindow", "Purchase not accepted"),
            translate(
                "MainWindow",
                "The account service did not accept %n purchase(s): the total shown then is no "
                "longer valid, so nothing was bought or invoiced.",
                "",
                len(requotes),
            ),
            QMessageBox.StandardButton.NoButton,
            self.host,
        )
        box.setObjectName("requoteDialog")
        box.setInformativeText(
            "\n".join(lines)
            + "\n\n"
            + translate("MainWindow", "Check today's total and purchase again.")
        )
        again = box.addButton(
            translate("MainWindow", "&Review in Add Seats"), QMessageBox.ButtonRole.AcceptRole
        )
        again.setObjectName("reviewRequoteButton")
        again.clicked.connect(lambda: self._review(requotes[0].seats))
        box.addButton(QMessageBox.StandardButton.Close)
        box.open()
        return box
