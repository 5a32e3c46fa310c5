"""Keeping the local ledger and the account service in step: send the outbox, read the feed.

Every purchase is written locally with an outbox entry before any network call; its
transaction ID is the idempotency key, so sending it again after any failure can never buy
twice. The changes feed brings statuses, invoice numbers and other administrators' purchases.
"""

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from peewee import Expression

from billing.money import amount_to_minor, parse_amount
from billing.orders import REQUOTED, is_order_refusal
from billing.orders import order_body as billing_order_body
from billing.statuses import SERVICE_STATUSES, Status, may_become
from db.database import write_transaction
from desktop.billing_profile import (
    current_parties,
    mirror_billing_profile,
    mirror_vendor,
    send_profile_changes,
)
from desktop.i18n import localized_answer, translate
from desktop.invoices import mirror_invoices
from desktop.models import (
    Administrator,
    AuditEvent,
    Contract,
    LicenseUsage,
    Organization,
    Outbox,
    PermissionSet,
    SeatPurchase,
    SyncState,
    database,
    utc_now,
)
from desktop.renewing import mirror_offer, mirror_reduction_requests, send_renewals
from desktop.retry import backoff
from desktop.service_client import (
    NotSignedIn,
    ServiceClient,
    ServiceError,
    ServiceRefused,
    ServiceUnavailable,
)
from desktop.session import SignedIn, sign_in_as_this_device

FEED_OVERLAP = timedelta(seconds=30)  # re-read recent changes: commits can land out of order
BUSY_POLL_SECONDS = 2.0  # while anything is queued or pending
IDLE_POLL_SECONDS = 15.0
FEED_KEY = "changes_seen_until"
DETAILS_EVERY = timedelta(minutes=1)
REMOTE_SET = "Administrators elsewhere"
logger = logging.getLogger(__name__)


@dataclass
class SyncReport:
    online: bool
    problem: str | None = None
    provisioned: list[tuple[str, int]] = field(default_factory=list)  # (transaction ID, seats)
    changed: bool = False
    waiting: int = 0  # purchases queued or pending
    permission_lost: bool = False  # the service now refuses Manage Account to this person
    session_ended: bool = False  # signed out elsewhere, idle too long or too old: sign in again
    requoted: list["Requote"] = field(default_factory=list)  # refused at a total now outdated
    session: SignedIn | None = None  # signed in with the credentials in this round


@dataclass(frozen=True)
class Requote:
    """A purchase the service refused because its total is out of date, with today's total."""

    transaction_id: str
    seats: int
    old_amount: Decimal
    new_amount: Decimal
    currency: str

    @classmethod
    def of(cls, purchase: SeatPurchase, refusal: ServiceRefused) -> "Requote | None":
        """The requote a refusal carries, if it is one (quote changed or expired)."""
        fresh = refusal.details.get("quote")
        amount = parse_amount(fresh.get("amount")) if isinstance(fresh, dict) else None
        if refusal.code not in REQUOTED or amount is None:
            return None
        return cls(
            purchase.transaction_id, purchase.seats, purchase.amount, amount, purchase.currency
        )


@dataclass(frozen=True)
class Credentials:
    email: str
    password: str


