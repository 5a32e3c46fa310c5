"""The account overview's figures and seat timeline, worked out from the ledger on both
databases, and the order summary's wording of the proration rule."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from billing.proration import exact_span, quote
from billing.statuses import Status
from desktop import formatting
from desktop.access import acting_administrator
from desktop.account import current_contract
from desktop.demo import seed_demo
from desktop.models import Contract, Organization, SeatPurchase
from desktop.overview import _term, load_overview
from desktop.purchasing import purchase_seats
from service import demo_data
from tests.conftest import first_org

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too

TODAY = date(2026, 11, 26)
NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


@pytest.fixture
def demo(any_db):
    seed_demo(TODAY)
    return any_db


def test_the_figures_are_the_demo_organizations(demo):
    overview = load_overview(first_org(), NOW)
    users = demo_data.USERS
    assert overview.contract.licensed_seats == demo_data.SEATS_NOW == 50
    assert overview.usage.assigned == 47
    assert (overview.usage.assigned_disabled, overview.usage.assigned_inactive) == (4, 3)
    assert overview.usage.assigned == (
        users.active_with_seat + users.disabled_with_seat + users.inactive_with_seat
    )
    ledger = SeatPurchase.select().where(SeatPurchase.contract == overview.contract.contract_id)
    assert overview.bought_this_contract == sum((p.amount for p in ledger), Decimal(0))


def purchases_by_day(purchases: list[SeatPurchase]) -> dict[date, list[SeatPurchase]]:
    """Live purchases by the organization's day they went live, in order."""
    days: dict[date, list[SeatPurchase]] = {}
    for purchase in purchases:
        day = purchase.provisioned_at.astimezone(ZoneInfo(demo_data.TIMEZONE)).date()
        days.setdefault(day, []).append(purchase)
    return days


def test_the_timeline_steps_are_the_ledgers_purchases_by_day(demo):
    timeline = load_overview(first_org(), NOW).timeline
    contracts = list(Contract.select().order_by(Contract.start_date))
    assert [(t.start_date, t.end_date) for t in timeline.terms] == [
        (c.start_date, c.end_date) for c in contracts
    ]
    for term, contract in zip(timeline.terms, contracts, strict=True):
        live = list(
            SeatPurchase.select()
            .where(SeatPurchase.contract == contract)
            .order_by(SeatPurchase.provisioned_at)
        )
        assert [(s.day, s.transaction_id, s.added, s.purchases) for s in term.steps] == [
            (day, bought[0].transaction_id, sum(p.seats for p in bought), len(bought))
            for day, bought in purchases_by_day(live).items()
        ]
        seats = term.starting_seats
        for step in term.steps:  # each day is a step up by its seats, on a day of the term
            seats += step.added
            assert step.seats == seats
            assert term.start_date <= step.day <= term.end_date
        assert seats == contract.licensed_seats  # the line ends at the seats licensed
    previous, current = timeline.terms
    assert any(step.purchases > 1 for term in timeline.terms for step in term.steps)
    assert previous.steps[-1].seats == current.starting_seats  # renewed as it ended
    assert timeline.seats_now == 50 and timeline.pending == ()


def test_a_queued_purchase_is_pending_on_top_of_todays_seats(demo):
    summary = current_contract(first_org(), NOW)
    admin = acting_administrator("billing@example.com")
    bought = purchase_seats(admin, 4, quote(summary, 4, summary.today).amount, True, now=NOW)
    overview = load_overview(first_org(), NOW)
    assert overview.contract.pending_seats == 4
    assert [(s.transaction_id, s.added, s.seats) for s in overview.timeline.pending] == [
        (bought.transaction_id, 4, 54)
    ]
    assert overview.timeline.highest == 54
    SeatPurchase.update(provisioning_status=Status.REJECTED).where(
        SeatPurchase.id == bought.id
    ).execute()
    again = load_overview(first_org(), NOW)
    assert again.timeline.pending == ()
    assert again.bought_this_contract == overview.bought_this_contract - bought.amount


def test_no_contract_no_overview(demo):
    assert load_overview(first_org(), NOW + timedelta(days=800)) is None


@pytest.mark.parametrize(
    ("first", "last", "span"),
    [
        (date(2026, 11, 27), date(2027, 7, 31), (8, 5)),
        (date(2026, 12, 1), date(2027, 7, 31), (8, 0)),
        (date(2027, 7, 27), date(2027, 7, 31), (0, 5)),
        (date(2026, 1, 31), date(2026, 2, 28), (1, 1)),  # a calendar span, not contract months
    ],
)
def test_exact_span(first, last, span):
    assert exact_span(first, last) == span


def test_the_rule_is_spelled_out():
    contract = demo_data.DemoContract(date(2026, 8, 1), date(2027, 7, 31), 50, Decimal("12.50"))
    priced = quote(contract, 5, date(2026, 11, 27))
    assert formatting.proration_rule(priced, "en_US") == (
        "Nov 27, 2026 – Jul 31, 2027: 8 months and 5 days; a started month counts in full, "
        "so 9 months"
    )
    whole = quote(contract, 5, date(2026, 12, 1))
    assert formatting.proration_rule(whole, "en_US") == "Dec 1, 2026 – Jul 31, 2027: 8 months"
    by_day = demo_data.contoso_contracts(TODAY)[0]
    daily = quote(by_day, 1, TODAY)
    assert formatting.proration_rule(daily, "en_US").endswith(
        f"{daily.working.days} of the term's {daily.working.term_days} days, priced by the day"
    )


@pytest.mark.parametrize(
    ("zone", "before", "at_midnight", "day"),
    [
        ("Asia/Kathmandu", "2026-03-07 18:14:59", "2026-03-07 18:15:00", date(2026, 3, 8)),
        ("America/New_York", "2026-03-09 03:59:59", "2026-03-09 04:00:00", date(2026, 3, 9)),
    ],
    ids=["a 45-minute offset", "the day after clocks go forward"],
)
def test_a_step_is_the_organizations_day_even_at_midnight(demo, zone, before, at_midnight, day):
    Organization.update(timezone=zone).where(Organization.id == first_org().id).execute()
    template = SeatPurchase.select().first().__data__
    contract = Contract.create(**{**Contract.get_by_id(template["contract"]).__data__, "id": None})
    moments = [datetime.fromisoformat(at).replace(tzinfo=UTC) for at in (before, at_midnight)]
    moments.append(moments[1] + timedelta(hours=23))  # the same day, late
    for number, (at, seats) in enumerate(zip(moments, (1, 2, 3), strict=True)):
        key = f"MA-AAAA-000{number}"
        changes = {"id": None, "contract": contract, "seats": seats, "provisioned_at": at}
        SeatPurchase.create(**template | changes | {"transaction_id": key, "idempotency_key": key})
    steps = _term(contract, ZoneInfo(zone)).steps
    start = contract.licensed_seats - 6
    assert [(s.day, s.seats, s.added, s.transaction_id, s.purchases) for s in steps] == [
        (day - timedelta(days=1), start + 1, 1, "MA-AAAA-0000", 1),
        (day, start + 6, 5, "MA-AAAA-0001", 2),
    ]
