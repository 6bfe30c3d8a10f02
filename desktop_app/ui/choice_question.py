"""A choice question: radio buttons for one answer (with "Clear"), check boxes for
several."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.answers import Answer, AnswerValue, When
from desktop_app.core.model import ChoiceQuestion
from desktop_app.ui.question_widget import QuestionWidget
from desktop_app.ui.theme import SPACE


class ChoiceQuestionWidget(QuestionWidget):
    question: ChoiceQuestion
    kind = "choice"

    def __init__(
        self, question: ChoiceQuestion, when: When, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(question, when, language, parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(not question.multiple)
        self.buttons: list[QAbstractButton] = []
        description = (
            self.tr("One of the answers to: %1")
            if not question.multiple
            else self.tr("Any of the answers to: %1 (choose as many as fit)")
        ).replace("%1", self.prompt)
        options = QVBoxLayout()
        options.setSpacing(SPACE["xs"])
        for index, option in enumerate(question.options):
            text = option.get(language)
            button: QAbstractButton = QCheckBox(text) if question.multiple else QRadioButton(text)
            button.setAccessibleName(text)
            button.setAccessibleDescription(description)
            self.group.addButton(button, index)
            self.buttons.append(button)
            options.addWidget(button)
        self.body.addLayout(options)
        if self.buttons:
            self.prompt_label.setBuddy(self.buttons[0])
        self.clear_button: QPushButton | None = None
        if not question.multiple:
            clear = QPushButton(self.tr("Clear"))
            clear.setProperty("role", "quiet")
            clear.setAutoDefault(True)
            clear.setAccessibleName(self.tr("Clear the answer to: %1").replace("%1", self.prompt))
            clear.setAccessibleDescription(self.tr("Leaves this question unanswered"))
            policy = clear.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            clear.setSizePolicy(policy)
            clear.clicked.connect(self._on_clear_clicked)
            row = QHBoxLayout()
            row.addWidget(clear)
            row.addStretch(1)
            self.body.addLayout(row)
            self.clear_button = clear
        self.group.idToggled.connect(self._on_toggled)
        self._sync()

    def value(self) -> tuple[int, ...]:
        return tuple(i for i, button in enumerate(self.buttons) if button.isChecked())

    def answer(self) -> Answer | None:
        value = self.value()
        return self._answer(value) if value else None

    def set_value(self, value: AnswerValue) -> bool:
        if not isinstance(value, tuple) or not all(
            isinstance(i, int) and not isinstance(i, bool) for i in value
        ):
            return False
        indexes = [i for i in value if isinstance(i, int)]
        if any(not 0 <= i < len(self.buttons) for i in indexes):
            return False
        if not self.question.multiple and len(indexes) > 1:
            return False
        self._set_checked(set(indexes))
        return True

    def clear(self) -> None:
        self._set_checked(set())

    def _set_checked(self, indexes: set[int]) -> None:
        exclusive = self.group.exclusive()
        self.group.setExclusive(False)  # an exclusive group cannot be emptied
        for index, button in enumerate(self.buttons):
            button.setChecked(index in indexes)
        self.group.setExclusive(exclusive)
        self._sync()

    def _on_clear_clicked(self) -> None:
        self.clear()
        if self.buttons:
            self.buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def _on_toggled(self, index: int, checked: bool) -> None:
        del index
        self._sync()
        # An exclusive switch unchecks one and checks another: report once, on the check.
        if checked or self.question.multiple or not self.value():
            self.changed.emit()

    def _sync(self) -> None:
        if self.clear_button is not None:
            self.clear_button.setVisible(bool(self.value()))