class SyncEngine:
    """One round of syncing at a time; plain Python, run by SyncWorker or by tests."""

    def __init__(self, client: ServiceClient, credentials: Credentials | None = None) -> None:
        """Sync with a client already signed in (its token), or sign in with `credentials`."""
        self.client = client
        self.credentials = credentials
        self._details_read_at: datetime | None = None

    def run_once(self, now: datetime | None = None) -> SyncReport:
        now = now or utc_now()
        report = SyncReport(online=True)
        signing_in = self.client.token is None and self.credentials is not None
        try:
            if self.client.token is None:
                if self.credentials is None:
                    report.problem = translate(
                        "Sync", "Your session has ended: sign in again to sync."
                    )
                    report.session_ended = True
                    report.waiting = waiting_purchases()
                    return report
                report.session = self._sign_in()
            if not Contract.select().exists():  # a new installation: purchases need a contract
                mirror_contract(self.client.contract())
            self._send_outbox(now, report)
            refused = send_renewals(self.client, now)
            if refused:
                report.problem, report.changed = refused, True
            self._read_feed(report)
            report.changed |= self._mirror_invoices()
            mirror_contract(self.client.contract())  # after the feed: seat counts include it
            refused = send_profile_changes(self.client, now)
            if refused:
                report.problem = refused
            if self._details_due(now):  # every round sends; what changes seldom is read seldom
                report.changed |= self._mirror_license_usage(now)
                self._mirror_billing_details()
                self._check_renewal()
        except NotSignedIn as error:
            if error.status == 403:
                report.permission_lost = True
            elif signing_in and error.status == 401:  # the password is wrong (typed offline):
                self.credentials = None  # never try it again, which could lock the e-mail out
                report.session_ended = True  # ask for the password
            else:
                self.client.token = None  # the session ended: sign in again next round
                report.session_ended = self.credentials is None  # else quietly, next round
            report.problem = translate("Sync", "The service refused: {error}").format(error=error)
        except ServiceUnavailable as error:
            report.online, report.problem = False, str(error)
            _postpone(Outbox.next_attempt_at <= now, now, str(error), error.retry_after)
        report.waiting = waiting_purchases()
        return report

    def _sign_in(self) -> SignedIn:
        try:
            email, password = self.credentials.email, self.credentials.password
            session = sign_in_as_this_device(self.client, email, password)
        except ServiceError as error:
            if error.code is None:  # not the service's own answer: offline for now
                raise
            raise NotSignedIn(str(error), error.status, error.code) from None  # e.g. locked out
        mirror_administrator(session["administrator"])
        return SignedIn(self.client.base_url, session["token"], session["administrator"])

    def _check_renewal(self) -> None:
        """The renewal on offer, or why there is none (renewed: no more reminders)."""
        mirror_offer(self.client)
        mirror_reduction_requests(self.client)

    def _mirror_invoices(self) -> bool:
        try:
            return mirror_invoices(self.client)
        except ServiceRefused as error:  # a service from before invoices: none to show
            logger.info("no invoices from the service: %s", error)
            return False

    def _details_due(self, now: datetime) -> bool:
        """Whether to read seat use, vendor, billing profile and renewal again: on the first
        round, then once every DETAILS_EVERY (a busy round comes every 2 s)."""
        if self._details_read_at is not None and now - self._details_read_at < DETAILS_EVERY:
            return False
        self._details_read_at = now
        return True

    def _mirror_billing_details(self) -> None:
        """The service's billing profile (when no edit of ours waits) and vendor details."""
        try:
            mirror_vendor(self.client.vendor())
            mirror_billing_profile(self.client.billing_profile())
        except ServiceRefused as error:  # a service from before billing profiles: none to show
            logger.info("no billing profile from the service: %s", error)

    def _mirror_license_usage(self, now: datetime) -> bool:
        try:
            remote = self.client.license_summary()
        except ServiceRefused as error:  # a service from before seat assignment: none to show
            logger.info("no licence summary from the service: %s", error)
            return False
        return mirror_license_usage(remote, now)

    def _send_outbox(self, now: datetime, report: SyncReport) -> None:
        due = (
            Outbox.select(Outbox, SeatPurchase)
            .join(SeatPurchase)
            .where(Outbox.next_attempt_at <= now)
            .order_by(Outbox.id)
        )
        for entry in list(due):
            purchase = entry.purchase
            try:
                order = self.client.place_order(purchase.transaction_id, order_body(purchase))
            except ServiceRefused as error:
                if not is_order_refusal(error.status, error.code):  # not a verdict on the order
                    _postpone(Outbox.id == entry.id, now, str(error))
                    report.problem = str(error)
                    continue
                _reject(purchase, localized_answer(error.details, str(error)))
                if (requote := Requote.of(purchase, error)) is not None:
                    report.requoted.append(requote)
                report.changed = True
                continue
            report.changed |= apply_order(order, report)

    def _read_feed(self, report: SyncReport) -> None:
        seen_until = SyncState.get_or_none(SyncState.key == FEED_KEY)
        since = (
            datetime.fromisoformat(seen_until.value) - FEED_OVERLAP
            if seen_until
            else datetime(1970, 1, 1, tzinfo=UTC)
        )
        page = self.client.changes(updated_since=since.isoformat())
        latest = None
        while True:
            for order in page["orders"]:
                report.changed |= apply_order(order, report)
                latest = order["updated_at"]
            if not page.get("has_more"):
                break
            page = self.client.changes(cursor=page["cursor"])
        if latest is not None:
            SyncState.insert(key=FEED_KEY, value=latest).on_conflict(
                conflict_target=[SyncState.key], update={SyncState.value: latest}
            ).execute()


