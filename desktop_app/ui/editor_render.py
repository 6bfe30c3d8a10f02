"""The practice editor's "Render audio…": what a person would hear, saved as a sound
file, made in the background. Its words belong to the editor, so they are translated
in its context ("PracticeEditor")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from desktop_app.core.durations import format_duration
from desktop_app.core.model import Practice
from desktop_app.storage.paths import AppPaths
from desktop_app.ui.sound_preparer import SoundPreparer

if TYPE_CHECKING:
    from desktop_app.audio.session import SessionSound


def ask_render_file(parent: QWidget, practice: Practice) -> tuple[Path, float | None] | None:
    """The length (asked when the practice has several) and the file to render to;
    None when the person cancels."""
    length = practice.default_length
    if len(practice.lengths) > 1:
        names = [format_duration(s) for s in practice.lengths]
        name, ok = QInputDialog.getItem(
            parent,
            QCoreApplication.translate("PracticeEditor", "Render audio"),
            QCoreApplication.translate("PracticeEditor", "Which length?"),
            names,
            0,
            False,
        )
        if not ok:
            return None
        length = practice.lengths[names.index(name)]
    # Ogg: a tenth of the size of WAV, small enough to send by e-mail.
    suggested = Path.home() / f"{practice.id}.ogg"
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("PracticeEditor", "Render audio"),
        str(suggested),
        QCoreApplication.translate("PracticeEditor", "Sound files (*.wav *.flac *.ogg)"),
    )
    return (Path(name), length) if name else None


class PracticeRenderer(QObject):
    """Renders one practice at a time; `said` tells how it goes (for the status line),
    `finished` comes once it is done or failed."""

    said = Signal(str)
    finished = Signal()

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        #: The file being rendered to, while rendering.
        self.out: Path | None = None
        self._seconds = 0.0
        self._preparer = SoundPreparer(self)
        self._preparer.ready.connect(self._rendered)
        self._preparer.failed.connect(self._failed)
        self._preparer.progress.connect(self._progress)

    def render(self, practice: Practice, out: Path, length: float | None) -> bool:
        """Start rendering; False when the file type is not one Attune writes."""
        from desktop_app.audio.render import file_format, render_to_file
        from desktop_app.audio.sample_cache import SampleCache
        from desktop_app.audio.session import prepare_session
        from desktop_app.audio.speech import SpeechService

        try:
            file_format(out)
        except ValueError:
            self.said.emit(
                QCoreApplication.translate(
                    "PracticeEditor", 'It cannot be rendered as "%1"; use .wav, .flac or .ogg.'
                ).replace("%1", out.suffix)
            )
            return False
        paths = self.paths
        self.out = out

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
            self._seconds = render_to_file(session.mixer, out)
            return session

        self.said.emit(
            QCoreApplication.translate("PracticeEditor", "Rendering %1…").replace("%1", out.name)
        )
        self._preparer.prepare(work)
        return True

    def wait(self) -> None:
        self._preparer.wait()

    def _progress(self, done: int, total: int) -> None:
        self.said.emit(
            QCoreApplication.translate("PracticeEditor", "Preparing the voice: %1 of %2 phrases")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )

    def _rendered(self, _sound: object) -> None:
        out = self.out or Path()
        self.out = None
        self.finished.emit()
        self.said.emit(
            QCoreApplication.translate("PracticeEditor", "Rendered %1 of sound to %2.")
            .replace("%1", format_duration(round(self._seconds)))
            .replace("%2", str(out))
        )

    def _failed(self, message: str) -> None:
        self.out = None
        self.finished.emit()
        self.said.emit(
            QCoreApplication.translate("PracticeEditor", "It could not be rendered: %1").replace(
                "%1", message
            )
        )
