"""Signed self-updates with tufup: check the update repository, download and verify in the
background, stage, and install when Manage Account next starts.

TUF's signed metadata makes the client refuse an archive that was changed, metadata that has
expired and an older release offered as new. Downloads take the same way as the service's
calls: the proxy of Settings, the environment's or the system's, and the system's trust store.
"""

import hashlib
import json
import logging
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from desktop import __version__, proxy
from desktop.config import (
    APP_NAME,
    UPDATE_CHANNEL_KEY,
    UPDATE_URL_KEY,
    local_data_folder,
    proxy_settings,
    settings,
)
from desktop.i18n import translate
from resources import resource_path

if TYPE_CHECKING:
    from tuf.ngclient import FetcherInterface
    from tufup.client import Client
    from tufup.common import TargetMeta

ARCHIVE_NAME = "manage-account"  # the repository's archives: manage-account-1.2.0.tar.gz
UPDATES_ENV = "MANAGE_ACCOUNT_UPDATES"  # "off": IT's switch, as Intune expects for such apps
POLICY_KEY = "updates/policy"  # "off" in the system's or the user's settings does the same
INFO_PLIST_URL = "ManageAccountUpdateURL"  # the macOS app's repository, in its Info.plist
STABLE, BETA = "stable", "beta"
_PRERELEASES = {STABLE: None, BETA: "b"}  # tufup: "b" admits betas and release candidates
_OFF = {"off", "0", "false", "no", "disabled"}
# Beside the program: who updates this installation instead of the app ("apt" for the .deb,
# "msi" in the Windows Installer's Python folder).
PACKAGE_MANAGED = "UPDATED-BY-PACKAGE-MANAGER"
STAGED = "staged.json"
_CHUNK = 64 * 1024
_TIMEOUT = 30.0
logger = logging.getLogger(__name__)


class UpdateError(Exception):
    """The check or the download did not succeed; the message is fit to show."""


class UpdateRefused(UpdateError):
    """The repository's signatures, hashes or dates did not hold: nothing was installed."""


@dataclass(frozen=True)
class Release:
    version: str
    notes: str = ""


def turned_off_by_policy() -> bool:
    """IT's switch: MANAGE_ACCOUNT_UPDATES=off, or updates/policy=off in the system-wide
    settings (HKLM, a managed profile, /etc/xdg) or the user's."""
    from PySide6.QtCore import QSettings

    if os.environ.get(UPDATES_ENV, "").strip().lower() in _OFF:
        return True
    system = QSettings(QSettings.Scope.SystemScope, APP_NAME, APP_NAME)
    return any(str(store.value(POLICY_KEY, "")).lower() in _OFF for store in (system, settings()))


def policy_text() -> str:
    return translate("Updates", "Updates are turned off by your organization's policy.")


def install_folder() -> Path | None:
    """The folder an update replaces: the frozen bundle's (the .app on macOS); None when
    running from Python, which pip updates."""
    if not getattr(sys, "frozen", False):
        return None
    executable = Path(sys.executable).resolve()
    return executable.parents[2] if sys.platform == "darwin" else executable.parent


def why_not_updating(folder: Path | None) -> str | None:
    """Why this installation does not update itself, or None if it does."""
    if turned_off_by_policy():
        return policy_text()
    marker = (folder or Path(sys.executable).parent) / PACKAGE_MANAGED
    manager = marker.read_text(encoding="utf-8").strip() if marker.is_file() else None
    if manager == "msi":
        return translate(
            "Updates",
            "Windows Installer updates this installation: install the newer MSI, or ask your "
            "IT department.",
        )
    if manager is not None:
        return translate("Updates", "The system's package manager updates this installation.")
    if folder is None:
        return translate("Updates", "Manage Account runs from Python here: pip updates it.")
    if not trusted_root().is_file():
        return translate("Updates", "This build carries no key for an update repository.")
    return None


def trusted_root() -> Path:
    """The repository's root metadata that the build carries: the first key all trust
    starts from."""
    return resource_path("update", "root.json")


def repository_url(announced: str | None = None) -> str:
    """Settings' (or IT's, or the Windows installer's) repository, else the one the account
    service announces, else the one the macOS app's Info.plist names."""
    return str(settings().value(UPDATE_URL_KEY) or "") or announced or _info_plist_url()


def _info_plist_url() -> str:
    folder = install_folder()
    if sys.platform != "darwin" or folder is None:
        return ""
    import plistlib

    try:
        info = plistlib.loads((folder / "Contents" / "Info.plist").read_bytes())
    except (OSError, ValueError):
        return ""
    return str(info.get(INFO_PLIST_URL, ""))


def open_repository(service_url: str | None) -> "UpdateRepository":
    """The repository to check: Settings', else the one the account service at `service_url`
    announces for the chosen channel. Raises UpdateError if none is known. May take a while."""
    from desktop.service_client import ServiceClient, ServiceError

    channel, announced = chosen_channel(), None
    if service_url and not settings().value(UPDATE_URL_KEY):
        try:
            announced = ServiceClient(service_url).desktop_release(channel)["repository"]
        except ServiceError as error:
            logger.info("No update repository from the account service: %s", error)
    url = repository_url(announced)
    if not url:
        raise UpdateError(no_repository())
    return UpdateRepository(url, channel, install_folder())


