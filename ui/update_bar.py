"""The update notice above the tabs: a newer version, its notes, the download's progress, and
Restart once it is verified and staged."""

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QProgressBar, QVBoxLayout, QWidget

from desktop import updates
from desktop.background import Cancelled
from ui.named import named
from ui.sync_status import Banner
from ui.tasks import Task, run_in_background

NOTES, DOWNLOAD, CANCEL, RESTART = "#notes", "#download", "#cancel", "#restart"


class UpdateBar(QWidget):
    """Checks in the background; says only what there is to do, unless the user asked."""

    restart_requested = Signal()

    def __init__(self, service_url: str | None) -> None:
        super().__init__()
        self.setObjectName("updateBar")
        self._service_url = service_url
        self._repository: updates.UpdateRepository | None = None
        self._release: updates.Release | None = None
        self._download: Task | None = None
        self.banner = Banner("updateBanner", "live")
        self.banner.linkActivated.connect(self._follow)
        self.progress = named(QProgressBar(), "updateProgress")
        self.progress.setTextVisible(True)
        self.progress.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.progress)

    def check(self, asked: bool = False) -> None:
        """Look for a newer version; `asked`: the user chose Check for Updates, so say what
        was found even if it is nothing, and why not if updates are off here."""
        if self._download is not None:
            return
        reason = updates.why_not_updating(updates.install_folder())
        if reason is not None:
            if asked:
                self._say(escape(reason))
            return
        if asked:
            self._say(escape(self.tr("Looking for a newer version…")))
        run_in_background(self._find, lambda found: self._found(found, asked), self._failed(asked))

    def _find(self) -> tuple[updates.UpdateRepository, updates.Release | None]:
        repository = updates.open_repository(self._service_url)
        return repository, repository.check()

    def _found(self, found: tuple, asked: bool) -> None:
        self._repository, self._release = found
        if self._release is None:
            if asked:
                self._say(escape(updates.newest_text()))
            return
        links = [(DOWNLOAD, self.tr("Download"))]
        if self._release.notes:
            links.insert(0, (NOTES, self.tr("What's new")))
        self._say(escape(updates.available_text(self._release)), links)

    def _failed(self, asked: bool) -> Callable[[Exception], None]:
        def failed(error: Exception) -> None:
            if asked or isinstance(error, updates.UpdateRefused):  # a refusal is always told
                self._say(escape(str(error)))

        return failed

    def _follow(self, link: str) -> None:
        if link == NOTES and self._release is not None:
            QMessageBox.information(
                self, updates.available_text(self._release), self._release.notes
            )
        elif link == DOWNLOAD:
            self._start_download()
        elif link == CANCEL and self._download is not None:
            self._download.cancelled = True
        elif link == RESTART:
            self.restart_requested.emit()

    def _start_download(self) -> None:
        repository, release = self._repository, self._release
        if repository is None or release is None:  # only offered once a release was found
            return
        downloading = self.tr("Downloading version {version}…").format(version=release.version)
        self._say(escape(downloading), [(CANCEL, self.tr("Cancel"))])
        self.progress.setRange(0, 0)
        self.progress.show()
        task = self._download = Task(lambda: repository.download(_reporting(task)))
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._staged)
        task.failed.connect(self._not_downloaded)
        task.start()

    def _progressed(self, done: int, total: int) -> None:
        scale = max(1, total // 1_000_000)  # QProgressBar counts in int: in MB past 2 GB
        self.progress.setRange(0, total // scale)
        self.progress.setValue(done // scale)

    def _staged(self, release: updates.Release) -> None:
        self._download = None
        self.progress.hide()
        ready = self.tr(
            "Version {version} is verified and ready: it is installed when Manage Account "
            "starts again."
        ).format(version=release.version)
        self._say(escape(ready), [(RESTART, self.tr("Restart now"))])

    def _not_downloaded(self, error: Exception) -> None:
        self._download = None
        self.progress.hide()
        if isinstance(error, Cancelled):
            self._found((self._repository, self._release), asked=False)
        else:
            self._say(escape(str(error)), [(DOWNLOAD, self.tr("Try again"))])

    def _say(self, html: str, links: Sequence[tuple[str, str]] = ()) -> None:
        actions = " &nbsp; ".join(f'<a href="{href}">{escape(text)}</a>' for href, text in links)
        self.banner.show_text(f"{html} &nbsp; {actions}" if actions else html)


def _reporting(task: Task) -> Callable[[int, int], None]:
    """The download's progress to the window; raises Cancelled once the user cancelled."""

    def report(done: int, total: int) -> None:
        if not task.report_progress(done, total):
            raise Cancelled

    return report
