"""The total as you type: pricing and its working per keystroke, beside a bare label update.

python -m tests.benchmarks.bench_quote
"""

import os
import statistics
import tempfile
import time
from dataclasses import replace
from decimal import Decimal

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QLabel

from billing.money import round_money
from billing.proration import quote
from desktop import formatting
from desktop.access import acting_administrator
from desktop.account import current_contract
from desktop.demo import seed_demo
from desktop.i18n import install_translations
from desktop.ledger import close_ledger, open_ledger
from tests.conftest import first_org
from ui.add_seats_tab import AddSeatsTab

RUNS = 2_000
TARGET_MS = 5.0


def median_ms(action: object, runs: int = RUNS) -> float:
    times = []
    for n in range(runs):
        started = time.perf_counter()
        action(n)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def report(terms: object, locale: str) -> None:
    """Print each figure per keystroke on `terms`, beside the floors, with the target."""
    tab = AddSeatsTab(acting_administrator(), locale)
    tab.set_contract(terms)
    tab.show()
    edit = tab.spin.lineEdit()
    label = QLabel()
    label.show()
    text = formatting.quote_working(quote(terms, 5, terms.today), locale)
    figures = (
        ("floor: a bare QLabel.setText", lambda n: label.setText(f"{text}{n % 10}")),
        ("floor: round one Decimal", lambda n: round_money(Decimal(n) / 7, "USD")),
        ("quote()", lambda n: quote(terms, 1 + n % 9_999, terms.today)),
        (
            "quote() and its working, formatted",
            lambda n: formatting.quote_working(quote(terms, 1 + n % 9_999, terms.today), locale),
        ),
        ("typed into the Add Seats tab", lambda n: edit.setText(str(1 + n % 9_999))),
    )
    print(f"\n{terms.proration_unit}-prorated contract, median of {RUNS:,} keystrokes")
    print(f"{'measure':40} {'ms':>8}  target")
    for name, action in figures:
        ms = median_ms(action)
        target = f"< {TARGET_MS:g} ms" if name.startswith("typed") else ""
        verdict = "" if not target else ("met" if ms < TARGET_MS else "MISSED")
        print(f"{name:40} {ms:8.3f}  {target} {verdict}")
    assert tab.total.text().endswith(formatting.money(tab._shown.amount, "USD", locale))


def main() -> None:
    app = QApplication([])
    locale = install_translations(app, "en")
    with tempfile.TemporaryDirectory() as folder:
        open_ledger(f"sqlite:///{folder}/quote.db")
        seed_demo()
        by_month = current_contract(first_org())
        report(by_month, locale)
        report(replace(by_month, proration_unit="day"), locale)
        close_ledger()
    app.quit()


if __name__ == "__main__":
    main()
