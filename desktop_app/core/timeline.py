"""The timeline compiler: a practice, a chosen length and real speech lengths become
one flat, timed list of what to show, what to sound and where to wait.

Elastic time (formats.md, "Elastic time and lengths") is resolved here and nowhere else.
The session engine and the mixer only read the result, so what a person sees and what
they hear come from the same numbers.

Times are seconds of *timed* practice from 0 to `Timeline.total`. Untimed waiting
(`wait`, `ask`) sits at a single instant, marked by a `Hold`.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final, Literal, TypeAlias

from desktop_app.core.durations import format_duration
from desktop_app.core.model import (
    Ask,
    Audio,
    Bell,
    Breathe,
    Flex,
    Practice,
    Question,
    Repeat,
    Say,
    Section,
    Silence,
    Span,
    Step,
    Wait,
)
from desktop_app.core.text import Text, primary_subtag, strip_markup, word_count

SegmentKind = Literal["say", "silence", "breathe", "bell", "audio", "wait", "ask"]
Phase = Literal["in", "hold", "out", "rest"]

#: Speech estimate when no synthesized length is known (formats.md).
WORDS_PER_MINUTE: Final = 150.0

#: The words of `cue: voice`, by primary language subtag; other languages use English.
BREATH_WORDS: Final[Mapping[str, Mapping[Phase, str]]] = {
    "en": {"in": "in", "hold": "hold", "out": "out", "rest": "rest"},
    "nl": {"in": "in", "hold": "vast", "out": "uit", "rest": "rust"},
}
_FALLBACK_WORDS_LANGUAGE: Final = "en"

#: Most steps (repeats unrolled) plus counted breathing cycles one timeline lays out:
#: hours of practice, yet a refusal rather than a hang for nested repeats of thousands.
MAX_LAYOUT_SIZE: Final = 100_000

#: A breathing block's leftover below this is float noise, not quiet time worth a segment.
_LEFTOVER_EPSILON: Final = 1e-9
#: How far a length may fall short of what it needs before we refuse it (float noise only).
_LENGTH_TOLERANCE: Final = 1e-6

#: (plain text, language) -> seconds of speech.
SpeechLength: TypeAlias = Callable[[str, str], float]
#: Media path as written in the practice -> seconds.
ClipLength: TypeAlias = Callable[[str], float]

#: The steps that are played; `section` and `repeat` only shape the order.
PlayedStep: TypeAlias = Say | Silence | Breathe | Bell | Audio | Wait | Ask


class TimelineError(ValueError):
    """A practice cannot be laid out at the requested length."""

    def __init__(
        self, message: str, *, length: float | None = None, shortfall: float | None = None
    ) -> None:
        super().__init__(message)
        self.length = length
        self.shortfall = shortfall


# --- what a timeline is made of ---------------------------------------------------


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


@dataclass(frozen=True)
class TimeBudget:
    """What a practice needs, for the validator: lengths must be at least fixed + minimums."""

    #: Everything except the elastic parts.
    fixed: float
    #: Sum of the elastic parts' minimums, each unrolled instance counted.
    minimums: float
    #: Number of elastic instances, repeats unrolled.
    elastic_parts: int


# --- speech and clip lengths ------------------------------------------------------


def estimate_speech(rate: float = 1.0) -> SpeechLength:
    """Spoken length estimated at 150 words per minute at rate 1.0 (formats.md)."""
    if not (math.isfinite(rate) and rate > 0):
        raise ValueError(f"narration rate must be a positive number, got {rate}")

    def estimate(text: str, language: str) -> float:
        del language  # the estimate is the same in every language
        return word_count(text) * 60.0 / (WORDS_PER_MINUTE * rate)

    return estimate


def _unknown_clip_length(path: str) -> float:
    del path  # without a media reader, clips count as taking no time
    return 0.0


@dataclass(frozen=True)
class _Line:
    """A say/wait text resolved for display and measured for speech."""

    shown: str
    plain: str
    language: str
    seconds: float


@dataclass
class _Voice:
    """The display language and the measures, memoised: voice cues and repeats say the
    same things again, and measuring real speech or a clip may be slow."""

    language: str
    speech_length: SpeechLength
    clip_length: ClipLength
    _speech: dict[tuple[str, str], float] = field(default_factory=dict)
    _clips: dict[str, float] = field(default_factory=dict)

    def show(self, text: Text) -> str:
        return text.get(self.language)

    def line(self, text: Text) -> _Line:
        language, shown = text.resolve(self.language)
        plain = strip_markup(shown)
        return _Line(shown, plain, language, self.speech(plain, language))

    def speech(self, plain: str, language: str) -> float:
        if not plain:
            return 0.0  # nothing to say takes no time, whatever the synthesizer thinks
        key = (plain, language)
        if key not in self._speech:
            self._speech[key] = _seconds(self.speech_length(plain, language), f"speech {plain!r}")
        return self._speech[key]

    def clip(self, path: str) -> float:
        if path not in self._clips:
            self._clips[path] = _seconds(self.clip_length(path), f"clip {path!r}")
        return self._clips[path]

    def breath_word(self, phase: Phase) -> tuple[str, str]:
        """(word, language) for a phase in the display language, else in English."""
        language = primary_subtag(self.language)
        if language not in BREATH_WORDS:
            language = _FALLBACK_WORDS_LANGUAGE
        return BREATH_WORDS[language][phase], language


def _seconds(value: float, what: str) -> float:
    seconds = float(value)
    if not (math.isfinite(seconds) and seconds >= 0):
        raise TimelineError(f"the length of {what} is not a duration: {value}")
    return seconds


def _make_voice(
    practice: Practice,
    speech_length: SpeechLength | None,
    clip_length: ClipLength | None,
    language: str | None,
) -> _Voice:
    return _Voice(
        language=language or practice.language,
        speech_length=speech_length or estimate_speech(practice.narration_rate),
        clip_length=clip_length or _unknown_clip_length,
    )


# --- unrolling and measuring ------------------------------------------------------


@dataclass(frozen=True)
class _Played:
    """One played step, measured: its fixed seconds and its elastic part, if any."""

    step: PlayedStep
    #: Its own image, else its innermost repeat's.
    image: str | None
    line: _Line | None
    fixed: float
    flex: Flex | None


_Item: TypeAlias = Section | _Played


def _unroll(
    steps: Sequence[Step], image: str | None = None
) -> Iterator[Section | tuple[PlayedStep, str | None]]:
    for step in steps:
        if isinstance(step, Repeat):
            for _ in range(step.times):
                yield from _unroll(step.steps, step.image or image)
        elif isinstance(step, Section):
            yield step
        else:
            yield step, step.image or image


def _items(practice: Practice, voice: _Voice) -> list[_Item]:
    items: list[_Item] = []
    for entry in _unroll(practice.steps):
        if isinstance(entry, Section):
            items.append(entry)
        else:
            items.append(_measure(*entry, voice))
    return items


def _measure(step: PlayedStep, image: str | None, voice: _Voice) -> _Played:
    line = voice.line(step.text) if isinstance(step, Say | Wait) else None
    return _Played(step, image, line, _fixed_seconds(step, line, voice), _elastic_part(step))


def _fixed_seconds(step: PlayedStep, line: _Line | None, voice: _Voice) -> float:
    spoken = line.seconds if line is not None else 0.0
    match step:
        case Say():
            return spoken + _fixed(step.pause)
        case Silence():
            return _fixed(step.duration)
        case Breathe():
            return step.cycles_total(step.cycles) if step.cycles is not None else _fixed(step.span)
        case Bell():
            return step.times * step.gap
        case Audio():
            return voice.clip(step.path)
        case Wait():
            return spoken
        case Ask():
            return 0.0


def _elastic_part(step: PlayedStep) -> Flex | None:
    match step:
        case Say():
            return _flex(step.pause)
        case Silence():
            return _flex(step.duration)
        case Breathe():
            return _flex(step.span)
        case _:
            return None


def _fixed(span: Span | None) -> float:
    return 0.0 if span is None or isinstance(span, Flex) else float(span)


def _flex(span: Span | None) -> Flex | None:
    return span if isinstance(span, Flex) else None


def layout_size(steps: Sequence[Step], longest: float) -> int:
    """Steps once unrolled, a breathing block counting its cycles: those it states, or
    at most as many of its shortest cycle as fit its `for` (or, elastic, the `longest`
    length of the practice). Computed without unrolling anything."""
    size = 0
    for step in steps:
        if isinstance(step, Repeat):
            size += step.times * layout_size(step.steps, longest)
        elif isinstance(step, Breathe):
            size += max(1, _cycles_bound(step, longest))
        else:
            size += 1
    return size


def _cycles_bound(breathe: Breathe, longest: float) -> int:
    if breathe.cycles is not None:
        return breathe.cycles
    seconds = breathe.span if isinstance(breathe.span, float) else longest
    phases = (breathe.inhale, breathe.hold, breathe.exhale, breathe.rest)
    shortest_cycle = sum(min(phase.start, phase.end) for phase in phases)
    return math.floor(seconds / shortest_cycle) if shortest_cycle > 0 else 0


def _budget(steps: Sequence[Step], voice: _Voice) -> TimeBudget:
    """The budget without unrolling: a repeat counts its inner budget `times` times, so
    checking a file with huge repeat counts costs no more than reading it."""
    fixed: list[float] = []
    minimums: list[float] = []
    parts = 0
    for step in steps:
        if isinstance(step, Repeat):
            inner = _budget(step.steps, voice)
            fixed.append(inner.fixed * step.times)
            minimums.append(inner.minimums * step.times)
            parts += inner.elastic_parts * step.times
        elif not isinstance(step, Section):
            played = _measure(step, None, voice)
            fixed.append(played.fixed)
            if played.flex is not None:
                minimums.append(played.flex.minimum)
                parts += 1
    return TimeBudget(math.fsum(fixed), math.fsum(minimums), parts)


def time_budget(
    practice: Practice,
    speech_length: SpeechLength | None = None,
    clip_length: ClipLength | None = None,
    language: str | None = None,
) -> TimeBudget:
    """Fixed time, elastic minimums and elastic instances, measured as `compile_timeline`
    would (speech estimated from the practice's narration rate unless given)."""
    return _budget(practice.steps, _make_voice(practice, speech_length, clip_length, language))


# --- elastic time -----------------------------------------------------------------


def share_elastic_time(seconds: float, parts: Sequence[Flex]) -> tuple[float, ...]:
    """Share `seconds` among elastic parts by weight, none below its minimum.

    Water-filling: every part gets max(minimum, level × weight) for the one level at
    which the shares add up to `seconds`. That is what "give the parts whose share is
    below their minimum their minimum, share the rest among the others, repeat" ends
    with; sorting by minimum per weight finds it in one pass instead of many.
    Assumes `seconds` covers the minimums; if it does not, every part gets its minimum.
    """
    if not parts:
        return ()
    weights = [max(0.0, part.weight) for part in parts]
    if not any(weights):
        weights = [1.0] * len(parts)  # no part asks for more than another: share equally
    # Most demanding (minimum per weight) first: the parts pinned at their minimum, if any.
    order = sorted(range(len(parts)), key=lambda i: _demand(parts[i], weights[i]), reverse=True)
    free_weights = [0.0] * (len(order) + 1)  # weight of order[rank:], for each rank
    for rank in reversed(range(len(order))):
        free_weights[rank] = free_weights[rank + 1] + weights[order[rank]]
    pinned = 0.0
    for rank, index in enumerate(order):
        free_weight = free_weights[rank]
        level = (seconds - pinned) / free_weight if free_weight > 0 else 0.0
        if free_weight > 0 and level * weights[index] >= parts[index].minimum:
            # This part, and every less demanding one after it, gets at least its minimum.
            free = set(order[rank:])
            return tuple(
                level * weights[i] if i in free else parts[i].minimum for i in range(len(parts))
            )
        pinned += parts[index].minimum
    return tuple(part.minimum for part in parts)


def _demand(part: Flex, weight: float) -> float:
    """Minimum per unit of weight; a weightless part only ever gets its minimum."""
    if weight > 0:
        return part.minimum / weight
    return math.inf if part.minimum > 0 else -math.inf


def _elastic_seconds(
    practice: Practice, length: float | None, budget: TimeBudget
) -> tuple[float | None, float]:
    """(length reported by the timeline, seconds shared among the elastic parts)."""
    chosen = length if length is not None else practice.default_length
    if chosen is None:
        return None, 0.0  # no lengths: the practice lasts its fixed time
    if not (math.isfinite(chosen) and chosen >= 0):
        raise TimelineError(f"length must be a finite number of seconds, got {chosen}")
    if budget.elastic_parts == 0:
        if abs(chosen - budget.fixed) > _LENGTH_TOLERANCE:
            raise TimelineError(
                f'"{practice.id}" has no elastic parts, so it always takes its fixed '
                f"{_describe(budget.fixed)}; it cannot last {_describe(chosen)}",
                length=chosen,
            )
        return chosen, 0.0
    needed = budget.fixed + budget.minimums
    shortfall = needed - chosen
    if shortfall > _LENGTH_TOLERANCE:
        raise TimelineError(
            f'{_describe(chosen)} is too short for "{practice.id}": the fixed parts take '
            f"{_describe(budget.fixed)} plus {_describe(budget.minimums)} of minimums "
            f"({_describe(shortfall)} more needed)",
            length=chosen,
            shortfall=shortfall,
        )
    return chosen, max(0.0, chosen - budget.fixed)


def _describe(seconds: float) -> str:
    """`5m`, `1m37.3s`, as in the validator's messages; rounded up to a tenth of a
    second, so a real shortfall never shows as `0s`."""
    return format_duration(math.ceil(seconds * 10 - 1e-6) / 10)


# --- laying out -------------------------------------------------------------------


class _Layout:
    """Lays items end to end from 0, collecting segments, sounds, holds and sections.

    Each segment starts exactly where the previous one ended (the same float), so the
    timeline has no gaps or overlaps by construction.
    """

    def __init__(self, voice: _Voice) -> None:
        self._voice = voice
        self._t = 0.0
        self._section: int | None = None
        self._section_image: str | None = None
        self._step = -1
        self.segments: list[Segment] = []
        self.sections: list[SectionMark] = []
        self.holds: list[Hold] = []
        self.sounds: list[SoundCue] = []
        self.step_starts: list[float] = []

    @property
    def total(self) -> float:
        return self._t

    def add_section(self, section: Section) -> None:
        title = self._voice.show(section.title)
        self.sections.append(SectionMark(self._t, title, len(self.step_starts)))
        self._section = len(self.sections) - 1
        # A section takes no time, so its image can only mean "during this section".
        self._section_image = section.image

    def add_step(self, played: _Played, share: float) -> None:
        self._step = len(self.step_starts)
        self.step_starts.append(self._t)
        step = played.step
        match step:
            case Say():
                self._say(played, step, share)
            case Silence():
                seconds = share if isinstance(step.duration, Flex) else _fixed(step.duration)
                self._segment(played, "silence", seconds, self._shown(step.text))
            case Breathe():
                self._breathe(played, step, share)
            case Bell():
                self._bell(played, step)
            case Audio():
                self._audio(played, step)
            case Wait():
                self._wait(played)
            case Ask():
                self._ask(played, step)

    def _say(self, played: _Played, step: Say, share: float) -> None:
        line = _line_of(played)
        self._speak(line)
        pause = share if isinstance(step.pause, Flex) else _fixed(step.pause)
        self._segment(played, "say", line.seconds + pause, line.shown, spoken=line.seconds)

    def _wait(self, played: _Played) -> None:
        line = _line_of(played)
        self._speak(line)
        segment = self._segment(played, "wait", line.seconds, line.shown, spoken=line.seconds)
        # Only the speech is timed; the waiting itself happens at one instant.
        self.holds.append(Hold(segment.end, self._step, "wait"))

    def _ask(self, played: _Played, step: Ask) -> None:
        prompt = self._voice.show(step.question.prompt)
        self._segment(played, "ask", 0.0, prompt, question=step.question)
        self.holds.append(Hold(self._t, self._step, "ask"))

    def _bell(self, played: _Played, step: Bell) -> None:
        start = self._t
        for ring in range(step.times):
            self.sounds.append(BellCue(start + ring * step.gap, step.sound, self._step))
        self._segment(played, "bell", step.times * step.gap, None)

    def _audio(self, played: _Played, step: Audio) -> None:
        seconds = played.fixed  # the measured clip length
        self.sounds.append(ClipCue(self._t, seconds, step.path, self._step))
        self._segment(played, "audio", seconds, self._shown(step.text))

    def _breathe(self, played: _Played, step: Breathe, share: float) -> None:
        start = self._t
        if step.cycles is not None:
            count, block = step.cycles, None
        else:
            block = share if isinstance(step.span, Flex) else _fixed(step.span)
            count = step.cycles_fitting(block)
        cycles = self._cycles(step, count, start)
        paced_end = cycles[-1].end if cycles else start
        text = self._shown(step.text)
        if block is None:
            self._segment(played, "breathe", paced_end - start, text, cycles=cycles)
            return
        # `for:` takes whole cycles only; what is left over is quiet at the block's end.
        block_end = start + block
        if block_end - paced_end < _LEFTOVER_EPSILON:
            self._segment(played, "breathe", block, text, cycles=cycles)
            return
        self._segment(played, "breathe", paced_end - start, text, cycles=cycles)
        self._segment(played, "silence", block_end - self._t, None)

    def _cycles(self, step: Breathe, count: int, start: float) -> tuple[BreathCycle, ...]:
        cycles: list[BreathCycle] = []
        at = start
        for index in range(count):
            cycle = BreathCycle(at, *step.cycle(index, count))
            cycles.append(cycle)
            self._breath_cues(step, cycle)
            at = cycle.end
        return tuple(cycles)

    def _breath_cues(self, step: Breathe, cycle: BreathCycle) -> None:
        for phase, at, seconds in cycle.phases():
            if seconds <= 0 or step.cue == "none":
                continue
            if step.cue == "tone":
                self.sounds.append(ToneCue(at, seconds, phase, self._step))
                continue
            word, language = self._voice.breath_word(phase)
            # A slow voice must not talk over the next phase's cue.
            spoken = min(self._voice.speech(word, language), seconds)
            self.sounds.append(SpeechCue(at, spoken, word, language, self._step, "cue"))

    def _speak(self, line: _Line) -> None:
        if line.plain:
            cue = SpeechCue(
                self._t, line.seconds, line.plain, line.language, self._step, "narration"
            )
            self.sounds.append(cue)

    def _shown(self, text: Text | None) -> str | None:
        return None if text is None else self._voice.show(text)

    def _segment(
        self,
        played: _Played,
        kind: SegmentKind,
        seconds: float,
        text: str | None,
        *,
        spoken: float = 0.0,
        cycles: tuple[BreathCycle, ...] = (),
        question: Question | None = None,
    ) -> Segment:
        start = self._t
        self._t = start + seconds
        segment = Segment(
            start=start,
            end=self._t,
            kind=kind,
            step=self._step,
            text=text,
            section=self._section,
            source=played.step,
            spoken=spoken,
            cycles=cycles,
            question=question,
            image=played.image or self._section_image,
        )
        self.segments.append(segment)
        return segment


def _line_of(played: _Played) -> _Line:
    if played.line is None:  # pragma: no cover - _measure sets it for every say and wait
        raise AssertionError(f"{type(played.step).__name__} step was not measured")
    return played.line


def compile_timeline(
    practice: Practice,
    length: float | None = None,
    *,
    speech_length: SpeechLength | None = None,
    clip_length: ClipLength | None = None,
    language: str | None = None,
) -> Timeline:
    """Lay `practice` out at `length` seconds (default: its first length, or its fixed
    time when it has no lengths) in the display `language` (default: the file's).

    Raises TimelineError when the length cannot hold the fixed parts and the elastic
    minimums, when a practice without elastic parts is asked for another length, or
    when the practice unrolls to more than `MAX_LAYOUT_SIZE` steps and breaths.
    """
    size = layout_size(practice.steps, max((length or 0.0, *practice.lengths)))
    if size > MAX_LAYOUT_SIZE:
        raise TimelineError(
            f'"{practice.id}" is too long to lay out: {size:,} steps and breaths once its '
            f"repeats are unrolled, at most {MAX_LAYOUT_SIZE:,}"
        )
    voice = _make_voice(practice, speech_length, clip_length, language)
    chosen, elastic = _elastic_seconds(practice, length, _budget(practice.steps, voice))
    items = _items(practice, voice)
    played = [item for item in items if isinstance(item, _Played)]
    parts = [item.flex for item in played if item.flex is not None]
    # Without a length (no `lengths`), elastic parts get nothing: the fixed time is the length.
    shares = iter(share_elastic_time(elastic, parts) if chosen is not None else [0.0] * len(parts))

    layout = _Layout(voice)
    for item in items:
        if isinstance(item, Section):
            layout.add_section(item)
        else:
            layout.add_step(item, next(shares) if item.flex is not None else 0.0)

    return Timeline(
        practice_id=practice.id,
        language=voice.language,
        length=chosen,
        total=layout.total,
        segments=tuple(layout.segments),
        sections=tuple(layout.sections),
        holds=tuple(layout.holds),
        sounds=tuple(sorted(layout.sounds, key=_cue_start)),
        step_starts=tuple(layout.step_starts),
    )


def _cue_start(cue: SoundCue) -> float:
    return cue.start
