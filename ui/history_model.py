"""A table model over the purchase history that reads pages from the database as the view asks."""

from collections import OrderedDict
from dataclasses import replace
from datetime import datetime
from functools import cache

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle
from shiboken6 import isValid

from billing.statuses import LABELS, LIVE_WITHIN, Status
from desktop import formatting
from desktop.history import (
    COUNT_CAP,
    STRIDE,
    HistoryQuery,
    HistoryRow,
    count_purchases,
    fetch_page,
    fetch_rows,
    find_landmarks,
)
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from ui.tasks import run_in_background

# (sort key in desktop.history.SORT_KEYS, header, right-aligned)
COLUMNS = (
    ("date", QT_TRANSLATE_NOOP("HistoryTableModel", "Date"), False),
    ("transaction_id", QT_TRANSLATE_NOOP("HistoryTableModel", "Transaction ID"), False),
    ("seats", QT_TRANSLATE_NOOP("HistoryTableModel", "Seats"), True),
    ("prorated_months", QT_TRANSLATE_NOOP("HistoryTableModel", "Prorated months"), True),
    ("period", QT_TRANSLATE_NOOP("HistoryTableModel", "Period"), False),
    ("amount", QT_TRANSLATE_NOOP("HistoryTableModel", "Amount"), True),
    ("status", QT_TRANSLATE_NOOP("HistoryTableModel", "Status"), False),
    ("invoice_number", QT_TRANSLATE_NOOP("HistoryTableModel", "Invoice number"), False),
    ("invoice_status", QT_TRANSLATE_NOOP("HistoryTableModel", "Invoice"), False),
    ("purchased_by", QT_TRANSLATE_NOOP("HistoryTableModel", "Purchased by"), False),
    ("purchase_order", QT_TRANSLATE_NOOP("HistoryTableModel", "PO number"), False),
)
LOADING = "…"
PAGE_SIZE = 100
MAX_CACHED_PAGES = 40  # at most 4,000 rows in memory, whatever the history's size
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_STATUS_ROLES = (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole)


def column_title(column: int) -> str:
    return translate("HistoryTableModel", COLUMNS[column][1])


def display_cells(row: HistoryRow, timezone: str, locale: str) -> tuple[str, ...]:
    """The row's cells as shown, formatted when the row is first shown and kept with its page
    (the rows in view, not the hundred of each page read: 0.14 ms a row on the GUI thread)."""
    return (
        formatting.moment(row.created_at, timezone, locale),
        row.transaction_id,
        formatting.number(row.seats, locale),
        formatting.number(row.prorated_months, locale)
        if row.working.days is None
        else formatting.proration(row.working),
        formatting.date_range(row.period_start, row.period_end, locale),
        formatting.money(row.amount, row.currency, locale),
        status_text(row.status, row.accepted_at, timezone, locale),
        row.invoice_number or _no_invoice(row),
        translate("Invoices", INVOICE_LABELS[row.invoice_status]) if row.invoice_status else "",
        row.purchased_by,
        row.purchase_order or "",
    )


# What each status means, as its tooltip says.
EXPLANATIONS = {
    Status.QUEUED: QT_TRANSLATE_NOOP(
        "HistoryTableModel",
        "Recorded on this computer. It is sent to the account service as soon as it can be "
        "reached; nothing is lost meanwhile.",
    ),
    Status.AWAITING_APPROVAL: QT_TRANSLATE_NOOP(
        "HistoryTableModel",
        "Above the buyer's spending limit: an approver decides (Administration > Approvals). "
        "Nothing is ordered or invoiced until it is approved.",
    ),
    Status.PENDING: QT_TRANSLATE_NOOP(
        "HistoryTableModel",
        "Accepted by the account service. The seats go live within 5 minutes of acceptance.",
    ),
    Status.DELAYED: QT_TRANSLATE_NOOP(
        "HistoryTableModel",
        "Accepted more than 5 minutes ago and not live yet. Contact your account manager with "
        "the transaction ID.",
    ),
    Status.PROVISIONED: QT_TRANSLATE_NOOP(
        "HistoryTableModel", "The seats are live. The vendor invoices the amount shown."
    ),
    Status.REJECTED: QT_TRANSLATE_NOOP(
        "HistoryTableModel", "The account service refused it: nothing was bought or invoiced."
    ),
}
ICONS = {
    Status.QUEUED: QStyle.StandardPixmap.SP_ArrowUp,
    Status.AWAITING_APPROVAL: QStyle.StandardPixmap.SP_MessageBoxQuestion,
    Status.PENDING: QStyle.StandardPixmap.SP_BrowserReload,
    Status.DELAYED: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Status.PROVISIONED: QStyle.StandardPixmap.SP_DialogApplyButton,
    Status.REJECTED: QStyle.StandardPixmap.SP_MessageBoxCritical,
}


