"""Screenshots for the README, on demo data (run: python scripts/screenshots.py).

Each variant runs in its own process (Qt reads the scale factor and the screen once, at
start): light (the default set and the receipt), dark, German, and 200 % scaling on a
1366x768 laptop; the overview on a 1024x640 panel, where its cards stand beside the chart.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from billing.proration import quote
from desktop.access import acting_administrator
from desktop.account import current_contract, organization
from desktop.application import Application
from desktop.demo import seed_demo, start_demo_service
from desktop.i18n import install_translations
from desktop.invoices import invoice_document, kept_invoice_path
from desktop.ledger import close_ledger, open_ledger
from desktop.models import Administrator, SeatPurchase
from desktop.purchasing import purchase_seats
from desktop.quotes import Quotes
from desktop.receipts import save_receipt
from desktop.session import sign_in
from desktop.sync import Requote, SyncEngine, SyncReport
from desktop.updates import Release
from service import demo_data
from ui.first_run_dialog import ask_first_run
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog
from ui.sign_in_dialog import SignInDialog
from ui.tasks import wait_for_background_work

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
VARIANTS = ("light", "dark", "german", "scale200", "small")
# What a dark system scheme gives Fusion; offscreen Qt has no system scheme to follow.
DARK_COLOURS = {
    QPalette.ColorRole.Window: "#2b2b2b",
    QPalette.ColorRole.WindowText: "#e8e8e8",
    QPalette.ColorRole.Base: "#1e1e1e",
    QPalette.ColorRole.AlternateBase: "#262626",
    QPalette.ColorRole.Text: "#e8e8e8",
    QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#e8e8e8",
    QPalette.ColorRole.ToolTipBase: "#2b2b2b",
    QPalette.ColorRole.ToolTipText: "#e8e8e8",
    QPalette.ColorRole.PlaceholderText: "#9a9a9a",
    QPalette.ColorRole.Highlight: "#2f6fdf",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#8ab4ff",
    QPalette.ColorRole.Light: "#505050",
    QPalette.ColorRole.Midlight: "#404040",
    QPalette.ColorRole.Mid: "#303030",
    QPalette.ColorRole.Dark: "#1a1a1a",
    QPalette.ColorRole.Shadow: "#000000",
}


def dark_palette(light: QPalette) -> QPalette:
    dark = QPalette(light)
    for role, colour in DARK_COLOURS.items():
        dark.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        dark.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    dark.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#7a7a7a"))
    return dark


def settle(ms: int = 600) -> None:
    """Let background loads arrive and the window repaint."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save_receipt_image(name: str, locale: str, invoiced: bool = False) -> None:
    """A document as PNG (pdftoppm): an order confirmation for a new purchase by an
    administrator with a non-ASCII name, with a PO number and a note for the invoice; or
    the receipt of an invoiced demo purchase."""
    if invoiced:
        purchase = SeatPurchase.select().where(
            SeatPurchase.purchase_order.is_null(False) & SeatPurchase.invoice_number.is_null(False)
        )
        purchase = purchase.order_by(SeatPurchase.id.desc()).first()
    else:
        buyer = Administrator.get(Administrator.email == "billing@example.com")
        buyer.name = "Zoë Ångström-Żółć"
        buyer.save()
        summary = current_contract(organization())
        shown = quote(summary, 5, summary.today)
        purchase = purchase_seats(
            buyer,
            5,
            shown.amount,
            acknowledged=True,
            locale=locale,
            purchase_order="PO-2026-0117",
            invoice_note="Cost centre 4711\nAttn: Accounts Payable",
        )
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "receipt.pdf"
        save_receipt(organization(), purchase.transaction_id, pdf, locale)
        png(pdf, name)


def png(pdf: Path, name: str) -> None:
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-singlefile", str(pdf), str(OUT / name)], check=True
    )


def grab_tabs(window: MainWindow, prefix: str, tabs: tuple[str, ...]) -> None:
    names = ("contract", "add-seats", "history")
    window.add_seats_tab.spin.setValue(5)
    window.add_seats_tab.purchase_order.setText("PO-2026-0117")
    window.add_seats_tab.acknowledge.setChecked(True)
    for name in tabs:
        window.tabs.setCurrentIndex(names.index(name))
        settle()
        if name == "history":  # a purchase selected: its details and documents below the table
            window.history_tab.view.selectRow(3)
            settle(200)
        window.grab().save(str(OUT / f"{prefix}{name}.png"))


def grab_update(window: MainWindow, name: str) -> None:
    """The notice above the tabs when the check at start found a newer version."""
    window.update_bar._found((None, Release("0.2.0", "Faster history search")), asked=False)
    window.tabs.setCurrentIndex(0)
    settle(200)
    window.grab().save(str(OUT / f"{name}.png"))
    window.update_bar.banner.hide()


