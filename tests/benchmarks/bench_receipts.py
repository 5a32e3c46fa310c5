"""Document speed: one receipt, 1,000 exported to a folder and to a fiscal-year archive, beside
a bare reportlab page with the same text in the same embedded font.

python -m tests.benchmarks.bench_receipts
"""

import statistics
import tempfile
import time
from io import BytesIO
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from desktop import receipt_pdf as renderer
from desktop import receipts
from desktop.archive import export_documents
from desktop.history import HistoryQuery
from desktop.ledger import close_ledger, open_ledger
from desktop.models import SeatPurchase
from tests.benchmarks.make_big_db import make_history_db
from tests.conftest import NORTHWIND, first_org

LOCALE = "en_US"
RUNS = 200
EXPORTED = 1_000


def bare_page(lines: list[str]) -> bytes:
    """The floor: the same text on a reportlab canvas in the receipt's embedded font."""
    out = BytesIO()
    canvas = Canvas(out, invariant=1, pageCompression=0, initialFontName=renderer.REGULAR)
    y = 800
    for line in lines:
        canvas.drawString(56, y, line)
        y -= 15
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def median_ms(action: object, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        make_history_db(f"{folder}/receipts.db", EXPORTED)
        open_ledger(f"sqlite:///{folder}/receipts.db")
        purchase = SeatPurchase.select().order_by(SeatPurchase.id.desc()).first()
        captured = []
        original = renderer.render_receipt
        renderer.render_receipt = lambda record, locale: (
            captured.append(record) or original(record, locale)
        )
        receipts.receipt_pdf(first_org(), purchase.transaction_id, LOCALE)
        renderer.render_receipt = original
        record = captured[0]
        lines = [f"{label}: {value}" for label, value in renderer.receipt_fields(record, LOCALE)]

        one = median_ms(lambda: renderer.render_receipt(record, LOCALE))
        floor = median_ms(lambda: bare_page(lines))
        with_database = median_ms(
            lambda: receipts.receipt_pdf(first_org(), purchase.transaction_id, LOCALE), 50
        )

        reports = []
        started = time.perf_counter()
        count = receipts.export_receipts(
            HistoryQuery(NORTHWIND),
            Path(folder) / "out",
            LOCALE,
            lambda d, t: reports.append(d) or True,
        )
        export_s = time.perf_counter() - started
        started = time.perf_counter()
        export_documents(
            HistoryQuery(NORTHWIND), Path(folder) / "documents.zip", LOCALE, Path(folder)
        )
        archive_s = time.perf_counter() - started
        close_ledger()

    print(
        f"\nDocuments ({LOCALE}, median of {RUNS} runs; floor: a bare page, same text and font)\n"
    )
    print(f"| {'measure':<34} | {'result':>10} | {'floor':>10} | {'target':>9} | ok  |")
    print(f"|{'-' * 36}|{'-' * 12}|{'-' * 12}|{'-' * 11}|-----|")
    rows = (
        ("render one receipt", f"{one:.2f} ms", f"{floor:.2f} ms", "< 10 ms", one < 10),
        ("receipt from the database", f"{with_database:.2f} ms", f"{floor:.2f} ms", "", True),
        (
            f"export {count:,} receipts to a folder",
            f"{export_s:.2f} s",
            f"{floor * count / 1000:.2f} s",
            "< 15 s",
            export_s < 15,
        ),
        (
            f"archive of {count:,} purchases (ZIP)",
            f"{archive_s:.2f} s",
            f"{floor * count / 1000:.2f} s",
            "< 15 s",
            archive_s < 15,
        ),
    )
    for name, result, base, target, ok in rows:
        verdict = "yes" if ok else "NO"
        print(f"| {name:<34} | {result:>10} | {base:>10} | {target:>9} | {verdict:<3} |")
    print(f"\nThe export reported progress {len(reports):,} times.")


if __name__ == "__main__":
    main()