def status_text(status: Status, accepted_at: datetime | None, timezone: str, locale: str) -> str:
    """The status; a Pending one says by when it will be live (accepted + 5 minutes)."""
    label = translate("Status", LABELS[status])
    if status != Status.PENDING or accepted_at is None:
        return label
    live_by = formatting.time_of_day(accepted_at + LIVE_WITHIN, timezone, locale)
    return translate("HistoryTableModel", "{status}, live by {time}").format(
        status=label, time=live_by
    )


def status_tooltip(row: HistoryRow) -> str:
    explanation = translate("HistoryTableModel", EXPLANATIONS[row.status])
    return f"{explanation}\n\n{row.sync_error}" if row.sync_error else explanation


INVOICE_LABELS = {
    "open": QT_TRANSLATE_NOOP("Invoices", "Open"),
    "overdue": QT_TRANSLATE_NOOP("Invoices", "Overdue"),
    "paid": QT_TRANSLATE_NOOP("Invoices", "Paid"),
    "void": QT_TRANSLATE_NOOP("Invoices", "Void"),
}
INVOICE_ICONS = {
    "open": QStyle.StandardPixmap.SP_FileIcon,
    "overdue": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "paid": QStyle.StandardPixmap.SP_DialogApplyButton,
    "void": QStyle.StandardPixmap.SP_DialogCancelButton,
}


def invoice_tooltip(row: HistoryRow, locale: str) -> str | None:
    if row.invoice_status in ("open", "overdue") and row.invoice_due_date is not None:
        return translate("Invoices", "Due on {date}").format(
            date=formatting.day(row.invoice_due_date, locale)
        )
    return None


@cache
def _icon(status: Status) -> QIcon:
    return QApplication.style().standardIcon(ICONS[status])


@cache
def _invoice_icon(status: str) -> QIcon:
    return QApplication.style().standardIcon(INVOICE_ICONS[status])


def _no_invoice(row: HistoryRow) -> str:
    if row.status == Status.REJECTED:
        return "—"
    return translate("HistoryTableModel", "Not issued yet")


