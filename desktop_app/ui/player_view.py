"""The player: a calm screen that shows a `PracticeRun` (desktop_app.session.run).

The run owns the engine and keeps the sound in step with it; this view sends it the
person's actions and renders the snapshot it gives back. One timer drives the repaint
while the player is visible and playing, and stops when it is paused or waiting, so a
paused player uses no CPU.

Keys: Space play/pause · ←/→ step · Shift+←/→ section · Enter continue ·
Esc stop (asks first) · F11 full screen · M mute.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QHideEvent,
    QKeyEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.audio.session import SessionSound
from desktop_app.core.clock import Clock
from desktop_app.core.durations import format_clock
from desktop_app.core.engine import PlayState, Snapshot
from desktop_app.core.model import Practice
from desktop_app.session.run import Move, PracticeRun, SessionResult, SoundSink
from desktop_app.ui.grounding_view import GroundingView
from desktop_app.ui.pacer import Pacer
from desktop_app.ui.progress_track import ProgressTrack
from desktop_app.ui.questions import QuestionForm
from desktop_app.ui.theme import SPACE

#: Repaint interval while playing: smooth enough for a breathing circle.
FRAME_MS: Final = 33
#: With reduced motion nothing needs to move smoothly; a calmer rate is plenty.
REDUCED_FRAME_MS: Final = 100


class PlayerView(QWidget):
    finished = Signal(object)  # SessionResult
    fullscreen_requested = Signal()

    def __init__(
        self,
        practice: Practice,
        sound: SessionSound,
        *,
        clock: Clock,
        sink: SoundSink,
        language: str,
        reduced_motion: bool = False,
        narration: bool = True,
        support: tuple[tuple[str, str], ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Player"))
        self.practice = practice
        self.language = language
        self.run = PracticeRun(practice, sound, clock, sink)
        self._last: Snapshot | None = None
        self._reported = False  # `finished` is emitted once

        self.timer = QTimer(self)
        self.timer.setInterval(REDUCED_FRAME_MS if reduced_motion else FRAME_MS)
        self.timer.timeout.connect(self.tick)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_playing(reduced_motion, narration))
        self.grounding = GroundingView(support=support)
        self.grounding.resume_requested.connect(self.leave_grounding)
        self.grounding.end_requested.connect(self.end)
        self.pages.addWidget(self.grounding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._keys()
        self._show(self.run.engine.snapshot())

    # --- building -------------------------------------------------------------------

    def _build_playing(self, reduced_motion: bool, narration: bool) -> QWidget:
        page = QWidget()
        self.section_label = QLabel()
        self.section_label.setProperty("role", "muted")
        self.section_label.setAccessibleName(self.tr("Section"))
        self.pause_button = self._button(
            self.tr("I need a pause"),
            self.tr("Pause and take a moment to ground yourself"),
            self.enter_grounding,
        )
        top = QHBoxLayout()
        top.addWidget(self.section_label)
        top.addStretch()
        top.addWidget(self.pause_button)

        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text_label.setProperty("role", "heading")
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setAccessibleName(self.tr("What to do now"))
        self.text_label.setMinimumHeight(90)
        self.pacer = Pacer()
        self.pacer.reduced_motion = reduced_motion
        # A screen reader reads the phase aloud; the moving circle is then only noise.
        self.pacer.setVisible(not QAccessible.isActive())
        # A question asked during the practice scrolls in the space the pacer leaves,
        # so a long one (feeling words) is never squeezed.
        self.ask_box = QScrollArea()
        self.ask_box.setWidgetResizable(True)
        self.ask_box.setFrameShape(QFrame.Shape.NoFrame)
        self.ask_box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.ask_box.setAccessibleName(self.tr("Question"))
        for bar in (self.ask_box.verticalScrollBar(), self.ask_box.horizontalScrollBar()):
            bar.setAccessibleName(self.tr("Scroll the question"))
        self.ask_box.hide()
        self.ask_form: QuestionForm | None = None
        self.continue_button = self._button(
            self.tr("Continue"), self.tr("Go on with the practice"), self.continue_
        )
        self.continue_button.setProperty("role", "primary")
        self.continue_button.hide()
        self.confirm_bar = self._confirm_bar()

        self.track = ProgressTrack()
        self.elapsed_label = QLabel()
        self.elapsed_label.setAccessibleName(self.tr("Time practised"))
        self.remaining_label = QLabel()
        self.remaining_label.setAccessibleName(self.tr("Time remaining"))
        self.remaining_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        times = QHBoxLayout()
        times.addWidget(self.elapsed_label)
        times.addStretch()
        times.addWidget(self.remaining_label)

        self.previous_section_button = self._button(
            "«", self.tr("Go to the previous section"), self.move_action("previous_section")
        )
        self.previous_section_button.setAccessibleName(self.tr("Previous section"))
        self.previous_button = self._button(
            "‹", self.tr("Go to the previous step"), self.move_action("previous_step")
        )
        self.previous_button.setAccessibleName(self.tr("Previous step"))
        self.play_button = self._button(self.tr("Begin"), self.tr("Play or pause"), self.toggle)
        self.play_button.setProperty("role", "primary")
        self.next_button = self._button(
            "›", self.tr("Go to the next step"), self.move_action("next_step")
        )
        self.next_button.setAccessibleName(self.tr("Next step"))
        self.next_section_button = self._button(
            "»", self.tr("Go to the next section"), self.move_action("next_section")
        )
        self.next_section_button.setAccessibleName(self.tr("Next section"))
        self.stop_button = self._button(self.tr("Stop"), self.tr("End the practice"), self.ask_stop)
        self.narration_button = self._button(
            self.tr("Voice on"), self.tr("Turn the spoken voice on or off"), self.toggle_narration
        )
        self.narration_button.setCheckable(True)
        self.narration_button.setChecked(narration)
        self._show_narration()
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(round(100 * self.run.volume))
        self.volume.setMaximumWidth(160)
        self.volume.setAccessibleName(self.tr("Volume"))
        self.volume.setAccessibleDescription(self.tr("How loud the practice sounds"))
        self.volume.valueChanged.connect(self._set_volume)
        self.mute_button = self._button(
            self.tr("Mute"), self.tr("Silence all sound, or bring it back (M)"), self.toggle_mute
        )
        self.fullscreen_button = self._button(
            self.tr("Full screen"),
            self.tr("Fill the screen, or go back (F11)"),
            self.fullscreen_requested.emit,
        )

        controls = QHBoxLayout()
        controls.setSpacing(SPACE["s"])
        controls.addWidget(self.stop_button)
        controls.addStretch()
        for button in (
            self.previous_section_button,
            self.previous_button,
            self.play_button,
            self.next_button,
            self.next_section_button,
        ):
            controls.addWidget(button)
        controls.addStretch()
        controls.addWidget(self.narration_button)
        controls.addWidget(self.mute_button)
        # A visible name beside the slider (the same words a screen reader hears).
        self.volume_label = QLabel(self.tr("Volume"))
        self.volume_label.setProperty("role", "muted")
        self.volume_label.setBuddy(self.volume)
        controls.addWidget(self.volume_label)
        controls.addWidget(self.volume)
        controls.addWidget(self.fullscreen_button)

        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self.notice_label.setProperty("role", "muted")
        self.notice_label.setAccessibleName(self.tr("Notice"))
        self.notice_label.hide()

        column = QVBoxLayout(page)
        column.setContentsMargins(SPACE["xl"], SPACE["l"], SPACE["xl"], SPACE["l"])
        column.setSpacing(SPACE["m"])
        column.addLayout(top)
        column.addWidget(self.notice_label)
        column.addStretch(1)
        column.addWidget(self.text_label)
        column.addWidget(self.pacer, 4)
        column.addWidget(self.ask_box, 6)
        column.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(1)
        column.addWidget(self.confirm_bar)
        column.addWidget(self.track)
        column.addLayout(times)
        column.addLayout(controls)
        return page

    def _confirm_bar(self) -> QFrame:
        bar = QFrame()
        bar.setProperty("role", "card")
        row = QHBoxLayout(bar)
        question = QLabel(self.tr("End this practice? What you answered is kept."))
        question.setAccessibleName(question.text())
        self.end_button = self._button(self.tr("End"), self.tr("End the practice now"), self.end)
        self.keep_button = self._button(
            self.tr("Keep going"), self.tr("Go back to the practice"), self.cancel_stop
        )
        self.keep_button.setProperty("role", "primary")
        row.addWidget(question, 1)
        row.addWidget(self.end_button)
        row.addWidget(self.keep_button)
        bar.hide()
        return bar

    def _button(self, text: str, description: str, action: object) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.clicked.connect(action)
        return button

    def _keys(self) -> None:
        """The player's keys, caught before any child sees them (so Space pauses even
        when the Stop button has focus), but never taken from a question being
        answered: there, keys type and tick as usual, and only Esc still stops."""
        shift = Qt.KeyboardModifier.ShiftModifier
        self.keys: dict[tuple[int, bool], Callable[[], None]] = {
            (Qt.Key.Key_Space, False): self.toggle,
            (Qt.Key.Key_Left, False): self.move_action("previous_step"),
            (Qt.Key.Key_Right, False): self.move_action("next_step"),
            (Qt.Key.Key_Left, True): self.move_action("previous_section"),
            (Qt.Key.Key_Right, True): self.move_action("next_section"),
            (Qt.Key.Key_Return, False): self.continue_,
            (Qt.Key.Key_Enter, False): self.continue_,
            (Qt.Key.Key_Escape, False): self.ask_stop,
            (Qt.Key.Key_F11, False): self.fullscreen_requested.emit,
            (Qt.Key.Key_M, False): self.toggle_mute,
        }
        self._shift = shift
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if watched is not self and not self.isAncestorOf(watched):
            return False
        if self.pages.currentWidget() is self.grounding:
            return False  # its own buttons; the player rests
        key_event = cast(QKeyEvent, event)
        shifted = bool(key_event.modifiers() & self._shift)
        action = self.keys.get((key_event.key(), shifted))
        if action is None:
            return False
        answering = self.ask_box.isVisible() and self.ask_box.isAncestorOf(watched)
        if answering and key_event.key() != Qt.Key.Key_Escape:
            return False
        action()
        return True

    # --- controls -------------------------------------------------------------------

    def start(self) -> None:
        """Begin playing, with sound when a device is there."""
        for notice in self.run.start():
            self.show_notice(notice)
        self._after_action()

    def move_action(self, move: Move) -> Callable[[], None]:
        def act() -> None:
            self.run.move(move)
            self._after_action()

        return act

    def toggle(self) -> None:
        if self.run.ended or self.run.grounding:
            return
        if self.run.state is PlayState.READY:
            self.start()  # with what the person should know (no sound device, …)
            return
        self.run.toggle()
        self._after_action()

    def continue_(self) -> None:
        answers = self.ask_form.answers() if self.ask_form is not None else ()
        if self.run.continue_(answers):
            self._after_action()

    def enter_grounding(self) -> None:
        if not self.run.enter_grounding():
            return
        self.pages.setCurrentWidget(self.grounding)
        self.grounding.resume_button.setFocus()
        self._after_action()

    def leave_grounding(self) -> None:
        self.pages.setCurrentIndex(0)
        self.run.leave_grounding()
        self.play_button.setFocus()
        self._after_action()

    def ask_stop(self) -> None:
        if self.run.ended:
            return
        if self.confirm_bar.isVisible():
            self.cancel_stop()
            return
        self.confirm_bar.show()
        self.keep_button.setFocus()

    def cancel_stop(self) -> None:
        self.confirm_bar.hide()
        self.play_button.setFocus()

    def end(self) -> None:
        """Stop early: the session is still recorded, with what was answered."""
        result = self.run.end()
        if result is not None:
            self._report(result)

    def toggle_narration(self) -> None:
        self._show_narration()
        self.run.set_narration(self.narration_button.isChecked())

    def toggle_mute(self) -> None:
        muted = self.run.toggle_mute()
        self.mute_button.setText(self.tr("Unmute") if muted else self.tr("Mute"))
        self.mute_button.setAccessibleName(self.mute_button.text())
        self.show_notice(self.tr("Sound muted. Press M to hear it again.") if muted else "")

    def _set_volume(self, value: int) -> None:
        self.run.set_volume(value / 100)

    def _show_narration(self) -> None:
        on = self.narration_button.isChecked()
        self.narration_button.setText(self.tr("Voice on") if on else self.tr("Voice off"))
        self.narration_button.setAccessibleName(self.narration_button.text())

    def show_notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    # --- following the engine --------------------------------------------------------

    def tick(self) -> None:
        snapshot = self.run.tick()
        self._show(snapshot)
        if self.run.result is not None:
            self._report(self.run.result)
        elif snapshot.state is not PlayState.PLAYING:
            self.timer.stop()  # nothing moves: no repaints, no CPU

    def _after_action(self) -> None:
        if self.run.state is PlayState.PLAYING and self.isVisible():
            self.timer.start()
        self.tick()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.run.state is PlayState.PLAYING:
            self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        super().hideEvent(event)
        self.timer.stop()

    def _show(self, snapshot: Snapshot) -> None:
        last = self._last
        self._last = snapshot
        if last is None or snapshot.text != last.text or snapshot.kind != last.kind:
            self.text_label.setText(snapshot.text or "")
            self.text_label.setAccessibleDescription(snapshot.text or "")
        if last is None or snapshot.section_title != last.section_title:
            self.section_label.setText(
                snapshot.section_title or self.practice.title.get(self.language)
            )
        if snapshot.phase != (last.phase if last else None) and snapshot.phase is not None:
            self._announce(self.pacer.words.get(snapshot.phase, ""))
        self.pacer.setVisible(snapshot.phase is not None and not QAccessible.isActive())
        self.pacer.show_state(snapshot)
        self.track.show_state(snapshot, self.run.sound.timeline)
        self.elapsed_label.setText(format_clock(snapshot.elapsed))
        self.remaining_label.setText("−" + format_clock(snapshot.remaining))
        self._show_waiting(snapshot, last)
        self._show_play_button(snapshot.state)

    def _show_waiting(self, snapshot: Snapshot, last: Snapshot | None) -> None:
        waiting = snapshot.waiting is not None
        self.continue_button.setVisible(waiting)
        question = snapshot.question if waiting else None
        if question is not None and (last is None or last.waiting != snapshot.waiting):
            self._show_question(snapshot)
        elif question is None and self.ask_form is not None:
            self.ask_form.deleteLater()
            self.ask_form = None
            self.ask_box.hide()
            self.text_label.show()
        if waiting and (last is None or last.waiting is None):
            self.continue_button.setFocus()

    def _show_question(self, snapshot: Snapshot) -> None:
        assert snapshot.question is not None
        self.ask_form = QuestionForm([snapshot.question], "during", self.language)
        previous = self.run.during.get(snapshot.question.id)
        if previous is not None:
            self.ask_form.set_answers((previous,))
        self.ask_box.setWidget(self.ask_form)  # the box it was in goes with it
        self.ask_box.show()
        self.text_label.hide()  # the form asks it, once

    def _show_play_button(self, state: PlayState) -> None:
        text = {
            PlayState.READY: self.tr("Begin"),
            PlayState.PLAYING: self.tr("Pause"),
            PlayState.WAITING: self.tr("Pause"),
        }.get(state, self.tr("Resume"))
        if self.play_button.text() != text:
            self.play_button.setText(text)
            self.play_button.setAccessibleName(text)

    def _announce(self, text: str) -> None:
        """Phase changes for screen readers (the circle itself says nothing)."""
        if text and QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.pacer, text))

    def _report(self, result: SessionResult) -> None:
        if self._reported:
            return
        self._reported = True
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.finished.emit(result)
