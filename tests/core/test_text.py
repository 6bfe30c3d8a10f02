"""Texts: language fallback, the Markdown subset stripped for speech, word counts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.text import Text, strip_markup, word_count


@pytest.mark.parametrize(
    ("marked", "plain"),
    [
        ("Breathe *gently*.", "Breathe gently."),
        ("A **strong** word and *one* more.", "A strong word and one more."),
        (
            "First paragraph\nstill first.\n\nSecond   one.",
            "First paragraph still first.\n\nSecond one.",
        ),
        ("2 * 3 is six", "2 * 3 is six"),
        ("  spaced   out  ", "spaced out"),
    ],
)
def test_markup_is_stripped_for_speech(marked: str, plain: str) -> None:
    assert strip_markup(marked) == plain


@given(st.text(alphabet=st.sampled_from(list("ab *\n")), max_size=40))
def test_word_count_matches_the_stripped_text(value: str) -> None:
    assert word_count(value) == len(strip_markup(value).split())


def test_the_best_language_is_chosen() -> None:
    text = Text((("en", "Hello"), ("nl", "Hallo"), ("pt-BR", "Olá")), "en")
    assert text.resolve("nl-BE") == ("nl", "Hallo")
    assert text.resolve("pt") == ("pt-BR", "Olá")
    assert text.resolve("de") == ("en", "Hello")
    assert text.resolve(None) == ("en", "Hello")
    assert text.has("NL") and not text.has("fr")
