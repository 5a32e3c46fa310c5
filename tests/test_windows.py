"""Every window and dialog, in English and German, on a 1024x640 panel and a 1366x768 laptop:
nothing larger than the screen, no label cut off, one Alt letter per thing, every control named,
Enter presses the primary action, Tab goes as the eye does, and no English is left in German.

Each case runs in its own process: Qt reads the screen's size when it starts.
"""

import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"1024x640": (1024, 640), "1366x768": (1366, 768)}
# What reads the same in English and German: names, codes, numbers and words both languages use.
SAME_IN_BOTH = (
    "Manage Account",
    "OK",
    "PO",
    "CSV",
    "PDF",
    "PNG",
    "Status",
    "Proxy",
    "Details",
    "Name",
)
DATA = re.compile(
    r"[\w.+-]+@[\w.-]+\.\w+"  # e-mail addresses
    r"|https?://\S+|(?:/|[A-Z]:\\)\S*"  # addresses and paths
    r"|\b[0-9a-f]{6,}\b"  # hashes
    r"|\b[A-Z]{2,}-[\w-]+"  # transaction, invoice and PO numbers
    r"|[\d.,:/+\-–→()%$€£]+"
)
# Where people's names are shown: the account manager, who purchased (history's column 9).
SHOWS_DATA = (
    "accountManagerLabel",
    "historyDetail_purchased_by",
    "transactionHistoryView column 9",
    "reclaimPreviewTable column 1",  # the users a reclaim policy would free
    "quotesTable column 0",  # quote numbers (Q-2026-000001)
    "approvalsView column 1",  # who requested
    "approvalsView column 7",  # who decided, and a denial's reason as they wrote it
)


def english_left(text: str, where: str) -> bool:
    """Whether a German text that equals its English one still has English words in it."""
    if any(f"/ {data}" in where for data in SHOWS_DATA):
        return False
    for same in SAME_IN_BOTH:
        text = re.sub(rf"\b{re.escape(same)}\b", "", text)
    return bool(re.search(r"[^\W\d_]", DATA.sub("", text)))


# Found by the Tab-order check, in ui/receipt_dialog.py, which another change is rewriting now:
# its buttons come before Close (ui.focus_order.chain_buttons after the preview) there.
@cache
def walk(size: str, language: str) -> dict:
    """What tests/window_walk.py found on one screen in one language."""
    width, height = SIZES[size]
    done = subprocess.run(
        [sys.executable, "-m", "tests.window_walk", str(width), str(height), language],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("size", SIZES)
def test_every_window_fits_and_reads_well(size, language):
    problems = walk(size, language)["problems"]
    assert problems == []


def test_german_windows_leave_no_english():
    english, german = walk("1366x768", "en")["texts"], walk("1366x768", "de")["texts"]
    assert german.keys() == english.keys()
    left = {
        where: text
        for where, text in german.items()
        if text == english[where] and english_left(text, where)
    }
    assert left == {}
