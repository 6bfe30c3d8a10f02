"""The Library's list of problems: every file that could not be loaded, and the notes
about practices that share an id."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.library import Library
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import make_label


class ProblemsDialog(QDialog):
    """Every problem of every file that could not be loaded, as `file:line:col: …`,
    and, separately, the notes about clashing ids. The text can be selected and copied."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Problems in practice files"))
        self.setAccessibleName(self.tr("Problems in practice files"))
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE["l"], SPACE["l"], SPACE["l"], SPACE["l"])
        layout.setSpacing(SPACE["s"])

        self.failures_text: QPlainTextEdit | None = None
        self.warnings_text: QPlainTextEdit | None = None
        if library.failures:
            count = len(library.failures)
            layout.addWidget(
                make_label(self.tr("%n files could not be loaded", "", count), "subheading")
            )
            layout.addWidget(
                make_label(
                    self.tr("Fix these lines and save; the library updates by itself."),
                    "muted",
                )
            )
            blocks = ["\n".join(str(p) for p in failure.problems) for failure in library.failures]
            self.failures_text = self._text(
                "\n\n".join(blocks),
                self.tr("Problems"),
                self.tr("Each problem as file:line:column: what is wrong"),
            )
            layout.addWidget(self.failures_text, 3)
        if library.warnings:
            if library.failures:
                layout.addSpacing(SPACE["s"])
            layout.addWidget(make_label(self.tr("Notes"), "subheading"))
            layout.addWidget(
                make_label(
                    self.tr("Practices that share an id: only one of them is used."), "muted"
                )
            )
            self.warnings_text = self._text(
                "\n".join(str(w) for w in library.warnings),
                self.tr("Notes"),
                self.tr("Practices that share an id, as file:line:column: note"),
            )
            layout.addWidget(self.warnings_text, 1)

        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setAccessibleDescription(self.tr("Close this list of problems"))
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.close_button)
        layout.addSpacing(SPACE["s"])
        layout.addLayout(row)

    def _text(self, text: str, name: str, description: str) -> QPlainTextEdit:
        box = QPlainTextEdit(text)
        box.setReadOnly(True)
        box.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        box.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        box.setAccessibleName(name)
        box.setAccessibleDescription(description)
        return box
