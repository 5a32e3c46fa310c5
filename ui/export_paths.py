"""Where exports go: file and folder choosers that start in, and remember, the export folder."""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from desktop.config import export_folder, remember_export_folder


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


class FolderField(QWidget):
    """A folder path to type or paste, with Browse… beside it."""

    def __init__(self, folder: Path, caption: str, name: str) -> None:
        super().__init__()
        self._caption = caption
        self.edit = QLineEdit(str(folder), objectName=name)
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(browse)

    def folder(self) -> Path:
        return Path(self.edit.text().strip())

    def _browse(self) -> None:
        chosen = ask_export_folder(self, self._caption, self.folder())
        if chosen:
            self.edit.setText(str(chosen))
