"""Renewal reminders on a fake clock, the contract's dates as an .ics file parsed back, the
reminder banner in the window, and the sync learning that a contract is renewed."""

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from icalendar import Calendar
from PySide6.QtWidgets import QLabel

from desktop.demo import seed_demo
from desktop.models import Contract
from desktop.renewal_reminders import (
    REMINDER_DAYS,
    calendar,
    due_reminder,
    next_reminder,
)
from desktop.service_client import ServiceClient
from desktop.sync import Credentials, SyncEngine
from service import demo_data
from service.models import service_db
from service.seed import end_current_contract
from tests.conftest import first_org
from tests.service_helpers import PASSWORD, call, sign_in, start_demo_service
from tests.test_main_window import TIMEOUT, child, open_window

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too

END = date(2027, 7, 31)


def test_each_step_shows_once_on_the_day_it_is_reached():
    shown, seen = set(), []
    for offset in range(75, -2, -1):  # the app runs every day
        today = END - timedelta(days=offset)
        reminder = due_reminder(END, today, shown)
        if reminder is not None:
            seen.append((reminder.days_before, reminder.days_left))
            shown |= {s for s in REMINDER_DAYS if s >= reminder.days_before}
    assert seen == [(60, 60), (30, 30), (14, 14), (7, 7), (1, 1)]


def test_steps_missed_while_closed_show_once_at_the_next_start():
    today = END - timedelta(days=24)  # 25 days left: the 60 and 30 day steps passed unseen
    reminder = due_reminder(END, today, set())
    assert (reminder.days_before, reminder.days_left) == (30, 25)
    assert due_reminder(END, today, {60, 30}) is None
    assert due_reminder(END, END + timedelta(days=1), set()) is None  # ended


def test_reminders_are_remembered_across_restarts(sqlite_db):
    seed_demo()
    today = END - timedelta(days=29)
    assert next_reminder(first_org(), END, today).days_before == 30
    assert next_reminder(first_org(), END, today) is None  # already shown, after a restart too
    assert next_reminder(first_org(), END, today + timedelta(days=16)).days_before == 14


def test_the_calendar_file_reads_back():
    parsed = Calendar.from_ical(calendar("Northwind Traders", END, "America/New_York"))
    events = sorted(parsed.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))
    assert [e.decoded("dtstart") for e in events] == [END - timedelta(days=59), END]
    assert "contract ends" in str(events[1]["summary"])
    for event in events:
        triggers = sorted(a.decoded("trigger") for a in event.walk("VALARM"))
        assert triggers == [timedelta(days=-7), timedelta(days=-1)]
        assert event.decoded("dtend") == event.decoded("dtstart") + timedelta(days=1)


def test_the_window_reminds_and_saves_the_calendar(qtbot, sqlite_db, tmp_path):
    seed_demo()
    current = Contract.select().order_by(Contract.start_date.desc()).first()
    Contract.update(end_date=demo_data.NORTHWIND.today() + timedelta(days=6)).where(
        Contract.id == current.id
    ).execute()
    window = open_window(qtbot)
    banner = child(window, QLabel, "renewalBanner")
    qtbot.waitUntil(banner.isVisible, timeout=TIMEOUT)
    assert "7 days remain" in banner.text()
    target = tmp_path / "contract.ics"
    window.save_calendar_to(target)
    qtbot.waitUntil(target.exists, timeout=TIMEOUT)
    ends = [e.decoded("dtstart") for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")]
    assert demo_data.NORTHWIND.today() + timedelta(days=6) in ends


@pytest.fixture
def service(tmp_path):
    running = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}")
    yield running
    running.stop()


def test_a_renewed_contract_gets_no_more_reminders(service, sqlite_db):
    seed_demo()
    end = demo_data.NORTHWIND.today() + timedelta(days=20)
    with service_db.connection_context():
        end_current_contract(demo_data.ORGANIZATION, end)
    token = sign_in(service, "admin@example.com")  # no spending limit
    offer = call(service, "GET", "/v1/renewal", token=token)[1]
    amount = (Decimal(offer["monthly_price_per_seat"]) * offer["seats"] * offer["months"]).quantize(
        Decimal("0.01"), ROUND_HALF_UP
    )
    body = {
        "seats": offer["seats"],
        "quoted_amount": str(amount),
        "acknowledged": True,
        "acknowledgement_text": "I acknowledge",
    }
    assert call(service, "POST", "/v1/renewals", body, token, {"Idempotency-Key": "R-1"})[0] == 201
    SyncEngine(ServiceClient(service.url), Credentials("billing@example.com", PASSWORD)).run_once()
    assert next_reminder(first_org(), end, demo_data.NORTHWIND.today()) is None
