"""Translations: the German catalog is complete and current, and a German user sees German."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMenuBar, QTabWidget

from desktop.demo import seed_demo
from desktop.i18n import TRANSLATIONS, install_translations, translate
from desktop.models import Contract, SeatPurchase
from desktop.receipts import receipt_pdf
from tests.app_process import private_environment
from tests.conftest import first_org
from tests.test_main_window import TIMEOUT, child, open_window
from ui.tasks import wait_for_background_work

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{\w+\}|%L?n")


def messages(catalog: Path) -> list[ET.Element]:
    return list(ET.parse(catalog).getroot().iter("message"))


def translations_of(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


@pytest.fixture
def german(qapp):
    yield install_translations(qapp, "de")
    install_translations(qapp, "en")


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_message_is_translated_with_its_placeholders(language):
    catalog = messages(TRANSLATIONS / f"manage_account_{language}.ts")
    assert len(catalog) >= (200 if language == "de" else 10)
    for message in catalog:
        source = message.find("source").text
        assert message.find("translation").get("type") is None, source
        for text in translations_of(message):
            assert text.strip(), source
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), text


def test_catalog_matches_the_source(tmp_path):
    """Every string wrapped in the code is in the shipped catalog, and nothing stale is."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate comes with PySide6-Essentials"
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [
            lupdate,
            "-extensions",
            "py",
            "billing",
            "desktop",
            "ui",
            "-locations",
            "none",
            "-ts",
            str(fresh),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )

    def sources(path: Path) -> set[str]:
        return {m.find("source").text for m in messages(path)}

    assert sources(fresh) == sources(TRANSLATIONS / "manage_account_de.ts")


def test_german_window_shows_german_labels_and_money(qtbot, sqlite_db, german):
    assert german == "de_DE"
    seed_demo()
    Contract.update(currency="EUR", monthly_price_per_seat=Decimal("1234.56")).execute()
    window = open_window(qtbot, locale=german)
    count = SeatPurchase.select().count()
    qtbot.waitUntil(lambda: window.count_label.text() == f"{count} Käufe", timeout=TIMEOUT)
    qtbot.waitUntil(
        lambda: child(window, QLabel, "pricePerSeatLabel").text() != "…", timeout=TIMEOUT
    )
    tabs = child(window, QTabWidget, "mainTabs")
    assert [tabs.tabText(i) for i in range(3)] == [
        "&Vertrag",
        "&Lizenzen hinzufügen",
        "&Transaktionsverlauf",
    ]
    menus = [action.text() for action in window.findChild(QMenuBar).actions()]
    assert menus[0] == "&Datei" and menus[-1] == "&Hilfe"
    price = child(window, QLabel, "pricePerSeatLabel").text()
    assert price == "1.234,56\xa0€ pro Lizenz und Monat"
    model = window.history_tab.model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Datum"
    wait_for_background_work()


def test_german_receipt(sqlite_db, german):
    seed_demo()
    purchase = SeatPurchase.select().order_by(SeatPurchase.id).first()
    text = (
        PdfReader(BytesIO(receipt_pdf(first_org(), purchase.transaction_id, german)))
        .pages[0]
        .extract_text()
    )
    assert purchase.invoice_status == "paid"  # the demo's oldest invoice was paid
    assert "Quittung" in text and "Bezahlt am" in text
    assert "Preis pro" in text and "Lizenz und" in text  # the column header, wrapped
    assert "Transaktions-ID" in text
    assert purchase.provisioning_status == "provisioned"
    assert "Bereitgestellt am" in text


def test_unshipped_language_falls_back_to_english(qapp):
    locale = install_translations(qapp, "fr")
    try:
        assert locale.startswith("fr")
        assert translate("MainWindow", "%Ln purchase(s)", None, 2) == "2 purchases"
    finally:
        install_translations(qapp, "en")


def test_english_plurals(qapp):
    assert translate("MainWindow", "%Ln purchase(s)", None, 1) == "1 purchase"
    assert translate("MainWindow", "%Ln purchase(s)", None, 1234) == "1,234 purchases"


def test_german_system_locale_is_followed_without_a_setting(tmp_path):
    """No language chosen in Settings: a German desktop gets German text and formats."""
    code = (
        "from PySide6.QtCore import QCoreApplication\n"
        "from desktop.i18n import install_translations, translate\n"
        "app = QCoreApplication([])\n"
        "print(install_translations(app, None), translate('MainWindow', '&Contract'))\n"
    )
    env = private_environment(tmp_path, locale="de_AT.UTF-8")
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.stdout.split() == ["de_AT", "&Vertrag"], done.stderr
