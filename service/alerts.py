"""Alerts that reach people: the organization's settings, and the conditions they watch (few
seats available, an invoice due soon or overdue, the renewal window open), e-mailed to the
recipients once each time a condition starts to hold."""

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from billing.money import amount_from_minor
from billing.renewal import opens_on
from db.database import write_transaction
from service import audit, mail, messages
from service.models import (
    Administrator,
    AlertSettings,
    AlertState,
    Invoice,
    Organization,
    Renewal,
    service_db,
)
from service.orders import contract_on, local_today
from service.seats import available_seats

SETTINGS_CHANGED = "alert settings changed"  # audit action
FIELDS = (
    "seats_available_below",
    "invoice_due_within_days",
    "notify_overdue",
    "notify_renewal_window",
)


class RecipientRefused(Exception):
    """A recipient that is not an e-mail address: the settings were not changed."""

    def __init__(self, address: str) -> None:
        super().__init__(f"{address!r} is not an e-mail address; the settings were not changed.")
        self.address = address


@dataclass(frozen=True)
class Alert:
    """A condition that holds: the message kind and the values it is written with."""

    kind: str
    values: dict


def settings_of(organization_id: int) -> AlertSettings:
    """The organization's alert settings; none on (and no recipients) when never set."""
    found = AlertSettings.get_or_none(AlertSettings.organization == organization_id)
    return found or AlertSettings(organization=organization_id, updated_at=None)


def recipients_of(settings: AlertSettings) -> list[dict]:
    return json.loads(settings.recipients)


def settings_json(settings: AlertSettings) -> dict:
    return {
        **{name: getattr(settings, name) for name in FIELDS},
        "recipients": recipients_of(settings),
        "updated_at": None if settings.updated_at is None else settings.updated_at.isoformat(),
    }


def change_settings(administrator: Administrator, body: dict, now: datetime) -> AlertSettings:
    """Replace the organization's alert settings (the document checked their form); each
    recipient's address is checked and normalized, repeats dropped (RecipientRefused)."""
    organization = administrator.organization_id
    recipients = _checked_recipients(body["recipients"])
    fields = {name: body[name] for name in FIELDS}
    fields |= {"recipients": json.dumps(recipients), "updated_at": now}
    with write_transaction(service_db):
        AlertSettings.insert(organization=organization, **fields).on_conflict(
            conflict_target=[AlertSettings.organization], update=fields
        ).execute()
        details = {**{name: body[name] for name in FIELDS}, "recipients": recipients}
        audit.record(organization, SETTINGS_CHANGED, administrator.email, details, now)
    return settings_of(organization)


def _checked_recipients(given: list[dict]) -> list[dict]:
    from email_validator import EmailNotValidError, validate_email  # loaded when first needed

    found: list[dict] = []
    for each in given:
        try:
            address = validate_email(each["email"], check_deliverability=False).normalized
        except EmailNotValidError:
            raise RecipientRefused(each["email"]) from None
        if address.lower() not in (known["email"].lower() for known in found):
            found.append({"email": address, "language": each.get("language")})
    return found


def holding(settings: AlertSettings, organization: Organization, now: datetime) -> dict:
    """The conditions the settings watch that hold now, by a key naming each."""
    today = local_today(organization, now)
    found: dict[str, Alert] = {}
    contract = contract_on(organization, today)
    threshold = settings.seats_available_below
    if contract is not None and threshold is not None:
        available = available_seats(organization.get_id(), contract)
        if available < threshold:
            values = {"available": available, "threshold": threshold}
            found["seats_available_below"] = Alert("seats_available_below", values)
    open_invoices = Invoice.select().where(
        (Invoice.organization == organization.get_id()) & (Invoice.status == "open")
    )
    within = settings.invoice_due_within_days
    for invoice in open_invoices:
        amount = amount_from_minor(invoice.amount_minor + invoice.tax_minor, invoice.currency)
        values = {
            "number": invoice.number,
            "due": invoice.due_date,
            "amount": (amount, invoice.currency),
        }
        if invoice.due_date < today and settings.notify_overdue:
            found[f"invoice_overdue:{invoice.number}"] = Alert("invoice_overdue", values)
        elif within is not None and today <= invoice.due_date <= today + timedelta(days=within):
            found[f"invoice_due:{invoice.number}"] = Alert("invoice_due", values)
    if contract is not None and settings.notify_renewal_window:
        window_open = opens_on(contract.end_date, contract.renewal_window_days) <= today
        if window_open and not Renewal.select().where(Renewal.contract == contract).exists():
            alert = Alert("renewal_window", {"end": contract.end_date})
            found[f"renewal_window:{contract.get_id()}"] = alert
    return found


def check(now: datetime) -> int:
    """Queue an e-mail to each recipient for every condition that started to hold since the
    last check, and forget those that cleared; returns how many e-mails were queued."""
    queued = 0
    watched = AlertSettings.select(AlertSettings, Organization).join(Organization)
    for settings in list(watched):
        queued += _check_one(settings, now)
    return queued


def _check_one(settings: AlertSettings, now: datetime) -> int:
    organization = settings.organization
    recipients = recipients_of(settings)
    holds = holding(settings, organization, now) if recipients else {}
    queued = 0
    with write_transaction(service_db):
        states = AlertState.select().where(AlertState.organization == organization.get_id())
        known = {state.condition: state for state in states}
        cleared = [state.get_id() for name, state in known.items() if name not in holds]
        if cleared:
            AlertState.delete().where(AlertState.id.in_(cleared)).execute()
        fallback = mail.organization_language(organization.get_id())
        for name, alert in holds.items():
            if name in known:
                continue
            AlertState.create(organization=organization.get_id(), condition=name, since=now)
            for recipient in recipients:
                language = recipient["language"] or fallback
                subject, body = messages.message(
                    alert.kind, language, organization=organization.name, **alert.values
                )
                key = f"{name}@{now.isoformat()}:{recipient['email']}"
                queued += mail.enqueue(
                    organization.get_id(), key, alert.kind, recipient["email"], subject, body, now
                )
    return queued
