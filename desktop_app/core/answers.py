"""Answers to reflection questions, typed by the kind of question (formats.md).

A skipped question has no answer at all: skipping stores nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeAlias

if TYPE_CHECKING:
    from desktop_app.core.model import Question

QuestionKind = Literal["scale", "text", "choice", "feelings"]
#: scale: an integer; text: a string; choice: option indexes; feelings: feeling ids
#: (and free words the person typed, as themselves).
AnswerValue: TypeAlias = int | str | tuple[int, ...] | tuple[str, ...]
When = Literal["before", "during", "after"]


@dataclass(frozen=True)
class Answer:
    question_id: str
    kind: QuestionKind
    value: AnswerValue
    when: When


def describe(question: Question, value: AnswerValue, language: str) -> str:
    """An answer in words, as the journal and exports show it: "7 of 10",
    "Breath, Counting", "calm, tense, a bit lost"."""
    # Imported here: the journal reads answers at every start without the practice
    # model or the feelings' table.
    from desktop_app.core import feelings
    from desktop_app.core.model import ChoiceQuestion, FeelingsQuestion, ScaleQuestion

    if isinstance(question, ScaleQuestion) and isinstance(value, int):
        return (
            f"{value} of {question.maximum}"
            if question.minimum == 0
            else (f"{value} ({question.minimum}–{question.maximum})")
        )
    if isinstance(question, ChoiceQuestion) and isinstance(value, tuple):
        options = question.options
        return ", ".join(
            options[i].get(language) for i in value if isinstance(i, int) and 0 <= i < len(options)
        )
    if isinstance(question, FeelingsQuestion) and isinstance(value, tuple):
        return ", ".join(feelings.name(str(word), language) for word in value)
    return str(value)
