"""Sign-in lock-out without a race and without a weapon against the locked-out.

Failures count per e-mail and client address (5 in 15 minutes) and, with a higher ceiling, per
e-mail from all addresses (50 in 15 minutes): a stranger elsewhere cannot lock an administrator
out of their own desk, and a spread-out guess is still stopped. An attempt takes its place in the
count before its password is checked, in a transaction serialised per e-mail, so 100 guesses at
once still get at most 5 answers; it leaves the count when the password was right.
"""

from datetime import datetime, timedelta

from db.database import is_sqlite, write_transaction
from service.models import SignInAttempt, service_db

WINDOW = timedelta(minutes=15)
PER_ADDRESS = 5
PER_EMAIL = 50


class LockedOut(Exception):
    """Too many failures; `free_at` is when the next attempt may be made."""

    def __init__(self, free_at: datetime) -> None:
        super().__init__(free_at.isoformat())
        self.free_at = free_at


def begin_attempt(email: str, address: str, now: datetime) -> int:
    """Count the attempt in (as a failure until it succeeds); its id, or LockedOut."""
    with write_transaction(service_db):
        if not is_sqlite(service_db.obj):  # SQLite's IMMEDIATE already serialises writers
            service_db.execute_sql("SELECT pg_advisory_xact_lock(hashtext(%s))", (email,))
        mine = SignInAttempt.email == email
        SignInAttempt.delete().where(mine & (SignInAttempt.attempted_at <= now - WINDOW)).execute()
        recent = SignInAttempt.select(SignInAttempt.attempted_at).where(
            mine & (SignInAttempt.attempted_at > now - WINDOW)
        )
        for query, ceiling in (
            (recent.where(SignInAttempt.address == address), PER_ADDRESS),
            (recent, PER_EMAIL),
        ):
            times = [row.attempted_at for row in query.order_by(SignInAttempt.attempted_at.desc())]
            if len(times) >= ceiling:
                raise LockedOut(times[ceiling - 1] + WINDOW)
        return SignInAttempt.create(email=email, address=address, attempted_at=now).id


def succeeded(attempt_id: int) -> None:
    """The password was right: this attempt is no failure."""
    SignInAttempt.delete().where(SignInAttempt.id == attempt_id).execute()
