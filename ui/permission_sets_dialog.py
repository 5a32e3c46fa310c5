"""Administration > Permission Sets: choose a set, tick Manage Account, save."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.service_client import ServiceClient
from ui.named import named
from ui.tasks import run_in_background


class PermissionSetsDialog(QDialog):
    def __init__(self, client: ServiceClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("permissionSetsDialog")
        self.setWindowTitle(self.tr("Permission Sets"))
        self._client = client
        self.sets = named(QListWidget(), "permissionSetList")
        self.sets.setAccessibleName(self.tr("Permission sets"))
        self.sets.currentItemChanged.connect(self._show_selected)
        self.manage_account = named(QCheckBox(self.tr("&Manage Account")), "manageAccountCheckBox")
        self.manage_account.setEnabled(False)
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
        for widget in (label, self.sets, self.manage_account, self.message, buttons):
            layout.addWidget(widget)
        self.save.setDefault(True)  # Enter after ticking saves; it does not close unsaved
        self.load()

    def load(self) -> None:
        self.message.setText(self.tr("Loading…"))
        run_in_background(self._client.permission_sets, self._show_sets, self._failed)

    def _show_sets(self, sets: list[dict]) -> None:
        self.message.clear()
        self.sets.clear()
        for each in sets:
            members = self.tr("%Ln administrator(s)", "", each["administrators"])
            item = QListWidgetItem(f"{each['name']} ({members})")
            item.setData(Qt.ItemDataRole.UserRole, each)
            self.sets.addItem(item)
        self.sets.setCurrentRow(0)

    def _show_selected(self, item: QListWidgetItem | None) -> None:
        chosen = item.data(Qt.ItemDataRole.UserRole) if item else None
        self.manage_account.setEnabled(chosen is not None)
        self.save.setEnabled(chosen is not None)
        self.manage_account.setChecked(bool(chosen and chosen["manage_account"]))

    def _save(self) -> None:
        item = self.sets.currentItem()
        if item is None:
            return
        chosen = item.data(Qt.ItemDataRole.UserRole)
        wanted = {"manage_account": self.manage_account.isChecked()}
        self.save.setEnabled(False)
        run_in_background(
            lambda: self._client.change_permission_set(chosen["id"], wanted),
            lambda changed: self._saved(item, changed),
            self._failed,
        )

    def _saved(self, item: QListWidgetItem, changed: dict) -> None:
        item.setData(Qt.ItemDataRole.UserRole, changed)
        self.save.setEnabled(True)
        if changed["manage_account"]:
            saved = self.tr(
                "Saved: administrators in {name} may manage the account, from their next request."
            )
        else:
            saved = self.tr(
                "Saved: administrators in {name} may no longer manage the account, from their "
                "next request."
            )
        self.message.setText(saved.format(name=repr(changed["name"])))

    def _failed(self, error: Exception) -> None:
        self.save.setEnabled(self.sets.currentItem() is not None)
        self.message.setText(self.tr("Not saved: {error}").format(error=error))
