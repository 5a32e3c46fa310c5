"""Two organizations on one computer, through the real sync against the real service: each sees
its own contract, purchases, documents and notices, never the other's."""

import json
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QLabel

from desktop.access import acting_administrator, forget_contract_data
from desktop.account import current_contract, organization
from desktop.archive import export_documents
from desktop.history import HistoryQuery, count_purchases, iter_purchases
from desktop.ledger import close_ledger, open_ledger
from desktop.models import Contract, Organization, SeatPurchase, SyncState
from desktop.overview import load_overview
from desktop.receipts import UnknownTransaction, date_range_query, receipt_pdf
from desktop.service_client import ServiceClient
from desktop.sync import FEED_KEY, Credentials, SyncEngine
from service import demo_data
from service.models import SeatOrder, service_db
from tests.service_helpers import start_demo_service

NORTHWIND = Credentials("billing@example.com", demo_data.PASSWORD)
CONTOSO = Credentials("admin@contoso.example", demo_data.CONTOSO.password)


@pytest.fixture
def service(tmp_path):
    running = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}")
    yield running
    running.stop()


@pytest.fixture
def both(any_db_url, service):
    """A desktop database, empty at first, that both organizations synced into."""
    open_ledger(any_db_url)
    engines = {}
    for credentials in (NORTHWIND, CONTOSO):
        engine = SyncEngine(ServiceClient(service.url), credentials)
        report = engine.run_once()
        assert report.online and report.problem is None, report
        engines[credentials.email] = engine
    yield engines
    close_ledger()


def service_orders(name: str) -> dict[str, SeatOrder]:
    with service_db.connection_context():
        orders = SeatOrder.select().join_from(SeatOrder, SeatOrder.organization.rel_model)
        found = orders.where(SeatOrder.organization.rel_model.name == name)
        return {order.transaction_id: order for order in found}


def test_each_organization_keeps_its_own_orders_contract_and_cursor(both):
    northwind = both[NORTHWIND.email].organization
    contoso = both[CONTOSO.email].organization
    assert northwind.id != contoso.id
    assert (northwind.name, northwind.currency) == ("Northwind Traders", "USD")
    assert (contoso.name, contoso.currency, contoso.timezone) == (
        "Contoso Pharmaceuticals",
        "EUR",
        "Europe/Berlin",
    )
    for org, name in ((northwind, "Northwind Traders"), (contoso, "Contoso Pharmaceuticals")):
        on_service = service_orders(name)
        here = {row.transaction_id: row for row in iter_purchases(HistoryQuery(org.id))}
        assert set(here) == set(on_service)  # all imported, none of the other's
        assert {row.currency for row in here.values()} == {org.currency}
        assert count_purchases(HistoryQuery(org.id)) == len(on_service)
        assert SyncState.read(org, FEED_KEY) is not None
    assert current_contract(northwind).licensed_seats != current_contract(contoso).licensed_seats
    assert load_overview(contoso).contract.currency == "EUR"
    assert load_overview(northwind).contract.currency == "USD"


def test_imported_purchases_sit_on_the_contract_they_were_made_on(both):
    purchases = list(SeatPurchase.select(SeatPurchase, Contract).join(Contract))
    assert len({p.contract_id for p in purchases}) > 2  # earlier contracts too, not all on one
    for purchase in purchases:
        contract = purchase.contract
        assert contract.organization_id == purchase.organization_id
        assert contract.start_date <= purchase.period_start <= contract.end_date
        assert purchase.period_end == contract.end_date  # coterminous with its own contract


def test_imported_purchases_keep_the_bill_to_party_of_their_organization(both):
    contoso = both[CONTOSO.email].organization
    for purchase in SeatPurchase.select():
        bill_to = json.loads(purchase.parties)["bill_to"]
        expected = (
            "Contoso Pharmaceuticals GmbH"
            if purchase.organization_id == contoso.id
            else ("Northwind Traders, Inc.")
        )
        assert bill_to["legal_name"] == expected


