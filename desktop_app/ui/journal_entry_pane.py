"""The Journal's entry pane: one entry, what was practised and every answer. Written
answers can be changed and saved (Ctrl+S); the rest are shown as they were given."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop_app.storage.journal import SessionEntry
from desktop_app.ui.browser import DetailsPane, tab_chain
from desktop_app.ui.journal_text import answer_key, highlight_html, unmarked
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import GrowingTextEdit, make_label, set_names


class _Editor(GrowingTextEdit):
    """A written answer being edited; Escape goes back to the list."""

    escape = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.escape.emit()
            return
        super().keyPressEvent(event)


class EntryPane(DetailsPane):
    """One entry: what was practised, and every answer. Written answers are editors;
    the rest are shown as given."""

    save_requested = Signal()
    delete_requested = Signal()
    leave = Signal()
    dirty_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry: SessionEntry | None = None
        self.editors: dict[str, QPlainTextEdit] = {}
        self._saved: dict[str, str] = {}
        self._dirty = False
        set_names(
            self.area,
            self.tr("Journal entry"),
            self.tr("The chosen entry and every answer; use the arrow keys to scroll"),
        )
        self.found_label = make_label("", rich=True)
        self.found_label.hide()
        self.answers_box = QVBoxLayout()
        self.answers_box.setContentsMargins(0, 0, 0, 0)
        self.answers_box.setSpacing(SPACE["m"])
        self.body.addWidget(self.found_label)
        self.body.addLayout(self.answers_box)

        self.save_button = QPushButton(self.tr("Save changes"))
        self.save_button.setProperty("role", "primary")
        self.save_button.setAccessibleName(self.tr("Save changes"))
        self.save_button.setAccessibleDescription(
            self.tr("Keep what you changed in this entry (Ctrl+S)")
        )
        # Shown only with something to save (the theme draws a disabled button as an
        # enabled one); its room is kept, so nothing moves when it appears.
        self.save_button.setEnabled(False)
        self.save_button.setVisible(False)
        policy = self.save_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.save_button.setSizePolicy(policy)
        self.save_button.clicked.connect(self.save_requested)
        self.status_label = make_label("", "muted", wrap=False)
        self.delete_button = QPushButton(self.tr("Delete entry"))
        self.delete_button.setProperty("role", "quiet")
        self.delete_button.setAccessibleName(self.tr("Delete entry"))
        self.delete_button.setAccessibleDescription(
            self.tr("Remove this entry from your journal; you can undo it for a few seconds")
        )
        self.delete_button.clicked.connect(self.delete_requested)
        self.footer.setSpacing(SPACE["m"])
        self.footer.addWidget(self.save_button)
        self.footer.addWidget(self.status_label)
        self.footer.addStretch()
        self.footer.addWidget(self.delete_button)

        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self._save_if_dirty)

    # --- public ----------------------------------------------------------------------------

    def show_entry(
        self,
        entry: SessionEntry,
        meta: str,
        *,
        unsaved: dict[str, str] | None = None,
        snippets: Sequence[str] = (),
    ) -> None:
        same = self.entry is not None and self.entry.uid == entry.uid
        self.entry = entry
        self.title_label.setText(entry.practice_title)
        self.title_label.setAccessibleName(entry.practice_title)
        self.meta_label.setText(meta)
        self.meta_label.setAccessibleName(meta)
        if snippets:
            found = self.tr("Found: %1").replace(
                "%1", " · ".join(highlight_html(s) for s in snippets)
            )
            self.found_label.setText(found)
            self.found_label.setAccessibleName(
                self.tr("Found: %1").replace("%1", " · ".join(unmarked(s) for s in snippets))
            )
        self.found_label.setVisible(bool(snippets))
        self._build_answers(entry)
        for key, text in (unsaved or {}).items():
            if key in self.editors:
                self.editors[key].setPlainText(text)
        self._update_dirty()
        self.status_label.setText(self.tr("Not saved yet") if self._dirty else "")
        if not same:
            self.area.verticalScrollBar().setValue(0)

    def texts(self) -> dict[str, str]:
        return {key: editor.toPlainText() for key, editor in self.editors.items()}

    def unsaved(self) -> dict[str, str]:
        """The editors whose text differs from what is saved."""
        return {key: text for key, text in self.texts().items() if text != self._saved.get(key, "")}

    def is_dirty(self) -> bool:
        return self._dirty

    def mark_saved(self, entry: SessionEntry) -> None:
        """`entry` (as now saved) is what the editors show."""
        self.entry = entry
        self._saved = self.texts()
        self._update_dirty()
        self.status_label.setText(self.tr("Saved"))

    def focus_first(self) -> None:
        target: QWidget = next(iter(self.editors.values()), self.area)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- inside ----------------------------------------------------------------------------

    def _section_title(self, when: str) -> str:
        return {
            "before": self.tr("Before you began"),
            "during": self.tr("During the practice"),
            "after": self.tr("Afterwards"),
        }.get(when, when)

    def _build_answers(self, entry: SessionEntry) -> None:
        while self.answers_box.count():
            item = self.answers_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.editors = {}
        self._saved = {}
        if not entry.answers:
            self.answers_box.addWidget(
                make_label(self.tr("No questions were answered in this practice."), "muted")
            )
            return
        chain: list[QWidget] = [self.area]
        for when in ("before", "during", "after"):
            answers = [a for a in entry.answers if a.when == when]
            if not answers:
                continue
            section = QWidget()
            box = QVBoxLayout(section)
            box.setContentsMargins(0, SPACE["xs"], 0, 0)
            box.setSpacing(SPACE["s"])
            title = make_label(self._section_title(when), "subheading")
            title.setAccessibleName(title.text())
            box.addWidget(title)
            for answer in answers:
                prompt = make_label(answer.prompt, "muted")
                prompt.setAccessibleName(answer.prompt)
                box.addWidget(prompt)
                if answer.kind == "text":
                    key = answer_key(answer)
                    editor = _Editor()
                    editor.setPlainText(str(answer.value))
                    editor.setAccessibleName(
                        self.tr("%1 (your answer)").replace("%1", answer.prompt)
                    )
                    editor.setAccessibleDescription(
                        self.tr("Change what you wrote, then save with Ctrl+S")
                    )
                    editor.textChanged.connect(self._update_dirty)
                    editor.escape.connect(self.leave)
                    prompt.setBuddy(editor)
                    self.editors[key] = editor
                    self._saved[key] = editor.toPlainText()
                    box.addWidget(editor)
                    chain.append(editor)
                    box.addSpacing(SPACE["xs"])
                else:
                    value = make_label(answer.display)
                    value.setAccessibleName(f"{answer.prompt}: {answer.display}")
                    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                    box.addWidget(value)
                    box.addSpacing(SPACE["xs"])
            self.answers_box.addWidget(section)
        tab_chain([*chain, self.save_button, self.delete_button])

    def _update_dirty(self) -> None:
        dirty = bool(self.unsaved())
        self.save_button.setEnabled(dirty)
        self.save_button.setVisible(dirty)
        if dirty and not self._dirty:
            self.status_label.setText(self.tr("Not saved yet"))
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _save_if_dirty(self) -> None:
        if self._dirty:
            self.save_requested.emit()
