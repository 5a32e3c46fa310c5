"""The page shown instead of the tabs to someone whose permission set lacks Manage Account."""

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.access import MISSING_PERMISSION, Administrator, how_to_enable


class PermissionRequiredPage(QWidget):
    def __init__(self, administrator: Administrator | None) -> None:
        super().__init__(objectName="permissionRequiredPage")
        needed = self.tr("You need the {permission} permission")
        heading = QLabel(f"<h2>{needed.format(permission=MISSING_PERMISSION)}</h2>")
        if administrator:
            explanation = self.tr(
                "The permission set of {name} (<b>{permission_set}</b>) does not include "
                "<b>{permission}</b>, which is needed to see the contract, add seats and see "
                "the transaction history."
            ).format(
                name=escape(administrator.name),
                permission_set=escape(administrator.permission_set.name),
                permission=MISSING_PERMISSION,
            )
        else:
            explanation = self.tr(
                "Your permission set does not include <b>{permission}</b>, which is needed to "
                "see the contract, add seats and see the transaction history."
            ).format(permission=MISSING_PERMISSION)
        body = QLabel(
            f"<p>{explanation}</p><p>{escape(how_to_enable())}</p>",
            objectName="permissionExplanationLabel",
            wordWrap=True,
        )
        body.setMaximumWidth(640)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Centred by stretches, not by alignment: a label aligned in a layout loses its
        # height-for-width and is cut off after its first lines.
        column = QVBoxLayout()
        column.addStretch()
        column.addWidget(heading)
        column.addWidget(body)
        column.addStretch()
        layout = QHBoxLayout(self)
        layout.addStretch()
        layout.addLayout(column, 1)
        layout.addStretch()
        layout.setContentsMargins(48, 24, 48, 24)
