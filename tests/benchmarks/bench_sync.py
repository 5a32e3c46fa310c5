"""Sync and service speed: an offline backlog, provision-to-shown latency, orders per second.

python -m tests.benchmarks.bench_sync
"""

import http.client
import json
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from billing.proration import quote
from desktop.access import acting_administrator
from desktop.account import current_contract
from desktop.demo import seed_demo
from desktop.ledger import close_ledger, open_ledger
from desktop.models import SeatPurchase
from desktop.purchasing import purchase_seats
from desktop.service_client import ServiceClient
from desktop.sync import BUSY_POLL_SECONDS, Credentials, SyncEngine, SyncWorker
from service.models import SeatOrder, service_db
from service.orders import ProvisioningDelay
from service.server import start_service
from tests.conftest import first_org
from tests.service_helpers import PASSWORD

BACKLOG = 1_000
LATENCY_SAMPLES = 15
LOAD_REQUESTS = 2_000
LOAD_CLIENTS = 8
CREDENTIALS = Credentials("billing@example.com", PASSWORD)


def buy(seats: int = 1) -> str:
    summary = current_contract(first_org())
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


def plain_posts_seconds(folder: Path) -> float:
    """The floor for the backlog: the same service started, then 1,000 orders POSTed one
    after another on one connection by a bare HTTP client (no ledger, no sync engine)."""
    started = time.perf_counter()
    service = start_service(
        f"sqlite:///{folder / 'plain.db'}", delay=ProvisioningDelay(0, 0), demo=True
    )
    client = ServiceClient(service.url)
    client.sign_in("billing@example.com", PASSWORD)
    amount = client._call("GET", "/v1/quote?seats=1")["amount"]
    body = json.dumps(
        {"seats": 1, "quoted_amount": amount, "acknowledged": True, "acknowledgement_text": "x"}
    )
    connection = http.client.HTTPConnection(*service.url.removeprefix("http://").split(":"))
    headers = {"Authorization": f"Bearer {client.token}", "Content-Type": "application/json"}
    for n in range(BACKLOG):
        connection.request("POST", "/v1/seat-orders", body, {**headers, "Idempotency-Key": f"P{n}"})
        connection.getresponse().read()
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


@dataclass(frozen=True)
class Load:
    per_second: float
    p50_ms: float
    p99_ms: float
    statuses: list[int]


def serve(database_url: str) -> tuple[subprocess.Popen, int]:
    """The service in its own process, as deployed; orders stay pending (no provisioning)."""
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "service",
            "--database",
            database_url,
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
    server.stdout.readline()  # "serving on ..."
    return server, port


def client_process(port: int, path: str, body: str | None, token: str, count: int,
                   name: str, start: float, answers: multiprocessing.Queue) -> None:  # fmt: skip
    """One client on one keep-alive connection: `count` requests, each timed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    times, statuses = [], []
    while time.time() < start:  # every client starts at once
        time.sleep(0.001)
    for n in range(count):
        headers["Idempotency-Key"] = f"LOAD-{name}-{n}"
        began = time.perf_counter()
        connection.request("POST" if body else "GET", path, body, headers)
        response = connection.getresponse()
        response.read()
        times.append(time.perf_counter() - began)
        statuses.append(response.status)
    connection.close()
    answers.put((times, statuses))


def load(port: int, path: str, body: str | None, token: str, clients: int, count: int) -> Load:
    """`clients` separate processes, so the client never measures itself."""
    answers: multiprocessing.Queue = multiprocessing.Queue()
    start = time.time() + 1.0
    workers = [
        multiprocessing.Process(
            target=client_process,
            args=(port, path, body, token, count, f"{n}-{int(start * 1000)}", start, answers),
        )
        for n in range(clients)
    ]
    for worker in workers:
        worker.start()
    results = [answers.get(timeout=300) for _ in workers]
    finished = time.time()
    for worker in workers:
        worker.join()
    times = sorted(t for answered, _ in results for t in answered)
    statuses = [s for _, answered in results for s in answered]
    return Load(
        len(times) / (finished - start),
        times[len(times) // 2] * 1000,
        times[int(len(times) * 0.99)] * 1000,
        statuses,
    )


def order_load(database_url: str, clients: int = LOAD_CLIENTS) -> tuple[Load, Load]:
    """Orders per second from separate client processes, beside /v1/health's (the floor)."""
    server, port = serve(database_url)
    try:
        client = ServiceClient(f"http://127.0.0.1:{port}")
        client.sign_in("billing@example.com", PASSWORD)
        amount = client._call("GET", "/v1/quote?seats=1")["amount"]
        body = json.dumps(
            {"seats": 1, "quoted_amount": amount, "acknowledged": True, "acknowledgement_text": "x"}
        )
        count = LOAD_REQUESTS // clients
        health = load(port, "/v1/health", None, client.token, clients, count)
        ordered = load(port, "/v1/seat-orders", body, client.token, clients, count)
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert ordered.statuses.count(201) == LOAD_REQUESTS, "every order must be taken"
    return ordered, health


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        open_ledger(f"sqlite:///{folder / 'desktop.db'}")
        seed_demo()
        backlog = backlog_seconds(folder)
        latencies = latency_seconds(folder)
        close_ledger()
        plain = plain_posts_seconds(folder)
        loads = {"SQLite": order_load(f"sqlite:///{folder / 'load.db'}")}
        if server := os.environ.get("MANAGE_ACCOUNT_TEST_POSTGRES"):
            with fresh_postgres(server) as url:
                loads["PostgreSQL"] = order_load(url)
    median = statistics.median(latencies)
    rows = [
        (f"{BACKLOG:,} offline purchases all live", f"{backlog:.1f} s",
         f"{plain:.1f} s", "< 10 s", backlog < 10),
        ("provisioned -> shown, median", f"{median:.2f} s", "",
         f"< {BUSY_POLL_SECONDS:g} s poll", median < BUSY_POLL_SECONDS),
        ("provisioned -> shown, worst", f"{max(latencies):.2f} s", "", "", True),
    ]  # fmt: skip
    for engine, (ordered, health) in loads.items():
        rows += [
            (f"orders/s, {LOAD_CLIENTS} client processes, {engine}",
             f"{ordered.per_second:.0f} /s", f"{health.per_second:.0f} /s", ">= 400 /s",
             ordered.per_second >= 400),
            (f"order p99 (p50), {engine}", f"{ordered.p99_ms:.0f} ({ordered.p50_ms:.0f}) ms",
             f"{health.p99_ms:.0f} ({health.p50_ms:.0f}) ms", "< 100 ms", ordered.p99_ms < 100),
        ]  # fmt: skip
    print(
        "\nSync and service (loopback; floors: 1,000 plain POSTs, /v1/health under the same load)\n"
    )
    print(f"| {'measure':<40} | {'result':>14} | {'floor':>14} | {'target':>13} | ok  |")
    print(f"|{'-' * 42}|{'-' * 16}|{'-' * 16}|{'-' * 15}|-----|")
    for name, result, floor, target, ok in rows:
        verdict = "yes" if ok else "NO"
        print(f"| {name:<40} | {result:>14} | {floor:>14} | {target:>13} | {verdict:<3} |")


@contextmanager
def fresh_postgres(server: str) -> Iterator[str]:
    """A new, empty database on the test server for the load, dropped afterwards."""
    import psycopg2

    name = f"ma_bench_{int(time.time())}"
    admin = psycopg2.connect(server)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(server)._replace(path=f"/{name}"))
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.close()


if __name__ == "__main__":
    main()
