"""The main window: wires the Contract, Add Seats and Transaction History tabs together."""

from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget

from desktop.account import organization_name


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"Manage Account — {organization_name()}")
        self.tabs = QTabWidget(objectName="mainTabs")
        for title in ("Contract", "Add Seats", "Transaction History"):
            self.tabs.addTab(QLabel(title), title)
        self.setCentralWidget(self.tabs)
        self.resize(960, 640)
