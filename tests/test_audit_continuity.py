"""A trail that someone with write access to the service's database rewrote or cut, and hashed
again so that the service's own check passes, is still caught by what this computer saw."""

import pytest
from PySide6.QtWidgets import QLabel

from desktop.audit_log import AuditTrail, check_continuity
from desktop.demo import seed_demo
from desktop.service_client import ServiceClient
from service import audit
from service.models import AuditEvent, AuditHead, Organization, service_db
from tests.conftest import first_org
from tests.service_helpers import call, sign_in, start_demo_service
from ui.audit_log_dialog import AuditLogDialog
from ui.tasks import wait_for_background_work

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too

TIMEOUT = 5000


@pytest.fixture(params=["sqlite", "postgres"])
def service(request, sqlite_db, tmp_path):
    """The desktop on SQLite; the service on each database."""
    seed_demo()
    url = (
        f"sqlite:///{tmp_path / 'service.db'}"
        if request.param == "sqlite"
        else request.getfixturevalue("postgres_url")
    )
    running = start_demo_service(url, delay=(3600, 3600))
    yield running
    wait_for_background_work()
    running.stop()


@pytest.fixture
def admin(service) -> ServiceClient:
    client = ServiceClient(service.url)
    client.token = sign_in(service, "admin@example.com")
    for count in range(3):  # a trail of a few entries: the sign-in and three exports
        client.report_audit_event("receipts exported", {"count": count})
    return client


def northwind_chain() -> tuple[int, list[AuditEvent]]:
    organization = Organization.get(Organization.name == "Northwind Traders").id
    events = AuditEvent.select().where(AuditEvent.organization == organization)
    return organization, list(events.order_by(AuditEvent.id))


def rehash_from(organization: int, events: list[AuditEvent]) -> None:
    """What a forger does: hash every entry again and move the head, so the chain checks out."""
    previous = audit.GENESIS
    for event in events:
        event.previous_hash = previous
        event.hash = previous = audit.entry_hash(
            previous, event.occurred_at, event.actor_email, event.action, event.details
        )
        event.save()
    AuditHead.update(last_id=events[-1].id, last_hash=previous).where(
        AuditHead.organization == organization
    ).execute()


def service_says_intact(service, client: ServiceClient) -> bool:
    return call(service, "GET", "/v1/audit-events", token=client.token)[1]["chain"]["intact"]


def test_an_unchanged_trail_passes_and_moves_on(service, admin):
    assert check_continuity(admin, first_org()) is None
    admin.report_audit_event("receipts exported", {"count": 3})
    assert check_continuity(admin, first_org()) is None  # new entries after the one seen are fine
    assert check_continuity(admin, first_org()) is None


def test_a_cut_trail_is_caught_though_the_service_finds_it_intact(service, admin):
    assert check_continuity(admin, first_org()) is None
    with service_db.connection_context():
        organization, events = northwind_chain()
        for event in events[-2:]:
            event.delete_instance()
        rehash_from(organization, events[:-2])
    assert service_says_intact(service, admin)
    found = check_continuity(admin, first_org())
    assert found is not None and found.gone and found.entry_id == events[-1].id


def test_a_rewritten_trail_is_caught_and_the_warning_stays(service, admin):
    assert check_continuity(admin, first_org()) is None
    with service_db.connection_context():
        organization, events = northwind_chain()
        events[1].details = '{"count": 99}'  # an entry in the middle, then every hash after it
        rehash_from(organization, events)
    assert service_says_intact(service, admin)
    found = check_continuity(admin, first_org())
    assert found is not None and not found.gone and found.entry_id == events[-1].id
    admin.report_audit_event("receipts exported", {"count": 1})
    assert check_continuity(admin, first_org()) == found  # still the entry seen before the rewrite


def test_the_dialog_says_so(qtbot, service, admin):
    check_continuity(admin, first_org())
    with service_db.connection_context():
        organization, events = northwind_chain()
        events[-1].delete_instance()
        rehash_from(organization, events[:-1])
    dialog = AuditLogDialog(AuditTrail(admin, first_org()))
    qtbot.addWidget(dialog)
    dialog.show()
    label = dialog.findChild(QLabel, "auditContinuityLabel")
    qtbot.waitUntil(label.isVisible, timeout=TIMEOUT)
    assert "was cut since you last looked" in label.text()
    assert f"entry #{events[-1].id}" in label.text()
