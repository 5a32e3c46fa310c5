"""Alerts that reach people, on both databases, through a real SMTP server on 127.0.0.1
(aiosmtpd): settings and their refusals, an e-mail once per crossing of a threshold, kept in
the outbox over a restart, retried when the server refuses at first, in the recipient's
language, each send in the audit trail."""

import json
import socket
from datetime import timedelta
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

from db.fields import utc_now
from service import demo_data, mail
from service.models import AuditEvent, MailMessage, service_db
from service.orders import ProvisioningDelay
from service.server import start_service
from tests.service_helpers import call
from tests.test_service_users import token_of, users

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too

SETTINGS = {
    "seats_available_below": 5,
    "invoice_due_within_days": None,
    "notify_overdue": False,
    "notify_renewal_window": False,
    "recipients": [{"email": "ops@northwind.example", "language": "en"}],
}
SENDER = "alerts@fabrikam.example"


class Inbox:
    """An aiosmtpd handler keeping what it is sent; it answers 451 to the first `refuse`."""

    def __init__(self, refuse: int = 0) -> None:
        self.messages: list = []
        self.refuse = refuse

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.refuse > 0:
            self.refuse -= 1
            return "451 4.3.0 Try again later"
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp():
    """A real SMTP server on 127.0.0.1 and the settings that reach it."""
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, mail.SmtpSettings("127.0.0.1", port, SENDER)
    controller.stop()


@pytest.fixture
def moment():
    return utc_now() + timedelta(hours=1)


def started(url: str, moment, smtp_settings=None):
    """The demo service with its jobs driven by the test alone."""
    running = start_service(
        url,
        delay=ProvisioningDelay(0, 0),
        demo=True,
        check_responses=True,
        smtp=smtp_settings,
    )
    running.jobs.stop()
    running.jobs.clock = lambda: moment
    return running


def run_jobs(service, now=None) -> None:
    with service_db.connection_context():
        service.jobs.run_once(now)


def sent_actions() -> list[dict]:
    with service_db.connection_context():
        query = AuditEvent.select().where(AuditEvent.action == mail.MAIL_SENT)
        return [json.loads(event.details) for event in query.order_by(AuditEvent.id)]


def test_settings_are_kept_and_bad_ones_refused_without_a_change(any_db_url, moment):
    service = started(any_db_url, moment)
    try:
        token = token_of(service, demo_data.NORTHWIND)
        status, stored = call(service, "GET", "/v1/alert-settings", token=token)
        assert status == 200
        assert stored == {
            "seats_available_below": None,
            "invoice_due_within_days": None,
            "notify_overdue": False,
            "notify_renewal_window": False,
            "recipients": [],
            "updated_at": None,
        }
        body = {
            **SETTINGS,
            "recipients": [
                {"email": "Ops@Northwind.example"},
                {"email": "ops@northwind.example", "language": "de"},  # a repeat: dropped
                {"email": "leitung@northwind.example", "language": "de"},
            ],
        }
        status, saved = call(service, "PUT", "/v1/alert-settings", body, token)
        assert status == 200, saved
        assert saved["recipients"] == [
            {"email": "Ops@northwind.example", "language": None},
            {"email": "leitung@northwind.example", "language": "de"},
        ]
        for change, expected, code in (
            ({"recipients": [{"email": "not an address"}]}, 422, "invalid_recipient"),
            ({"recipients": [{"email": "a@b"}]}, 422, "invalid_recipient"),
            ({"recipients": [{"email": "a@example.com", "language": "fr"}]}, 400, None),
            ({"recipients": [{"email": "a\u2028b@example.com"}]}, 400, "invalid_text"),
            ({"recipients": [{"email": f"r{n}@example.com"} for n in range(11)]}, 400, None),
            ({"seats_available_below": 0}, 400, "invalid_request"),
            ({"invoice_due_within_days": 91}, 400, "invalid_request"),
            ({"notify_overdue": None}, 400, "invalid_request"),
        ):
            status, answer = call(service, "PUT", "/v1/alert-settings", {**body, **change}, token)
            assert status == expected, change
            assert code is None or answer["error"]["code"] == code, answer
        status, after = call(service, "GET", "/v1/alert-settings", token=token)
        assert after == saved
        contoso = token_of(service, demo_data.CONTOSO)
        status, theirs = call(service, "GET", "/v1/alert-settings", token=contoso)
        assert theirs["recipients"] == []
    finally:
        service.stop()


