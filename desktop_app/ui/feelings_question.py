"""A feelings question: the app's feeling words as chips, family by family, and a line
for words of one's own."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from desktop_app.core import feelings
from desktop_app.core.answers import Answer, AnswerValue, When
from desktop_app.core.model import FeelingsQuestion
from desktop_app.ui.chips import CHIP_STYLE, chip
from desktop_app.ui.flow_layout import FlowLayout
from desktop_app.ui.i18n import current_language
from desktop_app.ui.question_widget import QuestionWidget
from desktop_app.ui.reading_page import make_label
from desktop_app.ui.theme import SPACE


class FeelingsQuestionWidget(QuestionWidget):
    """Feeling words as chips, family by family, and a line for words of one's own."""

    question: FeelingsQuestion
    kind = "feelings"

    def __init__(
        self, question: FeelingsQuestion, when: When, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(question, when, language, parent)
        # The app's own feeling words come in the person's language (formats.md), even
        # in a practice written in another.
        language = self.words_language = current_language()
        self.setStyleSheet(CHIP_STYLE)
        self.chips: dict[str, QPushButton] = {}
        description = self.tr(
            "A feeling word for: %1. Press Space to choose it or let it go."
        ).replace("%1", self.prompt)
        hint = make_label(self.tr("Choose any words that fit, or none."), "muted")
        self.body.addWidget(hint)
        for group in feelings.GROUPS:
            heading = make_label(group.name(language), "muted")
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self.body.addSpacing(SPACE["xs"])
            self.body.addWidget(heading)
            flow = FlowLayout()
            for item in feelings.in_group(group.id):
                button = chip(item.name(language))
                button.setAccessibleName(item.name(language))
                button.setAccessibleDescription(f"{description} ({group.name(language)})")
                button.toggled.connect(self.changed)
                flow.addWidget(button)
                self.chips[item.id] = button
            self.body.addLayout(flow)
        first = next(iter(self.chips.values()), None)
        if first is not None:
            self.prompt_label.setBuddy(first)
        self.other = QLineEdit()
        self.other.setPlaceholderText(self.tr("Separate words with commas"))
        self.other.setAccessibleName(self.tr("Other words for: %1").replace("%1", self.prompt))
        self.other.setAccessibleDescription(self.tr("Your own feeling words, separated by commas"))
        other_label = make_label(self.tr("Other words"), "muted")
        other_label.setBuddy(self.other)
        self.body.addSpacing(SPACE["s"])
        self.body.addWidget(other_label)
        self.body.addWidget(self.other)
        self.other.textChanged.connect(self.changed)

    def chosen(self) -> tuple[str, ...]:
        """Ids of the chosen chips, in display order."""
        return tuple(fid for fid, button in self.chips.items() if button.isChecked())

    def value(self) -> tuple[str, ...]:
        typed_ids, words = self._typed()
        chosen = set(self.chosen()) | set(typed_ids)
        ordered = tuple(f.id for f in feelings.FEELINGS if f.id in chosen)
        return ordered + words

    def _typed(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        ids: list[str] = []
        words: list[str] = []
        seen: set[str] = set()
        for part in self.other.text().split(","):
            word = " ".join(part.split())
            if not word or word.casefold() in seen:
                continue
            seen.add(word.casefold())
            known = feelings.find(word, self.words_language)
            if known is not None:
                ids.append(known.id)
            else:
                words.append(word)
        return tuple(ids), tuple(words)

    def answer(self) -> Answer | None:
        value = self.value()
        return self._answer(value) if value else None

    def set_value(self, value: AnswerValue) -> bool:
        if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
            return False
        items = [v for v in value if isinstance(v, str)]
        for fid, button in self.chips.items():
            button.setChecked(fid in items)
        self.other.setText(", ".join(v for v in items if v not in self.chips))
        return True

    def clear(self) -> None:
        for button in self.chips.values():
            button.setChecked(False)
        self.other.clear()
