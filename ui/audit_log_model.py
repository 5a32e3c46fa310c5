"""The service's audit trail as a table that fetches the next page as the view scrolls."""

import json
from collections.abc import Callable

from PySide6.QtCore import Signal

from desktop import formatting
from desktop.audit_log import AUDIT_CSV_HEADER, AuditEntry, AuditPage, AuditTrail, ChainCheck
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from ui.service_pages_model import ServicePagesModel

PAGE_SIZE = 200
# The names in the service's event details, as shown.
DETAIL_NAMES = {
    "address": QT_TRANSLATE_NOOP("AuditDetail", "address"),
    "amount": QT_TRANSLATE_NOOP("AuditDetail", "amount"),
    "count": QT_TRANSLATE_NOOP("AuditDetail", "count"),
    "email": QT_TRANSLATE_NOOP("AuditDetail", "email"),
    "fields": QT_TRANSLATE_NOOP("AuditDetail", "fields"),
    "not_returned": QT_TRANSLATE_NOOP("AuditDetail", "not returned"),
    "number": QT_TRANSLATE_NOOP("AuditDetail", "number"),
    "operator": QT_TRANSLATE_NOOP("AuditDetail", "operator"),
    "reason": QT_TRANSLATE_NOOP("AuditDetail", "reason"),
    "release": QT_TRANSLATE_NOOP("AuditDetail", "release"),
    "request": QT_TRANSLATE_NOOP("AuditDetail", "request"),
    "returned": QT_TRANSLATE_NOOP("AuditDetail", "returned"),
    "seats": QT_TRANSLATE_NOOP("AuditDetail", "seats"),
    "seats_wanted": QT_TRANSLATE_NOOP("AuditDetail", "seats wanted"),
    "sessions": QT_TRANSLATE_NOOP("AuditDetail", "sessions"),
    "transaction_id": QT_TRANSLATE_NOOP("AuditDetail", "transaction id"),
    "trusted_device": QT_TRANSLATE_NOOP("AuditDetail", "trusted device"),
    "user": QT_TRANSLATE_NOOP("AuditDetail", "user"),
    "users": QT_TRANSLATE_NOOP("AuditDetail", "users"),
}


class AuditLogModel(ServicePagesModel[AuditEntry, AuditPage]):
    """The trail, newest first; the first page brings the chain's check."""

    chain_checked = Signal(ChainCheck)  # with the first page

    def __init__(self, trail: AuditTrail, timezone: str = "UTC", locale: str = "en_US") -> None:
        when = translate("AuditLog", "When ({zone})").format(zone=timezone)  # as shown: local
        super().__init__((when, *(translate("AuditLog", text) for text in AUDIT_CSV_HEADER[1:])))
        self._trail = trail
        self._timezone, self._locale = timezone, locale
        self._filter: tuple[str | None, str | None] = (None, None)
        self.page_arrived.connect(self._check_chain)

    def set_filter(self, action: str | None, actor: str | None) -> None:
        """Start again from the newest event that matches."""
        self._filter = (action, actor)
        self.restart()

    def filter(self) -> tuple[str | None, str | None]:
        return self._filter

    def _page_call(self, after: AuditEntry | None) -> Callable[[], AuditPage]:
        trail, (action, actor) = self._trail, self._filter
        before = after.id if after else None
        return lambda: trail.page(action, actor, before, PAGE_SIZE)

    def _items(self, page: AuditPage) -> tuple[AuditEntry, ...]:
        return page.entries

    def _has_more_in(self, page: AuditPage) -> bool:
        return page.has_more

    def _check_chain(self, page: AuditPage) -> None:
        if page.chain is not None:
            self.chain_checked.emit(page.chain)

    def _shown(self, item: AuditEntry) -> tuple[str, ...]:
        """An event as read: local time, the action in words, the details as name: value."""
        action = translate("AuditAction", item.action)
        return (
            formatting.moment(item.occurred_at, self._timezone, self._locale),
            item.actor,
            action[:1].upper() + action[1:],
            ", ".join(
                "{name}: {value}".format(
                    name=translate("AuditDetail", DETAIL_NAMES.get(name, name.replace("_", " "))),
                    value=_text(value),
                )
                for name, value in item.details.items()
            ),
            item.hash,
        )


def _text(value: object) -> str:
    if isinstance(value, bool):
        return translate("AuditDetail", "yes") if value else translate("AuditDetail", "no")
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