def grab_requote(window: MainWindow, name: str) -> None:
    """The dialog for a purchase recorded last month and sent too late: both totals named."""
    summary = current_contract(organization())
    last_month = summary.today.replace(day=1) - timedelta(days=1)
    then, now = (quote(summary, 5, day).amount for day in (last_month, summary.today))
    requote = Requote("MA-7K3F-9Q2D", 5, then, now, summary.currency)
    window.sync_status.show_report(SyncReport(online=True, requoted=[requote]))
    settle(200)
    window.findChild(QMessageBox, "requoteDialog").grab().save(str(OUT / f"{name}.png"))


def grab_permission_page() -> None:
    """A viewer signed in to the demo service: the page lists whom to ask, from the service."""
    with tempfile.TemporaryDirectory() as folder:
        service = start_demo_service(f"sqlite:///{folder}/service.db")
        try:
            session = sign_in(service.url, "viewer@example.com", demo_data.PASSWORD)
            viewer = MainWindow(
                Application(acting_administrator("viewer@example.com"), "en_US", session)
            )
            viewer.show()
            settle(1500)
            viewer.grab().save(str(OUT / "permission-required.png"))
            viewer.close()
            wait_for_background_work()
        finally:
            service.stop()


def grab_from_the_service(locale: str, prefix: str) -> None:
    """What comes from the demo service: the Seats view with its reclaim policy and alerts,
    and (in English) an invoice."""
    with tempfile.TemporaryDirectory() as folder:
        service = start_demo_service(f"sqlite:///{folder}/service.db")
        try:
            session = sign_in(service.url, demo_data.ADMINISTRATORS[0][1], demo_data.PASSWORD)
            window = MainWindow(Application(acting_administrator(), locale, session))
            window.show()
            settle()
            dialog = window.show_seat_holders("disabled")
            settle(1500)
            dialog.grab().save(str(OUT / f"{prefix}seat-holders.png"))
            for name, show in (
                ("reclaim-policy", dialog.show_reclaim_policy),
                ("alerts", dialog.show_alerts),
            ):
                opened = show()
                settle(1500)  # the policy and its preview, the settings: read off the GUI thread
                opened.grab().save(str(OUT / f"{prefix}{name}.png"))
                opened.close()
            dialog.close()
            if not prefix:  # the vendor's invoice is in English only
                overdue = SeatPurchase.get(SeatPurchase.invoice_status == "open")  # due long ago
                org = organization()
                number, _ = invoice_document(
                    window.app.client(), org, overdue.transaction_id, Path(folder)
                )
                png(kept_invoice_path(Path(folder), org, number), "invoice")
            window.close()
            wait_for_background_work()
        finally:
            service.stop()


def grab_procurement(locale: str, prefix: str) -> None:
    """Buying above a spending limit and finance's part, with the demo service: Add Seats as
    Billing (limit $1,000.00) above it, the approver's Approvals with the demo's request, a
    finance user's window (no Add Seats, no Renew) and (in English) a formal quote."""
    with tempfile.TemporaryDirectory() as folder:
        service = start_demo_service(f"sqlite:///{folder}/service.db")
        try:
            for email, name in (
                ("billing@example.com", "add-seats-approval"),
                ("admin@example.com", "approvals"),
                ("finance@example.com", "finance-window"),
            ):
                session = sign_in(service.url, email, demo_data.PASSWORD)
                window = MainWindow(Application(acting_administrator(email), locale, session))
                window.show()
                settle()
                if name == "add-seats-approval":
                    window.show_add_seats(60)
                    settle(1200)  # the approvers' names are read off the GUI thread
                    window.grab().save(str(OUT / f"{prefix}{name}.png"))
                elif name == "approvals":
                    dialog = window.administration.show_approvals()
                    settle(1500)
                    dialog.grab().save(str(OUT / f"{prefix}{name}.png"))
                    if not prefix:  # the vendor's quote is in English only
                        quotes = Quotes(window.app.client())
                        given = quotes.request(25, purchase_order="PO-2027-0042")
                        pdf = Path(folder) / "quote.pdf"
                        pdf.write_bytes(quotes.pdf(given.number))
                        png(pdf, "quote")
                    dialog.close()
                else:
                    window.grab().save(str(OUT / f"{prefix}{name}.png"))
                window.close()
                wait_for_background_work()
        finally:
            service.stop()


def grab_billing_profile(window: MainWindow, name: str) -> None:
    dialog = window.show_billing_profile()
    settle(400)  # the profile is read off the GUI thread
    dialog.grab().save(str(OUT / f"{name}.png"))
    dialog.close()


def grab_first_start(prefix: str) -> None:
    """The welcome of a first start with nothing set up, and Settings with its proxy fields."""
    for name, dialog in (("welcome", ask_first_run()), ("settings", SettingsDialog())):
        dialog.show()
        settle(200)
        dialog.grab().save(str(OUT / f"{prefix}{name}.png"))
        dialog.close()


def open_window(locale: str, email: str | None = None) -> MainWindow:
    window = MainWindow(Application(acting_administrator(email), locale))
    window.show()
    settle()
    return window


