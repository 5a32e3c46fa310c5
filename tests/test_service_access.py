"""Who may do what on the service, sign-in lock-out, permission changes and the audit chain."""

import hashlib
import http.client
import json
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from argon2 import PasswordHasher

from service import audit
from service.models import (
    Administrator,
    AuditEvent,
    Organization,
    PermissionSet,
    SignInAttempt,
    service_db,
)
from tests.service_helpers import PASSWORD, call, sign_in, start_demo_service


def organization_id(name: str = "Northwind Traders") -> int:
    with service_db.connection_context():
        return Organization.get(Organization.name == name).id


@pytest.fixture
def service(any_db_url):
    running = start_demo_service(any_db_url, delay=(3600, 3600))
    yield running
    running.stop()


def set_id(name: str) -> int:
    with service_db.connection_context():
        return PermissionSet.get(PermissionSet.name == name).id


def attempts(service, token):
    """Every protected call once, with what a successful answer looks like."""
    status, quoted = call(service, "GET", "/v1/quote?seats=1", token=token)
    order = {
        "seats": 1,
        "quoted_amount": quoted.get("amount", "0") if status == 200 else "0",
        "acknowledged": True,
        "acknowledgement_text": "x",
    }
    billing_set = set_id("Billing")
    return {
        "contract": call(service, "GET", "/v1/contract", token=token)[0],
        "quote": status,
        "order": call(
            service, "POST", "/v1/seat-orders", order, token, {"Idempotency-Key": f"MA-{token[:8]}"}
        )[0],
        "feed": call(service, "GET", "/v1/seat-orders", token=token)[0],
        "permission sets": call(service, "GET", "/v1/permission-sets", token=token)[0],
        "change a set": call(
            service, "PATCH", f"/v1/permission-sets/{billing_set}", {"manage_account": True}, token
        )[0],
        "audit trail": call(service, "GET", "/v1/audit-events", token=token)[0],
        "report an export": call(
            service,
            "POST",
            "/v1/audit-events",
            {"action": "receipts exported", "details": {"count": 3}},
            token,
        )[0],
    }


def test_each_demo_administrators_rights(service):
    admin, billing, viewer = (
        sign_in(service, f"{n}@example.com") for n in ("admin", "billing", "viewer")
    )
    everything = {
        "contract": 200,
        "quote": 200,
        "order": 201,
        "feed": 200,
        "permission sets": 200,
        "change a set": 200,
        "audit trail": 200,
        "report an export": 201,
    }
    assert attempts(service, admin) == everything
    assert attempts(service, billing) == {
        **everything,
        "permission sets": 403,
        "change a set": 403,
        "audit trail": 403,
    }
    assert attempts(service, viewer) == dict.fromkeys(everything, 403)


def test_five_failures_lock_the_email_for_fifteen_minutes(service):
    wrong = {"email": "billing@example.com", "password": "guess"}
    for _ in range(5):
        assert call(service, "POST", "/v1/sessions", wrong)[0] == 401
    status, body = call(service, "POST", "/v1/sessions", {**wrong, "password": PASSWORD})
    assert status == 429 and body["error"]["code"] == "too_many_attempts"
    assert 890 <= body["error"]["retry_after"] <= 900
    assert "Try again after" in body["error"]["message"]
    assert sign_in(service, "admin@example.com")  # other e-mails are not locked
    with service_db.connection_context():  # fifteen minutes pass
        for attempt in SignInAttempt.select():
            attempt.attempted_at -= timedelta(minutes=16)
            attempt.save()
    assert sign_in(service, "billing@example.com")


def sign_in_from(service, address: str, email: str, password: str) -> int:
    """POST /v1/sessions from another loopback address (127.0.0.0/8 is all this machine)."""
    host, port = urlsplit(service.url).hostname, urlsplit(service.url).port
    connection = http.client.HTTPConnection(host, port, timeout=30, source_address=(address, 0))
    body = json.dumps({"email": email, "password": password})
    connection.request("POST", "/v1/sessions", body, {"Content-Type": "application/json"})
    status = connection.getresponse().status
    connection.close()
    return status


def test_a_hundred_guesses_at_once_get_at_most_five_answers(service):
    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(
            pool.map(
                lambda _: sign_in_from(service, "127.0.0.1", "billing@example.com", "guess"),
                range(100),
            )
        )
    assert statuses.count(401) == 5 and statuses.count(429) == 95


def test_a_stranger_elsewhere_cannot_lock_the_administrator_out(service):
    for _ in range(6):
        sign_in_from(service, "127.0.0.2", "billing@example.com", "guess")
    assert sign_in_from(service, "127.0.0.2", "billing@example.com", PASSWORD) == 429
    assert sign_in_from(service, "127.0.0.1", "billing@example.com", PASSWORD) == 201


def test_guesses_from_many_addresses_meet_a_ceiling_per_email(service):
    for address in range(2, 12):  # 10 addresses x 5 failures = the ceiling of 50
        for _ in range(5):
            assert sign_in_from(service, f"127.0.0.{address}", "viewer@example.com", "x") == 401
    assert sign_in_from(service, "127.0.0.1", "viewer@example.com", PASSWORD) == 429


