"""The "New from template" starting points: one valid, teaching practice per kind, in
English at the top of `templates/` and translated (comments too) in a folder per
language, such as `templates/nl/`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import fields, is_dataclass
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
from desktop_app.core.text import Text
from desktop_app.core.timeline import compile_timeline
from desktop_app.storage.paths import builtin_dir

TEMPLATES = builtin_dir("templates")
#: The languages the templates are translated into, each in a folder of its own.
TRANSLATED = ("nl",)
LANGUAGES = ("en", *TRANSLATED)
#: Every template: (language, kind).
EVERY = [
    pytest.param(language, kind, id=f"{language}-{kind}")
    for language in LANGUAGES
    for kind in PRACTICE_KINDS
]


def folder(language: str) -> Path:
    return TEMPLATES if language == "en" else TEMPLATES / language


def template_path(kind: str, language: str = "en") -> Path:
    return folder(language) / f"{kind}.yaml"


def load(kind: str, language: str = "en") -> Practice:
    return load_practice(template_path(kind, language))


def all_steps(steps: Sequence[Step]) -> Iterator[Step]:
    """Every step, the steps inside repeats included."""
    for step in steps:
        yield step
        if isinstance(step, Repeat):
            yield from all_steps(step.steps)


def everything(language: str) -> list[Step]:
    return [step for kind in PRACTICE_KINDS for step in all_steps(load(kind, language).steps)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_there_is_exactly_one_template_per_kind(language: str) -> None:
    assert folder(language).is_dir(), folder(language)
    files = [path for path in folder(language).iterdir() if path.is_file()]
    assert sorted(path.name for path in files) == sorted(f"{kind}.yaml" for kind in PRACTICE_KINDS)


def test_the_only_folders_beside_the_english_templates_are_translations() -> None:
    assert sorted(path.name for path in TEMPLATES.iterdir() if path.is_dir()) == sorted(TRANSLATED)


@pytest.mark.parametrize("kind", PRACTICE_KINDS)
def test_an_english_template_is_a_valid_practice_of_its_kind(kind: str) -> None:
    practice = load(kind)
    assert practice.kind == kind
    assert practice.id == f"my-{kind}-practice"
    assert practice.language == "en"
    assert practice.version == 1
    assert practice.author is None  # left for the therapist, as a commented-out line


def texts_in(value: object) -> Iterator[Text]:
    """Every text of a practice: its title, steps, questions, options..."""
    if isinstance(value, Text):
        yield value
    elif is_dataclass(value) and not isinstance(value, type):
        for field in fields(value):
            yield from texts_in(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from texts_in(item)


@pytest.mark.parametrize("language", TRANSLATED)
@pytest.mark.parametrize("kind", PRACTICE_KINDS)
def test_a_translated_template_is_a_valid_practice_in_its_language(
    kind: str, language: str
) -> None:
    practice = load(kind, language)
    assert practice.kind == kind
    assert practice.language == language
    assert practice.version == 1
    assert practice.author is None
    # Plain texts in the one language, not a mapping of translations.
    assert all(text.languages == (language,) for text in texts_in(practice)), kind
    # Its own id (lowercase ASCII), so it never hides the English template's practice.
    assert practice.id.isascii() and practice.id != load(kind).id
    ids = [load(other, language).id for other in PRACTICE_KINDS]
    assert ids.count(practice.id) == 1, ids


def shape(steps: Sequence[Step]) -> list[object]:
    """The kinds of steps in order, a repeat with its times and its own steps."""
    return [
        (step.times, shape(step.steps)) if isinstance(step, Repeat) else type(step).__name__
        for step in steps
    ]


@pytest.mark.parametrize("language", TRANSLATED)
@pytest.mark.parametrize("kind", PRACTICE_KINDS)
def test_a_translated_template_keeps_the_shape_of_the_english_one(kind: str, language: str) -> None:
    english, translated = load(kind), load(kind, language)
    assert translated.lengths == english.lengths
    assert translated.narration_rate == english.narration_rate
    assert shape(translated.steps) == shape(english.steps)
    for when in ("before", "after"):
        assert [q.id for q in getattr(translated.reflection, when)] == [
            q.id for q in getattr(english.reflection, when)
        ]


@pytest.mark.parametrize(("language", "kind"), EVERY)
def test_a_template_plays_at_each_of_its_lengths(language: str, kind: str) -> None:
    practice = load(kind, language)
    assert len(practice.lengths) >= 2
    for length in practice.lengths:
        timeline = compile_timeline(practice, length, language=language)
        assert timeline.language == language
        assert abs(timeline.total - length) <= 1.0, (kind, length, timeline.total)


@pytest.mark.parametrize(("language", "kind"), EVERY)
def test_a_template_teaches_with_comments(language: str, kind: str) -> None:
    lines = template_path(kind, language).read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.lstrip().startswith("#")]
    assert len(comments) >= 5, kind
    assert any(line.lstrip().startswith("# author:") for line in lines), kind


#: How to quote a text, said once in every template, just before its first `say`.
QUOTING = {
    "en": (
        "# If your text contains a colon followed by a space, or starts with a quote, "
        "put the whole text in double quotes."
    ),
    "nl": (
        "# Staat er in je tekst een dubbele punt met een spatie erna, of begint hij met "
        "een aanhalingsteken, zet dan de hele tekst tussen dubbele aanhalingstekens."
    ),
}

#: What every template explains in its comments, in plain words: each idea, and words
#: from its explanation, in each language.
EXPLAINED = {
    "en": {
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
    },
    "nl": {
        "id": "kleine letters zonder accenten, cijfers en",
        "title": "de naam die je cliënt",
        "lengths": "de eerste is de standaard",
        "flex": "maakt een deel rekbaar",
        "flex with a weight and a minimum": "van de overgebleven tijd en nooit minder dan",
        "pause": "stilte na de woorden",
        "narration: rate": "1 is normaal",
        "ask": '"ask',
        "placeholder": "een lichte hint in het lege antwoordvak",
        "reflection": "geen enkel antwoord is verplicht",
    },
}
#: How a template with a breathing block explains its cue, in each language.
TONES = {"en": "tone (soft tones)", "nl": "tone (zachte tonen)"}


def comments_of(kind: str, language: str = "en") -> str:
    """The notes of a template (whole-line and end-of-line comments), as one text."""
    lines = template_path(kind, language).read_text(encoding="utf-8").splitlines()
    notes = [line[line.index("#") :] for line in lines if "#" in line]
    return " ".join(" ".join(note.lstrip("# ") for note in notes).split())


def test_each_language_explains_the_same_ideas() -> None:
    assert set(EXPLAINED) == set(QUOTING) == set(TONES) == set(LANGUAGES)
    assert all(EXPLAINED[language].keys() == EXPLAINED["en"].keys() for language in LANGUAGES)


@pytest.mark.parametrize(("language", "kind"), EVERY)
def test_a_template_explains_each_idea_in_plain_words(language: str, kind: str) -> None:
    notes = comments_of(kind, language)
    missing = [idea for idea, words in EXPLAINED[language].items() if words not in notes]
    assert not missing, (kind, missing)
    if any(isinstance(step, Breathe) for step in all_steps(load(kind, language).steps)):
        assert TONES[language] in notes, kind


@pytest.mark.parametrize(("language", "kind"), EVERY)
def test_a_template_says_how_to_quote_a_text_just_before_its_first_say(
    language: str, kind: str
) -> None:
    lines = template_path(kind, language).read_text(encoding="utf-8").splitlines()
    first_say = next(i for i, line in enumerate(lines) if line.lstrip().startswith("- say:"))
    assert lines[first_say - 1].strip() == QUOTING[language], kind
    assert sum(line.strip() == QUOTING[language] for line in lines) == 1, kind


@pytest.mark.parametrize(("language", "kind"), EVERY)
def test_a_template_asks_the_same_scale_before_and_after(language: str, kind: str) -> None:
    reflection = load(kind, language).reflection
    before = {q.id for q in reflection.before if isinstance(q, ScaleQuestion)}
    after = {q.id for q in reflection.after if isinstance(q, ScaleQuestion)}
    assert before & after, kind


@pytest.mark.parametrize(("language", "kind"), EVERY)
def test_a_template_needs_no_media(language: str, kind: str) -> None:
    steps = list(all_steps(load(kind, language).steps))
    assert not any(isinstance(step, Audio) for step in steps)
    assert all(step.image is None for step in steps)


@pytest.mark.parametrize("language", LANGUAGES)
def test_together_the_templates_show_every_step_kind(language: str) -> None:
    found = {type(step) for step in everything(language)}
    assert {Section, Say, Silence, Breathe, Bell, Wait, Ask, Repeat} <= found


@pytest.mark.parametrize("language", LANGUAGES)
def test_together_the_templates_show_each_form_of_a_step(language: str) -> None:
    steps = everything(language)
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


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_command_line_finds_no_problems(
    language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [str(template_path(kind, language)) for kind in PRACTICE_KINDS]
    code = main(["validate", *paths])
    out, err = capsys.readouterr()
    assert code == 0, out
    assert out == ""
    assert f"{len(paths)} files checked, all valid" in err
