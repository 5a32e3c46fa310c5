"""Start-up stays light: reportlab, QtPdf, keyring and the updater's libraries (tufup, tuf,
requests) load only when first needed, and so do the features the window opens on demand (the
audit trail, seat releases, permission sets, approvals, ...) and their dialogs; Babel loads once
the window is shown, with the first figures."""

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
# Handed out by desktop.application's facades, each when its feature is first used.
FEATURES = (
    "desktop.approvals",
    "desktop.audit_log",
    "desktop.permission_sets",
    "desktop.reclaim",
    "desktop.reduction_requests",
    "desktop.seat_holders",
    "desktop.seats",
)
# Opened from menus and buttons: loaded when first opened.
ON_DEMAND = (
    "ui.administration_controller",
    "ui.approvals_dialog",
    "ui.audit_log_dialog",
    "ui.billing_profile_dialog",
    "ui.permission_sets_dialog",
    "ui.reduction_dialog",
    "ui.renewal_dialog",
    "ui.seat_holders_dialog",
    "ui.settings_dialog",
    "ui.sign_in_dialog",
    "desktop.archive",
    "ui.documents",
    "ui.export_paths",
    "ui.progress",
)
# Not needed to build and show the window: loaded by the first figure shown (on a worker).
AFTER_SHOWN = ("babel", "babel.core", "babel.dates", "babel.numbers")
# What reading the overview, ordering, sync and the service client load: the application, the
# overview's types and the formatting of figures do not load them (the window's first read
# does, once it is shown).
READ_WHEN_USED = (
    "desktop.billing_profile",
    "desktop.history",
    "desktop.invoice_summary",
    "desktop.invoices",
    "desktop.purchasing",
    "desktop.receipts",
    "desktop.renewing",
    "desktop.service_client",
    "desktop.sync",
    *AFTER_SHOWN,
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

WATCHED = {watched!r}
app = QApplication([])
open_ledger({url!r})
window = MainWindow(Application(acting_administrator(), "en_US"))
window.show()
at_show = [name for name in WATCHED + {after_shown!r} if name in sys.modules]
while window.count_label.text() in ("", "Counting…"):
    app.processEvents()
wait_for_background_work()
at_start = [name for name in WATCHED if name in sys.modules]
window.history_tab.view.selectRow(0)
window.history_tab.show_selected_receipt()
wait_for_background_work()
app.processEvents()
after_receipt = [name for name in WATCHED if name in sys.modules]
print(json.dumps({{"at_show": at_show, "at_start": at_start, "after_receipt": after_receipt}}))
"""


def run_python(code: str, tmp_path) -> dict:
    """The JSON that `code`, run by a fresh Python in a private home, prints last."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=private_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_window_opens_without_heavy_imports(tmp_path):
    url = demo_database(tmp_path)
    watched = HEAVY + FEATURES + ON_DEMAND
    code = SHOW_WINDOW_THEN_A_RECEIPT.format(watched=watched, after_shown=AFTER_SHOWN, url=url)
    loaded = run_python(code, tmp_path)
    assert loaded["at_show"] == []
    assert loaded["at_start"] == []
    assert {"reportlab", "PySide6.QtPdf"} <= set(loaded["after_receipt"])


def test_application_hands_out_features_it_loads_then(tmp_path):
    code = f"""
import json, sys
from desktop.application import Application
at_import = [name for name in {FEATURES!r} if name in sys.modules]
application = Application(None, "en_US")
application.permission_sets(), application.approvals()
print(json.dumps({{"at_import": at_import, "handed_out": sorted(
    name for name in {FEATURES!r} if name in sys.modules)}}))
"""
    loaded = run_python(code, tmp_path)
    assert loaded["at_import"] == []
    assert loaded["handed_out"] == ["desktop.approvals", "desktop.permission_sets"]


def test_application_and_overview_types_load_no_reading(tmp_path):
    code = f"""
import json, sys
import desktop.application, desktop.formatting, desktop.overview
loaded = [name for name in {READ_WHEN_USED!r} if name in sys.modules]
import desktop.history  # the history's queries; invoices and the service client on first use
print(json.dumps({{"application": loaded, "history": [
    name for name in ("desktop.invoices", "desktop.service_client") if name in sys.modules]}}))
"""
    assert run_python(code, tmp_path) == {"application": [], "history": []}


def test_the_windows_own_modules_load_no_sync_renewals_or_receipts(tmp_path):
    """The widgets name the sync's reports, purchases and quotes as types only, and sign out
    and order where they do: what does it loads with its first use."""
    acting = (
        "desktop.billing_profile",
        "desktop.mirror",
        "desktop.quotes",
        "desktop.receipts",
        "desktop.renewing",
        "desktop.session",
        "desktop.sync",
    )
    code = f"""
import json, sys
import ui.main_window
print(json.dumps([name for name in {acting!r} if name in sys.modules]))
"""
    assert run_python(code, tmp_path) == []
