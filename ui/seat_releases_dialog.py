"""The organization's seat releases, newest first, each undoable while its 14 days last."""

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import formatting
from desktop.seats import ReleaseRecord, SeatReleases, UndoResult
from ui.named import named
from ui.screen_fit import fit_to_screen
from ui.tasks import run_in_background


class SeatReleasesDialog(QDialog):
    seats_changed = Signal()  # a release was undone: the overview reads the seats again

    def __init__(
        self,
        releases: SeatReleases,
        parent: QWidget | None = None,
        timezone: str = "UTC",
        locale: str = "en_US",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("seatReleasesDialog")
        self.setWindowTitle(self.tr("Seat Releases"))
        fit_to_screen(self, 820, 480)
        self._service = releases
        self._timezone, self._locale = timezone, locale
        self.releases: list[ReleaseRecord] = []
        self._said: str | None = None  # what an undo did, kept over the reload after it
        self.table = named(QTableWidget(0, 5), "seatReleasesTable")
        self.table.setAccessibleName(self.tr("Seat releases"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Freed"),
                self.tr("By"),
                self.tr("Users"),
                self.tr("Reason"),
                self.tr("Undo"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        for column, sample in ((0, "w" * 12), (1, "w" * 10), (3, "w" * 12), (4, "w" * 12)):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.status = named(QLabel(self.tr("Loading…")), "seatReleasesStatusLabel")
        self.status.setWordWrap(True)
        self.undo = named(QPushButton(self.tr("&Undo Release")), "seatReleasesUndoButton")
        self.undo.setEnabled(False)
        self.undo.clicked.connect(self.undo_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.undo, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        run_in_background(self._service.recent, self._show, self._failed)

    def selected(self) -> ReleaseRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.releases[rows[0].row()] if rows else None

    def undo_selected(self) -> None:
        release = self.selected()
        if release is None or not release.can_undo:
            return
        service = self._service
        self.undo.setEnabled(False)
        self.status.setText(self.tr("Giving the seats back…"))
        run_in_background(lambda: service.undo(release.id), self._undone, self._failed)

    def _show(self, releases: list[ReleaseRecord]) -> None:
        self.releases = releases
        self.table.setRowCount(len(releases))
        for row, release in enumerate(releases):
            names = ", ".join(user.name for user in release.users)
            if release.undone_at is not None:
                undo = self.tr("Undone {moment}").format(moment=self._moment(release.undone_at))
            elif release.can_undo:
                undo = self.tr("Until {moment}").format(moment=self._moment(release.undo_until))
            else:
                undo = self.tr("No longer")
            cells = (self._moment(release.released_at), release.released_by, names)
            for column, text in enumerate((*cells, release.reason, undo)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.status.setText(self._said or self.tr("%Ln release(s)", "", len(releases)))
        self._said = None
        self._selection_changed()

    def _undone(self, result: UndoResult) -> None:
        text = self.tr("Gave %Ln seat(s) back.", "", len(result.returned))
        if result.not_returned:
            names = ", ".join(user.name for user in result.not_returned)
            text += " " + self.tr("No seat was available for: {names}.").format(names=names)
        self._said = text
        self.status.setText(text)
        self.seats_changed.emit()
        self.load()

    def _failed(self, error: Exception) -> None:
        self.status.setText(
            self.tr("The releases could not be read or changed: {error}").format(error=error)
        )
        self._selection_changed()

    def _selection_changed(self) -> None:
        release = self.selected()
        self.undo.setEnabled(release is not None and release.can_undo)

    def _moment(self, value: datetime) -> str:
        return formatting.moment(value, self._timezone, self._locale)
