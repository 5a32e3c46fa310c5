"""Group commit: writes that arrive together share one durable transaction.

One writer thread takes the writes queued meanwhile, runs them in one transaction, each in a
savepoint of its own (one that fails is undone alone), commits once, and only then answers each.
Eight clients ordering at once then cost one fsync, not eight, and no thread waits on another's
commit holding the write lock.
"""

import logging
import queue
import threading
from collections.abc import Callable

import peewee

from db.database import write_transaction

logger = logging.getLogger(__name__)
MAX_BATCH = 64


class _Write:
    """One queued write and, once its batch is committed, its result or its exception."""

    def __init__(self, write: Callable[[], object]) -> None:
        self.write = write
        self.result: object = None
        self.error: BaseException | None = None
        self.done = threading.Event()


class GroupCommit:
    """Runs writes to `proxy`'s database on one thread, a batch per transaction."""

    def __init__(self, proxy: peewee.DatabaseProxy, max_batch: int = MAX_BATCH) -> None:
        self._proxy, self._max_batch = proxy, max_batch
        self._queue: queue.SimpleQueue[_Write] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._starting = threading.Lock()
        self._connected_to: peewee.Database | None = None

    def run[T](self, write: Callable[[], T]) -> T:
        """`write()`'s result once the transaction it ran in is durable; or its exception (its
        savepoint undone, the batch's other writes kept), or the commit's if that failed."""
        queued = _Write(write)
        self._start()
        self._queue.put(queued)
        queued.done.wait()
        if queued.error is not None:
            raise queued.error
        return queued.result  # type: ignore[return-value]

    def _start(self) -> None:
        """The writer starts with the first write: a process that forks its workers first
        (service.server) has it in each worker."""
        with self._starting:
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="group-commit", daemon=True)
                self._thread.start()

    def _loop(self) -> None:
        while True:
            batch = [self._queue.get()]
            while len(batch) < self._max_batch:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            self._commit(batch)

    def _commit(self, batch: list[_Write]) -> None:
        try:
            self._connect()
            with write_transaction(self._proxy):
                for queued in batch:
                    try:
                        with self._proxy.savepoint():
                            queued.result = queued.write()
                    except Exception as error:  # that write's own fault: given to its caller
                        queued.error = error
        except Exception as error:  # BEGIN or COMMIT failed: none of the batch was kept
            logger.warning("a batch of %d writes failed: %s", len(batch), error)
            for queued in batch:
                queued.error = error
            if not self._proxy.is_closed():
                self._proxy.close()  # the next batch starts on a fresh connection
        finally:
            for queued in batch:
                queued.done.set()

    def _connect(self) -> None:
        """Keep one connection open between batches, to whichever database `proxy` is bound to
        now (a test may bind it to another meanwhile: the old one's connection is closed)."""
        current = self._proxy.obj
        previous = self._connected_to
        if previous is not None and previous is not current and not previous.is_closed():
            previous.close()
        self._connected_to = current
        self._proxy.connect(reuse_if_open=True)
