"""Opens every window and dialog of the app on one screen size and language, and prints what a
person would trip over as JSON: windows larger than the screen, word-wrapped labels cut off,
one Alt letter for two things, controls without an accessible name.

python -m tests.window_walk WIDTH HEIGHT LANGUAGE   (run by tests/test_windows.py)
"""

import json
import os
import re
import sys
import tempfile
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

WIDTH, HEIGHT, LANGUAGE = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
SCREEN = {"screens": [{"name": "s", "x": 0, "y": 0, "width": WIDTH, "height": HEIGHT,
                       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}  # fmt: skip
_config = Path(tempfile.mkdtemp()) / "screen.json"
_config.write_text(json.dumps(SCREEN))
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_config}"

from PySide6.QtCore import QEventLoop, QStandardPaths, QTimer  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenuBar,
    QMessageBox,
    QTabBar,
    QWidget,
)

from billing.profile import ProfileRefusal  # noqa: E402
from billing.proration import quote  # noqa: E402
from desktop.access import acting_administrator  # noqa: E402
from desktop.account import current_contract  # noqa: E402
from desktop.application import Application  # noqa: E402
from desktop.demo import seed_demo  # noqa: E402
from desktop.i18n import install_translations  # noqa: E402
from desktop.ledger import open_ledger  # noqa: E402
from desktop.purchasing import purchase_seats  # noqa: E402
from desktop.receipts import receipt_pdf  # noqa: E402
from desktop.renewing import RenewalOffer  # noqa: E402
from desktop.session import SignedIn  # noqa: E402
from desktop.sync import Requote  # noqa: E402
from tests.conftest import first_org  # noqa: E402
from ui.about_dialog import show_about  # noqa: E402
from ui.export_documents_dialog import ExportDocumentsDialog  # noqa: E402
from ui.export_receipts_dialog import ExportReceiptsDialog  # noqa: E402
from ui.free_seats_dialog import FreeSeatsDialog  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.receipt_dialog import ReceiptDialog  # noqa: E402
from ui.renewal_dialog import RenewalDialog  # noqa: E402
from ui.settings_dialog import SettingsDialog  # noqa: E402
from ui.sign_in_dialog import SignInDialog  # noqa: E402

MNEMONIC = re.compile(r"(?<!&)&([^&\s])")
INPUTS = (QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView)
problems: list[str] = []


def settle(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def visible(window: QWidget, kind: type | tuple[type, ...]) -> list:
    return [
        w for w in window.findChildren(QWidget) if isinstance(w, kind) and w.isVisibleTo(window)
    ]


def check(window: QWidget, name: str) -> None:
    """Every check on one window as it is shown now."""
    settle()
    available = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if frame.width() > available.width() or frame.height() > available.height():
        problems.append(f"{name}: {frame.width()}x{frame.height()} is larger than the screen")
    for label in visible(window, QLabel):
        if (
            label.wordWrap()
            and label.text()
            and label.heightForWidth(label.width()) > label.height() + 1
        ):
            problems.append(f"{name}: label {label.objectName() or label.text()[:40]!r} is cut off")
    _one_letter_each(name, _mnemonic_texts(window))
    for bar in visible(window, QMenuBar):
        for menu in (action.menu() for action in bar.actions() if action.menu()):
            _one_letter_each(f"{name}, menu {menu.title()!r}", [a.text() for a in menu.actions()])
    buddies = {label.buddy() for label in window.findChildren(QLabel) if label.buddy()}
    for widget in visible(window, INPUTS):
        inner = isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox | QAbstractItemView)
        if not inner and not widget.accessibleName() and widget not in buddies:
            problems.append(f"{name}: {type(widget).__name__} {widget.objectName()!r} has no name")


def _one_letter_each(name: str, texts: list[str]) -> None:
    letters: dict[str, list[str]] = {}
    for text in texts:
        for letter in MNEMONIC.findall(text):
            letters.setdefault(letter.lower(), []).append(text)
    for letter, same in letters.items():
        if len(same) > 1:
            problems.append(f"{name}: Alt+{letter.upper()} is {' and '.join(map(repr, same))}")


def _mnemonic_texts(window: QWidget) -> list[str]:
    texts = [b.text() for b in visible(window, QAbstractButton)]
    texts += [label.text() for label in visible(window, QLabel) if label.buddy()]
    for bar in visible(window, QTabBar):
        texts += [bar.tabText(i) for i in range(bar.count())]
    for bar in visible(window, QMenuBar):
        texts += [action.text() for action in bar.actions()]
    return texts


def dialog(widget: QWidget, name: str) -> None:
    widget.show()
    check(widget, name)
    widget.close()


