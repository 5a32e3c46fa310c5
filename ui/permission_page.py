"""The page shown instead of the tabs to someone whose permission set lacks Manage Account."""

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.access import HOW_TO_ENABLE, MISSING_PERMISSION, Administrator


class PermissionRequiredPage(QWidget):
    def __init__(self, administrator: Administrator | None) -> None:
        super().__init__(objectName="permissionRequiredPage")
        heading = QLabel(f"<h2>You need the {MISSING_PERMISSION} permission</h2>")
        subject = (
            f"The permission set of {escape(administrator.name)} "
            f"(<b>{escape(administrator.permission_set.name)}</b>)"
            if administrator
            else "Your permission set"
        )
        body = QLabel(
            f"<p>{subject} does not include <b>{MISSING_PERMISSION}</b>, which is needed to see "
            f"the contract, add seats and see the transaction history.</p>"
            f"<p>{escape(HOW_TO_ENABLE)}</p>",
            objectName="permissionExplanationLabel",
            wordWrap=True,
        )
        body.setMaximumWidth(640)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(heading, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(body, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch()
        layout.setContentsMargins(48, 24, 48, 24)
