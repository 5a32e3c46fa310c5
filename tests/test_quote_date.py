"""The quote date travels with the order: an order sent days after its total was shown is
priced on that day, on both databases, or refused with today's total once the grace is over."""

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from billing.orders import order_body
from billing.proration import quote
from db.database import close_database, open_database
from service import audit
from service.models import Administrator, Contract, Organization, PermissionSet, service_db
from service.orders import OrderProblem, ProvisioningDelay, place_order
from service.server import MIGRATIONS

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too

NEW_YORK, BERLIN = "America/New_York", "Europe/Berlin"
MANAGER = {
    "account_manager_name": "Dana Whitfield",
    "account_manager_email": "dana.whitfield@example.com",
    "account_manager_phone": "+1 555 0142 310",
}


@pytest.fixture
def service(any_db_url):
    open_database(any_db_url, service_db, MIGRATIONS)
    yield
    close_database(service_db)


def organization(name: str, zone: str, currency: str, *terms) -> Administrator:
    """An organization with an administrator and contracts (start, end, price, unit)."""
    org = Organization.create(name=name, currency=currency, timezone=zone)
    audit.start_chain(org.id)
    for start, end, price, unit in terms:
        Contract.create(
            organization=org,
            start_date=start,
            end_date=end,
            licensed_seats=20,
            monthly_price_per_seat=Decimal(price),
            currency=currency,
            proration_unit=unit,
            **MANAGER,
        )
    rights = PermissionSet.create(organization=org, name="Billing", manage_account=True)
    return Administrator.create(
        organization=org,
        name=f"Admin of {name}",
        email=f"admin@{name.lower()}.example",
        password_hash="unused",
        permission_set=rights,
    )


def northwind() -> Administrator:
    """USD, prorated by month, March 2026 to February 2027."""
    return organization(
        "Northwind", NEW_YORK, "USD", (date(2026, 3, 1), date(2027, 2, 28), "12.50", "month")
    )


def contoso() -> Administrator:
    """EUR, prorated by day, the calendar year 2026, then a renewed contract for 2027."""
    return organization(
        "Contoso",
        BERLIN,
        "EUR",
        (date(2026, 1, 1), date(2026, 12, 31), "9.90", "day"),
        (date(2027, 1, 1), date(2027, 12, 31), "10.20", "day"),
    )


def at_noon(day: date, zone: str) -> datetime:
    return datetime.combine(day, time(12), ZoneInfo(zone)).astimezone(UTC)


def send(administrator, key, seats, amount, quote_date, now):
    body = order_body(seats, Decimal(amount), quote_date, "I acknowledge")
    return place_order(administrator, key, body, ProvisioningDelay(0, 0), now)


@pytest.mark.parametrize(
    "quoted_on, sent_after_days, months, amount",
    [
        # Nov 26 through Feb 28 is 3 months and 3 days: 4 months; 5 x 12.50 x 4 = 250.00.
        (date(2026, 11, 26), 1, 4, "250.00"),
        (date(2026, 11, 26), 6, 4, "250.00"),
        (date(2026, 11, 26), 7, 4, "250.00"),  # the last day of the grace period
        # Across a month boundary: on Dec 1 the same seats would cost 3 months (187.50).
        (date(2026, 11, 30), 1, 4, "250.00"),
    ],
)
def test_a_late_order_is_priced_on_its_quote_date(
    service, quoted_on, sent_after_days, months, amount
):
    admin = northwind()
    now = at_noon(quoted_on + timedelta(days=sent_after_days), NEW_YORK)
    order, replayed = send(admin, "MA-LATE-0001", 5, amount, quoted_on, now)
    assert not replayed
    assert (order.period_start, order.period_end) == (quoted_on, date(2027, 2, 28))
    assert order.prorated_months == months
    assert order.amount_minor == int(Decimal(amount) * 100)


