"""Transaction History tab: filters, the lazily paged table, a details pane, and CSV export."""

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from billing.kinds import OrderKind
from billing.statuses import KIND_LABELS, KIND_STATUSES, LABELS, Status
from billing.statuses import label as status_label
from desktop import formatting
from desktop.config import remember_export_folder
from desktop.history import HistoryQuery, contract_choices, export_csv
from desktop.i18n import translate
from desktop.models import Organization
from ui.history_model import (
    COLUMNS,
    INVOICE_LABELS,
    HistoryTableModel,
    column_title,
    status_text,
)
from ui.tasks import Task, run_in_background

PURCHASE_LABELS = KIND_LABELS[OrderKind.PURCHASE]
FILTER_DELAY_MS = 250
# What the table shows at a glance; the other columns are in the details pane of the selected row.
AT_A_GLANCE = ("date", "transaction_id", "seats", "amount", "status", "invoice_status")
IN_DETAILS = ("prorated_months", "period", "purchased_by", "purchase_order", "invoice_number")
_COLUMN = {key: number for number, (key, _, _) in enumerate(COLUMNS)}


def _width_samples(timezone: str, locale: str) -> tuple[str, ...]:
    """Wide values of each column in this locale: widths never come from measuring the rows."""
    wide_day, wide_moment = date(2026, 9, 28), datetime(2026, 9, 28, 22, 53, tzinfo=UTC)
    pending = status_text(Status.PENDING, wide_moment, timezone, locale)  # "…, live by 6:58 PM"
    return (
        formatting.moment(wide_moment, timezone, locale),
        "MA-WWWW-WWWW",
        formatting.number(10_000, locale),
        "12",
        formatting.date_range(wide_day, wide_day, locale),
        formatting.money(Decimal("99999.99"), "USD", locale),
        # The longest status, a Pending one with its time, and room for the status icon.
        "\u2003\u2003"
        + max([translate("Status", t) for t in PURCHASE_LABELS.values()] + [pending], key=len),
        "INV-2026-000000",
        "\u2003\u2003" + max((translate("Invoices", t) for t in INVOICE_LABELS.values()), key=len),
        "Wilhelmina Whitfield",
        "PO-2026-000000",
    )


