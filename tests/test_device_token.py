"""The desktop keeps the service's device token in the credential store and presents it, so a
storm of wrong passwords elsewhere never locks its administrator out; Sign Out Everywhere ends
every session. Against the real service on 127.0.0.1."""

import json

import keyring
import pytest
from keyring.backends import fail

from desktop.demo import seed_demo
from desktop.ledger import close_ledger, open_ledger
from desktop.service_client import ServiceClient
from desktop.session import (
    SignInRefused,
    device_token,
    recall,
    remember,
    sign_in,
    sign_out_everywhere,
)
from desktop.sync import Credentials, SyncEngine
from service import audit, demo_data
from service.models import AuditEvent, service_db
from tests.service_helpers import call, start_demo_service
from tests.test_session_store import MemoryKeyring

ADMIN = demo_data.NORTHWIND.administrators[0][1]
PASSWORD = demo_data.NORTHWIND.password


@pytest.fixture
def store():
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


@pytest.fixture
def service(any_db_url):
    running = start_demo_service(any_db_url, delay=(3600, 3600))
    yield running
    running.stop()


def trusted_sign_ins() -> list[bool]:
    with service_db.connection_context():
        query = AuditEvent.select().where(
            (AuditEvent.action == audit.SIGN_IN) & (AuditEvent.actor_email == ADMIN)
        )
        return [json.loads(each.details)["trusted_device"] for each in query]


def test_the_device_token_is_kept_securely_and_beats_a_lock_out(service, store):
    first = sign_in(service.url, ADMIN, PASSWORD)
    token = device_token(service.url, ADMIN)
    assert token and len(token) >= 40
    assert token not in json.dumps(first.administrator)
    # Anyone else's 50 wrong passwords for the e-mail fill its count for untrusted clients...
    for _ in range(50):
        call(service, "POST", "/v1/sessions", {"email": ADMIN, "password": "guess"})
    status, refused = call(service, "POST", "/v1/sessions", {"email": ADMIN, "password": PASSWORD})
    assert (status, refused["error"]["code"]) == (429, "too_many_attempts")
    # ...while this desktop, presenting its token, signs in at once.
    again = sign_in(service.url, f" {ADMIN.upper()} ", PASSWORD)
    assert call(service, "GET", "/v1/contract", token=again.token)[0] == 200
    assert device_token(service.url, ADMIN) == token
    assert trusted_sign_ins() == [False, True]


def test_without_a_secure_store_no_device_token_is_kept(service):
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        session = sign_in(service.url, ADMIN, PASSWORD)
        assert device_token(service.url, ADMIN) is None
        assert call(service, "GET", "/v1/contract", token=session.token)[0] == 200
    finally:
        keyring.set_keyring(before)


def test_sign_out_everywhere_ends_every_session_and_forgets_the_stored_one(service, store):
    here = sign_in(service.url, ADMIN, PASSWORD)
    elsewhere = sign_in(service.url, ADMIN, PASSWORD)
    contoso = sign_in(
        service.url, demo_data.CONTOSO.administrators[0][1], demo_data.CONTOSO.password
    )
    remember(here)
    sign_out_everywhere(here)
    for session in (here, elsewhere):
        assert call(service, "GET", "/v1/contract", token=session.token)[0] == 401
    assert call(service, "GET", "/v1/contract", token=contoso.token)[0] == 200
    assert recall(service.url) is None
    assert device_token(service.url, ADMIN)  # the device stays trusted
    with pytest.raises(SignInRefused):
        sign_in(service.url, ADMIN, "wrong")


@pytest.fixture
def desktop(tmp_path):
    url = f"sqlite:///{tmp_path / 'desktop.db'}"
    open_ledger(url)
    seed_demo()
    yield url
    close_ledger()


def test_a_sync_that_signs_in_keeps_the_device_token_it_is_given(desktop, store, tmp_path):
    service = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}")
    try:
        assert device_token(service.url, ADMIN) is None  # first sign-in on this computer
        engine = SyncEngine(ServiceClient(service.url), Credentials(ADMIN, PASSWORD))
        assert engine.run_once().problem is None
        kept = device_token(service.url, ADMIN)
        assert kept  # trusted from now on, as a sign-in from the dialog would be
        SyncEngine(ServiceClient(service.url), Credentials(ADMIN, PASSWORD)).run_once()
        assert trusted_sign_ins()[-1] is True
    finally:
        service.stop()


def test_an_ended_session_asks_to_sign_in_again_and_sync_goes_on(desktop, store, tmp_path):
    service = start_demo_service(f"sqlite:///{tmp_path / 'service.db'}")
    try:
        session = sign_in(service.url, ADMIN, PASSWORD)
        client = ServiceClient(service.url)
        client.token = session.token
        engine = SyncEngine(client)
        assert engine.run_once().session_ended is False
        sign_out_everywhere(sign_in(service.url, ADMIN, PASSWORD))  # from another computer
        assert engine.run_once().session_ended is True  # the service said 401
        assert engine.run_once().session_ended is True  # and it says so until signed in
        # Credentials given: it signs in again by itself, presenting the device token.
        quiet = SyncEngine(ServiceClient(service.url), Credentials(ADMIN, PASSWORD))
        report = quiet.run_once()
        assert (report.session_ended, report.problem) == (False, None)
        assert trusted_sign_ins()[-1] is True
        client.token = sign_in(service.url, ADMIN, PASSWORD).token  # what resume() does
        report = engine.run_once()
        assert (report.session_ended, report.problem) == (False, None)
    finally:
        service.stop()
