"""The vendor's commands name the organization they change: an invoice number both Northwind and
Contoso have changes nothing until one is named; each change is in that organization's audit
trail with the operator's name. On SQLite and PostgreSQL."""

import pytest

from db.database import close_database, open_database
from service import demo_data
from service.admin import INVOICE_PAID, MIGRATIONS, REQUEST_ANSWERED
from service.audit import verify_chain
from service.models import (
    Administrator,
    AuditEvent,
    Contract,
    Invoice,
    Organization,
    ReductionRequest,
    service_db,
)
from service.seed import seed_demo
from service.server import main as service_main


@pytest.fixture
def seeded(any_db_url):
    """A demo database, closed again so each command opens it as it would in production."""
    open_database(any_db_url, service_db, MIGRATIONS)
    seed_demo()
    close_database(service_db)
    yield any_db_url
    close_database(service_db)


def read(url: str, query):
    open_database(url, service_db, MIGRATIONS)
    try:
        return query()
    finally:
        close_database(service_db)


def organizations(url: str) -> dict[str, int]:
    return read(url, lambda: {each.name: each.id for each in Organization.select()})


def open_in_both(url: str) -> str:
    """An invoice number open in both organizations: Contoso's first open invoice's, given to
    Northwind's first open one too (numbers are per organization, so both may have it)."""

    def shared() -> str:
        first: dict[int, Invoice] = {}
        for invoice in Invoice.select().where(Invoice.status == "open").order_by(Invoice.id):
            first.setdefault(invoice.organization_id, invoice)
        northwind, contoso = (first[i] for i in sorted(first))
        with service_db.atomic():
            Invoice.update(number=contoso.number).where(Invoice.id == northwind.id).execute()
        return contoso.number

    return read(url, shared)


def statuses(url: str, number: str) -> dict[int, str]:
    return read(
        url,
        lambda: {
            each.organization_id: each.status
            for each in Invoice.select().where(Invoice.number == number)
        },
    )


def operator_events(url: str, organization_id: int, action: str) -> list[tuple]:
    return read(
        url,
        lambda: list(
            AuditEvent.select(AuditEvent.actor_email, AuditEvent.details)
            .where((AuditEvent.organization == organization_id) & (AuditEvent.action == action))
            .tuples()
        ),
    )


def test_an_invoice_number_of_two_organizations_changes_nothing_until_one_is_named(seeded, capsys):
    ids = organizations(seeded)
    northwind, contoso = ids[demo_data.NORTHWIND.name], ids[demo_data.CONTOSO.name]
    number = open_in_both(seeded)
    assert statuses(seeded, number) == {northwind: "open", contoso: "open"}

    assert service_main(["mark-paid", number, "--database", seeded]) == 2
    said = capsys.readouterr().err
    assert f"Invoice {number} exists in 2 organizations; nothing was changed." in said
    assert f"--organization {northwind}  {demo_data.NORTHWIND.name}: open" in said
    assert f"--organization {contoso}  {demo_data.CONTOSO.name}: open" in said
    assert statuses(seeded, number) == {northwind: "open", contoso: "open"}
    assert operator_events(seeded, northwind, INVOICE_PAID) == []

    named = ["--organization", "contoso pharmaceuticals", "--operator", "Dana Whitfield"]
    assert service_main(["mark-paid", number, *named, "--database", seeded]) == 0
    assert f"{number} of {demo_data.CONTOSO.name} marked paid" in capsys.readouterr().out
    assert statuses(seeded, number) == {northwind: "open", contoso: "paid"}
    events = operator_events(seeded, contoso, INVOICE_PAID)
    assert events == [("Dana Whitfield", f'{{"number": "{number}", "operator": "Dana Whitfield"}}')]
    assert operator_events(seeded, northwind, INVOICE_PAID) == []
    assert read(seeded, lambda: verify_chain(contoso).intact)

    # Paid already in Contoso: 1, and still nothing in Northwind.
    assert service_main(["mark-paid", number, *named, "--database", seeded]) == 1
    assert statuses(seeded, number) == {northwind: "open", contoso: "paid"}
    by_id = ["--organization", str(northwind), "--operator", "Lena Vogel"]
    assert service_main(["mark-paid", number, *by_id, "--database", seeded]) == 0
    assert statuses(seeded, number) == {northwind: "paid", contoso: "paid"}
    assert [actor for actor, _ in operator_events(seeded, northwind, INVOICE_PAID)] == [
        "Lena Vogel"
    ]


def test_an_unknown_organization_lists_the_known_ones_and_changes_nothing(seeded, capsys):
    number = open_in_both(seeded)
    before = statuses(seeded, number)
    for named in ("Fabrikam", "999"):
        command = ["mark-paid", number, "--organization", named, "--database", seeded]
        assert service_main(command) == 2
        said = capsys.readouterr().err
        assert f"no organization {named!r}" in said
        assert demo_data.NORTHWIND.name in said and demo_data.CONTOSO.name in said
    assert statuses(seeded, number) == before


def test_an_answer_goes_only_to_a_request_of_the_named_organization(seeded, capsys):
    ids = organizations(seeded)
    northwind, contoso = ids[demo_data.NORTHWIND.name], ids[demo_data.CONTOSO.name]

    def make_request() -> int:
        contract = Contract.select().where(Contract.organization == northwind).first()
        administrator = Administrator.get(Administrator.organization == northwind)
        with service_db.atomic():
            return ReductionRequest.create(
                organization=northwind,
                contract=contract,
                administrator=administrator,
                seats_wanted=1,
                reason="Fewer people.",
            ).id

    request = read(seeded, make_request)
    wrong = ["--organization", str(contoso), "--text", "No.", "--database", seeded]
    assert service_main(["answer-request", str(request), *wrong]) == 1
    assert "no reduction request" in capsys.readouterr().err
    assert read(seeded, lambda: ReductionRequest.get_by_id(request).answer) is None

    hostile = ["--text", "Agreed.\u2028", "--database", seeded]
    assert service_main(["answer-request", str(request), *hostile]) == 2
    assert "U+2028" in capsys.readouterr().err

    right = ["--organization", demo_data.NORTHWIND.name, "--operator", "Dana Whitfield"]
    command = ["answer-request", str(request), *right, "--text", "Agreed.", "--database", seeded]
    assert service_main(command) == 0
    assert read(seeded, lambda: ReductionRequest.get_by_id(request).answer) == "Agreed."
    events = operator_events(seeded, northwind, REQUEST_ANSWERED)
    assert [actor for actor, _ in events] == ["Dana Whitfield"]
    assert operator_events(seeded, contoso, REQUEST_ANSWERED) == []
