"""Answers to reflection questions, typed by the kind of question (formats.md).

A skipped question has no answer at all: skipping stores nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

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
