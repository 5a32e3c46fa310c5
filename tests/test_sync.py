"""The sync engine against the real service over HTTP: nothing lost, nothing doubled."""

import threading
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest

from billing.proration import quote
from desktop.access import acting_administrator
from desktop.account import current_contract
from desktop.demo import seed_demo
from desktop.i18n import install_translations
from desktop.ledger import close_ledger, open_ledger
from desktop.mirror import apply_order
from desktop.models import Outbox, SeatPurchase, database
from desktop.purchasing import purchase_seats
from desktop.retry import backoff
from desktop.service_client import ServiceClient, ServiceUnavailable
from desktop.sync import Credentials, SyncEngine
from service import demo_data
from service.models import SeatOrder, service_db
from tests.conftest import first_org
from tests.service_helpers import PASSWORD, start_demo_service

BILLING = Credentials("billing@example.com", PASSWORD)


@pytest.fixture
def desktop(tmp_path):
    url = f"sqlite:///{tmp_path / 'desktop.db'}"
    open_ledger(url)
    seed_demo()
    yield url
    close_ledger()


@pytest.fixture
def service(tmp_path):
    running = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}")
    yield running
    running.stop()


def buy(seats: int = 2) -> SeatPurchase:
    summary = current_contract(first_org())
    shown = quote(summary, seats, summary.today)
    return purchase_seats(acting_administrator("billing@example.com"), seats, shown.amount, True)


def engine_for(url: str, timeout: float = 5.0) -> SyncEngine:
    return SyncEngine(ServiceClient(url, timeout=timeout), BILLING)


def sync_until(engine: SyncEngine, done, rounds: int = 100) -> None:
    for _ in range(rounds):
        report = engine.run_once(datetime.now(UTC) + timedelta(minutes=5))  # no backoff waits
        if done(report):
            return
        time.sleep(0.05)
    raise AssertionError(f"not done after {rounds} rounds: {report}")


def service_orders(transaction_ids) -> list:
    with service_db.connection_context():
        return list(SeatOrder.select().where(SeatOrder.transaction_id.in_(transaction_ids)))


def local(transaction_id: str) -> SeatPurchase:
    return SeatPurchase.get(SeatPurchase.transaction_id == transaction_id)


def test_a_purchase_goes_live_exactly_once(desktop, service):
    purchase = buy(3)
    assert Outbox.select().count() == 1
    engine = engine_for(service.url)
    sync_until(
        engine, lambda r: local(purchase.transaction_id).provisioning_status == "provisioned"
    )
    stored = local(purchase.transaction_id)
    assert stored.invoice_number.startswith("INV-")
    assert stored.provisioned_at is not None and stored.submitted_at is not None
    assert Outbox.select().count() == 0
    assert len(service_orders([purchase.transaction_id])) == 1
    assert current_contract(first_org()).licensed_seats == 53
    assert current_contract(first_org()).pending_seats == 0


def test_offline_purchases_wait_and_go_when_the_service_is_back(desktop, tmp_path):
    purchases = [buy(1) for _ in range(3)]
    engine = engine_for("http://127.0.0.1:9", timeout=1)  # nothing listens there
    report = engine.run_once()
    assert not report.online and "cannot be reached" in report.problem
    assert report.waiting == 3
    assert {local(p.transaction_id).provisioning_status for p in purchases} == {"queued"}
    running = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}")
    try:
        engine = engine_for(running.url)
        ids = [p.transaction_id for p in purchases]
        sync_until(engine, lambda r: r.waiting == 0)
        assert len(service_orders(ids)) == 3
        assert {local(t).provisioning_status for t in ids} == {"provisioned"}
    finally:
        running.stop()


def test_restarting_the_desktop_sends_the_outbox(desktop, service):
    purchases = [buy(2) for _ in range(4)]
    close_ledger()  # the app quits with a full outbox
    open_ledger(desktop)  # ... and starts again
    assert Outbox.select().count() == 4
    sync_until(engine_for(service.url), lambda r: r.waiting == 0)
    ids = [p.transaction_id for p in purchases]
    assert len(service_orders(ids)) == 4
    assert sum(o.seats for o in service_orders(ids)) == 8


def test_killing_the_service_mid_sync_loses_and_doubles_nothing(desktop, tmp_path):
    service_url = f"sqlite:///{tmp_path / 'service.db'}"
    running = start_demo_service(service_url)
    purchases = [buy(1) for _ in range(30)]
    ids = [p.transaction_id for p in purchases]
    engine = engine_for(running.url, timeout=2)
    stopper = threading.Timer(0.3, running.stop)
    stopper.start()
    for _ in range(20):
        engine.run_once(datetime.now(UTC) + timedelta(minutes=5))
    stopper.join()
    running = start_demo_service(service_url)
    try:
        sync_until(engine_for(running.url), lambda r: r.waiting == 0)
        orders = service_orders(ids)
        assert sorted(o.transaction_id for o in orders) == sorted(ids)  # each exactly once
        assert {local(t).provisioning_status for t in ids} == {"provisioned"}
        assert current_contract(first_org()).licensed_seats == 80
    finally:
        running.stop()


