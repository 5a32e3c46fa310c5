"""Which certificates the app trusts for the account service and the update repository: the
operating system's store (a company's root certificates included, as a TLS-inspecting proxy
needs) through truststore, or, in the rare case that needs a file, the CA bundle given with
--ca-bundle.

Every connection gets truststore's context from here rather than through
`truststore.inject_into_ssl()`: injecting also imports and patches requests (which the updater's
libraries bring), some 50 ms at every start, and changes the ssl module for the whole process."""

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from desktop.i18n import translate

if TYPE_CHECKING:  # ssl loads with the first connection, not at start
    import ssl

_bundle: Path | None = None


def trust_bundle(path: Path | None) -> None:
    """Trust the certificates in `path` (PEM) besides the usual ones; None: the system's."""
    global _bundle
    if path is not None:
        _bundle_context(path)  # a file that cannot be read fails now, not at the first sync
    _bundle = path


def client_context() -> "ssl.SSLContext":
    """The context for HTTPS: the system's store, or Python's with the bundle if one is set."""
    return _bundle_context(_bundle) if _bundle is not None else _system_context()


@cache
def _system_context() -> "ssl.SSLContext":
    """One for every connection (a context is safe to share between threads)."""
    import ssl

    import truststore  # first needed by the first connection, off the GUI thread

    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def _bundle_context(path: Path) -> "ssl.SSLContext":
    import ssl

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.load_default_certs()
    context.load_verify_locations(cafile=str(path))
    return context


def untrusted_certificate(error: BaseException, url: str) -> str | None:
    """What to tell the user when the service's certificate was not trusted, else None."""
    import ssl

    reason = error if isinstance(error, ssl.SSLError) else getattr(error, "reason", error)
    if not isinstance(reason, ssl.SSLCertVerificationError):
        return None
    return translate(
        "ServiceClient",
        "the certificate of {host} is not trusted ({problem}). If your company inspects "
        "encrypted traffic, its root certificate must be installed in the system; or start "
        "Manage Account with --ca-bundle FILE.",
    ).format(host=urlsplit(url).hostname, problem=reason.verify_message or reason.reason)
