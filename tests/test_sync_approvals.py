"""An order above its buyer's spending limit, from the desktop: it awaits an approver, then is
placed once (approved) or rejected with the reason (denied), over real HTTP."""

from datetime import UTC, datetime, timedelta

import pytest

from billing.money import amount_to_minor
from billing.proration import quote
from billing.statuses import Status
from desktop.access import acting_administrator
from desktop.account import current_contract
from desktop.models import Outbox, SeatPurchase
from desktop.purchasing import purchase_seats
from desktop.sync import SyncEngine
from service.models import SeatOrder, service_db
from tests.conftest import first_org
from tests.service_helpers import call, sign_in
from tests.test_sync import desktop, engine_for, local, service  # noqa: F401  (fixtures)

LIMIT_MINOR = 100_000  # the demo's Billing set: $1,000.00


def buy_above_the_limit() -> SeatPurchase:
    summary = current_contract(first_org())
    seats = next(
        n
        for n in range(1, 1000)
        if amount_to_minor(quote(summary, n, summary.today).amount, summary.currency) > LIMIT_MINOR
    )
    shown = quote(summary, seats, summary.today)
    return purchase_seats(acting_administrator("billing@example.com"), seats, shown.amount, True)


def round_of(engine: SyncEngine, minutes: int = 5) -> None:
    engine.run_once(datetime.now(UTC) + timedelta(minutes=minutes))  # no waits between rounds


def approval_of(running, transaction_id: str, token: str) -> dict:
    _, answer = call(running, "GET", "/v1/approvals?status=pending", token=token)
    assert answer is not None
    return next(a for a in answer["approvals"] if a["transaction_id"] == transaction_id)


def orders_on_the_service(transaction_id: str) -> int:
    with service_db.connection_context():
        return SeatOrder.select().where(SeatOrder.transaction_id == transaction_id).count()


@pytest.fixture
def awaiting(desktop, service):  # noqa: F811  (the fixtures above)
    purchase = buy_above_the_limit()
    engine = engine_for(service.url)
    round_of(engine)
    assert local(purchase.transaction_id).provisioning_status == Status.AWAITING_APPROVAL
    round_of(engine, 10)  # asked again: still waiting, nothing ordered, nothing doubled
    assert local(purchase.transaction_id).provisioning_status == Status.AWAITING_APPROVAL
    assert Outbox.select().count() == 1 and orders_on_the_service(purchase.transaction_id) == 0
    admin = sign_in(service, "admin@example.com")
    return purchase, engine, admin, approval_of(service, purchase.transaction_id, admin)


def test_the_limit_is_kept_from_the_sign_in(awaiting):
    billing = acting_administrator("billing@example.com")
    assert billing.permission_set.spending_limit_minor == LIMIT_MINOR
    assert acting_administrator("admin@example.com").permission_set.spending_limit_minor is None


def test_an_approved_order_is_placed_once_at_the_price_shown(awaiting, service):  # noqa: F811
    purchase, engine, admin, approval = awaiting
    assert approval["amount"] == str(purchase.amount)
    status, _ = call(service, "POST", f"/v1/approvals/{approval['id']}/approve", {}, admin)
    assert status == 201
    round_of(engine, 15)
    after = local(purchase.transaction_id)
    assert after.provisioning_status in (Status.PENDING, Status.PROVISIONED)
    assert after.amount == purchase.amount and after.seats == purchase.seats
    assert Outbox.select().count() == 0
    round_of(engine, 20)
    assert orders_on_the_service(purchase.transaction_id) == 1


def test_a_denied_order_is_rejected_with_the_reason(awaiting, service):  # noqa: F811
    purchase, engine, admin, approval = awaiting
    reason = "Please wait for the new budget in January."
    deny = f"/v1/approvals/{approval['id']}/deny"
    assert call(service, "POST", deny, {"reason": reason}, admin)[0] == 200
    round_of(engine, 15)
    after = local(purchase.transaction_id)
    assert after.provisioning_status == Status.REJECTED
    assert reason in after.last_sync_error
    assert Outbox.select().count() == 0 and orders_on_the_service(purchase.transaction_id) == 0
