"""Opens every window and dialog of the app on one screen size and language, and prints what a
person would trip over as JSON: windows larger than the screen, word-wrapped labels cut off,
one Alt letter for two things, controls without an accessible name, Enter that does not press
the dialog's primary action, Tab order against the visual order; and every text shown, for
tests/test_windows.py to find English left in the German windows.

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

from PySide6.QtCore import QEventLoop, QPoint, QRect, QStandardPaths, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QTextDocumentFragment  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenuBar,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QTextEdit,
    QWidget,
)

from billing.profile import ProfileRefusal, check_tax_id  # noqa: E402
from billing.proration import quote  # noqa: E402
from desktop.access import acting_administrator  # noqa: E402
from desktop.account import current_contract  # noqa: E402
from desktop.application import Application  # noqa: E402
from desktop.audit_log import audit_page  # noqa: E402
from desktop.demo import seed_demo  # noqa: E402
from desktop.i18n import install_translations  # noqa: E402
from desktop.ledger import open_ledger  # noqa: E402
from desktop.models import PermissionSet  # noqa: E402
from desktop.purchasing import purchase_seats  # noqa: E402
from desktop.receipts import receipt_pdf  # noqa: E402
from desktop.renewing import RenewalOffer  # noqa: E402
from desktop.seat_holders import SeatUser  # noqa: E402
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
from ui.tasks import wait_for_background_work  # noqa: E402

MNEMONIC = re.compile(r"(?<!&)&([^&\s])")
INPUTS = (QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView)
FIELDS = (QLineEdit, QAbstractSpinBox, QComboBox, QCheckBox, QPlainTextEdit, QTextEdit)
COMPOUND = (QAbstractSpinBox, QComboBox, QAbstractItemView)  # their inner parts are theirs
PRIMARY = (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.YesRole)
ROW = 12  # px: widgets whose first lines' middles are this close stand on one visual row
problems: list[str] = []
texts: dict[str, str] = {}  # "window / widget": text shown, for the German-English comparison


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
    if isinstance(window, QDialog):
        _enter_presses_the_primary_action(window, name)
    _tab_follows_the_eye(window, name)
    _note_texts(window, name)


def _primary(window: QDialog) -> QPushButton | None:
    """The button Enter should press: the accepting one, or in a dialog with something to fill
    in or tick, its only action beside Close (what was entered must not be closed away)."""
    filled = [
        f
        for f in visible(window, FIELDS)
        if not (isinstance(f, QLineEdit | QPlainTextEdit | QTextEdit) and f.isReadOnly())
    ]
    for box in visible(window, QDialogButtonBox):
        shown = [b for b in box.buttons() if b.isVisibleTo(window)]
        accepting = [b for b in shown if box.buttonRole(b) in PRIMARY]
        actions = [b for b in shown if box.buttonRole(b) == QDialogButtonBox.ButtonRole.ActionRole]
        if accepting:
            return accepting[0]
        if len(actions) == 1 and filled:
            return actions[0]
    return None


def _enter_presses_the_primary_action(window: QDialog, name: str) -> None:
    """One default button, the primary action; and it stays the default wherever Tab has been
    (an autoDefault button that takes the default for good would steal Enter)."""
    buttons = visible(window, QPushButton)
    defaults = [b.text() for b in buttons if b.isDefault()]
    primary = _primary(window)
    if primary is None:
        if len(defaults) > 1:
            problems.append(f"{name}: {len(defaults)} default buttons {defaults}")
        return
    if defaults != [primary.text()]:
        problems.append(f"{name}: Enter presses {defaults or 'nothing'}, not {primary.text()!r}")
        return
    for widget in _tab_chain(window):
        if isinstance(widget, QPushButton):
            continue
        for button in _tab_chain(window):  # Tab over every button, then back to a field
            button.setFocus(Qt.FocusReason.TabFocusReason)
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        now = [b.text() for b in buttons if b.isDefault()]
        if now != [primary.text()]:
            problems.append(
                f"{name}: after Tab, Enter in {widget.objectName() or type(widget).__name__} "
                f"presses {now or 'nothing'}, not {primary.text()!r}"
            )
        break


def _tab_chain(window: QWidget) -> list[QWidget]:
    """The widgets Tab stops at, in the order it does, from the first one on."""
    chain, widget = [], window.nextInFocusChain()
    while widget is not window and len(chain) < 2000:
        if (
            widget.window() is window
            and widget.isVisibleTo(window)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
            and not isinstance(widget.parentWidget(), COMPOUND)
            and not any(isinstance(p, COMPOUND) for p in _ancestors(widget, window))
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def _ancestors(widget: QWidget, window: QWidget) -> list[QWidget]:
    found, parent = [], widget.parentWidget()
    while parent is not None and parent is not window:
        found.append(parent)
        parent = parent.parentWidget()
    return found


def _tab_follows_the_eye(window: QWidget, name: str) -> None:
    """Tab visits what is seen as the eye reads it; a table lets Tab out."""
    for view in visible(window, QAbstractItemView):
        if view.tabKeyNavigation():
            problems.append(f"{name}: Tab cannot leave {view.objectName() or 'a table'}")
    chain = _tab_chain(window)
    seen = _reading_order(chain, {w: _boxes(w, window) for w in chain}, 0)
    if chain != seen:
        at = next(i for i, (a, b) in enumerate(zip(chain, seen, strict=True)) if a is not b)
        problems.append(
            f"{name}: Tab goes {_describe(chain[at - 1]) if at else 'first'} -> "
            f"{_describe(chain[at])}, but the eye goes on to {_describe(seen[at])}"
        )


def _boxes(widget: QWidget, window: QWidget) -> list[QRect]:
    """Where the widget stands: the boxes around it (group boxes, framed panels), outermost
    first, then the widget itself, each in the window's coordinates."""
    inside = [widget, *_ancestors(widget, window)]
    framed = [
        w
        for w in inside
        if w is widget
        or isinstance(w, QGroupBox)
        or (
            type(w) is QFrame and w.frameShape() != QFrame.Shape.NoFrame  # a panel, not a label
        )
    ]
    return [QRect(w.mapTo(window, QPoint(0, 0)), w.size()) for w in reversed(framed)]