class SyncWorker(threading.Thread):
    """Runs the engine on its own thread, often while purchases are waiting, seldom otherwise."""

    def __init__(self, engine: SyncEngine, listener: Callable[[SyncReport], None]) -> None:
        super().__init__(name="sync", daemon=True)
        self.engine = engine
        self.listener = listener
        self._wake = threading.Event()
        self._stopping = False

    def wake(self) -> None:
        """Sync now, e.g. right after a purchase."""
        self._wake.set()

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        self.join(timeout=30)

    def run(self) -> None:
        while not self._stopping:
            try:
                with database.connection_context():
                    report = self.engine.run_once()
            except Exception as error:  # a fault of ours or of the database: report, go on
                logger.exception("sync round failed")
                report = SyncReport(
                    online=False,
                    problem=translate("Sync", "Sync failed: {error}").format(error=error),
                )
            self.listener(report)
            interval = (
                BUSY_POLL_SECONDS if report.waiting or not report.online else IDLE_POLL_SECONDS
            )
            self._wake.wait(interval)
            self._wake.clear()


def waiting_purchases() -> int:
    return (
        SeatPurchase.select()
        .where(SeatPurchase.provisioning_status.in_((Status.QUEUED, Status.PENDING)))
        .count()
    )


def order_body(purchase: SeatPurchase) -> dict:
    """The order as recorded: its period starts on the day its total was quoted."""
    return billing_order_body(
        purchase.seats,
        purchase.amount,
        purchase.period_start,
        purchase.acknowledgement_text,
        purchase.purchase_order,
        purchase.invoice_note,
    )


def apply_order(order: dict, report: SyncReport | None = None) -> bool:
    """Bring one order from the service into the local ledger; True when something changed."""
    status = order["status"]
    if status not in SERVICE_STATUSES:
        logger.warning(
            "ignored order %s with the unknown status %r", order["transaction_id"], status
        )
        return False
    with write_transaction(database):
        purchase = SeatPurchase.get_or_none(SeatPurchase.transaction_id == order["transaction_id"])
        if purchase is None:
            purchase = _import_order(order)
            changed = True
        else:
            changed = _update_purchase(purchase, order)
        Outbox.delete().where(Outbox.purchase == purchase).execute()  # accepted: sent for good
    if changed and status == Status.PROVISIONED and report is not None:
        report.provisioned.append((purchase.transaction_id, purchase.seats))
    return changed


def _update_purchase(purchase: SeatPurchase, order: dict) -> bool:
    """Take the service's newer state; a stale entry that would move the status back is left."""
    if not may_become(purchase.provisioning_status, order["status"]):
        logger.info(
            "ignored a stale %s entry for %s purchase %s",
            order["status"],
            purchase.provisioning_status,
            purchase.transaction_id,
        )
        return False
    fields = {
        "provisioning_status": order["status"],
        "submitted_at": purchase.submitted_at or _moment(order["created_at"]),
        "provisioned_at": _moment(order.get("provisioned_at")),
        "invoice_number": order.get("invoice_number"),
        "last_sync_error": order.get("rejection_reason"),
    }
    if all(getattr(purchase, name) == value for name, value in fields.items()):
        return False
    SeatPurchase.update(**fields).where(SeatPurchase.id == purchase.id).execute()
    return True


def _import_order(order: dict) -> SeatPurchase:
    """A purchase another administrator made on another machine."""
    buyer = order["purchased_by"]
    administrator = Administrator.get_or_none(Administrator.email == buyer["email"])
    if administrator is None:
        remote, _ = PermissionSet.get_or_create(name=REMOTE_SET)
        administrator = Administrator.create(
            name=buyer["name"], email=buyer["email"], permission_set=remote
        )
    period_end = date.fromisoformat(order["period_end"])
    contract = (
        Contract.select().where(Contract.end_date == period_end).first()
        or Contract.select().order_by(Contract.end_date.desc()).first()
    )
    amount = Decimal(order["amount"])
    created_at = _moment(order["created_at"])
    return SeatPurchase.create(
        transaction_id=order["transaction_id"],
        idempotency_key=order["transaction_id"],
        created_at=created_at,
        administrator=administrator,
        purchased_by_name=buyer["name"],
        purchased_by_email=buyer["email"],
        contract=contract,
        seats=order["seats"],
        monthly_unit_price=Decimal(order["monthly_unit_price"]),
        prorated_months=order["prorated_months"],
        period_start=date.fromisoformat(order["period_start"]),
        period_end=period_end,
        amount_minor=amount_to_minor(amount, order["currency"]),
        currency=order["currency"],
        acknowledgement_text=order.get("acknowledgement_text") or "",
        acknowledged_at=created_at,
        provisioning_status=order["status"],
        submitted_at=created_at,
        provisioned_at=_moment(order.get("provisioned_at")),
        invoice_number=order.get("invoice_number"),
        last_sync_error=order.get("rejection_reason"),
        purchase_order=order.get("purchase_order"),
        invoice_note=order.get("invoice_note"),
        parties=current_parties(),
    )


