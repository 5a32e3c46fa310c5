"""Invoices on the service, over HTTP, on both databases and for both organizations: issued on
provisioning, due after the terms, overdue, paid from the command line, filtered, paged, and
their PDF verified by its SHA-256 and read back."""

import hashlib
import io
import urllib.request
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from billing.invoices import shown_status
from db.fields import utc_now
from service import demo_data
from service.models import Invoice, Organization, service_db
from service.orders import provision_due
from service.server import main as service_main
from tests.service_helpers import call, start_demo_service

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too


@pytest.fixture
def service(any_db_url):
    running = start_demo_service(any_db_url, delay=(3600, 3600))
    yield running
    running.stop()


def token_of(service, plan: demo_data.DemoOrganization) -> str:
    body = {"email": plan.administrators[0][1], "password": plan.password}
    return call(service, "POST", "/v1/sessions", body)[1]["token"]


def all_invoices(service, token: str, query: str = "") -> list[dict]:
    found, page = [], call(service, "GET", f"/v1/invoices?limit=5{query}", token=token)[1]
    while True:
        found += page["invoices"]
        if not page["has_more"]:
            return found
        cursor = page["cursor"]
        page = call(service, "GET", f"/v1/invoices?limit=5&cursor={cursor}{query}", token=token)[1]


@pytest.mark.parametrize("plan", demo_data.ORGANIZATIONS)
def test_every_demo_purchase_has_its_invoice_and_every_status_shows(service, plan):
    token = token_of(service, plan)
    found = all_invoices(service, token)
    planned = plan.purchases(plan.today())
    assert sorted(i["number"] for i in found) == sorted(p.invoice_number for p in planned)
    assert len({i["number"] for i in found}) == len(found)  # none twice across pages
    statuses = {i["status"] for i in found}
    assert "overdue" in statuses and "paid" in statuses
    for invoice in found:
        issued = date.fromisoformat(invoice["issue_date"])
        assert date.fromisoformat(invoice["due_date"]) == issued + timedelta(days=30)
        assert invoice["total"] == invoice["amount"]  # no tax added in the demo
        if invoice["status"] == "overdue":
            assert date.fromisoformat(invoice["due_date"]) < plan.today()
    for status in ("overdue", "paid"):
        only = all_invoices(service, token, f"&status={status}")
        assert only and {i["status"] for i in only} == {status}


def test_a_provisioned_order_is_invoiced_open_then_paid_from_the_command_line(service, any_db_url):
    token = token_of(service, demo_data.NORTHWIND)
    status, quoted = call(service, "GET", "/v1/quote?seats=3", token=token)
    order = {
        "seats": 3,
        "quoted_amount": quoted["amount"],
        "acknowledged": True,
        "acknowledgement_text": "I acknowledge",
        "purchase_order": "PO-INV-1",
    }
    call(service, "POST", "/v1/seat-orders", order, token, {"Idempotency-Key": "MA-INVO-0001"})
    with service_db.connection_context():
        assert provision_due(utc_now() + timedelta(hours=2)) == 1
    number = call(service, "GET", "/v1/seat-orders/MA-INVO-0001", token=token)[1]["order"][
        "invoice_number"
    ]
    status, answer = call(service, "GET", f"/v1/invoices/{number}", token=token)
    assert status == 200
    invoice = answer["invoice"]
    assert (invoice["status"], invoice["amount"], invoice["transaction_id"]) == (
        "open",
        quoted["amount"],
        "MA-INVO-0001",
    )
    assert service_main(["mark-paid", number, "--database", any_db_url]) == 0
    paid = call(service, "GET", f"/v1/invoices/{number}", token=token)[1]["invoice"]
    assert paid["status"] == "paid" and paid["paid_at"]
    assert service_main(["mark-paid", number, "--database", any_db_url]) == 1  # not open now


def test_an_open_invoice_past_its_due_date_is_overdue():
    invoice = Invoice(status="open", due_date=date(2026, 11, 1))
    assert shown_status(invoice.status, invoice.due_date, date(2026, 11, 1)) == "open"
    assert shown_status(invoice.status, invoice.due_date, date(2026, 11, 2)) == "overdue"
    assert shown_status("paid", date(2026, 1, 1), date(2026, 3, 1)) == "paid"


def pdf_of(service, token: str, number: str) -> tuple[int, bytes, dict]:
    request = urllib.request.Request(
        f"{service.url}/v1/invoices/{number}/pdf", headers={"Authorization": f"Bearer {token}"}
    )
    try:
        with urllib.request.urlopen(request) as answer:
            return answer.status, answer.read(), {k.lower(): v for k, v in answer.headers.items()}
    except urllib.error.HTTPError as error:
        return error.code, error.read(), {}


@pytest.mark.parametrize("plan", demo_data.ORGANIZATIONS)
def test_the_invoice_pdf_carries_its_sha256_and_reads_back(service, plan):
    token = token_of(service, plan)
    invoice = all_invoices(service, token)[0]
    status, data, headers = pdf_of(service, token, invoice["number"])
    assert status == 200 and headers["content-type"] == "application/pdf"
    assert headers["x-content-sha256"] == hashlib.sha256(data).hexdigest()
    assert pdf_of(service, token, invoice["number"])[1] == data  # the same bytes every time
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert invoice["number"] in text and invoice["transaction_id"] in text
    assert plan.billing_profile["legal_name"] in text
    assert demo_data.VENDOR["legal_name"] in text
    reverse_charge = "Reverse charge" in text
    assert reverse_charge == (plan is demo_data.CONTOSO)  # an EU business with a VAT number


def test_another_organizations_invoice_is_not_found(service):
    northwind, contoso = (token_of(service, plan) for plan in demo_data.ORGANIZATIONS)
    theirs = all_invoices(service, northwind)[0]["number"]
    assert call(service, "GET", f"/v1/invoices/{theirs}", token=contoso)[0] == 404
    assert pdf_of(service, contoso, theirs)[0] == 404
    with service_db.connection_context():
        contoso_id = Organization.get(Organization.name == demo_data.CONTOSO.name).id
        assert (
            not Invoice.select()
            .where((Invoice.organization == contoso_id) & (Invoice.number == theirs))
            .exists()
        )


def test_invoices_can_be_chosen_by_issue_date(service):
    token = token_of(service, demo_data.NORTHWIND)
    everything = all_invoices(service, token)
    days = sorted(date.fromisoformat(i["issue_date"]) for i in everything)
    first, last = days[3], days[-4]
    chosen = all_invoices(service, token, f"&issued_from={first}&issued_to={last}")
    assert sorted(i["number"] for i in chosen) == sorted(
        i["number"] for i in everything if first <= date.fromisoformat(i["issue_date"]) <= last
    )
    status, answer = call(service, "GET", "/v1/invoices?issued_from=2026-13-01", token=token)
    assert status == 400 and answer["error"]["parameter"] == "issued_from"