def test_retry_after_header(service):
    for _ in range(5):
        call(service, "POST", "/v1/sessions", {"email": "viewer@example.com", "password": "x"})
    import urllib.error
    import urllib.request

    request = urllib.request.Request(
        service.url + "/v1/sessions",
        b'{"email": "viewer@example.com", "password": "x"}',
        {"Content-Type": "application/json"},
        method="POST",
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 429
    assert 0 < int(refused.value.headers["Retry-After"]) <= 900


def test_revoking_manage_account_applies_at_the_next_request(service):
    admin, billing = sign_in(service, "admin@example.com"), sign_in(service, "billing@example.com")
    billing_set = f"/v1/permission-sets/{set_id('Billing')}"
    assert call(service, "GET", "/v1/contract", token=billing)[0] == 200
    assert call(service, "PATCH", billing_set, {"manage_account": False}, admin)[0] == 200
    status, body = call(service, "GET", "/v1/contract", token=billing)
    assert status == 403 and "Manage Account" in body["error"]["message"]
    assert call(service, "PATCH", billing_set, {"manage_account": True}, admin)[0] == 200
    assert call(service, "GET", "/v1/contract", token=billing)[0] == 200


def test_the_last_set_that_manages_permission_sets_keeps_that_right(service):
    admin = sign_in(service, "admin@example.com")
    administrators = f"/v1/permission-sets/{set_id('Administrators')}"
    status, body = call(service, "PATCH", administrators, {"manage_permission_sets": False}, admin)
    assert status == 409 and body["error"]["code"] == "last_manager"
    billing_set = f"/v1/permission-sets/{set_id('Billing')}"
    assert call(service, "PATCH", billing_set, {"bogus": True}, admin)[0] == 400
    missing = call(service, "PATCH", "/v1/permission-sets/999", {"manage_account": True}, admin)
    assert missing[0] == 404
    assert call(service, "PATCH", billing_set, {"manage_permission_sets": True}, admin)[0] == 200
    demote = call(service, "PATCH", administrators, {"manage_permission_sets": False}, admin)
    assert demote[0] == 200
    assert call(service, "GET", "/v1/permission-sets", token=admin)[0] == 403  # at once


def test_the_audit_trail_records_and_detects_tampering(service):
    admin = sign_in(service, "admin@example.com")
    call(service, "POST", "/v1/sessions", {"email": "admin@example.com", "password": "nope"})
    call(
        service,
        "PATCH",
        f"/v1/permission-sets/{set_id('Viewers')}",
        {"manage_account": True},
        admin,
    )
    status, trail = call(service, "GET", "/v1/audit-events", token=admin)
    assert status == 200 and trail["chain"]["intact"]
    actions = [event["action"] for event in trail["events"]]
    assert actions[:3] == ["permission set changed", "sign-in failed", "sign-in"]
    text = repr(trail)
    assert PASSWORD not in text and "nope" not in text and admin not in text
    filtered = call(service, "GET", "/v1/audit-events?action=sign-in%20failed", token=admin)[1]
    assert [e["actor"] for e in filtered["events"]] == ["admin@example.com"]

    with service_db.connection_context():
        northwind = AuditEvent.select().where(AuditEvent.organization == organization_id())
        first = northwind.order_by(AuditEvent.id).first()
        AuditEvent.update(details='{"forged": true}').where(AuditEvent.id == first.id).execute()
    chain = call(service, "GET", "/v1/audit-events", token=admin)[1]["chain"]
    assert not chain["intact"] and f"#{first.id}" in chain["message"]

    with service_db.connection_context():
        AuditEvent.update(details=first.details).where(AuditEvent.id == first.id).execute()
        last = northwind.order_by(AuditEvent.id.desc()).first()
        last.delete_instance()
    chain = call(service, "GET", "/v1/audit-events", token=admin)[1]["chain"]
    assert not chain["intact"] and "deleted" in chain["message"]


def test_the_audit_trail_comes_a_page_at_a_time(service):
    admin = sign_in(service, "admin@example.com")
    northwind = organization_id()
    with service_db.connection_context():
        for number in range(7):
            audit.record(northwind, "receipts exported", "admin@example.com", {"count": number})
        total = AuditEvent.select().where(AuditEvent.organization == northwind).count()
    seen, before, pages = [], None, 0
    while True:
        query = "/v1/audit-events?limit=3" + (f"&before={before}" if before else "")
        status, page = call(service, "GET", query, token=admin)
        assert status == 200 and len(page["events"]) <= 3
        assert ("chain" in page) == (before is None)  # the chain is checked with page one
        seen += [event["id"] for event in page["events"]]
        pages += 1
        if not page["has_more"]:
            break
        before = page["events"][-1]["id"]
    assert len(seen) == total and seen == sorted(seen, reverse=True)
    assert pages == -(-total // 3)
    status, _ = call(service, "GET", "/v1/audit-events?before=soon", token=admin)
    assert status == 400


def test_passwords_are_argon2id_with_their_parameters_and_a_salt_each(service):
    with service_db.connection_context():
        hashes = [a.password_hash for a in Administrator.select()]
    assert all(h.startswith("$argon2id$v=19$m=19456,t=2,p=1$") for h in hashes)
    assert len(set(hashes)) == len(hashes)  # no two administrators share a salt and hash


@pytest.mark.parametrize(
    "old",
    [
        "scrypt",  # version 1's hashes: no parameters kept
        "$argon2id$v=19$m=8192,t=1,p=1$",  # argon2id with a cost since raised
    ],
)
def test_an_old_hash_signs_in_once_and_is_upgraded(service, old):
    with service_db.connection_context():
        admin = Administrator.get(Administrator.email == "billing@example.com")
        if old == "scrypt":
            salt = bytes(range(16))
            digest = hashlib.scrypt(PASSWORD.encode(), salt=salt, n=2**14, r=8, p=1)
            admin.password_hash = f"scrypt${salt.hex()}${digest.hex()}"
        else:
            admin.password_hash = PasswordHasher(1, 8192, 1).hash(PASSWORD)
        admin.save()
    assert call(service, "POST", "/v1/sessions", {"email": admin.email, "password": "x"})[0] == 401
    assert sign_in(service, "billing@example.com")
    with service_db.connection_context():
        upgraded = Administrator.get_by_id(admin.id).password_hash
    assert upgraded.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert sign_in(service, "billing@example.com")
