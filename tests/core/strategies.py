"""Hypothesis strategies for valid `Practice` models, built directly (not from YAML).

Factories are cached: hypothesis validates every new strategy object, and building
them afresh on every draw made generation several times slower.

Valid means what the validator accepts (formats.md): a practice with `lengths` has at
least one elastic part and every length covers the fixed time plus all minimums; a
practice without lengths has no elastic parts; question ids are unique. Lengths are
measured with the default speech estimate and `clip_length` below, so tests must
compile with `clip_length=clip_length` too.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache

from hypothesis import strategies as st

from desktop_app.core.model import (
    BELL_SOUNDS,
    Ask,
    Audio,
    Bell,
    Breathe,
    ChoiceQuestion,
    FeelingsQuestion,
    Flex,
    Practice,
    Question,
    Ramp,
    Reflection,
    Repeat,
    Say,
    ScaleQuestion,
    Section,
    Silence,
    Span,
    Step,
    TextQuestion,
    Wait,
)
from desktop_app.core.text import Text
from desktop_app.core.timeline import time_budget

LANGUAGE = "en"

#: The media a generated practice may use, with their lengths in seconds.
CLIP_LENGTHS = {"media/rain.ogg": 12.5, "media/story.wav": 40.0, "media/short.flac": 0.75}


def clip_length(path: str) -> float:
    return CLIP_LENGTHS[path]


# --- builders for example-based tests -------------------------------------------------


def text(english: str, dutch: str | None = None) -> Text:
    """A text in English, optionally translated into Dutch."""
    if dutch is None:
        return Text.plain(english, LANGUAGE)
    return Text(((LANGUAGE, english), ("nl", dutch)), LANGUAGE)


def practice(*steps: Step, lengths: tuple[float, ...] = (), rate: float = 1.0) -> Practice:
    """A practice of `steps`; not checked, so tests can build edge cases too."""
    return Practice(
        id="test",
        title=text("Test"),
        kind="other",
        language=LANGUAGE,
        summary=text("A test."),
        steps=steps,
        reflection=Reflection(),
        lengths=lengths,
        narration_rate=rate,
    )


# --- strategies -----------------------------------------------------------------------


_WORDS = ("breathe", "gently", "notice", "*soft*", "**warm**", "the", "feet", "let", "go")
_NL_WORDS = ("adem", "zacht", "merk", "*rustig*", "de", "voeten", "laat", "los")
_IMAGES = ("media/lake.png", "media/tree.jpg")


def _sentences(words: Sequence[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(words), min_size=1, max_size=10).map(" ".join)


@cache
@st.composite
def texts(draw: st.DrawFn) -> Text:
    """English, sometimes with a Dutch translation."""
    english = draw(_sentences(_WORDS))
    if draw(st.booleans()):
        return Text(((LANGUAGE, english), ("nl", draw(_sentences(_NL_WORDS)))), LANGUAGE)
    return Text.plain(english, LANGUAGE)


@cache
def seconds(low: float, high: float) -> st.SearchStrategy[float]:
    """Round numbers as people write them, and awkward floats that test exactness."""
    whole = st.integers(math.ceil(low), math.floor(high)).map(float)
    return whole | st.floats(low, high, allow_nan=False, allow_infinity=False)


@cache
def flexes() -> st.SearchStrategy[Flex]:
    return st.builds(
        Flex,
        weight=st.just(1.0) | st.floats(0.25, 5.0),
        minimum=st.just(0.0) | seconds(1, 60),
    )


@cache
def spans(low: float, high: float, *, elastic: bool) -> st.SearchStrategy[Span]:
    fixed: st.SearchStrategy[Span] = seconds(low, high)
    return fixed | flexes() if elastic else fixed


@cache
def ramps(low: float, high: float) -> st.SearchStrategy[Ramp]:
    """A constant phase, or one that changes from one length to another."""
    constant = seconds(low, high).map(Ramp.constant)
    changing = st.builds(Ramp, seconds(low, high), seconds(low, high))
    return constant | changing


@cache
def _optional_ramps() -> st.SearchStrategy[Ramp]:
    return st.just(Ramp.constant(0.0)) | ramps(0.0, 6.0)


@cache
@st.composite
def breathes(draw: st.DrawFn, *, elastic: bool) -> Breathe:
    length = draw(st.sampled_from(("cycles", "for", "flex") if elastic else ("cycles", "for")))
    return Breathe(
        inhale=draw(ramps(1.0, 8.0)),
        exhale=draw(ramps(1.0, 10.0)),
        hold=draw(_optional_ramps()),
        rest=draw(_optional_ramps()),
        cycles=draw(st.integers(1, 8)) if length == "cycles" else None,
        span=draw(_breath_spans(length)),
        cue=draw(st.sampled_from(("tone", "voice", "none"))),
        text=draw(st.none() | texts()),
        image=draw(_images()),
    )


def _breath_spans(length: str) -> st.SearchStrategy[Span | None]:
    if length == "cycles":
        return st.none()
    return flexes() if length == "flex" else seconds(1, 90)


@cache
def questions() -> st.SearchStrategy[Question]:
    """Questions with a placeholder id; `practices` numbers them uniquely."""
    return st.one_of(
        st.builds(ScaleQuestion, id=st.just("q"), prompt=texts()),
        st.builds(TextQuestion, id=st.just("q"), prompt=texts()),
        st.builds(
            ChoiceQuestion,
            id=st.just("q"),
            prompt=texts(),
            options=st.lists(texts(), min_size=2, max_size=4).map(tuple),
        ),
        st.builds(FeelingsQuestion, id=st.just("q"), prompt=texts()),
    )


@cache
def _images() -> st.SearchStrategy[str | None]:
    return st.none() | st.sampled_from(_IMAGES)


@cache
def leaf_steps(*, elastic: bool) -> st.SearchStrategy[Step]:
    """Every step kind except `repeat`."""
    return st.one_of(
        st.builds(Section, title=texts(), image=_images()),
        st.builds(Say, text=texts(), pause=spans(0.5, 5, elastic=elastic), image=_images()),
        st.builds(Silence, duration=spans(1, 60, elastic=elastic), text=st.none() | texts()),
        breathes(elastic=elastic),
        st.builds(
            Bell,
            sound=st.sampled_from(BELL_SOUNDS),
            times=st.integers(1, 4),
            gap=seconds(0.5, 8),
        ),
        st.builds(Audio, path=st.sampled_from(sorted(CLIP_LENGTHS)), text=st.none() | texts()),
        st.builds(Wait, text=texts(), image=_images()),
        st.builds(Ask, question=questions()),
    )


@cache
def steps(*, elastic: bool) -> st.SearchStrategy[Step]:
    """Any step, `repeat` nested up to a few levels."""
    return st.recursive(
        leaf_steps(elastic=elastic),
        lambda inner: st.builds(
            Repeat,
            times=st.integers(1, 3),
            steps=st.lists(inner, min_size=1, max_size=3).map(tuple),
            image=_images(),
        ),
        max_leaves=10,
    )


@st.composite
def practices(draw: st.DrawFn, *, elastic: bool | None = None) -> Practice:
    """A valid practice: elastic ones with `lengths`, fixed ones without."""
    if elastic is None:
        elastic = draw(st.booleans())
    drawn = draw(st.lists(steps(elastic=elastic), min_size=1, max_size=6))
    practice = Practice(
        id="generated",
        title=Text.plain("Generated", LANGUAGE),
        kind="other",
        language=LANGUAGE,
        summary=Text.plain("A generated practice.", LANGUAGE),
        steps=_number_questions(drawn, itertools.count(1)),
        reflection=Reflection(),
        narration_rate=draw(st.just(1.0) | st.floats(0.5, 2.0)),
    )
    if not elastic:
        return practice
    budget = time_budget(practice, clip_length=clip_length)
    if budget.elastic_parts == 0:
        at = draw(st.integers(0, len(drawn)))
        extra = Silence(draw(flexes()))
        practice = replace(practice, steps=(*practice.steps[:at], extra, *practice.steps[at:]))
        budget = time_budget(practice, clip_length=clip_length)
    return replace(practice, lengths=draw(_lengths(budget.fixed + budget.minimums)))


@st.composite
def _lengths(draw: st.DrawFn, needed: float) -> tuple[float, ...]:
    """Distinct lengths covering `needed`: exactly it, whole minutes, or anything above."""
    exactly = st.just(needed)
    minutes = st.integers(0, 15).map(lambda extra: (math.ceil(needed / 60) + extra) * 60.0)
    above = st.floats(0, 900, allow_nan=False).map(lambda extra: needed + extra)
    chosen = draw(st.lists(exactly | minutes | above, min_size=1, max_size=3))
    # A length is a duration, so greater than zero even when nothing needs time.
    return tuple(dict.fromkeys(max(length, 1.0) for length in chosen))


def _number_questions(steps: Sequence[Step], ids: Iterator[int]) -> tuple[Step, ...]:
    """Question ids are unique within a practice (per written step, not per repeat)."""
    numbered: list[Step] = []
    for step in steps:
        if isinstance(step, Ask):
            step = replace(step, question=replace(step.question, id=f"q{next(ids)}"))
        elif isinstance(step, Repeat):
            step = replace(step, steps=_number_questions(step.steps, ids))
        numbered.append(step)
    return tuple(numbered)
