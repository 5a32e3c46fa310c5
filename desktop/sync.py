"""Keeping the local ledger and the account service in step: send the outbox, read the feed.

Every purchase is written locally with an outbox entry before any network call; its
transaction ID is the idempotency key, so sending it again after any failure can never buy
twice. The changes feed brings statuses, invoice numbers and other administrators' purchases.
"""

import json
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import cast

from peewee import Expression

from billing.money import parse_amount
from billing.orders import REQUOTED, is_order_refusal
from billing.orders import order_body as billing_order_body
from billing.statuses import Status, transition
from db.database import write_transaction
from desktop.account import has_contract
from desktop.billing_profile import (
    mirror_billing_profile,
    mirror_vendor,
    send_profile_changes,
)
from desktop.i18n import localized_answer, translate
from desktop.invoices import mirror_invoices
from desktop.mirror import (
    apply_order,
    mirror_administrator,
    mirror_contract,
    mirror_license_usage,
    moment,
)
from desktop.models import (
    AuditEvent,
    Contract,
    Organization,
    Outbox,
    SeatPurchase,
    SyncState,
    database,
    utc_now,
)
from desktop.renewing import (
    mirror_offer,
    mirror_reduction_requests,
    read_renewals,
    send_renewals,
)
from desktop.retry import APPROVAL_ASKED_EVERY, backoff
from desktop.service_client import (
    HeldForApproval,
    NotSignedIn,
    ServiceClient,
    ServiceError,
    ServiceRefused,
    ServiceUnavailable,
    each_page,
)
from desktop.session import SignedIn, sign_in_as_this_device
from desktop.step_result import Requote, StepResult

FEED_OVERLAP = timedelta(seconds=30)  # re-read recent changes: commits can land out of order
BUSY_POLL_SECONDS = 2.0  # while anything is queued or pending
IDLE_POLL_SECONDS = 15.0
FEED_KEY = "changes_seen_until"
SEND_BATCH = 100  # purchases sent before their answers are written, in one local transaction
DETAILS_EVERY = timedelta(minutes=1)
logger = logging.getLogger(__name__)


@dataclass
class SyncReport(StepResult):
    online: bool = True
    waiting: int = 0  # purchases queued or pending
    permission_lost: bool = False  # the service now refuses Manage Account to this person
    session_ended: bool = False  # signed out elsewhere, idle too long or too old: sign in again
    session: SignedIn | None = None  # signed in with the credentials in this round


def requote_of(purchase: SeatPurchase, refusal: ServiceRefused) -> Requote | None:
    """The requote a refusal carries, if it is one (quote changed or expired)."""
    fresh = refusal.details.get("quote")
    amount = parse_amount(fresh.get("amount")) if isinstance(fresh, dict) else None
    if refusal.code not in REQUOTED or amount is None:
        return None
    return Requote(
        purchase.transaction_id, purchase.seats, purchase.amount, amount, purchase.currency
    )


@dataclass(frozen=True)
class Credentials:
    email: str
    password: str


# One sync step: it adds what changed and what went wrong to the round's result as it goes.
Step = Callable[[ServiceClient, Organization, datetime, StepResult], None]


class SyncEngine:
    """One round of syncing at a time, for one organization; plain Python, run by SyncWorker
    or by tests."""

    def __init__(
        self,
        client: ServiceClient,
        credentials: Credentials | None = None,
        organization: Organization | None = None,
    ) -> None:
        """Sync with a client already signed in (its token), or sign in with `credentials`;
        the organization is the signed-in administrator's (learnt at sign-in, else from the
        contract the service names)."""
        self.client = client
        self.credentials = credentials
        self.organization = organization
        self._details_read_at: datetime | None = None

    def run_once(self, now: datetime | None = None) -> SyncReport:
        now = now or utc_now()
        report = SyncReport()
        signing_in = self.client.token is None and self.credentials is not None
        try:
            if self.client.token is None:
                if self.credentials is None:
                    report.problem = translate(
                        "Sync", "Your session has ended: sign in again to sync."
                    )
                    report.session_ended = True
                    report.waiting = waiting_purchases(self.organization)
                    return report
                report.session = self._sign_in(self.credentials)
            if self.organization is None or not has_contract(self.organization):
                # A new installation: purchases need a contract, and it names the organization.
                self.organization = mirror_contract(self.client.contract(), self.organization)
            steps: list[Step] = [send_purchases, send_renewals, read_orders, read_invoices]
            steps += [read_contract, send_profile_changes]  # after the feed: seats include it
            if self._details_due(now):  # every round sends; what changes seldom is read seldom
                steps += [read_license_usage, read_billing_details, read_renewal_offer]
                steps.append(read_renewals)  # made on other computers too
            for step in steps:  # each adds to the report as it goes: kept if a later part fails
                step(self.client, self.organization, now, report)
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
            due = Outbox.next_attempt_at <= now
            if self.organization is not None:  # else not signed in yet: all wait alike
                due &= Outbox.organization == self.organization
            _postpone(due, now, str(error), error.retry_after)
        report.waiting = waiting_purchases(self.organization)
        return report

    def _sign_in(self, credentials: Credentials) -> SignedIn:
        try:
            email, password = credentials.email, credentials.password
            session = sign_in_as_this_device(self.client, email, password)
        except ServiceError as error:
            if error.code is None:  # not the service's own answer: offline for now
                raise
            raise NotSignedIn(str(error), error.status, error.code) from None  # e.g. locked out
        administrator = mirror_administrator(session["administrator"])
        self.organization = administrator.organization
        return SignedIn(self.client.base_url, session["token"], session["administrator"])

    def _details_due(self, now: datetime) -> bool:
        """Whether to read seat use, vendor, billing profile and renewal again: on the first
        round, then once every DETAILS_EVERY (a busy round comes every 2 s)."""
        if self._details_read_at is not None and now - self._details_read_at < DETAILS_EVERY:
            return False
        self._details_read_at = now
        return True


