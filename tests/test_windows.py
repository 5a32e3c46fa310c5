"""Every window and dialog, in English and German, on a 1024x640 panel and a 1366x768 laptop:
nothing larger than the screen, no label cut off, one Alt letter per thing, every control named.

Each case runs in its own process: Qt reads the screen's size when it starts.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("size", [(1024, 640), (1366, 768)], ids=["1024x640", "1366x768"])
def test_every_window_fits_and_reads_well(size, language):
    done = subprocess.run(
        [sys.executable, "-m", "tests.window_walk", str(size[0]), str(size[1]), language],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    problems = json.loads(done.stdout.strip().splitlines()[-1])
    assert problems == []