class HistoryTab(QWidget):
    status_message = Signal(str)
    receipts_exported = Signal(int)
    invoice_requested = Signal(str)  # the transaction ID of the purchase whose invoice to open

    def __init__(self, organization: Organization, locale: str) -> None:
        super().__init__()
        self.setObjectName("historyTab")
        self._locale = locale
        timezone = organization.timezone
        self._organization = organization
        self.model = HistoryTableModel(organization.id, timezone, locale)
        self.model.setParent(self)  # deleted with the tab, on the GUI thread

        self.filter_edit = QLineEdit(clearButtonEnabled=True)
        self.filter_edit.setObjectName("historyFilterEdit")
        self.filter_edit.setPlaceholderText(
            self.tr("Transaction ID, invoice or PO number, or purchaser")
        )
        self.filter_edit.setAccessibleName(self.tr("Filter purchases"))
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filters)
        self.filter_edit.textChanged.connect(self._filter_timer.start)

        self.status_combo = QComboBox()
        self.status_combo.setObjectName("historyStatusCombo")
        self.status_combo.setAccessibleName(self.tr("Status"))
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in KIND_STATUSES[OrderKind.PURCHASE]:
            self.status_combo.addItem(translate("Status", LABELS[status]), status)
        self.status_combo.currentIndexChanged.connect(self._apply_filters)

        self.invoice_combo = QComboBox()
        self.invoice_combo.setObjectName("historyInvoiceCombo")
        self.invoice_combo.setAccessibleName(self.tr("Invoice"))
        self.invoice_combo.addItem(self.tr("All invoices"), None)
        for status, label in INVOICE_LABELS.items():
            self.invoice_combo.addItem(translate("Invoices", label), status)
        self.invoice_combo.currentIndexChanged.connect(self._apply_filters)

        self.contract_combo = QComboBox()
        self.contract_combo.setObjectName("historyContractCombo")
        self.contract_combo.setAccessibleName(self.tr("Contract"))
        self.contract_combo.addItem(self.tr("All contracts"), None)
        self.contract_combo.currentIndexChanged.connect(self._apply_filters)

        self.export_button = QPushButton(self.tr("E&xport CSV…"))
        self.export_button.setObjectName("exportCsvButton")
        self.export_button.clicked.connect(self._ask_export_path)
        self.receipt_button = QPushButton(self.tr("Open &Receipt…"))
        self.receipt_button.setObjectName("receiptButton")
        self.receipt_button.setEnabled(False)
        self.receipt_button.clicked.connect(self.show_selected_receipt)
        self.invoice_button = QPushButton(self.tr("Open &Invoice…"))
        self.invoice_button.setObjectName("openInvoiceButton")
        self.invoice_button.setEnabled(False)
        self.invoice_button.clicked.connect(self._request_invoice)
        self.copy_button = QPushButton(self.tr("Cop&y ID"))
        self.copy_button.setObjectName("copyTransactionIdButton")
        self.copy_button.setToolTip(self.tr("Copy the transaction ID, to give it to the vendor"))
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_selected_id)

        self.view = QTableView()
        self.view.setObjectName("transactionHistoryView")
        self.view.setTabKeyNavigation(False)  # Tab moves on to the next control, as a user expects
        self.view.setAccessibleName(self.tr("Transaction history"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        rows = self.view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._timezone, self._columns_sized = timezone, False
        for key in IN_DETAILS:  # shown for the selected row below: no sideways scrolling
            self.view.setColumnHidden(_COLUMN[key], True)
        # The column chooser: the header's context menu adds any of them back to the table.
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.column_actions: dict[str, QAction] = {}
        for key in IN_DETAILS:
            action = QAction(column_title(_COLUMN[key]), header, checkable=True)
            action.setObjectName(f"historyColumnAction_{key}")
            action.toggled.connect(partial(self._show_column, key))
            header.addAction(action)
            self.column_actions[key] = action
        self.view.setSortingEnabled(True)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.view.doubleClicked.connect(self.show_selected_receipt)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view_receipt = QAction(self.tr("View &Receipt…"), self.view)
        view_receipt.triggered.connect(self.show_selected_receipt)
        export_receipts = QAction(self.tr("Export Receipts of the Listed Purchases…"), self.view)
        export_receipts.triggered.connect(self._ask_receipts_folder)
        self.view.addActions([view_receipt, export_receipts])

        filters = QHBoxLayout()
        find_label = QLabel(self.tr("Fi&nd:"))
        find_label.setBuddy(self.filter_edit)
        status_label = QLabel(self.tr("St&atus:"))
        status_label.setBuddy(self.status_combo)
        contract_label = QLabel(self.tr("C&ontract:"))
        contract_label.setBuddy(self.contract_combo)
        invoice_label = QLabel(self.tr("In&voice:"))
        invoice_label.setBuddy(self.invoice_combo)
        for widget in (find_label, self.filter_edit):
            filters.addWidget(widget)
        filters.addWidget(self.export_button)
        choices = QHBoxLayout()  # a second row, so the window stays narrow enough for a laptop
        for widget in (
            status_label,
            self.status_combo,
            invoice_label,
            self.invoice_combo,
            contract_label,
            self.contract_combo,
        ):
            choices.addWidget(widget)
        choices.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(choices)
        self.pages = QStackedWidget()
        self.pages.setObjectName("historyPages")
        self.pages.addWidget(self.view)
        self.pages.addWidget(self._empty_state())
        layout.addWidget(self.pages, 1)
        self.details_pane = self._details_pane()
        layout.addWidget(self.details_pane)
        self.requests = QLabel(wordWrap=True)
        self.requests.setObjectName("accountRequestsLabel")
        self.requests.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.requests.setTextFormat(Qt.TextFormat.PlainText)  # answers are the manager's words
        self.requests.hide()
        layout.addWidget(self.requests)
        self.model.load_failed.connect(self.status_message)
        self._scroll_back_to: int | None = None
        self._reselect: str | None = None  # the transaction selected before a refresh
        self.model.count_changed.connect(self._restore_scroll)
        self.model.count_changed.connect(self._restore_selection)
        self.model.count_changed.connect(self._show_empty_state)
        self.model.dataChanged.connect(self._restore_selection)
        self.model.dataChanged.connect(self._show_details)

    def _empty_state(self) -> QWidget:
        """What shows instead of an empty table: why nothing is listed, and Clear Filter."""
        page = QWidget()
        page.setObjectName("historyEmptyState")
        self.empty_label = QLabel(wordWrap=True)
        self.empty_label.setObjectName("historyEmptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)  # a search text is shown as typed
        self.clear_button = QPushButton(self.tr("C&lear Filter"))
        self.clear_button.setObjectName("clearFilterButton")
        self.clear_button.clicked.connect(self.clear_filters)
        layout = QVBoxLayout(page)
        layout.addStretch()
        layout.addWidget(self.empty_label)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch()
        return page

    def _details_pane(self) -> QWidget:
        """The selected purchase's other facts and its documents' actions."""
        pane = QFrame()
        pane.setObjectName("historyDetailsPane")
        pane.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(pane)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(12)
        self.details: dict[str, QLabel] = {}
        self._detail_titles: list[QLabel] = []
        for place, key in enumerate(IN_DETAILS):
            title = QLabel(column_title(_COLUMN[key]) + ":")
            value = QLabel(wordWrap=True)
            value.setObjectName(f"historyDetail_{key}")
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setContentsMargins(6, 0, 12, 0)  # clear of its title, and of the next one
            self.details[key] = value
            self._detail_titles.append(title)
            row, column = place % 2, (place // 2) * 2
            grid.addWidget(title, row, column)
            grid.addWidget(value, row, column + 1)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        self.details_hint = QLabel(
            self.tr("Select a purchase to see its details and open its documents."), wordWrap=True
        )
        self.details_hint.setObjectName("historyDetailsHint")
        grid.addWidget(self.details_hint, 0, 0, 2, 6)
        documents = QHBoxLayout()
        documents.addStretch()
        for button in (self.receipt_button, self.invoice_button, self.copy_button):
            documents.addWidget(button)
        grid.addLayout(documents, 2, 0, 1, 6)
        self._show_details()
        return pane

    def _show_column(self, key: str, shown: bool) -> None:
        """A column the user chose to see in the table too (it may then scroll sideways)."""
        self.view.setColumnHidden(_COLUMN[key], not shown)

    def _show_details(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        row = rows[0].row() if rows else None
        self.details_hint.setVisible(row is None)
        for key, label in self.details.items():
            text = "" if row is None else self.model.index(row, _COLUMN[key]).data()
            label.setText(text or "—")  # pre-formatted when the page was read
            label.setVisible(row is not None)
        for title in self._detail_titles:
            title.setVisible(row is not None)

    def _show_empty_state(self, count: int, more: bool) -> None:
        """The table, or why it is empty: the filters say no, or nothing was bought yet."""
        self.details_pane.setVisible(bool(count or more))  # nothing to select, nothing to detail
        if count or more:
            self.pages.setCurrentWidget(self.view)
            return
        parts = self._filters_in_use()
        if parts:
            text = self.tr("No purchases match the filter: {filters}.").format(
                filters="; ".join(parts)
            )
        else:
            text = self.tr(
                "No purchases yet. Seats bought on the Add Seats tab are listed here, with "
                "their receipts and invoices."
            )
        self.empty_label.setText(text)
        self.clear_button.setVisible(bool(parts))
        self.pages.setCurrentIndex(1)

    def _filters_in_use(self) -> list[str]:
        parts = []
        if text := self.filter_edit.text().strip():
            parts.append(self.tr("Find “{text}”").format(text=text))
        for name, combo in (
            (self.tr("Status: {value}"), self.status_combo),
            (self.tr("Invoice: {value}"), self.invoice_combo),
            (self.tr("Contract: {value}"), self.contract_combo),
        ):
            if combo.currentIndex() > 0:
                parts.append(name.format(value=combo.currentText()))
        return parts

    def clear_filters(self) -> None:
        """Show every purchase again."""
        for combo in (self.status_combo, self.invoice_combo, self.contract_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        self._apply_filters()
        self.filter_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def copy_selected_id(self) -> None:
        transaction_id = self.selected_transaction_id()
        if transaction_id:
            QGuiApplication.clipboard().setText(transaction_id)
            self.status_message.emit(
                self.tr("Copied {transaction_id}.").format(transaction_id=transaction_id)
            )

    def _size_columns(self, samples: tuple[str, ...]) -> None:
        """Each column as wide as its widest value in this locale (never measured from rows)."""
        self._columns_sized = True
        header, metrics = self.view.horizontalHeader(), self.fontMetrics()
        for column, sample in enumerate(samples):
            titles = (sample, column_title(column))
            header.resizeSection(column, max(map(metrics.horizontalAdvance, titles)) + 24)

    def load(self) -> None:
        """Read the contracts for the filter and the first page of purchases."""
        if not self._columns_sized:  # formatting the samples first loads the locale's data
            samples = partial(_width_samples, self._timezone, self._locale)
            run_in_background(samples, self._size_columns, lambda _: None)  # logged if it fails
        run_in_background(
            partial(contract_choices, self._organization.id),
            self._show_contract_choices,
            self._report,
        )
        self.model.set_query(self._current_query())
        self._load_requests()

    def _load_requests(self) -> None:
        from desktop.renewing import reduction_requests, renewals  # read once the window shows

        run_in_background(
            lambda: (renewals(self._organization), reduction_requests(self._organization)),
            self._show_requests,
            self._report,
        )

    def _show_requests(self, found: tuple[list, list]) -> None:
        """Renewals and requests for fewer seats, below the purchases, as the record has them."""
        recorded, asked = found
        lines = []
        for renewal in recorded:
            lines.append(
                self.tr(
                    "Renewal {transaction_id} for {period}: {seats} seats, {amount}. {state}"
                ).format(
                    transaction_id=renewal.transaction_id,
                    period=formatting.date_range(
                        renewal.term_start, renewal.term_end, self._locale
                    ),
                    seats=formatting.number(renewal.seats, self._locale),
                    amount=formatting.money(renewal.amount, renewal.currency, self._locale),
                    state=translate("Status", status_label(OrderKind.RENEWAL, renewal.status)),
                )
                + (f" {renewal.reason}" if renewal.reason else "")
            )
        for request in asked:
            state = (
                self.tr("Answered: {answer}").format(answer=request.answer)
                if request.answer
                else self.tr("Requested")
            )
            lines.append(
                self.tr("Fewer seats asked on {day}: {seats} seats next term. {state}").format(
                    day=formatting.day(request.requested_at.date(), self._locale),
                    seats=formatting.number(request.seats_wanted, self._locale),
                    state=state,
                )
            )
        self.requests.setVisible(bool(lines))
        self.requests.setText("\n".join(lines))

    def refresh(self) -> None:
        """Read the same query again, keeping the place the user scrolled to."""
        self._load_requests()
        self._scroll_back_to = self.view.verticalScrollBar().value()
        self._reselect = self.selected_transaction_id()
        self.model.refresh()

    def _restore_scroll(self) -> None:
        if self._scroll_back_to is not None:
            self.view.verticalScrollBar().setValue(self._scroll_back_to)
            self._scroll_back_to = None

    def _restore_selection(self) -> None:
        """Select the same purchase again once its page is back (it may have moved)."""
        row = self.model.loaded_row_of(self._reselect) if self._reselect else None
        if row is not None:
            self.view.selectRow(row)

    def _show_contract_choices(self, choices: list) -> None:
        selected = self.contract_combo.currentData()
        self.contract_combo.blockSignals(True)
        self.contract_combo.clear()
        self.contract_combo.addItem(self.tr("All contracts"), None)
        for choice in choices:
            text = formatting.date_range(choice.start_date, choice.end_date, self._locale)
            self.contract_combo.addItem(text, choice.id)
        self.contract_combo.setCurrentIndex(max(0, self.contract_combo.findData(selected)))
        self.contract_combo.blockSignals(False)

    def _current_query(self) -> HistoryQuery:
        return replace(
            self.model.query,
            text=self.filter_edit.text(),
            status=self.status_combo.currentData(),
            invoice=self.invoice_combo.currentData(),
            contract_id=self.contract_combo.currentData(),
        )

    def _apply_filters(self) -> None:
        self._filter_timer.stop()
        self.model.set_query(self._current_query())

    def _ask_export_path(self) -> None:
        from ui.export_paths import ask_save_path  # the file dialog: loaded when first asked

        path = ask_save_path(
            self,
            self.tr("Export purchases"),
            self.tr("purchases.csv"),
            self.tr("CSV files (*.csv)"),
        )
        if path:
            self.export_to(path)

    def export_to(self, path: Path) -> Task:
        """Export the rows matching the current filter, with a cancellable progress dialog."""
        from ui.progress import run_with_progress

        query = self._current_query()
        self.export_button.setEnabled(False)
        return run_with_progress(
            self,
            self.tr("Exporting purchases…"),
            lambda progress: export_csv(query, path, progress),
            self._exported,
            lambda count: self.tr("Exported %Ln purchase(s) to {path}.", "", count).format(
                path=path
            ),
        )

    def _exported(self, outcome: str) -> None:
        """However the export ended: say how, and let the next one start."""
        self.export_button.setEnabled(True)
        self.status_message.emit(outcome)

    def selected_transaction_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        return row.transaction_id if row else None

    def show_selected_receipt(self) -> None:
        transaction_id = self.selected_transaction_id()
        if transaction_id:
            from ui.documents import open_receipt

            open_receipt(
                self,
                self._organization,
                transaction_id,
                self._locale,
                self.status_message.emit,
            )

    def export_receipts_to(self, folder: Path, query: HistoryQuery | None = None) -> Task:
        """One receipt per purchase of `query` (default: the listed ones) into `folder`."""
        from desktop.receipts import export_receipts
        from ui.progress import run_with_progress

        query = query or self._current_query()
        locale = self._locale
        return run_with_progress(
            self,
            self.tr("Exporting receipts…"),
            lambda progress: export_receipts(query, folder, locale, progress),
            self.status_message.emit,
            lambda count: self.tr("Exported %Ln receipt(s) to {folder}.", "", count).format(
                folder=folder
            ),
            on_success=self.receipts_exported.emit,
        )

    def _ask_receipts_folder(self) -> None:
        from ui.export_paths import ask_export_folder

        folder = ask_export_folder(self, self.tr("Export receipts to folder"))
        if folder:
            remember_export_folder(folder)
            self.export_receipts_to(folder)

    def _selection_changed(self) -> None:
        selected = self.selected_transaction_id()
        if selected is not None:
            self._reselect = None  # the user's choice, or the old one restored
        self.receipt_button.setEnabled(selected is not None)
        self.copy_button.setEnabled(selected is not None)
        self._show_details()
        if selected is not None:
            from ui.documents import load_viewer_ahead  # with the first selection

            load_viewer_ahead()  # a receipt or an invoice is likely next
        rows = self.view.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        self.invoice_button.setEnabled(bool(row and row.invoice_number))

    def _request_invoice(self) -> None:
        transaction_id = self.selected_transaction_id()
        if transaction_id:
            self.invoice_requested.emit(transaction_id)

    def _report(self, error: Exception) -> None:
        self.status_message.emit(
            self.tr("The contracts could not be read: {error}").format(error=error)
        )
