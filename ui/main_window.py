"""The main window: wires the Contract, Add Seats and Transaction History tabs together."""

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget

from db.models import Administrator
from desktop import formatting
from desktop.access import may_manage_account
from desktop.account import current_contract
from ui.add_seats_tab import AddSeatsTab
from ui.contract_tab import ContractTab
from ui.history_tab import HistoryTab
from ui.permission_page import PermissionRequiredPage
from ui.tasks import run_in_background


class MainWindow(QMainWindow):
    def __init__(
        self,
        organization: str,
        timezone: str,
        administrator: Administrator | None,
        locale: str | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"Manage Account — {organization}")
        self.resize(1240, 700)
        self._locale = locale or QLocale().name()
        self._administrator = administrator
        self.count_label = QLabel(objectName="purchaseCountLabel")
        self.statusBar().addPermanentWidget(self.count_label)
        if not may_manage_account(administrator):
            self.setCentralWidget(PermissionRequiredPage(administrator))
            return

        self.contract_tab = ContractTab(self._locale)
        self.add_seats_tab = AddSeatsTab(administrator, self._locale)
        self.history_tab = HistoryTab(timezone, self._locale)
        self.tabs = QTabWidget(objectName="mainTabs")
        self.tabs.addTab(self.contract_tab, "&Contract")
        self.tabs.addTab(self.add_seats_tab, "Add &Seats")
        self.tabs.addTab(self.history_tab, "&Transaction History")
        self.setCentralWidget(self.tabs)

        self.contract_tab.add_seats_requested.connect(self.show_add_seats)
        self.add_seats_tab.purchased.connect(self._purchased)
        self.add_seats_tab.purchase_failed.connect(self.statusBar().showMessage)
        self.history_tab.status_message.connect(self.statusBar().showMessage)
        self.history_tab.model.count_changed.connect(self._show_count)
        self.history_tab.model.counting.connect(lambda: self.count_label.setText("Counting…"))
        self.refresh_contract()
        self.history_tab.load()

    def show_add_seats(self) -> None:
        self.tabs.setCurrentWidget(self.add_seats_tab)
        self.add_seats_tab.focus_quantity()

    def refresh_contract(self) -> None:
        run_in_background(current_contract, self._show_contract, self._contract_failed)

    def _show_contract(self, summary: object) -> None:
        self.contract_tab.show_contract(summary)
        self.add_seats_tab.set_contract(summary)

    def _contract_failed(self, error: Exception) -> None:
        self.statusBar().showMessage(f"The contract could not be read: {error}")

    def _show_count(self, count: int) -> None:
        noun = "purchase" if count == 1 else "purchases"
        self.count_label.setText(f"{formatting.number(count, self._locale)} {noun}")

    def _purchased(self, purchase: object) -> None:
        self.refresh_contract()
        self.history_tab.refresh()
        self.statusBar().showMessage(f"Purchase {purchase.transaction_id} recorded.")
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Purchase recorded",
            f"Your purchase of {purchase.seats} "
            f"{'seat' if purchase.seats == 1 else 'seats'} is recorded.",
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("purchaseConfirmationDialog")
        box.setInformativeText(
            f"Transaction ID: {purchase.transaction_id}\n"
            f"Amount: {formatting.money(purchase.amount, purchase.currency, self._locale)}\n\n"
            "No payment is taken here: the vendor will send an invoice.\n"
            "The new seats go live within 5 minutes; Transaction History shows their status."
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
