"""A text question: a box that grows with what is written; empty is skipped."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_app.core.answers import Answer, AnswerValue, When
from desktop_app.core.model import TextQuestion
from desktop_app.ui.question_widget import QuestionWidget
from desktop_app.ui.widgets import GrowingTextEdit


class TextQuestionWidget(QuestionWidget):
    question: TextQuestion
    kind = "text"

    def __init__(
        self, question: TextQuestion, when: When, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(question, when, language, parent)
        self.edit = GrowingTextEdit()
        if question.placeholder:
            self.edit.setPlaceholderText(question.placeholder.get(language))
        self.edit.setAccessibleName(self.tr("%1 (your answer)").replace("%1", self.prompt))
        self.edit.setAccessibleDescription(
            self.tr("Write as much or as little as you like; leave it empty to skip.")
        )
        self.prompt_label.setBuddy(self.edit)
        self.body.addWidget(self.edit)
        self.edit.textChanged.connect(self.changed)

    def answer(self) -> Answer | None:
        text = self.edit.toPlainText().strip()
        return self._answer(text) if text else None

    def set_value(self, value: AnswerValue) -> bool:
        if not isinstance(value, str):
            return False
        self.edit.setPlainText(value)
        return True

    def clear(self) -> None:
        self.edit.clear()
