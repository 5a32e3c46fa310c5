"""Signing in to the account service, and remembering the session in the OS credential store.

The token lives in memory; "Keep me signed in" puts it in the operating system's credential
store through keyring, and nowhere else: where no secure store exists the option is off. The
device token each successful sign-in gives (OWASP's device cookie: failed guesses made
elsewhere never lock this device out) is kept there too, per service and e-mail, and presented
at the next sign-in; without a secure store it is not kept.
"""

import contextlib
import json
from dataclasses import dataclass
from datetime import datetime

from desktop.i18n import translate
from desktop.service_client import (
    NotSignedIn,
    ServiceClient,
    ServiceError,
    ServiceRefused,
    ServiceUnavailable,
)

KEYRING_SERVICE = "Manage Account"
_ACCOUNT_KEY = "session"


class SignInRefused(Exception):
    """Wrong credentials, a locked e-mail, or an unreachable service; fit to show a user."""

    def __init__(
        self, message: str, retry_at: datetime | None = None, unreachable: bool = False
    ) -> None:
        super().__init__(message)
        self.retry_at = retry_at
        self.unreachable = unreachable  # no answer from the service (not a refusal)
        self.offline_possible = False  # and this computer holds the account's data


@dataclass(frozen=True)
class WorkingOffline:
    """Chosen at sign-in while the service cannot be reached: the window works on this
    computer's data, and sync signs in with these (kept in memory only) once it answers."""

    service_url: str
    email: str
    password: str


@dataclass(frozen=True)
class SignedIn:
    service_url: str
    token: str
    administrator: dict  # name, email, permission_set, permissions


def sign_in(service_url: str, email: str, password: str) -> SignedIn:
    """A new session, presenting this device's token for the e-mail when one is stored, and
    storing the one the service gives."""
    email = email.strip()
    try:
        session = sign_in_as_this_device(ServiceClient(service_url), email, password)
    except NotSignedIn:
        raise SignInRefused(translate("Session", "The e-mail or the password is wrong.")) from None
    except ServiceError as error:
        if error.status == 429 and error.code:  # locked out for a while: say until when
            retry_at = error.details.get("retry_at")
            moment = datetime.fromisoformat(retry_at) if retry_at else None
            raise SignInRefused(str(error), moment) from None
        if isinstance(error, ServiceRefused):
            raise SignInRefused(str(error)) from None
        problem = str(error)
        raise SignInRefused(
            translate(
                "Session", "{problem}. Check your network, and the service's address in Settings."
            ).format(problem=problem[:1].upper() + problem[1:]),
            unreachable=isinstance(error, ServiceUnavailable),
        ) from None
    return SignedIn(service_url, session["token"], session["administrator"])


def sign_in_as_this_device(client: ServiceClient, email: str, password: str) -> dict:
    """The service's answer to a sign-in that presents this device's token for the e-mail;
    the token it gives back is kept, so failures elsewhere never lock this device out."""
    session = client.sign_in(email, password, device_token(client.base_url, email))
    keep_device_token(client.base_url, email, session.get("device_token"))
    return session


def _device_key(service_url: str, email: str) -> str:
    return f"device:{service_url.rstrip('/')}:{email.strip().lower()}"


def device_token(service_url: str, email: str) -> str | None:
    """The device token stored for this service and e-mail, if a secure store holds one."""
    if secure_storage_problem():
        return None
    import keyring

    return keyring.get_password(KEYRING_SERVICE, _device_key(service_url, email)) or None


def keep_device_token(service_url: str, email: str, token: object) -> None:
    """Store the device token the service gave, only in a secure credential store."""
    if not isinstance(token, str) or not token or secure_storage_problem():
        return
    import keyring

    keyring.set_password(KEYRING_SERVICE, _device_key(service_url, email), token)


def sign_out_everywhere(session: SignedIn) -> None:
    """End every session of this administrator on the service (this one too), and forget any
    stored copy; ServiceError, with nothing forgotten, when the service cannot be reached."""
    client = ServiceClient(session.service_url)
    client.token = session.token
    client.sign_out_everywhere()
    forget()


def sign_out(session: SignedIn | None) -> None:
    """End the session on the service (if it can be reached) and forget any stored copy;
    None (working offline, never signed in): only forget."""
    if session is None:
        forget()
        return
    client = ServiceClient(session.service_url)
    client.token = session.token
    with contextlib.suppress(ServiceError):  # expired or offline: it ends by itself
        client.sign_out()
    forget()


def secure_storage_problem() -> str | None:
    """None when a secure credential store is available, else why "Keep me signed in" is off."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return translate("Session", "Keeping you signed in needs the keyring package.")
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return translate(
            "Session",
            "This computer has no secure credential store (such as Windows Credential Manager, "
            "macOS Keychain or Secret Service), so you are signed in for this session only.",
        )
    return None


def remember(session: SignedIn) -> None:
    import json

    import keyring

    value = json.dumps(
        {
            "service": session.service_url,
            "token": session.token,
            "administrator": session.administrator,
        }
    )
    keyring.set_password(KEYRING_SERVICE, _ACCOUNT_KEY, value)


def recall(service_url: str) -> SignedIn | None:
    """The remembered session for this service, if one is stored securely."""
    if secure_storage_problem():
        return None
    import keyring

    value = keyring.get_password(KEYRING_SERVICE, _ACCOUNT_KEY)
    if not value:
        return None
    stored = json.loads(value)
    if stored.get("service") != service_url:
        return None
    return SignedIn(service_url, stored["token"], stored["administrator"])


def forget() -> None:
    if secure_storage_problem():
        return
    import keyring
    from keyring.errors import PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError):
        keyring.delete_password(KEYRING_SERVICE, _ACCOUNT_KEY)
