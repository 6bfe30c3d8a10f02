"""Typed, immutable models of practices, plans and pack manifests (formats.md, version 1).

The loaders in `practice_loader`, `plan_loader` and `pack_loader` are the only way
these are built from files; tests and generators may build them directly.
Every duration is in seconds (float). Positions are 1-based, as shown to people.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeAlias

from desktop_app.core.position import Pos as Pos  # its own module; still importable here
from desktop_app.core.text import Text

PRACTICE_KINDS = (
    "breathing",
    "focusing",
    "self-compassion",
    "guided-imagery",
    "mindfulness",
    "body-awareness",
    "grounding",
    "relational",
    "other",
)
BELL_SOUNDS = ("bowl", "chime", "gong", "wood")
NOISE_BACKGROUNDS = ("pink-noise", "brown-noise", "rain")
BREATH_CUES = ("tone", "voice", "none")
BreathCue: TypeAlias = Literal["tone", "voice", "none"]
AUDIO_EXTENSIONS = (".wav", ".flac", ".ogg")
IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".svg")

#: Measures an audio clip in seconds, given its full path; raises ValueError (with a
#: message for people) when the file cannot be read as audio.
MeasureClip: TypeAlias = Callable[[Path], float]

#: A value kept from an `x-` key: plain data (str, int, float, bool, None, tuples).
Extra: TypeAlias = object


#: The position of something not read from a file (built in code, or a default).
NOWHERE = Pos()


@dataclass(frozen=True)
class Flex:
    """An elastic duration: a share of the time left over, by weight, never below `minimum`."""

    weight: float = 1.0
    minimum: float = 0.0


#: A fixed number of seconds, or an elastic share.
Span: TypeAlias = float | Flex


@dataclass(frozen=True)
class Ramp:
    """A breathing phase that changes evenly from `start` to `end` across a block's cycles.

    A constant phase is a ramp with start == end.
    """

    start: float
    end: float

    @classmethod
    def constant(cls, seconds: float) -> Ramp:
        return cls(seconds, seconds)

    def at(self, cycle: int, cycles: int) -> float:
        """Length of this phase in cycle `cycle` (0-based) of `cycles`."""
        if cycles <= 1:
            return self.start
        return self.start + (self.end - self.start) * cycle / (cycles - 1)

    def total(self, cycles: int) -> float:
        """Summed length over `cycles` cycles: cycles times the mean (start only for one)."""
        if cycles <= 0:
            return 0.0
        if cycles == 1:
            return self.start
        return cycles * (self.start + self.end) / 2


# --- reflection questions ---------------------------------------------------------


@dataclass(frozen=True)
class ScaleQuestion:
    id: str
    prompt: Text
    minimum: int = 0
    maximum: int = 10
    low: Text | None = None
    high: Text | None = None
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class TextQuestion:
    id: str
    prompt: Text
    placeholder: Text | None = None
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class ChoiceQuestion:
    id: str
    prompt: Text
    options: tuple[Text, ...]
    multiple: bool = False
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class FeelingsQuestion:
    id: str
    prompt: Text
    pos: Pos = NOWHERE


Question: TypeAlias = ScaleQuestion | TextQuestion | ChoiceQuestion | FeelingsQuestion


@dataclass(frozen=True)
class Reflection:
    before: tuple[Question, ...] = ()
    after: tuple[Question, ...] = ()


# --- steps ------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    title: Text
    image: str | None = None
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Say:
    text: Text
    pause: Span = 1.0
    image: str | None = None
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Silence:
    duration: Span
    text: Text | None = None
    image: str | None = None
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Breathe:
    inhale: Ramp
    exhale: Ramp
    hold: Ramp = Ramp(0.0, 0.0)
    rest: Ramp = Ramp(0.0, 0.0)
    #: Exactly one of `cycles` and `span` is set: a count, or `for:` (fixed or elastic).
    cycles: int | None = None
    span: Span | None = None
    cue: BreathCue = "tone"
    text: Text | None = None
    image: str | None = None
    pos: Pos = NOWHERE

    def cycles_total(self, cycles: int) -> float:
        """Length of `cycles` whole cycles of this block, ramps included."""
        return sum(
            phase.total(cycles) for phase in (self.inhale, self.hold, self.exhale, self.rest)
        )

    def cycle(self, index: int, cycles: int) -> tuple[float, float, float, float]:
        """(in, hold, out, rest) of cycle `index` (0-based) of `cycles`."""
        return (
            self.inhale.at(index, cycles),
            self.hold.at(index, cycles),
            self.exhale.at(index, cycles),
            self.rest.at(index, cycles),
        )

    def cycles_fitting(self, seconds: float) -> int:
        """The largest number of whole cycles whose total fits in `seconds`."""
        low, high = 0, 1
        while self.cycles_total(high) <= seconds + 1e-9:
            low, high = high, high * 2
            if high > 1_000_000:
                return low
        while high - low > 1:
            middle = (low + high) // 2
            if self.cycles_total(middle) <= seconds + 1e-9:
                low = middle
            else:
                high = middle
        return low


@dataclass(frozen=True)
class Bell:
    sound: str
    times: int = 1
    gap: float = 4.0
    image: str | None = None
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Audio:
    path: str
    text: Text | None = None
    image: str | None = None
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Wait:
    text: Text
    image: str | None = None
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Ask:
    question: Question
    image: str | None = None
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Repeat:
    times: int
    steps: tuple[Step, ...]
    image: str | None = None
    pos: Pos = NOWHERE


Step: TypeAlias = Section | Say | Silence | Breathe | Bell | Audio | Wait | Ask | Repeat


# --- practice, plan, pack ---------------------------------------------------------


@dataclass(frozen=True)
class Practice:
    id: str
    title: Text
    kind: str
    language: str
    summary: Text
    steps: tuple[Step, ...]
    reflection: Reflection
    description: Text | None = None
    author: str | None = None
    license: str | None = None
    version: int | None = None
    tags: tuple[str, ...] = ()
    lengths: tuple[float, ...] = ()
    safety: Text | None = None
    narration_rate: float = 1.0
    background: str | None = None
    extras: tuple[tuple[str, Extra], ...] = ()
    #: The file it came from, and the folder its media paths are relative to.
    source: Path | None = None
    media_root: Path | None = None
    #: Where the id and each length were written, for messages about them.
    id_pos: Pos = field(default=NOWHERE, compare=False)
    length_positions: tuple[Pos, ...] = field(default=(), compare=False)

    @property
    def default_length(self) -> float | None:
        return self.lengths[0] if self.lengths else None


@dataclass(frozen=True)
class Daily:
    pass


@dataclass(frozen=True)
class Weekdays:
    pass


@dataclass(frozen=True)
class OnDays:
    #: ISO weekday numbers, Monday = 1 … Sunday = 7.
    days: frozenset[int]


@dataclass(frozen=True)
class PerWeek:
    times: int


Schedule: TypeAlias = Daily | Weekdays | OnDays | PerWeek


@dataclass(frozen=True)
class PlanItem:
    practice: str
    when: Schedule
    length: float | None = None
    at: dt.time | None = None
    note: Text | None = None
    pos: Pos = NOWHERE
    length_pos: Pos = NOWHERE


@dataclass(frozen=True)
class Plan:
    id: str
    title: Text
    language: str
    assigned_by: str
    items: tuple[PlanItem, ...]
    message: Text | None = None
    starts: dt.date | None = None
    ends: dt.date | None = None
    contact: Text | None = None
    extras: tuple[tuple[str, Extra], ...] = ()
    source: Path | None = None
    id_pos: Pos = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class PackManifest:
    id: str
    title: Text
    author: str
    version: int
    language: str
    description: Text | None = None
    extras: tuple[tuple[str, Extra], ...] = ()
    source: Path | None = None


def spoken_languages(practice: Practice) -> list[str]:
    """The file's language first, then every other language its spoken texts have:
    a Dutch translation may take longer to say than the English."""
    found = {practice.language: None}
    for text in _spoken_texts(practice.steps):
        for code, _ in text.translations:  # (a library scan asks this of every practice)
            found[code] = None
    return list(found)


def _spoken_texts(steps: tuple[Step, ...]) -> Iterator[Text]:
    for step in steps:
        if isinstance(step, Repeat):
            yield from _spoken_texts(step.steps)
        elif isinstance(step, Say | Wait):
            yield step.text
