"""Which account service the app talks to: the embedded demo service, or one given by URL."""

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from playhouse.db_url import parse

DEMO = "demo"  # the reference service inside the app


class EmbeddedService(Protocol):
    """The demo service running in this process (service.server's RunningService)."""

    def stop(self) -> None: ...


@dataclass
class ServiceConnection:
    url: str
    origin: str  # where the URL came from: a desktop.config SERVICE_FROM_*, or "demo"
    embedded: EmbeddedService | None = None  # for --demo

    def stop(self) -> None:
        if self.embedded is not None:
            self.embedded.stop()


def connect_service(
    service: tuple[str | None, str | None],
    demo: bool,
    database_url: str,
    demo_contract_ends_in: int | None = None,
) -> ServiceConnection | None:
    """The service to sync with, or None when the app runs on its local database alone.

    --demo without --service starts the reference service in this process, on a free port of
    127.0.0.1, with its own SQLite file beside the desktop's and a short provisioning delay.
    """
    url, origin = service
    if url:
        assert origin is not None  # service_url names where every URL came from
        return ServiceConnection(url, origin)
    if not demo:
        return None
    from desktop.demo import start_demo_service  # the service's code loads only for --demo

    running = start_demo_service(_beside(database_url), demo_contract_ends_in)
    return ServiceConnection(running.url, DEMO, running)


def _beside(database_url: str) -> str:
    """An SQLite file next to the desktop's own (or in the temp folder for a server URL)."""
    if database_url.startswith("sqlite:"):
        path = Path(parse(database_url)["database"])
        return f"sqlite:///{path.with_name(path.stem + '-service.db')}"
    return f"sqlite:///{Path(os.environ.get('TMPDIR', '/tmp')) / 'manage-account-demo-service.db'}"