def test_an_alert_is_sent_once_per_crossing_and_survives_a_restart(any_db_url, moment, smtp):
    inbox, settings = smtp
    service = started(any_db_url, moment)  # no SMTP server yet: e-mail waits in the outbox
    token = token_of(service, demo_data.NORTHWIND)
    status, _ = call(service, "PUT", "/v1/alert-settings", SETTINGS, token)
    assert status == 200
    run_jobs(service)  # 3 seats available, fewer than 5: queued
    run_jobs(service, moment + timedelta(minutes=1))  # still below: not again
    with service_db.connection_context():
        assert MailMessage.select().where(MailMessage.sent_at.is_null()).count() == 1
    service.stop()

    service = started(any_db_url, moment, settings)  # restarted, with the server
    try:
        run_jobs(service)
        assert len(inbox.messages) == 1
        recipients, message = inbox.messages[0]
        assert recipients == ["ops@northwind.example"]
        assert message["From"] == SENDER
        assert message["Subject"] == "Northwind Traders: 3 seats available"
        text = message.get_content()
        assert "fewer than the 5 your alert watches for" in text
        assert "Free the seats of users" in text
        (sent,) = sent_actions()
        assert (sent["kind"], sent["recipient"]) == ("seats_available_below", recipients[0])
        run_jobs(service, moment + timedelta(minutes=2))
        assert len(inbox.messages) == 1

        # Seats freed: the condition clears; given back: it returns, and is alerted again.
        disabled = users(service, token, "&license=assigned&status=disabled")
        body = {"user_ids": [user["id"] for user in disabled], "reason": "alert test"}
        status, made = call(service, "POST", "/v1/seat-releases", body, token)
        assert status == 201
        run_jobs(service, moment + timedelta(minutes=3))
        assert len(inbox.messages) == 1
        release = made["release"]["id"]
        status, _ = call(service, "POST", f"/v1/seat-releases/{release}/undo", token=token)
        assert status == 200
        run_jobs(service, moment + timedelta(minutes=4))
        assert len(inbox.messages) == 2
        assert inbox.messages[1][1]["Subject"] == "Northwind Traders: 3 seats available"
        assert len(sent_actions()) == 2
    finally:
        service.stop()


def test_a_refusing_server_is_tried_again_later(any_db_url, moment, smtp):
    inbox, settings = smtp
    inbox.refuse = 2
    service = started(any_db_url, moment, settings)
    try:
        token = token_of(service, demo_data.CONTOSO)
        body = {**SETTINGS, "notify_overdue": True, "recipients": [{"email": "it@contoso.example"}]}
        status, _ = call(service, "PUT", "/v1/alert-settings", body, token)
        assert status == 200
        run_jobs(service)  # refused (451): waits
        with service_db.connection_context():
            waiting = list(MailMessage.select().order_by(MailMessage.id))
        assert [(m.attempts, m.sent_at) for m in waiting] == [(1, None)] * len(waiting)
        assert {m.next_attempt_at > moment for m in waiting} == {True}
        assert "451" in waiting[0].last_error
        later = moment
        for _ in range(4):
            later += mail.BACKOFF_CAP
            run_jobs(service, later)
        assert sent_actions() and len(inbox.messages) == len(waiting)
        subjects = sorted(message["Subject"] for _, message in inbox.messages)
        # Contoso's billing address is in Germany: German where the recipient's is not known.
        assert "Contoso Pharmaceuticals: 3 Lizenzen verfügbar" in subjects
        overdue = [s for s in subjects if s.endswith("ist überfällig")]
        assert len(overdue) == 1
        body_text = next(m for _, m in inbox.messages if m["Subject"] in overdue).get_content()
        assert "€" in body_text and "war am" in body_text
    finally:
        service.stop()


def test_the_recipients_language_is_used_where_known(any_db_url, moment, smtp):
    inbox, settings = smtp
    service = started(any_db_url, moment, settings)
    try:
        token = token_of(service, demo_data.NORTHWIND)
        recipients = [
            {"email": "ops@northwind.example", "language": "de"},
            {"email": "cfo@northwind.example", "language": None},
        ]
        body = {**SETTINGS, "recipients": recipients}
        status, _ = call(service, "PUT", "/v1/alert-settings", body, token)
        assert status == 200
        run_jobs(service)
        subjects = {tuple(to): message["Subject"] for to, message in inbox.messages}
        assert subjects == {
            ("ops@northwind.example",): "Northwind Traders: 3 Lizenzen verfügbar",
            ("cfo@northwind.example",): "Northwind Traders: 3 seats available",
        }
    finally:
        service.stop()
