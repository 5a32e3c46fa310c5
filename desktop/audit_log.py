"""The service's audit trail as the desktop shows and exports it."""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
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


def audit_row(event: dict) -> tuple[str, str, str, str, str]:
    """An event as shown and exported: time, actor, action, details as compact JSON, hash."""
    return (
        event["occurred_at"][:19].replace("T", " "),
        event["actor"] or "",
        event["action"],
        json.dumps(event["details"], ensure_ascii=False, sort_keys=True),
        event["hash"],
    )


def all_audit_events(
    client: ServiceClient, action: str | None, actor: str | None
) -> Iterator[dict]:
    """Every matching event, newest first, read from the service a page at a time."""
    return every_item(
        lambda before: client.audit_events(action, actor, before, limit=EXPORT_PAGE), "events"
    )


def export_audit_csv(events: Iterable[dict], path: Path) -> int:
    """Write the events as CSV that Excel opens; returns how many the file holds."""
    return write_csv(path, AUDIT_CSV_HEADER, (audit_row(event) for event in events))
