"""Administration > Audit Log: the service's trail, filtered, its chain checked, exportable."""

import re
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.audit_log import ACTIONS, AuditTrail, ChainCheck, TrailBreak
from desktop.i18n import translate
from ui.audit_log_model import AuditLogModel
from ui.export_paths import ask_save_path
from ui.named import named
from ui.screen_fit import fit_to_screen
from ui.tasks import run_in_background


class AuditLogDialog(QDialog):
    def __init__(
        self,
        trail: AuditTrail,
        parent: QWidget | None = None,
        timezone: str = "UTC",
        locale: str = "en_US",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("auditLogDialog")
        self.setWindowTitle(self.tr("Audit Log"))
        fit_to_screen(self, 1000, 600)
        self._trail = trail
        self.action = named(QComboBox(), "auditActionCombo")
        self.action.setAccessibleName(self.tr("Action"))
        self.action.addItem(self.tr("All actions"), None)
        for action in ACTIONS:
            self.action.addItem(translate("AuditAction", action), action)
        self.actor = named(QLineEdit(), "auditActorEdit")
        self.actor.setPlaceholderText(self.tr("Who (part of an e-mail)"))
        self.actor.setAccessibleName(self.tr("Who"))
        refresh = named(QPushButton(self.tr("&Refresh")), "auditRefreshButton")
        self.export = named(QPushButton(self.tr("E&xport CSV…")), "auditExportButton")
        self.chain = named(QLabel(), "auditChainLabel")
        self.chain.setWordWrap(True)
        self.continuity = named(QLabel(), "auditContinuityLabel")
        self.continuity.setWordWrap(True)
        self.continuity.hide()
        self.status = named(QLabel(), "auditStatusLabel")
        self.status.setWordWrap(True)
        self.model = AuditLogModel(trail, timezone, locale)
        self.model.setParent(self)  # deleted with the dialog, on the GUI thread
        self.model.chain_checked.connect(self._show_chain)
        self.model.load_failed.connect(
            lambda error: self.chain.setText(
                self.tr("The audit log could not be read: {error}").format(error=error)
            )
        )
        self.view = named(QTableView(), "auditLogView")
        self.view.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.view.setAccessibleName(self.tr("Audit log entries"))
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        metrics = self.fontMetrics()
        for column, sample in enumerate(("2026-11-26 23:59:59", "w" * 28, "w" * 22, "w" * 40)):
            header = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            header_width = self.view.horizontalHeader().fontMetrics().horizontalAdvance(header)
            widest = max(metrics.horizontalAdvance(sample), header_width)
            self.view.setColumnWidth(column, widest + 24)  # the header whole, zone and all
        refresh.clicked.connect(self.load)
        self.action.currentIndexChanged.connect(self.load)
        self.actor.returnPressed.connect(self.load)
        self.export.clicked.connect(self._ask_export_path)
        filters = QHBoxLayout()
        for widget in (self.action, self.actor, refresh, self.export):
            filters.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.chain)
        layout.addWidget(self.continuity)
        layout.addWidget(self.view)
        layout.addWidget(self.status)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.load()
        run_in_background(
            trail.check_continuity,
            self._show_break,
            self._continuity_unchecked,
        )

    def _continuity_unchecked(self, error: Exception) -> None:
        """Not checked is not intact: say so, or tampering would show as nothing."""
        self.continuity.setText(
            self.tr(
                "✘ Whether the audit trail is the one you saw before could not be checked: {error}"
            ).format(error=error)
        )
        self.continuity.show()

    def _show_break(self, trail_break: TrailBreak | None) -> None:
        if trail_break is None:
            return
        seen_at = QDateTime.fromSecsSinceEpoch(int(trail_break.seen_at.timestamp()))
        when = QLocale().toString(seen_at, QLocale.FormatType.ShortFormat)
        text = (
            self.tr(
                "✘ The audit trail was cut since you last looked ({when}): entry #{entry} that "
                "you saw then is gone."
            )
            if trail_break.gone
            else self.tr(
                "✘ The audit trail was rewritten since you last looked ({when}): entry #{entry} "
                "is no longer the one you saw."
            )
        )
        self.continuity.setText(text.format(when=when, entry=trail_break.entry_id))
        self.continuity.show()

    def load(self) -> None:
        self.chain.setText(self.tr("Loading…"))
        self.model.set_filter(self.action.currentData(), self.actor.text().strip() or None)

    def _show_chain(self, check: ChainCheck) -> None:
        if check.intact:
            self.chain.setText("✔ " + self.tr("The audit trail is intact."))
        else:
            self.chain.setText("✘ " + self._break_text(check.message))

    def _break_text(self, message: str) -> str:
        """Where the service found the trail broken, in the user's language (the service says
        it in English, in one of three sentences)."""
        entry = re.search(r"#(\d+)", message)
        if entry and message.startswith("The entry before"):
            text = self.tr("The entry before #{entry} was deleted or changed.")
        elif entry and message.startswith("Entry"):
            text = self.tr("Entry #{entry} was changed after it was written.")
        elif message.startswith("Entries at the end"):
            return self.tr("Entries at the end of the trail were deleted.")
        else:
            return self.tr("The audit trail is broken: {message}").format(message=message)
        return text.format(entry=entry.group(1))

    def export_to(self, path: Path) -> None:
        """Every event that matches the filter, however many pages, not only those shown."""
        trail, (action, actor) = self._trail, self.model.filter()
        run_in_background(
            lambda: trail.export_csv(action, actor, path),
            lambda count: self.status.setText(
                self.tr("Exported %Ln entries to {path}.", "", count).format(path=path)
            ),
            lambda error: self.status.setText(
                self.tr("Export failed: {error}").format(error=error)
            ),
        )

    def _ask_export_path(self) -> None:
        path = ask_save_path(
            self, self.tr("Export audit log"), "audit-log.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_to(path)
