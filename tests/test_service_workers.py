"""Two worker processes serving one port on one PostgreSQL database: every order is taken
exactly once, however its repeats are spread between them, and a worker killed meanwhile is
started again without losing or doubling one."""

import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from db.database import close_database, open_database
from service.models import SeatOrder, service_db
from service.server import MIGRATIONS

ROOT = Path(__file__).resolve().parent.parent
KEYS = [f"MA-TWO-{n:03d}" for n in range(60)]
CLIENTS = 4

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="fork; /proc names the workers")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def call(base: str, path: str, body: dict | None = None, headers: dict | None = None) -> tuple:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data, method="POST" if body else "GET")
    for name, value in {"Content-Type": "application/json", **(headers or {})}.items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def workers_of(parent: int) -> list[int]:
    children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
    return [int(pid) for pid in children]


def wait_for(check, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "waited in vain"
        time.sleep(0.05)


def test_two_workers_take_each_order_exactly_once(postgres_url, tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(tmp_path / "service.log", "w")  # noqa: SIM115 - closed below
    service = subprocess.Popen(
        [sys.executable, "-m", "service", "--database", postgres_url, "--port", str(port),
         "--seed-demo", "--provisioning-delay", "0-0.2", "--workers", "2"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_for(lambda: len(workers_of(service.pid)) == 2)
        wait_for(lambda: _answers(base))
        token = call(base, "/v1/sessions", {"email": "billing@example.com",
                                            "password": "northwind-demo"})[1]["token"]  # fmt: skip
        auth = {"Authorization": f"Bearer {token}"}
        amount = call(base, "/v1/quote?seats=1", headers=auth)[1]["amount"]
        order = {"seats": 1, "quoted_amount": amount, "acknowledged": True,
                 "acknowledgement_text": "x"}  # fmt: skip
        answers: dict[str, list[dict]] = {key: [] for key in KEYS}

        def client(number: int) -> None:  # every client sends every key, in its own order
            for key in random.Random(number).sample(KEYS, len(KEYS)):
                while True:
                    try:
                        status, body = call(
                            base, "/v1/seat-orders", order, {**auth, "Idempotency-Key": key}
                        )
                    except (OSError, http.client.HTTPException):  # the worker it reached was
                        # killed, before or while it answered: the same key again
                        time.sleep(0.02)
                        continue
                    if status == 201:
                        answers[key].append(body)
                        break
                    assert status >= 500, body  # a failure to retry, never a refusal

        clients = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        for each in clients:
            each.start()
        time.sleep(0.3)
        killed = workers_of(service.pid)[1]
        os.kill(killed, signal.SIGKILL)  # mid-load: the parent starts another
        for each in clients:
            each.join(timeout=120)
        wait_for(
            lambda: len(workers_of(service.pid)) == 2 and killed not in workers_of(service.pid)
        )
    finally:
        service.send_signal(signal.SIGTERM)
        assert service.wait(timeout=30) == 0
        log.close()

    for key, given in answers.items():
        assert len(given) == CLIENTS, key
        assert [a["replayed"] for a in given].count(False) <= 1, key  # one took it, others replay
        assert len({json.dumps(a["order"]["created_at"]) for a in given}) == 1, key
    open_database(postgres_url, service_db, MIGRATIONS)
    try:
        taken = [
            o.transaction_id
            for o in SeatOrder.select().where(SeatOrder.transaction_id.startswith("MA-TWO-"))
        ]
    finally:
        close_database(service_db)
    assert sorted(taken) == KEYS
    assert "Traceback" not in (tmp_path / "service.log").read_text()


def _answers(base: str) -> bool:
    try:
        return call(base, "/v1/health")[0] == 200
    except OSError:
        return False
