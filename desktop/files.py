"""Files written whole or not at all: a document saved, kept or exported never appears half
written, whatever fails on the way."""

import os
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Write the file whole or not at all (written aside, then renamed)."""
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
