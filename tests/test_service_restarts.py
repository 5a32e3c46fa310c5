"""The service killed hard (SIGKILL) twenty times while orders keep coming: every accepted order
is there exactly once afterwards, every one goes live, and SQLite never said it was locked."""

import json
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

RESTARTS = 20
ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Service:
    def __init__(self, tmp_path: Path) -> None:
        self.url_db = f"sqlite:///{tmp_path / 'service.db'}"
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(tmp_path / "service.log", "a")  # noqa: SIM115 - kept across restarts
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "service", "--database", self.url_db, "--port",
             str(self.port), "--seed-demo", "--provisioning-delay", "0-0.3"],
            cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/v1/health", timeout=1):
                    return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("the service did not start")

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)


def post(base: str, path: str, body: dict, headers: dict) -> tuple[int, dict]:
    request = urllib.request.Request(base + path, json.dumps(body).encode(), method="POST")
    for name, value in {"Content-Type": "application/json", **headers}.items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_hard_restarts_under_load_lose_double_and_lock_nothing(tmp_path):
    service = Service(tmp_path)
    service.start()
    signed_in = post(
        service.base,
        "/v1/sessions",
        {"email": "billing@example.com", "password": "northwind-demo"},
        {},
    )[1]
    auth = {"Authorization": f"Bearer {signed_in['token']}"}
    with urllib.request.urlopen(
        urllib.request.Request(service.base + "/v1/quote?seats=1", headers=auth), timeout=5
    ) as answer:
        amount = json.loads(answer.read())["amount"]
    order = {"seats": 1, "quoted_amount": amount, "acknowledged": True, "acknowledgement_text": "x"}
    tried: set[str] = set()
    accepted: set[str] = set()
    stop = threading.Event()

    def client(number: int) -> None:
        sequence = 0
        while not stop.is_set():
            key = f"MA-LOAD-{number}-{sequence}"
            tried.add(key)
            try:
                status, _ = post(
                    service.base, "/v1/seat-orders", order, {**auth, "Idempotency-Key": key}
                )
            except OSError:
                time.sleep(0.02)  # the service is down: the same key again, as the desktop does
                continue
            if status == 201:
                accepted.add(key)
                sequence += 1

    clients = [threading.Thread(target=client, args=(n,)) for n in range(3)]
    for each in clients:
        each.start()
    try:
        for _ in range(RESTARTS):
            time.sleep(0.4)
            service.kill()
            service.start()
        time.sleep(0.5)
    finally:
        stop.set()
        for each in clients:
            each.join(timeout=30)
    for key in sorted(tried):  # whatever was in flight at a kill is sent again, once more
        status, _ = post(service.base, "/v1/seat-orders", order, {**auth, "Idempotency-Key": key})
        assert status == 201, key
    time.sleep(1.5)  # the last orders go live
    service.kill()
    service.log.close()

    open_database(service.url_db, service_db, MIGRATIONS)
    try:
        load = SeatOrder.select().where(SeatOrder.transaction_id.startswith("MA-LOAD-"))
        keys = [order.transaction_id for order in load]
        pending = load.where(SeatOrder.status != "provisioned").count()
    finally:
        close_database(service_db)
    assert sorted(keys) == sorted(tried) and len(keys) == len(set(keys))
    assert len(accepted) > RESTARTS  # the load really ran
    log = (tmp_path / "service.log").read_text()
    assert "database is locked" not in log and "Traceback" not in log
    assert pending <= 3  # the very last ones may still be waiting for their delay
