"""File > Billing Profile: whom the vendor bills. Saved here at once and sent to the account
service by the sync, so an edit made offline waits; a field that is wrong is named."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from billing.profile import COUNTRIES, MAX_RECIPIENTS, BillingProfile, ProfileRefusal
from desktop import formatting
from desktop.access import Administrator
from desktop.i18n import localized
from ui.appearance import colour
from ui.named import named
from ui.screen_fit import fit_to_screen
from ui.tasks import run_in_background


class BillingProfileDialog(QDialog):
    def __init__(
        self,
        administrator: Administrator,
        save: Callable[[Administrator, dict], object],
        locale: str,
        parent: QWidget | None = None,
    ) -> None:
        """`save(administrator, values)` keeps the profile (run off the GUI thread); the
        profile itself is read off the GUI thread too, and shown by `show_profile`."""
        super().__init__(parent)
        self.setObjectName("billingProfileDialog")
        self.setWindowTitle(self.tr("Billing Profile"))
        fit_to_screen(self, 620, 520)
        self._administrator, self._save = administrator, save
        self.legal_name = named(QLineEdit(), "legalNameEdit")
        self.address = named(QPlainTextEdit(), "addressEdit")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(4 * self.fontMetrics().lineSpacing() + 12)
        self.country = named(QComboBox(), "countryCombo")
        territories = formatting.babel_locale(locale).territories
        for code in sorted(COUNTRIES, key=lambda c: territories.get(c, c)):
            self.country.addItem(f"{territories.get(code, code)} ({code})", code)
        self.tax_id = named(QLineEdit(), "taxIdEdit")
        self.emails = named(QPlainTextEdit(), "billingEmailsEdit")
        self.emails.setTabChangesFocus(True)
        self.emails.setPlaceholderText(self.tr("One address per line, at most 5"))
        self.emails.setFixedHeight(3 * self.fontMetrics().lineSpacing() + 12)
        self.default_po = named(QLineEdit(), "defaultPurchaseOrderEdit")
        self.default_po.setPlaceholderText(self.tr("Filled in on each new purchase"))
        self.message = named(QLabel(), "billingProfileMessageLabel")
        self.message.setWordWrap(True)
        self._fields = {
            "legal_name": self.legal_name,
            "address": self.address,
            "country": self.country,
            "tax_id": self.tax_id,
            "billing_emails": self.emails,
            "default_purchase_order": self.default_po,
        }
        form = QFormLayout()
        self._errors: dict[QWidget, QLabel] = {}
        for text, widget in (
            (self.tr("&Legal name:"), self.legal_name),
            (self.tr("&Address:"), self.address),
            (self.tr("C&ountry:"), self.country),
            (self.tr("&Tax ID:"), self.tax_id),
            (self.tr("Invoice &e-mails:"), self.emails),
            (self.tr("Default &PO number:"), self.default_po),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            # A refused field's message stands right below it, the field marked (as Add Seats).
            error = named(QLabel(), "billingProfileFieldError")
            error.setWordWrap(True)
            error.setTextFormat(Qt.TextFormat.PlainText)
            error.hide()
            cell = QWidget()
            cell.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(error)
            form.addRow(label, cell)
            self._errors[widget] = error
        self._marked: str | None = None
        form.addRow(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))  # Qt's own Save has no Alt letter
        self.save_button.setObjectName("saveBillingProfileButton")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch()  # the rows keep their height; the room left goes above the buttons
        layout.addWidget(buttons)
        self.save_button.setEnabled(False)  # until the profile is read

    def show_profile(self, profile: BillingProfile | None) -> None:
        self.save_button.setEnabled(True)
        if profile is None:  # never heard from the service: the user fills it in
            return
        self.legal_name.setText(profile.legal_name)
        self.address.setPlainText(profile.address)
        self.country.setCurrentIndex(max(0, self.country.findData(profile.country)))
        self.tax_id.setText(profile.tax_id or "")
        self.emails.setPlainText("\n".join(profile.billing_emails))
        self.default_po.setText(profile.default_purchase_order or "")

    def values(self) -> dict:
        emails = [line.strip() for line in self.emails.toPlainText().splitlines()]
        return {
            "legal_name": self.legal_name.text(),
            "address": self.address.toPlainText(),
            "country": self.country.currentData(),
            "tax_id": self.tax_id.text(),
            "billing_emails": [e for e in emails if e][: MAX_RECIPIENTS + 1],
            "default_purchase_order": self.default_po.text(),
        }

    def _mark(self, field: str | None, problem: str = "") -> None:
        """Show `problem` below `field` and mark the field; None clears the mark."""
        if self._marked is not None:
            widget = self._fields[self._marked]
            widget.setStyleSheet("")
            widget.setAccessibleDescription("")
            self._errors[widget].hide()
            self._marked = None
        widget = self._fields.get(field) if field else None
        if widget is None:
            return
        red = colour("error")
        error = self._errors[widget]
        error.setText(problem)
        error.setStyleSheet(f"color: {red};")
        error.show()
        if not isinstance(widget, QComboBox):  # a styled combo box loses its arrow
            kind = type(widget).__name__
            widget.setStyleSheet(f"{kind} {{ border: 2px solid {red}; }}")
        widget.setAccessibleDescription(problem)
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, problem))
        self._marked = field

    def save(self) -> None:
        self._mark(None)
        self.save_button.setEnabled(False)
        self.message.setText(self.tr("Saving…"))
        administrator, values = self._administrator, self.values()
        run_in_background(lambda: self._save(administrator, values), self._saved, self._refused)

    def _saved(self, _profile: object) -> None:
        self.message.setText(
            self.tr("Saved. It is sent to the account service with the next sync.")
        )
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ProfileRefusal):
            widget = self._fields.get(error.field)
            if widget is None:
                self.message.setText(localized(error))
                return
            self.message.clear()
            self._mark(error.field, localized(error))
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.message.setText(
            self.tr("The billing profile could not be saved: {error}").format(error=error)
        )
