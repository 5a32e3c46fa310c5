"""Signed self-updates against a real tufup repository served over HTTP on 127.0.0.1, made by
scripts/release.py from small bundles: found per channel, downloaded with progress, verified,
staged and swapped in; a tampered archive, expired or rolled-back metadata and an unreachable
repository are refused with a clear message, and nothing is installed."""

import functools
import json
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from desktop import __version__, config, updates

ROOT = Path(__file__).resolve().parents[1]


def bundle(folder: Path, version: str) -> Path:
    """A bundle's shape: the program's files and its resources (where the root key goes)."""
    (folder / "_internal" / "resources" / "translations").mkdir(parents=True)
    (folder / "_internal" / "resources" / "translations" / "app_de.qm").write_bytes(b"qm")
    (folder / "VERSION").write_text(version)
    return folder


def release(repository: Path, *arguments: str) -> str:
    keys = repository.parent / "keys"
    command = [sys.executable, str(ROOT / "scripts" / "release.py"), *arguments]
    command += ["--repository", str(repository), "--keys", str(keys)]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def publish(repository: Path, version: str, notes: str = "") -> Path:
    made = bundle(repository.parent / f"bundle-{version}", version)
    release(repository, "add", "--bundle", str(made), "--version", version, "--notes", notes)
    return made


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def served(tmp_path, monkeypatch):
    """An empty repository served on 127.0.0.1; the build's root key is the one it signs with."""
    repository = tmp_path / "repository"
    publish(repository, __version__)  # the version running now, as a vendor's first release
    handler = functools.partial(Quiet, directory=str(repository))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    carried = tmp_path / f"bundle-{__version__}" / "_internal" / "resources" / "update"
    monkeypatch.setattr(updates, "trusted_root", lambda: carried / "root.json")
    yield repository, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_newer_release_is_found_downloaded_verified_staged_and_swapped_in(served, tmp_path):
    repository, url = served
    publish(repository, "9.1.0", "Faster history")
    data, installed = tmp_path / "data", bundle(tmp_path / "installed", __version__)
    check = updates.UpdateRepository(url, updates.STABLE, installed, data)
    assert check.check() == updates.Release("9.1.0", "Faster history")
    seen: list[tuple[int, int]] = []
    assert check.download(lambda done, total: seen.append((done, total))) == check.check()
    archive = repository / "targets" / "manage-account-9.1.0.tar.gz"
    assert seen[-1] == (archive.stat().st_size, archive.stat().st_size)
    assert updates.staged_release(data) == updates.Release("9.1.0", "Faster history")
    assert not list(data.glob("downloads/*.tar.gz"))  # the archive is not kept once unpacked
    assert (installed / "VERSION").read_text() == __version__  # nothing changes before a start
    assert updates.install_staged(installed, data).version == "9.1.0"
    assert (installed / "VERSION").read_text() == "9.1.0"
    assert not installed.with_name("installed.previous").exists()
    assert updates.staged_release(data) is None
    assert updates.install_staged(installed, data) is None  # once only


def test_the_beta_channel_sees_betas_and_the_stable_channel_does_not(served, tmp_path):
    repository, url = served
    publish(repository, "9.1.0")
    publish(repository, "9.2.0b1", "Try the new chart")
    stable = updates.UpdateRepository(url, updates.STABLE, None, tmp_path / "a")
    beta = updates.UpdateRepository(url, updates.BETA, None, tmp_path / "b")
    assert stable.check().version == "9.1.0"
    assert beta.check() == updates.Release("9.2.0b1", "Try the new chart")
    announced = json.loads((repository / "releases.json").read_text())["channels"]
    assert announced["stable"]["version"] == "9.1.0"
    assert announced["beta"] == {"version": "9.2.0b1", "notes": "Try the new chart"}


def test_nothing_newer_is_no_update(served, tmp_path):
    assert updates.UpdateRepository(served[1], data=tmp_path / "data").check() is None


