"""Administration > Approvals: purchases above a spending limit, approved or denied (with a
reason) by an approver; a requester sees their own requests and what became of them."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from billing.kinds import OrderKind
from desktop.approvals import APPROVED, DENIED, EXPIRED, PENDING, Approval, Approvals
from desktop.formatting import date_range, day, moment, money, number
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.service_client import ServiceError, ServiceUnavailable
from ui.focus_order import chain_buttons
from ui.named import named
from ui.screen_fit import fit_to_screen
from ui.tasks import run_in_background

STATUS = {
    PENDING: QT_TRANSLATE_NOOP("ApprovalsDialog", "Pending"),
    APPROVED: QT_TRANSLATE_NOOP("ApprovalsDialog", "Approved"),
    DENIED: QT_TRANSLATE_NOOP("ApprovalsDialog", "Denied"),
    EXPIRED: QT_TRANSLATE_NOOP("ApprovalsDialog", "Expired"),
}
COLUMNS = (
    QT_TRANSLATE_NOOP("ApprovalsDialog", "Requested"),
    QT_TRANSLATE_NOOP("ApprovalsDialog", "Requested by"),
    QT_TRANSLATE_NOOP("ApprovalsDialog", "Seats"),
    QT_TRANSLATE_NOOP("ApprovalsDialog", "Amount"),
    QT_TRANSLATE_NOOP("ApprovalsDialog", "Period"),
    QT_TRANSLATE_NOOP("ApprovalsDialog", "Valid until"),
    QT_TRANSLATE_NOOP("ApprovalsDialog", "Status"),
    QT_TRANSLATE_NOOP("ApprovalsDialog", "Decided by / reason"),
)
NUMBERS = (2, 3)  # right-aligned columns
REASON_LENGTH = 500  # the most the service keeps


class ApprovalsModel(QAbstractTableModel):
    """Approvals as read, newest first, one row each."""

    def __init__(self, timezone: str, locale: str) -> None:
        super().__init__()
        self._timezone, self.locale = timezone, locale
        self.approvals: list[Approval] = []

    def show(self, approvals: list[Approval]) -> None:
        self.beginResetModel()
        self.approvals = approvals
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.approvals)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("ApprovalsDialog", COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        approval = self.approvals[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(approval)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._details(approval)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in NUMBERS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def cells(self, approval: Approval) -> tuple[str, ...]:
        locale = self.locale
        decided = approval.decided_by.name if approval.decided_by else ""
        if approval.reason:
            decided = translate("ApprovalsDialog", "{name}: {reason}").format(
                name=decided, reason=approval.reason
            )
        return (
            moment(approval.requested_at, self._timezone, locale),
            approval.requested_by.name,
            number(approval.seats, locale),
            money(approval.amount, approval.currency, locale),
            date_range(approval.period_start, approval.period_end, locale),
            day(approval.valid_until, locale),
            translate("ApprovalsDialog", STATUS.get(approval.status, approval.status)),
            decided,
        )

    def _details(self, approval: Approval) -> str:
        """What the columns leave out: the request's number, kind, quote and PO number."""
        kind = (
            translate("ApprovalsDialog", "Seats now")
            if approval.kind == OrderKind.PURCHASE
            else translate("ApprovalsDialog", "Renewal")
        )
        lines = [f"{approval.id} · {kind}", approval.requested_by.email]
        if approval.quote_number:
            lines.append(
                translate("ApprovalsDialog", "Quote {number}").format(number=approval.quote_number)
            )
        if approval.purchase_order:
            lines.append(
                translate("ApprovalsDialog", "PO number {number}").format(
                    number=approval.purchase_order
                )
            )
        if approval.spending_limit is not None:
            limit = money(approval.spending_limit, approval.currency, self.locale)
            lines.append(
                translate("ApprovalsDialog", "Requester's limit: {limit}").format(limit=limit)
            )
        if approval.reason:  # whole here: the column may cut it off
            lines.append(approval.reason)
        return "\n".join(lines)


