"""Buying seats: the amount recorded is the amount shown, and a purchase is recorded once."""

import random
import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from billing.proration import quote
from billing.statuses import Status
from billing.transaction_ids import new_transaction_id
from desktop.access import acting_administrator, may_manage_account
from desktop.account import current_contract
from desktop.demo import seed_demo
from desktop.models import Administrator, AuditEvent, Contract, SeatPurchase
from desktop.purchasing import PurchaseRefused, QuoteChanged, purchase_seats, record_purchase
from tests.conftest import first_org

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)  # 10:00 in New York


@pytest.fixture
def demo(any_db):
    seed_demo(date(2026, 11, 26))
    return Administrator.get(Administrator.email == "billing@example.com")


def test_purchase_records_the_shown_amount(demo):
    summary = current_contract(first_org(), NOW)
    shown = quote(summary, 5, summary.today)
    purchase = purchase_seats(demo, 5, shown.amount, acknowledged=True, now=NOW)
    stored = SeatPurchase.get(SeatPurchase.transaction_id == purchase.transaction_id)
    assert stored.amount == shown.amount == Decimal("562.50")  # 5 x 12.50 x 9 months
    assert (stored.seats, stored.prorated_months) == (5, 9)
    assert stored.period_start == date(2026, 11, 26)
    assert stored.provisioning_status == Status.QUEUED
    assert stored.created_at == NOW
    assert current_contract(first_org(), NOW).pending_seats == 5


@pytest.mark.parametrize(
    "seats, acknowledged, message",
    [
        (5, False, "Tick the box"),
        (0, True, "at least 1"),
        (-2, True, "cannot be reduced.*Dana Whitfield"),
        (10_001, True, "At most 10,000"),
        ("five", True, "whole number"),
    ],
)
def test_refused_purchases_buy_nothing(demo, seats, acknowledged, message):
    before = SeatPurchase.select().count()
    with pytest.raises(PurchaseRefused, match=message):
        purchase_seats(demo, seats, Decimal("562.50"), acknowledged=acknowledged, now=NOW)
    assert SeatPurchase.select().count() == before


def test_a_changed_quote_buys_nothing_and_gives_the_new_total(demo):
    summary = current_contract(first_org(), NOW)
    shown_yesterday = quote(summary, 5, summary.start_date)  # the whole term, 12 months
    before = SeatPurchase.select().count()
    with pytest.raises(QuoteChanged) as refused:
        purchase_seats(demo, 5, shown_yesterday.amount, acknowledged=True, now=NOW)
    assert refused.value.new_quote.amount == Decimal("562.50")
    assert SeatPurchase.select().count() == before


def test_the_date_is_the_organizations_date(demo):
    # 02:00 UTC on 1 Dec is still 30 Nov in New York: the quote uses 30 Nov.
    late_evening = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
    assert current_contract(first_org(), late_evening).today == date(2026, 11, 30)


def test_viewer_may_not_buy(demo):
    viewer = acting_administrator("viewer@example.com")
    assert not may_manage_account(viewer)
    with pytest.raises(PurchaseRefused, match="Manage Account"):
        purchase_seats(viewer, 1, Decimal("112.50"), acknowledged=True, now=NOW)


def test_acting_administrator_defaults_to_the_first_with_manage_account(demo):
    assert acting_administrator().email == "admin@example.com"
    assert acting_administrator("BILLING@example.com").email == "billing@example.com"
    assert acting_administrator("nobody@example.com") is None


def test_no_current_contract_is_refused(demo):
    after_the_end = datetime(2028, 1, 1, tzinfo=UTC)
    assert current_contract(first_org(), after_the_end) is None
    with pytest.raises(PurchaseRefused, match="no current contract"):
        purchase_seats(demo, 1, Decimal("12.50"), acknowledged=True, now=after_the_end)


def test_transaction_ids_are_short_unambiguous_and_unique():
    rng = random.Random(7)
    drawn = {new_transaction_id(rng) for _ in range(20_000)}
    assert len(drawn) == 20_000
    for transaction_id in list(drawn)[:500]:
        assert re.fullmatch(r"MA-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", transaction_id)


def test_a_colliding_transaction_id_is_drawn_again(demo):
    contract = Contract.select().order_by(Contract.start_date.desc()).first()
    priced = quote(contract, 1, date(2026, 11, 26))
    first = record_purchase(demo, contract, priced, NOW, NOW, rng=random.Random(99))
    second = record_purchase(demo, contract, priced, NOW, NOW, rng=random.Random(99))
    assert first.transaction_id == new_transaction_id(random.Random(99))
    assert second.transaction_id != first.transaction_id
    assert second.idempotency_key == second.transaction_id
    events = AuditEvent.select().where(AuditEvent.occurred_at == NOW).count()
    assert events == 2


def test_pending_seats_count_queued_and_pending_only(demo):
    contract = Contract.select().order_by(Contract.start_date.desc()).first()
    priced = quote(contract, 3, date(2026, 11, 26))
    for status in (Status.QUEUED, Status.PENDING, Status.REJECTED):
        made = record_purchase(demo, contract, priced, NOW, NOW)
        SeatPurchase.update(provisioning_status=status).where(SeatPurchase.id == made.id).execute()
    summary = current_contract(first_org(), NOW + timedelta(minutes=1))
    assert summary.pending_seats == 6
    assert summary.licensed_seats == 50
    assert summary.days_remaining == (date(2027, 7, 31) - date(2026, 11, 26)).days + 1
