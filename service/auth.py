"""Passwords as salted scrypt hashes, and random session tokens stored only as their SHA-256."""

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from db.models import utc_now
from service.models import Administrator, PermissionSet, Session

SESSION_LIFETIME = timedelta(hours=12)
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def password_matches(password: str, stored: str) -> bool:
    try:
        scheme, salt, digest = stored.split("$")
    except ValueError:
        return False
    expected = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), **_SCRYPT)
    return scheme == "scrypt" and hmac.compare_digest(expected.hex(), digest)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def sign_in(
    email: str, password: str, now: datetime | None = None
) -> tuple[str, Administrator] | None:
    """A new session token for valid credentials, else None (never saying which was wrong)."""
    administrator = (
        Administrator.select(Administrator, PermissionSet)
        .join(PermissionSet)
        .where((Administrator.email == email.strip().lower()) & Administrator.active)
        .first()
    )
    stored = administrator.password_hash if administrator else _DUMMY_HASH
    if not password_matches(password, stored) or administrator is None:
        return None
    token = secrets.token_urlsafe(32)
    now = now or utc_now()
    Session.create(
        token_hash=token_hash(token),
        administrator=administrator,
        created_at=now,
        expires_at=now + SESSION_LIFETIME,
    )
    return token, administrator


def organization_of(email: str) -> int | None:
    """The organization of the administrator with this e-mail, if there is one."""
    found = Administrator.select(Administrator.organization).where(Administrator.email == email)
    row = found.tuples().first()
    return row[0] if row else None


def session_administrator(token: str, now: datetime | None = None) -> Administrator | None:
    session = (
        Session.select(Session, Administrator, PermissionSet)
        .join(Administrator)
        .join(PermissionSet)
        .where(
            (Session.token_hash == token_hash(token)) & (Session.expires_at > (now or utc_now()))
        )
        .first()
    )
    if session is None or not session.administrator.active:
        return None
    return session.administrator


def sign_out(token: str) -> None:
    Session.delete().where(Session.token_hash == token_hash(token)).execute()


# Checked against when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password.
_DUMMY_HASH = hash_password("not a password", salt=b"\0" * 16)
