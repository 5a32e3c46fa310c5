"""Logging to a rotating file in the per-user log folder, with secrets kept out of it."""

import faulthandler
import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

from desktop.config import local_data_folder

LOG_FILE = "manage-account.log"
_SECRETS = re.compile(r"(Bearer\s+|\"?(?:password|token)\"?\s*[:=]\s*\"?)[^\s\",}]+", re.IGNORECASE)
_fault_file = None  # kept open for faulthandler as long as the process lives


class RedactSecrets(logging.Filter):
    """Masks bearer tokens and password or token values, whoever logs them."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = _SECRETS.sub(r"\1***", message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


def configure_logging(verbose: bool = False, folder: Path | None = None) -> Path:
    """Log INFO (DEBUG with --verbose) to a rotating file; returns the log file's path."""
    global _fault_file
    folder = folder or local_data_folder("logs")
    folder.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        folder / LOG_FILE, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets())
    root = logging.getLogger()
    root.handlers = [h for h in root.handlers if not isinstance(h, RotatingFileHandler)]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    if _fault_file is None:
        _fault_file = open(folder / "faults.log", "a", encoding="utf-8")  # noqa: SIM115
        faulthandler.enable(_fault_file)
    return folder / LOG_FILE
