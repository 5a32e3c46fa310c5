"""A table model over the service's audit trail that fetches the next page as the view scrolls."""

import json
from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop import formatting
from desktop.audit_log import AUDIT_CSV_HEADER
from desktop.i18n import translate
from desktop.service_client import ServiceClient
from ui.tasks import run_in_background

PAGE_SIZE = 200


class AuditLogModel(QAbstractTableModel):
    """Qt asks `canFetchMore`/`fetchMore` when the view nears the end; one page is read then.

    A generation number drops pages of a filter that was replaced meanwhile.
    """

    chain_checked = Signal(dict)  # {"intact": bool, "message": str}, with the first page
    load_failed = Signal(str)

    def __init__(self, client: ServiceClient, timezone: str = "UTC", locale: str = "en_US") -> None:
        super().__init__()
        self._client = client
        self._timezone, self._locale = timezone, locale
        self._filter: tuple[str | None, str | None] = (None, None)
        self._events: list[dict] = []
        self._rows: list[tuple[str, ...]] = []
        self._has_more = False
        self._fetching = False
        self._generation = 0

    def set_filter(self, action: str | None, actor: str | None) -> None:
        """Start again from the newest event that matches."""
        self._generation += 1
        self.beginResetModel()
        self._filter, self._events, self._rows = (action, actor), [], []
        self._has_more, self._fetching = False, False
        self.endResetModel()
        self._fetch(before=None)

    def filter(self) -> tuple[str | None, str | None]:
        return self._filter

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._has_more and not self._fetching

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch(before=self._events[-1]["id"])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(AUDIT_CSV_HEADER)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("AuditLog", AUDIT_CSV_HEADER[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        shown = role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if shown and index.isValid():  # the tooltip: the whole text of a cell cut short
            return self._rows[index.row()][index.column()]
        return None

    def _shown(self, event: dict) -> tuple[str, ...]:
        """An event as read: local time, the action in words, the details as name: value."""
        action = translate("AuditAction", event["action"])
        details = event["details"] if isinstance(event["details"], dict) else {}
        return (
            formatting.moment(
                datetime.fromisoformat(event["occurred_at"]), self._timezone, self._locale
            ),
            event["actor"] or "",
            action[:1].upper() + action[1:],
            ", ".join(
                f"{name.replace('_', ' ')}: {_text(value)}" for name, value in details.items()
            ),
            event["hash"],
        )

    def _fetch(self, before: int | None) -> None:
        self._fetching = True
        client, generation = self._client, self._generation
        action, actor = self._filter
        run_in_background(
            lambda: client.audit_events(action, actor, before, PAGE_SIZE),
            lambda page: self._arrived(generation, page),
            lambda error: self._failed(generation, error),
        )

    def _arrived(self, generation: int, page: dict) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        events = page["events"]
        if events:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(events) - 1)
            self._events += events
            self._rows += [self._shown(event) for event in events]
            self.endInsertRows()
        self._has_more = bool(page["has_more"] and events)
        if "chain" in page:
            self.chain_checked.emit(page["chain"])

    def _failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation:
            self._fetching = False
            self.load_failed.emit(
                self.tr("The audit log could not be read: {error}").format(error=error)
            )


def _text(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
