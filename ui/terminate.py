"""Close the window the normal way when the process is asked to stop (SIGTERM, Ctrl+C)."""

import contextlib
import signal
import socket
from collections.abc import Iterator

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QWidget

STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT") if hasattr(signal, name)
)


@contextlib.contextmanager
def close_on_stop_signals(window: QWidget) -> Iterator[None]:
    """While the event loop runs, a stop signal closes `window`: settings saved, exit code 0.

    Python runs signal handlers only between bytecodes, which never come while Qt waits for
    events; the signal's wake-up byte on a socket that Qt watches brings the loop round.
    """
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    previous_fd = signal.set_wakeup_fd(writer.fileno())
    previous = {number: signal.signal(number, lambda *_: None) for number in STOP_SIGNALS}
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, window)

    def stop() -> None:
        with contextlib.suppress(BlockingIOError):
            reader.recv(64)
        window.close()

    notifier.activated.connect(stop)
    try:
        yield
    finally:
        notifier.setEnabled(False)
        signal.set_wakeup_fd(previous_fd)
        for number, handler in previous.items():
            signal.signal(number, handler)
        reader.close()
        writer.close()
