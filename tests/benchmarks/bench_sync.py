"""Sync speed: an offline backlog beside the same POSTs made bare, and provision-to-shown latency.

Orders per second under load: bench_orders.

python -m tests.benchmarks.bench_sync
"""

import http.client
import json
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from billing.proration import quote
from desktop.access import acting_administrator
from desktop.account import current_contract
from desktop.demo import seed_demo
from desktop.ledger import close_ledger, open_ledger
from desktop.models import Outbox, SeatPurchase
from desktop.purchasing import purchase_seats
from desktop.service_client import ServiceClient
from desktop.sync import BUSY_POLL_SECONDS, Credentials, SyncEngine, SyncWorker
from service.models import SeatOrder, service_db
from service.orders import ProvisioningDelay
from service.server import start_service
from tests.conftest import first_org
from tests.service_helpers import PASSWORD

BACKLOG = 1_000
BACKLOG_RATIO = 1.3  # the sync's time at most this many times the bare POSTs'
LATENCY_SAMPLES = 15
RUNS = 3
CREDENTIALS = Credentials("billing@example.com", PASSWORD)


def buy(seats: int = 1) -> str:
    summary = current_contract(first_org())
    shown = quote(summary, seats, summary.today)
    administrator = acting_administrator("billing@example.com")
    return purchase_seats(administrator, seats, shown.amount, True).transaction_id


def queued() -> int:
    return SeatPurchase.select().where(SeatPurchase.provisioning_status != "provisioned").count()


def backlog_seconds(folder: Path) -> tuple[float, float]:
    """1,000 purchases made offline, then the service is back: seconds until the sync has them
    all accepted (the outbox empty), and until all are live. The clock starts once the service
    answers, as the floor's does."""
    for _ in range(BACKLOG):
        buy()
    service = start_service(
        f"sqlite:///{folder / 'backlog.db'}", delay=ProvisioningDelay(0, 0), demo=True
    )
    engine = SyncEngine(ServiceClient(service.url), CREDENTIALS)
    started = time.perf_counter()
    while Outbox.select().exists():
        engine.run_once(datetime.now(UTC) + timedelta(minutes=5))
    accepted = time.perf_counter() - started
    while queued():
        engine.run_once(datetime.now(UTC) + timedelta(minutes=5))
    live = time.perf_counter() - started
    service.stop()
    return accepted, live


def plain_posts_seconds(folder: Path) -> float:
    """The floor for the backlog: against the same service, a sign-in and 1,000 orders POSTed
    one after another on one kept connection by a bare HTTP client (no ledger, no sync)."""
    service = start_service(
        f"sqlite:///{folder / 'plain.db'}", delay=ProvisioningDelay(0, 0), demo=True
    )
    summary = current_contract(first_org())
    amount = quote(summary, 1, summary.today).amount
    body = json.dumps(
        {
            "seats": 1,
            "quoted_amount": str(amount),
            "acknowledged": True,
            "acknowledgement_text": "x",
        }
    )
    connection = http.client.HTTPConnection(*service.url.removeprefix("http://").split(":"))
    started = time.perf_counter()
    sign_in = json.dumps({"email": CREDENTIALS.email, "password": CREDENTIALS.password})
    connection.request("POST", "/v1/sessions", sign_in, {"Content-Type": "application/json"})
    token = json.loads(connection.getresponse().read())["token"]
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    for n in range(BACKLOG):
        connection.request("POST", "/v1/seat-orders", body, {**headers, "Idempotency-Key": f"P{n}"})
        answer = connection.getresponse()
        answer.read()
        assert answer.status == 201, answer.status
    elapsed = time.perf_counter() - started
    connection.close()
    service.stop()
    return elapsed


def latency_seconds(folder: Path) -> list[float]:
    """From the service provisioning an order to the desktop's listener hearing of it."""
    service = start_service(
        f"sqlite:///{folder / 'latency.db'}", delay=ProvisioningDelay(0.3, 1.7), demo=True
    )
    heard: dict[str, datetime] = {}
    worker = SyncWorker(
        SyncEngine(ServiceClient(service.url), CREDENTIALS),
        lambda report: heard.update({t: datetime.now(UTC) for t, _ in report.provisioned}),
    )
    worker.start()
    samples = []
    for _ in range(LATENCY_SAMPLES):
        transaction_id = buy()
        worker.wake()
        deadline = time.time() + 30
        while transaction_id not in heard and time.time() < deadline:
            time.sleep(0.01)
        with service_db.connection_context():
            provisioned = SeatOrder.get(SeatOrder.transaction_id == transaction_id).provisioned_at
        samples.append((heard[transaction_id] - provisioned).total_seconds())
    worker.stop()
    service.stop()
    return samples


def main() -> None:
    runs = []
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            open_ledger(f"sqlite:///{folder / 'desktop.db'}")
            seed_demo()
            plain = plain_posts_seconds(folder)
            accepted, live = backlog_seconds(folder)
            latencies = latency_seconds(folder)
            close_ledger()
        runs.append((accepted, live, plain, latencies))
    ratios = [accepted / plain for accepted, _, plain, _ in runs]
    live = [run[1] for run in runs]
    plains = [run[2] for run in runs]
    latencies = [t for run in runs for t in run[3]]
    median = statistics.median(latencies)
    ratio = statistics.median(ratios)
    rows = [
        (f"{BACKLOG:,} offline purchases sent, accepted", f"{ratio:.2f}x (max {max(ratios):.2f}x)",
         f"{statistics.median(plains):.1f} s", f"<= {BACKLOG_RATIO}x", ratio <= BACKLOG_RATIO),
        (f"{BACKLOG:,} offline purchases all live", f"{statistics.median(live):.1f} s", "",
         "< 10 s", statistics.median(live) < 10),
        ("provisioned -> shown, median", f"{median:.2f} s", "",
         f"< {BUSY_POLL_SECONDS:g} s poll", median < BUSY_POLL_SECONDS),
        ("provisioned -> shown, worst", f"{max(latencies):.2f} s", "", "", True),
    ]  # fmt: skip
    print(
        f"\nSync (loopback; median of {RUNS} runs, worst in brackets; floor: a sign-in and "
        f"{BACKLOG:,} bare POSTs on one kept connection, in the same run)\n"
    )
    print(f"| {'measure':<40} | {'result':>20} | {'floor':>8} | {'target':>13} | verdict |")
    print(f"|{'-' * 42}|{'-' * 22}|{'-' * 10}|{'-' * 15}|---------|")
    for name, result, floor, target, met in rows:
        verdict = "met" if met else "MISSED"
        print(f"| {name:<40} | {result:>20} | {floor:>8} | {target:>13} | {verdict:<7} |")


if __name__ == "__main__":
    main()
