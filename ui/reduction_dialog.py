"""Fewer seats next term? Seats are never reduced here: the request goes to the account
manager, on the record, and the dialog lists the requests made and their answers."""

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from billing.plain_text import TextRefusal, check_text
from billing.renewal import INSTRUCTIONS_LENGTH as REASON_LENGTH
from desktop import formatting
from desktop.i18n import localized
from desktop.reduction_requests import ReductionRequests
from desktop.renewing import ReductionRequest
from ui.focus_order import chain_buttons
from ui.named import named
from ui.screen_fit import fit_to_screen
from ui.tasks import run_in_background


class ReductionDialog(QDialog):
    def __init__(
        self,
        requests: ReductionRequests,
        seats_now: int,
        timezone: str,
        locale: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reductionRequestDialog")
        self.setWindowTitle(self.tr("Fewer Seats Next Term"))
        fit_to_screen(self, 600, 520)
        self._requests, self._timezone, self._locale = requests, timezone, locale
        intro = QLabel(
            self.tr(
                "Seats are not reduced here: your account manager receives this request and "
                "answers it. The seats stay as they are until then."
            )
        )
        intro.setWordWrap(True)
        self.seats = named(QSpinBox(), "reductionSeatsSpin")
        self.seats.setRange(0, max(0, seats_now - 1))
        self.seats.setValue(max(0, seats_now - 1))
        self.seats.setAccessibleName(self.tr("Seats wanted next term"))
        self.reason = named(QPlainTextEdit(), "reductionReasonEdit")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(3 * self.fontMetrics().lineSpacing() + 12)
        self.message = named(QLabel(), "reductionMessageLabel")
        self.message.setWordWrap(True)
        self.requests = named(QLabel(), "reductionRequestsLabel")
        self.requests.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.send = buttons.addButton(
            self.tr("Send Re&quest"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.send.setObjectName("sendReductionButton")
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        self.send.clicked.connect(self._send)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(intro)
        seats_label = QLabel(self.tr("&Seats wanted:"))
        seats_label.setBuddy(self.seats)
        form.addRow(seats_label, self.seats)
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, self.reason)
        form.addRow(self.message)
        form.addRow(self.requests)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch()
        layout.addWidget(buttons)
        # Enter sends; it never closes the dialog unsent (the default is set once the button
        # is in the dialog: before, Tab over Close took it away).
        self.send.setDefault(True)
        chain_buttons(self.reason, buttons)
        self._load()

    def _load(self) -> None:
        run_in_background(self._requests.listed, self._show, self._failed)

    def _show(self, requests: list[ReductionRequest]) -> None:
        if not requests:
            self.requests.setText(self.tr("No requests yet."))
            return
        lines = []
        for request in requests:
            when = formatting.moment(request.requested_at, self._timezone, self._locale)
            state = (
                self.tr("Answered: {answer}").format(answer=request.answer)
                if request.answer
                else self.tr("Requested, not answered yet")
            )
            lines.append(
                self.tr("{when}: {seats} seats. {state}").format(
                    when=when, seats=request.seats_wanted, state=state
                )
            )
        self.requests.setText("<br>".join(escape(line) for line in lines))

    def _send(self) -> None:
        seats, reason = self.seats.value(), self.reason.toPlainText().strip()
        if not reason:
            self.message.setText(self.tr("Give a reason for your account manager."))
            return
        try:
            reason = check_text(reason, self.tr("The reason"), multiline=True, limit=REASON_LENGTH)
        except TextRefusal as refusal:
            self.message.setText(localized(refusal))
            return
        self.send.setEnabled(False)
        self.message.setText(self.tr("Sending…"))
        requests = self._requests
        run_in_background(lambda: requests.send(seats, reason), self._sent, self._failed)

    def _sent(self, _request: ReductionRequest) -> None:
        self.send.setEnabled(True)
        self.reason.clear()
        self.message.setText(self.tr("Sent to your account manager."))
        self._load()

    def _failed(self, error: Exception) -> None:
        self.send.setEnabled(True)
        self.message.setText(self.tr("The request could not be sent: {error}").format(error=error))
