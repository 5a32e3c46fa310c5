"""What /v1/desktop-release announces: the newest desktop release of a channel and where the
signed update repository is, read from the releases.json that scripts/release.py writes.

The file is read at each request, so a release is announced as soon as it is published. The
app verifies what it downloads against the repository's signed metadata, not against this."""

import json
import logging
from pathlib import Path

CHANNELS = ("stable", "beta")
logger = logging.getLogger(__name__)


def desktop_release(releases: Path | None, channel: str) -> dict | None:
    """The announcement for `channel`, or None if there is none to make."""
    if releases is None:
        return None
    try:
        announced = json.loads(releases.read_text(encoding="utf-8"))
        newest, repository = announced["channels"].get(channel), announced["repository"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        logger.warning("%s cannot be read: %s", releases, error)
        return None
    if not newest or not repository:
        return None
    return {
        "channel": channel,
        "version": str(newest["version"]),
        "notes": str(newest.get("notes", "")),
        "repository": str(repository),
    }