def no_repository() -> str:
    """What to do when no update repository is known."""
    return translate(
        "Updates",
        "No update repository is set: enter one in Settings, or ask your account service's "
        "administrator to announce one.",
    )


def newest_text() -> str:
    return translate("Updates", "Manage Account {version} is the newest version.").format(
        version=__version__
    )


def available_text(release: Release) -> str:
    return translate("Updates", "Version {version} is available.").format(version=release.version)


def not_installed_text(release: Release) -> str:
    return translate("Updates", "Version {version} was downloaded but not installed.").format(
        version=release.version
    )


def chosen_channel() -> str:
    channel = str(settings().value(UPDATE_CHANNEL_KEY) or STABLE)
    return channel if channel in _PRERELEASES else STABLE


class UpdateRepository:
    """One check and one download against the repository at `url`."""

    def __init__(
        self,
        url: str,
        channel: str = STABLE,
        folder: Path | None = None,
        data: Path | None = None,
        current: str = __version__,
    ) -> None:
        """`folder`: the installation; `data`: where metadata, downloads and the staged
        update are kept (per repository, so another repository starts from the build's root)."""
        url = url.rstrip("/")
        self.channel, self.folder = channel, folder
        self.data = data or local_data_folder("updates")
        self._metadata = self.data / "metadata" / hashlib.sha256(url.encode()).hexdigest()[:16]
        self._metadata.mkdir(parents=True, exist_ok=True)
        if not (self._metadata / "root.json").exists():
            shutil.copyfile(trusted_root(), self._metadata / "root.json")
        self._url, self._current = url, current
        self._client: Client | None = None
        self._found: TargetMeta | None = None
        self._refresh_failure: Exception | None = None  # what tufup's client would only log

    def check(self) -> Release | None:
        """The newest release on the channel above this version, or None. May take a while."""
        from tuf.api.exceptions import DownloadError, RepositoryError

        client = self._client = self._new_client()
        try:
            found = client.check_for_updates(pre=_PRERELEASES[self.channel], patch=False)
        except RepositoryError as error:
            raise UpdateRefused(_refused(error)) from error
        failure = self._refresh_failure
        if failure is not None:
            if isinstance(failure, DownloadError):
                raise UpdateError(_unreachable(self._url, failure)) from failure
            raise UpdateRefused(_refused(failure)) from failure
        self._found = found
        return None if found is None else _release(found)

    def download(self, progress: Callable[[int, int], object] | None = None) -> Release:
        """Download and verify the release `check` found, and stage it for the next start."""
        from tuf.api.exceptions import DownloadError, RepositoryError

        if self._client is None or self._found is None:
            raise UpdateError(translate("Updates", "There is no update to download."))
        staged = self.data / "staged"
        shutil.rmtree(staged, ignore_errors=True)
        staged.mkdir(parents=True)
        self._client.extract_dir = staged
        release = _release(self._found)
        hook = (
            None
            if progress is None
            else lambda bytes_downloaded, bytes_expected: progress(bytes_downloaded, bytes_expected)
        )  # tufup names the arguments
        try:
            self._client.download_and_apply_update(
                skip_confirmation=True,
                install=lambda src_dir, dst_dir: _stage(self.data, release, Path(src_dir)),
                progress_hook=hook,
            )
        except RepositoryError as error:
            raise UpdateRefused(_refused(error)) from error
        except DownloadError as error:
            raise UpdateError(_unreachable(self._url, error)) from error
        finally:  # unpacked or not, the archive is not kept (there are no patches to apply to it)
            shutil.rmtree(self.data / "downloads", ignore_errors=True)
        if staged_release(self.data) != release:
            raise UpdateError(translate("Updates", "The update could not be unpacked."))
        return release

    def _new_client(self) -> "Client":
        from tuf.api.exceptions import DownloadError, UnsignedMetadataError
        from tufup.client import Client

        self._refresh_failure = None
        repository = self  # where the client's refresh leaves its failure

        class _Client(Client):
            """tufup's client, keeping the failure of the refresh it would only log."""

            def refresh(self) -> None:
                try:
                    super().refresh()
                except (DownloadError, UnsignedMetadataError) as error:
                    repository._refresh_failure = error
                    raise

        downloads = self.data / "downloads"
        downloads.mkdir(parents=True, exist_ok=True)
        client = _Client(
            app_name=ARCHIVE_NAME,
            app_install_dir=self.folder or Path(),
            current_version=self._current,
            metadata_dir=self._metadata,
            metadata_base_url=f"{self._url}/metadata/",
            target_dir=downloads,
            target_base_url=f"{self._url}/targets/",
        )
        client._fetcher = _fetcher(self._url)  # tufup made a requests one; tuf takes any
        return client


