"""The service's audit trail as the desktop shows and exports it."""

import csv
import json
import os
from pathlib import Path

from desktop.history import csv_safe
from desktop.i18n import QT_TRANSLATE_NOOP

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


def audit_rows(events: list[dict]) -> list[tuple[str, str, str, str, str]]:
    """One row per event: time, actor, action, details as compact JSON, hash."""
    return [
        (
            event["occurred_at"][:19].replace("T", " "),
            event["actor"] or "",
            event["action"],
            json.dumps(event["details"], ensure_ascii=False, sort_keys=True),
            event["hash"],
        )
        for event in events
    ]


def export_audit_csv(events: list[dict], path: Path) -> int:
    """Write the events as CSV that Excel opens (UTF-8 with BOM, formulas defused)."""
    partial = path.with_name(path.name + ".part")
    with open(partial, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(AUDIT_CSV_HEADER)
        for row in audit_rows(events):
            writer.writerow([csv_safe(cell) for cell in row])
    os.replace(partial, path)
    return len(events)
