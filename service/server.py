"""Running the service: waitress serves the API, a worker thread provisions due orders; on
POSIX several worker processes may serve one port."""

import argparse
import logging
import os
import signal
import socket
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any, Protocol, cast

from waitress.server import create_server
from waitress.task import ThreadedTaskDispatcher

from billing.orders import QUOTE_GRACE_DAYS
from db.database import DatabaseOpenError, close_database, open_database
from db.fields import utc_now
from service import admin, orders, quotes, renewals
from service.api import Api
from service.auth import SESSION_IDLE
from service.jobs import ServiceJobs
from service.mail import SmtpSettings
from service.models import service_db
from service.seed import seed_demo

MIGRATIONS = Path(__file__).with_name("migrations")
SMTP_PASSWORD = "MANAGE_ACCOUNT_SMTP_PASSWORD"  # read from the environment, never argv
PROVISIONING_POLL_SECONDS = 0.25
HTTP_THREADS = 8  # a request waiting for its batch's commit holds one
WORKER_BACKLOG = 1024
logger = logging.getLogger(__name__)


class ProvisioningWorker(threading.Thread):
    """Provisions due orders until stopped; pending orders survive restarts in the database.
    In the demo it also plays the account manager, answering reduction requests."""

    def __init__(self, demo: bool = False) -> None:
        super().__init__(name="provisioning", daemon=True)
        self._stop_requested = threading.Event()
        self._demo = demo

    def run(self) -> None:
        while not self._stop_requested.wait(PROVISIONING_POLL_SECONDS):
            try:
                with service_db.connection_context():
                    orders.provision_due()
                    if self._demo:
                        renewals.answer_as_demo_manager()
            except Exception:  # a passing database fault: try again next round
                logger.exception("provisioning round failed")

    def stop(self) -> None:
        self._stop_requested.set()
        self.join(timeout=10)


class _Trigger(Protocol):
    def pull_trigger(self, thunk: Callable[[], object] | None = None) -> None: ...


class _Server(Protocol):
    """Waitress's server of one socket as used here: typeshed's stubs of waitress type its
    `trigger` as an int and leave out `effective_port`."""

    trigger: _Trigger
    effective_port: int
    task_dispatcher: ThreadedTaskDispatcher

    def run(self) -> None: ...

    def close(self) -> None: ...


@dataclass
class RunningService:
    url: str
    server: _Server
    thread: threading.Thread
    worker: ProvisioningWorker | None
    jobs: ServiceJobs | None = None  # with the worker: one process runs them

    def stop(self) -> None:
        """Stop serving, provisioning and the other jobs, and close the database."""
        if self.worker is not None:
            self.worker.stop()
        if self.jobs is not None:
            self.jobs.stop()
        # Close from the server's own loop (a close from this thread races its select()), then
        # let the requests in flight finish.
        try:
            self.server.trigger.pull_trigger(self.server.close)
        except OSError:  # the loop's wake-up pipe is gone already: close from here
            self.server.close()
        self.thread.join(timeout=10)
        self.server.task_dispatcher.shutdown(timeout=5)
        close_database(service_db)


