"""The account overview: first paint from local data, the seat timeline's redraw on 10,000
purchases, and the seat holders' list opening on 100,000 users; each beside its floor.

    python -m tests.benchmarks.bench_overview

Floors, measured in the same run: a bare QWidget with the same labels shown and painted; a bare
QWidget of the chart's size repainted; the same first page of users read by a plain HTTP call.
"""

import os
import statistics
import tempfile
import time
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QWidget

from billing.orders import ACKNOWLEDGEMENT
from billing.proration import quote
from billing.statuses import Status
from db.database import write_transaction
from desktop.access import acting_administrator
from desktop.account import current_contract
from desktop.application import Application
from desktop.demo import seed_demo, start_demo_service
from desktop.ledger import close_ledger, open_ledger
from desktop.models import Administrator, Contract, SeatPurchase, database
from desktop.overview import seat_timeline
from desktop.session import sign_in
from service import demo_data
from service.models import AccountUser, Organization, service_db
from tests.benchmarks.bench_history import wait_until
from tests.conftest import first_org
from ui.main_window import MainWindow
from ui.seat_holders_dialog import SeatHoldersDialog
from ui.seat_timeline_chart import SeatTimelineChart
from ui.tasks import wait_for_background_work

PURCHASES, USERS = 10_000, 100_000


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
    wait_until(lambda: figure.text() != "…" and window.contract_tab.chart._hover_steps)
    window.contract_tab.repaint()
    elapsed = (time.perf_counter() - started) * 1000
    window.close()
    wait_for_background_work()
    return elapsed


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


def add_purchases(count: int) -> None:
    """`count` live purchases on the current contract, one seat each, a few minutes apart."""
    contract = Contract.select().order_by(Contract.start_date.desc()).first()
    buyer = Administrator.select().first()
    priced = quote(contract, 1, contract.start_date)
    start = datetime.combine(contract.start_date, datetime.min.time(), UTC)
    rows = []
    for n in range(count):
        at = start + timedelta(minutes=11 * n)
        rows.append(
            dict(
                organization=contract.organization_id,
                transaction_id=f"MA-BNCH-{n:06d}",
                idempotency_key=f"MA-BNCH-{n:06d}",
                created_at=at,
                administrator=buyer,
                purchased_by_name=buyer.name,
                purchased_by_email=buyer.email,
                contract=contract,
                **priced.ledger_fields(),
                acknowledgement_text=ACKNOWLEDGEMENT,
                acknowledged_at=at,
                provisioning_status=Status.PROVISIONED,
                submitted_at=at,
                provisioned_at=at,
            )
        )
    with write_transaction(database):
        for chunk in range(0, len(rows), 500):
            SeatPurchase.insert_many(rows[chunk : chunk + 500]).execute()
        Contract.update(licensed_seats=Contract.licensed_seats + count).where(
            Contract.id == contract.id
        ).execute()


def chart_redraw() -> tuple[float, float]:
    chart = SeatTimelineChart("en_US")
    chart.resize(1200, 300)
    chart.set_timeline(seat_timeline(current_contract(first_org())))
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
        client = application.client()

        def open_list() -> float:
            started = time.perf_counter()
            dialog = SeatHoldersDialog(client, {"license": "assigned"}, "Seat holders", "", window)
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
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        open_ledger(f"sqlite:///{folder}/desktop.db")
        seed_demo()
        paint = statistics.median(overview_paint() for _ in range(5))
        floor = statistics.median(bare_labels() for _ in range(5))
        add_purchases(PURCHASES)
        redraw, redraw_floor = chart_redraw()
        opened, page_floor = users_list(folder)
        close_ledger()
    rows = [
        ("overview painted after show", paint, floor, 100),
        (f"chart redraw, {PURCHASES:,} purchases", redraw, redraw_floor, 16),
        (f"users list first page, {USERS:,} users", opened, page_floor, 150),
    ]
    print(f"\n| {'measure':<38} | {'result ms':>9} | {'floor ms':>8} | target ms | ok  |")
    print(f"|{'-' * 40}|{'-' * 11}|{'-' * 10}|-----------|-----|")
    for name, result, base, target in rows:
        ok = "yes" if result < target else "NO"
        print(f"| {name:<38} | {result:>9.1f} | {base:>8.2f} | {target:>9} | {ok:<3} |")
    app.quit()


if __name__ == "__main__":
    main()
