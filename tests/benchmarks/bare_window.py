"""The floor for cold start: a bare PySide6 window that notes when it is shown, as the app does.

python tests/benchmarks/bare_window.py LOG_FILE MARKER   (imports nothing but Qt)
"""

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def main() -> int:
    log, marker = Path(sys.argv[1]), sys.argv[2]
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("bare"))
    window.resize(1240, 700)
    window.show()
    log.parent.mkdir(parents=True, exist_ok=True)
    QTimer.singleShot(0, lambda: log.write_text(f"{marker}\n", encoding="utf-8"))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
