"""The billing profile on the desktop: edited in its dialog, kept here at once, sent by the sync
(waiting while the service is away), refused by name, and its default PO number used."""

import json

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit

from desktop.access import acting_administrator
from desktop.billing_profile import billing_profile, save_billing_profile
from desktop.demo import seed_demo
from desktop.models import AuditEvent, ProfileOutbox
from desktop.service_client import ServiceClient
from desktop.sync import Credentials, SyncEngine
from service import demo_data
from service.models import BillingProfile as ServiceProfile
from service.models import Organization, service_db
from tests.conftest import first_org
from tests.service_helpers import PASSWORD, start_demo_service
from tests.test_main_window import TIMEOUT, child, open_window

NORTHWIND = demo_data.NORTHWIND.billing_profile


@pytest.fixture
def window(qtbot, sqlite_db):
    seed_demo()
    return open_window(qtbot)


def test_the_dialog_shows_the_profile_and_names_a_wrong_field(qtbot, window):
    dialog = window.show_billing_profile()
    name = child(dialog, QLineEdit, "legalNameEdit")
    qtbot.waitUntil(lambda: name.text() != "", timeout=TIMEOUT)  # read off the GUI thread
    assert name.text() == NORTHWIND["legal_name"]
    assert dialog.country.currentData() == "US"
    assert dialog.emails.toPlainText().splitlines() == NORTHWIND["billing_emails"]
    dialog.country.setCurrentIndex(dialog.country.findData("DE"))
    dialog.tax_id.setText("DE123456789")  # its check digit is wrong
    dialog.save()
    error = dialog._errors[dialog.tax_id]  # right below the Tax ID field
    qtbot.waitUntil(lambda: "tax ID" in error.text(), timeout=TIMEOUT)
    assert "DE" in error.text() and error.isVisible()
    assert dialog.tax_id.accessibleDescription() == error.text()
    assert "border" in dialog.tax_id.styleSheet()  # the field is marked
    assert child(dialog, QLabel, "billingProfileMessageLabel").text() == ""
    assert dialog.tax_id.hasFocus() or not dialog.isActiveWindow()
    shown = [e for e in dialog._errors.values() if e.isVisible()]
    assert shown == [error]  # only the refused field
    assert not ProfileOutbox.select().exists()  # nothing kept, nothing to send
    assert billing_profile(first_org()).country == "US"
    dialog.tax_id.setText("DE136695976")
    dialog.save()  # a new try clears the mark
    assert not error.isVisible() and dialog.tax_id.styleSheet() == ""


def test_a_saved_profile_is_kept_queued_and_audited(qtbot, window):
    dialog = window.show_billing_profile()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=TIMEOUT)
    dialog.default_po.setText("PO-NW-2027")
    dialog.emails.setPlainText("AP@northwind.example\nap@northwind.example\n")
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT):
        dialog.save()
    profile = billing_profile(first_org())
    assert profile.default_purchase_order == "PO-NW-2027"
    assert profile.billing_emails == ("AP@northwind.example",)
    queued = json.loads(ProfileOutbox.get().changes)
    assert queued["default_purchase_order"] == "PO-NW-2027"
    assert AuditEvent.select().where(AuditEvent.action == "billing profile changed").exists()
    edit = child(window, QLineEdit, "purchaseOrderEdit")  # Add Seats fills it in
    window.refresh_contract()
    qtbot.waitUntil(lambda: edit.text() == "PO-NW-2027", timeout=TIMEOUT)


def engine(service_url: str) -> SyncEngine:
    return SyncEngine(
        ServiceClient(service_url, timeout=2), Credentials("billing@example.com", PASSWORD)
    )


def service_profile() -> dict:
    with service_db.connection_context():
        northwind = Organization.get(Organization.name == demo_data.ORGANIZATION)
        row = ServiceProfile.get(ServiceProfile.organization == northwind)
        return {"legal_name": row.legal_name, "tax_id": row.tax_id, "country": row.country}


def test_an_edit_made_offline_waits_then_reaches_the_service(tmp_path, sqlite_db):
    seed_demo()
    admin = acting_administrator("billing@example.com")
    save_billing_profile(admin, {**NORTHWIND, "legal_name": "Northwind Traders Holding, Inc."})
    offline = engine("http://127.0.0.1:9").run_once()
    assert not offline.online
    entry = ProfileOutbox.get()  # still waiting
    assert (
        billing_profile(first_org()).legal_name == "Northwind Traders Holding, Inc."
    )  # kept meanwhile
    service = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}")
    try:
        ProfileOutbox.update(next_attempt_at=entry.created_at).execute()
        report = engine(service.url).run_once()
        assert report.online and report.problem is None, report.problem
        assert not ProfileOutbox.select().exists()
        assert service_profile()["legal_name"] == "Northwind Traders Holding, Inc."
    finally:
        service.stop()


def test_a_refused_edit_is_named_and_the_services_profile_comes_back(tmp_path, sqlite_db):
    seed_demo()
    service = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}")
    try:
        # An edit the service's rules refuse (a desktop of an older version let it through).
        ProfileOutbox.create(organization=first_org(), changes=json.dumps({"country": "ZZ"}))
        report = engine(service.url).run_once()
        assert "did not accept the billing profile" in report.problem
        assert "country" in report.problem.lower()
        assert not ProfileOutbox.select().exists()
        assert billing_profile(first_org()).country == service_profile()["country"] == "US"
    finally:
        service.stop()
