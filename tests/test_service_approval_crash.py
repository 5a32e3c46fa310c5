"""The service killed hard (SIGKILL) while purchases above a spending limit are requested and
approved: afterwards each approval is pending with no order, or approved with exactly one."""

import http.client
import json
import random
import sys
import threading
import time
import urllib.request

import pytest

from db.database import close_database, open_database
from service import audit
from service.models import Approval, Organization, SeatOrder, service_db
from service.server import MIGRATIONS
from tests.test_service_restarts import Service, post

RESTARTS = 5
SEATS = 12  # above the demo's Billing limit of $1,000.00


def signed_in(service: Service, email: str) -> dict:
    body = {"email": email, "password": "northwind-demo"}
    status, answer = post(service.base, "/v1/sessions", body, {})
    assert status == 201, answer
    return {"Authorization": f"Bearer {answer['token']}"}


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_an_approval_killed_midway_places_its_order_once_or_not_at_all(tmp_path):
    service = Service(tmp_path)
    service.start()
    buyer, approver = (
        signed_in(service, "billing@example.com"),
        signed_in(service, "admin@example.com"),
    )
    request = urllib.request.Request(f"{service.base}/v1/quote?seats={SEATS}", headers=buyer)
    with urllib.request.urlopen(request, timeout=5) as answer:
        amount = json.loads(answer.read())["amount"]
    order = {"seats": SEATS, "quoted_amount": amount, "acknowledged": True,
             "acknowledgement_text": "x"}  # fmt: skip
    tried: list[str] = []
    stop = threading.Event()

    def request_and_approve() -> None:
        while not stop.is_set():
            key = f"MA-APPROVE-{len(tried)}"
            tried.append(key)
            try:
                status, answer = post(
                    service.base, "/v1/seat-orders", order, {**buyer, "Idempotency-Key": key}
                )
                if status == 202:
                    path = f"/v1/approvals/{answer['approval']['id']}/approve"
                    post(service.base, path, {}, approver)
            except (OSError, ValueError, http.client.HTTPException):  # killed meanwhile
                time.sleep(0.05)

    worker = threading.Thread(target=request_and_approve)
    worker.start()
    try:
        for _ in range(RESTARTS):
            time.sleep(random.uniform(0.3, 0.9))
            service.kill()
            service.start()
    finally:
        stop.set()
        worker.join(timeout=30)
    answers = {}
    for key in tried:  # asked again, as the desktop does: pending, or the one order
        status, answer = post(
            service.base, "/v1/seat-orders", order, {**buyer, "Idempotency-Key": key}
        )
        answers[key] = status
        assert status in (201, 202), (key, answer)
    service.kill()
    open_database(service.url_db, service_db, MIGRATIONS)
    try:
        northwind = Organization.get(Organization.name == "Northwind Traders")
        held = {
            each.transaction_id: each
            for each in Approval.select().where(Approval.transaction_id.in_(tried))
        }
        assert set(held) == {key for key, status in answers.items() if status in (201, 202)}
        approved = [key for key, each in held.items() if each.status == "approved"]
        assert len(approved) >= RESTARTS  # approvals went through between the kills
        for key, approval in held.items():
            orders = SeatOrder.select().where(SeatOrder.transaction_id == key).count()
            assert orders == (1 if approval.status == "approved" else 0), key
            assert answers[key] == (201 if approval.status == "approved" else 202), key
        assert audit.verify_chain(northwind.id).intact
    finally:
        close_database(service_db)
        service.log.close()
