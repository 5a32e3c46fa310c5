"""The frozen bundle updates itself: version N (CI's $MANAGE_ACCOUNT_BUNDLE) and N+1 (the same
source stamped newer, $MANAGE_ACCOUNT_BUNDLE_NEXT) are published with scripts/release.py to a
repository served on 127.0.0.1. N started with --check-updates finds N+1 through the frozen
account service's /v1/desktop-release, downloads, verifies and installs it, and the next start
is N+1. A tampered archive or expired metadata is refused, and N keeps running."""

import functools
import os
import shutil
import subprocess
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.app_process import private_environment
from tests.test_bundle import BUNDLE_ENV, program
from tests.test_updates import Quiet, release

NEXT_ENV = "MANAGE_ACCOUNT_BUNDLE_NEXT"

pytestmark = pytest.mark.skipif(
    not (os.environ.get(BUNDLE_ENV) and os.environ.get(NEXT_ENV)),
    reason=f"${BUNDLE_ENV} and ${NEXT_ENV} name no bundles (sh scripts/run.sh bundle [VERSION])",
)


def version_of(bundle: Path, home: Path) -> str:
    said = subprocess.run(
        [program(bundle, "manage-account"), "--version"],
        env=private_environment(home),
        capture_output=True,
        text=True,
        check=True,
    )
    return said.stdout.split()[-1]


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """N and N+1 in a repository on 127.0.0.1; N's copy carries the repository's root key."""
    base = tmp_path_factory.mktemp("self-update")
    current = base / "built" / "manage-account"
    shutil.copytree(os.environ[BUNDLE_ENV], current, symlinks=True)
    repository = base / "repository"
    repository.mkdir()
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(repository))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    release(repository, "add", "--bundle", str(current), "--url", url)
    release(repository, "add", "--bundle", os.environ[NEXT_ENV], "--notes", "A fix", "--url", url)
    yield current, repository, url
    server.shutdown()


def installed(published: tuple, folder: Path) -> Path:
    """A fresh installation of N, as its installer leaves it."""
    target = folder / "Manage Account" / "manage-account"
    shutil.copytree(published[0], target, symlinks=True)
    return target


def check_updates(bundle: Path, home: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [program(bundle, "manage-account"), "--check-updates", *options],
        env=private_environment(home),
        capture_output=True,
        text=True,
        timeout=300,
    )


def settings_naming(home: Path, url: str) -> None:
    folder = home / "config" / "Manage Account"
    folder.mkdir(parents=True)
    (folder / "Manage Account.conf").write_text(f"[updates]\nurl={url}\n")


def test_a_tampered_archive_or_expired_metadata_is_refused_and_n_keeps_running(published, tmp_path):
    current, repository, url = published
    n = version_of(current, tmp_path)
    archive = next((repository / "targets").glob("manage-account-*.post*.tar.gz"))
    genuine = archive.read_bytes()
    tampered = bytearray(genuine)
    tampered[len(tampered) // 2] ^= 0xFF
    cases = {"tampered": lambda: archive.write_bytes(tampered)}
    cases["expired"] = lambda: release(repository, "refresh", "--timestamp-days", "-1")
    try:
        for name, spoil in cases.items():
            spoil()
            home = tmp_path / name
            settings_naming(home, url)
            bundle = installed(published, home)
            done = check_updates(bundle, home)
            assert done.returncode == 1, (name, done.stdout, done.stderr)
            assert "The update was refused" in done.stderr, name
            assert version_of(bundle, home) == n, name
            archive.write_bytes(genuine)
    finally:
        archive.write_bytes(genuine)
        release(repository, "refresh")


def test_n_updates_itself_to_n_plus_one_announced_by_the_service(published, tmp_path):
    current, repository, _ = published
    n, next_version = (
        version_of(current, tmp_path),
        version_of(Path(os.environ[NEXT_ENV]), tmp_path),
    )
    service = subprocess.Popen(
        [
            program(current, "manage-account-service"),
            "--port",
            "0",
            "--database",
            f"sqlite:///{tmp_path / 'service.db'}",
            "--desktop-releases",
            str(repository / "releases.json"),
        ],
        env=private_environment(tmp_path),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        service_url = service.stdout.readline().split()[-1]  # "serving on http://..."
        bundle = installed(published, tmp_path)
        done = check_updates(bundle, tmp_path, "--service", service_url)
        assert done.returncode == 0, done.stderr
        assert f"Version {next_version} is available." in done.stdout
        assert f"Manage Account was updated to {next_version}." in done.stdout
        assert version_of(bundle, tmp_path) == next_version != n
        assert not bundle.with_name("manage-account.previous").exists()
        again = check_updates(bundle, tmp_path, "--service", service_url)
        assert f"Manage Account {next_version} is the newest version." in again.stdout
    finally:
        service.terminate()
        service.wait(timeout=30)
