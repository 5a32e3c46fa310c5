"""Sign-in that cannot be turned against its owner (OWASP's device cookies), sign-out
everywhere, and sessions that end when idle: real HTTP from several loopback addresses, on
SQLite and PostgreSQL."""

import http.client
import json
from datetime import timedelta
from urllib.parse import urlsplit

import pytest

from db.fields import utc_now
from service import audit, demo_data
from service.auth import IDLE_STEP, SESSION_IDLE, token_hash
from service.models import AuditEvent, Session, service_db
from service.orders import ProvisioningDelay
from service.server import start_service
from tests.service_helpers import call

ADMIN = demo_data.NORTHWIND.administrators[0][1]
PASSWORD = demo_data.NORTHWIND.password


@pytest.fixture
def service(any_db_url):
    running = start_service(
        any_db_url, delay=ProvisioningDelay(3600, 3600), demo=True, check_responses=True
    )
    yield running
    running.stop()


def sign_in_from(service, address: str, body: dict) -> tuple[int, dict]:
    """POST /v1/sessions from a chosen loopback address (all of 127.0.0.0/8 is this host)."""
    parts = urlsplit(service.url)
    connection = http.client.HTTPConnection(
        parts.hostname, parts.port, timeout=30, source_address=(address, 0)
    )
    try:
        connection.request(
            "POST", "/v1/sessions", json.dumps(body), {"Content-Type": "application/json"}
        )
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def events(action: str, email: str = ADMIN) -> list[dict]:
    with service_db.connection_context():
        query = AuditEvent.select().where(
            (AuditEvent.action == action) & (AuditEvent.actor_email == email)
        )
        return [json.loads(each.details) for each in query.order_by(AuditEvent.id)]


def test_a_storm_from_25_addresses_never_locks_out_the_trusted_device(service):
    status, session = sign_in_from(service, "127.0.0.1", {"email": ADMIN, "password": PASSWORD})
    assert status == 201 and len(session["device_token"]) >= 40
    assert session["idle_timeout"] == SESSION_IDLE.total_seconds()
    device = session["device_token"]

    answers = []
    for n in range(100):  # 4 rounds over 25 addresses: 100 wrong passwords
        address = f"127.0.0.{2 + n % 25}"
        answers.append(sign_in_from(service, address, {"email": ADMIN, "password": "guess"})[0])
    assert answers.count(401) == 50  # then the e-mail's count for untrusted clients is full
    assert answers.count(429) == 50 and set(answers) == {401, 429}

    # Anyone else, even with the right password, waits...
    status, refused = sign_in_from(service, "127.0.0.99", {"email": ADMIN, "password": PASSWORD})
    assert (status, refused["error"]["code"]) == (429, "too_many_attempts")
    # ...but the administrator's own device signs in at once, and keeps its token.
    trusted = {"email": ADMIN, "password": PASSWORD, "device_token": device}
    status, again = sign_in_from(service, "127.0.0.99", trusted)
    assert status == 201, again
    assert again["device_token"] == device
    assert call(service, "GET", "/v1/contract", token=again["token"])[0] == 200

    # The audit trail has the 50 failures and the lock-out that began with the 50th (two per
    # address by then: no address filled its own count of 5).
    locked = events(audit.SIGN_IN_LOCKED)
    assert locked == [
        {"address": "127.0.0.26", "limit": "e-mail", "minutes": 15, "trusted_device": False}
    ]
    assert len(events(audit.SIGN_IN_FAILED)) == 50
    assert events(audit.SIGN_IN)[-1] == {"trusted_device": True}


def test_a_device_is_limited_by_its_own_failures_and_only_for_its_own_e_mail(service):
    status, session = sign_in_from(service, "127.0.0.1", {"email": ADMIN, "password": PASSWORD})
    device = session["device_token"]
    wrong = {"email": ADMIN, "password": "guess", "device_token": device}
    assert [sign_in_from(service, "127.0.0.1", wrong)[0] for _ in range(6)] == [401] * 5 + [429]
    assert events(audit.SIGN_IN_LOCKED)[-1]["limit"] == "device"
    # The device's failures are its own: a client without it is not limited by them.
    status, _ = sign_in_from(service, "127.0.0.1", {"email": ADMIN, "password": PASSWORD})
    assert status == 201
    # Another administrator's e-mail with this device's token: an untrusted client.
    contoso = demo_data.CONTOSO.administrators[0][1]
    body = {"email": contoso, "password": demo_data.CONTOSO.password, "device_token": device}
    status, other = sign_in_from(service, "127.0.0.1", body)
    assert status == 201 and other["device_token"] != device