def test_documents_and_receipts_are_of_one_organization(both, tmp_path):
    northwind = both[NORTHWIND.email].organization
    contoso = both[CONTOSO.email].organization
    theirs = SeatPurchase.select().where(SeatPurchase.organization == contoso).first()
    with pytest.raises(UnknownTransaction):
        receipt_pdf(northwind, theirs.transaction_id, "en_US")
    assert b"Contoso Pharmaceuticals GmbH" in _text(
        receipt_pdf(contoso, theirs.transaction_id, "en_US")
    )
    today = datetime.now(UTC).date()
    query = date_range_query(northwind, today.replace(year=today.year - 3), today)
    written = export_documents(query, tmp_path / "n.zip", "en_US", tmp_path)
    assert written == count_purchases(HistoryQuery(northwind.id))


def test_losing_manage_account_in_one_forgets_only_that_one(both):
    northwind = both[NORTHWIND.email].organization
    contoso = both[CONTOSO.email].organization
    before = count_purchases(HistoryQuery(northwind.id))
    forget_contract_data(contoso)
    assert count_purchases(HistoryQuery(contoso.id)) == 0
    assert current_contract(contoso) is None
    assert count_purchases(HistoryQuery(northwind.id)) == before > 0
    assert current_contract(northwind) is not None


def test_the_organization_opened_is_the_one_signed_in_to_last(both, service):
    assert organization().name == "Contoso Pharmaceuticals"  # signed in second
    assert acting_administrator().organization.name == "Contoso Pharmaceuticals"
    SyncEngine(ServiceClient(service.url), NORTHWIND).run_once()
    assert organization().name == "Northwind Traders"
    assert organization(CONTOSO.email).name == "Contoso Pharmaceuticals"
    assert acting_administrator(CONTOSO.email).organization.name == "Contoso Pharmaceuticals"
    assert Organization.select().count() == 2


@pytest.mark.parametrize("locale", ["en_US", "de_DE"])
def test_switching_account_shows_that_organization_only_and_back_intact(qtbot, qapp, both, locale):
    """Switch Account starts the window again for the one signed in: each time its own title,
    contract, price and purchases; switching back shows the first as it was."""
    from desktop.i18n import install_translations

    install_translations(qapp, locale[:2])
    try:
        seen = [shown_to(qtbot, email, locale) for email in (NORTHWIND.email, CONTOSO.email)]
        seen.append(shown_to(qtbot, NORTHWIND.email, locale))
    finally:
        install_translations(qapp, "en")
    assert seen[0] == seen[2] != seen[1]


def shown_to(qtbot, email: str, locale: str) -> tuple[str, str, int]:
    """The window as the administrator with `email` sees it: title, price per seat, purchases."""
    from desktop.application import Application
    from ui.main_window import MainWindow
    from ui.tasks import wait_for_background_work

    administrator = acting_administrator(email)
    org = administrator.organization
    purchases = count_purchases(HistoryQuery(org.id))
    window = MainWindow(Application(administrator, locale))
    qtbot.addWidget(window)
    window.show()
    price, rows = window.findChild(QLabel, "pricePerSeatLabel"), window.history_tab.model
    qtbot.waitUntil(lambda: window.count_label.text().startswith(f"{purchases} "), timeout=15000)
    qtbot.waitUntil(lambda: price.text() not in ("", "…"), timeout=15000)
    qtbot.waitUntil(lambda: rows.rowCount() == purchases, timeout=15000)
    assert window.windowTitle().endswith(org.name)
    assert ("€" in price.text()) == (org.currency == "EUR")
    assert ("$" in price.text()) == (org.currency == "USD")
    assert {rows.row_at(i).currency for i in range(purchases)} == {org.currency}
    shown = (window.windowTitle(), price.text(), purchases)
    window.close()
    wait_for_background_work()
    return shown


def open_at_version_11(url: str, tmp_path) -> None:
    """The ledger at `url` as version 11 made it: one organization's, without keys."""
    import shutil

    from desktop.ledger import MIGRATIONS_DIR

    version_11 = tmp_path / "migrations"
    version_11.mkdir()
    for migration in sorted(MIGRATIONS_DIR.glob("00[01][0-9]_*.py"))[:11]:
        shutil.copy(migration, version_11)
    open_ledger(url, migrations=version_11)


def permission_set_of_version_11(name: str, manage_account: bool) -> int:
    """A permission set's key, written with version 11's columns (today's model has more)."""
    from peewee import Table

    from desktop.models import database

    columns = ("id", "name", "manage_account", "manage_permission_sets")
    table = Table("permission_set", columns, primary_key="id").bind(database)
    return table.insert(
        name=name, manage_account=manage_account, manage_permission_sets=False
    ).execute()


