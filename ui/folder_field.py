"""A folder path to type or paste, with Browse… beside it."""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget


class FolderField(QWidget):
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
        chosen = QFileDialog.getExistingDirectory(self, self._caption, self.edit.text())
        if chosen:
            self.edit.setText(chosen)
