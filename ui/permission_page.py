"""The page shown instead of the tabs to someone whose permission set lacks Manage Account."""

from collections.abc import Callable
from html import escape
from urllib.parse import quote, urlencode

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.access import MISSING_PERMISSION, Administrator, how_to_enable
from ui.named import named
from ui.tasks import run_in_background

READING_WIDTH = 640


class PermissionRequiredPage(QWidget):
    """`managers`, when given, reads who may grant the permission (on the thread pool)."""

    def __init__(
        self,
        administrator: Administrator | None,
        managers: Callable[[], list[dict]] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("permissionRequiredPage")
        self._administrator = administrator
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
        body = named(
            QLabel(f"<p>{explanation}</p><p>{escape(how_to_enable())}</p>"),
            "permissionExplanationLabel",
        )
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Centred by stretches, not by alignment: a label aligned in a layout loses its
        # height-for-width and is cut off after its first lines.
        self.managers = named(QLabel(), "permissionManagersLabel")
        self.managers.setWordWrap(True)
        self.managers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.request = named(QPushButton(self.tr("&Request Access…")), "requestAccessButton")
        self.request.setToolTip(self.tr("Opens an e-mail to them in your e-mail program"))
        self.request.hide()
        self.request.clicked.connect(self._request_access)
        self._emails: list[str] = []
        text = QWidget()  # a column at most as wide as comfortable reading, in the middle
        text.setMaximumWidth(READING_WIDTH)
        column = QVBoxLayout(text)
        column.setContentsMargins(0, 0, 0, 0)
        column.addStretch()
        column.addWidget(heading)
        column.addWidget(body)
        column.addWidget(self.managers)
        column.addWidget(self.request, alignment=Qt.AlignmentFlag.AlignLeft)
        column.addStretch()
        layout = QHBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(text, 100)
        layout.addStretch(1)
        layout.setContentsMargins(48, 24, 48, 24)
        if managers is not None:
            self.managers.setText(self.tr("Looking up who can give it to you…"))
            run_in_background(managers, self._show_managers, self._no_managers)

    def _show_managers(self, administrators: list[dict]) -> None:
        self._emails = [each["email"] for each in administrators]
        if not administrators:
            self._no_managers(None)
            return
        names = "".join(
            f"<li>{escape(each['name'])} &lt;{escape(each['email'])}&gt;</li>"
            for each in administrators
        )
        self.managers.setText(
            self.tr("These administrators can give it to you:") + f"<ul>{names}</ul>"
        )
        self.request.show()

    def _no_managers(self, _: object) -> None:
        self.managers.setText(
            self.tr("Ask an administrator of your organization who manages permission sets.")
        )

    def _request_access(self) -> None:
        """A prepared e-mail to every administrator who can grant the permission."""
        name = self._administrator.name if self._administrator else ""
        subject = self.tr("Please enable Manage Account for me")
        body = self.tr(
            "Hello,\n\nplease enable {permission} for my permission set, so I can see our "
            "licence contract and add seats: {steps}\n\nThank you,\n{name}"
        ).format(permission=MISSING_PERMISSION, steps=how_to_enable(), name=name)
        query = urlencode({"subject": subject, "body": body}, quote_via=quote)
        QDesktopServices.openUrl(QUrl(f"mailto:{','.join(self._emails)}?{query}"))
