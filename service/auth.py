"""Passwords as argon2id hashes that carry their own parameters; random session and device
tokens stored only as their SHA-256. A session ends 12 hours after sign-in, or sooner after
30 minutes (configurable) without use; a device token lives 90 days from its last sign-in."""

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from db.fields import utc_now
from db.prepared import Prepared
from service.models import (
    Administrator,
    DeviceToken,
    Organization,
    PermissionSet,
    Session,
    service_db,
)

SESSION_LIFETIME = timedelta(hours=12)
SESSION_IDLE = timedelta(minutes=30)
IDLE_STEP = timedelta(seconds=30)  # the idle end moves on at most this often: fewer writes
DEVICE_LIFETIME = timedelta(days=90)
DEVICES_KEPT = 20  # per e-mail, the most recently used: each sign-in without one makes one
# OWASP's argon2id setting (19 MiB, 2 passes, 1 lane): the parameters are kept in each hash,
# so raising them later rehashes every password at its owner's next sign-in.
HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
_LEGACY_SCRYPT = {"n": 2**14, "r": 8, "p": 1}  # version 1's "scrypt$salt$digest", no parameters


def hash_password(password: str) -> str:
    """An argon2id hash with a fresh salt."""
    return HASHER.hash(password)


def check_password(password: str, stored: str) -> tuple[bool, bool]:
    """(matches, should be hashed again): a legacy scrypt hash or outdated parameters."""
    if stored.startswith("scrypt$"):
        return _scrypt_matches(password, stored), True
    try:
        HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False, False
    return True, HASHER.check_needs_rehash(stored)


def _scrypt_matches(password: str, stored: str) -> bool:
    try:
        _, salt, digest = stored.split("$")
        expected = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), **_LEGACY_SCRYPT)
    except ValueError:
        return False
    return hmac.compare_digest(expected.hex(), digest)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def sign_in(
    email: str, password: str, now: datetime | None = None, idle: timedelta = SESSION_IDLE
) -> tuple[str, Administrator] | None:
    """A new session token for valid credentials, else None (never saying which was wrong)."""
    administrator = (
        Administrator.select(Administrator, PermissionSet)
        .join(PermissionSet)
        .where((Administrator.email == email.strip().lower()) & Administrator.active)
        .first()
    )
    stored = administrator.password_hash if administrator else _DUMMY_HASH
    matches, outdated = check_password(password, stored)
    if not matches or administrator is None:
        return None
    if outdated:
        Administrator.update(password_hash=hash_password(password)).where(
            Administrator.id == administrator.id
        ).execute()
    token = secrets.token_urlsafe(32)
    now = now or utc_now()
    Session.create(
        token_hash=token_hash(token),
        administrator=administrator,
        created_at=now,
        expires_at=now + SESSION_LIFETIME,
        idle_until=now + idle,
    )
    return token, administrator


def trusted_device(token: object, email: str, now: datetime) -> str | None:
    """The hash of `token` when it is a device token given to `email` and not expired."""
    if not isinstance(token, str) or not token:
        return None
    digest = token_hash(token)
    valid = DeviceToken.select().where(
        (DeviceToken.token_hash == digest)
        & (DeviceToken.email == email)
        & (DeviceToken.expires_at > now)
    )
    return digest if valid.exists() else None


def device_token_for(email: str, presented: str | None, now: datetime) -> str:
    """After a successful sign-in: the device token presented, if valid, good for another
    DEVICE_LIFETIME; else a new one. Expired tokens of anyone, and the e-mail's beyond the
    DEVICES_KEPT most recently used, are removed on the way."""
    DeviceToken.delete().where(DeviceToken.expires_at <= now).execute()
    if presented is not None:
        kept = DeviceToken.update(expires_at=now + DEVICE_LIFETIME).where(
            (DeviceToken.token_hash == token_hash(presented)) & (DeviceToken.email == email)
        )
        if kept.execute():
            return presented
    token = secrets.token_urlsafe(32)
    DeviceToken.create(
        token_hash=token_hash(token), email=email, created_at=now, expires_at=now + DEVICE_LIFETIME
    )
    kept = DeviceToken.select(DeviceToken.id).where(DeviceToken.email == email)
    kept = kept.order_by(DeviceToken.expires_at.desc(), DeviceToken.id.desc()).limit(DEVICES_KEPT)
    DeviceToken.delete().where(
        (DeviceToken.email == email) & DeviceToken.id.not_in([row.id for row in kept])
    ).execute()
    return token


def organization_of(email: str) -> int | None:
    """The organization of the administrator with this e-mail, if there is one."""
    found = Administrator.select(Administrator.organization).where(Administrator.email == email)
    row = found.tuples().first()
    return row[0] if row else None


def session_administrator(token: str, now: datetime | None = None) -> Administrator | None:
    """The active administrator whose session `token` is, with their permission set and
    organization (every order needs its time zone and currency): one query, every request."""
    found = _SESSION_ADMINISTRATOR.rows(service_db.obj, token_hash(token), now or utc_now())
    return found[0] if found else None


_SESSION_ADMINISTRATOR = Prepared(
    lambda token, now: (
        Administrator.select(Administrator, PermissionSet, Organization, Session.idle_until)
        .join_from(Administrator, PermissionSet)
        .join_from(Administrator, Organization)
        .join_from(Administrator, Session)
        .where(
            (Session.token_hash == token)
            & (Session.expires_at > now)
            & (Session.idle_until > now)
            & Administrator.active
        )
        .limit(1)
    ),
    Session.token_hash,
    Session.expires_at,
)


def touch(token: str, administrator: Administrator, now: datetime, idle: timedelta) -> None:
    """The session was used: its idle end moves to `now + idle`, written only when it would
    move by more than IDLE_STEP, so a busy client does not write at every request."""
    # The Session row session_administrator joined: peewee sets a joined row as an attribute
    # named after its model, which its stubs cannot declare.
    session: Session = administrator.session  # pyright: ignore[reportAttributeAccessIssue]
    assert session.idle_until is not None  # it was found by its idle end being after now
    if session.idle_until < now + idle - IDLE_STEP:
        Session.update(idle_until=now + idle).where(
            Session.token_hash == token_hash(token)
        ).execute()


def sign_out(token: str) -> None:
    Session.delete().where(Session.token_hash == token_hash(token)).execute()


def sign_out_everywhere(administrator_id: int) -> int:
    """End every session of the administrator; how many there were."""
    return Session.delete().where(Session.administrator == administrator_id).execute()


# Checked against when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password.
_DUMMY_HASH = hash_password("not a password")