def test_an_order_older_than_the_grace_period_gets_todays_total(service):
    admin = northwind()
    quoted_on, now = date(2026, 11, 26), at_noon(date(2026, 12, 4), NEW_YORK)  # 8 days later
    with pytest.raises(OrderProblem) as refused:
        send(admin, "MA-LATE-0002", 5, "250.00", quoted_on, now)
    problem = refused.value
    assert (problem.status, problem.code) == (409, "quote_expired")
    fresh = problem.extra["quote"]
    # Dec 4 through Feb 28: 3 months; 5 x 12.50 x 3 = 187.50, quoted as of the service's today.
    assert (fresh["as_of"], fresh["prorated_months"], fresh["amount"]) == (
        "2026-12-04",
        3,
        "187.50",
    )
    assert Contract.select().count() == 1 and admin.orders.count() == 0


def test_a_replay_after_the_grace_period_answers_as_the_first_time(service):
    admin = northwind()
    quoted_on = date(2026, 11, 26)
    first, _ = send(admin, "MA-LATE-0003", 2, "100.00", quoted_on, at_noon(quoted_on, NEW_YORK))
    again, replayed = send(
        admin, "MA-LATE-0003", 2, "100.00", quoted_on, at_noon(date(2027, 1, 20), NEW_YORK)
    )
    assert replayed and again.id == first.id


@pytest.mark.parametrize(
    "quoted_on, sent_after_days, working, amount",
    [
        # 3 x 9.90 x 12 months x 32/365 days = 31.2460... -> 31.25; on Dec 1 it would be 31 days.
        (date(2026, 11, 30), 1, (12, 32, 365), "31.25"),
        (date(2026, 11, 30), 6, (12, 32, 365), "31.25"),
        # The last day of the 2026 contract, sent when the 2027 one is in force:
        # 3 x 9.90 x 12 x 1/365 = 0.9764... -> 0.98, on the 2026 contract.
        (date(2026, 12, 31), 1, (12, 1, 365), "0.98"),
    ],
)
def test_a_day_unit_order_keeps_its_days_and_its_contract(
    service, quoted_on, sent_after_days, working, amount
):
    admin = contoso()
    now = at_noon(quoted_on + timedelta(days=sent_after_days), BERLIN)
    order, _ = send(admin, "MA-DAYS-0001", 3, amount, quoted_on, now)
    assert order.period_start == quoted_on
    assert order.contract.start_date == date(2026, 1, 1)  # the contract in force on the quote date
    assert order.amount_minor == int(Decimal(amount) * 100)
    months, days, term_days = working
    exact = 3 * Decimal("9.90") * months * days / term_days
    assert abs(exact - Decimal(amount)) <= Decimal("0.005")
    assert quote(order.contract, 3, quoted_on).working.days == days


def test_a_changed_price_is_still_refused_with_the_price_on_the_quote_date(service):
    admin = contoso()
    quoted_on = date(2026, 11, 30)
    with pytest.raises(OrderProblem) as refused:
        send(admin, "MA-DAYS-0002", 3, "30.27", quoted_on, at_noon(date(2026, 12, 1), BERLIN))
    assert (refused.value.status, refused.value.code) == (409, "quote_changed")
    assert refused.value.extra["quote"]["amount"] == "31.25"


def test_a_quote_date_after_today_where_the_organization_is_is_refused(service):
    admin = northwind()
    # 03:00 UTC on Nov 27 is still Nov 26 in New York.
    now = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)
    with pytest.raises(OrderProblem) as refused:
        send(admin, "MA-SOON-0001", 1, "50.00", date(2026, 11, 27), now)
    assert (refused.value.status, refused.value.code) == (422, "quote_date_in_future")


def test_a_quote_date_before_any_contract_is_refused(service):
    admin = northwind()
    with pytest.raises(OrderProblem) as refused:
        send(
            admin,
            "MA-EARLY-001",
            1,
            "150.00",
            date(2026, 2, 27),
            at_noon(date(2026, 3, 2), NEW_YORK),
        )
    assert (refused.value.status, refused.value.code) == (422, "contract_not_started")


def test_without_a_quote_date_the_services_today_prices_it(service):
    """Desktops older than the quote date still order as before."""
    admin = northwind()
    now = at_noon(date(2026, 12, 1), NEW_YORK)
    body = order_body(1, Decimal("37.50"), date(2026, 12, 1), "I acknowledge")
    del body["quote_date"]
    order, _ = place_order(admin, "MA-OLD-00001", body, ProvisioningDelay(0, 0), now)
    assert (order.period_start, order.prorated_months) == (date(2026, 12, 1), 3)
