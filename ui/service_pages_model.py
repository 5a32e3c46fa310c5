"""A table model over a list the service gives a page at a time, fetched as the view scrolls."""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ui.tasks import run_in_background

Index = QModelIndex | QPersistentModelIndex


class ServicePagesModel[I, P](QAbstractTableModel):
    """Qt asks `canFetchMore`/`fetchMore` when the view nears the end; one page is read then,
    off the GUI thread. A generation number drops pages of a list that was replaced meanwhile.

    A subclass says how to ask for a page P after an item I (`_page_call`), where a page's
    items are and whether more follow (`_items`, `_has_more`), and how an item is shown
    (`_shown`); `headers` are already translated.
    """

    page_arrived = Signal(object)  # the whole page P, for what comes with it (totals, checks)
    load_failed = Signal(Exception)

    def __init__(self, headers: tuple[str, ...]) -> None:
        super().__init__()
        self._headers = headers
        self._items_read: list[I] = []
        self._rows: list[tuple[str, ...]] = []
        self._has_more = False
        self._fetching = False
        self._generation = 0

    def restart(self) -> None:
        """Read the list again from its first page."""
        self._generation += 1
        self.beginResetModel()
        self._items_read, self._rows = [], []
        self._has_more, self._fetching = False, False
        self.endResetModel()
        self._fetch(after=None)

    def item(self, row: int) -> I:
        return self._items_read[row]

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._has_more and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch(after=self._items_read[-1])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = 0) -> object:
        shown = role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if shown and index.isValid():  # the tooltip: the whole text of a cell cut short
            return self._rows[index.row()][index.column()]
        return None

    def _page_call(self, after: I | None) -> Callable[[], P]:
        raise NotImplementedError

    def _items(self, page: P) -> Sequence[I]:
        raise NotImplementedError

    def _has_more_in(self, page: P) -> bool:
        raise NotImplementedError

    def _shown(self, item: I) -> tuple[str, ...]:
        raise NotImplementedError

    def _fetch(self, after: I | None) -> None:
        self._fetching = True
        generation = self._generation
        run_in_background(
            self._page_call(after),
            lambda page: self._arrived(generation, page),
            lambda error: self._failed(generation, error),
        )

    def _arrived(self, generation: int, page: P) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        items = self._items(page)
        if items:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
            self._items_read += items
            self._rows += [self._shown(item) for item in items]
            self.endInsertRows()
        self._has_more = self._has_more_in(page) and bool(items)
        self.page_arrived.emit(page)

    def _failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation:
            self._fetching = False
            self.load_failed.emit(error)
