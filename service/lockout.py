"""Sign-in lock-out without a race and without a weapon against the locked-out.

Failures from an untrusted client count per e-mail and client address (5 in 15 minutes) and,
with a higher ceiling, per e-mail from all untrusted addresses (50 in 15 minutes). A sign-in
that presents a valid device token for that e-mail (OWASP's device cookie, given at each
successful sign-in) is limited only by the failures made with that token (5 in 15 minutes):
someone who knows an administrator's e-mail can lock out every other client, never the
administrator's own devices. An attempt takes its place in the count before its password is
checked, in a transaction serialised per e-mail, so 100 guesses at once still get at most 5
answers; it leaves the count when the password was right.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from db.database import is_sqlite, write_transaction
from service.models import SignInAttempt, service_db

WINDOW_MINUTES = 15
WINDOW = timedelta(minutes=WINDOW_MINUTES)
PER_ADDRESS = 5
PER_EMAIL = 50
PER_DEVICE = 5


class LockedOut(Exception):
    """Too many failures; `free_at` is when the next attempt may be made; `limit` which
    count is full: "address", "e-mail" or "device"."""

    def __init__(self, free_at: datetime, limit: str) -> None:
        super().__init__(free_at.isoformat())
        self.free_at, self.limit = free_at, limit


@dataclass(frozen=True)
class Attempt:
    id: int
    locks: str | None  # the limit this attempt fills if it fails: a lock-out starts with it


def begin_attempt(email: str, address: str, now: datetime, device: str | None = None) -> Attempt:
    """Count the attempt in (as a failure until it succeeds), or LockedOut. `device` is the
    hash of a device token already found valid for this e-mail."""
    with write_transaction(service_db):
        if not is_sqlite(service_db.obj):  # SQLite's IMMEDIATE already serialises writers
            service_db.execute_sql("SELECT pg_advisory_xact_lock(hashtext(%s))", (email,))
        mine = SignInAttempt.email == email
        SignInAttempt.delete().where(mine & (SignInAttempt.attempted_at <= now - WINDOW)).execute()
        recent = SignInAttempt.select(SignInAttempt.attempted_at).where(
            mine & (SignInAttempt.attempted_at > now - WINDOW)
        )
        if device is not None:
            limits = [(recent.where(SignInAttempt.device == device), PER_DEVICE, "device")]
        else:
            untrusted = recent.where(SignInAttempt.device.is_null())
            limits = [
                (untrusted.where(SignInAttempt.address == address), PER_ADDRESS, "address"),
                (untrusted, PER_EMAIL, "e-mail"),
            ]
        locks = None
        for query, ceiling, limit in limits:
            times = [row.attempted_at for row in query.order_by(SignInAttempt.attempted_at.desc())]
            if len(times) >= ceiling:
                raise LockedOut(times[ceiling - 1] + WINDOW, limit)
            if len(times) + 1 == ceiling:
                locks = locks or limit
        created = SignInAttempt.create(
            email=email, address=address, attempted_at=now, device=device
        )
        return Attempt(created.id, locks)


def succeeded(attempt: Attempt) -> None:
    """The password was right: this attempt is no failure."""
    SignInAttempt.delete().where(SignInAttempt.id == attempt.id).execute()