def grab_renewal(locale: str, prefix: str) -> None:
    """A contract ending in 42 days, on a database of its own and the demo service: the Renew
    banner on the overview, and the renewal dialog. Last, as it opens another database."""
    close_ledger()
    with tempfile.TemporaryDirectory() as folder:
        open_ledger(f"sqlite:///{folder}/renewal.db")
        seed_demo(contract_ends_in=42)
        service = start_demo_service(f"sqlite:///{folder}/service.db", 42)
        try:
            email = demo_data.ADMINISTRATORS[0][1]
            session = sign_in(service.url, email, demo_data.PASSWORD)
            application = Application(acting_administrator(email), locale, session)
            SyncEngine(application.client()).run_once()  # the offer, as the sync keeps it
            window = MainWindow(application)
            window.show()
            settle(1200)
            window.grab().save(str(OUT / f"{prefix}renewal-banner.png"))
            dialog = window.show_renewal()
            dialog.seats.setValue(dialog.seats.value() + 5)
            dialog.purchase_order.setText("PO-2027-RENEW")
            dialog.instructions.setPlainText("Please invoice in January.")
            dialog.acknowledge.setChecked(True)
            settle(200)
            dialog.grab().save(str(OUT / f"{prefix}renewal.png"))
            dialog.close()
            window.close()
            wait_for_background_work()
        finally:
            service.stop()
            close_ledger()


def shoot(variant: str, app: QApplication) -> None:
    if variant == "light":
        window = open_window("en_US")
        grab_tabs(window, "", ("contract", "add-seats", "history"))
        grab_requote(window, "requote")
        grab_update(window, "update")
        grab_billing_profile(window, "billing-profile")
        window.close()
        grab_from_the_service("en_US", "")
        grab_procurement("en_US", "")
        grab_permission_page()
        save_receipt_image("order-confirmation", "en_US")
        save_receipt_image("receipt", "en_US", invoiced=True)
        dialog = SignInDialog("http://127.0.0.1:8080", "admin@example.com", "northwind-demo")
        dialog.show()
        settle(200)
        dialog.grab().save(str(OUT / "sign-in.png"))
        dialog.close()
        grab_renewal("en_US", "")
        grab_first_start("")
    elif variant == "dark":
        app.setPalette(dark_palette(app.palette()))
        window = open_window("en_US")
        grab_tabs(window, "dark-", ("contract", "add-seats", "history"))
        window.close()
    elif variant == "german":
        locale = install_translations(app, "de")
        window = open_window(locale)
        grab_tabs(window, "de-", ("contract", "add-seats", "history"))
        grab_requote(window, "de-requote")
        grab_update(window, "de-update")
        grab_billing_profile(window, "de-billing-profile")
        window.close()
        save_receipt_image("de-order-confirmation", locale)
        save_receipt_image("de-receipt", locale, invoiced=True)
        grab_from_the_service(locale, "de-")
        grab_procurement(locale, "de-")
        grab_renewal(locale, "de-")
        grab_first_start("de-")
    elif variant == "small":  # a 1024x640 panel: English light and dark, then German
        light = app.palette()
        for prefix, palette in (("small-", light), ("small-dark-", dark_palette(light))):
            app.setPalette(palette)
            window = open_window("en_US")
            grab_tabs(window, prefix, ("contract", "history"))
            window.close()
        app.setPalette(light)
        window = open_window(install_translations(app, "de"))
        grab_tabs(window, "small-de-", ("contract", "history"))
        window.close()
    else:  # scale200: the whole window at twice the size, as on a 200 % display
        window = open_window("en_US")
        grab_tabs(window, "scale200-", ("contract",))
        window.close()


def _screen(width: int, height: int) -> str:
    """An offscreen platform with a screen of this size (Qt's default is smaller than a laptop)."""
    config = Path(tempfile.mkdtemp()) / "screen.json"
    screen = {"name": "s", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config.write_text(json.dumps({"screens": [screen]}))
    return f"offscreen:configfile={config}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--variant", choices=VARIANTS)
    variant = parser.parse_args().variant
    if variant is None:
        for each in VARIANTS:
            env = dict(os.environ, QT_SCALE_FACTOR="2" if each == "scale200" else "1")
            subprocess.run([sys.executable, __file__, "--variant", each], env=env, check=True)
        print(f"saved to {OUT}")
        return 0
    scaled = os.environ.get("QT_SCALE_FACTOR") == "2"  # twice the pixels for 200 % scaling
    screen = (2732, 1536) if scaled else (1024, 640) if variant == "small" else (1366, 768)
    os.environ["QT_QPA_PLATFORM"] = _screen(*screen)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translations(app, "en")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        open_ledger(f"sqlite:///{folder}/demo.db")
        seed_demo()
        shoot(variant, app)
        wait_for_background_work()
        close_ledger()
    return 0


if __name__ == "__main__":
    sys.exit(main())
