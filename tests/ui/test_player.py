"""The player, driven from the keyboard with a manual clock and the real engine.

No test sleeps: time moves only when a test advances the clock, and the view is
asked to follow (`tick`, which its timer calls while playing).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.audio.live import LivePlayer
from desktop_app.audio.session import prepare_session
from desktop_app.core.clock import ManualClock
from desktop_app.core.engine import PlayState
from desktop_app.core.model import Practice
from desktop_app.session.run import SessionResult
from desktop_app.ui.player_view import REDUCED_FRAME_MS, PlayerView
from tests.helpers import load_text, practice_with

STEPS = """
- section: Arriving
- say: Welcome.
  pause: 2s
- breathe: {in: 4s, out: 4s, cycles: 2}
- section: Noticing
- wait: Notice how you are. Press Continue when ready.
- ask: {id: word, text: One word for how you are?}
- silence: 5s
- section: Closing
- bell: chime
"""


class RecordingSink:
    """The sound device edge: remembers the player it was given."""

    def __init__(self, works: bool = True) -> None:
        self.works = works
        self.player: LivePlayer | None = None
        self.stopped = False
        self.notice: str | None = None if works else "Sound is off: no sound device was found."

    def start(self, player: LivePlayer) -> bool:
        self.player = player if self.works else None
        return self.works

    def stop(self) -> None:
        self.stopped = True


class Harness:
    def __init__(
        self,
        qtbot: QtBot,
        tmp_path: Path,
        *,
        sink: RecordingSink | None = None,
        reduced_motion: bool = False,
        steps: str = STEPS,
        support: tuple[tuple[str, str], ...] = (),
    ) -> None:
        practice = load_text(tmp_path, practice_with(steps))
        assert isinstance(practice, Practice)
        self.clock = ManualClock(1000.0)
        self.sink = sink or RecordingSink()
        self.view = PlayerView(
            practice,
            prepare_session(practice, rate=16_000),
            clock=self.clock,
            sink=self.sink,
            language="en",
            reduced_motion=reduced_motion,
            support=support,
        )
        qtbot.addWidget(self.view)
        self.view.resize(900, 700)
        self.view.show()
        self.results: list[SessionResult] = []
        self.view.finished.connect(self.results.append)
        self.qtbot = qtbot

    def key(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        target = self.view.focusWidget() or self.view
        self.qtbot.keyClick(target, key, modifier)

    def advance(self, seconds: float) -> None:
        """Let time pass in small steps, as the repaint timer would see it."""
        steps = max(1, round(seconds / 0.25))
        for _ in range(steps):
            self.clock.advance(seconds / steps)
            self.view.tick()

    @property
    def state(self) -> PlayState:
        return self.view.run.engine.state


def test_a_whole_practice_by_keyboard_alone(qtbot: QtBot, tmp_path: Path) -> None:
    h = Harness(qtbot, tmp_path)
    h.view.play_button.setFocus()
    h.key(Qt.Key.Key_Space)
    assert h.state is PlayState.PLAYING and h.view.timer.isActive()
    assert h.view.section_label.text() == "Arriving"
    assert h.view.text_label.text() == "Welcome."
    h.advance(5)
    assert h.view.pacer.phase in ("in", "out") and h.view.pacer.isVisible()
    h.advance(20)
    assert h.state is PlayState.WAITING and h.view.continue_button.isVisible()
    assert not h.view.timer.isActive()  # waiting: nothing moves, nothing repaints
    h.key(Qt.Key.Key_Return)
    assert h.state is PlayState.WAITING and h.view.ask_form is not None  # the ask
    editor = h.view.ask_form.findChild(QPlainTextEdit)
    assert editor is not None
    editor.setFocus()
    h.qtbot.keyClicks(editor, "steady")
    h.view.continue_button.setFocus()
    h.key(Qt.Key.Key_Return)
    assert h.state is PlayState.PLAYING
    h.advance(15)
    assert h.results and h.results[0].completed
    result = h.results[0]
    assert [a.value for a in result.during] == ["steady"] and result.during[0].when == "during"
    assert result.stopped_at is None and result.pauses == 0 and h.sink.stopped


def test_pause_and_resume(qtbot: QtBot, tmp_path: Path) -> None:
    h = Harness(qtbot, tmp_path)
    h.view.start()
    h.advance(3)
    h.key(Qt.Key.Key_Space)
    assert h.state is PlayState.PAUSED and not h.view.timer.isActive()
    position = h.view.run.engine.position
    h.clock.advance(60)
    assert h.view.run.engine.position == position
    assert h.view.play_button.text() == "Resume"
    h.key(Qt.Key.Key_Space)
    assert h.state is PlayState.PLAYING and h.view.timer.isActive()
    h.advance(1)
    assert h.view.run.engine.position == pytest.approx(position + 1)
    assert h.sink.player is not None and h.sink.player.transport.state is PlayState.PLAYING


def test_skipping_steps_and_sections(qtbot: QtBot, tmp_path: Path) -> None:
    h = Harness(qtbot, tmp_path)
    h.view.start()
    starts = h.view.run.sound.timeline.step_starts
    h.key(Qt.Key.Key_Right)
    assert h.view.run.engine.position == pytest.approx(starts[1])
    h.key(Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert h.view.section_label.text() == "Noticing"
    h.key(Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert h.view.section_label.text() == "Arriving"
    assert h.sink.player is not None
    assert h.sink.player.transport.position == pytest.approx(h.view.run.engine.position)


def test_stopping_early_asks_first_and_keeps_answers(qtbot: QtBot, tmp_path: Path) -> None:
    h = Harness(qtbot, tmp_path)
    h.view.start()
    h.advance(4)
    h.key(Qt.Key.Key_Escape)
    assert h.view.confirm_bar.isVisible() and h.state is PlayState.PLAYING
    h.key(Qt.Key.Key_Escape)  # Esc again: keep going
    assert not h.view.confirm_bar.isVisible()
    h.key(Qt.Key.Key_Escape)
    h.view.end_button.click()
    (result,) = h.results
    assert not result.completed and result.stopped_at == 1
    assert h.state is PlayState.STOPPED


def test_the_grounding_pause(qtbot: QtBot, tmp_path: Path) -> None:
    h = Harness(qtbot, tmp_path)
    h.view.start()
    h.advance(2)
    h.view.pause_button.click()
    assert h.state is PlayState.PAUSED and h.view.pages.currentWidget() is h.view.grounding
    position = h.view.run.engine.position
    h.key(Qt.Key.Key_Right)  # the player's keys rest while grounding
    assert h.state is PlayState.PAUSED and h.view.run.engine.position == position
    h.view.grounding.resume_button.click()
    assert h.state is PlayState.PLAYING and h.view.pages.currentIndex() == 0
    h.view.pause_button.click()
    h.view.grounding.end_button.click()
    (result,) = h.results
    assert result.grounding_pauses == 2 and not result.completed


def test_the_grounding_pause_shows_the_therapists_contact_quietly(
    qtbot: QtBot, tmp_path: Path
) -> None:
    support = (("Your therapist", "Practice phone 020 123 4567 (weekdays)"),)
    h = Harness(qtbot, tmp_path, support=support)
    h.view.start()
    h.view.pause_button.click()
    grounding = h.view.grounding
    assert h.view.pages.currentWidget() is grounding
    (line,) = grounding.support_labels
    text = "If you need support: Your therapist — Practice phone 020 123 4567 (weekdays)"
    assert line.text() == text and line.accessibleName() == text
    assert line.isVisible() and line.property("role") == "muted"
    # A quiet line near the bottom: under the Resume and End buttons.
    assert (
        line.mapTo(grounding, line.rect().topLeft()).y()
        > grounding.resume_button.mapTo(grounding, grounding.resume_button.rect().bottomLeft()).y()
    )
    assert not line.focusPolicy() & Qt.FocusPolicy.TabFocus  # Tab goes on to the buttons


def test_the_grounding_pause_without_support_shows_no_contact(qtbot: QtBot, tmp_path: Path) -> None:
    h = Harness(qtbot, tmp_path)
    h.view.start()
    h.view.pause_button.click()
    grounding = h.view.grounding
    assert grounding.support_labels == []
    assert not [
        label for label in grounding.findChildren(QLabel) if "support" in label.text().lower()
    ]
    grounding.set_support((("", "Crisis line 113"),))
    (line,) = grounding.support_labels
    assert line.text() == "If you need support: Crisis line 113"
    qtbot.waitUntil(line.isVisible)
    grounding.set_support(())
    assert grounding.support_labels == []


def test_reduced_motion_fills_a_bar_at_a_calm_rate(qtbot: QtBot, tmp_path: Path) -> None:
    h = Harness(qtbot, tmp_path, reduced_motion=True)
    assert h.view.pacer.reduced_motion and h.view.timer.interval() == REDUCED_FRAME_MS
    h.view.start()
    h.advance(4)
    assert h.view.pacer.phase == "in"
    image = h.view.pacer.grab()
    assert not image.isNull()


def test_without_sound_the_practice_goes_on_with_one_notice(qtbot: QtBot, tmp_path: Path) -> None:
    h = Harness(qtbot, tmp_path, sink=RecordingSink(works=False))
    h.view.start()
    assert h.view.notice_label.isVisible()
    assert h.view.notice_label.text() == "Sound is off: no sound device was found."
    h.advance(10)
    assert h.state is PlayState.PLAYING


def test_begun_with_its_button_the_practice_says_there_is_no_sound_too(
    qtbot: QtBot, tmp_path: Path
) -> None:
    h = Harness(qtbot, tmp_path, sink=RecordingSink(works=False))
    assert h.state is PlayState.READY
    qtbot.mouseClick(h.view.play_button, Qt.MouseButton.LeftButton)
    assert h.state is PlayState.PLAYING
    assert h.view.notice_label.text() == "Sound is off: no sound device was found."


def test_mute_and_narration_toggle_the_gains(qtbot: QtBot, tmp_path: Path) -> None:
    h = Harness(qtbot, tmp_path)
    h.view.start()
    gains = h.view.run.sound.mixer.gains
    h.key(Qt.Key.Key_M)
    assert gains.master == 0.0 and h.view.mute_button.text() == "Unmute"
    h.view.mute_button.click()
    assert gains.master == pytest.approx(h.view.volume.value() / 100)
    h.view.narration_button.click()
    assert gains.narration == 0.0 and h.view.narration_button.text() == "Voice off"


def test_every_control_has_an_accessible_name(qtbot: QtBot, tmp_path: Path) -> None:
    h = Harness(qtbot, tmp_path)
    h.view.start()
    h.advance(26)  # at the ask, so its form is there too
    interactive = (QAbstractButton, QAbstractSlider, QComboBox, QLineEdit, QPlainTextEdit)
    missing = [
        type(widget).__name__
        for widget in h.view.findChildren(QWidget)
        if isinstance(widget, interactive) and not widget.accessibleName()
    ]
    assert missing == []


def test_the_volume_slider_has_a_visible_name(qtbot: QtBot, tmp_path: Path) -> None:
    h = Harness(qtbot, tmp_path)
    h.view.show()
    label = h.view.volume_label
    assert label.text() == h.view.volume.accessibleName() == "Volume"
    assert label.buddy() is h.view.volume
    assert label.isVisible()