class ApprovalsDialog(QDialog):
    """The approvals the service shows this administrator; Approve and Deny… for an approver,
    never on their own request."""

    decided = Signal(str)  # what was done, in words, after an approval or a denial

    def __init__(
        self,
        approvals: Approvals,
        email: str,
        may_approve: bool,
        parent: QWidget | None = None,
        timezone: str = "UTC",
        locale: str = "en_US",
    ) -> None:
        """`email`: the signed-in administrator's; `may_approve`: their permission set's
        Approve Purchases as mirrored here (the service decides in the end)."""
        super().__init__(parent)
        self.setObjectName("approvalsDialog")
        self.setWindowTitle(self.tr("Approvals"))
        fit_to_screen(self, 1100, 480)
        self._approvals, self._email, self._may_approve = approvals, email, may_approve
        self._reads = 0  # the newest read's number: older answers are dropped
        self.intro = named(QLabel(), "approvalsIntroLabel")
        self.intro.setWordWrap(True)
        self.intro.setText(
            self.tr(
                "Purchases above a spending limit wait here for an approver. Approving places "
                "the order at the price held for it; a denial tells the requester your reason."
            )
            if may_approve
            else self.tr(
                "Your purchases above your spending limit wait here until an approver decides."
            )
        )
        self.status = named(QComboBox(), "approvalsStatusCombo")
        self.status.setAccessibleName(self.tr("Show"))
        self.status.addItem(self.tr("Pending"), PENDING)
        self.status.addItem(self.tr("All"), None)
        self.status.setCurrentIndex(0 if may_approve else 1)  # a requester: what became of them
        show = named(QLabel(self.tr("S&how:")), "approvalsStatusLabel")
        show.setBuddy(self.status)
        refresh = named(QPushButton(self.tr("&Refresh")), "approvalsRefreshButton")
        self.model = ApprovalsModel(timezone, locale)
        self.model.setParent(self)
        self.view = named(QTableView(), "approvalsView")
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Approvals"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.message = named(QLabel(), "approvalsMessageLabel")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.approve_button = named(QPushButton(self.tr("&Approve")), "approveButton")
        self.deny_button = named(QPushButton(self.tr("&Deny…")), "denyButton")
        for button in (self.approve_button, self.deny_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setVisible(may_approve)
            button.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        self.approve_button.clicked.connect(self._approve)
        self.deny_button.clicked.connect(self._ask_deny)
        refresh.clicked.connect(lambda: self.reload())
        self.status.currentIndexChanged.connect(lambda: self.reload())
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        filters = QHBoxLayout()
        filters.addWidget(show)
        filters.addWidget(self.status)
        filters.addStretch()
        filters.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        chain_buttons(self.view, buttons)
        self._update_buttons()
        self.reload()

    def reload(self, said: str = "") -> None:
        """Read the list again (off the GUI thread); `said` stays shown: what was just done."""
        self._reads += 1
        read, status = self._reads, self.status.currentData()
        self.message.setText(said or self.tr("Loading approvals…"))
        run_in_background(
            lambda: self._approvals.list(status),
            lambda listed: self._show(read, listed, said),
            lambda error: self._read_failed(read, error, said),
        )

    def selected(self) -> Approval | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.approvals[rows[0].row()] if rows else None

    def _show(self, read: int, listed: list[Approval], said: str = "") -> None:
        if read != self._reads:
            return
        self.model.show(listed)
        self._size_columns()
        if listed:
            self.view.selectRow(0)
        elif not said:
            said = (
                self.tr("No purchases are waiting for approval.")
                if self.status.currentData() == PENDING
                else self.tr("No purchases have gone to approval.")
            )
        self.message.setText(said)
        self._update_buttons()

    def _size_columns(self) -> None:
        """Each column as wide as its widest text or header, the last one taking the rest."""
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for column in range(len(COLUMNS) - 1):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal, 0))
            wide = header.fontMetrics().horizontalAdvance(title) + 24
            self.view.setColumnWidth(column, max(self.view.columnWidth(column), wide))

    def _read_failed(self, read: int, error: Exception, said: str) -> None:
        if read != self._reads:
            return
        failed = self.tr("The approvals could not be read ({error}). Try again when online.")
        self.message.setText(" ".join(filter(None, (said, failed.format(error=error)))))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected()
        decidable = (
            self._may_approve
            and chosen is not None
            and chosen.pending
            and not chosen.requested_by_email(self._email)
        )
        for button in (self.approve_button, self.deny_button):
            button.setEnabled(decidable)
        own = chosen is not None and chosen.pending and chosen.requested_by_email(self._email)
        self.approve_button.setToolTip(
            self.tr("Your own request: another approver decides on it.") if own else ""
        )

    def _approve(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self._deciding()
        run_in_background(
            lambda: self._approvals.approve(chosen.id),
            self._approved,
            lambda error: self._refused(chosen, error),
        )

    def _approved(self, approval: Approval) -> None:
        if approval.kind == OrderKind.RENEWAL:
            text = self.tr(
                "Approved {id}: the renewal for %Ln seat(s) was placed.", "", approval.seats
            )
        else:
            text = self.tr(
                "Approved {id}: the order for %Ln seat(s) was placed.", "", approval.seats
            )
        self._done(text.format(id=approval.id))

    def _ask_deny(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Deny {id}").format(id=chosen.id),
            self.tr("Why is it denied? {name} is told this reason:").format(
                name=chosen.requested_by.name
            ),
            QLineEdit.EchoMode.Normal,
        )
        reason = reason.strip()
        if not ok:
            return
        if not reason or len(reason) > REASON_LENGTH:
            self.message.setText(
                self.tr("Nothing was denied: a reason of 1 to {most} characters is needed.").format(
                    most=REASON_LENGTH
                )
            )
            return
        self._deciding()
        run_in_background(
            lambda: self._approvals.deny(chosen.id, reason),
            lambda denied: self._done(self.tr("Denied {id}.").format(id=denied.id)),
            lambda error: self._refused(chosen, error),
        )

    def _deciding(self) -> None:
        for button in (self.approve_button, self.deny_button):
            button.setEnabled(False)
        self.message.setText(self.tr("Sending your decision…"))

    def _done(self, said: str) -> None:
        self.decided.emit(said)
        self.reload(said)

    def _refused(self, approval: Approval, error: Exception) -> None:
        """Nothing was decided; the list is read again, as another approver or the clock may
        have decided meanwhile."""
        self.reload(self._refusal_text(approval, error))

    def _refusal_text(self, approval: Approval, error: Exception) -> str:
        """Why, in the user's language where the service's code is known."""
        code = error.code if isinstance(error, ServiceError) else None
        if code == "approval_decided":
            text = self.tr("Nothing was done: {id} was decided by another approver meanwhile.")
        elif code == "approval_expired":
            text = self.tr(
                "Nothing was done: {id} has expired (its price held until {date}). The "
                "requester can order again at today's price."
            )
        elif code == "own_request":
            text = self.tr(
                "Nothing was done: {id} is your own request; another approver decides on it."
            )
        elif code == "not_an_approver":
            text = self.tr(
                "Nothing was done: your permission set does not let you approve purchases."
            )
        elif isinstance(error, ServiceUnavailable):
            text = self.tr("Nothing was done ({error}). Try again when online.")
        else:
            text = self.tr("Nothing was done: {error}")
        valid_until = day(approval.valid_until, self.model.locale)
        return text.format(id=approval.id, date=valid_until, error=error)
