"""What the practice editor shows beside the text: every problem with its place, and
an outline of the steps with the time each one starts at every length.

Pure and quick, so the editor can run it after each pause in typing (the benchmark in
`bench/bench_editor.py` holds it to a 300-line practice).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

from desktop_app.core.model import (
    Ask,
    Audio,
    Bell,
    Breathe,
    MeasureClip,
    Practice,
    Repeat,
    Say,
    Section,
    Silence,
    Step,
    Wait,
)
from desktop_app.core.practice_loader import read_practice
from desktop_app.core.problems import InvalidFile, Problem
from desktop_app.core.timeline import ClipLength, TimelineError, compile_timeline, layout_size

#: Above this many steps and breaths (repeats unrolled) the outline is left out: laying
#: such a practice out at each length would hold up typing (about 4 µs each, per length).
OUTLINE_LIMIT: Final = 5_000


@dataclass(frozen=True)
class OutlineRow:
    """One step as written, with where it stands in the file."""

    line: int
    #: How deep inside `repeat` blocks the step is (0 at the top).
    depth: int
    action: str
    what: str
    #: When the step first starts at each of `Check.lengths`; None when it never plays
    #: there (a section title, a repeat, or a length the practice cannot be laid out at).
    starts: tuple[float | None, ...]


@dataclass(frozen=True)
class Check:
    #: The practice, when the text has no errors.
    practice: Practice | None
    #: Errors first, then warnings, each in file order.
    problems: tuple[Problem, ...]
    #: The outline's columns: the practice's lengths, or (None,) for its fixed length.
    lengths: tuple[float | None, ...] = ()
    #: The timed total at each length.
    totals: tuple[float | None, ...] = ()
    outline: tuple[OutlineRow, ...] = ()
    #: Steps and breaths once unrolled, when above OUTLINE_LIMIT (no outline then).
    too_long: int | None = None

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


def check_practice(
    text: str,
    file: str,
    *,
    media_root: Path | None = None,
    measure_clip: MeasureClip | None = None,
    clip_lengths: Callable[[Practice], ClipLength] | None = None,
) -> Check:
    """Validate the editor's text and, when it is a valid practice, lay it out at each
    of its lengths (with `clip_lengths(practice)` measuring its clips, when given).
    Never raises for anything in `text`."""
    try:
        practice = read_practice(
            text.encode("utf-8"), file, media_root=media_root, measure_clip=measure_clip
        )
    except InvalidFile as error:
        return Check(None, _in_order(error.problems))
    lengths: tuple[float | None, ...] = practice.lengths or (None,)
    size = layout_size(practice.steps, max(length or 0.0 for length in lengths))
    if size > OUTLINE_LIMIT:
        return Check(practice, (), lengths, too_long=size)
    clip_length = clip_lengths(practice) if clip_lengths is not None else None
    starts: dict[int, list[float | None]] = {}
    totals: list[float | None] = []
    problems: list[Problem] = []
    for column, length in enumerate(lengths):
        try:
            timeline = compile_timeline(practice, length, clip_length=clip_length)
        except TimelineError as error:  # the loader checks lengths; this is a last guard
            totals.append(None)
            problems.append(Problem(file, practice.id_pos, str(error), "lengths", "warning"))
            continue
        totals.append(timeline.total)
        for segment in timeline.segments:
            first = starts.setdefault(id(segment.source), [None] * len(lengths))
            if first[column] is None:
                first[column] = segment.start
    rows = _fill_from_next(
        OutlineRow(
            step.pos.line,
            depth,
            _action(step),
            _what(step, practice.language),
            tuple(starts.get(id(step), [None] * len(lengths))),
        )
        for step, depth in _walk(practice.steps, 0)
    )
    return Check(practice, _in_order(problems), lengths, tuple(totals), rows)


def _fill_from_next(rows: Iterable[OutlineRow]) -> tuple[OutlineRow, ...]:
    """A section title or a repeat starts when the next step that plays does."""
    filled: list[OutlineRow] = []
    following: tuple[float | None, ...] | None = None
    for row in reversed(list(rows)):
        if following is not None and row.action in ("section", "repeat"):
            row = replace(row, starts=following)
        if any(start is not None for start in row.starts):
            following = row.starts
        filled.append(row)
    return tuple(reversed(filled))


def _in_order(problems: tuple[Problem, ...] | list[Problem]) -> tuple[Problem, ...]:
    return tuple(sorted(problems, key=lambda p: (not p.is_error, p.pos.line, p.pos.col)))


def _walk(steps: tuple[Step, ...], depth: int) -> list[tuple[Step, int]]:
    found: list[tuple[Step, int]] = []
    for step in steps:
        found.append((step, depth))
        if isinstance(step, Repeat):
            found.extend(_walk(step.steps, depth + 1))
    return found


def _action(step: Step) -> str:
    return type(step).__name__.lower()


def _what(step: Step, language: str) -> str:
    """A short reminder of what the step is, for the outline."""
    match step:
        case Section():
            words = step.title.get(language)
        case Say() | Wait():
            words = step.text.get(language)
        case Silence():
            words = step.text.get(language) if step.text is not None else "quiet"
        case Breathe():
            words = step.text.get(language) if step.text is not None else "paced breathing"
        case Bell():
            words = step.sound + (f" × {step.times}" if step.times > 1 else "")
        case Audio():
            words = step.path
        case Ask():
            words = step.question.prompt.get(language)
        case Repeat():
            words = f"{step.times} times"
    words = " ".join(words.split())
    return words if len(words) <= 70 else words[:69] + "…"
