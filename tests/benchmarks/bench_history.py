"""Transaction History at 10,000, 100,000 and 1,000,000 purchases, each figure beside its floor.

    python -m tests.benchmarks.bench_history [--sizes 10000,100000,1000000]

Databases are made with make_history_db when missing (/tmp/manage-account-history-N.db; the
million takes about a minute). Floors, measured in the same run on the same file:
- the window's rows, and a jump to the end or the middle (once the count is in; the row jumped
  to must show the purchase there; the median of four, each in a freshly sorted list): the
  first page's SQL run alone through sqlite3;
- a filter typed into historyFilterEdit (timed from the end of its 250 ms pause, through the
  first rows shown and the capped count in the status bar): that text's page query alone;
- the CSV export: a plain sqlite3 cursor into csv.writer, with the same columns.
"""

import argparse
import csv
import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView

from desktop.history import HistoryQuery, count_purchases, export_csv, fetch_page, page_select
from desktop.ledger import close_ledger, open_ledger
from desktop.models import SeatPurchase
from desktop.receipts import _render, issue_purchase_receipt, verify_receipt
from tests.benchmarks.make_big_db import make_history_db
from tests.conftest import NORTHWIND, first_org
from ui.history_model import LOADING, PAGE_SIZE
from ui.history_tab import HistoryTab
from ui.tasks import wait_for_background_work

LOCALE = "en_US"
CSV_FLOOR_COLUMNS = (
    "created_at, transaction_id, seats, monthly_unit_price, prorated_months, contract_id, "
    "period_start, period_end, amount_minor, currency, provisioning_status, invoice_number, "
    "purchased_by_name, purchased_by_email, purchase_order, invoice_note"
)


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


