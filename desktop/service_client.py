"""The desktop's side of the account service's HTTP API: JSON calls with clear failures, on
one kept (keep-alive) connection per thread."""

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode, urlsplit

from desktop import proxy, tls
from desktop.config import proxy_settings
from desktop.i18n import translate

if TYPE_CHECKING:  # http.client (with email and ssl) loads at the first call
    import http.client

DEFAULT_TIMEOUT = 10.0
RETRY_LATER = (408, 425, 429)  # besides 5xx: the service or a proxy asks to be tried again


class ServiceError(Exception):
    """A call that did not succeed; the message is fit to show a user.

    `code` and `details` are the service's own error answer, if it gave one; `retry_after` is
    the wait in seconds the answer asked for (Retry-After), if any.
    """

    def __init__(
        self,
        message: str,
        status: int | None = None,
        code: str | None = None,
        details: dict | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.details = status, code, details or {}
        self.retry_after = retry_after


class ServiceUnavailable(ServiceError):
    """Down, slow, failing or answering garbage: worth trying again later."""


class ServiceRefused(ServiceError):
    """The service understood and said no: trying again will not help."""


class NotSignedIn(ServiceError):
    """The session is missing or expired, or the permission set forbids the call."""


@dataclass(frozen=True)
class HeldForApproval:
    """An order above the buyer's spending limit, held by the service until an approver
    decides: its approval as the service describes it."""

    approval: dict


class ServiceClient:
    def __init__(
        self, base_url: str, timeout: float = DEFAULT_TIMEOUT, route: proxy.Route | None = None
    ) -> None:
        """`route`: how to reach the service; by default the proxy of Settings, the
        environment's or the system's, worked out at the first call (a PAC script may take a
        moment, and calls run off the GUI thread)."""
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.token: str | None = None
        self._route = route
        self._local = threading.local()  # each thread's connection, kept open between calls

    @property
    def route(self) -> proxy.Route:
        if self._route is None:
            self._route = proxy.route_for(self.base_url, *proxy_settings())
        return self._route

    def sign_in(self, email: str, password: str, device_token: str | None = None) -> dict:
        """A new session; `device_token` (from an earlier sign-in with this e-mail) keeps this
        device clear of lock-outs that others' failed guesses cause."""
        body = {"email": email, "password": password}
        if device_token:
            body["device_token"] = device_token
        session = self._call("POST", "/v1/sessions", body)
        self.token = session["token"]
        return session

    def desktop_release(self, channel: str) -> dict:
        """The newest release the service announces and its update repository; no session."""
        return self._call("GET", f"/v1/desktop-release?{urlencode({'channel': channel})}")

    def sign_out(self) -> None:
        self._call("DELETE", "/v1/sessions/current")
        self.token = None

    def sign_out_everywhere(self) -> None:
        """End every session of the signed-in administrator, on every device."""
        self._call("DELETE", "/v1/sessions")
        self.token = None

    def permission_sets(self) -> list[dict]:
        return self._call("GET", "/v1/permission-sets")["permission_sets"]

    def permission_managers(self) -> list[dict]:
        """The organization's administrators who may manage permission sets (name, email)."""
        return self._call("GET", "/v1/permission-managers")["administrators"]

    def change_permission_set(self, set_id: int, changes: dict) -> dict:
        return self._call("PATCH", f"/v1/permission-sets/{set_id}", changes)["permission_set"]

    def audit_events(
        self,
        action: str | None = None,
        actor: str | None = None,
        before: int | None = None,
        limit: int = 200,
    ) -> dict:
        """A page of the audit trail, newest first: events, has_more, and (first page) chain."""
        query = "&".join(
            f"{name}={quote(str(value))}"
            for name, value in (("action", action), ("actor", actor), ("before", before))
            if value
        )
        return self._call("GET", f"/v1/audit-events?limit={limit}&{query}")

    def report_audit_event(self, action: str, details: dict) -> None:
        self._call("POST", "/v1/audit-events", {"action": action, "details": details})

    def contract(self) -> dict:
        return self._call("GET", "/v1/contract")

    def license_summary(self) -> dict:
        """Seats purchased, assigned (to disabled and long-inactive users), available, pending."""
        return self._call("GET", "/v1/license-summary")

    def users(self, filters: dict, after: int | None = None, limit: int = 100) -> dict:
        """A page of the organization's users by name: users, total, has_more."""
        query = {**filters, "limit": limit, **({"after": after} if after else {})}
        return self._call("GET", "/v1/users?" + urlencode(query))

    def release_seats(self, user_ids: list[int], reason: str) -> dict:
        """Free the seats of all these users or of none; the release, undoable a while."""
        body = {"user_ids": user_ids, "reason": reason}
        return self._call("POST", "/v1/seat-releases", body)["release"]

    def assign_seat(self, user_id: int) -> dict:
        """Give the user a seat if one is available (ServiceRefused no_seat_available else)."""
        return self._call("PUT", f"/v1/users/{int(user_id)}/seat")

    def undo_release(self, release_id: int) -> dict:
        """Give a release's seats back where available: release, returned, not_returned."""
        return self._call("POST", f"/v1/seat-releases/{int(release_id)}/undo")

    def seat_releases(self, limit: int = 100) -> list[dict]:
        """The organization's seat releases, newest first."""
        return self._call("GET", f"/v1/seat-releases?limit={int(limit)}")["releases"]

    def reclaim_policy(self) -> dict:
        return self._call("GET", "/v1/reclaim-policy")

    def change_reclaim_policy(self, policy: dict) -> dict:
        return self._call("PUT", "/v1/reclaim-policy", policy)

    def reclaim_preview(self, disabled_for_days: int, inactive_for_days: int) -> dict:
        """The users a policy with these days would free now, and why."""
        query = {"disabled_for_days": disabled_for_days, "inactive_for_days": inactive_for_days}
        return self._call("GET", "/v1/reclaim-policy/preview?" + urlencode(query))

    def alert_settings(self) -> dict:
        return self._call("GET", "/v1/alert-settings")

    def change_alert_settings(self, settings: dict) -> dict:
        return self._call("PUT", "/v1/alert-settings", settings)

    def vendor(self) -> dict:
        return self._call("GET", "/v1/vendor")

    def billing_profile(self) -> dict:
        return self._call("GET", "/v1/billing-profile")

    def change_billing_profile(self, changes: dict) -> dict:
        return self._call("PATCH", "/v1/billing-profile", changes)

    def place_order(self, transaction_id: str, body: dict) -> dict | HeldForApproval:
        """The order as taken; or, above the buyer's spending limit, the approval it waits for
        (sending it again later answers with the order once approved, or refuses it)."""
        answer = self._call("POST", "/v1/seat-orders", body, {"Idempotency-Key": transaction_id})
        if "approval" in answer and "order" not in answer:
            return HeldForApproval(answer["approval"])
        return answer["order"]

    def changes(self, updated_since: str | None = None, cursor: str | None = None) -> dict:
        query = (
            f"cursor={quote(cursor)}" if cursor else f"updated_since={quote(updated_since or '')}"
        )
        return self._call("GET", f"/v1/seat-orders?limit=500&{query}")

    def renewal_offer(self) -> dict:
        """The renewal on offer; ServiceRefused renewal_not_open or already_renewed otherwise."""
        return self._call("GET", "/v1/renewal")

    def renew(self, transaction_id: str, body: dict) -> dict | HeldForApproval:
        """Renew for the next term, once per transaction ID (the idempotency key); above the
        buyer's spending limit, the approval it waits for, as `place_order`."""
        answer = self._call("POST", "/v1/renewals", body, {"Idempotency-Key": transaction_id})
        if "approval" in answer and "renewal" not in answer:
            return HeldForApproval(answer["approval"])
        return answer["renewal"]

    def renewals(self) -> list[dict]:
        """The organization's renewals, newest first, whichever desktop made them."""
        return self._call("GET", "/v1/renewals")["renewals"]

    def reduction_requests(self) -> list[dict]:
        """The organization's requests for fewer seats, newest first, with their answers."""
        return self._call("GET", "/v1/renewal/reduction-requests")["requests"]

    def request_reduction(self, seats_wanted: int, reason: str) -> dict:
        body = {"seats_wanted": seats_wanted, "reason": reason}
        return self._call("POST", "/v1/renewal/reduction-requests", body)["request"]

    def invoices(self, updated_since: str | None = None, cursor: str | None = None) -> dict:
        """A page of the invoices feed, oldest change first: invoices, cursor, has_more."""
        query = (
            f"cursor={quote(cursor)}" if cursor else f"updated_since={quote(updated_since or '')}"
        )
        return self._call("GET", f"/v1/invoices?limit=500&{query}")

    def invoice_pdf(self, number: str) -> tuple[bytes, str | None]:
        """The invoice's PDF and the SHA-256 the service gave for it."""
        _, headers, raw = self._send("GET", f"/v1/invoices/{quote(number, safe='')}/pdf", None, {})
        return raw, headers.get("X-Content-SHA256")

    def quotes(self) -> list[dict]:
        """The organization's formal quotes, newest first."""
        return self._call("GET", "/v1/quotes")["quotes"]

    def request_quote(self, body: dict) -> dict:
        return self._call("POST", "/v1/quotes", body)["quote"]

    def quote_pdf(self, number: str) -> bytes:
        _, _, raw = self._send("GET", f"/v1/quotes/{quote(number, safe='')}/pdf", None, {})
        return raw

    def approvals(self, status: str | None = None) -> list[dict]:
        """Purchases held for approval, newest first: the organization's for an approver,
        else the caller's own requests."""
        query = f"?{urlencode({'status': status})}" if status else ""
        return self._call("GET", f"/v1/approvals{query}")["approvals"]

    def approve(self, approval_id: str) -> dict:
        """Place the held order: the approval and the order (or renewal) made."""
        return self._call("POST", f"/v1/approvals/{quote(approval_id, safe='')}/approve", {})

    def deny(self, approval_id: str, reason: str) -> dict:
        path = f"/v1/approvals/{quote(approval_id, safe='')}/deny"
        return self._call("POST", path, {"reason": reason})["approval"]

    def approvers(self) -> list[dict]:
        """The organization's other administrators who may approve purchases (name, email)."""
        return self._call("GET", "/v1/approvers")["approvers"]

    def _call(
        self, method: str, path: str, body: dict | None = None, headers: dict | None = None
    ) -> dict:
        status, _, raw = self._send(method, path, body, headers or {}, json_status=True)
        return _decode(raw, status) if raw or status != 204 else {}

    def close(self) -> None:
        """Close this thread's connection (the next call opens another)."""
        connection = getattr(self._local, "connection", None)
        self._local.connection = None
        if connection is not None:
            connection.close()

    def _send(
        self,
        method: str,
        path: str,
        body: dict | None,
        headers: dict,
        json_status: bool = False,
    ) -> tuple[int, "http.client.HTTPMessage", bytes]:
        """A successful answer's status, headers and body; `json_status`: JSON is asked for."""
        import http.client

        data = None if body is None else json.dumps(body).encode()
        sent = {
            "Content-Type": "application/json",
            "Accept": "application/json" if json_status else "*/*",
            **({"Authorization": f"Bearer {self.token}"} if self.token else {}),
            **headers,
        }
        try:
            status, answer_headers, raw = self._exchange(method, path, data, sent)
        except TimeoutError as error:
            raise ServiceUnavailable(
                translate(
                    "ServiceClient", "the account service did not answer in {seconds} s"
                ).format(seconds=f"{self.timeout:g}")
            ) from error
        except (http.client.HTTPException, OSError) as error:
            # OSError covers refused and reset connections and TLS failures; HTTPException an
            # answer that is not HTTP at all.
            untrusted = tls.untrusted_certificate(error, self.base_url)
            if untrusted is not None:
                raise ServiceUnavailable(untrusted) from error
            if "Tunnel connection failed: 407" in str(error) and (  # HTTPS through the proxy
                refused := proxy.proxy_refusal(407, self.route.proxy)
            ):
                raise ServiceUnavailable(refused, 407) from error
            raise ServiceUnavailable(
                translate(
                    "ServiceClient", "the account service cannot be reached ({reason})"
                ).format(reason=error)
            ) from error
        if status >= 300:
            raise _refusal(status, answer_headers, raw, self.route.proxy)
        return status, answer_headers, raw

    def _exchange(
        self, method: str, path: str, data: bytes | None, headers: dict
    ) -> tuple[int, "http.client.HTTPMessage", bytes]:
        """One request on this thread's kept connection: status, headers, body. A kept
        connection the service or a proxy closed meanwhile (idle too long) fails before any
        answer: the request goes once more on a new one (every order carries its idempotency
        key, so even one the service took is not taken twice)."""
        import http.client

        sent = self._proxied(headers)
        for attempt in (1, 2):
            connection = getattr(self._local, "connection", None)
            reused = connection is not None
            if connection is None:
                connection = self._local.connection = _connect(
                    self.base_url, self.route, self.timeout
                )
            try:
                connection.request(method, self._target(path), data, sent)
                response = connection.getresponse()
                raw = response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()
                if reused and attempt == 1:
                    continue
                raise
            except BaseException:
                self.close()  # in an unknown state: never reused
                raise
            if response.will_close or sent.get("Connection") == "close":
                self.close()
            return response.status, response.headers, raw
        raise AssertionError("unreachable")

    def _target(self, path: str) -> str:
        """What the request line names: the whole URL to a plain HTTP proxy, else the path."""
        if self.route.proxy is not None and self.base_url.startswith("http://"):
            return self.base_url + path
        return urlsplit(self.base_url).path + path

    def _proxied(self, headers: dict) -> dict:
        """The headers of a plain HTTP request through a proxy: the proxy's credentials, and a
        connection of its own (a proxy may log or check only a connection's first request, as
        proxy.py does). HTTPS keeps its tunnel, which gave the credentials when it opened."""
        if self.route.proxy is None or self.base_url.startswith("https"):
            return headers
        credentials = {"Proxy-Authorization": _basic(self.route)} if self.route.user else {}
        return {**headers, **credentials, "Connection": "close"}


def _connect(base_url: str, route: proxy.Route, timeout: float) -> "http.client.HTTPConnection":
    """A connection to the service along `route`: straight there, to a plain HTTP proxy, or
    through a proxy's CONNECT tunnel for HTTPS, trusting what desktop.tls trusts."""
    import http.client

    target = urlsplit(base_url)
    https = target.scheme == "https"
    host, port = target.hostname or "", target.port or (443 if https else 80)
    if route.proxy is not None:
        via = urlsplit(route.proxy)
        host, port, tunnel = via.hostname or "", via.port or 80, (host, port)
    else:
        tunnel = None
    if not https:
        return http.client.HTTPConnection(host, port, timeout=timeout)
    connection = http.client.HTTPSConnection(
        host, port, timeout=timeout, context=tls.client_context()
    )
    if tunnel is not None:
        credentials = {"Proxy-Authorization": _basic(route)} if route.user else None
        connection.set_tunnel(*tunnel, headers=credentials)
    return connection


def _basic(route: proxy.Route) -> str:
    from base64 import b64encode

    return "Basic " + b64encode(f"{route.user}:{route.password}".encode()).decode()


def every_item(read_page: Callable[[int | None], dict], key: str) -> Iterator[dict]:
    """Every item of a list the service pages by id (`read_page(after_id)`), page by page."""
    after = None
    while True:
        page = read_page(after)
        yield from page[key]
        if not page["has_more"] or not page[key]:
            return
        after = page[key][-1]["id"]


def _decode(raw: bytes, status: int) -> dict:
    try:
        body = json.loads(raw) if raw else {}
    except (ValueError, UnicodeDecodeError):
        raise ServiceUnavailable(
            translate(
                "ServiceClient",
                "the account service answered {status} with something that is not JSON",
            ).format(status=status)
        ) from None
    if not isinstance(body, dict):
        raise ServiceUnavailable(
            translate("ServiceClient", "the account service answered with unexpected JSON")
        )
    return body


def _refusal(
    status: int, headers: "http.client.HTTPMessage", raw: bytes, through: str | None = None
) -> ServiceError:
    """What an error answer means. Only a JSON error with a code is the service's own word:
    anything else (a proxy's page, a gateway's 502) is a failure to try again later.
    `through`: the proxy the call went through, if any."""
    wait = retry_after(headers.get("Retry-After"))
    if (refused := proxy.proxy_refusal(status, through)) is not None:
        return ServiceUnavailable(refused, status, retry_after=wait)
    try:
        body = json.loads(raw or b"{}")
    except (ValueError, UnicodeDecodeError):
        body = None
    details = body.get("error") if isinstance(body, dict) else None
    if not isinstance(details, dict) or not isinstance(details.get("code"), str):
        if "html" in (headers.get("Content-Type") or "").lower():
            failed = translate(
                "ServiceClient",
                "a proxy or gateway answered {status} with a web page, not the account service",
            )
        else:
            failed = translate("ServiceClient", "the account service failed ({status})")
        return ServiceUnavailable(failed.format(status=status), status, retry_after=wait)
    message, code = str(details.get("message") or details["code"]), details["code"]
    if status in (401, 403):
        return NotSignedIn(message, status, code, details)
    if status in RETRY_LATER or status >= 500:
        return ServiceUnavailable(message, status, code, details, wait)
    return ServiceRefused(message, status, code, details)


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date (RFC 9110)."""
    from email.utils import parsedate_to_datetime

    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - (now or datetime.now(UTC))).total_seconds())


def each_page(first: dict, more: Callable[[str], dict]) -> Iterator[dict]:
    """The pages of a feed: the first, then `more(cursor)` while the service says there are."""
    page = first
    while True:
        yield page
        if not page.get("has_more"):
            return
        page = more(page["cursor"])
