"""Screenshots of the main window on demo data for the README: python scripts/screenshots.py."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from db.database import close_database, open_database
from db.models import Administrator
from desktop.access import acting_administrator
from desktop.account import current_contract, organization
from desktop.demo import seed_demo
from desktop.proration import quote
from desktop.purchasing import purchase_seats
from desktop.receipts import save_receipt
from ui.main_window import MainWindow
from ui.sign_in_dialog import SignInDialog
from ui.tasks import wait_for_background_work

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def settle(ms: int = 600) -> None:
    """Let background loads arrive and the window repaint."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save_receipt_image(folder: Path) -> None:
    """A receipt of a purchase by an administrator with a non-ASCII name, as PNG (pdftoppm)."""
    buyer = Administrator.get(Administrator.email == "billing@example.com")
    buyer.name = "Zoë Ångström-Żółć"
    buyer.save()
    summary = current_contract()
    shown = quote(summary, 5, summary.today)
    purchase = purchase_seats(buyer, 5, shown.amount, acknowledged=True, locale="en_US")
    pdf = folder / "receipt.pdf"
    save_receipt(purchase.transaction_id, pdf, "en_US")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-singlefile", str(pdf), str(OUT / "receipt")],
        check=True,
    )


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        open_database(f"sqlite:///{folder}/demo.db")
        seed_demo()
        org = organization()
        window = MainWindow(org.name, org.timezone, acting_administrator(), locale="en_US")
        window.show()
        settle()
        window.add_seats_tab.spin.setValue(5)
        window.add_seats_tab.acknowledge.setChecked(True)
        for index, name in enumerate(("contract", "add-seats", "history")):
            window.tabs.setCurrentIndex(index)
            settle()
            window.grab().save(str(OUT / f"{name}.png"))
        window.close()
        viewer = MainWindow(org.name, org.timezone, acting_administrator("viewer@example.com"))
        viewer.show()
        settle(200)
        viewer.grab().save(str(OUT / "permission-required.png"))
        viewer.close()
        save_receipt_image(Path(folder))
        dialog = SignInDialog("http://127.0.0.1:8080", "admin@example.com", "northwind-demo")
        dialog.show()
        settle(200)
        dialog.grab().save(str(OUT / "sign-in.png"))
        dialog.close()
        wait_for_background_work()
        close_database()
    app.quit()
    print(f"saved to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
