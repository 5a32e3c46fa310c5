"""Long work on the thread pool behind a progress dialog, so the window keeps responding."""

from collections.abc import Callable

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.background import Cancelled
from desktop.i18n import translate
from ui.tasks import Task, run_in_background

ProgressCallback = Callable[[int, int], bool]


def run_with_progress(
    parent: QWidget,
    label: str,
    call: Callable[[ProgressCallback], int],
    report: Callable[[str], None],
    done_message: Callable[[int], str],
    failed: str | None = None,
    cancelled: str | None = None,
    on_success: Callable[[int], None] | None = None,
) -> Task:
    """Run `call(progress)` in the background; `report` gets one line when it ends.

    The dialog appears only if the work lasts more than a moment; Cancel stops the work
    at its next progress report. `failed` ("…{error}") and `cancelled` ("…{reason}") word the
    other endings; an export's are the default. `on_success` gets the call's result; it is
    connected before the work starts, since a queued signal reaches only the receivers
    connected when it is sent.
    """
    failed = failed or translate("Progress", "Export failed: {error}")
    cancelled = cancelled or translate("Progress", "Export cancelled. {reason}")
    progress = QProgressDialog(label, translate("Progress", "Cancel"), 0, 0, parent)
    progress.setObjectName("exportProgressDialog")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    task = Task(lambda: call(task.report_progress))

    def finish(message: str) -> None:
        progress.reset()
        report(message)

    def ended(error: Exception) -> None:
        if isinstance(error, Cancelled):
            finish(cancelled.format(reason=error).strip())
        else:
            finish(failed.format(error=error))

    task.progressed.connect(
        lambda done, total: (progress.setMaximum(total), progress.setValue(done))
    )
    progress.canceled.connect(lambda: setattr(task, "cancelled", True))
    task.succeeded.connect(lambda count: finish(done_message(count)))
    if on_success is not None:
        task.succeeded.connect(on_success)
    task.failed.connect(ended)
    return task.start()


def wait_with_progress[T](label: str, call: Callable[[], T]) -> T:
    """Run `call` on the thread pool and wait for it with the event loop running (a busy
    dialog after a moment); returns its result or raises its error."""
    progress = QProgressDialog(label, "", 0, 0)
    progress.setCancelButton(None)
    progress.setMinimumDuration(300)
    loop = QEventLoop()
    results: list[T] = []
    errors: list[Exception] = []

    def succeeded(result: T) -> None:
        results.append(result)
        loop.quit()

    def failed(error: Exception) -> None:
        errors.append(error)
        loop.quit()

    run_in_background(call, succeeded, failed)
    loop.exec()
    progress.reset()
    if errors:
        raise errors[0]
    return results[0]
