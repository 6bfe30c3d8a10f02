"""The "New from template" starting points: one valid, teaching practice per kind."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.core.model import (
    PRACTICE_KINDS,
    Ask,
    Audio,
    Bell,
    Breathe,
    Flex,
    Practice,
    Ramp,
    Repeat,
    Say,
    ScaleQuestion,
    Section,
    Silence,
    Step,
    Wait,
)
from desktop_app.core.practice_loader import load_practice
from desktop_app.core.timeline import compile_timeline
from desktop_app.storage.paths import builtin_dir

TEMPLATES = builtin_dir("templates")


def template_path(kind: str) -> Path:
    return TEMPLATES / f"{kind}.yaml"


def load(kind: str) -> Practice:
    return load_practice(template_path(kind))


def all_steps(steps: Sequence[Step]) -> Iterator[Step]:
    """Every step, the steps inside repeats included."""
    for step in steps:
        yield step
        if isinstance(step, Repeat):
            yield from all_steps(step.steps)


def everything() -> list[Step]:
    return [step for kind in PRACTICE_KINDS for step in all_steps(load(kind).steps)]


def test_there_is_exactly_one_template_per_kind() -> None:
    assert TEMPLATES.is_dir(), TEMPLATES
    assert sorted(path.name for path in TEMPLATES.iterdir()) == sorted(
        f"{kind}.yaml" for kind in PRACTICE_KINDS
    )


@pytest.mark.parametrize("kind", PRACTICE_KINDS)
def test_a_template_is_a_valid_practice_of_its_kind(kind: str) -> None:
    practice = load(kind)
    assert practice.kind == kind
    assert practice.id == f"my-{kind}-practice"
    assert practice.language == "en"
    assert practice.version == 1
    assert practice.author is None  # left for the therapist, as a commented-out line


@pytest.mark.parametrize("kind", PRACTICE_KINDS)
def test_a_template_plays_at_each_of_its_lengths(kind: str) -> None:
    practice = load(kind)
    assert len(practice.lengths) >= 2
    for length in practice.lengths:
        timeline = compile_timeline(practice, length)
        assert abs(timeline.total - length) <= 1.0, (kind, length, timeline.total)


@pytest.mark.parametrize("kind", PRACTICE_KINDS)
def test_a_template_teaches_with_comments(kind: str) -> None:
    lines = template_path(kind).read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.lstrip().startswith("#")]
    assert len(comments) >= 5, kind
    assert any(line.lstrip().startswith("# author:") for line in lines), kind


QUOTING = (
    "# If your text contains a colon followed by a space, or starts with a quote, "
    "put the whole text in double quotes."
)

#: What every template explains in its comments, in plain words: each idea, and words
#: from its explanation.
EXPLAINED = {
    "id": "lowercase letters, digits and",
    "title": "the name your client sees",
    "lengths": "the first is the default",
    "flex": "makes a part elastic",
    "flex with a weight and a minimum": "of the spare time and never less than",
    "pause": "quiet after the words",
    "narration: rate": "1 is normal",
    "ask": '"ask',
    "placeholder": "a faint hint in the empty answer box",
    "reflection": "every answer is optional",
}


def comments_of(kind: str) -> str:
    """The notes of a template (whole-line and end-of-line comments), as one text."""
    lines = template_path(kind).read_text(encoding="utf-8").splitlines()
    notes = [line[line.index("#") :] for line in lines if "#" in line]
    return " ".join(" ".join(note.lstrip("# ") for note in notes).split())


@pytest.mark.parametrize("kind", PRACTICE_KINDS)
def test_a_template_explains_each_idea_in_plain_words(kind: str) -> None:
    notes = comments_of(kind)
    missing = [idea for idea, words in EXPLAINED.items() if words not in notes]
    assert not missing, (kind, missing)
    if any(isinstance(step, Breathe) for step in all_steps(load(kind).steps)):
        assert "tone (soft tones)" in notes, kind


@pytest.mark.parametrize("kind", PRACTICE_KINDS)
def test_a_template_says_how_to_quote_a_text_just_before_its_first_say(kind: str) -> None:
    lines = template_path(kind).read_text(encoding="utf-8").splitlines()
    first_say = next(i for i, line in enumerate(lines) if line.lstrip().startswith("- say:"))
    assert lines[first_say - 1].strip() == QUOTING, kind
    assert sum(line.strip() == QUOTING for line in lines) == 1, kind


@pytest.mark.parametrize("kind", PRACTICE_KINDS)
def test_a_template_asks_the_same_scale_before_and_after(kind: str) -> None:
    reflection = load(kind).reflection
    before = {q.id for q in reflection.before if isinstance(q, ScaleQuestion)}
    after = {q.id for q in reflection.after if isinstance(q, ScaleQuestion)}
    assert before & after, kind


@pytest.mark.parametrize("kind", PRACTICE_KINDS)
def test_a_template_needs_no_media(kind: str) -> None:
    steps = list(all_steps(load(kind).steps))
    assert not any(isinstance(step, Audio) for step in steps)
    assert all(step.image is None for step in steps)


def test_together_the_templates_show_every_step_kind() -> None:
    found = {type(step) for step in everything()}
    assert {Section, Say, Silence, Breathe, Bell, Wait, Ask, Repeat} <= found


def test_together_the_templates_show_each_form_of_a_step() -> None:
    steps = everything()
    silences = [step for step in steps if isinstance(step, Silence)]
    breaths = [step for step in steps if isinstance(step, Breathe)]
    bells = [step for step in steps if isinstance(step, Bell)]
    says = [step for step in steps if isinstance(step, Say)]
    assert any(isinstance(step.duration, Flex) for step in silences)
    assert any(not isinstance(step.duration, Flex) for step in silences)
    assert any(isinstance(step.pause, Flex) for step in says)
    assert any(step.cycles is not None for step in breaths)
    assert any(isinstance(step.span, Flex) for step in breaths)
    ramps = [
        phase
        for step in breaths
        for phase in (step.inhale, step.hold, step.exhale, step.rest)
        if phase.start != phase.end
    ]
    assert Ramp(4.0, 6.0) in ramps
    assert any(step.times == 1 for step in bells) and any(step.times > 1 for step in bells)


def test_the_command_line_finds_no_problems(capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(template_path(kind)) for kind in PRACTICE_KINDS]
    code = main(["validate", *paths])
    out, err = capsys.readouterr()
    assert code == 0, out
    assert out == ""
    assert f"{len(paths)} files checked, all valid" in err
