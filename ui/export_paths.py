"""Where exports go: file and folder choosers that start in, and remember, the export folder."""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from desktop.config import export_folder, remember_export_folder
from ui.named import named


def ask_save_path(parent: QWidget, caption: str, file_name: str, file_filter: str) -> Path | None:
    """A file to write, suggested in the export folder; its folder becomes the export folder."""
    path, _ = QFileDialog.getSaveFileName(
        parent, caption, str(export_folder() / file_name), file_filter
    )
    if not path:
        return None
    remember_export_folder(Path(path).parent)
    return Path(path)


def ask_export_folder(parent: QWidget, caption: str, start: Path | None = None) -> Path | None:
    """A folder to write into, starting at `start` (default: the export folder)."""
    folder = QFileDialog.getExistingDirectory(parent, caption, str(start or export_folder()))
    return Path(folder) if folder else None


MAX_PATH_WIDTH = 760  # the dialog still fits a 1024-pixel screen


class FolderField(QWidget):
    """A folder path to type or paste, with Browse… beside it."""

    def __init__(self, folder: Path, caption: str, name: str) -> None:
        super().__init__()
        self._caption = caption
        self.edit = named(QLineEdit(str(folder)), name)
        self.edit.setAccessibleName(caption)
        self.edit.textChanged.connect(self._fit)
        self._fit(str(folder))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(browse)

    def folder(self) -> Path:
        return Path(self.edit.text().strip())

    def _fit(self, text: str) -> None:
        """Wide enough for the whole path (up to a limit), and the whole path as a tooltip."""
        wanted = self.edit.fontMetrics().horizontalAdvance(text) + 24
        self.edit.setMinimumWidth(max(240, min(MAX_PATH_WIDTH, wanted)))
        self.edit.setToolTip(text)
        if not self.edit.hasFocus():
            self.edit.setCursorPosition(0)  # the start of a long path, not its last letters

    def _browse(self) -> None:
        chosen = ask_export_folder(self, self._caption, self.folder())
        if chosen:
            self.edit.setText(str(chosen))
