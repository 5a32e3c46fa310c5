"""The service's e-mail: an outbox table that survives restarts, sent through SMTP with retries
and backoff, each send in the organization's audit trail."""

import logging
import random
import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from db.database import write_transaction
from service import audit
from service.models import BillingProfile, MailMessage, service_db

logger = logging.getLogger(__name__)
BACKOFF_BASE = timedelta(seconds=30)  # full jitter: a wait drawn from 0 to base x 2^attempts
BACKOFF_CAP = timedelta(hours=1)
MAX_ATTEMPTS = 40  # about a day and a half at the cap; then the message is given up
BATCH = 50  # messages sent in one round
SMTP_TIMEOUT = 30.0
MAIL_SENT = "e-mail sent"  # audit actions
MAIL_FAILED = "e-mail not delivered"
LANGUAGES = ("en", "de")
GERMAN_SPEAKING = {"DE", "AT", "CH", "LI"}


@dataclass(frozen=True)
class SmtpSettings:
    """Where the service sends e-mail from: --smtp HOST:PORT and the rest of its flags."""

    host: str
    port: int
    sender: str
    starttls: bool = False
    username: str | None = None
    password: str | None = None


def organization_language(organization_id: int) -> str:
    """The language of an organization's messages where a recipient's is not known: German
    where its billing address is in a German-speaking country, else English."""
    profile = BillingProfile.get_or_none(BillingProfile.organization == organization_id)
    return "de" if profile is not None and profile.country in GERMAN_SPEAKING else "en"


def enqueue(
    organization_id: int,
    key: str,
    kind: str,
    recipient: str,
    subject: str,
    body: str,
    now: datetime,
) -> bool:
    """Queue a message once: a second one with the same key is ignored. True when queued."""
    with write_transaction(service_db):
        made = (
            MailMessage.insert(
                organization=organization_id,
                key=key[:200],
                kind=kind,
                recipient=recipient,
                subject=subject[:300],
                body=body,
                created_at=now,
                next_attempt_at=now,
            )
            .on_conflict_ignore()
            .execute()
        )
    return bool(made)


def deliver_due(
    settings: SmtpSettings, now: datetime, rng: random.Random | None = None
) -> tuple[int, int]:
    """Send the messages due now; returns how many were sent and how many wait or failed."""
    rng = rng or random.Random()
    due = list(
        MailMessage.select()
        .where(
            MailMessage.sent_at.is_null()
            & MailMessage.failed_at.is_null()
            & (MailMessage.next_attempt_at <= now)
        )
        .order_by(MailMessage.id)
        .limit(BATCH)
    )
    sent = 0
    for message in due:
        try:
            send(settings, message, now)
        except (smtplib.SMTPException, OSError) as error:
            _not_sent(message, error, now, rng)
            continue
        with write_transaction(service_db):
            MailMessage.update(sent_at=now, attempts=MailMessage.attempts + 1).where(
                MailMessage.id == message.id
            ).execute()
            details = {"kind": message.kind, "recipient": message.recipient, "key": message.key}
            audit.record(message.organization_id, MAIL_SENT, None, details, now)
        sent += 1
    return sent, len(due) - sent


def send(settings: SmtpSettings, message: MailMessage, now: datetime) -> None:
    """One message through the SMTP server, STARTTLS and signing in first when configured."""
    mail = EmailMessage()
    mail["From"] = settings.sender
    mail["To"] = message.recipient
    mail["Subject"] = message.subject
    mail["Date"] = format_datetime(now)
    mail["Message-ID"] = make_msgid(domain=settings.sender.rpartition("@")[2] or None)
    mail.set_content(message.body)
    with smtplib.SMTP(settings.host, settings.port, timeout=SMTP_TIMEOUT) as server:
        if settings.starttls:
            server.starttls(context=ssl.create_default_context())
        if settings.username:
            server.login(settings.username, settings.password or "")
        server.send_message(mail)


def _not_sent(message: MailMessage, error: Exception, now: datetime, rng: random.Random) -> None:
    """Try again after a backoff with full jitter, or give up: refused for good (5xx) or
    tried MAX_ATTEMPTS times."""
    attempts = message.attempts + 1
    code = getattr(error, "smtp_code", None)
    refused = getattr(error, "recipients", None)
    if isinstance(refused, dict) and refused:
        code = min(each[0] for each in refused.values())
    final = (isinstance(code, int) and code >= 500) or attempts >= MAX_ATTEMPTS
    ceiling = min(BACKOFF_CAP, BACKOFF_BASE * 2**attempts)
    wait = timedelta(seconds=rng.uniform(1, max(1.0, ceiling.total_seconds())))
    logger.warning("e-mail %d to %s not sent: %s", message.id, message.recipient, error)
    with write_transaction(service_db):
        MailMessage.update(
            attempts=attempts,
            next_attempt_at=now + wait,
            last_error=str(error)[:1000],
            failed_at=now if final else None,
        ).where(MailMessage.id == message.id).execute()
        if final:
            details = {"kind": message.kind, "recipient": message.recipient, "error": str(error)}
            audit.record(message.organization_id, MAIL_FAILED, None, details, now)
