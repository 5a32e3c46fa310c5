"""The users who hold a seat without using it (disabled, or long inactive), exportable as CSV."""

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.seat_holders import all_users, export_users_csv
from desktop.service_client import ServiceClient
from ui.export_paths import ask_save_path
from ui.screen_fit import fit_to_screen
from ui.tasks import run_in_background
from ui.users_model import UsersModel


class SeatHoldersDialog(QDialog):
    def __init__(
        self,
        client: ServiceClient,
        filters: dict,
        title: str,
        advice: str,
        parent: QWidget | None = None,
        timezone: str = "UTC",
        locale: str = "en_US",
    ) -> None:
        super().__init__(parent, objectName="seatHoldersDialog")
        self.setWindowTitle(title)
        fit_to_screen(self, 820, 520)
        self._client = client
        self.advice = QLabel(advice, objectName="seatHoldersAdviceLabel", wordWrap=True)
        self.total = QLabel(self.tr("Loading…"), objectName="seatHoldersTotalLabel")
        self.model = UsersModel(client, filters, timezone, locale)
        self.model.setParent(self)  # deleted with the dialog, on the GUI thread
        self.model.page_arrived.connect(self._show_total)
        self.model.load_failed.connect(self._show_failure)
        self.view = QTableView(objectName="seatHoldersView")
        self.view.setAccessibleName(title)
        self.view.setModel(self.model)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        metrics = self.fontMetrics()
        for column, sample in enumerate(("w" * 18, "w" * 26, "w" * 8)):
            self.view.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
        self.export = QPushButton(self.tr("E&xport CSV…"), objectName="seatHoldersExportButton")
        self.export.clicked.connect(self._ask_export_path)
        self.status = QLabel(objectName="seatHoldersStatusLabel", wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.export, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.advice)
        layout.addWidget(self.total)
        layout.addWidget(self.view)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.model.restart()

    def _show_total(self, page: dict) -> None:
        self.total.setText(self.tr("%Ln user(s)", "", page["total"]))

    def _show_failure(self, error: Exception) -> None:
        self.total.setText(self.tr("The users could not be read: {error}").format(error=error))

    def export_to(self, path: Path) -> None:
        """Every user on the list, however many pages, not only those shown."""
        client, filters = self._client, self.model.filters
        self.status.setText(self.tr("Exporting…"))
        run_in_background(
            lambda: export_users_csv(all_users(client, filters), path),
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
