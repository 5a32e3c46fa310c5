"""Every way the service, or something in front of it, can answer an order, against a real
HTTP server on 127.0.0.1: only the service's own refusals reject; everything else retries."""

import json
import socket
import socketserver
import struct
import threading
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from billing.proration import quote
from desktop.access import acting_administrator
from desktop.account import current_contract
from desktop.demo import seed_demo
from desktop.models import Outbox, SeatPurchase
from desktop.purchasing import purchase_seats
from desktop.service_client import ServiceClient, retry_after
from desktop.sync import SyncEngine
from service import demo_data
from tests.conftest import first_org

HTML = "<html><body><h1>Access denied by your proxy</h1></body></html>"


def answer(status: str, body: object = None, headers: dict | None = None) -> bytes:
    """A whole HTTP response; a dict body is sent as JSON, a string as an HTML page."""
    is_json = isinstance(body, dict)
    payload = (json.dumps(body) if is_json else body or "").encode()
    lines = [f"HTTP/1.1 {status}", f"Content-Length: {len(payload)}", "Connection: close"]
    lines.append(f"Content-Type: {'application/json' if is_json else 'text/html'}")
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload


def error(code: str, **extra) -> dict:
    return {"error": {"code": code, "message": f"The service says {code}.", **extra}}


LICENSE_SUMMARY = {
    "purchased": 50,
    "assigned": 47,
    "assigned_disabled": 4,
    "assigned_inactive": 3,
    "inactive_days": 90,
    "available": 3,
    "pending": 0,
}


ANSWERS = {  # what the service answers besides the feed, the contract and the order
    "/v1/license-summary": LICENSE_SUMMARY,
    "/v1/vendor": demo_data.VENDOR,
    "/v1/billing-profile": {
        **demo_data.NORTHWIND.billing_profile,
        "updated_at": "2026-11-27T09:00:00+00:00",
    },
}


