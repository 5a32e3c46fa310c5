"""Loading the document viewer and the PDF library while the window is idle, a module at a time.

The window starts without them (about 100 ms of imports). Imported on a worker when a purchase
is first selected, they held Python's GIL in chunks long enough to stall the window for 70-95 ms;
imported here on the GUI thread, leaves first, one module per event-loop turn, no turn takes
more than about 15 ms, and the first receipt or print finds them loaded.
"""

import importlib
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from functools import partial

from PySide6.QtCore import QObject, QTimer

from desktop import formatting
from ui.tasks import run_in_background

START_AFTER_MS = 2000  # once the overview and the history's first reads are done
EVERY_MS = 20  # between two modules: input and paints go first
# In the order that makes each import load little but itself (python -X importtime).
MODULES = (
    "PySide6.QtPrintSupport",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PIL.ExifTags",
    "PIL.Image",
    "reportlab.lib.rl_accel",
    "reportlab.lib.rl_safe_eval",
    "reportlab.lib.utils",
    "reportlab.lib.colors",
    "reportlab.rl_config",
    "reportlab.pdfbase._fontdata",
    "reportlab.pdfbase.pdfmetrics",
    "reportlab.pdfbase.pdfdoc",
    "reportlab.pdfgen.canvas",
    "reportlab.pdfbase.ttfonts",
    "desktop.receipt_pdf",
    "ui.receipt_dialog",
)


class Preloader(QObject):
    """Imports MODULES one per timer tick, START_AFTER_MS after it is made (by the main
    window, which owns it), then makes and drops a QPdfDocument (pdfium sets up its library
    the first time), then stops."""

    def __init__(self, parent: QObject, modules: tuple[str, ...] = MODULES) -> None:
        super().__init__(parent)
        load = [partial(importlib.import_module, name) for name in modules]
        self._steps: list[Callable[[], object]] = [*load, _start_pdfium]
        self._timer = QTimer(self, interval=EVERY_MS)
        self._timer.timeout.connect(self._next)
        QTimer.singleShot(START_AFTER_MS, self, self._timer.start)

    @property
    def done(self) -> bool:
        return not self._steps

    def _next(self) -> None:
        if self._steps:
            self._steps.pop(0)()
        if not self._steps:
            self._timer.stop()


def _start_pdfium() -> None:
    from PySide6.QtPdf import QPdfDocument

    QPdfDocument()


def load_locale_data(locale: str) -> None:
    """Babel reads a locale's data from disk when it first formats (20-30 ms, holding the GIL):
    on a worker as the window opens, so the first figures shown are not held up by it."""

    def formatted() -> None:
        formatting.money(Decimal(1), "EUR", locale)
        formatting.moment(datetime.now(UTC), "UTC", locale)

    run_in_background(formatted, lambda _: None, lambda _: None)  # a failure is logged