def ms_since(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def median_ms(action: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(ms_since(started))
    return statistics.median(times)


def page_query_ms(path: str, query: HistoryQuery) -> float:
    """The floor: the first page's SQL, as the window runs it, through a bare sqlite3."""
    sql, params = page_select(query, PAGE_SIZE).sql()
    connection = sqlite3.connect(path)
    try:
        return median_ms(lambda: connection.execute(sql, params).fetchall())
    finally:
        connection.close()


class Window:
    """The real history tab, driven as a user would."""

    def __init__(self) -> None:
        self.tab = HistoryTab(first_org(), LOCALE)
        self.tab.resize(1200, 700)
        self.tab.show()
        self.counted: list[tuple[int, bool]] = []
        self.tab.model.count_changed.connect(lambda n, more: self.counted.append((n, more)))

    def settled(self) -> bool:
        return not self.tab.model._requested and visible_rows_ready(self.tab.view)

    def timed(self, action: Callable[[], None]) -> float:
        """ms from the action until the visible rows are read and painted."""
        started = time.perf_counter()
        resets = []
        noted = lambda: resets.append(1)  # noqa: E731
        self.tab.model.modelReset.connect(noted)
        action()
        wait_until(lambda: bool(resets) and self.settled())
        self.tab.view.viewport().repaint()
        self.tab.model.modelReset.disconnect(noted)
        return ms_since(started)

    def typed(self, text: str) -> tuple[float, float, str]:
        """Type `text` into historyFilterEdit: ms from the end of the pause to the first rows
        shown, and to the count shown; and the count as the status bar would word it."""
        self.tab.filter_edit.clear()
        self.settle()
        paused, resets = [], []
        pause_ended = lambda: paused.append(time.perf_counter())  # noqa: E731
        reset = lambda: resets.append(1)  # noqa: E731
        self.tab._filter_timer.timeout.connect(pause_ended)
        self.tab.model.modelReset.connect(reset)
        self.counted = []
        QTest.keyClicks(self.tab.filter_edit, text)
        wait_until(lambda: bool(paused) and bool(resets) and self.settled())
        self.tab.view.viewport().repaint()
        shown = ms_since(paused[0])
        wait_until(lambda: bool(self.counted))
        counted = ms_since(paused[0])
        self.tab._filter_timer.timeout.disconnect(pause_ended)
        self.tab.model.modelReset.disconnect(reset)
        count, more = self.counted[-1]
        return shown, counted, f"{count:,}{'+' if more else ''}"

    def settle(self) -> None:
        wait_until(lambda: not self.tab.model._requested and self.settled(), timeout=60)
        wait_for_background_work()
        QApplication.processEvents()


def csv_floor_s(path: str, target: Path) -> float:
    """A plain sqlite3 cursor into csv.writer, with the same columns, newest first."""
    started = time.perf_counter()
    connection = sqlite3.connect(path)
    with open(target, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_FLOOR_COLUMNS.split(", "))
        writer.writerows(
            connection.execute(
                f"SELECT {CSV_FLOOR_COLUMNS} FROM seat_purchase ORDER BY created_at DESC, id DESC"
            )
        )
    connection.close()
    return time.perf_counter() - started


def measure(path: str, rare: str) -> dict[str, tuple[float, float, float, str]]:
    """name: (result, floor, target, unit) at this size."""
    results = {}
    window = Window()
    first = window.timed(window.tab.load)
    window.settle()
    results["history shows its first rows"] = (
        first, page_query_ms(path, HistoryQuery(NORTHWIND)), 150, "ms"
    )  # fmt: skip
    for text, name in ((rare, "a rare text"), ("priya", "a common text")):
        shown, counted, count = window.typed(text)
        floor = page_query_ms(path, HistoryQuery(NORTHWIND, text=text))
        results[f"type {name}: first rows"] = (shown, floor, 50, "ms")
        results[f"type {name}: count ({count})"] = (counted, floor, 100, "ms")
        window.settle()
    window.tab.filter_edit.clear()
    window.tab._apply_filters()
    window.settle()
    view = window.tab.view
    sort = lambda: view.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # noqa: E731
    results["sort by amount"] = (window.timed(sort), 0, 300, "ms")
    window.settle()
    model, jumps = window.tab.model, {}
    for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder) * 2:
        window.counted = []  # each round a new query: no page of it read yet
        view.sortByColumn(0, order)
        wait_until(lambda: bool(window.counted))  # a jump lands where the count puts the end
        window.settle()  # and the landmarks are found
        count, _ = window.counted[-1]
        assert model.rowCount() == count == count_purchases(model.query), (model.rowCount(), count)
        for name, jump, row in (
            ("jump to the last row", view.scrollToBottom, count - 1),
            ("jump to the middle", partial(view.scrollTo, model.index(count // 2, 0)), count // 2),
        ):
            started = time.perf_counter()
            jump()
            QApplication.processEvents()  # the view lays out where it jumped to, and asks for it
            wait_until(window.settled)
            view.viewport().repaint()
            jumps.setdefault(name, []).append(ms_since(started))
            shown = model.index(row, 1).data()  # the row jumped to shows the purchase there
            there = fetch_page(model.query, 1, offset=row)[0].transaction_id
            assert shown == there, (name, shown, there)
        view.scrollToTop()
    floor = page_query_ms(path, model.query)
    for name, times in jumps.items():
        results[name] = (statistics.median(times), floor, 40, "ms")
        each = ", ".join(f"{t:.1f}" for t in times)
        print(f"{name}, {count:,} rows: min {min(times):.1f} ms, median of {len(times)} ({each})")
    window.tab.close()
    wait_for_background_work()

    newest = fetch_page(HistoryQuery(NORTHWIND), 1)[0].transaction_id
    issue_purchase_receipt(SeatPurchase.get(SeatPurchase.transaction_id == newest), LOCALE)
    issued = SeatPurchase.get(SeatPurchase.transaction_id == newest)
    data = _render(issued, LOCALE, issued.created_at, at_purchase=True)  # the file as issued
    verify = median_ms(lambda: verify_receipt(first_org(), data, LOCALE))
    results["Verify Receipt (issued)"] = (verify, 0, 5, "ms")
    exports, floors = [], []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(2):  # taking turns, the better of two: both read a warm file
            floors.append(csv_floor_s(path, Path(folder) / "floor.csv"))
            started = time.perf_counter()
            export_csv(HistoryQuery(NORTHWIND), Path(folder) / "history.csv")
            exports.append(time.perf_counter() - started)
    results["CSV export, every purchase"] = (min(exports), min(floors), min(floors) * 1.5, "s")
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000,1000000")
    sizes = [int(n) for n in parser.parse_args().sizes.split(",")]
    app = QApplication.instance() or QApplication([])
    growth = {}
    for size in sizes:
        path = f"/tmp/manage-account-history-{size}.db"
        if not Path(path).exists():
            print(f"made {size:,} purchases in {make_history_db(path, size):.1f} s")
        open_ledger(f"sqlite:///{path}")
        rare = fetch_page(HistoryQuery(NORTHWIND), 1, offset=size // 3)[0].transaction_id[3:9]
        growth[size] = measure(path, rare)
        close_ledger()
    biggest = growth[sizes[-1]]
    print(f"\nTransaction History, {sizes[-1]:,} purchases (SQLite, offscreen)\n")
    print(f"| {'measure':<40} | {'result':>10} | {'floor':>10} | {'target':>11} | ok     |")
    print(f"|{'-' * 42}|{'-' * 12}|{'-' * 12}|{'-' * 13}|--------|")
    for name, (result, floor, target, unit) in biggest.items():
        ok = "met" if result <= target else "missed"
        base = f"{floor:.2f} {unit}" if floor else "–"
        print(
            f"| {name:<40} | {result:>7.2f} {unit:<2} | {base:>10} | < {target:>6.2f} {unit:<2} "
            f"| {ok:<6} |"
        )
    print("\nGrowth (result, ms or s as above)\n")
    names = [n.split(" (")[0] for n in biggest]
    print(f"| {'measure':<40} | " + " | ".join(f"{n:>10,}" for n in sizes) + " |")
    print(f"|{'-' * 42}|" + "|".join("-" * 12 for _ in sizes) + "|")
    for name in names:
        cells = []
        for size in sizes:
            found = next(v for k, v in growth[size].items() if k.split(" (")[0] == name)
            cells.append(f"{found[0]:>7.2f} {found[3]:<2}")
        print(f"| {name:<40} | " + " | ".join(cells) + " |")
    app.quit()


if __name__ == "__main__":
    main()
