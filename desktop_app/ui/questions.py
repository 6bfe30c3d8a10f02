"""Reflection questions on screen: `question_widget` makes the widget for one question
(scale_question, text_question, choice_question, feelings_question), and `QuestionForm`
shows a list of them.

Every question may be skipped, and skipping stores nothing (formats.md): a widget's
`answer()` is None until the person has actually answered, and `QuestionForm.answers()`
leaves the skipped out.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.core.answers import Answer, When
from desktop_app.core.model import ChoiceQuestion, Question, ScaleQuestion, TextQuestion
from desktop_app.ui.choice_question import ChoiceQuestionWidget
from desktop_app.ui.feelings_question import FeelingsQuestionWidget
from desktop_app.ui.question_widget import QuestionWidget
from desktop_app.ui.reading_page import make_label
from desktop_app.ui.scale_question import ScaleQuestionWidget
from desktop_app.ui.text_question import TextQuestionWidget
from desktop_app.ui.theme import SPACE


def question_widget(
    question: Question, when: When, language: str, parent: QWidget | None = None
) -> QuestionWidget:
    if isinstance(question, ScaleQuestion):
        return ScaleQuestionWidget(question, when, language, parent)
    if isinstance(question, TextQuestion):
        return TextQuestionWidget(question, when, language, parent)
    if isinstance(question, ChoiceQuestion):
        return ChoiceQuestionWidget(question, when, language, parent)
    return FeelingsQuestionWidget(question, when, language, parent)


class QuestionForm(QWidget):
    """Questions one below the other, each optional. `answers()` leaves out the skipped."""

    changed = Signal()

    def __init__(
        self,
        questions: Sequence[Question],
        when: When,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.when: When = when
        self.language = language
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE["m"])
        self.note = make_label(self.tr("You can skip any question."), "muted")
        layout.addWidget(self.note)
        self.widgets: tuple[QuestionWidget, ...] = tuple(
            question_widget(q, when, language) for q in questions
        )
        self._restoring = False
        for widget in self.widgets:
            layout.addWidget(widget)
            widget.changed.connect(self._on_changed)

    def answers(self) -> tuple[Answer, ...]:
        """The answers given, in the order of the questions; skipped ones left out."""
        return tuple(a for a in (w.answer() for w in self.widgets) if a is not None)

    def set_answers(self, answers: Sequence[Answer]) -> None:
        """Show earlier answers (a draft, or going back); questions without one are
        cleared. Answers to other questions, or of another kind, are ignored."""
        by_id = {a.question_id: a for a in answers}
        self._restoring = True
        try:
            for widget in self.widgets:
                found = by_id.get(widget.question.id)
                if found is None or found.kind != widget.kind or not widget.set_value(found.value):
                    widget.clear()
        finally:
            self._restoring = False
        self.changed.emit()

    def clear(self) -> None:
        self.set_answers(())

    def _on_changed(self) -> None:
        if not self._restoring:
            self.changed.emit()