class Scripted(socketserver.ThreadingTCPServer):
    """Answers the feed and the contract as the service would, and an order as told."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, order_answer: bytes | str, contract: dict) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.order_answer, self.contract, self.orders_seen = order_answer, contract, 0
        self.forbidden: set[str] = set()  # paths answered 403, as to a user without the right


class Handler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        first = self.rfile.peek(2)[:2] if hasattr(self.rfile, "peek") else b""
        if first[:1] == b"\x16":  # a TLS handshake where plain HTTP is served
            self.wfile.write(answer("400 Bad Request", HTML))
            return
        request = self.rfile.readline().decode("latin-1")
        length = 0
        while (line := self.rfile.readline()) not in (b"\r\n", b"\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        self.rfile.read(length)
        method, path = request.split()[:2]
        if path in self.server.forbidden:
            self.wfile.write(answer("403 Forbidden", error("forbidden")))
        elif method == "GET" and path.startswith("/v1/seat-orders"):
            self.wfile.write(answer("200 OK", {"orders": [], "cursor": None, "has_more": False}))
        elif method == "GET" and path == "/v1/contract":
            self.wfile.write(answer("200 OK", self.server.contract))
        elif method == "GET" and path in ANSWERS:
            self.wfile.write(answer("200 OK", ANSWERS[path]))
        elif (method, path) != ("POST", "/v1/seat-orders"):
            self.wfile.write(answer("404 Not Found", error("not_found")))
        elif self.server.order_answer == "reset":
            self.server.orders_seen += 1
            self.request.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        else:
            self.server.orders_seen += 1
            self.wfile.write(self.server.order_answer)


@pytest.fixture
def purchase(any_db):
    """A purchase waiting in the outbox of a desktop database (SQLite and PostgreSQL)."""
    seed_demo()
    summary = current_contract(first_org())
    shown = quote(summary, 2, summary.today)
    return purchase_seats(acting_administrator("billing@example.com"), 2, shown.amount, True)


def contract_json() -> dict:
    summary = current_contract(first_org())
    return {
        "organization": summary.organization,
        "timezone": summary.timezone,
        "start_date": summary.start_date.isoformat(),
        "end_date": summary.end_date.isoformat(),
        "licensed_seats": summary.licensed_seats,
        "monthly_price_per_seat": str(summary.monthly_price_per_seat),
        "currency": summary.currency,
        "proration": summary.proration_unit,
        "account_manager": {
            "name": summary.account_manager_name,
            "email": summary.account_manager_email,
            "phone": summary.account_manager_phone,
        },
    }


def sync_against(order_answer, scheme: str = "http", forbidden: frozenset[str] = frozenset()):
    server = Scripted(order_answer, contract_json())
    server.forbidden |= forbidden
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    client = ServiceClient(f"{scheme}://127.0.0.1:{server.server_address[1]}", timeout=2)
    client.token = "signed-in"
    now = datetime.now(UTC)
    try:
        report = SyncEngine(client).run_once(now)
    finally:
        server.shutdown()
        server.server_close()
    return report, server, now, client


def status_of(purchase) -> str:
    return SeatPurchase.get_by_id(purchase.id).provisioning_status


WAIT_AND_RETRY = [
    ("408", answer("408 Request Timeout", error("timeout"))),
    ("425", answer("425 Too Early", error("too_early"))),
    ("429", answer("429 Too Many Requests", error("slow_down"))),
    ("500", answer("500 Internal Server Error", error("internal_error"))),
    ("503 page", answer("503 Service Unavailable", HTML)),
    ("502 from a proxy", answer("502 Bad Gateway", HTML)),
    ("407 from a proxy", answer("407 Proxy Authentication Required", HTML)),
    ("401 page, not ours", answer("401 Unauthorized", HTML)),
    ("200 page from a proxy", answer("200 OK", HTML)),
    ("422 page, not ours", answer("422 Unprocessable Entity", HTML)),
    ("409 with a code not ours", answer("409 Conflict", error("conflict"))),
    ("400 with our code", answer("400 Bad Request", error("invalid_parameter"))),
    ("404", answer("404 Not Found", error("not_found"))),
    ("garbage", b"SSH-2.0-OpenSSH_9.6\r\n"),
    ("reset", "reset"),
]


@pytest.mark.parametrize(
    "order_answer", [a for _, a in WAIT_AND_RETRY], ids=[i for i, _ in WAIT_AND_RETRY]
)
def test_anything_but_a_refusal_leaves_the_purchase_queued(purchase, order_answer):
    report, server, now, _ = sync_against(order_answer)
    assert server.orders_seen == 1
    assert status_of(purchase) == "queued"
    entry = Outbox.get(Outbox.purchase == purchase.id)
    assert entry.attempts == 1 and entry.last_error
    assert now < entry.next_attempt_at <= now + timedelta(seconds=60)
    assert report.problem  # the status bar says why the purchase waits
    assert report.waiting == 1


def test_a_tls_failure_leaves_the_purchase_queued(purchase):
    report, _, _, _ = sync_against(answer("200 OK", {}), scheme="https")
    assert not report.online
    assert status_of(purchase) == "queued"
    assert Outbox.get(Outbox.purchase == purchase.id).attempts == 1


@pytest.mark.parametrize("as_date", [False, True], ids=["seconds", "http-date"])
def test_retry_after_is_honoured(purchase, as_date):
    later = datetime.now(UTC) + timedelta(seconds=125)
    header = format_datetime(later, usegmt=True) if as_date else "120"
    order_answer = answer("429 Too Many Requests", error("slow_down"), {"Retry-After": header})
    _, _, now, _ = sync_against(order_answer)
    entry = Outbox.get(Outbox.purchase == purchase.id)
    assert entry.next_attempt_at >= now + timedelta(seconds=115)
    assert status_of(purchase) == "queued"


def test_retry_after_reads_both_forms():
    now = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
    assert retry_after("30", now) == 30
    assert retry_after("Fri, 27 Nov 2026 12:02:00 GMT", now) == 120
    assert retry_after("Fri, 27 Nov 2026 11:00:00 GMT", now) == 0
    assert retry_after("soon", now) is None and retry_after(None, now) is None


@pytest.mark.parametrize(
    "order_answer, code",
    [
        (answer("422 Unprocessable Entity", error("invalid_order")), "invalid_order"),
        (answer("422 Unprocessable Entity", error("contract_ended")), "contract_ended"),
        (answer("409 Conflict", error("idempotency_key_reused")), "idempotency_key_reused"),
    ],
)
def test_the_services_own_refusal_rejects(purchase, order_answer, code):
    report, _, _, _ = sync_against(order_answer)
    stored = SeatPurchase.get_by_id(purchase.id)
    assert stored.provisioning_status == "rejected"
    assert stored.last_sync_error == f"The service says {code}."
    assert Outbox.select().count() == 0 and report.changed and report.requoted == []


def test_an_expired_quote_rejects_and_offers_todays_total(purchase):
    fresh = {"seats": 2, "amount": "75.00", "currency": "USD", "as_of": "2026-12-04"}
    report, _, _, _ = sync_against(answer("409 Conflict", error("quote_expired", quote=fresh)))
    assert status_of(purchase) == "rejected"
    [requote] = report.requoted
    assert (requote.transaction_id, requote.seats) == (purchase.transaction_id, 2)
    assert (str(requote.old_amount), str(requote.new_amount)) == (str(purchase.amount), "75.00")


def test_401_waits_for_a_new_sign_in(purchase):
    report, _, _, client = sync_against(answer("401 Unauthorized", error("unauthorized")))
    assert client.token is None and report.problem
    assert status_of(purchase) == "queued"
    assert Outbox.get(Outbox.purchase == purchase.id).attempts == 0  # nothing to back off from


def test_403_shows_the_permission_page_and_waits(purchase):
    report, _, _, _ = sync_against(answer("403 Forbidden", error("forbidden")))
    assert report.permission_lost
    assert status_of(purchase) == "queued"


def test_requests_for_fewer_seats_forbidden_to_finance_leave_the_window(any_db):
    """A service from before View Billing could read them answers a finance user 403 there:
    the round reads everything else, and the user keeps the window (no purchase is waiting)."""
    seed_demo()
    forbidden = frozenset({"/v1/renewal/reduction-requests"})
    report, _, _, _ = sync_against(answer("500 Internal Server Error"), forbidden=forbidden)
    assert not report.permission_lost
    assert report.online and report.problem is None
    report, _, _, _ = sync_against(
        answer("500 Internal Server Error"), forbidden=frozenset({"/v1/contract"})
    )
    assert report.permission_lost  # a 403 on what the user must read still says so
