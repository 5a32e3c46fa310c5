"""Sync and service speed: an offline backlog, provision-to-shown latency, orders per second.

python -m tests.benchmarks.bench_sync
"""

import http.client
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from billing.proration import quote
from db.database import close_database, open_database
from db.models import SeatPurchase
from desktop.access import acting_administrator
from desktop.account import current_contract
from desktop.demo import seed_demo
from desktop.purchasing import purchase_seats
from desktop.service_client import ServiceClient
from desktop.sync import BUSY_POLL_SECONDS, Credentials, SyncEngine, SyncWorker
from service.models import SeatOrder, service_db
from service.orders import ProvisioningDelay
from service.server import start_service
from tests.service_helpers import PASSWORD

BACKLOG = 1_000
LATENCY_SAMPLES = 15
LOAD_REQUESTS = 2_000
LOAD_THREADS = 8
CREDENTIALS = Credentials("billing@example.com", PASSWORD)


def buy(seats: int = 1) -> str:
    summary = current_contract()
    shown = quote(summary, seats, summary.today)
    administrator = acting_administrator("billing@example.com")
    return purchase_seats(administrator, seats, shown.amount, True).transaction_id


def queued() -> int:
    return SeatPurchase.select().where(SeatPurchase.provisioning_status != "provisioned").count()


def backlog_seconds(folder: Path) -> float:
    """1,000 purchases made offline, then the service comes back: seconds until all are live."""
    for _ in range(BACKLOG):
        buy()
    started = time.perf_counter()
    service = start_service(
        f"sqlite:///{folder / 'backlog.db'}", delay=ProvisioningDelay(0, 0), demo=True
    )
    engine = SyncEngine(ServiceClient(service.url), CREDENTIALS)
    while queued():
        engine.run_once(datetime.now(UTC) + timedelta(minutes=5))
    elapsed = time.perf_counter() - started
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


def orders_per_second(folder: Path) -> float:
    """Order requests per second over loopback: the service in its own process, as deployed,
    and LOAD_THREADS clients here on keep-alive connections."""
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "service",
            "--database",
            f"sqlite:///{folder / 'load.db'}",
            "--port",
            str(port),
            "--seed-demo",
            "--provisioning-delay",
            "3600-3600",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        server.stdout.readline()  # "serving on ..."
        client = ServiceClient(f"http://127.0.0.1:{port}")
        client.sign_in("billing@example.com", PASSWORD)
        amount = client._call("GET", "/v1/quote?seats=1")["amount"]
        body = json.dumps(
            {"seats": 1, "quoted_amount": amount, "acknowledged": True, "acknowledgement_text": "x"}
        )
        statuses: list[int] = []

        def load(thread: int) -> None:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            for n in range(LOAD_REQUESTS // LOAD_THREADS):
                headers = {
                    "Authorization": f"Bearer {client.token}",
                    "Idempotency-Key": f"LOAD-{thread}-{n}",
                    "Content-Type": "application/json",
                }
                connection.request("POST", "/v1/seat-orders", body, headers)
                response = connection.getresponse()
                response.read()
                statuses.append(response.status)
            connection.close()

        threads = [threading.Thread(target=load, args=(t,)) for t in range(LOAD_THREADS)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert statuses.count(201) == LOAD_REQUESTS, "every order must be taken"
    return LOAD_REQUESTS / elapsed


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        open_database(f"sqlite:///{folder / 'desktop.db'}")
        seed_demo()
        backlog = backlog_seconds(folder)
        latencies = latency_seconds(folder)
        close_database()
        rate = orders_per_second(folder)
    median = statistics.median(latencies)
    rows = (
        (f"{BACKLOG:,} offline purchases all live", f"{backlog:.1f} s", "< 30 s", backlog < 30),
        (
            "provisioned -> shown, median",
            f"{median:.2f} s",
            f"< {BUSY_POLL_SECONDS:g} s poll",
            median < BUSY_POLL_SECONDS,
        ),
        ("provisioned -> shown, worst", f"{max(latencies):.2f} s", "", True),
        (f"order requests ({LOAD_THREADS} clients)", f"{rate:.0f} /s", "> 200 /s", rate > 200),
    )
    print("\nSync and service (SQLite, loopback)\n")
    print(f"| {'measure':<36} | {'result':>10} | {'target':>13} | ok  |")
    print(f"|{'-' * 38}|{'-' * 12}|{'-' * 15}|-----|")
    for name, result, target, ok in rows:
        print(f"| {name:<36} | {result:>10} | {target:>13} | {'yes' if ok else 'NO':<3} |")


if __name__ == "__main__":
    main()
