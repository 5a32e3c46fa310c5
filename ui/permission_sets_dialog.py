"""Administration > Permission Sets: choose a set, tick Manage Account, save."""

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.permission_sets import PermissionSet, PermissionSets
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
        self.manage_account.setEnabled(chosen is not None)
        self.save.setEnabled(chosen is not None)
        self.manage_account.setChecked(chosen is not None and chosen.manage_account)

    def _save(self) -> None:
        chosen, row = self.chosen(), self.sets.currentRow()
        if chosen is None:
            return
        permission_sets, wanted = self._permission_sets, self.manage_account.isChecked()
        self.save.setEnabled(False)
        run_in_background(
            lambda: permission_sets.allow_managing(chosen.id, wanted),
            lambda changed: self._saved(row, changed),
            self._failed,
        )

    def _saved(self, row: int, changed: PermissionSet) -> None:
        self._listed[row] = changed
        self.save.setEnabled(True)
        if changed.manage_account:
            saved = self.tr(
                "Saved: administrators in {name} may manage the account, from their next request."
            )
        else:
            saved = self.tr(
                "Saved: administrators in {name} may no longer manage the account, from their "
                "next request."
            )
        self.message.setText(saved.format(name=repr(changed.name)))

    def _failed(self, error: Exception) -> None:
        self.save.setEnabled(self.chosen() is not None)
        self.message.setText(self.tr("Not saved: {error}").format(error=error))