def _reading_order(widgets: list[QWidget], boxes: dict[QWidget, list[QRect]], depth: int) -> list:
    """The eye reads a box beside the rest as a column of its own, then bands top to bottom,
    each band's columns left to right, and into each box the same way; what overlaps both
    ways is read row by row (first lines' middles within ROW px are one row), left to right."""

    def place(w: QWidget) -> QRect:
        return boxes[w][min(depth, len(boxes[w]) - 1)]

    def boxed(part: list[QWidget]) -> bool:  # one box at this depth, and only it
        return all(depth < len(boxes[w]) - 1 and place(w) == place(part[0]) for w in part)

    if len(widgets) > 1 and boxed(widgets):
        return _reading_order(widgets, boxes, depth + 1)
    columns = _split(widgets, lambda w: (place(w).left(), place(w).right()))
    bands = _split(widgets, lambda w: (place(w).top(), place(w).bottom()))
    if len(columns) > 1 and any(boxed(column) for column in columns):
        parts = columns
    elif len(bands) > 1:
        parts = bands
    elif len(columns) > 1:
        parts = columns
    else:
        rows: dict[QWidget, int] = {}
        row, top = -1, 0

        def middle(w: QWidget) -> int:  # of the first line: a tall box starts with its row
            return place(w).top() + min(place(w).height(), 2 * ROW) // 2

        for widget in sorted(widgets, key=middle):
            if row < 0 or middle(widget) - top > ROW:
                row, top = row + 1, middle(widget)
            rows[widget] = row
        return sorted(widgets, key=lambda w: (rows[w], place(w).left()))
    return [w for part in parts for w in _reading_order(part, boxes, depth)]


def _split(widgets: list[QWidget], extent) -> list[list[QWidget]]:
    """The widgets in groups whose extents (start, end) do not overlap, in order."""
    parts: list[list[QWidget]] = []
    end = None
    for widget in sorted(widgets, key=lambda w: extent(w)[0]):
        start, stop = extent(widget)
        if end is None or start > end:
            parts.append([])
        parts[-1].append(widget)
        end = stop if end is None or start > end else max(end, stop)
    return parts


def _describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return repr(widget.objectName() or text or type(widget).__name__)


