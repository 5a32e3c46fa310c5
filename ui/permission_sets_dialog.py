"""Administration > Permission Sets: choose a set, tick its rights, set its spending limit, save."""

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from billing.money import parse_amount
from desktop.permission_sets import PermissionSet, PermissionSets, Rights
from ui.named import named
from ui.tasks import run_in_background


class PermissionSetsDialog(QDialog):
    def __init__(self, permission_sets: PermissionSets, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("permissionSetsDialog")
        self.setWindowTitle(self.tr("Permission Sets"))
        self._permission_sets = permission_sets
        self._listed: list[PermissionSet] = []
        self.sets = named(QListWidget(), "permissionSetList")
        self.sets.setAccessibleName(self.tr("Permission sets"))
        self.sets.currentRowChanged.connect(self._show_selected)
        self.manage_account = named(QCheckBox(self.tr("&Manage Account")), "manageAccountCheckBox")
        self.view_billing = named(
            QCheckBox(self.tr("View &Billing (invoices, documents, billing profile; no buying)")),
            "viewBillingCheckBox",
        )
        self.approve_purchases = named(
            QCheckBox(self.tr("&Approve Purchases")), "approvePurchasesCheckBox"
        )
        self.spending_limit = named(QLineEdit(), "spendingLimitEdit")
        self.spending_limit.setPlaceholderText(self.tr("No limit"))
        self.spending_limit.setToolTip(
            self.tr(
                "The most one purchase may cost, in the contract's currency, such as 1000.00; "
                "empty for no limit. Purchases above it will need an approver."
            )
        )
        self._fields = (
            self.manage_account,
            self.view_billing,
            self.approve_purchases,
            self.spending_limit,
        )
        for field in self._fields:
            field.setEnabled(False)
        self.save = named(QPushButton(self.tr("&Save")), "savePermissionSetButton")
        self.save.setEnabled(False)
        self.save.clicked.connect(self._save)
        self.message = named(QLabel(), "permissionSetMessageLabel")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("&Permission sets:"))
        label.setBuddy(self.sets)
        limit = QFormLayout()
        limit.addRow(self.tr("Spending &limit per purchase:"), self.spending_limit)
        for widget in (label, self.sets, self.manage_account, self.view_billing):
            layout.addWidget(widget)
        layout.addWidget(self.approve_purchases)
        layout.addLayout(limit)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.save.setDefault(True)  # Enter after ticking saves; it does not close unsaved
        self.load()

    def load(self) -> None:
        self.message.setText(self.tr("Loading…"))
        run_in_background(self._permission_sets.listed, self._show_sets, self._failed)

    def _show_sets(self, sets: list[PermissionSet]) -> None:
        self.message.clear()
        self.sets.clear()
        self._listed = sets
        for each in sets:
            members = self.tr("%Ln administrator(s)", "", each.administrators)
            self.sets.addItem(f"{each.name} ({members})")
        self.sets.setCurrentRow(0)

    def chosen(self) -> PermissionSet | None:
        row = self.sets.currentRow()
        return self._listed[row] if 0 <= row < len(self._listed) else None

    def _show_selected(self) -> None:
        chosen = self.chosen()
        for field in (*self._fields, self.save):
            field.setEnabled(chosen is not None)
        rights = chosen.rights if chosen is not None else Rights(False, False, False, None)
        self.manage_account.setChecked(rights.manage_account)
        self.view_billing.setChecked(rights.view_billing)
        self.approve_purchases.setChecked(rights.approve_purchases)
        limit = rights.spending_limit
        self.spending_limit.setText("" if limit is None else str(limit))

    def _save(self) -> None:
        chosen, row = self.chosen(), self.sets.currentRow()
        if chosen is None:
            return
        text = self.spending_limit.text().strip()
        limit = parse_amount(text) if text else None
        if text and (limit is None or limit < 0):
            self.message.setText(
                self.tr("The spending limit must be an amount such as 1000.00, or empty.")
            )
            self.spending_limit.setFocus()
            return
        wanted = Rights(
            self.manage_account.isChecked(),
            self.view_billing.isChecked(),
            self.approve_purchases.isChecked(),
            limit,
        )
        permission_sets = self._permission_sets
        self.save.setEnabled(False)
        run_in_background(
            lambda: permission_sets.change(chosen.id, wanted),
            lambda changed: self._saved(row, changed),
            self._failed,
        )

    def _saved(self, row: int, changed: PermissionSet) -> None:
        self._listed[row] = changed
        self.save.setEnabled(True)
        if self.sets.currentRow() == row:
            self._show_selected()  # as the service keeps it (a limit rounded to the currency)
        saved = self.tr("Saved: {name} takes effect from its administrators' next request.")
        self.message.setText(saved.format(name=repr(changed.name)))

    def _failed(self, error: Exception) -> None:
        self.save.setEnabled(self.chosen() is not None)
        self.message.setText(self.tr("Not saved: {error}").format(error=error))
