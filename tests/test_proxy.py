"""Reaching the account service through a company's proxy: a real proxy (proxy.py) on
127.0.0.1, one that asks for a password (407), and one that answers with a web page."""

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest

from desktop import proxy
from desktop.config import load_user_settings, save_user_settings
from desktop.models import Outbox, SeatPurchase
from desktop.proxy import DIRECT, ENVIRONMENT, SETTINGS, Route, route_for
from desktop.service_client import ServiceClient, ServiceUnavailable
from desktop.sync import SyncEngine
from tests.service_helpers import PASSWORD
from tests.test_session_store import store  # noqa: F401
from tests.test_sync import BILLING, buy, desktop, local, service  # noqa: F401


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def real_proxy(tmp_path) -> Iterator[tuple[str, Path]]:
    """proxy.py on 127.0.0.1; yields its URL and its access log."""
    yield from _proxy(tmp_path)


@pytest.fixture
def password_proxy(tmp_path) -> Iterator[tuple[str, Path]]:
    """proxy.py asking for user "ops", password "s3cret" (407 without them)."""
    yield from _proxy(tmp_path, "--basic-auth", "ops:s3cret")


def _proxy(tmp_path: Path, *options: str) -> Iterator[tuple[str, Path]]:
    port, log = free_port(), tmp_path / "proxy.log"
    running = subprocess.Popen(
        [sys.executable, "-m", "proxy", "--hostname", "127.0.0.1", "--port", str(port),
         "--num-workers", "1", "--num-acceptors", "1", "--log-file", str(log), *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline or running.poll() is not None:
                running.kill()
                pytest.fail("proxy.py did not start")
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}", log
    running.terminate()
    running.wait(timeout=10)


def passed_through(log: Path, path: str) -> bool:
    """Whether the proxy's access log has a request for `path` (proxy.py logs as it closes)."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if log.exists() and path in log.read_text(errors="replace"):
            return True
        time.sleep(0.1)
    return False


def test_the_proxy_set_in_settings_comes_first_with_its_kept_password(store, monkeypatch):  # noqa: F811
    monkeypatch.setenv("HTTPS_PROXY", "http://env-proxy:8080")
    proxy.keep_proxy_password("http://corp-proxy:3128", "ops", "s3cret")
    route = route_for("https://accounts.example.com", "http://corp-proxy:3128", "ops")
    assert route == Route("http://corp-proxy:3128", SETTINGS, "ops", "s3cret")
    assert route.handler().proxies["https"] == "http://ops:s3cret@corp-proxy:3128"
    proxy.keep_proxy_password("http://corp-proxy:3128", "ops", "")  # forgotten
    assert route_for("https://a.example", "http://corp-proxy:3128", "ops").password == ""


def test_https_proxy_and_no_proxy_from_the_environment(monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://env-proxy:8080")
    monkeypatch.setenv("NO_PROXY", "internal.example,.corp.example")
    assert route_for("https://accounts.example.com") == Route("http://env-proxy:8080", ENVIRONMENT)
    assert route_for("https://billing.corp.example").proxy is None
    assert route_for("https://internal.example").origin == ENVIRONMENT


def test_without_any_proxy_the_service_is_reached_directly(monkeypatch):
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY",
                 "all_proxy", "NO_PROXY", "no_proxy"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    assert route_for("https://accounts.example.com") == Route(None, DIRECT)


@pytest.mark.parametrize(
    ("url", "problem"),
    [("", None), ("http://proxy:3128", None), ("proxy:3128", "port"),
     ("http://proxy", "port"), ("http://ops:pw@proxy:3128", "user name")],
)  # fmt: skip
def test_a_proxy_address_is_checked_before_it_is_kept(url, problem):
    found = proxy.invalid_proxy_url(url)
    assert (found is None) if problem is None else (problem in found)


def test_the_proxy_is_kept_in_settings_with_its_user(qapp):
    chosen = load_user_settings()
    save_user_settings(chosen.__class__(**{**vars(chosen), "proxy_url": "http://p:3128",
                                           "proxy_user": "ops"}))  # fmt: skip
    assert (load_user_settings().proxy_url, load_user_settings().proxy_user) == (
        "http://p:3128",
        "ops",
    )
    save_user_settings(chosen)


def test_calls_go_through_the_proxy_set(service, real_proxy):  # noqa: F811
    url, log = real_proxy
    client = ServiceClient(service.url, route=Route(url, SETTINGS))
    client.sign_in("billing@example.com", PASSWORD)
    assert client.license_summary()["purchased"] == 50
    assert passed_through(log, "/v1/license-summary")
    refused = ServiceClient(service.url, route=Route(f"http://127.0.0.1:{free_port()}", SETTINGS))
    with pytest.raises(ServiceUnavailable, match="cannot be reached"):
        refused.sign_in("billing@example.com", PASSWORD)  # no proxy there: nothing gets through


def test_https_proxy_in_the_environment_is_used(service, real_proxy, monkeypatch):  # noqa: F811
    url, log = real_proxy
    monkeypatch.setenv("HTTP_PROXY", url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    client = ServiceClient(service.url)
    assert client.route.origin == ENVIRONMENT
    client.sign_in("billing@example.com", PASSWORD)
    assert passed_through(log, "/v1/sessions")


def test_a_sync_goes_through_the_proxy(desktop, service, real_proxy):  # noqa: F811
    url, log = real_proxy
    purchase = buy(2)
    engine = SyncEngine(ServiceClient(service.url, route=Route(url, SETTINGS)), BILLING)
    report = engine.run_once()
    assert report.online and Outbox.select().count() == 0
    assert local(purchase.transaction_id).provisioning_status in ("pending", "provisioned")
    assert passed_through(log, "/v1/seat-orders")


def test_a_proxy_asking_for_a_password_says_so_and_the_purchase_stays_queued(
    desktop,  # noqa: F811
    service,  # noqa: F811
    password_proxy,
):
    url, _ = password_proxy
    purchase = buy(1)
    report = SyncEngine(ServiceClient(service.url, route=Route(url, SETTINGS)), BILLING).run_once()
    assert not report.online
    assert "asks for a user name and password (407)" in report.problem
    assert "File > Settings" in report.problem
    assert local(purchase.transaction_id).provisioning_status == "queued"
    with_password = Route(url, SETTINGS, "ops", "s3cret")
    engine = SyncEngine(ServiceClient(service.url, route=with_password), BILLING)
    assert engine.run_once(datetime.now(UTC) + timedelta(minutes=5)).online  # past the backoff
    assert local(purchase.transaction_id).provisioning_status != "queued"


class WebPageProxy:
    """A proxy that answers everything with its own HTML error page, as filtering ones do."""

    def __call__(self, environ, start_response):
        start_response("502 Bad Gateway", [("Content-Type", "text/html; charset=utf-8")])
        return [b"<html><body><h1>Access denied by policy</h1></body></html>"]


class Quiet(WSGIRequestHandler):
    def log_message(self, *args) -> None:
        pass


def test_a_proxys_web_page_is_not_taken_for_the_service(desktop):  # noqa: F811
    purchase = buy(1)
    server = make_server("127.0.0.1", 0, WebPageProxy(), handler_class=Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        route = Route(f"http://127.0.0.1:{server.server_port}", SETTINGS)
        report = SyncEngine(
            ServiceClient("http://accounts.example", route=route), BILLING
        ).run_once()
    finally:
        server.shutdown()
    assert not report.online
    assert "a proxy or gateway answered 502 with a web page" in report.problem
    stored = local(purchase.transaction_id)
    assert stored.provisioning_status == "queued" and Outbox.select().count() == 1
    assert SeatPurchase.select().count() > 0
