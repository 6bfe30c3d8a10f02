"""What a compiled timeline is made of: segments, sections, holds and sound cues.

Times are seconds of *timed* practice from 0 to `Timeline.total`. Untimed waiting
(`wait`, `ask`) sits at a single instant, marked by a `Hold`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal, TypeAlias

from desktop_app.core.model import Question, Step

SegmentKind = Literal["say", "silence", "breathe", "bell", "audio", "wait", "ask"]
Phase = Literal["in", "hold", "out", "rest"]


@dataclass(frozen=True)
class BreathCycle:
    """One paced breath; `start` is absolute, the phases are lengths in seconds."""

    start: float
    inhale: float
    hold: float
    exhale: float
    rest: float

    @property
    def end(self) -> float:
        return self.start + self.inhale + self.hold + self.exhale + self.rest

    def phases(self) -> tuple[tuple[Phase, float, float], ...]:
        """(phase, absolute start, length) of the four phases, zero-length ones included."""
        at_hold = self.start + self.inhale
        at_out = at_hold + self.hold
        at_rest = at_out + self.exhale
        return (
            ("in", self.start, self.inhale),
            ("hold", at_hold, self.hold),
            ("out", at_out, self.exhale),
            ("rest", at_rest, self.rest),
        )


@dataclass(frozen=True)
class Segment:
    """A stretch of timed practice belonging to one played step.

    `step` counts played steps in playing order (repeats unrolled, sections not counted).
    A step has one segment, except a breathing block with leftover time, which is
    followed by a quiet `silence` segment of the same step.
    """

    start: float
    end: float
    kind: SegmentKind
    step: int
    #: Shown (and for say/wait spoken) text in the display language, markup kept.
    text: str | None
    #: Index into `Timeline.sections`; None before the first section.
    section: int | None
    source: Step
    #: say/wait: seconds of speech at the segment's start.
    spoken: float = 0.0
    cycles: tuple[BreathCycle, ...] = ()
    question: Question | None = None
    image: str | None = None

    @property
    def duration(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class SectionMark:
    start: float
    title: str
    #: The played step the section begins with (== number of steps when none follow).
    first_step: int


@dataclass(frozen=True)
class Hold:
    """An instant where the practice waits for the person (Continue, or an answer)."""

    at: float
    step: int
    kind: Literal["wait", "ask"]


@dataclass(frozen=True)
class SpeechCue:
    start: float
    duration: float
    #: Plain text to speak (markup stripped).
    text: str
    #: The language actually spoken, after falling back to the file's language.
    language: str
    step: int
    channel: Literal["narration", "cue"]


@dataclass(frozen=True)
class BellCue:
    start: float
    sound: str
    step: int


@dataclass(frozen=True)
class ToneCue:
    start: float
    duration: float
    phase: Phase
    step: int


@dataclass(frozen=True)
class ClipCue:
    start: float
    duration: float
    path: str
    step: int


SoundCue: TypeAlias = SpeechCue | BellCue | ToneCue | ClipCue


@dataclass(frozen=True)
class Timeline:
    practice_id: str
    #: The display language asked for.
    language: str
    #: The chosen length; None when the practice has no lengths.
    length: float | None
    #: Timed seconds from start to end (waiting at holds excluded).
    total: float
    segments: tuple[Segment, ...]
    sections: tuple[SectionMark, ...]
    holds: tuple[Hold, ...]
    #: What the mixer plays, sorted by start.
    sounds: tuple[SoundCue, ...]
    #: Start of each played step; index = `Segment.step`.
    step_starts: tuple[float, ...]

    @property
    def step_count(self) -> int:
        return len(self.step_starts)

    def step_at(self, t: float) -> int | None:
        """The last played step starting at or before `t` (holds ignored)."""
        if not self.step_starts:
            return None
        return max(0, bisect_right(self.step_starts, t) - 1)

    def segment_at(self, t: float) -> Segment | None:
        """The segment playing at `t` (holds ignored): where zero-length segments and the
        next one share a start, the later one, since time has moved past the others."""
        if not self.segments:
            return None
        index = bisect_right(self.segments, t, key=_segment_start) - 1
        return self.segments[max(0, index)]

    def step_segment(self, step: int, t: float) -> Segment | None:
        """The segment of played step `step` at `t`, with `t` held inside that step."""
        index = bisect_right(self.segments, (step, t), key=_step_and_start) - 1
        if index >= 0 and self.segments[index].step == step:
            return self.segments[index]
        # `t` before the step: its first segment, if it has any.
        following = index + 1
        if following < len(self.segments) and self.segments[following].step == step:
            return self.segments[following]
        return None

    def section_of_step(self, step: int) -> int | None:
        """Index of the section that played step `step` belongs to; None before the first."""
        index = bisect_right(self.sections, step, key=_first_step) - 1
        return index if index >= 0 else None


def _segment_start(segment: Segment) -> float:
    return segment.start


def _step_and_start(segment: Segment) -> tuple[int, float]:
    return segment.step, segment.start


def _first_step(section: SectionMark) -> int:
    return section.first_step
