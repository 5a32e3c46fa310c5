"""/v1/desktop-release over real HTTP: the newest release of each channel from the update
repository's releases.json, read again at each request, with no session; a channel the document
does not know is 400, nothing announced or an unreadable file is 404, never a 500."""

import json

import pytest

from desktop.service_client import ServiceClient, ServiceError
from service.orders import ProvisioningDelay
from service.server import start_service
from tests.service_helpers import call


@pytest.fixture
def service(any_db_url, tmp_path):
    releases = tmp_path / "releases.json"
    running = start_service(
        any_db_url,
        delay=ProvisioningDelay(0, 0),
        demo=True,
        check_responses=True,
        desktop_releases=releases,
    )
    yield running, releases
    running.stop()


def announce(releases, channels: dict) -> None:
    body = {"repository": "https://updates.example/manage-account", "channels": channels}
    releases.write_text(json.dumps(body))


def test_each_channel_announces_its_newest_release_without_a_session(service):
    running, releases = service
    announce(
        releases,
        {
            "stable": {"version": "1.4.0", "notes": "Faster history"},
            "beta": {"version": "1.5.0b1", "notes": "A new chart"},
        },
    )
    client = ServiceClient(running.url)
    assert client.desktop_release("stable") == {
        "channel": "stable",
        "version": "1.4.0",
        "notes": "Faster history",
        "repository": "https://updates.example/manage-account",
    }
    assert client.desktop_release("beta")["version"] == "1.5.0b1"
    assert call(running, "GET", "/v1/desktop-release")[1]["version"] == "1.4.0"  # stable
    announce(releases, {"stable": {"version": "1.4.1", "notes": ""}})  # published: at once
    assert client.desktop_release("stable")["version"] == "1.4.1"


def test_an_unknown_channel_is_400_and_nothing_announced_is_404(service):
    running, releases = service
    assert call(running, "GET", "/v1/desktop-release?channel=nightly")[0] == 400
    with pytest.raises(ServiceError, match="No desktop release is announced on stable"):
        ServiceClient(running.url).desktop_release("stable")  # no file yet
    announce(releases, {"stable": {"version": "1.4.0"}})
    assert call(running, "GET", "/v1/desktop-release?channel=beta")[0] == 404
    releases.write_text("{not json")
    assert call(running, "GET", "/v1/desktop-release")[0] == 404
    releases.write_text('{"channels": ["stable"], "repository": 1}')
    assert call(running, "GET", "/v1/desktop-release")[0] == 404