def _note_texts(window: QWidget, name: str) -> None:
    """Every text shown, keyed by where it is, for the German walk to compare with English."""

    def note(where: str, text: str) -> None:
        plain = QTextDocumentFragment.fromHtml(text).toPlainText() if "<" in text else text
        plain = MNEMONIC.sub(r"\1", plain).replace("&&", "&").strip()
        if plain:
            texts[f"{name} / {where}"] = plain

    note("title", window.windowTitle())
    for kind, widgets in (
        ("label", visible(window, QLabel)),
        ("button", visible(window, QAbstractButton)),
        ("group", visible(window, QGroupBox)),
    ):
        for index, widget in enumerate(widgets):
            where = widget.objectName() or f"{kind} {index}"
            note(where, widget.title() if kind == "group" else widget.text())
    for index, widget in enumerate(visible(window, QWidget)):  # what a screen reader says
        where = widget.objectName() or f"{type(widget).__name__} {index}"
        note(f"{where}, tooltip", widget.toolTip())
        note(f"{where}, accessible name", widget.accessibleName())
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            note(f"{where}, placeholder", widget.placeholderText())
    for index, bar in enumerate(visible(window, QTabBar)):
        for tab in range(bar.count()):
            note(f"tab bar {index}, tab {tab}", bar.tabText(tab))
    for index, header in enumerate(visible(window, QHeaderView)):
        model, across = header.model(), header.orientation()
        if across == Qt.Orientation.Horizontal and model is not None:
            for column in range(model.columnCount()):
                note(f"header {index}, column {column}", str(model.headerData(column, across)))
    for index, view in enumerate(visible(window, QAbstractItemView)):
        model = view.model()
        if isinstance(view, QHeaderView) or model is None:
            continue
        for row in range(min(3, model.rowCount())):
            for column in range(model.columnCount()):
                cell = model.data(model.index(row, column))
                note(f"{view.objectName() or index} column {column}, row {row}", str(cell or ""))
    for bar in visible(window, QMenuBar):
        for index, action in enumerate(bar.actions()):
            note(f"menu {index}", action.text())
            for position, item in enumerate(action.menu().actions() if action.menu() else []):
                note(f"menu {index}, item {position}", item.text())


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


AUDIT_PAGE = {
    "events": [
        {
            "id": 2,
            "occurred_at": "2026-12-01T15:04:05+00:00",
            "actor": "admin@example.com",
            "action": "seat reduction requested",
            "details": {"request": 1, "seats_wanted": 39},
            "hash": "9f2c4e",
        },
        {
            "id": 1,
            "occurred_at": "2026-12-01T15:00:00+00:00",
            "actor": "admin@example.com",
            "action": "sign-in",
            "details": {"address": "127.0.0.1", "trusted_device": True},
            "hash": "41ab07",
        },
    ],
    "has_more": False,
    "chain": {"intact": True, "message": ""},
}


def _overview_fits(window: MainWindow) -> None:
    """The overview whole without scrolling, the chart at least 200 px high."""
    overview = window.contract_tab
    if (down := overview.scroll_area.verticalScrollBar().maximum()) > 0:
        problems.append(f"the overview scrolls by {down} px")
    if overview.chart.height() < 200:
        problems.append(f"the seat timeline is only {overview.chart.height()} px high")


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
    window.tabs.setCurrentWidget(window.contract_tab)
    window.sync_status._announce_live([("MA-7K3F-9Q2D", 3)])  # a notice above the tabs
    check(window, "main window, overview with a notice")
    _overview_fits(window)
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
    window.purchases.offer_requote([Requote("MA-7K3F-9Q2D", 5, shown.amount, shown.amount, "USD")])
    settle()
    dialog(window.findChild(QMessageBox, "requoteDialog"), "requote")
    signing_in = SignInDialog("http://127.0.0.1:9", "admin@example.com", "")
    wait_for_background_work()  # the secure store's check, which words the tooltip
    settle()
    dialog(signing_in, "sign-in")
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
    audit = window.show_audit_log()
    settle()  # the service cannot be reached: the page arrives as the service would send it
    audit.model._arrived(audit.model._generation, audit_page(AUDIT_PAGE))
    dialog(audit, "audit log")
    dialog(window.show_permission_sets(), "permission sets")
    _approvals(window)
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
        SeatUser(n, f"Bartholomew Featherstonehaugh {n}", f"b{n}@northwind.example", True,
                 "disabled", None)
        for n in range(12)
    ]  # fmt: skip
    dialog(FreeSeatsDialog(many, 3, window), "free seats")
    dialog(seats.show_releases(), "seat releases")
    profile = window.show_billing_profile()
    settle()  # the profile is read off the GUI thread
    profile.tax_id.setText("DE000")
    try:
        check_tax_id("DE000", "US")
    except ProfileRefusal as refusal:  # the refusal as billing says it, translated where shown
        profile._refused(refusal)
    dialog(profile, "billing profile, with a refusal")
    dialog(window.show_seat_holders("inactive", 90), "seat holders (inactive)")
    _reclaim_and_alerts(seats)
    _quotes(window, locale)
    dialog(show_about(window), "about")
    receipt = receipt_pdf(first_org(), bought.transaction_id, locale)
    dialog(ReceiptDialog(bought.transaction_id, receipt, window), "receipt")
    window.close()
    viewer = MainWindow(Application(acting_administrator("viewer@example.com"), locale, session))
    viewer.show()
    check(viewer, "permission page")
    viewer.close()
    _finance(locale, session)
    print(json.dumps({"problems": problems, "texts": texts}))