def mirror_contract(remote: dict) -> None:
    """Take the contract's seat count and terms from the service, the source of truth."""
    start, end = date.fromisoformat(remote["start_date"]), date.fromisoformat(remote["end_date"])
    manager = remote["account_manager"]
    terms = {
        "licensed_seats": remote["licensed_seats"],
        "monthly_price_per_seat": Decimal(remote["monthly_price_per_seat"]),
        "currency": remote["currency"],
        "proration_unit": remote["proration"],
        "account_manager_name": manager["name"],
        "account_manager_email": manager["email"],
        "account_manager_phone": manager["phone"],
    }
    with write_transaction(database):
        organization = Organization.select().first() or Organization.create(
            name=remote["organization"], currency=remote["currency"], timezone=remote["timezone"]
        )
        updated = (
            Contract.update(**terms)
            .where((Contract.start_date == start) & (Contract.end_date == end))
            .execute()
        )
        if not updated:
            Contract.create(organization=organization, start_date=start, end_date=end, **terms)


def mirror_license_usage(remote: dict, now: datetime) -> bool:
    """Keep how the seats are assigned, for the overview to show without the service; True
    when the counts changed."""
    counts = {
        name: remote[name]
        for name in ("assigned", "assigned_disabled", "assigned_inactive", "inactive_days")
    }
    with write_transaction(database):
        organization = Organization.select().first()
        known = LicenseUsage.get_or_none(LicenseUsage.organization == organization)
        fields = {**counts, "checked_at": now}
        LicenseUsage.insert(organization=organization, **fields).on_conflict(
            conflict_target=[LicenseUsage.organization], update=fields
        ).execute()
    return known is None or any(getattr(known, name) != value for name, value in counts.items())


def mirror_administrator(remote: dict) -> Administrator:
    """The signed-in administrator as the service knows them, permissions included."""
    permissions = remote["permissions"]
    with write_transaction(database):
        permission_set, _ = PermissionSet.get_or_create(name=remote["permission_set"])
        permission_set.manage_account = permissions["manage_account"]  # the instance is used below
        permission_set.manage_permission_sets = permissions["manage_permission_sets"]
        permission_set.save()
        administrator = Administrator.get_or_none(Administrator.email == remote["email"])
        if administrator is None:
            return Administrator.create(
                name=remote["name"], email=remote["email"], permission_set=permission_set
            )
        administrator.name, administrator.permission_set = remote["name"], permission_set
        administrator.save()
        return administrator


def _postpone(
    which: Expression, now: datetime, error: str, retry_after: float | None = None
) -> None:
    """The outbox entries `which` wait longer (at least as long as the service asked), and
    their purchases keep the reason to show."""
    with write_transaction(database):
        for entry in list(Outbox.select().where(which)):
            attempts = entry.attempts + 1
            wait = max(backoff(attempts), timedelta(seconds=retry_after or 0))
            Outbox.update(attempts=attempts, next_attempt_at=now + wait, last_error=error).where(
                Outbox.id == entry.id
            ).execute()
            SeatPurchase.update(last_sync_error=error).where(
                SeatPurchase.id == entry.purchase_id
            ).execute()


def _reject(purchase: SeatPurchase, reason: str) -> None:
    """The service said no for good: nothing was bought, and the history says why."""
    with write_transaction(database):
        SeatPurchase.update(provisioning_status=Status.REJECTED, last_sync_error=reason).where(
            SeatPurchase.id == purchase.id
        ).execute()
        Outbox.delete().where(Outbox.purchase == purchase).execute()
        AuditEvent.create(
            administrator=purchase.administrator_id,
            action="purchase rejected",
            details=json.dumps({"transaction_id": purchase.transaction_id, "reason": reason}),
        )


def _moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)
