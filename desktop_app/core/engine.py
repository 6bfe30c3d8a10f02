"""The session engine: where a person is in a timeline, and the controls that move them.

It never sleeps and owns no timer. While playing, the position is derived from the
injected clock (position at the last control action + clock time since), stopped at
the next hold that has not been released and at the end. Whoever asks — the view's
repaint timer, the mixer — drives it: the switch to WAITING or FINISHED is noticed on
the next question and dated to the instant it really happened, so the time practised
does not depend on how often anyone asks.

Holds belong to steps. Arriving at a step (skip, seek) releases the holds of every
earlier step and re-arms the holds of that step and every later one: skipping back
to an `ask` asks again; skipping forward out of a `wait` moves on.

Not thread-safe: call it from one thread (the GUI thread), and hand the mixer the
positions it needs.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from enum import Enum
from typing import Final

from desktop_app.core.clock import Clock
from desktop_app.core.model import Question
from desktop_app.core.timeline import (
    BreathCycle,
    Hold,
    Phase,
    SectionMark,
    Segment,
    SegmentKind,
    Timeline,
)

#: Seconds into a step (or section) within which "previous" goes to the one before,
#: rather than back to the start of the current one — as media players do.
SKIP_BACK_GRACE: Final = 2.0


class PlayState(Enum):
    READY = "ready"
    PLAYING = "playing"
    PAUSED = "paused"
    #: Stopped at a hold (a `wait` or an `ask`) until `continue_`.
    WAITING = "waiting"
    #: Reached the end; `seek` and the `previous_*` controls can still go back.
    FINISHED = "finished"
    #: Ended by the person; final.
    STOPPED = "stopped"


#: States in which clock time counts as practised and the position may move on.
_ACTIVE: Final = frozenset({PlayState.PLAYING, PlayState.WAITING})
#: States in which skipping forward does nothing.
_ENDED: Final = frozenset({PlayState.FINISHED, PlayState.STOPPED})


@dataclass(frozen=True)
class Snapshot:
    """Everything the view needs at one instant."""

    state: PlayState
    position: float
    #: Timed seconds played so far (the position); with `remaining` it adds up to `total`.
    elapsed: float
    remaining: float
    total: float
    step: int | None
    segment: Segment | None
    kind: SegmentKind | None
    text: str | None
    section: int | None
    section_title: str | None
    #: Breathing: the phase now, how far through it (0..1), its seconds left and length.
    phase: Phase | None
    phase_progress: float
    phase_remaining: float
    phase_length: float
    #: 0-based index of the cycle now, of `cycles` in the block (0 when not breathing).
    cycle: int | None
    cycles: int
    #: The hold we are stopped at, only when WAITING (not when paused there).
    waiting: Hold | None
    #: The question of the current `ask` step, in any state.
    question: Question | None
    #: Raised by every control action that moves or changes state; the sound layer
    #: re-syncs (and fades) when it changes. Reaching a hold or the end does not raise it.
    revision: int


@dataclass(frozen=True)
class _Breath:
    phase: Phase | None = None
    progress: float = 0.0
    remaining: float = 0.0
    length: float = 0.0
    cycle: int | None = None
    cycles: int = 0


class SessionEngine:
    """Plays one timeline against a clock. See the module docstring for holds and time."""

    def __init__(self, timeline: Timeline, clock: Clock) -> None:
        self._timeline = timeline
        self._clock = clock
        self._state = PlayState.READY
        # While PLAYING: position = anchor position + (now - anchor time). Otherwise the
        # position is the anchor position.
        self._anchor_time = clock.now()
        self._anchor_position = 0.0
        # Holds before this index are released; the one at it is the next to stop at.
        self._next_hold = 0
        self._hold_steps = tuple(hold.step for hold in timeline.holds)
        self._landable = _landable_steps(timeline)
        self._practised = 0.0
        self._active_since: float | None = None
        self._revision = 0

    # --- reading ------------------------------------------------------------------

    @property
    def timeline(self) -> Timeline:
        return self._timeline

    @property
    def state(self) -> PlayState:
        self._sync()
        return self._state

    @property
    def position(self) -> float:
        return self._position(self._sync())

    @property
    def revision(self) -> int:
        return self._revision

    @property
    def practised(self) -> float:
        """Clock seconds spent PLAYING or WAITING (not paused), for the journal."""
        now = self._sync()
        running = now - self._active_since if self._active_since is not None else 0.0
        return self._practised + max(0.0, running)

    def snapshot(self) -> Snapshot:
        now = self._sync()
        position = self._position(now)
        step = self._current_step(position)
        segment = None if step is None else self._timeline.step_segment(step, position)
        breath = _breath_at(segment, position)
        section = segment.section if segment is not None else None
        title = None if section is None else self._timeline.sections[section].title
        total = self._timeline.total
        return Snapshot(
            state=self._state,
            position=position,
            elapsed=position,
            remaining=max(0.0, total - position),
            total=total,
            step=step,
            segment=segment,
            kind=None if segment is None else segment.kind,
            text=None if segment is None else segment.text,
            section=section,
            section_title=title,
            phase=breath.phase,
            phase_progress=breath.progress,
            phase_remaining=breath.remaining,
            phase_length=breath.length,
            cycle=breath.cycle,
            cycles=breath.cycles,
            waiting=self._pending_hold() if self._state is PlayState.WAITING else None,
            question=None if segment is None else segment.question,
            revision=self._revision,
        )

    # --- play, pause, stop, continue ----------------------------------------------

    def play(self) -> None:
        """Start (READY) or resume (PAUSED); otherwise nothing."""
        now = self._sync()
        if self._state in (PlayState.READY, PlayState.PAUSED):
            self._run(now)

    def pause(self) -> None:
        """Freeze while PLAYING or WAITING. A hold stays armed: resuming waits again."""
        now = self._sync()
        if self._state in _ACTIVE:
            self._halt(now, PlayState.PAUSED)

    def resume(self) -> None:
        """Play on from PAUSED (back to WAITING when paused at a hold); otherwise nothing."""
        now = self._sync()
        if self._state is PlayState.PAUSED:
            self._run(now)

    def toggle(self) -> None:
        """Pause when playing or waiting, play when ready or paused."""
        if self.state in _ACTIVE:
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        """End the session here, for good. Nothing once FINISHED or STOPPED."""
        now = self._sync()
        if self._state not in _ENDED:
            self._halt(now, PlayState.STOPPED)

    def continue_(self) -> None:
        """Release the hold we wait at and play on; nothing unless WAITING."""
        now = self._sync()
        if self._state is not PlayState.WAITING:
            return
        self._next_hold += 1
        self._anchor_time = now
        self._state = PlayState.PLAYING
        self._changed(now)

    # --- moving -------------------------------------------------------------------

    def next_step(self) -> None:
        """Go to the start of the next step; past the last one, to the end (FINISHED).

        Steps that take no time and do not wait (a clip of unknown length) are passed
        over: there is nothing to see in them.
        """
        now = self._sync()
        if self._state in _ENDED:
            return
        step = self._current_step(self._position(now))
        target = self._landable_from(0 if step is None else step + 1)
        if target is None:
            self._finish(now)
        else:
            self._go_to_step(target, now)

    def previous_step(self) -> None:
        """Media-player convention: more than `SKIP_BACK_GRACE` (2 s) into the current
        step, go back to its start; otherwise to the start of the step before it (or of
        the first step). Works from FINISHED too, landing PAUSED."""
        now = self._sync()
        if self._state is PlayState.STOPPED:
            return
        position = self._position(now)
        step = self._current_step(position)
        if step is None:
            return
        if position - self._timeline.step_starts[step] <= SKIP_BACK_GRACE:
            step = self._landable_before(step)
        self._go_to_step(step, now)

    def next_section(self) -> None:
        """Go to the start of the next section; after the last one, to the end (FINISHED)."""
        now = self._sync()
        if self._state in _ENDED:
            return
        step = self._current_step(self._position(now))
        sections = self._timeline.sections
        later = bisect_right(sections, -1 if step is None else step, key=_first_step)
        if later < len(sections) and sections[later].first_step < self._timeline.step_count:
            self._go_to_step(sections[later].first_step, now)
        else:
            self._finish(now)

    def previous_section(self) -> None:
        """Like `previous_step`, for sections: more than 2 s into the current section, go
        back to its start; otherwise to the start of the one before (or of the practice)."""
        now = self._sync()
        if self._state is PlayState.STOPPED:
            return
        position = self._position(now)
        step = self._current_step(position)
        if step is None:
            return
        sections = self._timeline.sections
        current = self._timeline.section_of_step(step)
        if current is not None and position - sections[current].start > SKIP_BACK_GRACE:
            self._go_to_step(sections[current].first_step, now)
            return
        target = 0  # before the first section, or near its start: the practice's start
        if current is not None:
            # Sections starting at the same instant as this one (empty ones) are no way back.
            here = sections[current].start
            earlier = [mark for mark in sections[:current] if mark.start < here]
            target = earlier[-1].first_step if earlier else 0
        self._go_to_step(target, now)

    def seek(self, t: float) -> None:
        """Go to timed position `t` (clamped to the practice), keeping play or pause.

        Where steps start exactly at `t`, we arrive at the first of them, so seeking to
        the instant of an `ask` asks it. Holds of the step arrived in and later ones are
        armed. Works from FINISHED too, landing PAUSED.
        """
        if math.isnan(t):
            raise ValueError("cannot seek to NaN")
        now = self._sync()
        starts = self._timeline.step_starts
        if self._state is PlayState.STOPPED or not starts:
            return
        position = min(max(t, 0.0), self._timeline.total)
        first_at = bisect_left(starts, position)
        if first_at < len(starts) and starts[first_at] == position:
            step = first_at
        else:
            step = max(0, first_at - 1)
        self._jump(position, step, now)

    # --- internals: time ------------------------------------------------------------

    def _sync(self) -> float:
        """Read the clock and catch up with what happened since; returns the reading."""
        now = self._clock.now()
        self._advance(now)
        return now

    def _advance(self, now: float) -> None:
        """While playing, stop at the next armed hold (WAITING) or at the end (FINISHED),
        dated to the instant the position reached it."""
        if self._state is not PlayState.PLAYING:
            return
        hold = self._pending_hold()
        limit = hold.at if hold is not None else self._timeline.total
        travelled = max(0.0, now - self._anchor_time)
        if self._anchor_position + travelled < limit:
            return
        reached = self._anchor_time + max(0.0, limit - self._anchor_position)
        self._anchor_position = limit
        self._anchor_time = reached
        if hold is not None:
            self._state = PlayState.WAITING
        else:
            self._state = PlayState.FINISHED
            self._stop_practising(reached)

    def _position(self, now: float) -> float:
        """The position at `now`, which `_advance(now)` has already caught up with."""
        if self._state is PlayState.PLAYING:
            return self._anchor_position + max(0.0, now - self._anchor_time)
        return self._anchor_position

    def _pending_hold(self) -> Hold | None:
        holds = self._timeline.holds
        return holds[self._next_hold] if self._next_hold < len(holds) else None

    def _start_practising(self, now: float) -> None:
        if self._active_since is None:
            self._active_since = now

    def _stop_practising(self, at: float) -> None:
        if self._active_since is not None:
            self._practised += max(0.0, at - self._active_since)
            self._active_since = None

    # --- internals: state changes -------------------------------------------------

    def _changed(self, now: float) -> None:
        """After a control action: count it, and see whether it already reached a hold
        or the end (landing on an `ask` waits at once)."""
        self._revision += 1
        self._advance(now)

    def _run(self, now: float) -> None:
        self._anchor_time = now
        self._state = PlayState.PLAYING
        self._start_practising(now)
        self._changed(now)

    def _halt(self, now: float, state: PlayState) -> None:
        self._anchor_position = self._position(now)
        self._anchor_time = now
        self._stop_practising(now)
        self._state = state
        self._changed(now)

    def _finish(self, now: float) -> None:
        self._anchor_position = self._timeline.total
        self._anchor_time = now
        self._next_hold = len(self._timeline.holds)
        self._stop_practising(now)
        self._state = PlayState.FINISHED
        self._changed(now)

    def _go_to_step(self, step: int, now: float) -> None:
        self._jump(self._timeline.step_starts[step], step, now)

    def _jump(self, position: float, step: int, now: float) -> None:
        """Move to `position` inside `step`: holds of earlier steps released, of this
        one and later ones armed. Playing (or waiting) plays on, paused or ready stays
        so, and from FINISHED we come back paused."""
        self._next_hold = bisect_left(self._hold_steps, step)
        self._anchor_position = position
        self._anchor_time = now
        if self._state is PlayState.WAITING:
            self._state = PlayState.PLAYING
        elif self._state is PlayState.FINISHED:
            self._state = PlayState.PAUSED
        self._changed(now)

    # --- internals: where we are --------------------------------------------------

    def _current_step(self, position: float) -> int | None:
        """The last step started at `position`, but never past a hold not yet released:
        waiting at the end of a `wait`, we are still in it, not in the step after."""
        starts = self._timeline.step_starts
        if not starts:
            return None
        step = max(0, bisect_right(starts, position) - 1)
        hold = self._pending_hold()
        if hold is not None and hold.step < step:
            step = hold.step
        return step

    def _landable_from(self, step: int) -> int | None:
        index = bisect_left(self._landable, step)
        return self._landable[index] if index < len(self._landable) else None

    def _landable_before(self, step: int) -> int:
        index = bisect_left(self._landable, step)
        return self._landable[index - 1] if index > 0 else 0


def _first_step(mark: SectionMark) -> int:
    return mark.first_step


def _cycle_start(cycle: BreathCycle) -> float:
    return cycle.start


def _landable_steps(timeline: Timeline) -> tuple[int, ...]:
    """Steps one can be *in*: those that take time, and those that wait (an `ask` takes
    none). Skipping to any other step would show it for no time at all."""
    starts = timeline.step_starts
    if not starts:
        return ()
    ends = (*starts[1:], timeline.total)
    holding = {hold.step for hold in timeline.holds}
    return tuple(
        step
        for step, (start, end) in enumerate(zip(starts, ends, strict=True))
        if end > start or step in holding
    )


def _breath_at(segment: Segment | None, position: float) -> _Breath:
    """The breathing phase at `position` in a breathe segment; none elsewhere, including
    the quiet after a block's last whole cycle."""
    if segment is None or not segment.cycles:
        return _Breath()
    cycles = segment.cycles
    index = max(0, bisect_right(cycles, position, key=_cycle_start) - 1)
    timed = [phase for phase in cycles[index].phases() if phase[2] > 0]
    if not timed:
        return _Breath(cycle=index, cycles=len(cycles))
    starts = [start for _, start, _ in timed]
    name, start, length = timed[max(0, bisect_right(starts, position) - 1)]
    into = min(max(position - start, 0.0), length)
    return _Breath(name, into / length, length - into, length, index, len(cycles))
