"""Contract tab, the account overview: seats purchased, assigned and available, the seats held
by users who do not use them, the contract's period and terms, and the seat timeline."""

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from billing.kinds import OrderKind
from billing.statuses import label as status_label
from desktop import formatting
from desktop.account import ContractSummary
from desktop.i18n import translate
from desktop.invoices import OverdueInvoices
from desktop.overview import Overview, SeatUsage
from ui.export_paths import ask_save_path
from ui.seat_timeline_chart import SeatTimelineChart
from ui.seat_usage_bar import SeatUsageBar
from ui.tasks import run_in_background

DISABLED, INACTIVE = "disabled", "inactive"  # the lists of seat holders the tab opens


def _value_label(name: str) -> QLabel:
    label = QLabel("…", objectName=name, wordWrap=True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ContractTab(QWidget):
    add_seats_requested = Signal()
    seat_holders_requested = Signal(str, int)  # DISABLED or INACTIVE, and the inactive days
    message = Signal(str)  # for the status bar
    calendar_requested = Signal()
    renew_requested = Signal()
    reduction_requested = Signal()
    renewal_document_requested = Signal(str)  # the renewal's transaction ID
    renewal_invoice_requested = Signal(str)  # the renewal's transaction ID

    def __init__(self, locale: str) -> None:
        super().__init__(objectName="contractTab")
        self._locale = locale
        self._usage: SeatUsage | None = None
        self.overdue = QLabel(objectName="overdueNoticeLabel", wordWrap=True)
        self.overdue.setStyleSheet("font-weight: bold;")
        self.overdue.hide()
        self.range_combo = QComboBox(objectName="contractRangeCombo")
        self.range_combo.setAccessibleName(self.tr("Contract period"))
        self.range_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.earlier_note = QLabel(objectName="earlierContractsNote", wordWrap=True)
        self.add_seats = QPushButton(self.tr("&Add Seats…"), objectName="addSeatsButton")
        self.add_seats.clicked.connect(self.add_seats_requested)
        self.renew = QPushButton(self.tr("&Renew Contract…"), objectName="renewContractButton")
        self.renew.clicked.connect(self.renew_requested)
        self.renew.hide()
        self.renewed = QLabel(objectName="renewalStatusLabel", wordWrap=True)
        self.renewed.hide()
        self.renewal_document = QPushButton(
            self.tr("Renewal &Document…"), objectName="renewalDocumentButton"
        )
        self.renewal_document.hide()
        self.renewal_document.clicked.connect(
            lambda: self.renewal_document_requested.emit(self.renewal_document.property("tid"))
        )
        self.renewal_invoice = QPushButton(
            self.tr("Renewal In&voice…"), objectName="renewalInvoiceButton"
        )
        self.renewal_invoice.hide()
        self.renewal_invoice.clicked.connect(
            lambda: self.renewal_invoice_requested.emit(self.renewal_document.property("tid"))
        )

        self.purchased = self._figure("seatsPurchasedLabel")
        self.assigned = self._figure("seatsAssignedLabel")
        self.available = self._figure("seatsAvailableLabel")
        self.pending = self._figure("pendingSeatsLabel")
        self.usage_bar = SeatUsageBar()
        self.usage_text = QLabel(objectName="seatUsageLabel", wordWrap=True)
        self.disabled_holders = self._link_button("disabledSeatHoldersButton", DISABLED)
        self.inactive_holders = self._link_button("inactiveSeatHoldersButton", INACTIVE)
        self.holders_advice = QLabel(
            self.tr(
                "A seat held by a disabled or long-inactive user is not in use: free it in the "
                "product before buying more."
            ),
            objectName="seatHoldersAdviceLabel",
            wordWrap=True,
        )

        self.period_bar = QProgressBar(objectName="contractPeriodBar")
        self.period_bar.setAccessibleName(self.tr("Contract period elapsed"))
        self.ends = _value_label("contractEndLabel")
        self.price = _value_label("pricePerSeatLabel")
        self.bought = _value_label("boughtThisContractLabel")
        self.manager = QLabel("…", objectName="accountManagerLabel", openExternalLinks=True)
        self.manager.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.fewer_seats = QLabel(
            objectName="fewerSeatsLabel", wordWrap=True, openExternalLinks=True
        )
        self.add_to_calendar = QPushButton(
            self.tr("Add to Ca&lendar…"), objectName="addToCalendarButton"
        )
        self.add_to_calendar.clicked.connect(self.calendar_requested)
        self.request_reduction = QPushButton(
            self.tr("F&ewer Seats Next Term?…"), objectName="requestReductionButton"
        )
        self.request_reduction.clicked.connect(self.reduction_requested)

        self.chart = SeatTimelineChart(locale)
        self.save_chart = QPushButton(self.tr("Save Chart as P&NG…"), objectName="saveChartButton")
        self.save_chart.clicked.connect(self._ask_chart_path)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(self._header())
        layout.addWidget(self.overdue)
        renewed = QHBoxLayout()
        renewed.addWidget(self.renewed, 1)
        renewed.addWidget(self.renewal_document)
        renewed.addWidget(self.renewal_invoice)
        layout.addLayout(renewed)
        columns = QHBoxLayout()
        columns.addWidget(self._seats_box(), 3)
        columns.addWidget(self._contract_box(), 2)
        layout.addLayout(columns)
        layout.addWidget(self._timeline_box(), 1)
        # On a small screen the overview scrolls rather than squeezing its text.
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _figure(self, name: str) -> QLabel:
        label = _value_label(name)
        label.setWordWrap(False)  # a number: it never needs a second line
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        label.setFont(font)
        return label

    def _link_button(self, name: str, kind: str) -> QPushButton:
        button = QPushButton(objectName=name, flat=True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setStyleSheet("text-align: left; text-decoration: underline;")
        button.clicked.connect(
            lambda: self.seat_holders_requested.emit(
                kind, self._usage.inactive_days if self._usage else 0
            )
        )
        return button

    def _header(self) -> QHBoxLayout:
        label = QLabel(self.tr("Contract &period:"))
        label.setBuddy(self.range_combo)
        header = QHBoxLayout()
        header.addWidget(label)
        header.addWidget(self.range_combo)
        header.addWidget(self.earlier_note, 1)
        header.addWidget(self.renew)
        header.addWidget(self.add_seats)
        return header

    def _seats_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Seats"))
        figures = QGridLayout()
        captions = (
            self.tr("Purchased (live)"),
            self.tr("Assigned to users"),
            self.tr("Available"),
            self.tr("Pending (not live yet)"),
        )
        for column, (figure, caption) in enumerate(
            zip(
                (self.purchased, self.assigned, self.available, self.pending), captions, strict=True
            )
        ):
            figures.addWidget(figure, 0, column)
            figures.addWidget(QLabel(caption, wordWrap=True), 1, column, Qt.AlignmentFlag.AlignTop)
            figure.setAccessibleName(caption)
        column = QVBoxLayout(box)
        column.addLayout(figures)
        column.addWidget(self.usage_bar)
        column.addWidget(self.usage_text)
        column.addWidget(self.disabled_holders, alignment=Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.inactive_holders, alignment=Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.holders_advice)
        column.addStretch()
        return box

    def _contract_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Contract"))
        form = QFormLayout(box)
        form.addRow(self.tr("Period:"), self.period_bar)
        form.addRow(self.tr("Ends:"), self.ends)
        calendar_row = QHBoxLayout()
        calendar_row.addWidget(self.add_to_calendar)
        calendar_row.addStretch()
        form.addRow("", calendar_row)
        form.addRow(self.tr("Price per seat:"), self.price)
        form.addRow(self.tr("Bought this contract:"), self.bought)
        form.addRow(self.tr("Account manager:"), self.manager)
        form.addRow(self.fewer_seats)
        reduction_row = QHBoxLayout()
        reduction_row.addWidget(self.request_reduction)
        reduction_row.addStretch()
        form.addRow(reduction_row)
        return box

    def _timeline_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Seat timeline"))
        column = QVBoxLayout(box)
        column.addWidget(self.chart, 1)
        column.addWidget(self.save_chart, alignment=Qt.AlignmentFlag.AlignRight)
        return box

    def show_overview(self, overview: Overview | None) -> None:
        if overview is None:
            self._show_no_contract()
            return
        summary, loc = overview.contract, self._locale
        self.range_combo.clear()
        self.range_combo.addItem(formatting.date_range(summary.start_date, summary.end_date, loc))
        self.range_combo.setEnabled(True)
        self.earlier_note.setText(
            self.tr("Purchases under earlier contracts are listed in Transaction History.")
            if summary.earlier_contracts
            else ""
        )
        self._show_seats(summary, overview.usage)
        self._show_period(summary)
        price = formatting.unit_price(summary.monthly_price_per_seat, summary.currency, loc)
        self.price.setText(self.tr("{price} per seat per month").format(price=price))
        self.bought.setText(formatting.money(overview.bought_this_contract, summary.currency, loc))
        self.manager.setText(_manager_html(summary))
        self.fewer_seats.setText(
            self.tr(
                "Seats cannot be reduced here. To reduce seats, contact your account manager, "
                "{manager}."
            ).format(manager=_manager_html(summary, inline=True))
        )
        self.chart.set_timeline(overview.timeline)
        self._show_overdue(overview.overdue)
        self._show_renewal(overview)
        self.add_seats.setEnabled(True)
        self.save_chart.setEnabled(True)
        self.add_to_calendar.setEnabled(True)

    def _show_seats(self, summary: ContractSummary, usage: SeatUsage | None) -> None:
        loc, purchased = self._locale, summary.licensed_seats
        self._usage = usage
        self.purchased.setText(formatting.number(purchased, loc))
        self.pending.setText(formatting.number(summary.pending_seats, loc))
        if usage is None:  # the service has not said yet
            for label in (self.assigned, self.available):
                label.setText("—")
            self.usage_text.setText(
                self.tr("Seat assignment is shown once the service is reached.")
            )
            self.usage_bar.set_counts(0, purchased, summary.pending_seats)
            self.disabled_holders.hide()
            self.inactive_holders.hide()
            self.holders_advice.hide()
            return
        self.assigned.setText(formatting.number(usage.assigned, loc))
        self.available.setText(formatting.number(max(0, purchased - usage.assigned), loc))
        self.usage_bar.set_counts(usage.assigned, purchased, summary.pending_seats)
        self.usage_text.setText(
            self.tr("{assigned} of {purchased} seats are assigned.").format(
                assigned=formatting.number(usage.assigned, loc),
                purchased=formatting.number(purchased, loc),
            )
        )
        self.disabled_holders.setText(
            self.tr("%Ln seat(s) held by disabled users", "", usage.assigned_disabled)
        )
        self.inactive_holders.setText(
            self.tr(
                "%Ln seat(s) held by users inactive for more than {days} days",
                "",
                usage.assigned_inactive,
            ).format(days=usage.inactive_days)
        )
        self.disabled_holders.setVisible(usage.assigned_disabled > 0)
        self.inactive_holders.setVisible(usage.assigned_inactive > 0)
        self.holders_advice.setVisible(usage.assigned_disabled + usage.assigned_inactive > 0)

    def _show_overdue(self, overdue: OverdueInvoices | None) -> None:
        """The invoices past their due date: the amount, and the one due longest ago."""
        self.overdue.setVisible(overdue is not None)
        if overdue is None:
            return
        total = formatting.money(overdue.total, overdue.currency, self._locale)
        due = formatting.day(overdue.oldest_due, self._locale)
        self.overdue.setText(
            "⚠ "
            + self.tr(
                "%Ln invoice(s) overdue, {total} in all: {number} was due on {date}. Open it in "
                "Transaction History.",
                "",
                overdue.count,
            ).format(total=total, number=overdue.oldest_number, date=due)
        )

    def _show_renewal(self, overview: Overview) -> None:
        """Renew Contract while the window is open and nothing stands renewed; a recorded
        renewal and its state; a refused one with the service's reason and the way forward."""
        record = overview.renewed or overview.refused
        self.renew.setVisible(overview.renewal is not None and overview.renewed is None)
        self.renewed.setVisible(record is not None)
        self.renewal_document.setVisible(record is not None)
        self.renewal_invoice.setVisible(record is not None and bool(record.invoice_number))
        if record is None or overview.renewal_status is None:
            return
        self.renewal_document.setProperty("tid", record.transaction_id)
        period = formatting.date_range(record.term_start, record.term_end, self._locale)
        state = translate("Status", status_label(OrderKind.RENEWAL, overview.renewal_status))
        text = self.tr(
            "Renewal for {period}: {seats} seats, {amount} ({transaction_id}, {state})."
        ).format(
            period=period,
            seats=formatting.number(record.seats, self._locale),
            amount=formatting.money(record.amount, record.currency, self._locale),
            transaction_id=record.transaction_id,
            state=state,
        )
        if overview.refused is not None:
            text += " " + (record.last_error or "")
            if overview.renewal is not None:
                text += " " + self.tr(
                    "Renew again with at least %Ln seat(s), or ask your account manager.",
                    "",
                    overview.renewal.seats_now,
                )
        self.renewed.setText(text)

    def _show_period(self, summary: ContractSummary) -> None:
        whole = (summary.end_date - summary.start_date).days + 1
        self.period_bar.setRange(0, whole)
        self.period_bar.setValue(whole - summary.days_remaining)
        remaining = self.tr("%Ln day(s) remaining", "", summary.days_remaining)
        self.period_bar.setFormat(remaining)
        self.period_bar.setAccessibleDescription(remaining)
        self.ends.setText(
            self.tr("{date} (%Ln day(s) remaining)", "", summary.days_remaining).format(
                date=formatting.day(summary.end_date, self._locale)
            )
        )

    def _show_no_contract(self) -> None:
        self.range_combo.clear()
        self.range_combo.setEnabled(False)
        self.earlier_note.setText(
            self.tr(
                "There is no current contract. Earlier contracts and their purchases are in "
                "Transaction History; your account manager can renew the contract."
            )
        )
        for label in (
            self.purchased,
            self.assigned,
            self.available,
            self.pending,
            self.price,
            self.ends,
            self.bought,
            self.manager,
        ):
            label.setText("—")
        self.usage_text.clear()
        self.usage_bar.set_counts(0, 0, 0)
        self.period_bar.setRange(0, 1)
        self.period_bar.setValue(0)
        self.period_bar.setFormat("—")
        for widget in (
            self.disabled_holders,
            self.inactive_holders,
            self.holders_advice,
            self.overdue,
            self.renew,
            self.renewed,
            self.renewal_document,
            self.renewal_invoice,
        ):
            widget.hide()
        self.fewer_seats.setText(self.tr("Contact your account manager."))
        self.chart.set_timeline(None)
        self.add_seats.setEnabled(False)
        self.save_chart.setEnabled(False)
        self.add_to_calendar.setEnabled(False)

    def _ask_chart_path(self) -> None:
        path = ask_save_path(
            self, self.tr("Save seat timeline"), "seat-timeline.png", self.tr("PNG images (*.png)")
        )
        if path:
            self.save_chart_to(path)

    def save_chart_to(self, path: Path) -> None:
        """The chart as shown, written off the GUI thread (a QImage may be saved from any)."""
        image = self.chart.grab().toImage()
        run_in_background(
            lambda: _save_image(image, path),
            lambda _: self.message.emit(
                self.tr("Saved the seat timeline to {path}.").format(path=path)
            ),
            lambda error: self.message.emit(
                self.tr("The seat timeline could not be saved: {error}").format(error=error)
            ),
        )


def _save_image(image: QImage, path: Path) -> None:
    if not image.save(str(path), "PNG"):
        raise OSError(f"cannot write {path}")


def _manager_html(summary: ContractSummary, inline: bool = False) -> str:
    name = escape(summary.account_manager_name)
    email = escape(summary.account_manager_email)
    phone = escape(summary.account_manager_phone)
    link = f'<a href="mailto:{email}">{email}</a>'
    return f"{name}, {link}, {phone}" if inline else f"{name}<br>{link}<br>{phone}"
