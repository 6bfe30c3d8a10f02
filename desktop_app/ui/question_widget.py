"""What every question's widget is: a card with the prompt, and an answer that is None
until the person has actually answered (skipping stores nothing, formats.md)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from desktop_app.core.answers import Answer, AnswerValue, QuestionKind, When
from desktop_app.core.model import Question
from desktop_app.ui.reading_page import make_label
from desktop_app.ui.theme import SPACE


class QuestionWidget(QFrame):
    """One question in a card: its prompt, and the controls to answer it."""

    changed = Signal()
    kind: QuestionKind

    def __init__(
        self, question: Question, when: When, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.question = question
        self.when: When = when
        self.language = language
        self.prompt = question.prompt.get(language)
        self.setProperty("role", "card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(SPACE["l"], SPACE["m"], SPACE["l"], SPACE["m"])
        self.body.setSpacing(SPACE["s"])
        self.prompt_label = make_label(self.prompt, "subheading")
        self.body.addWidget(self.prompt_label)

    def answer(self) -> Answer | None:
        """The answer, or None when the question is skipped."""
        raise NotImplementedError

    def set_value(self, value: AnswerValue) -> bool:
        """Show a stored answer's value; False (and nothing changed) when it does not fit."""
        raise NotImplementedError

    def clear(self) -> None:
        """Back to unanswered."""
        raise NotImplementedError

    def _answer(self, value: AnswerValue) -> Answer:
        return Answer(self.question.id, self.kind, value, self.when)
