"""Start-up stays light: reportlab, QtPdf, keyring and the updater's libraries (tufup, tuf,
requests) load only when first needed."""

import json
import subprocess
import sys

from tests.app_process import demo_database, private_environment

HEAVY = (
    "reportlab",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "keyring",
    "email_validator",
    "stdnum",
    "tufup",
    "tuf",
    "requests",
    "truststore",
)
SHOW_WINDOW_THEN_A_RECEIPT = """
import json, sys
from PySide6.QtWidgets import QApplication
from desktop.ledger import open_ledger
from desktop.access import acting_administrator
from desktop.account import organization
from desktop.application import Application
from ui.main_window import MainWindow
from ui.tasks import wait_for_background_work

HEAVY = {heavy!r}
app = QApplication([])
open_ledger({url!r})
window = MainWindow(Application(acting_administrator(), "en_US"))
window.show()
while window.count_label.text() in ("", "Counting…"):
    app.processEvents()
wait_for_background_work()
at_start = [name for name in HEAVY if name in sys.modules]
window.history_tab.view.selectRow(0)
window.history_tab.show_selected_receipt()
wait_for_background_work()
app.processEvents()
print(json.dumps({{"at_start": at_start, "after_receipt": [n for n in HEAVY if n in sys.modules]}}))
"""


def test_window_opens_without_heavy_imports(tmp_path):
    url = demo_database(tmp_path)
    code = SHOW_WINDOW_THEN_A_RECEIPT.format(heavy=HEAVY, url=url)
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=private_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded["at_start"] == []
    assert {"reportlab", "PySide6.QtPdf"} <= set(loaded["after_receipt"])
