"""The service's order path under load: orders per second and p99 from 8 client processes,
each beside GET /v1/health under the same load in the same run (the floor), three runs.

python -m tests.benchmarks.bench_orders    # PostgreSQL too when MANAGE_ACCOUNT_TEST_POSTGRES is set
"""

import http.client
import json
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory
from urllib.parse import urlsplit, urlunsplit

from desktop.service_client import ServiceClient
from tests.service_helpers import PASSWORD

RUNS = 3
CLIENTS = 8
REQUESTS = 4_000  # per load, split between the clients
POSTGRES_WORKERS = 2  # one per core of the machine measured
TARGETS = {"SQLite": 1_200, "PostgreSQL": 1_000}  # orders/s
P99_TARGET_MS = 25
HEALTH_RATIO = 0.25  # orders/s at least this share of /v1/health's in the same run


@dataclass(frozen=True)
class Load:
    per_second: float
    p50_ms: float
    p99_ms: float
    statuses: list[int]


def serve(database_url: str, workers: int) -> tuple[subprocess.Popen, int]:
    """The service in its own process(es), as deployed; orders stay pending (no provisioning)."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "service", "--database", database_url, "--port", str(port),
         "--seed-demo", "--provisioning-delay", "3600-3600", "--workers", str(workers)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
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


def load(port: int, path: str, body: str | None, token: str) -> Load:
    """`CLIENTS` separate processes, so the client never measures itself."""
    answers: multiprocessing.Queue = multiprocessing.Queue()
    start = time.time() + 1.0
    workers = [
        multiprocessing.Process(
            target=client_process,
            args=(port, path, body, token, REQUESTS // CLIENTS, f"{n}-{start}", start, answers),
        )
        for n in range(CLIENTS)
    ]
    for worker in workers:
        worker.start()
    results = [answers.get(timeout=300) for _ in workers]
    finished = time.time()
    for worker in workers:
        worker.join()
    times = sorted(t for answered, _ in results for t in answered)
    return Load(
        len(times) / (finished - start),
        times[len(times) // 2] * 1000,
        times[int(len(times) * 0.99)] * 1000,
        [s for _, answered in results for s in answered],
    )


def order_runs(database_url: str, workers: int) -> list[tuple[Load, Load]]:
    """RUNS times: /v1/health under the load, then orders, against one service."""
    server, port = serve(database_url, workers)
    runs = []
    try:
        client = ServiceClient(f"http://127.0.0.1:{port}")
        client.sign_in("billing@example.com", PASSWORD)
        amount = client._call("GET", "/v1/quote?seats=1")["amount"]
        body = json.dumps(
            {"seats": 1, "quoted_amount": amount, "acknowledged": True, "acknowledgement_text": "x"}
        )
        for _ in range(RUNS):
            health = load(port, "/v1/health", None, client.token)
            ordered = load(port, "/v1/seat-orders", body, client.token)
            assert ordered.statuses.count(201) == len(ordered.statuses), "every order is taken"
            runs.append((ordered, health))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return runs


def rows_of(engine: str, workers: int, runs: list[tuple[Load, Load]]) -> list[tuple]:
    """Each figure as the median of the runs (and the worst run), beside its floor."""
    rates = [ordered.per_second for ordered, _ in runs]
    floors = [health.per_second for _, health in runs]
    ratios = [o.per_second / h.per_second for o, h in runs]
    p99s = [ordered.p99_ms for ordered, _ in runs]
    rate, floor, ratio, p99 = (statistics.median(x) for x in (rates, floors, ratios, p99s))
    health_p99 = statistics.median(h.p99_ms for _, h in runs)
    target = TARGETS[engine]
    where = f"{engine}, {workers} worker{'s' if workers > 1 else ''}"
    return [
        (f"orders/s, {where}", f"{rate:,.0f} (min {min(rates):,.0f})", f"{floor:,.0f} /s",
         f">= {target:,}", rate >= target),
        (f"orders/s : health/s, {where}", f"{ratio:.2f} (min {min(ratios):.2f})", "1",
         f">= {HEALTH_RATIO}", ratio >= HEALTH_RATIO),
        (f"order p99 ms, {where}", f"{p99:.0f} (max {max(p99s):.0f})", f"{health_p99:.0f} ms",
         f"<= {P99_TARGET_MS}", p99 <= P99_TARGET_MS),
    ]  # fmt: skip


def main() -> None:
    with TemporaryDirectory() as folder:
        rows = rows_of("SQLite", 1, order_runs(f"sqlite:///{Path(folder) / 'load.db'}", 1))
    if server := os.environ.get("MANAGE_ACCOUNT_TEST_POSTGRES"):
        with fresh_postgres(server) as url:
            rows += rows_of("PostgreSQL", POSTGRES_WORKERS, order_runs(url, POSTGRES_WORKERS))
    print(
        f"\nOrders from {CLIENTS} client processes, {REQUESTS:,} a run, median of {RUNS} runs "
        "(worst run in brackets); floor: GET /v1/health under the same load in the same run\n"
    )
    print(f"| {'measure':<36} | {'result':>18} | {'floor':>10} | {'target':>8} | verdict |")
    print(f"|{'-' * 38}|{'-' * 20}|{'-' * 12}|{'-' * 10}|---------|")
    for name, result, floor, target, met in rows:
        verdict = "met" if met else "MISSED"
        print(f"| {name:<36} | {result:>18} | {floor:>10} | {target:>8} | {verdict:<7} |")


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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


if __name__ == "__main__":
    main()
