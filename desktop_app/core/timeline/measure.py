"""The steps of a practice unrolled and measured: what each played step takes of fixed
time and what elastic part it has, the `TimeBudget` a practice needs, and how big its
layout would be (both computed without unrolling anything).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final, TypeAlias

from desktop_app.core.model import (
    Ask,
    Audio,
    Bell,
    Breathe,
    Flex,
    Practice,
    Repeat,
    Say,
    Section,
    Silence,
    Span,
    Step,
    Wait,
)
from desktop_app.core.timeline.voice import ClipLength, Line, SpeechLength, Voice, make_voice

#: Most steps (repeats unrolled) plus counted breathing cycles one timeline lays out:
#: hours of practice, yet a refusal rather than a hang for nested repeats of thousands.
MAX_LAYOUT_SIZE: Final = 100_000

#: The steps that are played; `section` and `repeat` only shape the order.
PlayedStep: TypeAlias = Say | Silence | Breathe | Bell | Audio | Wait | Ask


@dataclass(frozen=True)
class TimeBudget:
    """What a practice needs, for the validator: lengths must be at least fixed + minimums."""

    #: Everything except the elastic parts.
    fixed: float
    #: Sum of the elastic parts' minimums, each unrolled instance counted.
    minimums: float
    #: Number of elastic instances, repeats unrolled.
    elastic_parts: int


@dataclass(frozen=True)
class Played:
    """One played step, measured: its fixed seconds and its elastic part, if any."""

    step: PlayedStep
    #: Its own image, else its innermost repeat's.
    image: str | None
    line: Line | None
    fixed: float
    flex: Flex | None


Item: TypeAlias = Section | Played


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


def unrolled(practice: Practice, voice: Voice) -> list[Item]:
    """The sections and played steps in playing order, repeats unrolled, each step
    measured."""
    items: list[Item] = []
    for entry in _unroll(practice.steps):
        if isinstance(entry, Section):
            items.append(entry)
        else:
            items.append(_measure(*entry, voice))
    return items


def _measure(step: PlayedStep, image: str | None, voice: Voice) -> Played:
    line = voice.line(step.text) if isinstance(step, Say | Wait) else None
    spoken = line.seconds if line is not None else 0.0
    return Played(step, image, line, _fixed_seconds(step, spoken, voice), _elastic_part(step))


def _fixed_seconds(step: PlayedStep, spoken: float, voice: Voice) -> float:
    """The step's fixed seconds, its speech taking `spoken` seconds."""
    match step:
        case Say():
            return spoken + span_seconds(step.pause)
        case Silence():
            return span_seconds(step.duration)
        case Breathe():
            if step.cycles is not None:
                return step.cycles_total(step.cycles)
            return span_seconds(step.span)
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
            return _span_flex(step.pause)
        case Silence():
            return _span_flex(step.duration)
        case Breathe():
            return _span_flex(step.span)
        case _:
            return None


def span_seconds(span: Span | None) -> float:
    """The seconds of a fixed span; none for an elastic or missing one."""
    return 0.0 if span is None or isinstance(span, Flex) else float(span)


def _span_flex(span: Span | None) -> Flex | None:
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


def budget_of(steps: Sequence[Step], voice: Voice) -> TimeBudget:
    """The budget without unrolling: a repeat counts its inner budget `times` times, so
    checking a file with huge repeat counts costs no more than reading it."""
    fixed: list[float] = []
    minimums: list[float] = []
    parts = 0
    for step in steps:
        if isinstance(step, Repeat):
            inner = budget_of(step.steps, voice)
            fixed.append(inner.fixed * step.times)
            minimums.append(inner.minimums * step.times)
            parts += inner.elastic_parts * step.times
        elif not isinstance(step, Section):
            # Measured as `_measure` does, without the lines and steps a compile keeps:
            # every file a library scan reads is measured once in each of its languages.
            spoken = voice.seconds(step.text) if isinstance(step, Say | Wait) else 0.0
            fixed.append(_fixed_seconds(step, spoken, voice))
            flex = _elastic_part(step)
            if flex is not None:
                minimums.append(flex.minimum)
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
    return budget_of(practice.steps, make_voice(practice, speech_length, clip_length, language))