def _text(pdf: bytes) -> bytes:
    from io import BytesIO

    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages).encode()


def test_an_upgrade_moves_one_organizations_data_under_it(any_db_url, tmp_path, service):
    """Version 12: what a database of version 11 held (one organization's) is that
    organization's, and the next sign-in gives it the service's key instead of a new one."""
    from desktop.models import Administrator, PermissionSet, VendorDetails

    open_at_version_11(any_db_url, tmp_path)
    org = Organization.create(name="Northwind Traders", currency="USD", timezone="UTC")
    rights = permission_set_of_version_11("Billing", manage_account=True)
    Administrator.create(name="Priya Raman", email=NORTHWIND.email, permission_set=rights)
    SyncState.create(key="renewed_until", value="2025-08-31")
    VendorDetails.create(
        legal_name="V", address="A", tax_id="T", support_email="e", support_phone="p",
        payment_terms_days=30,
    )  # fmt: skip
    close_ledger()
    open_ledger(any_db_url)
    try:
        for model in (PermissionSet, Administrator, SyncState, VendorDetails):
            assert [row.organization_id for row in model.select()] == [org.id], model
        assert SyncState.read(org, "renewed_until") == "2025-08-31"
        SyncEngine(ServiceClient(service.url), NORTHWIND).run_once()
        assert Organization.select().count() == 1  # the same one, now keyed
        keyed = Organization.get_by_id(org.id)
        assert keyed.service_key is not None and keyed.last_used_at is not None
        assert count_purchases(HistoryQuery(org.id)) == len(service_orders("Northwind Traders"))
    finally:
        close_ledger()


def test_after_an_upgrade_another_organization_signing_in_first_gets_its_own(
    any_db_url, tmp_path, service
):
    """Version 11 kept whoever signed in within its one organization (File > Switch Account to
    Contoso left Contoso's administrator in Northwind's). Contoso signing in first after the
    upgrade gets an organization of its own: Northwind's queued purchase is never its."""
    from desktop.models import Administrator, Outbox

    open_at_version_11(any_db_url, tmp_path)
    org = Organization.create(name="Northwind Traders", currency="USD", timezone="UTC")
    rights = permission_set_of_version_11("Billing", manage_account=True)
    for email in (NORTHWIND.email, CONTOSO.email):
        Administrator.create(name=email, email=email, permission_set=rights)
    close_ledger()
    open_ledger(any_db_url)
    try:
        SyncEngine(ServiceClient(service.url), NORTHWIND).run_once()  # its contract and orders
        Outbox.update(next_attempt_at=datetime(2100, 1, 1, tzinfo=UTC)).execute()
        engine = SyncEngine(ServiceClient(service.url), CONTOSO)
        assert engine.run_once().problem is None
        contoso = engine.organization
        assert contoso.id != org.id and contoso.name == "Contoso Pharmaceuticals"
        assert Organization.get_by_id(org.id).name == "Northwind Traders"
        ours = {row.currency for row in iter_purchases(HistoryQuery(contoso.id))}
        assert ours == {"EUR"}
        assert acting_administrator(CONTOSO.email).organization_id == contoso.id
    finally:
        close_ledger()


class OlderServiceClient(ServiceClient):
    """A service from before organization keys: its sign-in and contract name no organization
    id (nor the sign-in the organization's name)."""

    def sign_in(self, *args, **kwargs) -> dict:
        session = super().sign_in(*args, **kwargs)
        for key in ("organization", "organization_id"):
            session["administrator"].pop(key, None)
        return session

    def contract(self) -> dict:
        answer = super().contract()
        answer.pop("organization_id", None)
        return answer


def test_an_older_service_fills_a_new_database_under_one_organization(any_db_url, service):
    open_ledger(any_db_url)
    try:
        engine = SyncEngine(OlderServiceClient(service.url), NORTHWIND)
        assert engine.run_once().problem is None
        (only,) = Organization.select()
        assert (only.name, only.currency, only.service_key) == ("Northwind Traders", "USD", None)
        assert acting_administrator(NORTHWIND.email).organization_id == only.id
        assert current_contract(only) is not None
        assert count_purchases(HistoryQuery(only.id)) == len(service_orders("Northwind Traders"))
    finally:
        close_ledger()
