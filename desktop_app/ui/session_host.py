"""The screens of one practice: Before you begin → Player → After.

`SessionHost` shows them in its own area and wires them to the Qt-free session
(`desktop_app.session`): the sound is prepared in the background from the first
moment on Before, the player shows a `PracticeRun`, and `SessionFlow` keeps the session
in the journal at each point. The window only switches to the area and back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from desktop_app.ui.app_state import AppState
from desktop_app.ui.sound_preparer import SoundPreparer

if TYPE_CHECKING:  # the session's own parts load when a practice first opens
    from desktop_app.audio.session import SessionSound
    from desktop_app.core.answers import Answer
    from desktop_app.core.model import Practice
    from desktop_app.session.choice import SessionChoice
    from desktop_app.session.flow import SessionFlow
    from desktop_app.session.run import SessionResult
    from desktop_app.storage.journal import JournalError
    from desktop_app.ui.after_view import AfterView
    from desktop_app.ui.before_view import BeforeView
    from desktop_app.ui.player_view import PlayerView
    from desktop_app.ui.services import Services

#: How long typing rests before what is written after a practice is kept as a draft.
DRAFT_DELAY_MS: Final = 1000

Support = Callable[[str], tuple[tuple[str, str], ...]]


class SessionHost(QObject):
    #: A screen of the practice is to be shown (the area holds it).
    shown = Signal()
    #: The practice is over and its screens are gone.
    closed = Signal()
    #: Something the person should know, in the window's notice.
    problem = Signal(str)
    #: A practice was done to the end (its id).
    completed = Signal(str)
    fullscreen_requested = Signal()
    #: The player ended while full screen: back to a window.
    windowed_requested = Signal()

    def __init__(
        self,
        state: AppState,
        services: Services,
        support: Support,
        voices: Callable[[], tuple[tuple[str, str, tuple[str, ...]], ...]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.services = services
        self.support = support
        self.voices = voices
        self.area = QStackedWidget()
        self.preparer = SoundPreparer(self)
        self.preparer.progress.connect(self._preparing)
        self.preparer.ready.connect(self._prepared)
        self.preparer.failed.connect(self._preparation_failed)
        self.before: BeforeView | None = None
        self.player: PlayerView | None = None
        self._start_when_ready = False

    @cached_property
    def flow(self) -> SessionFlow:
        """The session kept in the journal at each point (made when first needed)."""
        from desktop_app.session.flow import SessionFlow

        state = self.state
        return SessionFlow(lambda: state.journal, state.source_of, self._journal_problem)

    def reduced_motion(self) -> bool:
        choice = self.state.settings.reduced_motion
        return self.services.system_reduces_motion() if choice is None else choice

    # --- before ---------------------------------------------------------------------

    def open(
        self, practice: Practice, length: float | None = None, *, preview: bool = False
    ) -> None:
        """Show Before-you-begin, and start preparing the sound at once. A `preview`
        plays the same way, but nothing of it is kept."""
        from desktop_app.ui.before_view import BeforeView

        settings, language = self.state.settings, self.state.language
        self.flow.begin(practice, preview=preview)
        if not practice.title.has(language):
            language = practice.language
        before = BeforeView(
            practice,
            language=language,
            narration=settings.narration,
            rate=settings.speech_rate,
            voices=tuple((v, name) for v, name, _ in self.voices()),
            voice=settings.voices.get(language.split("-")[0]),
            background_volume=settings.volume_background,
            length=length if length in practice.lengths else practice.default_length,
            support=self.support(language),
        )
        before.choices_changed.connect(self._prepare)
        before.start_requested.connect(self._start)
        before.back_requested.connect(self.close)
        self._show(before)
        self.before = before
        self._prepare(before.choice())

    def _prepare(self, choice: SessionChoice) -> None:
        from desktop_app.session.sound import sound_work

        practice = self.flow.practice
        assert practice is not None
        self.flow.choose(choice)
        services = self.services
        self.preparer.prepare(
            sound_work(practice, choice, self.state.settings, services.paths, services.device_rate)
        )

    def _preparing(self, done: int, total: int) -> None:
        if self.before is not None:
            self.before.set_preparing(done, total)

    def _prepared(self, sound: SessionSound) -> None:
        if self.before is not None:
            self.before.set_ready()
        if self._start_when_ready:
            self._start_when_ready = False
            self._play(sound)

    def _preparation_failed(self, message: str) -> None:
        self.problem.emit(self.tr("This practice could not be prepared: %1").replace("%1", message))
        self._start_when_ready = False

    def _start(self, choice: SessionChoice) -> None:
        """Begin: at once when the sound for these choices is ready, else when it is."""
        chosen = self.flow.choice
        same = chosen is not None and replace(choice, before=()) == replace(chosen, before=())
        self.flow.choose(choice)
        if not same:
            self._prepare(choice)
        if self.preparer.latest is not None:
            self._play(self.preparer.latest)
        else:
            self._start_when_ready = True

    # --- playing --------------------------------------------------------------------

    def _play(self, sound: SessionSound) -> None:
        from desktop_app.ui.player_view import PlayerView

        practice, choice = self.flow.practice, self.flow.choice
        assert practice is not None and choice is not None
        player = PlayerView(
            practice,
            sound,
            clock=self.services.clock,
            sink=self.services.sink,
            language=choice.language,
            reduced_motion=self.reduced_motion(),
            narration=choice.narration,
            support=self.support(choice.language),
        )
        player.finished.connect(self._after)
        player.fullscreen_requested.connect(self.fullscreen_requested)
        self._show(player)
        self.player = player
        self.before = None
        player.start()
        player.play_button.setFocus()
        self.flow.playing()

    def end(self) -> None:
        """End a practice that is playing (the window is closing): it is kept."""
        if self.player is not None:
            self.player.end()

    # --- after ----------------------------------------------------------------------

    def _after(self, result: SessionResult) -> None:
        from desktop_app.ui.after_view import AfterView

        practice, choice = self.flow.practice, self.flow.choice
        assert practice is not None and choice is not None
        self.player = None
        self.windowed_requested.emit()
        after = AfterView(practice, choice.language, completed=result.completed)
        self.flow.ended(result)
        if self.flow.entry_id is not None:  # kept: not a preview, and a journal took it
            self.state.journal_written()  # a completed practice may tick off today's item
            if result.completed:
                self.completed.emit(practice.id)
        after.answered.connect(lambda answers: self._answered(result, answers, after))
        if after.form is not None:
            draft_timer = QTimer(after)
            draft_timer.setSingleShot(True)
            draft_timer.setInterval(DRAFT_DELAY_MS)
            draft_timer.timeout.connect(lambda: self.flow.save_draft(after.answers()))
            after.form.changed.connect(draft_timer.start)
        previewing = self.flow.previewing
        after.again_requested.connect(
            lambda: self.open(practice, choice.length, preview=previewing)
        )
        after.done_requested.connect(self.close)
        self._show(after)

    def _answered(
        self, result: SessionResult, answers: tuple[Answer, ...], after: AfterView
    ) -> None:
        if not self.flow.answered(result, answers):
            after.keep_questions()  # what was written stays in the form
        elif self.flow.entry_id is not None:  # kept in the journal (not a preview)
            self.state.journal_written()

    def _journal_problem(self, error: JournalError) -> None:
        from desktop_app.ui.journal_words import journal_problem

        self.problem.emit(journal_problem(error))

    # --- the area -------------------------------------------------------------------

    def close(self) -> None:
        self.player = None
        self.before = None
        self.flow.close()
        self._clear()
        self.closed.emit()

    def _show(self, widget: QWidget) -> None:
        self._clear()
        self.area.addWidget(widget)
        self.area.setCurrentWidget(widget)
        self.shown.emit()
        widget.setFocus()

    def _clear(self) -> None:
        while (old := self.area.widget(0)) is not None:
            self.area.removeWidget(old)
            old.deleteLater()
