"""The service's HTTP API as a WSGI application: routing, JSON, authentication, errors."""

import hashlib
import json
import logging
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from billing.orders import QUOTE_GRACE_DAYS
from billing.profile import ProfileRefusal
from db.database import lost_a_race, retry_when_locked
from db.fields import utc_now
from service import (
    alerts,
    approvals,
    audit,
    auth,
    contract,
    invoices,
    lockout,
    orders,
    permissions,
    profiles,
    quotes,
    reclaim,
    releases,
    renewals,
    seats,
    users,
)
from service.models import (
    Administrator,
    Approval,
    AuditEvent,
    Contract,
    Quote,
    Renewal,
    service_db,
)

logger = logging.getLogger(__name__)
MAX_BODY = 64 * 1024
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
END = datetime.max.replace(tzinfo=UTC)
MAX_ID = 2**63 - 1
PREVIEW_LIMIT = 1000  # users a reclaim preview lists; its total counts them all


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        extra: dict | None = None,
        headers: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.extra = status, code, extra or {}
        self.headers = headers or []


class Request:
    def __init__(self, environ: dict) -> None:
        self.environ = environ
        self.method = environ["REQUEST_METHOD"].upper()
        self.path = environ.get("PATH_INFO", "") or "/"
        self.query = _query(environ.get("QUERY_STRING", ""))
        self.client_address = environ.get("REMOTE_ADDR") or "unknown"
        self.administrator: Administrator | None = None
        self.token: str | None = None
        self._body: bytes | None = None
        self._json: Any = None  # the document's JSON: a dict where the route has a body

    def header(self, name: str) -> str | None:
        return self.environ.get("HTTP_" + name.upper().replace("-", "_"))

    @property
    def caller(self) -> Administrator:
        """The signed-in administrator, on a route that needs a session (checked before it)."""
        assert self.administrator is not None
        return self.administrator

    @property
    def idempotency_key(self) -> str:
        """The Idempotency-Key header, which the document requires of the route (checked)."""
        key = self.header("Idempotency-Key")
        assert key is not None
        return key

    def body(self) -> bytes:
        """The raw body, read once (at most MAX_BODY bytes)."""
        if self._body is None:
            length = self.environ.get("CONTENT_LENGTH") or "0"
            if not length.isdigit():
                raise ApiError(400, "invalid_request", "Content-Length is not a number.")
            if int(length) > MAX_BODY:
                raise ApiError(413, "body_too_large", f"The body is over {MAX_BODY // 1024} KiB.")
            self._body = self.environ["wsgi.input"].read(int(length)) if int(length) else b""
        return self._body

    def json(self) -> dict:
        """The body as the document described it (checked and its text normalized before the
        handler runs)."""
        return self._json


Handler = Callable[..., tuple[int, object]]


@dataclass(frozen=True)
class Binary:
    """An answer that is not JSON, such as an invoice's PDF."""

    data: bytes
    content_type: str
    headers: tuple[tuple[str, str], ...] = ()