def main() -> None:
    app = QApplication([])
    QStandardPaths.setTestModeEnabled(True)
    locale = install_translations(app, LANGUAGE)
    open_ledger(f"sqlite:///{tempfile.mkdtemp()}/walk.db")
    seed_demo()
    admin = acting_administrator("admin@example.com")
    session = SignedIn("http://127.0.0.1:9", "token", {})  # menus as signed in, no network
    window = MainWindow(Application(admin, locale, session))
    window.show()
    settle(400)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        check(window, f"main window, tab {index + 1}")
    history = window.history_tab
    window.tabs.setCurrentWidget(history)
    for _ in range(50):  # the columns are sized from samples formatted off the GUI thread
        if history._columns_sized and history.model.rowCount():
            break
        settle(100)
    settle()
    if (sideways := history.view.horizontalScrollBar().maximum()) > 0:
        problems.append(f"transaction history scrolls sideways by {sideways} px")
    history.view.selectRow(0)
    check(window, "main window, history with a purchase's details")
    history.filter_edit.setText("no such purchase")
    for _ in range(30):
        if history.pages.currentIndex() == 1:
            break
        settle(100)
    check(window, "main window, history with nothing matching")
    history.clear_filters()
    window.tabs.setCurrentWidget(window.add_seats_tab)
    window.add_seats_tab.purchase_order.setText("PO\t1")  # the message for bad input fits too
    settle()
    check(window, "main window, Add Seats with a message")
    window.add_seats_tab.purchase_order.clear()
    summary = current_contract(first_org())
    shown = quote(summary, 3, summary.today)
    bought = purchase_seats(admin, 3, shown.amount, True, locale=locale)
    window._purchased(bought)
    settle()
    for box in window.findChildren(QMessageBox):
        if box.isVisible():
            check(box, "purchase confirmation")
            box.close()
    window._offer_requote([Requote("MA-7K3F-9Q2D", 5, shown.amount, shown.amount, "USD")])
    settle()
    dialog(window.findChild(QMessageBox, "requoteDialog"), "requote")
    dialog(SignInDialog("http://127.0.0.1:9", "admin@example.com", ""), "sign-in")
    offline = SignInDialog("http://127.0.0.1:9", "admin@example.com", "")
    offline.show()
    offline.button.click()  # nothing listens on port 9: the service cannot be reached
    for _ in range(50):
        if offline.button.isEnabled():
            break
        settle(100)
    dialog(offline, "sign-in, service unreachable, Work Offline offered")
    dialog(offline.show_settings(), "settings from sign-in")
    dialog(SettingsDialog(None, window), "settings")
    dialog(ExportReceiptsDialog(summary.today, summary.today, window), "export receipts")
    dialog(ExportDocumentsDialog(summary.today, window), "export documents")
    offer = RenewalOffer(
        summary.end_date,
        summary.end_date + timedelta(days=1),
        summary.end_date + timedelta(days=365),
        summary.licensed_seats,
        summary.monthly_price_per_seat,
        summary.monthly_price_per_seat * Decimal("1.03"),
        summary.currency,
    )
    renewal = RenewalDialog(offer, summary.start_date, lambda *_: None, locale, "PO-1", window)
    dialog(renewal, "renewal")
    dialog(window.show_reduction_request(), "reduction request")
    dialog(window.show_audit_log(), "audit log")
    dialog(window.show_permission_sets(), "permission sets")
    seats = window.show_seat_holders("disabled")
    dialog(seats, "seat holders (disabled)")
    seats.notice.setText(  # the Undo notice at its longest: the view says it after a release
        seats.tr(
            "Freed %Ln seat(s). Available seats: {before} → {after}. You can undo this "
            "until {until}.",
            "",
            12,
        ).format(before=3, after=15, until="Dec 20, 2026, 11:59 PM")
    )
    seats.undo.show()
    dialog(seats, "seats, with the Undo notice")
    many = [
        {"id": n, "name": f"Bartholomew Featherstonehaugh {n}", "email": f"b{n}@northwind.example"}
        for n in range(12)
    ]
    dialog(FreeSeatsDialog(many, 3, window), "free seats")
    dialog(seats.show_releases(), "seat releases")
    profile = window.show_billing_profile()
    settle()  # the profile is read off the GUI thread
    profile.tax_id.setText("DE000")
    profile._refused(ProfileRefusal("tax_id", "The tax ID is not a valid number for {c}.", c="US"))
    dialog(profile, "billing profile, with a refusal")
    dialog(window.show_seat_holders("inactive", 90), "seat holders (inactive)")
    dialog(show_about(window), "about")
    receipt = receipt_pdf(first_org(), bought.transaction_id, locale)
    dialog(ReceiptDialog(bought.transaction_id, receipt, window), "receipt")
    window.close()
    viewer = MainWindow(Application(acting_administrator("viewer@example.com"), locale, session))
    viewer.show()
    check(viewer, "permission page")
    print(json.dumps(problems))


if __name__ == "__main__":
    main()