def _release(found: "TargetMeta") -> Release:
    """What tufup found (a TargetMeta), with the notes scripts/release.py signed into it."""
    return Release(str(found.version), str((found.custom or {}).get("notes", "")))


def _fetcher(url: str) -> "FetcherInterface":
    """A tuf fetcher (made when tuf is first needed, which is not at start)."""
    import urllib.error

    from tuf.api.exceptions import DownloadHTTPError
    from tuf.ngclient import FetcherInterface

    class Fetcher(FetcherInterface):
        """TUF's downloads through urllib, the proxy route and the trust store of the service's
        calls; tufup attaches its progress hook as to its own fetcher."""

        def __init__(self, url: str) -> None:
            self._opener = proxy.route_for(url, *proxy_settings()).opener()
            self._progress: Callable[[int], object] = lambda done: None

        def attach_progress_hook(self, hook: Callable, bytes_expected: int) -> None:
            self._progress = lambda done: hook(bytes_downloaded=done, bytes_expected=bytes_expected)

        def _fetch(self, url: str) -> Iterator[bytes]:
            try:
                response = self._opener.open(url, timeout=_TIMEOUT)
            except urllib.error.HTTPError as error:
                raise DownloadHTTPError(str(error.reason), error.code) from None
            return self._chunks(response)

        def _chunks(self, response: IO[bytes]) -> Iterator[bytes]:
            done = 0
            with response:
                while chunk := response.read(_CHUNK):
                    done += len(chunk)
                    self._progress(done)
                    yield chunk

    return Fetcher(url)


def _stage(data: Path, release: Release, unpacked: Path) -> None:
    """tufup's `install` step, deferred: note what waits in `unpacked` for the next start."""
    record = {"version": release.version, "notes": release.notes, "folder": str(unpacked)}
    (data / STAGED).write_text(json.dumps(record), encoding="utf-8")


def staged_release(data: Path | None = None) -> Release | None:
    """The release downloaded and waiting for the next start, if any."""
    record = _staged_record(data or local_data_folder("updates"))
    return None if record is None else Release(record["version"], record["notes"])


def _staged_record(data: Path) -> dict | None:
    try:
        return json.loads((data / STAGED).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def install_staged(folder: Path | None, data: Path | None = None) -> Release | None:
    """At start, before anything else is loaded: put a staged update in place of `folder`.
    Returns the release installed (the caller starts it), or None if none was waiting.

    On Windows the running program's files cannot be replaced: tufup's script moves them once
    this process has ended, and starts the new version."""
    data = data or local_data_folder("updates")
    record = _staged_record(data)
    if record is None or folder is None:
        return None
    release, unpacked = Release(record["version"], record["notes"]), Path(record["folder"])
    (data / STAGED).unlink()
    if turned_off_by_policy() or not _newer(release.version, __version__) or not unpacked.is_dir():
        shutil.rmtree(unpacked, ignore_errors=True)
        return None
    logger.info("Installing version %s in %s", release.version, folder)
    if sys.platform == "win32":
        _install_on_windows(unpacked, folder)  # does not return
    _swap(unpacked, folder)
    return release


def _swap(unpacked: Path, folder: Path) -> None:
    """Replace `folder` by `unpacked` with two renames, so it is never half one version."""
    incoming = folder.with_name(folder.name + ".new")
    previous = folder.with_name(folder.name + ".previous")
    for leftover in (incoming, previous):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.move(unpacked, incoming)  # a rename on one file system, else a copy
    folder.rename(previous)
    incoming.rename(folder)
    shutil.rmtree(previous, ignore_errors=True)  # the running process keeps its open files


_RELAUNCH = 'start "" "{executable}"\n'


def _install_on_windows(unpacked: Path, folder: Path) -> None:
    from tufup.utils.platform_specific import WIN_BATCH_TEMPLATE, install_update

    template = WIN_BATCH_TEMPLATE.replace("{delete_self}", _RELAUNCH + "{delete_self}")
    install_update(
        src_dir=unpacked,
        dst_dir=folder,
        purge_dst_dir=True,  # the bundle has its own folder: what the new one lacks goes
        as_admin=not os.access(folder, os.W_OK),  # a per-machine install asks through UAC
        batch_template=template,
        batch_template_extra_kwargs={"executable": sys.executable},
        process_creation_flags=0x08000000,  # CREATE_NO_WINDOW
    )


def _newer(version: str, than: str) -> bool:
    from packaging.version import InvalidVersion, Version

    try:
        return Version(version) > Version(than)
    except InvalidVersion:
        return False


def _refused(error: Exception) -> str:
    return translate(
        "Updates",
        "The update was refused because its signed description did not hold ({problem}). "
        "Nothing was installed; this version keeps running.",
    ).format(problem=error)


def _unreachable(url: str, error: Exception) -> str:
    cause = error.__cause__ or error
    return translate(
        "Updates", "The update repository {url} could not be reached: {problem}"
    ).format(url=url, problem=getattr(cause, "reason", cause))