class Api:
    """Routes requests to handlers; every answer, errors included, is JSON."""

    def __init__(
        self,
        delay: orders.ProvisioningDelay | None = None,
        quote_grace_days: int = QUOTE_GRACE_DAYS,
        check_responses: bool = False,
        desktop_releases: Path | None = None,
        session_idle: timedelta = auth.SESSION_IDLE,
        quote_validity_days: int = quotes.VALIDITY_DAYS,
    ) -> None:
        """`check_responses` (for the test suite) turns an answer that breaks the document
        into a 500 that says how; `desktop_releases` is the releases.json of the update
        repository, which /v1/desktop-release announces; a session unused for `session_idle`
        ends; a formal quote is valid `quote_validity_days` (never past its contract)."""
        self.session_idle = session_idle
        self.quote_validity_days = quote_validity_days
        self.delay = delay or orders.ProvisioningDelay()
        self.desktop_releases = desktop_releases
        self.quote_grace_days = quote_grace_days
        self.check_responses = check_responses
        self.routes: list[tuple[re.Pattern, dict[str, Handler], bool]] = [
            (re.compile(r"/v1/health"), {"GET": self.health}, False),
            (re.compile(r"/v1/openapi\.json"), {"GET": self.openapi}, False),
            (re.compile(r"/v1/desktop-release"), {"GET": self.desktop_release}, False),
            (
                re.compile(r"/v1/sessions"),
                {"POST": self.create_session, "DELETE": self.delete_sessions},
                False,  # DELETE authenticates itself: POST is how a session begins
            ),
            (re.compile(r"/v1/sessions/current"), {"DELETE": self.delete_session}, True),
            (re.compile(r"/v1/contract"), {"GET": self.contract}, True),
            (re.compile(r"/v1/quote"), {"GET": self.quote}, True),
            (
                re.compile(r"/v1/quotes"),
                {"GET": self.list_quotes, "POST": self.give_quote},
                True,
            ),
            (re.compile(r"/v1/quotes/(?P<number>[^/]+)"), {"GET": self.get_quote}, True),
            (re.compile(r"/v1/quotes/(?P<number>[^/]+)/pdf"), {"GET": self.quote_pdf}, True),
            (re.compile(r"/v1/license-summary"), {"GET": self.license_summary}, True),
            (re.compile(r"/v1/users"), {"GET": self.users}, True),
            (
                re.compile(r"/v1/users/(?P<user_id>\d+)/seat"),
                {"DELETE": self.free_seat, "PUT": self.assign_seat},
                True,
            ),
            (
                re.compile(r"/v1/seat-releases"),
                {"GET": self.seat_releases, "POST": self.release_seats},
                True,
            ),
            (
                re.compile(r"/v1/seat-releases/(?P<release_id>\d+)/undo"),
                {"POST": self.undo_release},
                True,
            ),
            (
                re.compile(r"/v1/reclaim-policy"),
                {"GET": self.reclaim_policy, "PUT": self.change_reclaim_policy},
                True,
            ),
            (re.compile(r"/v1/reclaim-policy/preview"), {"GET": self.reclaim_preview}, True),
            (
                re.compile(r"/v1/alert-settings"),
                {"GET": self.alert_settings, "PUT": self.change_alert_settings},
                True,
            ),
            (re.compile(r"/v1/vendor"), {"GET": self.vendor}, True),
            (re.compile(r"/v1/renewal"), {"GET": self.renewal_offer}, True),
            (
                re.compile(r"/v1/renewals"),
                {"GET": self.list_renewals, "POST": self.renew},
                True,
            ),
            (
                re.compile(r"/v1/renewal/reduction-requests"),
                {"GET": self.reduction_requests, "POST": self.request_reduction},
                True,
            ),
            (re.compile(r"/v1/invoices"), {"GET": self.list_invoices}, True),
            (re.compile(r"/v1/invoices/(?P<number>[^/]+)"), {"GET": self.get_invoice}, True),
            (
                re.compile(r"/v1/invoices/(?P<number>[^/]+)/pdf"),
                {"GET": self.invoice_pdf},
                True,
            ),
            (
                re.compile(r"/v1/billing-profile"),
                {"GET": self.billing_profile, "PATCH": self.change_billing_profile},
                True,
            ),
            (
                re.compile(r"/v1/seat-orders"),
                {"GET": self.list_orders, "POST": self.create_order},
                True,
            ),
            (
                re.compile(r"/v1/seat-orders/(?P<transaction_id>[^/]+)"),
                {"GET": self.get_order},
                True,
            ),
            (re.compile(r"/v1/approvers"), {"GET": self.approvers}, True),
            (re.compile(r"/v1/approvals"), {"GET": self.list_approvals}, True),
            (
                re.compile(r"/v1/approvals/(?P<approval_id>[^/]+)"),
                {"GET": self.get_approval},
                True,
            ),
            (
                re.compile(r"/v1/approvals/(?P<approval_id>[^/]+)/approve"),
                {"POST": self.approve},
                True,
            ),
            (
                re.compile(r"/v1/approvals/(?P<approval_id>[^/]+)/deny"),
                {"POST": self.deny},
                True,
            ),
            (re.compile(r"/v1/permission-sets"), {"GET": self.permission_sets}, True),
            (re.compile(r"/v1/permission-managers"), {"GET": self.permission_managers}, True),
            (
                re.compile(r"/v1/permission-sets/(?P<set_id>\d+)"),
                {"PATCH": self.change_permission_set},
                True,
            ),
            (
                re.compile(r"/v1/audit-events"),
                {"GET": self.audit_events, "POST": self.report_audit_event},
                True,
            ),
        ]

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        request = Request(environ)
        headers: list[tuple[str, str]] = []
        try:
            # Each server thread keeps its connection: opening one per request costs a WAL
            # checkpoint at every close.
            service_db.connect(reuse_if_open=True)
            status, payload = self._dispatch(request, headers)
        except ApiError as error:
            status = error.status
            headers += error.headers
            payload = {"error": {"code": error.code, "message": str(error), **error.extra}}
        except (orders.OrderProblem, seats.SeatProblem) as problem:
            status = problem.status
            payload = {"error": {"code": problem.code, "message": str(problem), **problem.extra}}
        except Exception as error:  # a fault of ours or of the database: JSON all the same
            if not service_db.is_closed():
                service_db.close()  # the next request starts on a fresh connection
            status, payload = _failure(request, error, headers)
        if isinstance(payload, Binary):
            body = payload.data
            headers += [("Content-Type", payload.content_type), *payload.headers]
        else:
            body = b"" if status == 204 else json.dumps(payload).encode()
            headers += [("Content-Type", "application/json")]
        if self.check_responses and (problem := self._breach_of(request, status, headers, body)):
            status, body = (
                500,
                json.dumps({"error": {"code": "breaks_contract", "message": problem}}),
            )
            body = body.encode()
        headers += [("Content-Length", str(len(body)))]
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        return [body]

    @staticmethod
    def _breach_of(request: Request, status: int, headers: list, body: bytes) -> str | None:
        try:
            sent = request.body()
        except ApiError:
            sent = b""
        problem = contract.response_breach(request.environ, sent, status, headers, body)
        if problem:
            logger.error(
                "%s %s answered %d against the document: %s",
                request.method,
                request.path,
                status,
                problem,
            )
            return problem
        return None

    def _dispatch(self, request: Request, headers: list) -> tuple[int, object]:
        try:
            request.path = contract.check_url(request.environ)
        except contract.Refused as refused:
            raise _refusal(refused) from None
        for pattern, methods, needs_session in self.routes:
            match = pattern.fullmatch(request.path)
            if match is None:
                continue
            handler = methods.get(request.method)
            if handler is None:
                headers.append(("Allow", ", ".join(sorted(methods))))
                raise ApiError(405, "method_not_allowed", f"{request.method} is not allowed here.")
            if needs_session:
                self._authenticate(request)
            try:
                request._json = contract.check_request(request.environ, request.body())
            except contract.Refused as refused:
                raise _refusal(refused) from None
            return handler(request, **match.groupdict())
        raise ApiError(404, "not_found", f"No such resource: {request.path}")

    def _authenticate(self, request: Request) -> None:
        header = request.header("Authorization") or ""
        scheme, _, token = header.partition(" ")
        token, now = token.strip(), utc_now()
        administrator = auth.session_administrator(token, now) if scheme == "Bearer" else None
        if administrator is None:
            raise ApiError(
                401,
                "unauthorized",
                "Sign in first: the session is missing, or ended (signed out, idle too long or "
                "too old).",
            )
        auth.touch(token, administrator, now, self.session_idle)
        request.administrator, request.token = administrator, token

    @staticmethod
    def _require(request: Request, permission: str, missing: str) -> Administrator:
        """The signed-in administrator, if their permission set has `permission` (view_billing:
        it or Manage Account); else 403."""
        administrator = request.caller
        permissions_held = administrator.permission_set
        allowed = (
            permissions.sees_billing(permissions_held)
            if permission == "view_billing"
            else getattr(permissions_held, permission)
        )
        if not allowed:
            name = permissions_held.name
            raise ApiError(403, "forbidden", f"The permission set {name!r} {missing}.")
        return administrator

    def _require_manage_account(self, request: Request) -> Administrator:
        return self._require(request, "manage_account", "does not include Manage Account")

    def _require_billing(self, request: Request) -> Administrator:
        """Manage Account or View Billing: reading the contract, its orders, invoices, quotes
        and documents, and keeping the billing profile (never buying or renewing)."""
        return self._require(
            request, "view_billing", "includes neither Manage Account nor View Billing"
        )

    def _require_manage_permission_sets(self, request: Request) -> Administrator:
        return self._require(request, "manage_permission_sets", "may not manage permission sets")

    # handlers

    def health(self, request: Request) -> tuple[int, object]:
        return 200, {"status": "ok"}

    def openapi(self, request: Request) -> tuple[int, object]:
        return 200, contract.DOCUMENT

    def desktop_release(self, request: Request) -> tuple[int, object]:
        channel = request.query.get("channel", "stable")  # stable or beta: the document checked
        announced = releases.desktop_release(self.desktop_releases, channel)
        if announced is None:
            raise ApiError(404, "not_found", f"No desktop release is announced on {channel}.")
        return 200, announced

    def create_session(self, request: Request) -> tuple[int, object]:
        # Signing in right after a restart may meet SQLite mid-write: a moment later it is free.
        return retry_when_locked(lambda: self._sign_in(request))

    def _sign_in(self, request: Request) -> tuple[int, object]:
        body = request.json()
        email, password = body["email"], body["password"]
        email, now = email.strip().lower(), utc_now()
        presented = body.get("device_token")
        device = auth.trusted_device(presented, email, now)
        address = request.client_address
        try:
            attempt = lockout.begin_attempt(email, address, now, device)
        except lockout.LockedOut as locked:
            wait = max(1, math.ceil((locked.free_at - now).total_seconds()))
            raise ApiError(
                429,
                "too_many_attempts",
                f"Too many failed sign-ins for this e-mail. Try again after "
                f"{locked.free_at.strftime('%H:%M')} UTC.",
                {"retry_after": wait, "retry_at": locked.free_at.isoformat()},
                [("Retry-After", str(wait))],
            ) from None
        signed_in = auth.sign_in(email, password, now, self.session_idle)
        if signed_in is None:  # the attempt stays in the count
            organization = auth.organization_of(email)
            details = {"address": address, "trusted_device": device is not None}
            audit.record(organization, audit.SIGN_IN_FAILED, email, details, now)
            if attempt.locks is not None:  # this failure filled a count: a lock-out begins
                locked = {**details, "limit": attempt.locks, "minutes": lockout.WINDOW_MINUTES}
                audit.record(organization, audit.SIGN_IN_LOCKED, email, locked, now)
            raise ApiError(401, "invalid_credentials", "The e-mail or the password is wrong.")
        lockout.succeeded(attempt)
        token, administrator = signed_in
        device_token = auth.device_token_for(email, presented if device else None, now)
        details = {"trusted_device": device is not None}
        audit.record(administrator.organization_id, audit.SIGN_IN, email, details, now)
        return 201, {
            "token": token,
            "device_token": device_token,
            "idle_timeout": int(self.session_idle.total_seconds()),
            "administrator": administrator_json(administrator),
        }

    def delete_sessions(self, request: Request) -> tuple[int, object]:
        """Sign out everywhere: every session of the caller ends, this one too."""
        self._authenticate(request)
        administrator = request.caller
        ended = auth.sign_out_everywhere(administrator.id)
        details = {"sessions": ended}
        audit.record(
            administrator.organization_id, audit.SIGNED_OUT_EVERYWHERE, administrator.email, details
        )
        return 204, None

    def delete_session(self, request: Request) -> tuple[int, object]:
        administrator, token = request.caller, request.token
        assert token is not None  # set with the caller, from the session
        auth.sign_out(token)
        audit.record(administrator.organization_id, audit.SIGN_OUT, administrator.email, {})
        return 204, None

    def _contract_of(self, request: Request) -> Contract:
        """The contract in force (else the latest) of the organization of an administrator who
        sees billing; 404 when it has none."""
        administrator = self._require_billing(request)
        contract = orders.current_contract(administrator, utc_now())
        contract = contract or orders.latest_contract(administrator)
        if contract is None:
            raise ApiError(404, "no_contract", "This organization has no contract.")
        return contract

    def contract(self, request: Request) -> tuple[int, object]:
        contract = self._contract_of(request)
        return 200, {
            **orders.contract_json(contract),
            "organization": contract.organization.name,
            "organization_id": contract.organization_id,
            "timezone": contract.organization.timezone,
            "pending_seats": orders.pending_seats(contract),
        }

    def license_summary(self, request: Request) -> tuple[int, object]:
        contract = self._contract_of(request)
        organization_id = request.caller.organization_id
        pending = orders.pending_seats(contract)
        return 200, users.license_summary(organization_id, contract, pending, utc_now())

    def users(self, request: Request) -> tuple[int, object]:
        self._require_manage_account(request)
        query = request.query  # the document checked every parameter's form
        which = users.UserFilter(
            query.get("license"),
            query.get("status"),
            int(query["inactive_days"]) if "inactive_days" in query else None,
        )
        after = int(query["after"]) if "after" in query else None
        page, total, more = users.list_users(
            request.caller.organization_id,
            which,
            utc_now(),
            after,
            int(query.get("limit", "100")),
        )
        return 200, {
            "users": [users.user_json(user) for user in page],
            "total": total,
            "has_more": more,
        }

    def free_seat(self, request: Request, user_id: str) -> tuple[int, object]:
        administrator = self._require_manage_account(request)
        user = seats.free_seat(administrator, _id(user_id))
        return 200, {"user": users.user_json(user)}

    def assign_seat(self, request: Request, user_id: str) -> tuple[int, object]:
        self._require_manage_account(request)
        contract = self._contract_of(request)
        user, assigned = seats.assign_seat(request.caller, contract, _id(user_id))
        return 200, {"user": users.user_json(user), "assigned": assigned}

    def seat_releases(self, request: Request) -> tuple[int, object]:
        administrator = self._require_manage_account(request)
        limit = int(request.query.get("limit", "100"))  # the document checked it
        found = seats.releases_of(administrator.organization_id, limit)
        now = utc_now()
        return 200, {"releases": [seats.release_json(each, now) for each in found]}

    def release_seats(self, request: Request) -> tuple[int, object]:
        administrator = self._require_manage_account(request)
        body = request.json()  # ids unique, 1 to 500 of them, the reason one line: checked
        release = seats.release_seats(administrator, body["user_ids"], body["reason"])
        return 201, {"release": seats.release_json(release)}

    def undo_release(self, request: Request, release_id: str) -> tuple[int, object]:
        self._require_manage_account(request)
        contract = self._contract_of(request)
        undone = seats.undo_release(request.caller, contract, _id(release_id))
        return 200, {
            "release": seats.release_json(undone.release),
            "returned": [user.id for user in undone.returned],
            "not_returned": [user.id for user in undone.not_returned],
        }

    def reclaim_policy(self, request: Request) -> tuple[int, object]:
        administrator = self._require_manage_account(request)
        return 200, reclaim.policy_json(reclaim.policy_of(administrator.organization_id))

    def change_reclaim_policy(self, request: Request) -> tuple[int, object]:
        administrator = self._require_manage_account(request)
        changed = reclaim.change_policy(administrator, request.json(), utc_now())
        return 200, reclaim.policy_json(changed)

    def reclaim_preview(self, request: Request) -> tuple[int, object]:
        """Whom the policy would free now: with its stored days, or those the query gives (to
        see a change before saving it)."""
        administrator = self._require_manage_account(request)
        policy = reclaim.policy_of(administrator.organization_id)
        query, now = request.query, utc_now()  # the document bounded the days
        disabled = int(query.get("disabled_for_days", policy.disabled_for_days))
        inactive = int(query.get("inactive_for_days", policy.inactive_for_days))
        found = reclaim.candidates(
            administrator.organization_id, disabled, inactive, reclaim.exempt_ids(policy), now
        )
        return 200, {
            "as_of": now.isoformat(),
            "disabled_for_days": disabled,
            "inactive_for_days": inactive,
            "users": [reclaim.candidate_json(each) for each in found[:PREVIEW_LIMIT]],
            "total": len(found),
            "to_free": len([each for each in found if not each.exempt]),
        }

    def alert_settings(self, request: Request) -> tuple[int, object]:
        administrator = self._require_manage_account(request)
        return 200, alerts.settings_json(alerts.settings_of(administrator.organization_id))

    def change_alert_settings(self, request: Request) -> tuple[int, object]:
        administrator = self._require_manage_account(request)
        try:
            changed = alerts.change_settings(administrator, request.json(), utc_now())
        except alerts.RecipientRefused as refused:
            raise ApiError(
                422, "invalid_recipient", str(refused), {"address": refused.address}
            ) from None
        return 200, alerts.settings_json(changed)

    def renewal_offer(self, request: Request) -> tuple[int, object]:
        """The renewal on offer while the current contract's renewal window is open."""
        contract, terms = renewals.offer(self._require_billing(request))
        return 200, renewals.offer_json(contract, terms)

    def renew(self, request: Request) -> tuple[int, object]:
        administrator = self._require_manage_account(request)
        key = request.idempotency_key
        renewal, replayed = renewals.place_renewal(administrator, key, request.json())
        if isinstance(renewal, Approval):
            return 202, _held(renewal, replayed)
        return 201, {"renewal": renewals.renewal_json(renewal), "replayed": replayed}

    def list_renewals(self, request: Request) -> tuple[int, object]:
        """The organization's renewals, newest first, whichever desktop made them."""
        administrator = self._require_billing(request)
        found = renewals.renewals_of(administrator.organization_id)
        return 200, {"renewals": [renewals.renewal_json(each) for each in found]}

    def reduction_requests(self, request: Request) -> tuple[int, object]:
        """Requests for fewer seats: finance reads them too, as they change next term's invoice."""
        administrator = self._require_billing(request)
        found = renewals.reduction_requests(administrator.organization_id)
        return 200, {"requests": [renewals.reduction_json(each) for each in found]}

    def request_reduction(self, request: Request) -> tuple[int, object]:
        administrator = self._require_manage_account(request)
        made = renewals.request_reduction(administrator, request.json())
        return 201, {"request": renewals.reduction_json(made)}

    def list_invoices(self, request: Request) -> tuple[int, object]:
        """The organization's invoices, oldest change first: a feed like the orders'."""
        administrator = self._require_billing(request)
        today = orders.local_today(administrator.organization, utc_now())
        since, after_id = _cursor(request.query)
        limit = int(request.query.get("limit", "100"))  # 1 to 1,000: the document checked it
        page = invoices.changes(
            administrator.organization_id,
            since,
            after_id,
            limit + 1,
            request.query.get("status"),
            today,
            (_date(request.query, "issued_from"), _date(request.query, "issued_to")),
        )
        more, page = len(page) > limit, page[:limit]
        last = page[-1] if page else None
        cursor = _make_cursor(last.updated_at, last.id) if last else request.query.get("cursor")
        return 200, {
            "invoices": [invoices.invoice_json(each, today) for each in page],
            "cursor": cursor,
            "has_more": more,
        }

    def _invoice(self, request: Request, number: str) -> invoices.Invoice:
        administrator = self._require_billing(request)
        found = invoices.find(administrator.organization_id, number)
        if found is None:
            raise ApiError(404, "not_found", f"No invoice has the number {number!r}.")
        return found

    def get_invoice(self, request: Request, number: str) -> tuple[int, object]:
        found = self._invoice(request, number)
        today = orders.local_today(request.caller.organization, utc_now())
        return 200, {"invoice": invoices.invoice_json(found, today)}

    def invoice_pdf(self, request: Request, number: str) -> tuple[int, object]:
        """The vendor's invoice document, with its SHA-256 so the copy kept can be checked."""
        from service.invoice_pdf import render_invoice  # reportlab loads on first use

        return 200, _pdf(render_invoice(self._invoice(request, number)), number)

    def vendor(self, request: Request) -> tuple[int, object]:
        """Who sells and invoices: any signed-in administrator may read it."""
        vendor = profiles.vendor_json()
        if vendor is None:
            raise ApiError(404, "no_vendor", "The service has no vendor details yet.")
        return 200, vendor

    def billing_profile(self, request: Request) -> tuple[int, object]:
        administrator = self._require_billing(request)
        profile = profiles.profile_of(administrator.organization_id)
        if profile is None:
            raise ApiError(404, "no_billing_profile", "This organization has no billing profile.")
        return 200, profiles.profile_json(profile)

    def change_billing_profile(self, request: Request) -> tuple[int, object]:
        administrator = self._require_billing(request)
        try:
            profile = profiles.change_profile(administrator, request.json())
        except ProfileRefusal as refusal:
            raise ApiError(
                422,
                refusal.code,
                str(refusal),
                {"field": refusal.field, "localizable": refusal.localizable()},
            ) from None
        return 200, profiles.profile_json(profile)

    def quote(self, request: Request) -> tuple[int, object]:
        administrator = self._require_manage_account(request)
        organization = administrator.organization  # read with the session
        as_of = orders.local_today(organization, utc_now())
        if "as_of" in request.query:
            try:
                as_of = date.fromisoformat(request.query["as_of"])
            except ValueError:
                raise ApiError(
                    400, "invalid_request", "as_of must be a date like 2026-11-26."
                ) from None
        _, priced = orders.quote_on(organization, request.query.get("seats", ""), as_of)
        return 200, orders.quote_json(priced)

    def give_quote(self, request: Request) -> tuple[int, object]:
        """A formal quote, priced as GET /v1/quote (or the renewal offer) prices it today."""
        administrator = self._require_manage_account(request)
        given = quotes.give(administrator, request.json(), self.quote_validity_days)
        return 201, {"quote": quotes.quote_json(given)}

    def list_quotes(self, request: Request) -> tuple[int, object]:
        administrator = self._require_billing(request)
        found = quotes.quotes_of(administrator.organization_id)
        now = utc_now()
        return 200, {"quotes": [quotes.quote_json(each, now) for each in found]}

    def _quote(self, request: Request, number: str) -> Quote:
        administrator = self._require_billing(request)
        found = quotes.find(administrator.organization_id, number)
        if found is None:
            raise ApiError(404, "not_found", f"No quote has the number {number!r}.")
        return found

    def get_quote(self, request: Request, number: str) -> tuple[int, object]:
        return 200, {"quote": quotes.quote_json(self._quote(request, number))}

    def quote_pdf(self, request: Request, number: str) -> tuple[int, object]:
        """The formal quote as a document, with its SHA-256 like an invoice's."""
        from service.quote_pdf import render_quote  # reportlab loads on first use

        return 200, _pdf(render_quote(self._quote(request, number)), number)

    def create_order(self, request: Request) -> tuple[int, object]:
        administrator = self._require_manage_account(request)
        key = request.idempotency_key
        order, replayed = orders.place_order(
            administrator, key, request.json(), self.delay, grace_days=self.quote_grace_days
        )
        if isinstance(order, Approval):
            return 202, _held(order, replayed)
        return 201, {"order": orders.order_json(order), "replayed": replayed}

    def approvers(self, request: Request) -> tuple[int, object]:
        found = approvals.approvers(self._require_manage_account(request))
        return 200, {"approvers": [{"name": each.name, "email": each.email} for each in found]}

    @staticmethod
    def _signed_in(request: Request) -> Administrator:
        administrator = request.caller
        assert administrator is not None  # the route needs a session: _authenticate ran
        return administrator

    def _may_see_approvals(self, request: Request) -> Administrator:
        """An approver, or one with Manage Account (who sees their own requests); else 403."""
        administrator = self._signed_in(request)
        if administrator.permission_set.approve_purchases:
            return administrator
        return self._require_manage_account(request)

    def list_approvals(self, request: Request) -> tuple[int, object]:
        administrator, now = self._may_see_approvals(request), utc_now()
        found = approvals.visible(administrator, request.query.get("status"), now)
        return 200, {"approvals": [approvals.answer(each, now) for each in found]}

    def get_approval(self, request: Request, approval_id: str) -> tuple[int, object]:
        found = approvals.find(self._may_see_approvals(request), approval_id)
        return 200, {"approval": approvals.answer(found, utc_now())}

    def approve(self, request: Request, approval_id: str) -> tuple[int, object]:
        """Place the held order at its price (the approver's rights are checked there)."""
        now = utc_now()
        approver = self._signed_in(request)
        approval, placed = approvals.approve(approver, approval_id, self.delay, now)
        answer = {"approval": approvals.answer(approval, now)}
        if isinstance(placed, Renewal):
            return 201, {**answer, "renewal": renewals.renewal_json(placed)}
        return 201, {**answer, "order": orders.order_json(placed)}

    def deny(self, request: Request, approval_id: str) -> tuple[int, object]:
        now = utc_now()
        reason = request.json().get("reason")  # its rule is the handler's: invalid_reason
        denied = approvals.deny(self._signed_in(request), approval_id, reason, now)
        return 200, {"approval": approvals.answer(denied, now)}

    def get_order(self, request: Request, transaction_id: str) -> tuple[int, object]:
        order = orders.find_order(self._require_billing(request), transaction_id)
        if order is None:
            raise ApiError(404, "not_found", f"No order has the transaction ID {transaction_id!r}.")
        return 200, {"order": orders.order_json(order)}

    def list_orders(self, request: Request) -> tuple[int, object]:
        administrator = self._require_billing(request)
        since, after_id = _cursor(request.query)
        limit = int(request.query.get("limit", "100"))  # 1 to 1,000: the document checked it
        page = orders.changes(administrator, since, after_id, limit + 1)
        more, page = len(page) > limit, page[:limit]
        last = page[-1] if page else None
        cursor = _make_cursor(last.updated_at, last.id) if last else request.query.get("cursor")
        return 200, {
            "orders": [orders.order_json(o) for o in page],
            "cursor": cursor,
            "has_more": more,
        }

    def permission_sets(self, request: Request) -> tuple[int, object]:
        administrator = self._require_manage_permission_sets(request)
        sets = permissions.sets_of(administrator.organization_id)
        return 200, {"permission_sets": [permissions.set_json(each) for each in sets]}

    def permission_managers(self, request: Request) -> tuple[int, object]:
        """Who can grant a right: any signed-in administrator may ask, to know whom to ask."""
        managers = permissions.managers_of(request.caller.organization_id)
        return 200, {
            "administrators": [{"name": each.name, "email": each.email} for each in managers]
        }

    def change_permission_set(self, request: Request, set_id: str) -> tuple[int, object]:
        administrator = self._require_manage_permission_sets(request)
        changes = request.json()  # {} changes nothing
        try:
            changed = permissions.change(administrator, int(set_id), changes)
        except permissions.PermissionProblem as problem:
            raise ApiError(problem.status, problem.code, str(problem)) from None
        return 200, {"permission_set": permissions.set_json(changed)}

    def audit_events(self, request: Request) -> tuple[int, object]:
        administrator = self._require_manage_permission_sets(request)
        query = audit.events_of(administrator.organization_id)
        if request.query.get("action"):
            query = query.where(AuditEvent.action == request.query["action"])
        if request.query.get("actor"):
            query = query.where(AuditEvent.actor_email.contains(request.query["actor"]))
        limit = int(request.query.get("limit", "200"))  # the document checked both
        before = int(request.query["before"]) if "before" in request.query else None
        if before is not None:  # the next page: events older than the last one shown
            query = query.where(AuditEvent.id < before)
        events = list(query.limit(limit + 1))
        answer = {
            "events": [audit.event_json(event) for event in events[:limit]],
            "has_more": len(events) > limit,
        }
        if before is None:  # the chain is checked once, with the first page
            check = audit.verify_chain(administrator.organization_id)
            answer["chain"] = {"intact": check.intact, "message": check.message}
        return 200, answer

    def report_audit_event(self, request: Request) -> tuple[int, object]:
        administrator = self._require_billing(request)  # receipts exported: documents
        body = request.json()  # the document allows only the actions a desktop may report
        audit.record(
            administrator.organization_id,
            body["action"],
            administrator.email,
            body.get("details", {}),
        )
        return 201, {"recorded": True}


