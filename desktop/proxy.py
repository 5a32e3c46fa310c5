"""The way to the account service through a company's proxy: the proxy set in Settings (its
password kept in the system's credential store), else HTTPS_PROXY and NO_PROXY, else the
system's own settings (Windows' and macOS', PAC files and WPAD included, read through Qt), else
straight there.

Qt's QNetworkProxyFactory reads the system's settings and runs PAC scripts with the system's
own services (WinHTTP, CFNetwork); pypac would add a JavaScript engine to the bundle for the same.
"""

import contextlib
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from desktop.i18n import translate

if TYPE_CHECKING:  # urllib.request (with http.client, email and ssl) loads at the first call
    import urllib.request

KEYRING_SERVICE = "Manage Account proxy"  # the password's entry: user@host:port under this
SETTINGS, ENVIRONMENT, SYSTEM, DIRECT = "settings", "environment", "system", "direct"


@dataclass(frozen=True)
class Route:
    """How the service is reached: `proxy` (http://host:port) or None for straight there."""

    proxy: str | None
    origin: str  # SETTINGS, ENVIRONMENT, SYSTEM or DIRECT
    user: str = ""
    password: str = ""

    def opener(self) -> "urllib.request.OpenerDirector":
        """urllib through this route, trusting what desktop.tls trusts."""
        import urllib.request

        from desktop import tls

        https = urllib.request.HTTPSHandler(context=tls.client_context())
        return urllib.request.build_opener(self.handler(), https)

    def handler(self) -> "urllib.request.ProxyHandler":
        import urllib.request

        if self.proxy is None:
            return urllib.request.ProxyHandler({})  # none at all, not the environment's
        url = self._url(self.proxy)
        return urllib.request.ProxyHandler({"http": url, "https": url})

    def _url(self, proxy: str) -> str:
        """The proxy's URL, with the credentials urllib sends as Proxy-Authorization."""
        if not self.user:
            return proxy
        parts = urlsplit(proxy)
        login = f"{quote(self.user, safe='')}:{quote(self.password, safe='')}"
        return parts._replace(netloc=f"{login}@{parts.netloc}").geturl()


def route_for(service_url: str, configured: str = "", user: str = "") -> Route:
    """The route to `service_url`: the `configured` proxy (with `user` and the password kept
    for them), else the environment's, else the system's. May take a moment (a PAC script or
    WPAD): call it off the GUI thread."""
    if configured:
        return Route(configured, SETTINGS, user, proxy_password(configured, user) if user else "")
    import urllib.request

    parts = urlsplit(service_url)
    environment = urllib.request.getproxies_environment()
    if environment:
        # in urllib.request since Python 3.0 but not in typeshed's stub of it
        bypass = urllib.request.proxy_bypass_environment  # pyright: ignore[reportAttributeAccessIssue]
        if bypass(parts.hostname or "", environment):
            return Route(None, ENVIRONMENT)
        if parts.scheme in environment:
            return Route(environment[parts.scheme], ENVIRONMENT)
    system = _system_proxy(service_url)
    return Route(system, SYSTEM) if system else Route(None, DIRECT)


@lru_cache(maxsize=16)
def _system_proxy(url: str) -> str | None:
    """Asked once per service a run: a WPAD search can take seconds, and every dialog that
    talks to the service makes a client (settings changed meanwhile apply at the next start)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtNetwork import QNetworkProxy, QNetworkProxyFactory, QNetworkProxyQuery

    for found in QNetworkProxyFactory.systemProxyForQuery(QNetworkProxyQuery(QUrl(url))):
        if found.type() == QNetworkProxy.ProxyType.HttpProxy:
            return f"http://{found.hostName()}:{found.port()}"
        if found.type() == QNetworkProxy.ProxyType.NoProxy:
            return None
    return None


def invalid_proxy_url(url: str) -> str | None:
    """None for an empty or usable proxy address, else why it cannot be used."""
    if not url:
        return None
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    if parts.scheme not in ("http", "https") or not parts.hostname or port is None:
        return translate(
            "Settings", "The proxy needs an address with a port, such as http://proxy:3128."
        )
    if parts.username or parts.password:
        return translate("Settings", "Enter the proxy's user name in its own field.")
    return None


def _entry(proxy: str, user: str) -> str:
    return f"{user}@{urlsplit(proxy).netloc}"


def proxy_password(proxy: str, user: str) -> str:
    """The password kept for `user` at `proxy`, or "" (none kept, or no credential store)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, _entry(proxy, user)) or ""
    except KeyringError:
        return ""


def keep_proxy_password(proxy: str, user: str, password: str) -> None:
    """Keep `password` for `user` at `proxy` in the system's credential store ("" forgets it).
    Raises keyring's KeyringError when there is no store to keep it in."""
    import keyring
    from keyring.errors import PasswordDeleteError

    if password:
        keyring.set_password(KEYRING_SERVICE, _entry(proxy, user), password)
        return
    with contextlib.suppress(PasswordDeleteError):  # none was kept
        keyring.delete_password(KEYRING_SERVICE, _entry(proxy, user))


def proxy_refusal(status: int, proxy: str | None) -> str | None:
    """What to tell the user when the proxy, not the service, said no; else None."""
    if status != 407:
        return None
    if proxy is None:  # one the system does not know of sits in the way
        return translate(
            "ServiceClient",
            "a proxy between this computer and the account service asks for a user name and "
            "password (407). Enter the proxy and them in File > Settings.",
        )
    return translate(
        "ServiceClient",
        "the proxy {proxy} asks for a user name and password (407). Enter them in File > "
        "Settings, under Proxy.",
    ).format(proxy=urlsplit(proxy).netloc)