def start_service(
    database_url: str,
    host: str = "127.0.0.1",
    port: int = 0,
    delay: orders.ProvisioningDelay | None = None,
    demo: bool = False,
    quote_grace_days: int = QUOTE_GRACE_DAYS,
    check_responses: bool = False,
    demo_contract_ends_in: int | None = None,
    desktop_releases: Path | None = None,
    session_idle: timedelta = SESSION_IDLE,
    listening: socket.socket | None = None,
    provisioning: bool = True,
    smtp: SmtpSettings | None = None,
    clock: Callable[[], datetime] = utc_now,
    quote_validity_days: int = quotes.VALIDITY_DAYS,
) -> RunningService:
    """Open the database, then serve on a background thread; port 0 picks a free port.

    `listening`: a socket bound already, served instead of host and port (by each worker
    process); `provisioning`: whether this process provisions and runs the daily and periodic
    jobs (one of the workers does), at the moments `clock` gives; e-mail waits without `smtp`."""
    open_database(database_url, service_db, MIGRATIONS)
    if demo:
        seed_demo(contract_ends_in=demo_contract_ends_in)
    where: dict[str, Any] = {"sockets": [listening]} if listening else {"host": host, "port": port}
    # One socket: a TcpWSGIServer (never a MultiSocketServer), with what the stubs leave out.
    server = cast(
        _Server,
        create_server(
            Api(
                delay,
                quote_grace_days,
                check_responses,
                desktop_releases,
                session_idle,
                quote_validity_days,
            ),
            threads=HTTP_THREADS,
            ident="manage-account",
            **where,
        ),
    )
    thread = threading.Thread(target=server.run, name="service-http", daemon=True)
    thread.start()
    worker = ProvisioningWorker(demo) if provisioning else None
    jobs = ServiceJobs(clock, smtp) if provisioning else None
    for each in (worker, jobs):
        if each is not None:
            each.start()
    url = f"http://{host}:{server.effective_port}"
    return RunningService(url, server, thread, worker, jobs)