def _held(approval: Approval, replayed: bool) -> Binary:
    """An order above its buyer's spending limit: the approval that holds it, and where."""
    answer = {"approval": approvals.answer(approval, utc_now()), "replayed": replayed}
    location = (("Location", f"/v1/approvals/{approval.number}"),)
    return Binary(json.dumps(answer).encode(), "application/json", location)


def _pdf(data: bytes, number: str) -> Binary:
    """A document as an attachment named by its number, with its SHA-256 so the copy kept can
    be checked."""
    digest = hashlib.sha256(data).hexdigest()
    disposition = f'attachment; filename="{number}.pdf"'
    headers = (("X-Content-SHA256", digest), ("Content-Disposition", disposition))
    return Binary(data, "application/pdf", headers)


def _id(text: str) -> int:
    """A path's id (digits the document bounded); one past the largest finds nothing."""
    return min(int(text), MAX_ID)


def _refusal(refused: contract.Refused) -> ApiError:
    breach = refused.breach
    return ApiError(breach.status, breach.code, breach.message, breach.extra)


def _failure(request: Request, error: Exception, headers: list) -> tuple[int, dict]:
    """503 when the request lost a race with another writer (SQLite's one writer busy past the
    timeout, a PostgreSQL deadlock): a moment later it goes through; else 500. Both logged,
    neither saying more than that."""
    if lost_a_race(error):
        logger.warning("%s %s: the database is busy", request.method, request.path)
        headers[:] = [("Retry-After", "1")]
        return 503, {"error": {"code": "busy", "message": "The service is busy; try again."}}
    logger.exception("%s %s failed", request.method, request.path)
    return 500, {"error": {"code": "internal_error", "message": "The service failed; try again."}}


