"""A practice playing: the engine, the live sound it drives, and the bookkeeping.

`PracticeRun` is the one place the person's actions reach the engine. After each
action and on each `tick`, the audio thread is handed a fresh `Transport`, so sound
and picture move together; the player view only renders the snapshot it gets back.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol

from desktop_app.audio.live import LivePlayer, Transport, transport_of
from desktop_app.audio.session import SessionSound
from desktop_app.core.answers import Answer
from desktop_app.core.clock import Clock
from desktop_app.core.engine import PlayState, SessionEngine, Snapshot
from desktop_app.core.model import Practice

#: The engine's moves a person can ask for.
Move = Literal["previous_step", "next_step", "previous_section", "next_section"]


class SoundSink(Protocol):
    """Where a run's sound goes: the real device (`SoundOutput`) or a test's."""

    notice: str | None

    def start(self, player: LivePlayer) -> bool: ...

    def stop(self) -> None: ...


@dataclass(frozen=True)
class SessionResult:
    """How a session went, for the After screen and the journal."""

    practice_id: str
    completed: bool
    #: The step the person stopped at (0-based played step), when stopped early.
    stopped_at: int | None
    practised: float
    pauses: int
    grounding_pauses: int
    during: tuple[Answer, ...]
    started_at: float
    ended_at: float


class PracticeRun:
    """One playing of a prepared practice. `wall` gives the times the journal keeps
    (seconds since the epoch); `clock` paces the engine."""

    def __init__(
        self,
        practice: Practice,
        sound: SessionSound,
        clock: Clock,
        sink: SoundSink,
        *,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.practice = practice
        self.sound = sound
        self.clock = clock
        self.sink = sink
        self.wall = wall
        self.engine = SessionEngine(sound.timeline, clock)
        self.live = LivePlayer(sound.mixer, clock, self._transport())
        self.narration_gain = sound.mixer.gains.narration
        self.volume = sound.mixer.gains.master
        self.muted = False
        self.pauses = 0
        self.grounding_pauses = 0
        self.during: dict[str, Answer] = {}
        self.grounding = False
        self.started_at = wall()
        self.result: SessionResult | None = None

    @property
    def ended(self) -> bool:
        return self.result is not None

    @property
    def state(self) -> PlayState:
        return self.engine.state

    # --- the person's actions -------------------------------------------------------

    def start(self) -> list[str]:
        """Begin playing, with sound when a device is there. Returns what the person
        should know (no sound device, speech off, …)."""
        self.engine.play()
        self._moved()  # before the device asks: a player not yet playing would rest
        notices = []
        if not self.sink.start(self.live) and self.sink.notice:
            notices.append(self.sink.notice)
        notices += self.sound.notices
        return notices

    def move(self, move: Move) -> None:
        if not self.grounding and not self.ended:
            getattr(self.engine, move)()
            self._moved()

    def toggle(self) -> None:
        """Begin, pause or resume; a pause while playing or waiting is counted."""
        if self.ended or self.grounding:
            return
        if self.engine.state is PlayState.READY:
            self.start()
            return
        if self.engine.state in (PlayState.PLAYING, PlayState.WAITING):
            self.pauses += 1
        self.engine.toggle()
        self._moved()

    def continue_(self, answers: tuple[Answer, ...] = ()) -> bool:
        """Go on from a wait, keeping the answers given there. False when not waiting."""
        if self.engine.snapshot().state is not PlayState.WAITING:
            return False
        for answer in answers:
            self.during[answer.question_id] = answer
        self.engine.continue_()
        self._moved()
        return True

    def enter_grounding(self) -> bool:
        """Pause to ground oneself (counted). False once the run has ended."""
        if self.ended:
            return False
        if self.engine.state in (PlayState.PLAYING, PlayState.WAITING):
            self.engine.pause()
        self.grounding_pauses += 1
        self.grounding = True
        self._moved()
        return True

    def leave_grounding(self) -> None:
        self.grounding = False
        if self.engine.state is PlayState.PAUSED:
            self.engine.resume()
        self._moved()

    def end(self) -> SessionResult | None:
        """Stop early: the session is still recorded, with what was answered."""
        if self.ended:
            return None
        stopped_at = self.engine.snapshot().step
        self.engine.stop()
        return self._finish(completed=False, stopped_at=stopped_at)

    def set_narration(self, on: bool) -> None:
        self.sound.mixer.gains.narration = self.narration_gain if on else 0.0

    def set_volume(self, volume: float) -> None:
        self.volume = volume
        if not self.muted:
            self.sound.mixer.gains.master = volume

    def toggle_mute(self) -> bool:
        """Mute or unmute; True when now muted."""
        self.muted = not self.muted
        self.sound.mixer.gains.master = 0.0 if self.muted else self.volume
        return self.muted

    # --- following the engine -------------------------------------------------------

    def tick(self) -> Snapshot:
        """The engine's state now, with the sound kept in step. The run finishes
        itself when the engine does (`result` is then set)."""
        snapshot = self.engine.snapshot()
        self.live.transport = transport_of(snapshot, self.sound.timeline, self.clock.now())
        if snapshot.state is PlayState.FINISHED and not self.ended:
            self._finish(completed=True, stopped_at=None)
        return snapshot

    def _moved(self) -> None:
        self.live.transport = self._transport()

    def _transport(self) -> Transport:
        return transport_of(self.engine.snapshot(), self.sound.timeline, self.clock.now())

    def _finish(self, *, completed: bool, stopped_at: int | None) -> SessionResult:
        self.sink.stop()
        self.result = SessionResult(
            practice_id=self.practice.id,
            completed=completed,
            stopped_at=stopped_at,
            practised=self.engine.practised,
            pauses=self.pauses,
            grounding_pauses=self.grounding_pauses,
            during=tuple(self.during.values()),
            started_at=self.started_at,
            ended_at=self.wall(),
        )
        return self.result
