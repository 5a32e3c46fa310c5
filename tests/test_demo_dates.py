"""The demo looks alike whatever the date: on awkward days (a leap day, New Year's Eve in New
York while it is New Year's Day in UTC, daylight-saving changes, a month's end) every purchase
keeps its contract and invoice status, and the figures add up."""

from collections import Counter
from datetime import UTC, datetime

import pytest
import time_machine

from desktop.demo import seed_demo
from desktop.history import HistoryQuery, iter_purchases
from desktop.models import Contract, SeatPurchase
from desktop.overview import load_overview
from service import demo_data
from tests.conftest import NORTHWIND, first_org

pytestmark = pytest.mark.dates

AWKWARD = [
    datetime(2028, 2, 29, 12, 0, tzinfo=UTC),  # a leap day
    datetime(2028, 1, 1, 3, 30, tzinfo=UTC),  # still Dec 31 in New York
    datetime(2027, 3, 14, 7, 30, tzinfo=UTC),  # 2:30 in New York: the US clocks go forward
    datetime(2027, 10, 31, 0, 30, tzinfo=UTC),  # 2:30 in Berlin: the EU clocks go back
    datetime(2027, 1, 31, 23, 30, tzinfo=UTC),  # a month's last day; Feb 1 in Berlin
    datetime(2027, 5, 1, 12, 0, tzinfo=UTC),  # the current contract began 89 days ago
    datetime(2027, 7, 31, 12, 0, tzinfo=UTC),  # ... 121 days ago
]
OPEN, PAID_OR_OVERDUE, EARLIER = demo_data.NORTHWIND_PURCHASES


@pytest.mark.parametrize("moment", AWKWARD, ids=lambda m: m.strftime("%Y-%m-%d-%H%M"))
def test_the_desktop_demo_looks_alike_on_awkward_days(sqlite_db, moment):
    with time_machine.travel(moment, tick=False):
        seed_demo()
        rows = list(iter_purchases(HistoryQuery(NORTHWIND)))
        overview = load_overview(first_org())
    earlier, current = Contract.select().order_by(Contract.start_date)
    by_contract = Counter(p.contract_id for p in SeatPurchase.select())
    assert by_contract == {earlier.id: EARLIER, current.id: OPEN + PAID_OR_OVERDUE}
    statuses = Counter(row.invoice_status for row in rows)
    assert statuses == {"open": OPEN, "overdue": 1, "void": 1, "paid": len(rows) - OPEN - 2}
    assert overview.contract.contract_id == current.id
    assert overview.timeline.seats_now == demo_data.SEATS_NOW == overview.contract.licensed_seats
    assert current.start_date <= demo_data.NORTHWIND.today(moment) <= current.end_date


@pytest.mark.parametrize("moment", AWKWARD, ids=lambda m: m.strftime("%Y-%m-%d-%H%M"))
def test_each_organizations_plan_keeps_its_statuses(moment):
    from billing.invoices import shown_status

    for plan in demo_data.ORGANIZATIONS:
        today = plan.today(moment)
        invoices = demo_data.demo_invoices(plan, today)
        shown = Counter(shown_status(i.status, i.due_date, today) for i in invoices)
        assert shown["overdue"] == 1 and shown["paid"] >= 2, plan.name
        purchases = plan.purchases(today)
        contracts = plan.contracts(today)
        for purchase in purchases:  # each on its contract, in the past
            term = contracts[purchase.contract]
            assert term.start_date <= purchase.created_at.date() <= term.end_date
            assert purchase.created_at < moment
        assert contracts[-1].licensed_seats == (
            demo_data.SEATS_NOW if plan is demo_data.NORTHWIND else 20
        )
