"""A scale question: a slider that starts *unanswered* (its handle drawn as an empty
ring, "Not answered" under it) until it is moved, pressed or given a number; "Clear"
(or Delete) returns it there."""

from __future__ import annotations

import time

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QAbstractSlider, QHBoxLayout, QPushButton, QWidget

from desktop_app.core.answers import Answer, AnswerValue, When
from desktop_app.core.model import ScaleQuestion
from desktop_app.ui.question_widget import QuestionWidget
from desktop_app.ui.reading_page import make_label, set_label
from desktop_app.ui.slider import Slider
from desktop_app.ui.theme import SPACE

#: A scale nobody has answered yet hides the theme's handle; `_ScaleSlider` draws a
#: hollow ring in its place, so it does not look like a value.
_HIDDEN_HANDLE = """
QSlider::handle:horizontal { background: transparent; border: none; }
"""


class _ScaleSlider(Slider):
    """A slider that also takes a number typed on the keyboard, and Delete to clear."""

    typed = Signal(int)
    cleared = Signal()

    #: Two digits typed within this many seconds make one number ("1", "0" -> 10).
    DIGIT_GAP = 1.0

    def __init__(self) -> None:
        super().__init__()
        self._last_digit: tuple[int, float] | None = None
        self._hollow = False

    def set_hollow(self, hollow: bool) -> None:
        """Draw the handle as an empty ring (no value yet) or as the theme draws it."""
        if hollow != self._hollow:
            self._hollow = hollow
            self.setStyleSheet(_HIDDEN_HANDLE if hollow else "")
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if not self._hollow:
            return
        handle = QRectF(self.handle_rect())
        side = min(handle.width(), handle.height()) - 2
        ring = QRectF(0, 0, side, side)
        ring.moveCenter(handle.center())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Text), 2))
        painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
        painter.drawEllipse(ring)
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        text = event.text()
        if len(text) == 1 and text.isdigit() and text.isascii():
            digit = int(text)
            now = time.monotonic()
            number = digit
            if self._last_digit is not None and now - self._last_digit[1] < self.DIGIT_GAP:
                joined = self._last_digit[0] * 10 + digit
                if self.minimum() <= joined <= self.maximum():
                    number = joined
            self._last_digit = (number, now)
            if self.minimum() <= number <= self.maximum():
                self.typed.emit(number)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.cleared.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ScaleQuestionWidget(QuestionWidget):
    question: ScaleQuestion
    kind = "scale"

    def __init__(
        self, question: ScaleQuestion, when: When, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(question, when, language, parent)
        low, high = question.minimum, question.maximum
        self._answered = False
        self._reported: int | None = None
        self.slider = _ScaleSlider()
        self.slider.setRange(low, high)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(max(1, (high - low) // 5))
        self.slider.setValue((low + high) // 2)
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slider.setAccessibleName(
            self.tr("%1 (scale from %2 to %3)")
            .replace("%1", self.prompt)
            .replace("%2", str(low))
            .replace("%3", str(high))
        )
        self.prompt_label.setBuddy(self.slider)
        low_text = question.low.get(language) if question.low else ""
        high_text = question.high.get(language) if question.high else ""
        self.low_label = make_label(f"{low} · {low_text}" if low_text else str(low), "muted")
        self.high_label = make_label(f"{high_text} · {high}" if high_text else str(high), "muted")
        self.high_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.low_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.value_label = make_label("", wrap=False)
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setProperty("role", "quiet")
        self.clear_button.setAutoDefault(True)
        self.clear_button.setAccessibleName(
            self.tr("Clear the answer to: %1").replace("%1", self.prompt)
        )
        self.clear_button.setAccessibleDescription(self.tr("Leaves this question unanswered"))
        retain = self.clear_button.sizePolicy()
        retain.setRetainSizeWhenHidden(True)
        self.clear_button.setSizePolicy(retain)

        ends = QHBoxLayout()
        ends.setSpacing(SPACE["m"])
        ends.addWidget(self.low_label, 1)
        ends.addWidget(self.high_label, 1)
        shown = QHBoxLayout()
        shown.setSpacing(SPACE["xs"])
        shown.addStretch(1)
        shown.addWidget(self.value_label)
        shown.addWidget(self.clear_button)
        shown.addStretch(1)
        self.body.addSpacing(SPACE["xs"])
        self.body.addWidget(self.slider)
        self.body.addLayout(ends)
        self.body.addLayout(shown)

        self.slider.actionTriggered.connect(self._on_action)
        self.slider.sliderPressed.connect(self._on_pressed)
        self.slider.valueChanged.connect(self._on_value)
        self.slider.typed.connect(self._on_typed)
        self.slider.cleared.connect(self.clear)
        self.clear_button.clicked.connect(self._on_clear_clicked)
        self._refresh()

    @property
    def answered(self) -> bool:
        return self._answered

    def value(self) -> int | None:
        return self.slider.value() if self._answered else None

    def answer(self) -> Answer | None:
        value = self.value()
        return None if value is None else self._answer(value)

    def set_value(self, value: AnswerValue) -> bool:
        question = self.question
        if not isinstance(value, int) or isinstance(value, bool):
            return False
        if not question.minimum <= value <= question.maximum:
            return False
        self._answered = True
        self.slider.setValue(value)
        self._refresh()
        return True

    def clear(self) -> None:
        self._answered = False
        self._refresh()

    def _on_action(self, action: int) -> None:
        if action == QAbstractSlider.SliderAction.SliderNoAction.value:
            return
        self._answered = True
        self._refresh(self.slider.sliderPosition())

    def _on_pressed(self) -> None:
        self._answered = True
        self._refresh()

    def _on_value(self, value: int) -> None:
        if self._answered:
            self._refresh(value)

    def _on_typed(self, number: int) -> None:
        self._answered = True
        self.slider.setValue(number)
        self._refresh()

    def _on_clear_clicked(self) -> None:
        self.clear()
        self.slider.setFocus(Qt.FocusReason.OtherFocusReason)

    def _refresh(self, shown: int | None = None) -> None:
        """Show the state; emit `changed` when the answer differs from the last one."""
        value = (shown if shown is not None else self.slider.value()) if self._answered else None
        if value is None:
            set_label(self.value_label, self.tr("Not answered"), "muted")
            self.slider.set_hollow(True)
            description = self.tr(
                "Not answered. Use the arrow keys, Home and End, or type a number, to answer."
            )
        else:
            set_label(self.value_label, str(value), "subheading")
            self.slider.set_hollow(False)
            description = self.tr("Your answer: %1. Press Delete to clear it.").replace(
                "%1", str(value)
            )
        self.value_label.setAccessibleDescription(
            self.tr("The answer to: %1").replace("%1", self.prompt)
        )
        self.slider.setAccessibleDescription(description)
        self.clear_button.setVisible(value is not None)
        if value != self._reported:
            self._reported = value
            self.changed.emit()
