"""The service's audit trail as the desktop shows and exports it."""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop.history import write_csv
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.models import Organization, SyncState, utc_now
from desktop.service_client import ServiceClient, every_item

EXPORT_PAGE = 1000  # the most the service gives in one page

# The CSV keeps these English; the dialog shows them through translate().
AUDIT_CSV_HEADER = (
    QT_TRANSLATE_NOOP("AuditLog", "When (UTC)"),
    QT_TRANSLATE_NOOP("AuditLog", "Who"),
    QT_TRANSLATE_NOOP("AuditLog", "Action"),
    QT_TRANSLATE_NOOP("AuditLog", "Details"),
    QT_TRANSLATE_NOOP("AuditLog", "Entry hash"),
)
ACTIONS = (
    QT_TRANSLATE_NOOP("AuditAction", "sign-in"),
    QT_TRANSLATE_NOOP("AuditAction", "sign-in failed"),
    QT_TRANSLATE_NOOP("AuditAction", "sign-in locked out"),
    QT_TRANSLATE_NOOP("AuditAction", "sign-out"),
    QT_TRANSLATE_NOOP("AuditAction", "signed out everywhere"),
    QT_TRANSLATE_NOOP("AuditAction", "seats ordered"),
    QT_TRANSLATE_NOOP("AuditAction", "permission set changed"),
    QT_TRANSLATE_NOOP("AuditAction", "receipts exported"),
    QT_TRANSLATE_NOOP("AuditAction", "billing profile changed"),
    QT_TRANSLATE_NOOP("AuditAction", "contract renewed"),
    QT_TRANSLATE_NOOP("AuditAction", "seat reduction requested"),
    QT_TRANSLATE_NOOP("AuditAction", "reduction request answered"),
    QT_TRANSLATE_NOOP("AuditAction", "invoice marked paid"),
    QT_TRANSLATE_NOOP("AuditAction", "seat freed"),
    QT_TRANSLATE_NOOP("AuditAction", "seat assigned"),
    QT_TRANSLATE_NOOP("AuditAction", "seats released"),
    QT_TRANSLATE_NOOP("AuditAction", "seat release undone"),
    QT_TRANSLATE_NOOP("AuditAction", "trail re-chained"),
)


SEEN_KEY = "audit_trail_seen:{service}"


@dataclass(frozen=True)
class TrailBreak:
    """The entry seen here before is gone from the service's chain, or is another entry now:
    someone who can write the service's database rewrote or cut the trail since `seen_at`."""

    entry_id: int
    seen_at: datetime
    gone: bool  # False: the entry is there with another hash


def check_continuity(
    client: ServiceClient, organization: Organization, now: datetime | None = None
) -> TrailBreak | None:
    """Compare the newest entry this computer saw with the service's trail, then remember the
    newest one now. A chain that was changed and hashed again from there on, or cut and its
    head moved back, checks out as intact on the service; it cannot match what was seen here.
    After a break the entry seen before stays remembered, so the warning stays too.
    """
    key = SEEN_KEY.format(service=client.base_url)
    stored = SyncState.read(organization, key)
    if stored is not None:
        seen = json.loads(stored)
        page = client.audit_events(before=seen["id"] + 1, limit=1)["events"]
        now_there = page[0] if page and page[0]["id"] == seen["id"] else None
        if now_there is None or now_there["hash"] != seen["hash"]:
            return TrailBreak(seen["id"], datetime.fromisoformat(seen["seen_at"]), not now_there)
    newest = client.audit_events(limit=1)["events"]
    if newest:
        value = json.dumps(
            {
                "id": newest[0]["id"],
                "hash": newest[0]["hash"],
                "seen_at": (now or utc_now()).isoformat(),
            }
        )
        SyncState.write(organization, key, value)
    return None


@dataclass(frozen=True)
class AuditEntry:
    """One event of the trail: when, who (empty: no one signed in), what, its details."""

    id: int
    occurred_at: datetime
    actor: str
    action: str  # as the service names it; translated in the "AuditAction" context
    details: dict[str, object]
    hash: str


@dataclass(frozen=True)
class ChainCheck:
    """The service's own check of its hash chain; `message` says where it is broken."""

    intact: bool
    message: str


@dataclass(frozen=True)
class AuditPage:
    entries: tuple[AuditEntry, ...]
    has_more: bool
    chain: ChainCheck | None  # with the first page only


def audit_page(answer: dict) -> AuditPage:
    """A page as the service answers it (GET /v1/audit-events), read."""
    chain = answer.get("chain")
    return AuditPage(
        tuple(_entry(each) for each in answer["events"]),
        bool(answer["has_more"]),
        ChainCheck(bool(chain["intact"]), str(chain.get("message") or "")) if chain else None,
    )


def _entry(event: dict) -> AuditEntry:
    details = event["details"]
    return AuditEntry(
        event["id"],
        datetime.fromisoformat(event["occurred_at"]),
        event["actor"] or "",
        event["action"],
        details if isinstance(details, dict) else {},
        event["hash"],
    )


class AuditTrail:
    """The acting organization's trail on the account service (calls take time: off the GUI
    thread)."""

    def __init__(self, client: ServiceClient, organization: Organization) -> None:
        self._client, self._organization = client, organization

    def page(
        self, action: str | None, actor: str | None, before: int | None, limit: int
    ) -> AuditPage:
        """The newest `limit` events before the entry `before` (None: the newest) that match."""
        return audit_page(self._client.audit_events(action, actor, before, limit))

    def check_continuity(self) -> TrailBreak | None:
        return check_continuity(self._client, self._organization)

    def export_csv(self, action: str | None, actor: str | None, path: Path) -> int:
        """Every matching event, however many pages, as CSV; returns how many."""
        return export_audit_csv(all_audit_events(self._client, action, actor), path)

    def report_receipts_exported(self, count: int) -> None:
        self._client.report_audit_event("receipts exported", {"count": count})


def audit_row(event: AuditEntry) -> tuple[str, str, str, str, str]:
    """An event as exported: time (UTC), actor, action, details as compact JSON, hash."""
    return (
        event.occurred_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"),
        event.actor,
        event.action,
        json.dumps(event.details, ensure_ascii=False, sort_keys=True),
        event.hash,
    )


def all_audit_events(
    client: ServiceClient, action: str | None, actor: str | None
) -> Iterator[AuditEntry]:
    """Every matching event, newest first, read from the service a page at a time."""
    events = every_item(
        lambda before: client.audit_events(action, actor, before, limit=EXPORT_PAGE), "events"
    )
    return (_entry(event) for event in events)


def export_audit_csv(events: Iterable[AuditEntry], path: Path) -> int:
    """Write the events as CSV that Excel opens; returns how many the file holds."""
    return write_csv(path, AUDIT_CSV_HEADER, (audit_row(event) for event in events))
