"""The vendor's details and the billing profile over HTTP, on both databases, for both
organizations: tax IDs and e-mails checked, each refusal naming its field, each change audited."""

import pytest

from billing.profile import ProfileRefusal, check_profile, check_tax_id
from service import demo_data
from tests.service_helpers import call, start_demo_service


@pytest.fixture
def service(any_db_url):
    running = start_demo_service(any_db_url)
    yield running
    running.stop()


def token_of(service, plan: demo_data.DemoOrganization, email: str | None = None) -> str:
    body = {"email": email or plan.administrators[0][1], "password": plan.password}
    status, answer = call(service, "POST", "/v1/sessions", body)
    assert status == 201, answer
    return answer["token"]


@pytest.mark.parametrize("plan", demo_data.ORGANIZATIONS)
def test_each_organization_reads_its_own_profile_and_the_vendor(service, plan):
    token = token_of(service, plan)
    status, profile = call(service, "GET", "/v1/billing-profile", token=token)
    assert status == 200
    assert {k: profile[k] for k in plan.billing_profile} == plan.billing_profile
    status, vendor = call(service, "GET", "/v1/vendor", token=token)
    assert (status, vendor) == (200, demo_data.VENDOR)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"tax_id": "DE123456789"}, "tax_id"),  # a checksum that fails
        ({"country": "FR", "tax_id": "DE136695976"}, "tax_id"),  # another country's prefix
        ({"country": "ZZ"}, "country"),
        ({"legal_name": "  "}, "legal_name"),
        ({"legal_name": "A\tB"}, "legal_name"),
        ({"address": "x" * 501}, "address"),
        ({"billing_emails": ["ap@contoso.example", "not an address"]}, "billing_emails"),
        ({"billing_emails": [f"a{n}@contoso.example" for n in range(6)]}, "billing_emails"),
        ({"default_purchase_order": "PO\t1"}, "default_purchase_order"),
    ],
)
def test_a_wrong_field_is_422_naming_it_and_changes_nothing(service, changes, field):
    token = token_of(service, demo_data.CONTOSO)
    before = call(service, "GET", "/v1/billing-profile", token=token)[1]
    status, answer = call(service, "PATCH", "/v1/billing-profile", changes, token)
    assert status == 422
    assert answer["error"]["code"] == "invalid_billing_profile"
    assert answer["error"]["field"] == field
    assert answer["error"]["localizable"]["context"] == "BillingProfile"
    assert call(service, "GET", "/v1/billing-profile", token=token)[1] == before


def test_a_change_is_kept_in_standard_form_and_audited(service):
    token = token_of(service, demo_data.CONTOSO)
    changes = {
        "tax_id": "de 136 695 976",
        "billing_emails": ["AP@Contoso.example", "ap@contoso.example", "einkauf@contoso.example"],
    }
    status, profile = call(service, "PATCH", "/v1/billing-profile", changes, token)
    assert status == 200
    assert profile["tax_id"] == "DE136695976"
    assert profile["billing_emails"] == ["AP@contoso.example", "einkauf@contoso.example"]
    events = call(service, "GET", "/v1/audit-events?action=billing+profile+changed", token=token)
    latest = events[1]["events"][0]
    assert latest["actor"] == "admin@contoso.example"
    assert latest["details"] == {"fields": ["billing_emails"]}  # the tax ID was the same number
    northwind = token_of(service, demo_data.NORTHWIND)
    other = call(service, "GET", "/v1/billing-profile", token=northwind)[1]
    assert other["billing_emails"] == demo_data.NORTHWIND.billing_profile["billing_emails"]


def test_a_viewer_may_read_the_vendor_but_not_the_profile(service):
    token = token_of(service, demo_data.NORTHWIND, "viewer@example.com")
    assert call(service, "GET", "/v1/vendor", token=token)[0] == 200
    assert call(service, "GET", "/v1/billing-profile", token=token)[0] == 403
    status, _ = call(service, "PATCH", "/v1/billing-profile", {"legal_name": "X"}, token)
    assert status == 403


@pytest.mark.parametrize(
    ("number", "country", "kept"),
    [
        ("DE136695976", "DE", "DE136695976"),
        ("136695976", "DE", "DE136695976"),  # the prefix may be left out
        ("EL 094259216", "GR", "EL094259216"),  # Greece's prefix is EL
        ("04-2103594", "US", "04-2103594"),
        ("", "DE", None),
        ("ABC-123", "AQ", "ABC-123"),  # no numbers known for the country: kept as given
    ],
)
def test_tax_ids_by_country(number, country, kept):
    assert check_tax_id(number, country) == kept


def test_the_profile_needs_a_country_a_name_and_an_address():
    with pytest.raises(ProfileRefusal) as refused:
        check_profile({"legal_name": "X", "address": "Y"})
    assert refused.value.field == "country"
    good = check_profile({"legal_name": "X", "address": "a\r\n\r\nb", "country": "us"})
    assert (good.country, good.address, good.billing_emails) == ("US", "a\nb", ())


@pytest.mark.parametrize("field", ["legal_name", "address", "country", "tax_id"])
def test_a_field_that_is_not_text_is_refused_by_name(field):
    values = {"legal_name": "X", "address": "Y", "country": "US", field: {}}
    with pytest.raises(ProfileRefusal) as refused:
        check_profile(values)
    assert refused.value.field == field and field in str(refused.value)