def send_purchases(
    client: ServiceClient, organization: Organization, now: datetime, result: StepResult
) -> None:
    """Send the organization's purchases waiting in the outbox, SEND_BATCH at a time: each on
    the client's kept connection, then what the service said written in one local transaction
    per batch (a crash before it sends them again: each transaction ID is its idempotency key,
    so the service answers as it did the first time)."""
    due = (
        Outbox.select(Outbox, SeatPurchase)
        .join(SeatPurchase)
        .where((Outbox.organization == organization) & (Outbox.next_attempt_at <= now))
        .order_by(Outbox.id)
        .limit(SEND_BATCH)
    )
    after = 0  # each is sent once a round, whatever became of it
    while batch := list(due.where(Outbox._meta.primary_key > after)):
        after = batch[-1].get_id()
        answers: list[tuple[Outbox, dict | HeldForApproval | ServiceRefused]] = []
        try:
            for entry in batch:
                purchase = entry.purchase
                try:
                    answers.append(
                        (entry, client.place_order(purchase.transaction_id, order_body(purchase)))
                    )
                except ServiceRefused as error:
                    answers.append((entry, error))
        finally:  # what was answered before a failure is kept all the same
            _keep_answers(organization, answers, now, result)


def _keep_answers(
    organization: Organization,
    answers: list[tuple[Outbox, dict | HeldForApproval | ServiceRefused]],
    now: datetime,
    result: StepResult,
) -> None:
    """The service's answers to a batch of purchases, written in one transaction."""
    with write_transaction(database):
        for entry, answer in answers:
            purchase = entry.purchase
            if isinstance(answer, dict):
                result.changed |= apply_order(organization, answer, result)
            elif isinstance(answer, HeldForApproval):
                result.changed |= _await_approval(entry, now)
            elif not is_order_refusal(answer.status or 0, answer.code):  # no verdict on it
                _postpone(Outbox.id == entry.id, now, str(answer))
                result.problem = str(answer)
            else:
                _reject(purchase, localized_answer(answer.details, str(answer)))
                if (requote := requote_of(purchase, answer)) is not None:
                    result.requoted.append(requote)
                result.changed = True


def read_orders(
    client: ServiceClient, organization: Organization, now: datetime, result: StepResult
) -> None:
    """Every order changed since the last round, from the service's feed: a page at a time,
    each in one local transaction, the orders known here as they are skipped at one look."""
    seen_until = SyncState.read(organization, FEED_KEY)
    since = (
        datetime.fromisoformat(seen_until) - FEED_OVERLAP
        if seen_until
        else datetime(1970, 1, 1, tzinfo=UTC)
    )
    first = client.changes(updated_since=since.isoformat())
    for page in each_page(first, lambda cursor: client.changes(cursor=cursor)):
        if not page["orders"]:
            continue
        news = _news(organization, page["orders"])
        with write_transaction(database):
            for order in news:
                result.changed |= apply_order(organization, order, result)
            SyncState.write(organization, FEED_KEY, page["orders"][-1]["updated_at"])


def _news(organization: Organization, orders: list[dict]) -> list[dict]:
    """The orders of a feed page that are not here as the service has them (re-read ones,
    within FEED_OVERLAP, mostly are)."""
    stored = (
        SeatPurchase.select(
            SeatPurchase.transaction_id,
            SeatPurchase.provisioning_status,
            SeatPurchase.invoice_number,
            SeatPurchase.provisioned_at,
            SeatPurchase.last_sync_error,
        )
        .where(
            (SeatPurchase.organization == organization)
            & SeatPurchase.transaction_id.in_([order["transaction_id"] for order in orders])
        )
        .tuples()
    )
    known = {row[0]: row[1:] for row in cast(Iterable[tuple], stored)}
    return [
        order
        for order in orders
        if known.get(order["transaction_id"])
        != (
            order["status"],
            order.get("invoice_number"),
            moment(order.get("provisioned_at")),
            order.get("rejection_reason"),
        )
    ]


