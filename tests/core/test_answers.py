"""Answers in words, as the journal shows them."""

from __future__ import annotations

from desktop_app.core.answers import describe
from desktop_app.core.model import (
    ChoiceQuestion,
    FeelingsQuestion,
    ScaleQuestion,
    TextQuestion,
)
from desktop_app.core.text import Text


def text(en: str, nl: str | None = None) -> Text:
    pairs = (("en", en),) + ((("nl", nl),) if nl else ())
    return Text(pairs, "en")


def test_every_kind_is_described_in_the_language_asked() -> None:
    assert describe(ScaleQuestion("s", text("How?")), 7, "en") == "7 of 10"
    assert describe(ScaleQuestion("s", text("How?"), 1, 5), 3, "en") == "3 (1–5)"
    assert describe(TextQuestion("t", text("What?")), "a quiet mind", "en") == "a quiet mind"
    choice = ChoiceQuestion(
        "c", text("Which?"), (text("Breath", "Adem"), text("Bell", "Bel")), True
    )
    assert describe(choice, (0, 1), "nl") == "Adem, Bel"
    assert describe(choice, (0, 9), "en") == "Breath"  # an index out of range is left out
    assert describe(FeelingsQuestion("f", text("Feelings?")), ("calm", "a bit lost"), "en") == (
        "calm, a bit lost"
    )