def test_sign_out_everywhere_ends_every_session_of_the_caller_only(service):
    first = call(service, "POST", "/v1/sessions", {"email": ADMIN, "password": PASSWORD})[1]
    second = call(service, "POST", "/v1/sessions", {"email": ADMIN, "password": PASSWORD})[1]
    contoso_body = {
        "email": demo_data.CONTOSO.administrators[0][1],
        "password": demo_data.CONTOSO.password,
    }
    contoso = call(service, "POST", "/v1/sessions", contoso_body)[1]
    for session in (first, second, contoso):
        assert call(service, "GET", "/v1/contract", token=session["token"])[0] == 200

    assert call(service, "DELETE", "/v1/sessions", token=second["token"]) == (204, None)
    for session in (first, second):
        status, answer = call(service, "GET", "/v1/contract", token=session["token"])
        assert (status, answer["error"]["code"]) == (401, "unauthorized")
    assert call(service, "GET", "/v1/contract", token=contoso["token"])[0] == 200
    assert events(audit.SIGNED_OUT_EVERYWHERE) == [{"sessions": 2}]
    assert call(service, "DELETE", "/v1/sessions")[0] == 401  # no session: nothing to end
    # The device token outlives the sessions: the next sign-in is a trusted one.
    body = {"email": ADMIN, "password": PASSWORD, "device_token": first["device_token"]}
    status, again = call(service, "POST", "/v1/sessions", body)
    assert (status, again["device_token"]) == (201, first["device_token"])


def idle_until(token: str):
    with service_db.connection_context():
        return Session.get(Session.token_hash == token_hash(token)).idle_until


def set_idle_until(token: str, moment) -> None:
    with service_db.connection_context():
        Session.update(idle_until=moment).where(Session.token_hash == token_hash(token)).execute()


def test_a_session_ends_after_30_idle_minutes_and_use_moves_the_end_on(service):
    token = call(service, "POST", "/v1/sessions", {"email": ADMIN, "password": PASSWORD})[1][
        "token"
    ]
    signed_in = utc_now()
    assert signed_in < idle_until(token) - SESSION_IDLE + timedelta(seconds=5)

    # Used with 10 minutes left: the end moves to 30 minutes from now.
    set_idle_until(token, utc_now() + timedelta(minutes=10))
    assert call(service, "GET", "/v1/contract", token=token)[0] == 200
    moved = idle_until(token) - utc_now()
    assert SESSION_IDLE - timedelta(seconds=10) < moved <= SESSION_IDLE
    # Used again at once: within IDLE_STEP nothing is written.
    before = idle_until(token)
    assert call(service, "GET", "/v1/contract", token=token)[0] == 200
    assert idle_until(token) == before and IDLE_STEP < SESSION_IDLE

    # Idle past its end: 401, although its 12 hours are far from over.
    set_idle_until(token, utc_now() - timedelta(seconds=1))
    status, answer = call(service, "GET", "/v1/contract", token=token)
    assert (status, answer["error"]["code"]) == (401, "unauthorized")


def test_the_idle_timeout_is_configurable(any_db_url):
    running = start_service(
        any_db_url, demo=True, check_responses=True, session_idle=timedelta(minutes=5)
    )
    try:
        status, session = call(
            running, "POST", "/v1/sessions", {"email": ADMIN, "password": PASSWORD}
        )
        assert (status, session["idle_timeout"]) == (201, 300)
        left = idle_until(session["token"]) - utc_now()
        assert timedelta(minutes=4) < left <= timedelta(minutes=5)
    finally:
        running.stop()


def test_the_audit_log_knows_every_new_action():
    """The desktop's Audit Log filters and translates these actions of the service."""
    from desktop.audit_log import ACTIONS
    from service.admin import INVOICE_PAID, REQUEST_ANSWERED

    new = {audit.SIGN_IN_LOCKED, audit.SIGNED_OUT_EVERYWHERE, INVOICE_PAID, REQUEST_ANSWERED}
    assert new <= set(ACTIONS)


def test_an_e_mail_keeps_its_20_most_recent_device_tokens(service):
    from service.auth import DEVICES_KEPT
    from service.models import DeviceToken

    tokens = [
        call(service, "POST", "/v1/sessions", {"email": ADMIN, "password": PASSWORD})[1][
            "device_token"
        ]
        for _ in range(DEVICES_KEPT + 2)
    ]
    with service_db.connection_context():
        kept = {row.token_hash for row in DeviceToken.select().where(DeviceToken.email == ADMIN)}
    assert kept == {token_hash(token) for token in tokens[2:]}
    body = {"email": ADMIN, "password": PASSWORD, "device_token": tokens[0]}
    assert call(service, "POST", "/v1/sessions", body)[1]["device_token"] != tokens[0]
