"""The practice editor: YAML on the left, checked as you type; the problems and an
outline of the steps (with when each begins, at every length) on the right.

The text is the file: saving writes exactly what is in the editor, so comments and
layout survive. Typing is kept in a private draft a second after each pause, so a
crash or power cut loses at most that second; the draft comes back when the editor
opens next.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.authoring import Check, check_practice
from desktop_app.core.durations import format_duration
from desktop_app.core.library import Library
from desktop_app.core.model import Practice
from desktop_app.core.problems import Problem
from desktop_app.core.reader import SLUG
from desktop_app.storage.paths import AppPaths, builtin_dir
from desktop_app.storage.private_files import write_private
from desktop_app.ui.code_editor import CodeEditor
from desktop_app.ui.editor_panes import OutlinePane, ProblemsPane
from desktop_app.ui.shared_words import kind_names
from desktop_app.ui.sound_preparer import SoundPreparer
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import make_label
from desktop_app.ui.yaml_highlighter import YamlHighlighter

if TYPE_CHECKING:
    from desktop_app.audio.session import SessionSound

#: Typing pauses this long before the text is checked again.
CHECK_DELAY_MS: Final = 250
#: ... and this long before it is kept in the draft.
DRAFT_DELAY_MS: Final = 1000
UNTITLED: Final = "untitled-practice"


def template_path(kind: str) -> Path:
    return builtin_dir("templates") / f"{kind}.yaml"


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
        self.check = Check(None, ())
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
        self.renderer = SoundPreparer(self)
        self.renderer.ready.connect(self._rendered)
        self.renderer.failed.connect(self._render_failed)
        self.renderer.progress.connect(self._render_progress)
        self._rendering: tuple[Path, float | None] | None = None
        self._render_seconds = 0.0
        if not self._restore_draft():
            self.new_from_template("breathing")

    # --- building ------------------------------------------------------------------------

    def _buttons(self) -> list[QPushButton]:
        self.new_button = self._button(
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
        self.open_button = self._button(
            self.tr("Open…"), self.tr("Open a practice file (Ctrl+O)"), self.choose_file
        )
        self.save_button = self._button(
            self.tr("Save"), self.tr("Save to your practices (Ctrl+S)"), self.save
        )
        self.preview_button = self._button(
            self.tr("Preview"), self.tr("Play it in the player (F5)"), self.preview
        )
        self.render_button = self._button(
            self.tr("Render audio…"),
            self.tr("Save what a person would hear as a sound file"),
            self.choose_render_file,
        )
        self.save_button.setProperty("role", "primary")
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

    def _button(
        self, text: str, description: str, act: Callable[[], object] | None = None
    ) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.rstrip("…"))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        if act is not None:
            button.clicked.connect(lambda: act())
        return button

    def _timer(self, delay: int, act: Callable[[], object]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(delay)
        timer.timeout.connect(act)
        return timer

    # --- the text ------------------------------------------------------------------------

    def set_text(self, text: str, path: Path | None) -> None:
        self.path = path
        self.status.clear()
        self.editor.setPlainText(text)
        self.editor.document().setModified(False)
        self.check_now()
        self._show_heading()

    def text(self) -> str:
        return self.editor.toPlainText()

    def new_from_template(self, kind: str) -> None:
        self.set_text(template_path(kind).read_text(encoding="utf-8"), None)
        self.editor.document().setModified(True)  # nothing of it is saved yet
        self.status.setText(
            self.tr(
                "A new practice from the template for %1. Change its id and title first."
            ).replace("%1", kind_names().get(kind, kind))
        )

    def open_file(self, path: Path) -> bool:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            self.status.setText(
                self.tr("%1 could not be opened: %2")
                .replace("%1", str(path))
                .replace("%2", getattr(error, "strerror", None) or str(error))
            )
            return False
        self.set_text(text, path)
        self.status.setText(self.tr("Opened %1.").replace("%1", str(path)))
        return True

    def open_copy(self, path: Path) -> bool:
        """Another's practice (built in, or from a pack) to adapt: saved as one's own."""
        if not self.open_file(path):
            return False
        self.path = None
        self.editor.document().setModified(True)
        self._show_heading()
        self.status.setText(
            self.tr(
                "A copy of %1. Saved, it goes to your practices and is shown in place of "
                "the original; give it a new id to keep both."
            ).replace("%1", path.name)
        )
        self.check_now()
        return True

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
            return True
        return False

    # --- checking ------------------------------------------------------------------------

    def check_now(self) -> Check:
        """Check the text as it is; show its problems and outline."""
        from desktop_app.audio.clips import clip_seconds
        from desktop_app.audio.session import clip_lengths

        self.check_timer.stop()
        checked = check_practice(
            self.text(),
            self.file_name(),
            media_root=self.media_root(),
            measure_clip=clip_seconds,
            clip_lengths=clip_lengths,  # so the outline matches what will play
        )
        if checked.practice is not None:
            clash = self._clash(checked.practice)
            if clash is not None:
                checked = Check(
                    checked.practice,
                    (*checked.problems, clash),
                    checked.lengths,
                    checked.totals,
                    checked.outline,
                )
        self.check = checked
        self.editor.show_problems(checked.problems)
        self.problems.show_problems(checked.problems)
        self.outline.show_check(checked)
        ready = checked.practice is not None
        for button in (self.preview_button, self.render_button):
            button.setEnabled(ready)
        return checked

    def _clash(self, practice: Practice) -> Problem | None:
        """A note when another practice in the library has this id."""
        entry = self.library.practices.get(practice.id) if self.library is not None else None
        if entry is None or (self.path is not None and entry.path == self.path):
            return None
        return Problem(
            self.file_name(),
            practice.id_pos,
            self.tr('"%1" (%2) has this id too; once saved, yours is shown instead.')
            .replace("%1", entry.item.title.get(practice.language))
            .replace("%2", entry.source.label),
            "id",
            "warning",
        )

    def next_problem(self) -> None:
        """Go to the first problem after the cursor (F8), round to the top."""
        if not self.check.problems:
            return
        here = self.editor.position()
        places = sorted((p.pos.line, p.pos.col) for p in self.check.problems)
        line, col = next((p for p in places if p > here), places[0])
        self.editor.go_to(line, col)

    def media_root(self) -> Path:
        return self.path.parent if self.path is not None else self.paths.practices

    def file_name(self) -> str:
        return self.path.name if self.path is not None else f"{self.practice_id()}.yaml"

    def practice_id(self) -> str:
        """The id as written, for the file name; a placeholder while it is not valid."""
        for line in self.text().splitlines():
            if line.startswith("id:"):
                value = line[3:].split(" #")[0].strip().strip("\"'")
                return value if SLUG.fullmatch(value) else UNTITLED
        return UNTITLED

    # --- saving --------------------------------------------------------------------------

    def save(self) -> bool:
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
        text = self.text()
        if not text.endswith("\n"):
            text += "\n"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_private(target, text.encode("utf-8"))
        except OSError as error:
            self.status.setText(
                self.tr("It could not be saved (%1); your text is still here.").replace(
                    "%1", error.strerror or str(error)
                )
            )
            return False
        self.path = target
        self.editor.document().setModified(False)
        self.drop_draft()
        checked = self.check_now()
        errors = len(checked.errors)
        if errors:
            self.status.setText(
                self.tr(
                    "Saved to %1. It shows in your Library once the problems are fixed."
                ).replace("%1", str(target))
            )
        else:
            self.status.setText(
                self.tr("Saved to %1. It is in your Library.").replace("%1", str(target))
            )
        self.saved.emit(target)
        return True

    # --- the draft -------------------------------------------------------------------------

    def draft_file(self) -> Path:
        return self.paths.data / "editor-draft.json"

    def keep_draft(self) -> None:
        self.draft_timer.stop()
        if not self.editor.document().isModified():
            return
        payload = {"path": str(self.path) if self.path else None, "text": self.text()}
        try:
            self.paths.data.mkdir(parents=True, exist_ok=True)
            write_private(self.draft_file(), json.dumps(payload).encode("utf-8"))
        except OSError as error:
            self.status.setText(
                self.tr("Your typing could not be kept in a draft (%1).").replace(
                    "%1", error.strerror or str(error)
                )
            )

    def drop_draft(self) -> None:
        self.draft_timer.stop()
        self.draft_file().unlink(missing_ok=True)

    def _restore_draft(self) -> bool:
        try:
            payload = json.loads(self.draft_file().read_text(encoding="utf-8"))
            text, path = payload["text"], payload["path"]
        except (OSError, ValueError, KeyError, TypeError):
            return False
        if not isinstance(text, str):
            return False
        self.set_text(text, Path(path) if isinstance(path, str) else None)
        self.editor.document().setModified(True)
        self.status.setText(
            self.tr("What you were writing last time is back; it is not saved yet.")
        )
        return True

    # --- preview and render ------------------------------------------------------------------

    def preview(self) -> None:
        practice = self.check_now().practice
        if practice is None:
            self.status.setText(self.tr("Fix the problems first; then it can be previewed."))
            return
        self.preview_requested.emit(practice)

    def choose_render_file(self) -> None:
        practice = self.check_now().practice
        if practice is None:
            return
        length = practice.default_length
        if len(practice.lengths) > 1:
            names = [format_duration(s) for s in practice.lengths]
            name, ok = QInputDialog.getItem(
                self, self.tr("Render audio"), self.tr("Which length?"), names, 0, False
            )
            if not ok:
                return
            length = practice.lengths[names.index(name)]
        suggested = Path.home() / f"{practice.id}.wav"
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Render audio"),
            str(suggested),
            self.tr("Sound files (*.wav *.flac *.ogg)"),
        )
        if name:
            self.render_to(Path(name), length)

    def render_to(self, out: Path, length: float | None) -> bool:
        """Render in the background; `rendered` status when done. False when the
        practice has problems or the file type is not one Attune writes."""
        from desktop_app.audio.render import file_format, render_to_file
        from desktop_app.audio.sample_cache import SampleCache
        from desktop_app.audio.session import prepare_session
        from desktop_app.audio.speech import SpeechService

        practice = self.check_now().practice
        if practice is None:
            return False
        try:
            file_format(out)
        except ValueError:
            self.status.setText(
                self.tr('It cannot be rendered as "%1"; use .wav, .flac or .ogg.').replace(
                    "%1", out.suffix
                )
            )
            return False
        paths = self.paths
        self._rendering = (out, length)

        def work(progress: Callable[[int, int], None]) -> SessionSound:
            with SpeechService(paths.speech_cache) as speech:
                session = prepare_session(
                    practice,
                    length=length,
                    language=practice.language,
                    speech=speech,
                    sample_cache=SampleCache(paths.sound_cache),
                    progress=progress,
                )
            self._render_seconds = render_to_file(session.mixer, out)
            return session

        self.render_button.setEnabled(False)
        self.status.setText(self.tr("Rendering %1…").replace("%1", out.name))
        self.renderer.prepare(work)
        return True

    def _render_progress(self, done: int, total: int) -> None:
        self.status.setText(
            self.tr("Preparing the voice: %1 of %2 phrases")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )

    def _rendered(self, _sound: object) -> None:
        out = self._rendering[0] if self._rendering else Path()
        self.render_button.setEnabled(self.check.practice is not None)
        self.status.setText(
            self.tr("Rendered %1 of sound to %2.")
            .replace("%1", format_duration(round(self._render_seconds)))
            .replace("%2", str(out))
        )

    def _render_failed(self, message: str) -> None:
        self.render_button.setEnabled(self.check.practice is not None)
        self.status.setText(self.tr("It could not be rendered: %1").replace("%1", message))

    # --- the window ----------------------------------------------------------------------------

    def _show_heading(self) -> None:
        name = str(self.path) if self.path is not None else self.tr("New practice (not saved)")
        changed = self.editor.document().isModified() and self.path is not None
        self.heading.setText(("• " if changed else "") + (self.path.name if self.path else name))
        self.heading.setToolTip(name)

    def _show_position(self) -> None:
        line, col = self.editor.position()
        self.editor.setAccessibleDescription(
            self.tr("Line %1, column %2").replace("%1", str(line)).replace("%2", str(col))
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.keep_draft()  # kept until saved or let go, even if the window just closes
        if self.let_go_of_changes():
            self.renderer.wait()
            event.accept()
        else:
            event.ignore()