def read_invoices(
    client: ServiceClient, organization: Organization, now: datetime, result: StepResult
) -> None:
    _if_supported(mirror_invoices, client, organization, result)


def read_contract(
    client: ServiceClient, organization: Organization, now: datetime, result: StepResult
) -> None:
    before = _contract_terms(organization)
    mirror_contract(client.contract(), organization)
    result.changed |= _contract_terms(organization) != before


def read_license_usage(
    client: ServiceClient, organization: Organization, now: datetime, result: StepResult
) -> None:
    remote = _if_supported(ServiceClient.license_summary, client)
    if remote is not None:
        result.changed |= mirror_license_usage(organization, remote, now)


def read_billing_details(
    client: ServiceClient, organization: Organization, now: datetime, result: StepResult
) -> None:
    """The service's billing profile (when no edit of ours waits) and vendor details."""
    if (vendor := _if_supported(ServiceClient.vendor, client)) is not None:
        result.changed |= mirror_vendor(organization, vendor)
    if (profile := _if_supported(ServiceClient.billing_profile, client)) is not None:
        result.changed |= mirror_billing_profile(organization, profile)


def read_renewal_offer(
    client: ServiceClient, organization: Organization, now: datetime, result: StepResult
) -> None:
    """The renewal on offer, or why there is none (renewed: no more reminders), and the
    requests for fewer seats with their answers."""
    result.changed |= mirror_offer(client, organization)
    result.changed |= mirror_reduction_requests(client, organization)


def _if_supported[T](call: Callable[..., T], *args: object) -> T | None:
    """`call(*args)`, or None when the service refuses it: one from before that feature."""
    try:
        return call(*args)
    except ServiceRefused as error:
        logger.info("the service has no %s: %s", call.__name__, error)
        return None


def _contract_terms(organization: Organization) -> list[tuple]:
    rows = Contract.select().where(Contract.organization == organization).order_by(Contract.id)
    # peewee's stubs keep the model as the row type after .tuples(); the rows are tuples.
    return list(cast(Iterable[tuple], rows.tuples()))


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


def waiting_purchases(organization: Organization | None) -> int:
    """The organization's purchases queued, awaiting approval or pending (None: not signed in
    yet, everyone's)."""
    waiting = SeatPurchase.provisioning_status.in_(
        (Status.QUEUED, Status.AWAITING_APPROVAL, Status.PENDING)
    )
    if organization is not None:
        waiting &= SeatPurchase.organization == organization
    return SeatPurchase.select().where(waiting).count()


def order_body(purchase: SeatPurchase) -> dict:
    """The order as recorded: its period starts on the day its total was quoted."""
    return billing_order_body(
        purchase.seats,
        purchase.amount,
        purchase.period_start,
        purchase.acknowledgement_text,
        purchase.purchase_order,
        purchase.invoice_note,
        purchase.quote_number,  # a formal quote's: the service prices the order as quoted
    )


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


def _await_approval(entry: Outbox, now: datetime) -> bool:
    """The order is above its buyer's spending limit: it waits for an approver, and is sent
    again now and then to learn the decision (the service answers with the order once
    approved, and refuses it once denied or expired). True when its status changed."""
    purchase = entry.purchase
    Outbox.update(next_attempt_at=now + APPROVAL_ASKED_EVERY, last_error=None).where(
        Outbox.id == entry.id
    ).execute()
    if purchase.provisioning_status == Status.AWAITING_APPROVAL:
        return False
    awaiting = transition(purchase.provisioning_status, Status.AWAITING_APPROVAL)
    SeatPurchase.update(provisioning_status=awaiting, last_sync_error=None).where(
        SeatPurchase.id == purchase.id
    ).execute()
    return True


def _reject(purchase: SeatPurchase, reason: str) -> None:
    """The service said no for good: nothing was bought, and the history says why."""
    with write_transaction(database):
        rejected = transition(purchase.provisioning_status, Status.REJECTED)
        SeatPurchase.update(provisioning_status=rejected, last_sync_error=reason).where(
            SeatPurchase.id == purchase.id
        ).execute()
        Outbox.delete().where(Outbox.purchase == purchase).execute()
        AuditEvent.create(
            organization=purchase.organization_id,
            administrator=purchase.administrator_id,
            action="purchase rejected",
            details=json.dumps({"transaction_id": purchase.transaction_id, "reason": reason}),
        )
