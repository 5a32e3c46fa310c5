"""The buttons at the foot of a dialog that does one thing: Cancel, and the thing itself."""

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton


def action_and_cancel(
    dialog: QDialog, action: QPushButton, on_action: Callable[[], object]
) -> QDialogButtonBox:
    """`action` in the platform's place for accepting (it runs `on_action`) beside Cancel,
    which closes `dialog`; Enter never lands on Cancel. Make `action` the default once the box
    is in the dialog's layout."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
    buttons.accepted.connect(on_action)
    buttons.rejected.connect(dialog.reject)
    return buttons
