"""The running application apart from its window: who is signed in, the service, syncing.

The window attaches to it, as Electrum's GUI attaches to its daemon: it reads who is acting and
listens to sync reports; everything that runs without a window lives here. The features'
facades (alerts, seats, approvals, the audit trail, ...) load their modules when first handed
out, so a start does not pay for features nobody opens; the overview's reading, the service
client and sync load with their first use too (the overview is first read once the window is
shown, on a worker).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from db.database import read_snapshot
from desktop.access import may_manage_account, sees_billing
from desktop.models import Administrator, Organization, database

if TYPE_CHECKING:
    from desktop.alerts import Alerts
    from desktop.approvals import Approvals
    from desktop.audit_log import AuditTrail
    from desktop.connection import ServiceConnection
    from desktop.invoice_summary import OpenInvoices
    from desktop.overview import Overview
    from desktop.permission_sets import PermissionSets
    from desktop.quotes import Quotes
    from desktop.reclaim import Reclaiming
    from desktop.reduction_requests import ReductionRequests
    from desktop.seat_holders import SeatUsers
    from desktop.seats import SeatReleases
    from desktop.service_client import ServiceClient
    from desktop.session import SignedIn, WorkingOffline
    from desktop.sync import SyncEngine, SyncReport, SyncWorker

SyncListener = Callable[["SyncReport"], None]


@dataclass(frozen=True)
class AccountOverview:
    """What the Contract tab shows: the contract's overview (None: there is no current
    contract) and the invoices open and not due yet."""

    overview: Overview | None
    open_invoices: OpenInvoices | None


@dataclass
class Application:
    administrator: Administrator | None
    locale: str
    session: SignedIn | None = None  # None: no account service, purchases stay queued here
    connection: ServiceConnection | None = None
    offline: WorkingOffline | None = None  # chosen at sign-in: signed in when the service answers
    _listeners: list[SyncListener] = field(default_factory=list, init=False, repr=False)
    _worker: SyncWorker | None = field(default=None, init=False, repr=False)

    @property
    def syncing(self) -> bool:
        """A service to sync with: signed in, or working offline until it answers."""
        return self.session is not None or self.offline is not None

    @property
    def service_url(self) -> str | None:
        if self.session is not None:
            return self.session.service_url
        if self.offline is not None:
            return self.offline.service_url
        return self.connection.url if self.connection is not None else None

    @property
    def organization(self) -> Organization | None:
        """Whose data the window shows: the acting administrator's organization, only."""
        return self.administrator.organization if self.administrator is not None else None

    @property
    def may_manage(self) -> bool:
        return may_manage_account(self.administrator)

    @property
    def sees_billing(self) -> bool:
        """Manage Account or View Billing: the window shows the account (only the first buys)."""
        return sees_billing(self.administrator)

    def read_overview(self) -> AccountOverview:
        """The overview of the acting organization from this computer's data (takes time: off
        the GUI thread)."""
        from desktop.invoice_summary import open_invoices
        from desktop.overview import load_overview

        organization = self.organization
        if organization is None:
            return AccountOverview(None, None)
        with read_snapshot(database):
            overview = load_overview(organization)
            invoices = open_invoices(organization, overview.contract.today) if overview else None
        return AccountOverview(overview, invoices)

    def client(self) -> ServiceClient:
        """A client of the account service, signed in as this session (working offline and not
        signed in yet: without a token, so the service refuses what needs one)."""
        from desktop.service_client import ServiceClient

        client = ServiceClient(self.service_url or "")
        client.token = self.session.token if self.session is not None else None
        return client

    def audit_trail(self) -> AuditTrail:
        """The acting organization's trail on the account service."""
        from desktop.audit_log import AuditTrail

        return AuditTrail(self.client(), self._acting_organization())

    def seat_users(self) -> SeatUsers:
        from desktop.seat_holders import SeatUsers

        return SeatUsers(self.client())

    def seat_releases(self) -> SeatReleases:
        """Seats freed and given for the acting organization, whose overview counts follow."""
        from desktop.seats import SeatReleases

        return SeatReleases(self.client(), self._acting_organization())

    def reclaiming(self) -> Reclaiming:
        from desktop.reclaim import Reclaiming

        return Reclaiming(self.client())

    def alerts(self) -> Alerts:
        from desktop.alerts import Alerts

        return Alerts(self.client(), self._acting_organization())

    def permission_sets(self) -> PermissionSets:
        from desktop.permission_sets import PermissionSets

        return PermissionSets(self.client())

    def reduction_requests(self) -> ReductionRequests:
        from desktop.reduction_requests import ReductionRequests

        return ReductionRequests(self.client())

    def approvals(self) -> Approvals:
        from desktop.approvals import Approvals

        return Approvals(self.client())

    def quotes(self) -> Quotes:
        from desktop.quotes import Quotes

        return Quotes(self.client())

    def fetch_contract(self) -> SyncReport:
        """One sync round, so a new installation has its contract before the window shows."""
        from desktop.sync import SyncEngine

        report = SyncEngine(self.client(), organization=self.organization).run_once()
        if self.administrator is not None:  # its organization's name and zone may be new
            self.administrator = Administrator.get_by_id(self.administrator.id)
        return report

    def add_sync_listener(self, listener: SyncListener) -> None:
        """`listener` gets every sync report, on the sync thread: pass a Qt signal's emit."""
        self._listeners.append(listener)

    def start_syncing(self, engine: SyncEngine | None = None) -> None:
        """Keep the ledger and the service in step from now on, for someone with the right."""
        if self._worker is not None or not (self.syncing or engine) or not self.sees_billing:
            return
        from desktop.sync import Credentials, SyncEngine, SyncWorker

        if engine is None:
            offline = self.offline if self.session is None else None
            credentials = Credentials(offline.email, offline.password) if offline else None
            engine = SyncEngine(self.client(), credentials, self.organization)
        self._worker = SyncWorker(engine, self._report)
        self._worker.start()

    def resume(self, session: SignedIn) -> None:
        """Signed in again after the session ended: sync goes on with the new one."""
        self.session, self.offline = session, None
        if self._worker is not None:
            self._worker.engine.client.token = session.token
            self._worker.wake()

    def resume_offline(self, offline: WorkingOffline) -> None:
        """The session ended and the service could not be reached to sign in again: go on
        offline, and let sync sign in with these once the service answers."""
        from desktop.sync import Credentials

        self.session, self.offline = None, offline
        if self._worker is not None:
            self._worker.engine.credentials = Credentials(offline.email, offline.password)
            self._worker.engine.client.token = None
            self._worker.wake()

    def sync_now(self) -> None:
        """Send what is waiting now, e.g. right after a purchase."""
        if self._worker is not None:
            self._worker.wake()

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.stop()
            self._worker = None
        if self.connection is not None:
            self.connection.stop()

    def _acting_organization(self) -> Organization:
        organization = self.organization
        assert organization is not None  # only a signed-in administrator reaches the service
        return organization

    def _report(self, report: SyncReport) -> None:
        if report.session is not None:  # was working offline: the service answered again
            self.session, self.offline = report.session, None
        for listener in self._listeners:
            listener(report)
