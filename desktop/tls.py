"""Which certificates the app trusts for the account service: the operating system's store
(a company's root certificates included, as a TLS-inspecting proxy needs) through truststore,
or, in the rare case that needs a file, the CA bundle given with --ca-bundle."""

import ssl
from pathlib import Path
from urllib.parse import urlsplit

from desktop.i18n import translate

_PYTHON_CONTEXT = ssl.SSLContext  # Python's own, before truststore stands in for it
_bundle: Path | None = None


def configure(ca_bundle: Path | None = None) -> None:
    """At start, before any connection: trust the system's store, and `ca_bundle` if given.
    Only an application may do this (it changes the ssl module for the whole process)."""
    import truststore  # loaded at start of the app only, never by the library code

    truststore.inject_into_ssl()
    trust_bundle(ca_bundle)


def trust_bundle(path: Path | None) -> None:
    """Trust the certificates in `path` (PEM) besides the usual ones; None: the system's."""
    global _bundle
    if path is not None:
        _bundle_context(path)  # a file that cannot be read fails now, not at the first sync
    _bundle = path


def client_context() -> ssl.SSLContext | None:
    """The context for HTTPS to the service: None means the default (the system's store)."""
    return None if _bundle is None else _bundle_context(_bundle)


def _bundle_context(path: Path) -> ssl.SSLContext:
    context = _PYTHON_CONTEXT(ssl.PROTOCOL_TLS_CLIENT)
    context.load_default_certs()
    context.load_verify_locations(cafile=str(path))
    return context


def untrusted_certificate(error: BaseException, url: str) -> str | None:
    """What to tell the user when the service's certificate was not trusted, else None."""
    reason = getattr(error, "reason", error)
    if not isinstance(reason, ssl.SSLCertVerificationError):
        return None
    return translate(
        "ServiceClient",
        "the certificate of {host} is not trusted ({problem}). If your company inspects "
        "encrypted traffic, its root certificate must be installed in the system; or start "
        "Manage Account with --ca-bundle FILE.",
    ).format(host=urlsplit(url).hostname, problem=reason.verify_message or reason.reason)
