"""Export from the Journal: the person sees what will leave the journal and unticks
whole entries or single answers before anything is saved. They choose what their
therapist sees. The file is made (PDF pages too) and written off the GUI thread;
meanwhile the dialog says it is saving and its buttons wait."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.storage.journal import SessionEntry
from desktop_app.storage.journal_export import (
    Selection,
    to_csv,
    to_document,
    to_json,
    to_markdown,
)
from desktop_app.ui.export_protection import ExportProtection
from desktop_app.ui.pdf import render_pdf
from desktop_app.ui.saving_dialog import SavingDialog
from desktop_app.ui.theme import SPACE

logger = logging.getLogger(__name__)

FORMATS: Final = (
    ("md", "Markdown (.md)"),
    ("pdf", "PDF (.pdf)"),
    ("csv", "CSV (.csv)"),
    ("json", "JSON, everything (.json)"),
)
ENTRY_ROLE: Final = Qt.ItemDataRole.UserRole
ANSWER_ROLE: Final = Qt.ItemDataRole.UserRole + 1


class ExportDialog(SavingDialog):
    """`locked`: the journal is locked, so the dialog warns that the file will not be
    encrypted and offers a passphrase-protected archive instead."""

    def __init__(
        self, entries: list[SessionEntry], parent: QWidget | None = None, *, locked: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export from your journal"))
        self.setAccessibleName(self.tr("Export from your journal"))
        self.entries = entries
        self.selection = Selection.everything(entries)

        intro = QLabel(
            self.tr("Untick what you would rather keep to yourself. Only what is ticked is saved.")
        )
        intro.setWordWrap(True)
        intro.setAccessibleName(intro.text())
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Entries and answers to export"))
        self.tree.setAccessibleDescription(self.tr("Untick an entry or an answer to leave it out"))
        for entry in entries:
            self._add_entry(entry)
        self.tree.itemChanged.connect(self._ticked)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.setAccessibleDescription(self.tr("What will be saved, as Markdown"))

        self.format = QComboBox()
        for key, label in FORMATS:
            self.format.addItem(self.tr(label), key)
        self.format.setAccessibleName(self.tr("Format"))
        self.format.setAccessibleDescription(self.tr("The kind of file to save"))
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.setProperty("role", "primary")
        self.save_button.setAccessibleName(self.tr("Save"))
        self.save_button.setAccessibleDescription(self.tr("Choose where to save the file"))
        self.save_button.clicked.connect(self.choose_file)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.setAccessibleDescription(self.tr("Close without saving"))
        self.cancel_button.clicked.connect(self.reject)
        self.status = QLabel()
        self.status.setProperty("role", "muted")
        self.status.setAccessibleName(self.tr("Status"))

        panes = QHBoxLayout()
        panes.addWidget(self.tree, 1)
        panes.addWidget(self.preview, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.format)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE["l"], SPACE["l"], SPACE["l"], SPACE["l"])
        layout.setSpacing(SPACE["m"])
        layout.addWidget(intro)
        layout.addLayout(panes, 1)
        self.protection = ExportProtection() if locked else None
        if self.protection is not None:
            layout.addWidget(self.protection)
        layout.addLayout(buttons)
        self.resize(960, 640)
        self.start_saver("Saving a journal export failed", logger)
        self._refresh_preview()

    def _add_entry(self, entry: SessionEntry) -> None:
        when = entry.started_at.astimezone().strftime("%d %b %Y %H:%M")
        item = QTreeWidgetItem([f"{when} · {entry.practice_title}"])
        item.setData(0, ENTRY_ROLE, entry.id)
        item.setCheckState(0, Qt.CheckState.Checked)
        for position, answer in enumerate(entry.answers):
            child = QTreeWidgetItem([f"{answer.prompt} — {answer.display}"])
            child.setData(0, ENTRY_ROLE, entry.id)
            child.setData(0, ANSWER_ROLE, position)
            child.setCheckState(0, Qt.CheckState.Checked)
            item.addChild(child)
        self.tree.addTopLevelItem(item)
        item.setExpanded(True)

    def _ticked(self, item: QTreeWidgetItem, column: int) -> None:
        del column
        entry_id = int(item.data(0, ENTRY_ROLE))
        on = item.checkState(0) == Qt.CheckState.Checked
        position = item.data(0, ANSWER_ROLE)
        if position is None:
            self.selection = (
                self.selection.with_entry(entry_id)
                if on
                else self.selection.without_entry(entry_id)
            )
        else:
            self.selection = (
                self.selection.with_answer(entry_id, int(position))
                if on
                else self.selection.without_answer(entry_id, int(position))
            )
        self._refresh_preview()

    def _refresh_preview(self) -> None:
        self.preview.setPlainText(to_markdown(self.entries, self.selection))
        count = len(self.selection.chosen(self.entries))
        self.say(
            self.tr("%1 of %2 entries")
            .replace("%1", str(count))
            .replace("%2", str(len(self.entries)))
        )

    def choose_file(self) -> None:
        key = self.format.currentData()
        suggested = f"attune-journal.{key}"
        if self.protection is not None:
            if problem := self.protection.problem():
                self.say(problem)
                return
            suggested = self.protection.suggested_name(suggested)
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the export"), str(Path.home() / suggested)
        )
        if name:
            self.save(Path(name))

    def save(self, path: Path) -> None:
        """Write the ticked entries and answers to `path` in the chosen format, off the
        GUI thread. The dialog closes once the file is saved, and says why if not."""
        key = self.format.currentData()
        entries, selection = tuple(self.entries), self.selection

        def make() -> bytes:
            return _export_bytes(key, entries, selection)

        if self.protection is not None:  # the archive holds the file under its own name
            make = self.protection.wrap(f"{path.stem}.{key}", make)
        self.save_bytes(path, make)


def _export_bytes(key: str, entries: Sequence[SessionEntry], selection: Selection) -> bytes:
    """The file's bytes in the format `key` (see FORMATS); runs on the worker thread."""
    if key == "pdf":
        return render_pdf(to_document(entries, selection))
    writer = {"md": to_markdown, "csv": to_csv, "json": to_json}[key]
    return writer(entries, selection).encode("utf-8")
