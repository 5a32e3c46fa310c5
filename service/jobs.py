"""The service's daily and periodic duties besides provisioning: the reclaim policies' daily
run, the alert checks and the e-mail outbox, each round at the moment a clock it is given says
(tests fix it)."""

import logging
import threading
from collections.abc import Callable
from datetime import datetime

from db.fields import utc_now
from service import alerts, mail, reclaim
from service.models import service_db

JOBS_POLL_SECONDS = 10.0
logger = logging.getLogger(__name__)


class ServiceJobs(threading.Thread):
    """Runs a round every `poll_seconds` until stopped; what it has to do is in the database,
    so nothing is lost over a restart."""

    def __init__(
        self,
        clock: Callable[[], datetime] = utc_now,
        smtp: mail.SmtpSettings | None = None,
        poll_seconds: float = JOBS_POLL_SECONDS,
    ) -> None:
        super().__init__(name="service-jobs", daemon=True)
        self.clock, self.smtp, self.poll_seconds = clock, smtp, poll_seconds
        self._stop_requested = threading.Event()

    def run_once(self, now: datetime | None = None) -> None:
        """Apply the policies due today, check the alerts, and send the e-mail that is due
        (held back while no SMTP server is configured)."""
        now = now or self.clock()
        reclaim.run_daily(now)
        alerts.check(now)
        if self.smtp is not None:
            mail.deliver_due(self.smtp, now)

    def run(self) -> None:
        while not self._stop_requested.wait(self.poll_seconds):
            try:
                with service_db.connection_context():
                    self.run_once()
            except Exception:  # a passing database or network fault: try again next round
                logger.exception("service jobs round failed")

    def stop(self) -> None:
        self._stop_requested.set()
        self.join(timeout=10)
