"""The service's audit trail as the desktop shows and exports it."""

import csv
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from desktop.history import csv_safe
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.service_client import ServiceClient

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
    QT_TRANSLATE_NOOP("AuditAction", "sign-out"),
    QT_TRANSLATE_NOOP("AuditAction", "seats ordered"),
    QT_TRANSLATE_NOOP("AuditAction", "permission set changed"),
    QT_TRANSLATE_NOOP("AuditAction", "receipts exported"),
)


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
    before = None
    while True:
        page = client.audit_events(action, actor, before, limit=EXPORT_PAGE)
        yield from page["events"]
        if not page["has_more"] or not page["events"]:
            return
        before = page["events"][-1]["id"]


def export_audit_csv(events: Iterable[dict], path: Path) -> int:
    """Write the events as CSV that Excel opens (UTF-8 with BOM, formulas defused).

    The file appears whole or not at all; returns how many events it holds.
    """
    partial = path.with_name(path.name + ".part")
    written = 0
    try:
        with open(partial, "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(AUDIT_CSV_HEADER)
            for event in events:
                writer.writerow([csv_safe(cell) for cell in audit_row(event)])
                written += 1
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return written
