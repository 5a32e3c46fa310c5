"""Service calls run on the thread pool; their results come back to the GUI thread as signals."""

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from desktop.background import with_own_connection

_running: set["Task[Any]"] = set()  # keeps each task alive until it has reported
logger = logging.getLogger(__name__)


class Task[T](QObject):
    """One background call returning a T. Connect to `succeeded`/`failed`; both arrive on the
    GUI thread (a Qt signal carries any object: the type is kept by `run_in_background`)."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, call: Callable[[], T]) -> None:
        super().__init__()
        self._call = call
        self.cancelled = False

    def start(self) -> "Task[T]":
        """Run the call; connect the receivers first, as they are served in connection order."""
        self.succeeded.connect(self._forget)
        self.failed.connect(self._forget)
        _running.add(self)
        QThreadPool.globalInstance().start(_Runner(self))
        return self

    def report_progress(self, done: int, total: int) -> bool:
        """For the call to report from its thread; False once the user has cancelled."""
        self.progressed.emit(done, total)
        return not self.cancelled

    @Slot()
    def _forget(self) -> None:
        # Released only once this emission is over, or the receivers after it would be lost.
        QTimer.singleShot(0, self._release)

    @Slot()
    def _release(self) -> None:
        """Deleted here, on the GUI thread. Its connections make it a reference cycle, and the
        garbage collector, which runs on whichever thread allocates at the time (often a
        worker's), would otherwise destroy this QObject there, which crashes Qt."""
        _running.discard(self)
        self.deleteLater()


class _Runner(QRunnable):
    def __init__(self, task: Task[Any]) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        try:
            result = with_own_connection(self._task._call)
        except Exception as error:  # logged here, reported to the GUI, which shows it
            logger.warning("background call %s failed", _name(self._task._call), exc_info=error)
            self._task.failed.emit(error)
        else:
            self._task.succeeded.emit(result)


def _name(call: Callable[[], object]) -> str:
    return getattr(call, "__qualname__", repr(call))


def run_in_background[T](
    call: Callable[[], T],
    on_success: Callable[[T], object],
    on_failure: Callable[[Exception], object],
) -> Task[T]:
    """`call` on the thread pool; `on_success` gets its result, or `on_failure` its exception,
    on the GUI thread."""
    task = Task(call)
    task.succeeded.connect(on_success)
    task.failed.connect(on_failure)
    return task.start()


class OneAtATime[T]:
    """A background read that runs once at a time: asked again while it runs, it runs once
    more when done, however often it was asked. Ten syncs in a row read the overview twice,
    and no two reads of a million purchases compete for the GIL with the window."""

    def __init__(
        self,
        call: Callable[[], T],
        on_success: Callable[[T], object],
        on_failure: Callable[[Exception], object],
    ) -> None:
        self._call, self._on_success, self._on_failure = call, on_success, on_failure
        self._running = self._again = False

    def run(self) -> None:
        if self._running:
            self._again = True
            return
        self._running = True
        run_in_background(self._call, self._succeeded, self._failed)

    def _succeeded(self, result: T) -> None:
        self._done()
        self._on_success(result)

    def _failed(self, error: Exception) -> None:
        self._done()
        self._on_failure(error)

    def _done(self) -> None:
        self._running = False
        if self._again:
            self._again = False
            self.run()


def wait_for_background_work() -> None:
    """Let running calls finish, e.g. before the database is closed at exit."""
    QThreadPool.globalInstance().waitForDone()