class Faulty:
    """A real HTTP server on 127.0.0.1 that misbehaves in one way."""

    def __init__(self, behaviour: str) -> None:
        self.behaviour = behaviour

    def __call__(self, environ, start_response):
        if self.behaviour == "slow":
            time.sleep(2)
        if self.behaviour == "500":
            start_response("500 Internal Server Error", [("Content-Type", "text/plain")])
            return [b"boom"]
        start_response("200 OK", [("Content-Type", "application/json")])
        return [b"{this is not json" if self.behaviour == "garbage" else b'{"token": "x"']


class Quiet(WSGIRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.mark.parametrize(
    "behaviour, words",
    [("500", "failed (500)"), ("slow", "did not answer"), ("garbage", "not JSON")],
)
def test_a_faulty_service_leaves_the_purchase_queued_and_says_why(desktop, behaviour, words):
    purchase = buy(1)
    server = make_server("127.0.0.1", 0, Faulty(behaviour), handler_class=Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        report = engine_for(f"http://127.0.0.1:{server.server_port}", timeout=0.5).run_once()
    finally:
        server.shutdown()
    assert not report.online and words in report.problem
    assert local(purchase.transaction_id).provisioning_status == "queued"
    assert Outbox.select().count() == 1


def test_a_refused_order_is_rejected_with_the_reason(desktop, service):
    purchase = buy(2)
    SeatPurchase.update(amount_minor=1).where(SeatPurchase.id == purchase.id).execute()
    report = engine_for(service.url).run_once()
    stored = local(purchase.transaction_id)
    assert stored.provisioning_status == "rejected"
    assert "differs from the price on the day it was quoted" in stored.last_sync_error
    assert report.changed and Outbox.select().count() == 0
    assert service_orders([purchase.transaction_id]) == []


def test_send_failures_back_off_with_jitter(desktop):
    buy(1)
    engine = engine_for("http://127.0.0.1:9", timeout=1)
    now = datetime.now(UTC)
    engine.run_once(now)
    entry = Outbox.get()
    assert entry.attempts == 1 and "cannot be reached" in entry.last_error
    assert now <= entry.next_attempt_at <= now + timedelta(seconds=2)
    assert all(timedelta(0) <= backoff(n) <= timedelta(seconds=60) for n in range(20))
    assert max(backoff(12) for _ in range(200)) > timedelta(seconds=30)  # capped at 60, not 2**12


def test_two_desktops_converge(tmp_path, service):
    first, second = (f"sqlite:///{tmp_path / name}" for name in ("one.db", "two.db"))
    bought = {}
    for url in (first, second):
        open_ledger(url)
        seed_demo()
        bought[url] = buy(4).transaction_id
        sync_until(engine_for(service.url), lambda r: r.waiting == 0)
        close_ledger()
    open_ledger(first)
    sync_until(engine_for(service.url), lambda r: r.waiting == 0)
    histories = []
    for url in (first, second):
        open_ledger(url)
        histories.append(
            sorted(
                (p.transaction_id, p.provisioning_status, p.invoice_number, p.amount)
                for p in SeatPurchase.select()
            )
        )
        close_ledger()
    assert histories[0] == histories[1]
    assert len(histories[0]) == demo_data.PAST_PURCHASES + 2
    assert {bought[first], bought[second]} <= {row[0] for row in histories[0]}
    assert all(row[3] > Decimal(0) for row in histories[0])
    assert not database.is_closed() or True


def buy_on(day_offset: int, seats: int = 2) -> SeatPurchase:
    """A purchase recorded `day_offset` days ago (a laptop that stayed offline since)."""
    then = datetime.now(UTC) - timedelta(days=day_offset)
    summary = current_contract(first_org(), then)
    shown = quote(summary, seats, summary.today)
    billing = acting_administrator("billing@example.com")
    return purchase_seats(billing, seats, shown.amount, True, now=then)


def test_a_purchase_sent_a_day_later_keeps_its_period_and_amount(desktop, service):
    purchase = buy_on(1)
    report = engine_for(service.url).run_once()
    assert report.online and report.requoted == []
    stored = local(purchase.transaction_id)
    assert stored.provisioning_status in ("pending", "provisioned")
    [order] = service_orders([purchase.transaction_id])
    assert order.period_start == stored.period_start == purchase.period_start
    assert order.amount_minor == stored.amount_minor
    assert order.prorated_months == stored.prorated_months


def test_a_purchase_sent_after_the_grace_period_is_requoted(desktop, service):
    purchase = buy_on(8, seats=3)
    report = engine_for(service.url).run_once()
    stored = local(purchase.transaction_id)
    assert stored.provisioning_status == "rejected" and "no longer valid" in stored.last_sync_error
    assert service_orders([purchase.transaction_id]) == []
    [requote] = report.requoted
    summary = current_contract(first_org())
    assert requote.new_amount == quote(summary, 3, summary.today).amount
    assert requote.old_amount == purchase.amount


def feed_entry(purchase: SeatPurchase, status: str, **changes) -> dict:
    entry = {
        "transaction_id": purchase.transaction_id,
        "status": status,
        "created_at": purchase.created_at.isoformat(),
        "provisioned_at": None,
        "invoice_number": None,
        "rejection_reason": None,
    }
    return {**entry, **changes}


def test_a_stale_feed_entry_never_moves_a_purchase_back(any_db):
    seed_demo()
    purchase = buy(1)
    live = datetime.now(UTC).isoformat()
    assert apply_order(first_org(), feed_entry(purchase, "pending"))
    assert apply_order(
        first_org(),
        feed_entry(purchase, "provisioned", provisioned_at=live, invoice_number="INV-1"),
    )
    for stale in ("pending", "queued", "rejected", "delayed", "cancelled", None):
        assert not apply_order(first_org(), feed_entry(purchase, stale))
    stored = local(purchase.transaction_id)
    assert (stored.provisioning_status, stored.invoice_number) == ("provisioned", "INV-1")


def test_the_feed_may_report_a_queued_purchase_live_at_once(any_db):
    """Its acceptance was lost on the way: the feed is the first to say, and says Provisioned."""
    seed_demo()
    purchase = buy(1)
    live = datetime.now(UTC).isoformat()
    assert apply_order(
        first_org(), feed_entry(purchase, "provisioned", provisioned_at=live, invoice_number="I")
    )
    assert local(purchase.transaction_id).provisioning_status == "provisioned"
    assert Outbox.select().count() == 0


def test_a_refusal_is_kept_in_the_users_language(desktop, service, qapp):
    """The service says it in English and sends the marked text; a German desktop keeps German."""
    purchase = buy_on(8)
    install_translations(qapp, "de")
    try:
        engine_for(service.url).run_once()
    finally:
        install_translations(qapp, "en")
    reason = local(purchase.transaction_id).last_sync_error
    quoted_on = purchase.period_start.isoformat()
    assert reason == (
        f"Der am {quoted_on} angebotene Gesamtbetrag gilt nicht mehr, daher wurde nichts "
        "bestellt. Prüfen Sie den heutigen Gesamtbetrag und kaufen Sie erneut."
    )


def test_what_changes_seldom_is_read_once_a_minute_while_edits_go_every_round(tmp_path, service):
    """Seat use, vendor, profile and renewal are read on the first round and then a minute
    later; a billing profile edit is sent on the next round, not a minute later."""
    from desktop.billing_profile import billing_profile, save_billing_profile
    from desktop.sync import DETAILS_EVERY
    from service import demo_data as plans
    from service.models import BillingProfile as ServiceProfile

    open_ledger(f"sqlite:///{tmp_path / 'desktop.db'}")
    seed_demo()
    engine = engine_for(service.url)
    start = datetime.now(UTC)
    assert engine._details_due(start) and not engine._details_due(start + DETAILS_EVERY / 2)
    assert engine._details_due(start + DETAILS_EVERY)
    admin = acting_administrator("billing@example.com")
    save_billing_profile(
        admin, {**plans.NORTHWIND.billing_profile, "default_purchase_order": "PO-9"}
    )
    engine.run_once(start + DETAILS_EVERY + timedelta(seconds=2))  # a round between reads
    with service_db.connection_context():
        assert (
            ServiceProfile.select().where(ServiceProfile.default_purchase_order == "PO-9").exists()
        )
    assert billing_profile(first_org()).default_purchase_order == "PO-9"
    close_ledger()


class DroppedAfterOneOrder(ServiceClient):
    """Accepts the first order it is sent; then the network drops."""

    def __init__(self, url: str) -> None:
        super().__init__(url, timeout=5)
        self.placed = 0

    def place_order(self, transaction_id: str, body: dict) -> dict:
        self.placed += 1
        if self.placed == 2:
            raise ServiceUnavailable("the account service cannot be reached (reset)")
        return super().place_order(transaction_id, body)


def test_what_a_step_did_before_a_failure_is_reported(desktop, service):
    """The window reloads after a round that accepted one purchase and then lost the network:
    the change is in the report, though the step did not finish."""
    first, second = buy(2), buy(3)
    client = DroppedAfterOneOrder(service.url)
    engine = SyncEngine(client, BILLING)
    report = engine.run_once(datetime.now(UTC) + timedelta(minutes=5))
    assert not report.online
    assert local(first.transaction_id).provisioning_status == "pending"
    assert local(second.transaction_id).provisioning_status == "queued"
    assert report.changed
