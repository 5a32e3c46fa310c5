"""Uncaught exceptions are logged with their traceback and shown in a friendly dialog."""

import logging
import sys
import threading

import pytest
from PySide6.QtWidgets import QPushButton

from desktop.logs import configure_logging
from ui.crash_dialog import CrashReporter


@pytest.fixture
def reporter(tmp_path):
    log = configure_logging(folder=tmp_path)
    crashes = CrashReporter(tmp_path)
    crashes.install()
    yield crashes, log
    sys.excepthook, threading.excepthook = sys.__excepthook__, threading.__excepthook__
    if crashes.dialog is not None:
        crashes.dialog.close()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_shown(qtbot, reporter):
    crashes, log = reporter
    button = QPushButton("Break")
    qtbot.addWidget(button)

    def broken_slot() -> None:
        raise RuntimeError("the slot broke")

    button.clicked.connect(broken_slot)
    button.click()
    qtbot.waitUntil(lambda: crashes.dialog is not None and crashes.dialog.isVisible())
    assert crashes.dialog.objectName() == "crashDialog"
    assert "RuntimeError: the slot broke" in crashes.dialog.informativeText()
    assert crashes.dialog.findChild(QPushButton, "openLogFolderButton") is not None
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "broken_slot" in text and "the slot broke" in text


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_thread_is_logged_and_shown(qtbot, reporter):
    crashes, log = reporter

    def broken_work() -> None:
        raise ValueError("the worker broke")

    thread = threading.Thread(target=broken_work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: crashes.dialog is not None and crashes.dialog.isVisible())
    assert "ValueError: the worker broke" in crashes.dialog.informativeText()
    assert "broken_work" in log.read_text(encoding="utf-8")


def test_tokens_and_passwords_never_reach_the_log(tmp_path):
    log = configure_logging(folder=tmp_path)
    logging.getLogger("manage-account.test").warning(
        'Authorization: Bearer abc123secret, password=hunter2, {"token": "t0ken"}'
    )
    text = log.read_text(encoding="utf-8")
    assert "abc123secret" not in text and "hunter2" not in text and "t0ken" not in text
    assert "Bearer ***" in text
