"""The update notice in a real Qt event loop, against a real repository on 127.0.0.1: what a
user asked for is answered, a newer version downloads with progress and stages, Cancel leaves
nothing staged, and the policy's reason is shown."""

from html import unescape

import pytest

from desktop import __version__, config, updates
from tests.test_updates import _made, bundle, publish, served  # noqa: F401
from ui.update_bar import CANCEL, DOWNLOAD, RESTART, UpdateBar

TIMEOUT = 20_000


@pytest.fixture
def updating(served, sqlite_db, tmp_path, monkeypatch):  # noqa: F811
    """This installation may update itself from the served repository."""
    repository, url = served
    installed = bundle(tmp_path / "installed", __version__)
    monkeypatch.setattr(updates, "install_folder", lambda: installed)
    monkeypatch.setattr(updates, "local_data_folder", lambda *parts: _made(tmp_path, *parts))
    monkeypatch.delenv(updates.UPDATES_ENV, raising=False)
    config.settings().clear()
    config.settings().setValue(config.UPDATE_URL_KEY, url)
    yield repository, tmp_path / "updates"
    config.settings().clear()


def test_asked_with_nothing_newer_it_says_so(qtbot, updating):
    bar = UpdateBar(None)
    qtbot.addWidget(bar)
    bar.check(asked=True)
    qtbot.waitUntil(lambda: "is the newest version" in bar.banner.text(), timeout=TIMEOUT)
    assert __version__ in bar.banner.text()


def test_a_newer_version_downloads_with_progress_and_is_staged(qtbot, updating):
    repository, data = updating
    publish(repository, "9.1.0", "Faster history")
    bar = UpdateBar(None)
    qtbot.addWidget(bar)
    bar.check()  # the check at start: says only what there is to do
    qtbot.waitUntil(lambda: "Version 9.1.0 is available" in bar.banner.text(), timeout=TIMEOUT)
    assert 'href="#notes"' in bar.banner.text()  # the notes are there to read
    size = (repository / "targets" / "manage-account-9.1.0.tar.gz").stat().st_size
    bar.banner.linkActivated.emit(DOWNLOAD)
    qtbot.waitUntil(lambda: "verified and ready" in bar.banner.text(), timeout=TIMEOUT)
    assert (bar.progress.maximum(), bar.progress.value()) == (size, size)
    assert bar.progress.isHidden()
    assert f'href="{RESTART}"' in bar.banner.text()
    assert updates.staged_release(data) == updates.Release("9.1.0", "Faster history")
    with qtbot.waitSignal(bar.restart_requested, timeout=TIMEOUT):
        bar.banner.linkActivated.emit(RESTART)


def test_cancel_stops_the_download_and_stages_nothing(qtbot, updating):
    repository, data = updating
    publish(repository, "9.1.0")
    bar = UpdateBar(None)
    qtbot.addWidget(bar)
    bar.check()
    qtbot.waitUntil(lambda: "Version 9.1.0 is available" in bar.banner.text(), timeout=TIMEOUT)
    bar.banner.linkActivated.emit(DOWNLOAD)
    assert f'href="{CANCEL}"' in bar.banner.text()
    bar.banner.linkActivated.emit(CANCEL)  # before the first chunk: the worker asks then
    qtbot.waitUntil(lambda: "Version 9.1.0 is available" in bar.banner.text(), timeout=TIMEOUT)
    assert updates.staged_release(data) is None


def test_turned_off_by_policy_it_says_why_when_asked_and_nothing_otherwise(
    qtbot, updating, monkeypatch
):
    monkeypatch.setenv(updates.UPDATES_ENV, "off")
    bar = UpdateBar(None)
    qtbot.addWidget(bar)
    bar.check()
    assert bar.banner.isHidden()
    bar.check(asked=True)
    assert "turned off by your organization's policy" in unescape(bar.banner.text())
