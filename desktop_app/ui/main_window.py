"""The main window. For now a calm list of the library; the app shell comes next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.durations import format_duration
from desktop_app.core.library import Library
from desktop_app.core.model import Practice


class MainWindow(QMainWindow):
    def __init__(self, library: Library) -> None:
        super().__init__()
        self.setWindowTitle("Attune")
        self.resize(720, 520)
        heading = QLabel(self.tr("Your practices"))
        heading.setAccessibleName(self.tr("Your practices"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        heading.setFont(font)
        self.practice_list = QListWidget()
        self.practice_list.setAccessibleName(self.tr("Practices"))
        self.practice_list.setAccessibleDescription(self.tr("Every practice in your library"))
        self.practice_list.setSpacing(4)
        for entry in sorted(library.practices.values(), key=lambda e: e.item.title.get()):
            practice = entry.item
            assert isinstance(practice, Practice)
            lengths = ", ".join(format_duration(x) for x in practice.lengths)
            detail = f"{practice.kind}" + (f" · {lengths}" if lengths else "")
            item = QListWidgetItem(f"{practice.title.get()}\n{detail}")
            item.setData(Qt.ItemDataRole.UserRole, practice.id)
            self.practice_list.addItem(item)
        status = QLabel(self._status(library))
        status.setAccessibleName(self.tr("Library status"))
        layout = QVBoxLayout()
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(16)
        layout.addWidget(heading)
        layout.addWidget(self.practice_list, 1)
        layout.addWidget(status)
        body = QWidget()
        body.setLayout(layout)
        self.setCentralWidget(body)

    def _status(self, library: Library) -> str:
        count = len(library.practices)
        text = (
            self.tr("1 practice")
            if count == 1
            else self.tr("%1 practices").replace("%1", str(count))
        )
        failed = len(library.failures)
        if failed:
            text += " · " + (
                self.tr("1 file could not be loaded")
                if failed == 1
                else self.tr("%1 files could not be loaded").replace("%1", str(failed))
            )
        return text
