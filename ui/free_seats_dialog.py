"""The confirmation before seats are freed: whose, what it does to the available seats, why."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.seat_holders import SeatUser
from ui.dialog_buttons import action_and_cancel
from ui.focus_order import chain_buttons
from ui.named import named
from ui.screen_fit import fit_to_screen

NAMES_SHOWN = 10  # more are counted, not listed
REASON_LENGTH = 200  # the service's limit


class FreeSeatsDialog(QDialog):
    """Names the users and the effect ("Available seats: 3 → 7"); accepted, the caller frees."""

    def __init__(
        self, users: list[SeatUser], available: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("freeSeatsDialog")
        self.setWindowTitle(self.tr("Free Seats"))
        fit_to_screen(self, 520, 360)
        count = len(users)
        self.users = users
        self.question = named(
            QLabel(self.tr("Free the seats of these %Ln user(s)?", "", count)),
            "freeSeatsQuestionLabel",
        )
        self.question.setWordWrap(True)
        lines = [f"{user.name} <{user.email}>" for user in users[:NAMES_SHOWN]]
        if count > NAMES_SHOWN:
            lines.append(self.tr("and %Ln more", "", count - NAMES_SHOWN))
        self.names = named(QLabel("\n".join(lines)), "freeSeatsNamesLabel")
        self.names.setTextFormat(Qt.TextFormat.PlainText)
        self.names.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.effect = named(
            QLabel(
                self.tr("Available seats: {before} → {after}").format(
                    before=available, after=available + count
                )
            ),
            "freeSeatsEffectLabel",
        )
        self.note = named(
            QLabel(
                self.tr(
                    "They cannot use the product until they have a seat again. You can undo this "
                    "for 14 days; seats are given back while some are available."
                )
            ),
            "freeSeatsNoteLabel",
        )
        self.note.setWordWrap(True)
        self.reason = named(QLineEdit(), "freeSeatsReasonEdit")
        self.reason.setMaxLength(REASON_LENGTH)
        reason_label = QLabel(self.tr("&Reason (optional):"))
        reason_label.setBuddy(self.reason)
        form = QFormLayout()
        form.addRow(reason_label, self.reason)
        self.free = named(QPushButton(self.tr("&Free %Ln Seat(s)", "", count)), "freeSeatsOk")
        buttons = action_and_cancel(self, self.free, self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.names)
        layout.addWidget(self.effect)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addStretch()
        layout.addWidget(buttons)
        self.free.setDefault(True)  # once in the dialog, so that Tab over Cancel keeps it
        chain_buttons(self.reason, buttons)

    def user_ids(self) -> list[int]:
        return [user.id for user in self.users]
