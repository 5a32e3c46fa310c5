"""Transaction History at scale: first rows, sort, filter, jump to the end, memory; with a baseline.

    python -m tests.benchmarks.bench_history [DATABASE] [--rows N]

Builds the database with make_big_db when it does not exist (1,000,000 purchases by default).
The baseline loads every row into a QStandardItemModel, capped at BASELINE_ROWS rows.
"""

import argparse
import os
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from billing.statuses import Status
from db.database import close_database, open_database
from desktop.account import organization
from desktop.history import HistoryQuery, count_purchases, fetch_page
from tests.benchmarks.make_big_db import make_history_db
from ui.history_model import LOADING, display_cells
from ui.history_tab import HistoryTab
from ui.tasks import wait_for_background_work

BASELINE_ROWS = 100_000
LOCALE = "en_US"


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        QApplication.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the history did not show its rows in time")
        time.sleep(0.0005)


def visible_rows_ready(view: QTableView) -> bool:
    model = view.model()
    top = view.rowAt(0)
    bottom = view.rowAt(view.viewport().height() - 1)
    bottom = model.rowCount() - 1 if bottom < 0 else bottom
    if top < 0:
        return model.rowCount() == 0
    return all(model.index(r, 1).data() != LOADING for r in range(top, bottom + 1))


def timed(action: Callable[[], None], view: QTableView) -> float:
    """Milliseconds from the action until the visible rows are loaded and painted."""
    started = time.perf_counter()
    action()
    wait_until(lambda: not tab.model._requested and visible_rows_ready(view))
    view.viewport().repaint()
    return (time.perf_counter() - started) * 1000


def after_reset(change: Callable[[], None]) -> Callable[[], None]:
    def action() -> None:
        resets = []
        tab.model.modelReset.connect(lambda: resets.append(1))
        change()
        wait_until(lambda: bool(resets))

    return action


def resident_mb() -> tuple[float, float]:
    """Current and peak resident memory of this process, in MB."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return tuple(int(fields[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM"))


def baseline(rows: int) -> float:
    """Milliseconds to load `rows` purchases into a QStandardItemModel and show them."""
    started = time.perf_counter()
    org = organization()
    model = QStandardItemModel(0, 9)
    for row in fetch_page(HistoryQuery(), rows):
        model.appendRow([QStandardItem(c) for c in display_cells(row, org.timezone, LOCALE)])
    view = QTableView()
    view.setModel(model)
    view.resize(1200, 700)
    view.show()
    view.viewport().repaint()
    elapsed = (time.perf_counter() - started) * 1000
    view.close()
    return elapsed


def settle() -> None:
    """Let the previous change finish counting, so each figure stands on its own."""
    wait_until(lambda: not tab.model._requested and tab.model.rowCount() == expected_count())


def expected_count() -> int:
    return count_purchases(tab.model.query)


def print_table(title: str, results: list[tuple[str, float, float, str]]) -> None:
    print(f"\n{title}\n")
    print(f"| {'measure':<36} | {'result':>12} | {'target':>12} | ok  |")
    print(f"|{'-' * 38}|{'-' * 14}|{'-' * 14}|-----|")
    for name, value, target, unit in results:
        verdict = "yes" if value < target else "NO"
        print(
            f"| {name:<36} | {value:>9.1f} {unit:<2} | < {target:>7,.0f} {unit:<2} | {verdict:<3} |"
        )


def main() -> None:
    global tab
    parser = argparse.ArgumentParser()
    parser.add_argument("database", nargs="?", default="/tmp/manage-account-history-1m.db")
    parser.add_argument("--rows", type=int, default=1_000_000)
    options = parser.parse_args()
    if not Path(options.database).exists():
        seconds = make_history_db(options.database, options.rows)
        print(f"made {options.rows:,} purchases in {seconds:.1f} s")

    app = QApplication.instance() or QApplication([])
    open_database(f"sqlite:///{options.database}")
    total = count_purchases(HistoryQuery())
    org = organization()
    results = []

    tab = HistoryTab(org.timezone, LOCALE)
    tab.resize(1200, 700)
    tab.show()
    view, status = tab.view, tab.status_combo
    results.append(("history shows its first rows", timed(after_reset(tab.load), view), 150, "ms"))
    settle()
    for column, name in ((2, "Seats"), (5, "Amount"), (8, "Purchased by"), (7, "Invoice number")):
        change = after_reset(lambda c=column: view.sortByColumn(c, Qt.SortOrder.AscendingOrder))
        results.append((f"sort by {name}", timed(change, view), 300, "ms"))
        settle()
    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    settle()
    filters = (
        ("filter by purchaser text", lambda: tab.filter_edit.setText("priya")),
        ("filter by transaction ID", lambda: tab.filter_edit.setText("MA-2")),
        (
            "filter by ID and status",
            lambda: status.setCurrentIndex(status.findData(Status.REJECTED)),
        ),
        ("clear the filters", lambda: (tab.filter_edit.clear(), status.setCurrentIndex(0))),
    )
    for name, change in filters:
        apply = after_reset(lambda c=change: (c(), tab._apply_filters()))
        results.append((name, timed(apply, view), 300, "ms"))
        settle()
    results.append(("jump to the last row", timed(view.scrollToBottom, view), 150, "ms"))
    results.append(("jump back to the first row", timed(view.scrollToTop, view), 150, "ms"))
    middle = tab.model.index(total // 2, 0)
    results.append(("jump to the middle", timed(lambda: view.scrollTo(middle), view), 150, "ms"))
    current, peak = resident_mb()
    results.append(("resident memory at the end", current, 300, "MB"))
    results.append(("resident memory at its peak", peak, 300, "MB"))

    baseline_rows = min(BASELINE_ROWS, total)
    baseline_ms = baseline(baseline_rows)
    wait_for_background_work()
    close_database()

    print_table(f"Transaction History, {total:,} purchases (SQLite, offscreen)", results)
    first = results[0][1]
    all_rows = baseline_ms * total / baseline_rows / 1000
    print(
        f"\nBaseline, every row in a QStandardItemModel: {baseline_rows:,} rows shown after "
        f"{baseline_ms:,.0f} ms, {baseline_ms / first:,.0f}x the lazy model's {first:.1f} ms "
        f"(all {total:,} rows would take about {all_rows:,.0f} s)."
    )
    app.quit()


if __name__ == "__main__":
    main()
