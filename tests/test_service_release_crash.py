"""The service killed hard (SIGKILL) while seats are freed and given back: every release is whole
or absent afterwards, each user's seat agrees with the releases, and the audit trail is intact."""

import http.client
import json
import random
import sys
import threading
import time
import urllib.request

import pytest

from db.database import close_database, open_database
from service import audit, seats
from service.models import AccountUser, Organization, SeatRelease, SeatReleaseUser, service_db
from service.server import MIGRATIONS
from tests.test_service_restarts import Service, post

RESTARTS = 6


def sign_in(service: Service) -> dict:
    body = {"email": "admin@example.com", "password": "northwind-demo"}
    status, answer = post(service.base, "/v1/sessions", body, {})
    assert status == 201, answer
    return {"Authorization": f"Bearer {answer['token']}"}


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_release_killed_midway_is_whole_or_absent(tmp_path):
    service = Service(tmp_path)
    service.start()
    open_database(service.url_db, service_db, MIGRATIONS)
    northwind = Organization.get(Organization.name == "Northwind Traders")
    held = AccountUser.select().where(
        (AccountUser.organization == northwind) & AccountUser.holds_seat & ~AccountUser.active
    )
    disabled = [user.id for user in held]
    close_database(service_db)
    assert len(disabled) == 4
    auth = sign_in(service)
    stop = threading.Event()
    made: list[int] = []

    def newest_release() -> int:
        request = urllib.request.Request(service.base + "/v1/seat-releases?limit=1")
        request.add_header(*next(iter(auth.items())))
        with urllib.request.urlopen(request, timeout=5) as answer:
            return json.loads(answer.read())["releases"][0]["id"]

    def free_and_give_back() -> None:
        while not stop.is_set():
            try:
                body = {"user_ids": disabled, "reason": "crash test"}
                status, answer = post(service.base, "/v1/seat-releases", body, auth)
                if status == 201:
                    made.append(answer["release"]["id"])
                if status in (201, 409):  # 409: a kill came before the undo (or its answer)
                    path = f"/v1/seat-releases/{newest_release()}/undo"
                    post(service.base, path, {}, auth)
            except (OSError, ValueError, http.client.HTTPException):  # killed meanwhile
                time.sleep(0.05)

    worker = threading.Thread(target=free_and_give_back)
    worker.start()
    try:
        for _ in range(RESTARTS):
            time.sleep(random.uniform(0.2, 0.8))
            service.kill()
            service.start()
    finally:
        stop.set()
        worker.join(timeout=30)
        service.kill()
    assert len(made) >= RESTARTS  # releases were made between the kills
    open_database(service.url_db, service_db, MIGRATIONS)
    try:
        releases = list(SeatRelease.select())
        entries = {release.id: {entry.user_id for entry in release.users} for release in releases}
        assert all(users == set(disabled) for users in entries.values())  # whole or absent
        open_ones = [r for r in releases if r.undone_at is None]
        assert len(open_ones) <= 1  # the undo waits for the next release: one may be left
        freed = set(disabled) if open_ones else set()
        seats_now = {
            user.id: user.holds_seat
            for user in AccountUser.select().where(AccountUser.id.in_(disabled))
        }
        assert seats_now == {user: user not in freed for user in disabled}
        undone = SeatReleaseUser.select().where(SeatReleaseUser.returned.is_null(False))
        assert {entry.release_id for entry in undone} == {
            r.id for r in releases if r.undone_at is not None
        }
        assert audit.verify_chain(northwind.id).intact
        events = audit.events_of(northwind.id)
        released = events.where(audit.AuditEvent.action == seats.SEATS_RELEASED).count()
        assert released == len(releases)  # each release and its entry together, or neither
    finally:
        close_database(service_db)