def serve_workers(count: int, host: str, port: int, serve: Callable[..., RunningService]) -> int:
    """`count` worker processes serving one port (POSIX): this process binds it and forks the
    workers, which accept on it in turn, each with its own connections (a PostgreSQL pool each,
    see db.database); the first one provisions. A worker that dies is started again; SIGTERM or
    SIGINT stops them all. Meant for PostgreSQL: SQLite has one writer however many there are."""
    listening = socket.create_server((host, port), backlog=WORKER_BACKLOG)
    print(f"serving on http://{host}:{listening.getsockname()[1]}", flush=True)
    workers = {_fork_worker(n, listening, serve): n for n in range(count)}
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True
        for pid in list(workers):
            os.kill(pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while workers:
        pid, status = os.wait()
        number = workers.pop(pid, None)
        if number is not None and not stopping:
            logger.error("worker %d ended (status %d); starting it again", number, status)
            workers[_fork_worker(number, listening, serve)] = number
    return 0


def _fork_worker(
    number: int, listening: socket.socket, serve: Callable[..., RunningService]
) -> int:
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:  # the worker: serve until SIGTERM, then finish the requests in flight
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the terminal's ^C goes to the parent
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
        running = serve(listening=listening, provisioning=number == 0)
        try:
            running.thread.join()
        finally:
            running.stop()
        code = 0
    except SystemExit:
        code = 0
    except Exception:
        logger.exception("worker %d failed", number)
    finally:
        os._exit(code)


def _delay(text: str) -> orders.ProvisioningDelay:
    low, _, high = text.partition("-")
    try:
        delay = orders.ProvisioningDelay(float(low), float(high or low))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not MIN-MAX seconds, like 5-20") from None
    if not 0 <= delay.low <= delay.high:
        raise argparse.ArgumentTypeError("the delay must be MIN-MAX with 0 <= MIN <= MAX")
    return delay


def _grace_days(text: str) -> int:
    if not text.isdigit() or int(text) > 366:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days from 0 to 366")
    return int(text)


def _validity_days(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= quotes.MAX_VALIDITY_DAYS:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days from 1 to 366")
    return int(text)


def _idle_minutes(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 720:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of minutes from 1 to 720")
    return int(text)


def _smtp_server(text: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise argparse.ArgumentTypeError(f"{text!r} is not HOST:PORT, like mail.example.com:587")
    return host.strip("[]"), int(port)


def _smtp_settings(
    options: argparse.Namespace, parser: argparse.ArgumentParser
) -> SmtpSettings | None:
    if options.smtp is None:
        return None
    if not options.smtp_from:
        parser.error("--smtp needs --smtp-from, the address the service's e-mail comes from")
    host, port = options.smtp
    password = os.environ.get(SMTP_PASSWORD)
    return SmtpSettings(
        host, port, options.smtp_from, options.smtp_starttls, options.smtp_user, password
    )


def main(argv: list[str] | None = None) -> int:
    """manage-account-service: serve the account API until interrupted."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] and argv[0] in admin.COMMANDS:  # the vendor's commands: see service.admin
        return admin.COMMANDS[argv[0]](argv[1:])
    parser = argparse.ArgumentParser(prog="manage-account-service", description=main.__doc__)
    parser.add_argument("--database", default=admin.DEFAULT_DATABASE, metavar="URL")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument(
        "--seed-demo", action="store_true", help="fill an empty database with demo data"
    )
    parser.add_argument("--provisioning-delay", type=_delay, default="5-20", metavar="MIN-MAX")
    parser.add_argument(
        "--quote-grace-days",
        type=_grace_days,
        default=QUOTE_GRACE_DAYS,
        metavar="DAYS",
        help="how many days an order may arrive after its quote date (default: %(default)s)",
    )
    parser.add_argument(
        "--quote-validity-days",
        type=_validity_days,
        default=quotes.VALIDITY_DAYS,
        metavar="DAYS",
        help="how many days a formal quote holds its price, never past the contract's end "
        "(default: %(default)s)",
    )
    parser.add_argument(
        "--demo-contract-ends-in",
        type=int,
        metavar="DAYS",
        help="with --seed-demo: Northwind's current contract ends that many days from today",
    )
    parser.add_argument(
        "--desktop-releases",
        type=Path,
        metavar="FILE",
        help="the update repository's releases.json (scripts/release.py writes it), announced "
        "at /v1/desktop-release",
    )
    parser.add_argument(
        "--session-idle-minutes",
        type=_idle_minutes,
        default=int(SESSION_IDLE.total_seconds() // 60),
        metavar="MINUTES",
        help="a session unused this long ends (default: %(default)s; 12 hours end it anyway)",
    )
    parser.add_argument(
        "--workers",
        type=_workers,
        default=1,
        metavar="N",
        help="worker processes serving the port, for PostgreSQL (POSIX; default: %(default)s)",
    )
    parser.add_argument(
        "--smtp",
        type=_smtp_server,
        metavar="HOST:PORT",
        help="send alert and warning e-mail through this SMTP server (else it waits, queued)",
    )
    parser.add_argument("--smtp-from", metavar="ADDRESS", help="the e-mail's sender")
    parser.add_argument(
        "--smtp-starttls", action="store_true", help="switch to TLS with STARTTLS first"
    )
    parser.add_argument(
        "--smtp-user",
        metavar="NAME",
        help=f"sign in to the SMTP server as NAME, with the password in ${SMTP_PASSWORD}",
    )
    options = parser.parse_args(argv)
    smtp = _smtp_settings(options, parser)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    serve = partial(
        start_service,
        options.database,
        options.host,
        options.port,
        options.provisioning_delay,
        options.seed_demo,
        options.quote_grace_days,
        demo_contract_ends_in=options.demo_contract_ends_in,
        desktop_releases=options.desktop_releases,
        session_idle=timedelta(minutes=options.session_idle_minutes),
        smtp=smtp,
        quote_validity_days=options.quote_validity_days,
    )
    try:
        if options.workers > 1:
            _prepare(options.database, options.seed_demo, options.demo_contract_ends_in)
            return serve_workers(options.workers, options.host, options.port, serve)
        running = serve()
    except (DatabaseOpenError, OSError) as error:
        print(f"manage-account-service: {error}", file=sys.stderr)
        return 2
    print(f"serving on {running.url}", flush=True)
    try:
        running.thread.join()
    except KeyboardInterrupt:
        pass
    finally:
        running.stop()
    return 0


def _prepare(database_url: str, demo: bool, contract_ends_in: int | None) -> None:
    """Migrate (and seed) once, before the workers start, then close: no connection is
    shared across a fork."""
    open_database(database_url, service_db, MIGRATIONS)
    try:
        if demo:
            seed_demo(contract_ends_in=contract_ends_in)
    finally:
        close_database(service_db)


def _workers(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 64:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of workers from 1 to 64")
    if int(text) > 1 and not hasattr(os, "fork"):
        raise argparse.ArgumentTypeError("several workers need a POSIX system (fork)")
    return int(text)
