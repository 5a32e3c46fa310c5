"""Reclaim Policy: which seats the service frees by itself once a day, with the preview of whom
it would free now, read again for the days shown before the policy can be saved."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import formatting
from desktop.i18n import translate
from desktop.reclaim import (
    DISABLED_DAYS,
    INACTIVE_DAYS,
    REASONS,
    Preview,
    Reclaiming,
    ReclaimPolicy,
)
from ui.dialog_buttons import action_and_cancel
from ui.focus_order import chain_buttons
from ui.named import named
from ui.screen_fit import fit_to_screen
from ui.tasks import run_in_background


class ReclaimPolicyDialog(QDialog):
    saved = Signal(object)  # the ReclaimPolicy as the service stored it

    def __init__(
        self,
        reclaiming: Reclaiming,
        parent: QWidget | None = None,
        timezone: str = "UTC",
        locale: str = "en_US",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reclaimPolicyDialog")
        self.setWindowTitle(self.tr("Reclaim Policy"))
        fit_to_screen(self, 760, 560)
        self._reclaiming, self._timezone, self._locale = reclaiming, timezone, locale
        self.policy: ReclaimPolicy | None = None
        self.exempt: set[int] = set()
        self.previewed: tuple[int, int] | None = None  # the days the preview shown was read for
        self.preview: Preview | None = None
        self.enabled = named(
            QCheckBox(self.tr("&Free seats automatically once a day")), "reclaimEnabledCheck"
        )
        self.disabled_days = self._days(DISABLED_DAYS, "reclaimDisabledDaysSpin")
        self.inactive_days = self._days(INACTIVE_DAYS, "reclaimInactiveDaysSpin")
        self.notify = named(QCheckBox(), "reclaimNotifyCheck")
        self._say_warning_days(7)
        self.note = named(
            QLabel(
                self.tr(
                    "Each day the service frees the seats of the users below that are not "
                    "exempt, as one release you can undo for 14 days under Releases."
                )
            ),
            "reclaimNoteLabel",
        )
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.note)
        form.addRow(self.enabled)
        disabled_label = QLabel(self.tr("Users &disabled for at least:"))
        disabled_label.setBuddy(self.disabled_days)
        form.addRow(disabled_label, self.disabled_days)
        inactive_label = QLabel(self.tr("Users &inactive for more than:"))
        inactive_label.setBuddy(self.inactive_days)
        form.addRow(inactive_label, self.inactive_days)
        form.addRow(self.notify)
        self.refresh = named(QPushButton(self.tr("&Preview")), "reclaimPreviewButton")
        self.refresh.clicked.connect(self.read_preview)
        form.addRow(self.refresh)
        self.table = named(QTableWidget(0, 5), "reclaimPreviewTable")
        self.table.setAccessibleName(self.tr("Users whose seats the policy frees"))
        labels = [
            self.tr("Exempt"),
            self.tr("Name"),
            self.tr("E-mail"),
            self.tr("Why"),
            self.tr("Since ({zone})").format(zone=self._timezone),  # shown in that zone
        ]
        self.table.setHorizontalHeaderLabels(labels)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        metrics = self.fontMetrics()
        for column, sample in enumerate(("w" * 5, "w" * 14, "w" * 18, "w" * 7)):
            widest = max(
                metrics.horizontalAdvance(sample), metrics.horizontalAdvance(labels[column])
            )
            self.table.setColumnWidth(column, widest + 24)  # the header's words whole
        self.table.itemChanged.connect(self._exempt_changed)
        self.status = named(QLabel(self.tr("Loading…")), "reclaimStatusLabel")
        self.status.setWordWrap(True)
        self.save = named(QPushButton(self.tr("&Save")), "reclaimSaveButton")
        self.save.setEnabled(False)
        buttons = action_and_cancel(self, self.save, self.save_policy)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.save.setDefault(True)
        chain_buttons(self.table, buttons)
        for spin in (self.disabled_days, self.inactive_days):
            spin.valueChanged.connect(self._days_changed)
        run_in_background(reclaiming.read, self.show_policy, self._failed)

    def _days(self, bounds: tuple[int, int], name: str) -> QSpinBox:
        spin = named(QSpinBox(), name)
        spin.setRange(*bounds)
        spin.setSuffix(self.tr(" days"))
        return spin

    def _say_warning_days(self, days: int) -> None:
        self.notify.setText(
            self.tr("&Warn users by e-mail %Ln day(s) before their seat is freed", "", days)
        )

    def days(self) -> tuple[int, int]:
        return self.disabled_days.value(), self.inactive_days.value()

    def show_policy(self, policy: ReclaimPolicy) -> None:
        self.policy = policy
        self.exempt = set(policy.exempt_user_ids)
        self.enabled.setChecked(policy.enabled)
        self.notify.setChecked(policy.notify_users)
        self._say_warning_days(policy.warning_days)
        for spin, value in (
            (self.disabled_days, policy.disabled_for_days),
            (self.inactive_days, policy.inactive_for_days),
        ):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self.read_preview()

    def read_preview(self) -> None:
        """Whom the days shown would free now (the save waits for it)."""
        reclaiming, days = self._reclaiming, self.days()
        self.refresh.setEnabled(False)
        self.status.setText(self.tr("Reading the preview…"))
        run_in_background(
            lambda: reclaiming.preview(*days),
            lambda found: self.show_preview(found, days),
            self._failed,
        )

    def show_preview(self, found: Preview, days: tuple[int, int]) -> None:
        self.preview, self.previewed = found, days
        self.table.blockSignals(True)
        self.table.setRowCount(len(found.users))
        for row, user in enumerate(found.users):
            exempt = QTableWidgetItem()
            exempt.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            exempt.setCheckState(
                Qt.CheckState.Checked if user.id in self.exempt else Qt.CheckState.Unchecked
            )
            exempt.setData(Qt.ItemDataRole.UserRole, user.id)
            self.table.setItem(row, 0, exempt)
            since = (
                formatting.moment(user.since, self._timezone, self._locale)
                if user.since
                else self.tr("Not known")
            )
            reason = translate("Reclaim", REASONS[user.reason])
            for column, text in enumerate((user.name, user.email, reason, since), start=1):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.refresh.setEnabled(True)
        self._say_count()

    def _say_count(self) -> None:
        if self.preview is None:
            return
        freed = len([user for user in self.preview.users if user.id not in self.exempt])
        self.status.setText(self.tr("Applied now, the policy would free %Ln seat(s).", "", freed))
        self.save.setEnabled(self.previewed == self.days())

    def _exempt_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            return
        user_id = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self.exempt.add(user_id)
        else:
            self.exempt.discard(user_id)
        self._say_count()

    def _days_changed(self) -> None:
        """The preview shown is for other days: read it again before the policy is saved."""
        self.save.setEnabled(False)
        self.status.setText(self.tr("The days changed: preview them before saving."))

    def chosen(self) -> ReclaimPolicy:
        disabled, inactive = self.days()
        return ReclaimPolicy(
            self.enabled.isChecked(),
            disabled,
            inactive,
            self.notify.isChecked(),
            frozenset(self.exempt),
        )

    def save_policy(self) -> None:
        if self.previewed != self.days():
            return
        reclaiming, chosen = self._reclaiming, self.chosen()
        self.save.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        run_in_background(lambda: reclaiming.save(chosen), self._saved, self._failed)

    def _saved(self, policy: ReclaimPolicy) -> None:
        self.policy = policy
        self.saved.emit(policy)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.status.setText(
            self.tr("The reclaim policy could not be read or saved: {error}").format(error=error)
        )
        self.refresh.setEnabled(True)
        self.save.setEnabled(self.preview is not None and self.previewed == self.days())