class HistoryTableModel(QAbstractTableModel):
    """Knows the row count from SELECT COUNT(*) and keeps only the pages recently shown.

    Every read runs on the thread pool; a row not read yet shows LOADING until its page
    arrives. A generation number drops answers to queries that were replaced meanwhile.
    A text filter is counted up to COUNT_CAP; scrolling to the end counts the next stretch
    (Qt's canFetchMore/fetchMore), so no keystroke waits for every match to be counted.
    """

    counting = Signal()  # the first page is shown, the total is being counted
    count_changed = Signal(int, bool)  # rows, and whether more match beyond them
    load_failed = Signal(str)

    def __init__(self, organization_id: int, timezone: str, locale: str) -> None:
        super().__init__()
        self._timezone = timezone
        self._locale = locale
        self._query = HistoryQuery(organization_id)
        self._generation = 0
        self._count = 0
        self._more = False  # the count stopped at the cap: more rows match
        self._pages: OrderedDict[int, list[HistoryRow]] = OrderedDict()
        self._cells: dict[int, dict[int, tuple[str, ...]]] = {}  # page: row in it: cells shown
        self._requested: set[int] = set()
        self._landmarks: dict[int, tuple] = {}  # of this query: see desktop.history.fetch_rows

    @property
    def query(self) -> HistoryQuery:
        return self._query

    def set_query(self, query: HistoryQuery) -> None:
        """Show the first page as soon as it is read; the total follows when counted."""
        self._query = query
        self._generation += 1
        generation = self._generation
        run_in_background(
            lambda: fetch_page(query, PAGE_SIZE),
            lambda page: self._first_page(generation, query, page),
            self._failed,
        )

    def refresh(self) -> None:
        self.set_query(self._query)

    def row_at(self, row: int) -> HistoryRow | None:
        page = self._pages.get(row // PAGE_SIZE)
        if page is None or row % PAGE_SIZE >= len(page):
            return None
        return page[row % PAGE_SIZE]

    def loaded_row_of(self, transaction_id: str) -> int | None:
        """The row showing `transaction_id`, if its page has been read."""
        for number, page in self._pages.items():
            for offset, row in enumerate(page):
                if row.transaction_id == transaction_id:
                    return number * PAGE_SIZE + offset
        return None

    # Qt's model interface

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return self._more and not parent.isValid()

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        """The view reached the last counted row: count the next stretch."""
        if not self._more or parent.isValid():
            return
        self._more = False  # until counted: the view asks again on every scroll
        self._count_from(self._generation, self._query, self._count)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_title(section)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            number, offset = divmod(index.row(), PAGE_SIZE)
            page = self._page(number)
            if page is None:
                return LOADING
            if offset >= len(page):
                return ""
            cells = self._cells.setdefault(number, {})
            if offset not in cells:
                cells[offset] = display_cells(page[offset], self._timezone, self._locale)
            return cells[offset][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if COLUMNS[index.column()][2] else _LEFT
        kind = COLUMNS[index.column()][0]
        if kind == "invoice_status" and role in _STATUS_ROLES:
            row = self.row_at(index.row())
            if row is None or row.invoice_status is None:
                return None
            if role == Qt.ItemDataRole.ToolTipRole:
                return invoice_tooltip(row, self._locale)
            return _invoice_icon(row.invoice_status)
        if kind == "purchase_order" and role == Qt.ItemDataRole.ToolTipRole:
            row = self.row_at(index.row())  # the note for the invoice, beside its PO number
            return row.invoice_note if row is not None else None
        if kind != "status" or role not in _STATUS_ROLES:
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return status_tooltip(row)
        return _icon(row.status)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in SQL: the query changes and the first page is fetched again."""
        wanted = replace(
            self._query,
            sort=COLUMNS[column][0],
            descending=order == Qt.SortOrder.DescendingOrder,
        )
        if wanted != self._query:
            self.set_query(wanted)

    # paging

    def _page(self, number: int) -> list[HistoryRow] | None:
        page = self._pages.get(number)
        if page is None:
            self._request(number)
        else:
            self._pages.move_to_end(number)
        return page

    def _request(self, number: int) -> None:
        """Fetch a page next to a known one by key, else from the nearer end or a landmark."""
        if number in self._requested:
            return
        self._requested.add(number)
        previous, following = self._pages.get(number - 1), self._pages.get(number + 1)
        query, generation = self._query, self._generation
        first, count = number * PAGE_SIZE, None if self._more else self._count
        limit, landmarks = min(PAGE_SIZE, self._count - first), self._landmarks
        if previous:
            read = lambda: fetch_page(query, limit, after=previous[-1].key)  # noqa: E731
        elif following:
            read = lambda: fetch_page(query, limit, before=following[0].key)  # noqa: E731
        else:
            read = lambda: fetch_rows(query, first, limit, count, landmarks)  # noqa: E731
        run_in_background(
            read,
            lambda rows: self._arrived(generation, number, rows),
            self._failed,
        )

    def _arrived(self, generation: int, number: int, rows: list[HistoryRow]) -> None:
        if not self._current(generation):
            return
        self._requested.discard(number)
        self._pages[number] = rows
        self._cells.pop(number, None)  # formatted again as shown
        while len(self._pages) > MAX_CACHED_PAGES:
            self._cells.pop(self._pages.popitem(last=False)[0], None)
        first = number * PAGE_SIZE
        last = min(first + len(rows), self._count) - 1
        if last >= first:
            self.dataChanged.emit(
                self.index(first, 0),
                self.index(last, len(COLUMNS) - 1),
                [Qt.ItemDataRole.DisplayRole],
            )

    def _first_page(self, generation: int, query: HistoryQuery, page: list[HistoryRow]) -> None:
        if not self._current(generation):
            return
        self.beginResetModel()
        self._count = len(page)
        self._more = False
        self._pages = OrderedDict({0: page}) if page else OrderedDict()
        self._cells = {}
        self._requested = set()
        self._landmarks = {}
        self.endResetModel()
        if len(page) < PAGE_SIZE:  # the whole result is here: no need to count
            self.count_changed.emit(len(page), False)
            return
        self.counting.emit()
        self._count_from(generation, query, 0)

    def _count_from(self, generation: int, query: HistoryQuery, skip: int) -> None:
        """Count the rows from `skip` on: all of them, or a text filter's up to the cap."""
        capped = bool(query.text.strip())  # the only filter that may have to read every row
        at_most = COUNT_CAP + 1 if capped else None
        run_in_background(
            lambda: skip + count_purchases(query, at_most=at_most, skip=skip),
            lambda count: self._counted(generation, count, skip + COUNT_CAP if capped else None),
            self._failed,
        )

    def _counted(self, generation: int, count: int, cap: int | None) -> None:
        if not self._current(generation):
            return
        if count > 2 * STRIDE and cap is None:  # ready for a jump into the middle
            query, landmarks = self._query, self._landmarks
            found = lambda: find_landmarks(query, count, landmarks)  # noqa: E731
            run_in_background(found, lambda _: None, lambda _: None)  # else found when needed
        self._more = cap is not None and count > cap
        count = cap if cap is not None and self._more else count
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < self._count:  # rows went away between the two reads
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            self._count = count
            self.endRemoveRows()
        self.count_changed.emit(count, self._more)

    def _current(self, generation: int) -> bool:
        """Whether an answer is for the query shown, and the model still there to show it (a
        window closed meanwhile deletes it)."""
        return isValid(self) and generation == self._generation

    def _failed(self, error: Exception) -> None:
        if not isValid(self):
            return
        self.load_failed.emit(self.tr("The history could not be read: {error}").format(error=error))
