"""The Seats view: the users holding seats, filtered by status, exportable as CSV; selected
users' seats are freed after a confirmation, and the release can be undone from its notice.
The reclaim policy and the alerts are set from here too."""

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import formatting
from desktop.alerts import Alerts
from desktop.reclaim import Reclaiming
from desktop.seat_holders import (
    DISABLED,
    HOLDERS,
    WITHOUT_SEAT,
    SeatUser,
    SeatUsers,
    UserFilter,
    UsersPage,
    inactive,
)
from desktop.seats import GiveResult, SeatRelease, SeatReleases, UndoResult
from ui.alerts_dialog import AlertsDialog
from ui.export_paths import ask_save_path
from ui.focus_order import chain_buttons
from ui.free_seats_dialog import FreeSeatsDialog
from ui.named import named
from ui.reclaim_policy_dialog import ReclaimPolicyDialog
from ui.screen_fit import fit_to_screen
from ui.seat_releases_dialog import SeatReleasesDialog
from ui.tasks import run_in_background
from ui.users_model import UsersModel


@dataclass(frozen=True)
class SeatsServices:
    """What the Seats view and the dialogs it opens talk to."""

    users: SeatUsers
    releases: SeatReleases
    reclaiming: Reclaiming
    alerts: Alerts


class SeatHoldersDialog(QDialog):
    seats_changed = Signal()  # seats were freed or given back: the overview reads them again

    def __init__(
        self,
        seats: SeatsServices,
        filters: UserFilter,
        title: str,
        advice: str,
        parent: QWidget | None = None,
        timezone: str = "UTC",
        locale: str = "en_US",
        inactive_days: int = 90,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("seatHoldersDialog")
        self.setWindowTitle(title)
        fit_to_screen(self, 820, 560)
        self._seats = seats
        self._timezone, self._locale = timezone, locale
        self.release: SeatRelease | None = None
        self._select_all = False
        self.confirmation: FreeSeatsDialog | None = None
        self.advice = named(QLabel(advice), "seatHoldersAdviceLabel")
        self.advice.setWordWrap(True)
        self.filter = named(QComboBox(), "seatsFilterCombo")
        choices = (
            (self.tr("Held by disabled users"), DISABLED),
            (
                self.tr("Held by users inactive for more than %Ln day(s)", "", inactive_days),
                inactive(inactive_days),
            ),
            (self.tr("All seat holders"), HOLDERS),
            (self.tr("Users without a seat"), WITHOUT_SEAT),
        )
        if filters not in [choice for _, choice in choices]:
            choices += ((title, filters),)
        self._choices = [choice for _, choice in choices]
        self.filter.addItems([text for text, _ in choices])
        self.filter.setCurrentIndex(self._choices.index(filters))
        shown = QLabel(self.tr("&Show:"))
        shown.setBuddy(self.filter)
        self.total = named(QLabel(self.tr("Loading…")), "seatHoldersTotalLabel")
        self.model = UsersModel(seats.users, filters, timezone, locale)
        self.model.setParent(self)  # deleted with the dialog, on the GUI thread
        self.model.page_arrived.connect(self._show_total)
        self.model.load_failed.connect(self._show_failure)
        self.view = named(QTableView(), "seatHoldersView")
        self.view.setAccessibleName(title)
        self.view.setModel(self.model)
        self.view.setTabKeyNavigation(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        metrics = self.fontMetrics()
        for column, sample in enumerate(("w" * 18, "w" * 26, "w" * 8)):
            self.view.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
        self._busy = False  # a change is on its way: one at a time, a double click sends one
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.free = named(QPushButton(self.tr("&Free Seats…")), "seatsFreeButton")
        self.free.setEnabled(False)
        self.free.clicked.connect(self.ask_to_free)
        self.give = named(QPushButton(self.tr("&Give Seats")), "seatsGiveButton")
        self.give.setEnabled(False)
        self.give.clicked.connect(self.give_seats)
        self.export = named(QPushButton(self.tr("E&xport CSV…")), "seatHoldersExportButton")
        self.export.clicked.connect(self._ask_export_path)
        self.notice = named(QLabel(), "seatsNoticeLabel")
        self.notice.setWordWrap(True)
        self.undo = named(QPushButton(self.tr("&Undo")), "seatsUndoButton")
        self.undo.clicked.connect(self.undo_release)
        self.undo.hide()
        self.releases = named(QPushButton(self.tr("Re&leases…")), "seatsReleasesButton")
        self.releases.clicked.connect(self.show_releases)
        self.status = named(QLabel(), "seatHoldersStatusLabel")
        self.status.setWordWrap(True)
        self.policy = named(QPushButton(self.tr("Reclaim &Policy…")), "seatsPolicyButton")
        self.policy.clicked.connect(self.show_reclaim_policy)
        self.alerts = named(QPushButton(self.tr("Aler&ts…")), "seatsAlertsButton")
        self.alerts.clicked.connect(self.show_alerts)
        for button in (self.policy, self.alerts):
            button.setAutoDefault(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.free, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.give, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.releases, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.export, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(shown)
        top.addWidget(self.filter)
        top.addStretch()
        top.addWidget(self.policy)
        top.addWidget(self.alerts)
        notice = QHBoxLayout()
        notice.addWidget(self.notice, 1)
        notice.addWidget(self.undo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.advice)
        layout.addLayout(top)
        layout.addWidget(self.total)
        layout.addWidget(self.view)
        layout.addLayout(notice)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.setTabOrder(self.filter, self.policy)
        self.setTabOrder(self.policy, self.alerts)
        self.setTabOrder(self.alerts, self.view)
        self.setTabOrder(self.view, self.undo)
        chain_buttons(self.undo, buttons)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.model.restart()

    def select_all_when_read(self) -> None:
        """Select the users of the first page once it has arrived."""
        self._select_all = True

    def selected_users(self) -> list[SeatUser]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.model.item(row) for row in rows]

    def ask_to_free(self) -> None:
        """Read the seats available now, then ask to confirm with the effect named."""
        users = self.selected_users()
        if not users:
            return
        releases = self._seats.releases
        self._start()
        run_in_background(
            releases.available,
            lambda available: self._confirm(users, available),
            self._failed,
        )

    def give_seats(self) -> None:
        """Give the selected users a seat each, while seats are available."""
        users = self.selected_users()
        if not users:
            return
        releases = self._seats.releases
        self._start()
        self.notice.setText(self.tr("Giving seats…"))
        run_in_background(lambda: releases.give(users), self._given, self._failed)

    def _given(self, result: GiveResult) -> None:
        text = self.tr(
            "Gave a seat to %Ln user(s). Available seats: {before} → {after}.",
            "",
            len(result.given),
        ).format(before=result.available_before, after=result.available_after)
        if result.not_given:
            names = ", ".join(user.name for user in result.not_given)
            text += " " + self.tr("No seat was available for: {names}.").format(names=names)
        self.notice.setText(text)
        self._done()
        self._changed()

    def show_releases(self) -> SeatReleasesDialog:
        """The organization's releases, each undoable while its 14 days last."""
        dialog = SeatReleasesDialog(self._seats.releases, self, self._timezone, self._locale)
        dialog.seats_changed.connect(self._changed)
        dialog.show()
        return dialog

    def show_reclaim_policy(self) -> ReclaimPolicyDialog:
        """The policy that frees seats once a day, with whom it would free now."""
        dialog = ReclaimPolicyDialog(self._seats.reclaiming, self, self._timezone, self._locale)
        dialog.saved.connect(lambda _: self._changed())
        dialog.open()
        return dialog

    def show_alerts(self) -> AlertsDialog:
        """What the service e-mails about, and to whom."""
        dialog = AlertsDialog(self._seats.alerts, self)
        dialog.open()
        return dialog

    def undo_release(self) -> None:
        if self.release is None:
            return
        releases, release_id = self._seats.releases, self.release.id
        self._start()
        self.undo.setEnabled(False)
        self.notice.setText(self.tr("Giving the seats back…"))
        run_in_background(lambda: releases.undo(release_id), self._undone, self._failed)

    def _confirm(self, users: list[SeatUser], available: int) -> None:
        confirmation = FreeSeatsDialog(users, available, self)
        confirmation.accepted.connect(lambda: self._free(confirmation))
        confirmation.rejected.connect(self._done)
        self.confirmation = confirmation
        confirmation.open()

    def _free(self, confirmation: FreeSeatsDialog) -> None:
        releases = self._seats.releases
        ids, reason = confirmation.user_ids(), confirmation.reason.text()
        self.notice.setText(self.tr("Freeing seats…"))
        run_in_background(lambda: releases.free(ids, reason), self._freed, self._failed)

    def _freed(self, release: SeatRelease) -> None:
        self.release = release
        until = formatting.moment(release.undo_until, self._timezone, self._locale)
        self.notice.setText(
            self.tr(
                "Freed %Ln seat(s). Available seats: {before} → {after}. You can undo this "
                "until {until}.",
                "",
                len(release.users),
            ).format(before=release.available_before, after=release.available_after, until=until)
        )
        self.undo.setEnabled(release.can_undo)
        self.undo.show()
        self._done()
        self._changed()

    def _undone(self, result: UndoResult) -> None:
        self.release = None
        self.undo.hide()
        text = self.tr("Gave %Ln seat(s) back.", "", len(result.returned))
        if result.not_returned:
            names = ", ".join(user.name for user in result.not_returned)
            text += " " + self.tr("No seat was available for: {names}.").format(names=names)
        self.notice.setText(text)
        self._done()
        self._changed()

    def _failed(self, error: Exception) -> None:
        self.notice.setText(self.tr("The seats could not be changed: {error}").format(error=error))
        self.undo.setEnabled(self.release is not None and self.release.can_undo)
        self._done()

    def _start(self) -> None:
        self._busy = True
        self._selection_changed()

    def _done(self) -> None:
        self._busy = False
        self._selection_changed()

    def _changed(self) -> None:
        self.model.restart()
        self.seats_changed.emit()

    def _filter_changed(self) -> None:
        self.model.filters = self._choices[self.filter.currentIndex()]
        self._selection_changed()
        self.total.setText(self.tr("Loading…"))
        self.model.restart()

    def _selection_changed(self) -> None:
        chosen = not self._busy and self.view.selectionModel().hasSelection()
        holders = self.model.filters.holders
        self.free.setEnabled(chosen and holders)
        self.give.setEnabled(chosen and not holders)

    def _show_total(self, page: UsersPage) -> None:
        if self._select_all:
            self._select_all = False
            self.view.selectAll()
        self.total.setText(self.tr("%Ln user(s)", "", page.total))

    def _show_failure(self, error: Exception) -> None:
        self.total.setText(self.tr("The users could not be read: {error}").format(error=error))

    def export_to(self, path: Path) -> None:
        """Every user on the list, however many pages, not only those shown."""
        users, filters = self._seats.users, self.model.filters
        self.status.setText(self.tr("Exporting…"))
        run_in_background(
            lambda: users.export_csv(filters, path),
            lambda count: self.status.setText(
                self.tr("Exported %Ln user(s) to {path}.", "", count).format(path=path)
            ),
            lambda error: self.status.setText(
                self.tr("Export failed: {error}").format(error=error)
            ),
        )

    def _ask_export_path(self) -> None:
        path = ask_save_path(
            self, self.tr("Export users"), "users.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_to(path)