def administrator_json(administrator: Administrator) -> dict:
    return {
        "name": administrator.name,
        "email": administrator.email,
        "organization_id": administrator.organization_id,
        "organization": administrator.organization.name,
        "currency": administrator.organization.currency,  # the spending limit's
        "permission_set": administrator.permission_set.name,
        "permissions": permissions.rights_json(administrator),
    }


def _cursor(query: dict) -> tuple[datetime, int]:
    """Where the changes feed resumes: an opaque cursor, or a timestamp, or the beginning."""
    if query.get("cursor"):  # digits-digits, as the document says
        micros, after_id = map(int, query["cursor"].split("-"))
        try:
            return EPOCH + timedelta(microseconds=micros), min(after_id, MAX_ID)
        except OverflowError:  # past the year 9999: after every change there can be
            return END, MAX_ID
    if "updated_since" in query:
        try:
            return _aware(datetime.fromisoformat(query["updated_since"])), MAX_ID
        except (ValueError, OverflowError):
            raise ApiError(
                400,
                "invalid_parameter",
                "updated_since must be a date and time such as 2026-11-27T09:00:00+00:00.",
                {"parameter": "updated_since"},
            ) from None
    return EPOCH, 0


def _date(query: dict, name: str) -> date | None:
    """A date parameter (its form checked by the document), None when not given."""
    if name not in query:
        return None
    try:
        return date.fromisoformat(query[name])
    except ValueError:
        raise ApiError(
            400,
            "invalid_parameter",
            f"{name} must be a date such as 2026-11-27.",
            {"parameter": name},
        ) from None


def _make_cursor(updated_at: datetime, order_id: int) -> str:
    """URL-safe and opaque: microseconds since 1970, then the order's id."""
    return f"{(updated_at - EPOCH) // timedelta(microseconds=1)}-{order_id}"


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _query(text: str) -> dict[str, str]:
    return dict(parse_qsl(text, keep_blank_values=True))