def test_a_tampered_archive_is_refused_and_nothing_is_staged(served, tmp_path):
    repository, url = served
    publish(repository, "9.1.0")
    archive = repository / "targets" / "manage-account-9.1.0.tar.gz"
    tampered = bytearray(archive.read_bytes())
    tampered[len(tampered) // 2] ^= 0xFF  # same length, one byte changed
    archive.write_bytes(tampered)
    check = updates.UpdateRepository(url, data=tmp_path / "data")
    assert check.check().version == "9.1.0"
    with pytest.raises(updates.UpdateRefused, match="refused.*this version keeps running"):
        check.download()
    assert updates.staged_release(tmp_path / "data") is None


def test_expired_metadata_is_refused(served, tmp_path):
    repository, url = served
    publish(repository, "9.1.0")
    release(repository, "refresh", "--timestamp-days", "-1")
    with pytest.raises(updates.UpdateRefused, match="expired"):
        updates.UpdateRepository(url, data=tmp_path / "data").check()


def test_metadata_rolled_back_to_an_older_version_is_refused(served, tmp_path):
    repository, url = served
    before = tmp_path / "before"
    shutil.copytree(repository / "metadata", before)
    publish(repository, "9.1.0")
    data = tmp_path / "data"
    assert updates.UpdateRepository(url, data=data).check().version == "9.1.0"
    shutil.rmtree(repository / "metadata")
    shutil.copytree(before, repository / "metadata")  # a mirror replays last week's state
    with pytest.raises(updates.UpdateRefused, match="version"):
        updates.UpdateRepository(url, data=data).check()


def test_an_unreachable_repository_says_so_and_is_no_refusal(tmp_path, served):
    check = updates.UpdateRepository("http://127.0.0.1:9", data=tmp_path / "data")
    with pytest.raises(updates.UpdateError, match="127.0.0.1:9 could not be reached") as raised:
        check.check()
    assert not isinstance(raised.value, updates.UpdateRefused)


@pytest.fixture
def clean_settings(monkeypatch):
    monkeypatch.delenv(updates.UPDATES_ENV, raising=False)
    config.settings().clear()
    yield
    config.settings().clear()


def test_the_policy_turns_updates_off_by_environment_or_settings(
    clean_settings, monkeypatch, tmp_path
):
    installed = bundle(tmp_path / "installed", __version__)
    root = tmp_path / "root.json"
    root.write_text("{}")
    monkeypatch.setattr(updates, "trusted_root", lambda: root)
    assert updates.why_not_updating(installed) is None
    monkeypatch.setenv(updates.UPDATES_ENV, "off")
    assert "turned off by your organization" in updates.why_not_updating(installed)
    monkeypatch.delenv(updates.UPDATES_ENV)
    config.settings().setValue(updates.POLICY_KEY, 0)  # a DWORD 0, as a registry policy holds
    assert "turned off by your organization" in updates.why_not_updating(installed)
    config.settings().remove(updates.POLICY_KEY)
    (installed / updates.PACKAGE_MANAGED).write_text("apt\n")
    assert "package manager" in updates.why_not_updating(installed)
    assert "pip" in updates.why_not_updating(None)
    python = tmp_path / "python"  # the MSI's: its Python folder says who updates it
    python.mkdir()
    (python / updates.PACKAGE_MANAGED).write_text("msi\n")
    monkeypatch.setattr(updates.sys, "executable", str(python / "pythonw.exe"))
    assert "install the newer MSI" in updates.why_not_updating(None)
    root.unlink()
    assert "no key" in updates.why_not_updating(bundle(tmp_path / "other", __version__))


def test_the_repository_is_settings_else_the_services_and_the_channel_stable_by_default(
    clean_settings,
):
    assert updates.repository_url("https://updates.example/") == "https://updates.example/"
    config.settings().setValue(config.UPDATE_URL_KEY, "https://it.example/mirror")
    assert updates.repository_url("https://updates.example/") == "https://it.example/mirror"
    assert updates.chosen_channel() == updates.STABLE
    config.settings().setValue(config.UPDATE_CHANNEL_KEY, "nightly")
    assert updates.chosen_channel() == updates.STABLE
    config.settings().setValue(config.UPDATE_CHANNEL_KEY, "beta")
    assert updates.chosen_channel() == updates.BETA


@pytest.fixture
def installation(served, tmp_path, monkeypatch):
    """`--check-updates` as an installation would run it, against the served repository."""
    repository, url = served
    publish(repository, "9.1.0")
    installed = bundle(tmp_path / "installed", __version__)
    monkeypatch.setattr(updates, "install_folder", lambda: installed)
    monkeypatch.setattr(updates, "local_data_folder", lambda *parts: _made(tmp_path, *parts))
    monkeypatch.delenv(updates.UPDATES_ENV, raising=False)
    config.settings().clear()
    config.settings().setValue(config.UPDATE_URL_KEY, url)
    yield installed
    config.settings().clear()


def _made(tmp_path, *parts):
    folder = tmp_path.joinpath(*parts)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_check_updates_installs_and_says_so(installation, capsys):
    from desktop.app import main

    assert main(["--check-updates"]) == 0
    assert "Manage Account was updated to 9.1.0." in capsys.readouterr().out
    assert (installation / "VERSION").read_text() == "9.1.0"


def test_check_updates_says_when_a_download_was_not_installed(installation, capsys, monkeypatch):
    from desktop.app import main

    policy = iter([False, True])  # IT turns updates off while the download runs
    monkeypatch.setattr(updates, "turned_off_by_policy", lambda: next(policy))
    assert main(["--check-updates"]) == 1
    said = capsys.readouterr()
    assert "was updated" not in said.out
    assert "Version 9.1.0 was downloaded but not installed." in said.err
    assert (installation / "VERSION").read_text() == __version__
