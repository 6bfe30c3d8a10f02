"""The practices that come with Attune: all valid, complete in English and Dutch, with
what each must have, and each rendered (speech off) at its shortest length."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from desktop_app.audio.render import HOLD_PAUSE_SECONDS, render_blocks
from desktop_app.audio.session import prepare_session
from desktop_app.core.model import Practice
from desktop_app.core.practice_loader import default_reflection, load_practice
from desktop_app.core.text import Text
from desktop_app.storage.paths import builtin_dir

FILES = sorted(builtin_dir("practices").glob("*.yaml"))
#: What the library is asked to cover (issue 7), by id.
COVERED = {
    "breathing": {
        "box-breathing",
        "longer-out-breath",
        "resonance-breathing",
        "double-sigh",
        "counted-breath",
    },
    "grounding": {"five-senses", "feet-on-the-floor", "the-container"},
    "focusing": {"clearing-a-space", "six-movements", "focusing-check-in"},
    "self-compassion": {"self-compassion-pause", "soothing-touch", "kind-wishes"},
    "guided-imagery": {"safe-place", "calm-water", "compassionate-companion"},
    "mindfulness": {
        "breath-awareness",
        "listening-to-sounds",
        "coming-and-going",
        "hub-and-rim",
    },
    "body-awareness": {"body-scan", "where-it-lives"},
    "relational": {"people-in-your-life", "difficult-conversation", "role-change"},
}
#: Low enough to render quickly; the timing does not depend on it.
RATE = 8_000


def texts(value: object, where: str) -> Iterator[tuple[str, Text]]:
    """Every text in a practice, with where it is (for the message)."""
    if isinstance(value, Text):
        yield where, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from texts(getattr(value, field.name), f"{where}.{field.name}")
    elif isinstance(value, tuple):
        for number, item in enumerate(value, start=1):
            yield from texts(item, f"{where}[{number}]")


@pytest.fixture(scope="module", params=FILES, ids=lambda path: path.stem)
def practice(request: pytest.FixtureRequest) -> Practice:
    path: Path = request.param
    loaded = load_practice(path)
    assert loaded.id == path.stem
    return loaded


def test_the_library_covers_what_therapists_asked_for() -> None:
    kinds: dict[str, set[str]] = {}
    for path in FILES:
        found = load_practice(path)
        kinds.setdefault(found.kind, set()).add(found.id)
    assert len(FILES) >= 20
    for kind, wanted in COVERED.items():
        assert wanted <= kinds.get(kind, set()), kind


def test_every_text_is_in_english_and_dutch(practice: Practice) -> None:
    missing = [
        where
        for where, text in texts(practice, practice.id)
        if not (text.has("en") and text.has("nl") and all(v.strip() for _, v in text.translations))
    ]
    assert missing == []


def test_each_has_what_a_therapist_looks_for(practice: Practice) -> None:
    assert practice.author == "Attune" and practice.license == "CC-BY-4.0"
    assert practice.tags and practice.version is not None
    assert practice.description is not None and practice.safety is not None
    assert len(practice.lengths) >= 2
    assert practice.reflection != default_reflection()  # questions that fit it
    before = {q.id for q in practice.reflection.before}
    after = {q.id for q in practice.reflection.after}
    assert before & after, "a question asked before and after, so the change shows"


@pytest.mark.slow
def test_each_renders_at_its_shortest_length_with_speech_off(practice: Practice) -> None:
    shortest = min(practice.lengths)
    for language in ("en", "nl"):
        session = prepare_session(
            practice, length=shortest, language=language, speech=None, rate=RATE
        )
        holds = len(session.timeline.holds)
        frames = 0
        loudest = 0.0
        for block in render_blocks(session.mixer):
            frames += block.shape[0]
            loudest = max(loudest, float(np.abs(block).max(initial=0.0)))
        assert frames / RATE == pytest.approx(shortest + holds * HOLD_PAUSE_SECONDS, abs=1.0)
        assert session.timeline.total == pytest.approx(shortest, abs=1.0)
        assert 0.01 < loudest <= 1.0  # bells and tones are heard, nothing clips
