"""Publish a frozen bundle to the update repository with tufup's repository tools.

    python scripts/release.py add --bundle dist/manage-account --notes "What is new"
    python scripts/release.py refresh     # re-sign the timestamp, which lives a day

The repository (default build/update-repository) is what a web server serves: metadata/,
targets/ and releases.json (what /v1/desktop-release announces). The keys (default
build/update-keys) must stay with the vendor, offline; the first `add` makes them. `add` writes
the repository's root metadata into the bundle before archiving it: an installation trusts
the keys its build carries, and TUF lets later root metadata rotate them.
"""

import argparse
import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from packaging.version import Version
from tufup.repo import DEFAULT_EXPIRATION_DAYS, Repository

ARCHIVE_NAME = "manage-account"  # desktop.updates.ARCHIVE_NAME; scripts import nothing of ours
RELEASES = "releases.json"


def main(argv: list[str] | None = None) -> int:
    options = _parse(argv)
    logging.basicConfig(level=logging.WARNING)
    repository = _repository(options)
    if options.command == "add":
        version = options.version or bundle_version(options.bundle)
        carry_root(repository, options.bundle)
        repository.add_bundle(
            new_bundle_dir=options.bundle,
            new_version=version,
            skip_patch=True,  # bsdiff of a 600 MB tar takes longer than the download it saves
            custom_metadata={"notes": options.notes},
        )
        repository.publish_changes(private_key_dirs=[options.keys])
        announce(options.repository, version, options.notes, options.url)
        print(f"{ARCHIVE_NAME} {version} published in {options.repository}")
    else:
        repository.refresh_expiration_date("timestamp", options.timestamp_days)
        repository.publish_changes(private_key_dirs=[options.keys])
        print(f"timestamp of {options.repository} signed for {options.timestamp_days} day(s)")
    return 0


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="release", description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("add", "refresh"))
    parser.add_argument("--repository", type=Path, default=Path("build/update-repository"))
    parser.add_argument("--keys", type=Path, default=Path("build/update-keys"))
    parser.add_argument("--bundle", type=Path, default=Path("dist/manage-account"))
    parser.add_argument("--version", help="default: what the bundle's --version says")
    parser.add_argument("--notes", default="", help="what is new, shown before the download")
    parser.add_argument("--url", default="", help="where the repository is served, announced")
    parser.add_argument(
        "--timestamp-days",
        type=int,
        default=DEFAULT_EXPIRATION_DAYS["timestamp"],
        help="how long the signed timestamp holds (clients refuse it after)",
    )
    return parser.parse_args(argv)


def _repository(options: argparse.Namespace) -> Repository:
    options.repository, options.keys = options.repository.resolve(), options.keys.resolve()
    options.repository.mkdir(parents=True, exist_ok=True)
    days = dict(DEFAULT_EXPIRATION_DAYS, timestamp=options.timestamp_days)
    # tufup keeps its configuration in the working folder: keep it beside the keys
    options.keys.mkdir(parents=True, exist_ok=True)
    os.chdir(options.keys)
    if Repository.get_config_file_path().exists():
        repository = Repository.from_config()  # the keys and metadata made before
        repository.expiration_days = days
        return repository
    repository = Repository(
        app_name=ARCHIVE_NAME,
        repo_dir=options.repository,
        keys_dir=options.keys,
        expiration_days=days,
    )
    repository.initialize()  # the keys and the root metadata, the first time
    return repository


def bundle_version(bundle: Path) -> str:
    """The version the frozen bundle says it is."""
    executable = bundle / ("manage-account-cli.exe" if os.name == "nt" else "manage-account")
    said = subprocess.run(
        [str(executable), "--version"], capture_output=True, text=True, check=True
    ).stdout
    return said.split()[-1]


def carry_root(repository: Repository, bundle: Path) -> None:
    """Put the repository's root metadata where the bundle's resources are."""
    translations = next(bundle.rglob("resources/translations"), None)
    if translations is None:
        sys.exit(f"release: {bundle} is no Manage Account bundle (no resources/translations)")
    folder = translations.parent / "update"
    folder.mkdir(exist_ok=True)
    shutil.copyfile(repository.metadata_dir / "root.json", folder / "root.json")


def announce(repository: Path, version: str, notes: str, url: str) -> None:
    """releases.json: the newest release of each channel and the repository's address, for
    the account service's /v1/desktop-release. A beta reaches the beta channel only."""
    path = repository / RELEASES
    releases = json.loads(path.read_text()) if path.exists() else {"channels": {}}
    releases["repository"] = url or releases.get("repository", "")
    channels = ("beta",) if Version(version).is_prerelease else ("stable", "beta")
    for channel in channels:
        current = releases["channels"].get(channel)
        if current is None or Version(current["version"]) < Version(version):
            releases["channels"][channel] = {"version": version, "notes": notes}
    path.write_text(json.dumps(releases, indent=2) + "\n")


if __name__ == "__main__":
    sys.exit(main())
