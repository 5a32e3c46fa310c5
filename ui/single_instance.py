"""One instance per user and database: a second launch hands its arguments to the first, which
comes to the front, and exits."""

import getpass
import hashlib
import json

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication

TIMEOUT_MS = 1000


def instance_name(database_url: str) -> str:
    """A local socket name for this user and database (it names no path or secret)."""
    key = f"{getpass.getuser()}\n{database_url}".encode()
    return f"manage-account-{hashlib.sha256(key).hexdigest()[:24]}"


class SingleInstance(QObject):
    """Listens for later launches once `claim` found no earlier one."""

    activated = Signal(list)  # the arguments a later launch was started with

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self._server: QLocalServer | None = None

    def hand_over(self, arguments: list[str]) -> bool:
        """True when an earlier instance took `arguments` (this one should exit)."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(TIMEOUT_MS):
            return False
        socket.write(json.dumps(arguments).encode() + b"\n")
        socket.waitForBytesWritten(TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def claim(self) -> None:
        """Become the instance later launches find (a socket a crash left behind is removed)."""
        QLocalServer.removeServer(self.name)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._server.listen(self.name)

    def release(self) -> None:
        """Stop answering later launches (the window is closed)."""
        if self._server is not None:
            self._server.close()
            self._server = None

    def _accept(self) -> None:
        if self._server is None:  # closed meanwhile
            return
        socket = self._server.nextPendingConnection()
        socket.readyRead.connect(lambda: self._read(socket))

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        try:
            arguments = json.loads(bytes(socket.readLine().data()).decode())
        except ValueError:
            arguments = []
        socket.deleteLater()
        self.activated.emit(arguments if isinstance(arguments, list) else [])


def bring_to_front() -> None:
    """Show the app's window (or its dialog) above the others."""
    for window in QApplication.topLevelWidgets():
        if window.isVisible() and window.isWindow():
            if window.isMinimized():
                window.showNormal()
            window.raise_()
            window.activateWindow()
