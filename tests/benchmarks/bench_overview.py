"""The account overview: its figures and seat timeline painted after the window shows, on the
demo's purchases and on a million; the timeline's redraw on a million; the seat holders' list
opening on 100,000 users; each beside its floor.

    python -m tests.benchmarks.bench_overview [DATABASE]

DATABASE (default: bench_history's million, made when missing) holds the million purchases.
Floors, measured in the same run: a bare QWidget with the same labels shown and painted; a bare
QWidget of the chart's size repainted; the same first page of users read by a plain HTTP call.
"""

import argparse
import os
import statistics
import tempfile
import time
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QThreadPool
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QWidget

from desktop.access import acting_administrator
from desktop.account import current_contract
from desktop.application import Application
from desktop.demo import seed_demo, start_demo_service
from desktop.history import HistoryQuery, count_purchases
from desktop.ledger import close_ledger, open_ledger
from desktop.overview import seat_timeline
from desktop.seat_holders import HOLDERS
from desktop.session import sign_in
from service import demo_data
from service.models import AccountUser, Organization, service_db
from tests.benchmarks.bench_history import wait_until
from tests.benchmarks.make_big_db import make_history_db
from tests.conftest import first_org
from ui.main_window import MainWindow
from ui.seat_holders_dialog import SeatHoldersDialog, SeatsServices
from ui.seat_timeline_chart import SeatTimelineChart
from ui.tasks import wait_for_background_work

USERS = 100_000


def median_ms(action: Callable[[], None], runs: int = 15) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def overview_paint() -> float:
    """From show() until the overview's figures are painted."""
    window = MainWindow(Application(acting_administrator(), "en_US"))
    window.resize(1240, 700)
    started = time.perf_counter()
    window.show()
    figure = window.contract_tab.seats.purchased
    wait_until(lambda: figure.text() != "…" and bool(window.contract_tab.chart._hover_steps))
    window.contract_tab.repaint()
    elapsed = (time.perf_counter() - started) * 1000
    close(window)
    return elapsed


def close(window: MainWindow) -> None:
    """Close and delete the window, its reads done: a session has one window, and a window
    left alive would preload, count and sync into the next run's measurement."""
    window.close()
    pool = QThreadPool.globalInstance()
    while True:  # each read's answer, delivered here, may start the next
        wait_for_background_work()
        QApplication.processEvents()
        if not pool.activeThreadCount():
            break
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def bare_labels() -> float:
    """The floor: a bare widget with as many labels, shown and painted."""
    widget = QWidget()
    grid = QGridLayout(widget)
    for n in range(24):
        grid.addWidget(QLabel(f"label {n}: 1,234"), n % 12, n // 12)
    widget.resize(1240, 700)
    started = time.perf_counter()
    widget.show()
    QApplication.processEvents()
    widget.repaint()
    elapsed = (time.perf_counter() - started) * 1000
    widget.close()
    return elapsed


def chart_redraw() -> tuple[float, float]:
    chart = SeatTimelineChart("en_US")
    chart.resize(1200, 300)
    summary = current_contract(first_org())
    assert summary is not None
    chart.set_timeline(seat_timeline(summary))
    chart.show()
    QApplication.processEvents()
    bare = QWidget()
    bare.resize(1200, 300)
    bare.show()
    QApplication.processEvents()
    result = median_ms(chart.repaint), median_ms(bare.repaint)
    chart.close()
    bare.close()
    return result


def users_list(folder: str) -> tuple[float, float]:
    service = start_demo_service(f"sqlite:///{folder}/service.db")
    try:
        with service_db.connection_context():
            northwind = Organization.get(Organization.name == demo_data.ORGANIZATION)
            seen = datetime.now(UTC)
            rows = [
                {
                    "organization": northwind,
                    "name": f"User {n:06d}",
                    "email": f"user{n}@northwind.example",
                    "holds_seat": n % 2 == 0,
                    "active": True,
                    "last_active_at": seen,
                }
                for n in range(USERS)
            ]
            with service_db.atomic():
                for chunk in range(0, USERS, 1000):
                    AccountUser.insert_many(rows[chunk : chunk + 1000]).execute()
        session = sign_in(service.url, demo_data.ADMINISTRATORS[0][1], demo_data.PASSWORD)
        application = Application(acting_administrator(), "en_US", session)
        window = MainWindow(application)
        window.show()
        QApplication.processEvents()
        services = SeatsServices(
            application.seat_users(),
            application.seat_releases(),
            application.reclaiming(),
            application.alerts(),
        )

        def open_list() -> float:
            started = time.perf_counter()
            dialog = SeatHoldersDialog(services, HOLDERS, "Seat holders", "", window)
            dialog.show()
            wait_until(lambda: dialog.model.rowCount() > 0)
            dialog.view.viewport().repaint()
            elapsed = (time.perf_counter() - started) * 1000
            dialog.close()
            return elapsed

        def plain_page() -> None:
            request = urllib.request.Request(
                f"{service.url}/v1/users?license=assigned&limit=200",
                headers={"Authorization": f"Bearer {session.token}"},
            )
            with urllib.request.urlopen(request) as answer:
                answer.read()

        opened = statistics.median(open_list() for _ in range(7))
        floor = median_ms(plain_page, 7)
        window.close()
        wait_for_background_work()
        return opened, floor
    finally:
        service.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("database", nargs="?", default="/tmp/manage-account-history-1000000.db")
    big = parser.parse_args().database
    if not Path(big).exists():
        print(f"made 1,000,000 purchases in {make_history_db(big, 1_000_000):.1f} s")
    app = QApplication.instance() or QApplication([])
    open_ledger(f"sqlite:///{big}")  # upgraded first, if need be
    purchases = count_purchases(HistoryQuery(first_org().id))
    big_paint = [overview_paint() for _ in range(5)]
    big_floor = [bare_labels() for _ in range(5)]
    redraw, redraw_floor = chart_redraw()
    close_ledger()
    with tempfile.TemporaryDirectory() as folder:
        open_ledger(f"sqlite:///{folder}/desktop.db")
        seed_demo()
        paint = statistics.median(overview_paint() for _ in range(5))
        floor = statistics.median(bare_labels() for _ in range(5))
        opened, page_floor = users_list(folder)
        close_ledger()
    rows = [
        ("overview painted after show, demo", paint, floor, 100),
        (f"overview painted after show, {purchases:,}", statistics.median(big_paint),
         statistics.median(big_floor), 150),
        (f"chart redraw, {purchases:,} purchases", redraw, redraw_floor, 16),
        (f"users list first page, {USERS:,} users", opened, page_floor, 150),
    ]  # fmt: skip
    print(f"\n| {'measure':<42} | {'result ms':>9} | {'floor ms':>8} | target ms | ok     |")
    print(f"|{'-' * 44}|{'-' * 11}|{'-' * 10}|-----------|--------|")
    for name, result, base, target in rows:
        ok = "met" if result <= target else "missed"
        print(f"| {name:<42} | {result:>9.1f} | {base:>8.2f} | {target:>9} | {ok:<6} |")
    each = ", ".join(f"{t:.0f}" for t in big_paint)
    print(
        f"\n(overview painted after show at {purchases:,}: min {min(big_paint):.0f} ms, "
        f"median {statistics.median(big_paint):.0f} ms; each of 5 runs: {each} ms)"
    )
    app.quit()


if __name__ == "__main__":
    main()