def _finance(locale: str, session: SignedIn) -> None:
    """The window of a set with View Billing only: the overview and the history, no buying."""
    finance = acting_administrator("finance@example.com")
    assert finance is not None
    PermissionSet.update(view_billing=True).where(
        PermissionSet.id == finance.permission_set.id
    ).execute()  # as the sign-in answer mirrors it
    window = MainWindow(Application(acting_administrator("finance@example.com"), locale, session))
    window.show()
    settle(400)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        check(window, f"finance window, tab {index + 1}")
    window.close()


def _reclaim_and_alerts(seats: QWidget) -> None:
    """Reclaim Policy and Alerts from the Seats view, filled as the service would answer (it
    cannot be reached here)."""
    from datetime import UTC, datetime

    from desktop.alerts import AlertSettings, Recipient
    from desktop.reclaim import Candidate, Preview, ReclaimPolicy

    reclaim = seats.show_reclaim_policy()
    settle()
    reclaim.show_policy(ReclaimPolicy(False, 7, 90, True, frozenset({2})))
    settle()
    since = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)
    users = tuple(
        Candidate(n, f"Bartholomew Featherstonehaugh {n}", f"b{n}@northwind.example",
                  ("disabled", "inactive")[n % 2], since if n else None, n == 2)
        for n in range(7)
    )  # fmt: skip
    reclaim.show_preview(Preview(users, 7), reclaim.days())
    dialog(reclaim, "reclaim policy")
    alerts = seats.show_alerts()
    settle()
    alerts.show_settings(
        AlertSettings(
            5,
            7,
            True,
            True,
            (
                Recipient("accounts.payable.department@northwind.example", "de"),
                Recipient("ops@northwind.example"),
            ),
        )
    )
    dialog(alerts, "alerts")


def _approvals(window: MainWindow) -> None:
    """Approvals for an approver, filled as the service would answer (it cannot be reached
    here): one pending, one approved, one denied with a long reason; then a refusal shown."""
    from desktop.approvals import approval
    from desktop.service_client import ServiceRefused

    admin = window.app.administrator
    assert admin is not None
    admin.permission_set.approve_purchases = True  # as the sign-in answer mirrors it
    approvals = window.administration.show_approvals()
    settle(300)  # the read fails: nothing listens on port 9
    people = [
        {"name": "Priya Raman", "email": "billing@example.com"},
        {"name": "Bartholomew Featherstonehaugh", "email": "b@northwind.example"},
    ]
    reason = "Over this quarter's budget: please ask again in January with the new cost centre."
    listed = [
        approval(
            {
                "id": f"AP-2026-{n:06d}", "kind": ("purchase", "renewal")[n % 2],
                "status": ("pending", "approved", "denied")[n % 3], "transaction_id": f"t{n}",
                "seats": 120 * n, "amount": f"{13500 * n}.00", "currency": "USD",
                "period_start": "2026-12-07", "period_end": "2027-07-31",
                "quote_number": "Q-2026-000003" if n % 2 else None, "purchase_order": None,
                "spending_limit": "1000.00", "requested_by": people[n % 2],
                "requested_at": "2026-12-07T09:00:00+00:00", "valid_until": "2026-12-14",
                "decided_by": people[0] if n % 3 else None,
                "decided_at": "2026-12-08T10:00:00+00:00" if n % 3 else None,
                "reason": reason if n % 3 == 2 else None,
            }
        )
        for n in range(3, 8)
    ]  # fmt: skip
    approvals._show(approvals._reads, listed)
    dialog(approvals, "approvals")
    expired = ServiceRefused("expired", 409, "approval_expired")  # the longest refusal
    approvals.message.setText(approvals._refusal_text(listed[0], expired))
    dialog(approvals, "approvals, with a refusal")


def _quotes(window: MainWindow, locale: str) -> None:
    """The Quotes list, filled as the service would answer (it cannot be reached here)."""
    from datetime import date

    from billing.kinds import OrderKind
    from desktop.quotes import FormalQuote, Quotes
    from ui.quotes_dialog import QuotesDialog

    admin = window.app.administrator
    listed = QuotesDialog(Quotes(window.app.client()), admin, locale, lambda _: None, window)
    settle(300)
    listed._show(
        [
            FormalQuote(
                f"Q-2026-{n:06d}", (OrderKind.PURCHASE, OrderKind.RENEWAL)[n % 2],
                ("open", "used", "expired")[n % 3], 120 * n, date(2026, 11, 10),
                date(2026, 12, 10), date(2026, 11, 10), date(2027, 7, 31), 9, "month",
                "9 months", Decimal("12.50"), Decimal("13500.00") * n, "USD",
                "PO-2026-ACCOUNTS-PAYABLE-0042" if n % 2 else None, None, "Alex Morgan", None,
            )
            for n in range(1, 6)
        ]
    )  # fmt: skip
    dialog(listed, "quotes")


if __name__ == "__main__":
    main()
