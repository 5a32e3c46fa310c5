"""Reminders that a contract ends, so it never lapses unnoticed: one at 60, 30, 14, 7 and 1
days before its end while it is not renewed, each shown once (remembered across restarts; one
missed while the app was closed shows at the next start), and the dates as an .ics calendar."""

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from billing.renewal import RENEWAL_WINDOW_DAYS, opens_on
from desktop.i18n import translate
from desktop.models import Organization, SyncState

REMINDER_DAYS = (60, 30, 14, 7, 1)
SHOWN_KEY = "renewal_reminders_shown:{end}"
RENEWED_KEY = "renewed_until"  # the end of the last contract known to be renewed


@dataclass(frozen=True)
class Reminder:
    days_before: int  # the reminder's step: 60, 30, 14, 7 or 1
    days_left: int  # days until the end, the end day included
    contract_end: date


def due_reminder(contract_end: date, today: date, shown: set[int]) -> Reminder | None:
    """Today's reminder, if one is due and not shown yet: the most urgent step reached (steps
    passed while the app was closed are not shown one after another)."""
    days_left = (contract_end - today).days + 1
    if days_left < 1:
        return None
    reached = [step for step in REMINDER_DAYS if days_left <= step and step not in shown]
    if not reached:
        return None
    return Reminder(min(reached), days_left, contract_end)


def next_reminder(organization: Organization, contract_end: date, today: date) -> Reminder | None:
    """The reminder to show `today` (the organization's date) for a contract ending on
    `contract_end`; marks it (and the steps it stands for) shown. None once the contract is
    known to be renewed."""
    renewed = SyncState.read(organization, RENEWED_KEY)
    if renewed is not None and renewed >= contract_end.isoformat():
        return None
    key = SHOWN_KEY.format(end=contract_end.isoformat())
    stored = SyncState.read(organization, key)
    shown = set(json.loads(stored)) if stored else set()
    reminder = due_reminder(contract_end, today, shown)
    if reminder is None:
        return None
    shown |= {step for step in REMINDER_DAYS if step >= reminder.days_before}
    SyncState.write(organization, key, json.dumps(sorted(shown)))
    return reminder


def remember_renewed(organization: Organization, contract_end: date) -> None:
    """The service said the contract ending then is renewed: no more reminders for it."""
    SyncState.write(organization, RENEWED_KEY, contract_end.isoformat())


def reminder_text(reminder: Reminder, end_text: str) -> str:
    return translate(
        "Renewal",
        "Your contract ends on {date}; %n day(s) remain. Renew it in time, or ask your "
        "account manager.",
        None,
        reminder.days_left,
    ).format(date=end_text)


def calendar(
    organization: str,
    contract_end: date,
    timezone: str,
    window_days: int = RENEWAL_WINDOW_DAYS,
    stamp: datetime | None = None,
) -> bytes:
    """An RFC 5545 calendar: the contract's last day and the day renewal opens, each an
    all-day event with alarms a week and a day before."""
    from icalendar import Alarm, Calendar, Event  # loaded when a calendar is made

    cal = Calendar()
    cal.add("prodid", "-//Manage Account//Contract dates//EN")
    cal.add("version", "2.0")
    stamp = stamp or datetime.combine(contract_end, time(), ZoneInfo(timezone))
    for uid, day, summary in (
        (
            "opens",
            opens_on(contract_end, window_days),
            translate("Renewal", "{organization}: contract renewal opens").format(
                organization=organization
            ),
        ),
        (
            "ends",
            contract_end,
            translate("Renewal", "{organization}: contract ends (renewal deadline)").format(
                organization=organization
            ),
        ),
    ):
        event = Event()
        event.add("uid", f"{uid}-{contract_end.isoformat()}@manage-account")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", summary)
        for before in (7, 1):
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", summary)
            alarm.add("trigger", timedelta(days=-before))
            event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()
