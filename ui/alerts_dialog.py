"""Alerts: what the service e-mails about (few seats available, invoices due or overdue, the
renewal window) and to whom, in which language."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.alerts import (
    MAX_RECIPIENTS,
    Alerts,
    AlertSettings,
    Recipient,
)
from ui.dialog_buttons import action_and_cancel
from ui.focus_order import chain_buttons
from ui.named import named
from ui.screen_fit import fit_to_screen
from ui.tasks import run_in_background


class AlertsDialog(QDialog):
    saved = Signal(object)  # the AlertSettings as the service stored them

    def __init__(self, alerts: Alerts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertsDialog")
        self.setWindowTitle(self.tr("Alerts"))
        fit_to_screen(self, 600, 520)
        self._alerts = alerts
        self._read = False  # the settings were read: saving replaces them, never the defaults
        self.languages = {
            None: self.tr("Language not known"),
            "en": self.tr("English"),
            "de": self.tr("German"),
        }
        self.seats_on = named(
            QCheckBox(self.tr("When &fewer seats are available than:")), "alertsSeatsCheck"
        )
        self.seats = named(QSpinBox(), "alertsSeatsSpin")
        self.seats.setRange(1, 100000)
        self.seats.setValue(5)
        self.seats.setAccessibleName(self.tr("Seats available"))
        self.due_on = named(QCheckBox(self.tr("When an &invoice is due within:")), "alertsDueCheck")
        self.due = named(QSpinBox(), "alertsDueSpin")
        self.due.setRange(1, 90)
        self.due.setValue(7)
        self.due.setSuffix(self.tr(" days"))
        self.due.setAccessibleName(self.tr("Days before an invoice is due"))
        self.overdue = named(
            QCheckBox(self.tr("When an invoice is &overdue")), "alertsOverdueCheck"
        )
        self.renewal = named(
            QCheckBox(self.tr("When the contract can be &renewed")), "alertsRenewalCheck"
        )
        for check, spin in ((self.seats_on, self.seats), (self.due_on, self.due)):
            check.toggled.connect(spin.setEnabled)
            spin.setEnabled(False)
        conditions = QFormLayout()
        conditions.addRow(self.seats_on, self.seats)
        conditions.addRow(self.due_on, self.due)
        conditions.addRow(self.overdue)
        conditions.addRow(self.renewal)
        when = QGroupBox(self.tr("E-mail an alert"))
        when.setLayout(conditions)
        self.recipients = named(QTableWidget(0, 2), "alertsRecipientsTable")
        self.recipients.setAccessibleName(self.tr("Recipients"))
        self.recipients.setHorizontalHeaderLabels([self.tr("E-mail"), self.tr("Language")])
        self.recipients.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recipients.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recipients.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recipients.setTabKeyNavigation(False)
        self.recipients.verticalHeader().hide()
        header = self.recipients.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.recipients.itemSelectionChanged.connect(self._selection_changed)
        self.address = named(QLineEdit(), "alertsAddressEdit")
        self.address.setMaxLength(254)
        self.address.setPlaceholderText(self.tr("name@example.com"))
        self.address.textChanged.connect(self._selection_changed)
        address_label = QLabel(self.tr("&E-mail:"))
        address_label.setBuddy(self.address)
        self.language = named(QComboBox(), "alertsLanguageCombo")
        self.language.setAccessibleName(self.tr("Language"))
        for code, name in self.languages.items():
            self.language.addItem(name, code)
        self.add = named(QPushButton(self.tr("&Add")), "alertsAddButton")
        self.add.clicked.connect(self.add_recipient)
        self.remove = named(QPushButton(self.tr("Re&move")), "alertsRemoveButton")
        for button in (self.add, self.remove):
            button.setAutoDefault(False)
        self.remove.clicked.connect(self.remove_recipient)
        entry = QHBoxLayout()
        entry.addWidget(address_label)
        entry.addWidget(self.address, 1)
        entry.addWidget(self.language)
        entry.addWidget(self.add)
        entry.addWidget(self.remove)
        whom = QGroupBox(self.tr("Recipients"))
        recipients = QVBoxLayout(whom)
        recipients.addWidget(self.recipients)
        recipients.addLayout(entry)
        self.status = named(QLabel(self.tr("Loading…")), "alertsStatusLabel")
        self.status.setWordWrap(True)
        self.save = named(QPushButton(self.tr("&Save")), "alertsSaveButton")
        self.save.setEnabled(False)
        buttons = action_and_cancel(self, self.save, self.save_settings)
        layout = QVBoxLayout(self)
        layout.addWidget(when)
        layout.addWidget(whom, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.save.setDefault(True)
        chain_buttons(self.remove, buttons)
        self._selection_changed()
        run_in_background(alerts.read, self.show_settings, self._failed)

    def show_settings(self, settings: AlertSettings) -> None:
        for check, spin, value in (
            (self.seats_on, self.seats, settings.seats_available_below),
            (self.due_on, self.due, settings.invoice_due_within_days),
        ):
            check.setChecked(value is not None)
            if value is not None:
                spin.setValue(value)
        self.overdue.setChecked(settings.notify_overdue)
        self.renewal.setChecked(settings.notify_renewal_window)
        self.recipients.setRowCount(0)
        for recipient in settings.recipients:
            self._add_item(recipient)
        self.status.clear()
        self._read = True
        self.save.setEnabled(True)
        self._selection_changed()

    def add_recipient(self) -> None:
        address = self.address.text().strip()
        if not address or self.recipients.rowCount() >= MAX_RECIPIENTS:
            return
        self._add_item(Recipient(address, self.language.currentData()))
        self.address.clear()
        self._selection_changed()

    def remove_recipient(self) -> None:
        row = self.recipients.currentRow()
        if row >= 0:
            self.recipients.removeRow(row)
        self._selection_changed()

    def _add_item(self, recipient: Recipient) -> None:
        row = self.recipients.rowCount()
        self.recipients.insertRow(row)
        for column, text in enumerate((recipient.email, self.languages[recipient.language])):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, recipient)
            self.recipients.setItem(row, column, item)

    def chosen(self) -> AlertSettings:
        return AlertSettings(
            self.seats.value() if self.seats_on.isChecked() else None,
            self.due.value() if self.due_on.isChecked() else None,
            self.overdue.isChecked(),
            self.renewal.isChecked(),
            tuple(self._recipient(row) for row in range(self.recipients.rowCount())),
        )

    def _recipient(self, row: int) -> Recipient:
        item = self.recipients.item(row, 0)
        assert item is not None  # every row has its cells
        return item.data(Qt.ItemDataRole.UserRole)

    def save_settings(self) -> None:
        if not self.save.isEnabled():
            return
        alerts, chosen = self._alerts, self.chosen()
        self.save.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        run_in_background(lambda: alerts.save(chosen), self._saved, self._failed)

    def _saved(self, settings: AlertSettings) -> None:
        self.saved.emit(settings)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.status.setText(
            self.tr("The alert settings could not be read or saved: {error}").format(error=error)
        )
        self.save.setEnabled(self._read)

    def _selection_changed(self) -> None:
        full = self.recipients.rowCount() >= MAX_RECIPIENTS
        self.add.setEnabled(bool(self.address.text().strip()) and not full)
        self.remove.setEnabled(bool(self.recipients.selectedItems()))
