"""Approval e-mails through a real SMTP server on 127.0.0.1 (aiosmtpd), on both databases:
the approvers are asked in their organization's language with the request's figures, the
requester is told of the decision with its reason, and no one else is written to."""

from decimal import Decimal

import pytest
from aiosmtpd.controller import Controller

from service import mail
from service.models import service_db
from service.orders import ProvisioningDelay
from service.server import start_service
from tests.test_service_alerts import Inbox, free_port
from tests.test_service_approvals import (
    APPROVERS,
    BUYERS,
    CONTOSO,
    CONTOSO_LIMIT,
    NORTHWIND,
    _add_administrator,
    clock,  # noqa: F401  # the fixture: a fixed Friday, as the approvals' own tests
    decide,
    held,
    token,
)

SENDER = "billing@fabrikam.example"


@pytest.fixture
def mailed(any_db_url, clock):  # noqa: F811  # the clock fixture, imported above
    """The demo service sending through a real SMTP server, its jobs run by the test."""
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    running = start_service(
        any_db_url,
        delay=ProvisioningDelay(3600, 3600),
        demo=True,
        check_responses=True,
        smtp=mail.SmtpSettings("127.0.0.1", port, SENDER),
    )
    assert running.jobs is not None
    running.jobs.stop()
    with service_db.connection_context():
        _add_administrator(CONTOSO, "Eva Krause", BUYERS[CONTOSO.name], "Einkauf", CONTOSO_LIMIT)
    yield running, inbox
    running.stop()
    controller.stop()


def delivered(service, inbox: Inbox) -> dict[str, tuple[str, str]]:
    """Send what waits in the outbox; the messages, by recipient: (subject, text), each
    recipient written to once."""
    with service_db.connection_context():
        service.jobs.run_once()
    recipients = [recipient for to, _ in inbox.messages for recipient in to]
    assert len(recipients) == len(set(recipients)), recipients
    found = {to[0]: (m["Subject"], m.get_content()) for to, m in inbox.messages}
    inbox.messages.clear()
    return found


def test_northwinds_approver_is_asked_in_english_and_the_buyer_told_of_the_approval(mailed):
    service, inbox = mailed
    delivered(service, inbox)  # the demo's own requests, made at seeding
    _, _, approval = held(service, NORTHWIND, "MA-MAIL-EN", seats=10)
    asked = delivered(service, inbox)
    assert BUYERS[NORTHWIND.name] not in asked  # never asked to approve their own
    subject, text = asked[APPROVERS[NORTHWIND.name]]
    amount = f"${Decimal(approval['amount']):,.2f}"
    assert subject == f"{NORTHWIND.name}: Priya Raman asks you to approve {amount}"
    assert f"Priya Raman wants to buy 10 seats for {NORTHWIND.name} for {amount}" in text
    assert "above their spending limit of $1,000.00" in text
    assert f"Approve or deny {approval['id']} under Administration > Approvals" in text

    approver = token(service, NORTHWIND, APPROVERS[NORTHWIND.name])
    status, _ = decide(service, approver, approval["id"], "approve")
    assert status == 201
    told = delivered(service, inbox)
    assert list(told) == [BUYERS[NORTHWIND.name]]
    subject, text = told[BUYERS[NORTHWIND.name]]
    assert subject == f"{NORTHWIND.name}: {approval['id']} for {amount} is approved"
    assert "ordered at the price you were quoted" in text
    assert delivered(service, inbox) == {}  # once


def test_contosos_approver_is_asked_in_german_and_the_buyer_told_why_it_was_denied(mailed):
    service, inbox = mailed
    delivered(service, inbox)
    _, _, approval = held(service, CONTOSO, "MA-MAIL-DE", seats=10)
    asked = delivered(service, inbox)
    assert BUYERS[CONTOSO.name] not in asked
    subject, text = asked[APPROVERS[CONTOSO.name]]
    amount = f"{approval['amount'].replace('.', ',')}\xa0€"
    assert subject == f"{CONTOSO.name}: Eva Krause bittet Sie, {amount} zu genehmigen"
    assert "mehr als das Ausgabenlimit von 200,00\xa0€" in text
    assert f"Genehmigen Sie {approval['id']} unter Verwaltung > Genehmigungen" in text

    approver = token(service, CONTOSO, APPROVERS[CONTOSO.name])
    reason = "Bitte erst im Januar, nach dem Budgetabschluss."
    status, _ = decide(service, approver, approval["id"], "deny", {"reason": reason})
    assert status == 200
    told = delivered(service, inbox)
    assert list(told) == [BUYERS[CONTOSO.name]]
    subject, text = told[BUYERS[CONTOSO.name]]
    assert subject == f"{CONTOSO.name}: {approval['id']} über {amount} ist abgelehnt"
    assert text.rstrip().endswith(reason)
    assert "es wurde nichts bestellt" in text
    assert delivered(service, inbox) == {}
