"""The practice editor: YAML on the left, checked as you type; the problems and an
outline of the steps (with when each begins, at every length) on the right.

The text is the file: saving writes exactly what is in the editor, so comments and
layout survive. Typing is kept in a private draft a second after each pause, so a
crash or power cut loses at most that second; the draft comes back when the editor
opens next.

Its parts: the check of the text (`editor_check`), the files read and written
(`editor_files`), the draft (`editor_draft`) and rendering audio (`editor_render`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Final

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.authoring import Check
from desktop_app.core.library import Library
from desktop_app.storage.paths import AppPaths, builtin_dir
from desktop_app.ui.code_editor import CodeEditor
from desktop_app.ui.editor_check import check_text, practice_id_of
from desktop_app.ui.editor_draft import Draft, DraftFile
from desktop_app.ui.editor_files import bring_media, is_inside, read_text, write_text
from desktop_app.ui.editor_panes import OutlinePane, ProblemsPane
from desktop_app.ui.editor_render import PracticeRenderer, ask_render_file
from desktop_app.ui.i18n import current_language
from desktop_app.ui.shared_words import kind_names
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import action_button, make_label
from desktop_app.ui.yaml_highlighter import YamlHighlighter

#: Typing pauses this long before the text is checked again.
CHECK_DELAY_MS: Final = 250
#: ... and this long before it is kept in the draft.
DRAFT_DELAY_MS: Final = 1000


def template_path(kind: str, language: str = "en") -> Path:
    """The template for a kind, written in `language` (its comments too) when there
    is one, else in English."""
    folder = builtin_dir("templates")
    translated = folder / language / f"{kind}.yaml"
    return translated if translated.is_file() else folder / f"{kind}.yaml"


class PracticeEditor(QWidget):
    """A window of its own, so the Library and the player stay where they are."""

    preview_requested = Signal(object)  # Practice
    saved = Signal(object)  # Path

    def __init__(
        self, paths: AppPaths, library: Library | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.paths = paths
        self.library = library
        self.path: Path | None = None  # the file the text was opened from or saved to
        #: For a copy of another's practice: the folder its clips and images are in.
        self.media_from: Path | None = None
        self.check = Check(None, ())
        self.draft = DraftFile(paths)
        self.setWindowTitle(self.tr("Write a practice · Attune"))
        self.setAccessibleName(self.tr("Practice editor"))
        self.resize(1180, 760)

        self.heading = make_label("", "heading", wrap=False)
        self.heading.setAccessibleName(self.tr("File"))
        self.editor = CodeEditor()
        self.editor.setAccessibleName(self.tr("Practice text (YAML)"))
        self.editor.setAccessibleDescription(
            self.tr("Problems are underlined; hover for the message. Tab moves on.")
        )
        self.highlighter = YamlHighlighter(self.editor.document())
        self.problems = ProblemsPane()
        self.outline = OutlinePane()
        self.status = make_label("", "muted")
        self.status.setAccessibleName(self.tr("Status"))
        for pane in (self.problems, self.outline):
            pane.jump.connect(self.editor.go_to)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE["m"], SPACE["m"], SPACE["m"], SPACE["m"])
        layout.setSpacing(SPACE["s"])
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        for button in self._buttons():
            top.addWidget(button)
        layout.addLayout(top)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self.editor)
        side = QSplitter(Qt.Orientation.Vertical)
        side.setChildrenCollapsible(False)
        side.addWidget(self.problems)
        side.addWidget(self.outline)
        side.setSizes([160, 500])
        split.addWidget(side)
        split.setSizes([640, 500])
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

        self.check_timer = self._timer(CHECK_DELAY_MS, self.check_now)
        self.draft_timer = self._timer(DRAFT_DELAY_MS, self.keep_draft)
        self.editor.textChanged.connect(self.check_timer.start)
        self.editor.textChanged.connect(self.draft_timer.start)
        self.editor.cursorPositionChanged.connect(self._show_position)
        self.editor.document().modificationChanged.connect(lambda _: self._show_heading())
        self.renderer = PracticeRenderer(paths, self)
        self.renderer.said.connect(self.say)
        self.renderer.finished.connect(
            lambda: self.render_button.setEnabled(self.check.practice is not None)
        )
        if not self._restore_draft():
            self.new_from_template("breathing")

    # --- building ------------------------------------------------------------------------

    def _buttons(self) -> list[QPushButton]:
        self.new_button = action_button(
            self.tr("New"), self.tr("Start from a template, one for each kind (Ctrl+N)")
        )
        menu = QMenu(self.new_button)
        menu.setAccessibleName(self.tr("Templates"))
        for kind, name in kind_names().items():
            action = menu.addAction(name)
            action.triggered.connect(
                lambda _=False, k=kind: self.ask_then(self.new_from_template, k)
            )
        self.new_button.setMenu(menu)
        self.open_button = action_button(
            self.tr("Open…"), self.tr("Open a practice file (Ctrl+O)"), self.choose_file
        )
        self.save_button = action_button(
            self.tr("Save"), self.tr("Save to your practices (Ctrl+S)"), self.save, role="primary"
        )
        self.preview_button = action_button(
            self.tr("Preview"), self.tr("Play it in the player (F5)"), self.preview
        )
        self.render_button = action_button(
            self.tr("Render audio…"),
            self.tr("Save what a person would hear as a sound file"),
            self.choose_render_file,
        )
        for keys, act in (
            ("Ctrl+N", self.new_button.showMenu),
            ("Ctrl+O", self.choose_file),
            ("Ctrl+S", self.save),
            ("F5", self.preview),
            ("F8", self.next_problem),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(act)
        return [
            self.new_button,
            self.open_button,
            self.save_button,
            self.preview_button,
            self.render_button,
        ]

    def _timer(self, delay: int, act: Callable[[], object]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(delay)
        timer.timeout.connect(act)
        return timer

    # --- the text ------------------------------------------------------------------------

    def set_text(self, text: str, path: Path | None, *, media_from: Path | None = None) -> None:
        self.path = path
        self.media_from = media_from
        self.say("")
        self.editor.setPlainText(text)
        self.editor.document().setModified(False)
        self.check_now()
        self._show_heading()

    def text(self) -> str:
        return self.editor.toPlainText()

    def new_from_template(self, kind: str) -> None:
        # Not marked as changed: closing an untouched template loses nothing.
        self.set_text(template_path(kind, current_language()).read_text(encoding="utf-8"), None)
        self.say(
            self.tr(
                "A new practice from the template for %1. Give it its own id and title; "
                "the comments in it say how."
            ).replace("%1", kind_names().get(kind, kind))
        )

    def open_file(self, path: Path) -> bool:
        """One's own practice is edited in place; any other file opens as a copy,
        saved among one's own practices (the original is never written)."""
        if not is_inside(path, self.paths.practices):
            return self.open_copy(path)
        text = self._read(path)
        if text is None:
            return False
        self.set_text(text, path)
        self.say(self.tr("Opened %1.").replace("%1", str(path)))
        return True

    def open_copy(self, path: Path, media_from: Path | None = None) -> bool:
        """Another's practice (built in, from a pack, or any file) to adapt; its clips
        and images are found in `media_from` (default: its folder) and copied along
        when it is saved."""
        text = self._read(path)
        if text is None:
            return False
        self.set_text(text, None, media_from=media_from or path.parent)
        self.editor.document().setModified(True)
        self.say(
            self.tr(
                "A copy of %1. Saved, it goes to your practices and is shown in place of "
                "the original; give it a new id to keep both."
            ).replace("%1", path.name)
        )
        return True

    def _read(self, path: Path) -> str | None:
        try:
            return read_text(path)
        except OSError as error:
            self.say(
                self.tr("%1 could not be opened (%2).")
                .replace("%1", str(path))
                .replace("%2", error.strerror or str(error))
            )
        except UnicodeDecodeError:
            self.say(
                self.tr(
                    "%1 is not UTF-8 text. Open it in a text editor, save it as UTF-8, "
                    "and open it here again."
                ).replace("%1", path.name)
            )
        return None

    def choose_file(self) -> None:
        folder = self.path.parent if self.path is not None else self.paths.practices
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a practice"), str(folder), self.tr("Practices (*.yaml *.yml)")
        )
        if name:
            self.ask_then(self.open_file, Path(name))

    def ask_then(self, act: Callable[..., object], *args: object) -> None:
        """Do `act` once unsaved changes are saved or let go (or not at all)."""
        if self.let_go_of_changes():
            act(*args)

    def let_go_of_changes(self) -> bool:
        if not self.editor.document().isModified():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to this practice first?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.drop_draft()
            self._back_to_saved()
            return True
        return False

    def _back_to_saved(self) -> None:
        """After Discard: the file as saved, or a fresh start when there is none."""
        if self.path is not None and self.path.is_file():
            self.open_file(self.path)
        else:
            self.new_from_template("breathing")

    # --- checking ------------------------------------------------------------------------

    def check_now(self) -> Check:
        """Check the text as it is; show its problems and outline."""
        self.check_timer.stop()
        checked = check_text(
            self.text(), self.file_name(), self.media_root(), self.library, self.path
        )
        self.check = checked
        self.editor.show_problems(checked.problems)
        self.problems.show_problems(checked.problems)
        self.outline.show_check(checked)
        ready = checked.practice is not None
        self.preview_button.setEnabled(ready)
        self.render_button.setEnabled(ready and self.renderer.out is None)
        self._show_heading()
        return checked

    def next_problem(self) -> None:
        """Go to the first problem after the cursor (F8), round to the top."""
        if not self.check.problems:
            return
        here = self.editor.position()
        places = sorted((p.pos.line, p.pos.col) for p in self.check.problems)
        line, col = next((p for p in places if p > here), places[0])
        self.editor.go_to(line, col)

    def media_root(self) -> Path:
        if self.media_from is not None:
            return self.media_from
        return self.path.parent if self.path is not None else self.paths.practices

    def file_name(self) -> str:
        return self.path.name if self.path is not None else f"{self.practice_id()}.yaml"

    def practice_id(self) -> str:
        """The id, for the file name; a placeholder while it is not valid."""
        return practice_id_of(self.text(), self.check)

    # --- saving --------------------------------------------------------------------------

    def save(self) -> bool:
        self.check_now()  # the id as typed just now names the file
        target = self.path or self.paths.practices / f"{self.practice_id()}.yaml"
        if self.path is None and target.exists():
            answer = QMessageBox.question(
                self,
                self.tr("Replace a practice?"),
                self.tr("Your practices already have %1. Replace it?").replace("%1", target.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return self.save_to(target)

    def save_to(self, target: Path) -> bool:
        """Write the text as it is (comments and all) to `target`, in one step."""
        try:
            write_text(target, self.text(), self.paths.practices)
        except OSError as error:
            self.say(
                self.tr("It could not be saved (%1); your text is still here.").replace(
                    "%1", error.strerror or str(error)
                )
            )
            return False
        practice = self.check.practice
        missing = (
            bring_media(practice, self.media_from, target.parent, self.paths.practices)
            if self.media_from is not None and practice is not None
            else []
        )
        self.path = target
        self.media_from = None
        self.editor.document().setModified(False)
        self.drop_draft()
        checked = self.check_now()
        if missing:
            self.say(
                self.tr("Saved to %1, but these could not be copied beside it: %2.")
                .replace("%1", str(target))
                .replace("%2", ", ".join(missing))
            )
        elif checked.errors:
            self.say(
                self.tr(
                    "Saved to %1. It shows in your Library once the problems are fixed."
                ).replace("%1", str(target))
            )
        else:
            self.say(self.tr("Saved to %1. It is in your Library.").replace("%1", str(target)))
        self.saved.emit(target)
        return True

    # --- the draft -------------------------------------------------------------------------

    def keep_draft(self) -> None:
        self.draft_timer.stop()
        if not self.editor.document().isModified():
            return
        try:
            self.draft.keep(Draft(self.text(), self.path, self.media_from))
        except OSError as error:
            self.say(
                self.tr("Your typing could not be kept in a draft (%1).").replace(
                    "%1", error.strerror or str(error)
                )
            )

    def drop_draft(self) -> None:
        self.draft_timer.stop()
        self.draft.drop()

    def _restore_draft(self) -> bool:
        draft = self.draft.load()
        if draft is None:
            return False
        self.set_text(draft.text, draft.path, media_from=draft.media_from)
        self.editor.document().setModified(True)
        self.say(self.tr("What you were writing last time is back; it is not saved yet."))
        return True

    # --- preview and render ------------------------------------------------------------------

    def preview(self) -> None:
        practice = self.check_now().practice
        if practice is None:
            self.say(self.tr("Fix the problems first; then it can be previewed."))
            return
        self.preview_requested.emit(practice)

    def choose_render_file(self) -> None:
        practice = self.check_now().practice
        if practice is None:
            return
        chosen = ask_render_file(self, practice)
        if chosen is not None:
            self.render_to(*chosen)

    def render_to(self, out: Path, length: float | None) -> bool:
        """Render in the background, saying how it goes. False when the practice has
        problems or the file type is not one Attune writes."""
        practice = self.check_now().practice
        if practice is None or not self.renderer.render(practice, out, length):
            return False
        self.render_button.setEnabled(False)
        return True

    # --- the window ----------------------------------------------------------------------------

    def say(self, text: str) -> None:
        """The status line, for eyes and for screen readers."""
        self.status.setText(text)
        self.status.setAccessibleDescription(text)

    def _show_heading(self) -> None:
        """The practice's title (else its file), marked while it has unsaved changes."""
        practice = self.check.practice
        if practice is not None:
            name = practice.title.get(practice.language)
        elif self.path is not None:
            name = self.path.name
        else:
            name = self.tr("New practice")
        where = str(self.path) if self.path is not None else self.tr("not saved yet")
        changed = self.editor.document().isModified()
        self.heading.setText(("• " if changed else "") + name)
        self.heading.setToolTip(where)
        self.heading.setAccessibleDescription(
            (self.tr("Unsaved changes. ") if changed else "") + where
        )

    def _show_position(self) -> None:
        """Where the cursor is, and the problem there: what hovering shows, for the
        keyboard and for screen readers."""
        line, col = self.editor.position()
        here = self.editor.problems_at(self.editor.textCursor().position())
        where = self.tr("Line %1, column %2").replace("%1", str(line)).replace("%2", str(col))
        self.editor.setAccessibleDescription(". ".join([where, *(p.in_file() for p in here)]))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.keep_draft()  # kept until saved or let go, even if the window just closes
        if self.let_go_of_changes():
            self.renderer.wait()
            event.accept()
        else:
            event.ignore()
