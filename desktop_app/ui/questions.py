"""Reflection questions on screen: one widget per question, and `QuestionForm` for a list.

Every question may be skipped, and skipping stores nothing (formats.md): a widget's
`answer()` is None until the person has actually answered. A scale therefore starts
*unanswered* (its handle drawn as an empty ring, "Not answered" under it) until it is
moved, pressed or given a number, and "Clear" (or Delete) returns it there.

Also here, because the Before and After views share them: `CentredColumn` (content at
most 640 px wide, centred), `scroll_page`, `make_label`, `chip`, `FlowLayout`, `Slider`.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import feelings
from desktop_app.core.answers import Answer, AnswerValue, QuestionKind, When
from desktop_app.core.model import (
    ChoiceQuestion,
    FeelingsQuestion,
    Question,
    ScaleQuestion,
    TextQuestion,
)
from desktop_app.ui.i18n import current_language
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import GrowingTextEdit

#: The widest a column of reading and answering gets, in px: lines stay easy to follow.
CONTENT_WIDTH = 640

#: Toggle buttons shaped as soft "chips" (feeling words; lengths and backgrounds before).
#: Colours come from the application palette (set by the theme), never from literals;
#: sizes are in em so they follow the zoom.
CHIP_STYLE = """
QPushButton[chip="true"] {
    padding: 0.3em 0.95em; border-radius: 0.75em; min-height: 0;
}
QPushButton[chip="true"]:checked, QPushButton[chip="true"]:checked:hover {
    background: palette(highlight); color: palette(highlighted-text);
    border: 1px solid palette(highlight);
}
QPushButton[chip="true"]:checked:focus { border: 2px solid palette(text); }
"""

#: A scale nobody has answered yet hides the theme's handle; `_ScaleSlider` draws a
#: hollow ring in its place, so it does not look like a value.
_HIDDEN_HANDLE = """
QSlider::handle:horizontal { background: transparent; border: none; }
"""


def make_label(text: str = "", role: str | None = None, *, wrap: bool = True) -> QLabel:
    """A label with a theme role (heading, subheading, muted, warning), named for
    assistive technology by its text."""
    label = QLabel(text)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setAccessibleName(text)
    return label


def set_label(label: QLabel, text: str, role: str | None = None) -> None:
    """Change a label's text (and role, re-applying the style sheet when it changes)."""
    label.setText(text)
    label.setAccessibleName(text)
    if role is not None and label.property("role") != role:
        label.setProperty("role", role)
        label.style().unpolish(label)
        label.style().polish(label)


def chip(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setCheckable(True)
    button.setProperty("chip", "true")
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


class CentredColumn(QWidget):
    """Lays its children out in a column at most `CONTENT_WIDTH` wide, centred.

    Inside a scroll area the column is centred on the scroll area, scroll bar included,
    so it lines up with a footer below it whether or not the page scrolls.
    """

    def __init__(
        self, top: int = SPACE["xl"], bottom: int = SPACE["l"], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._top = top
        self._bottom = bottom
        #: The widget to centre on (a scroll area); None for itself.
        self.reference: QWidget | None = None
        self.column = QVBoxLayout(self)
        self.column.setSpacing(SPACE["m"])
        self._fit(self.width())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        self._fit(event.size().width())
        super().resizeEvent(event)

    def _fit(self, width: int) -> None:
        outer = self.reference.width() if self.reference is not None else width
        left = max(SPACE["l"], (outer - CONTENT_WIDTH) // 2)
        right = max(SPACE["l"], width - CONTENT_WIDTH - left)
        self.column.setContentsMargins(left, self._top, right, self._bottom)


def scroll_page(content: QWidget) -> QScrollArea:
    """A frameless, vertically scrolling page holding `content` (a `CentredColumn`)."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    for bar in (scroll.verticalScrollBar(), scroll.horizontalScrollBar()):
        bar.setAccessibleName(QCoreApplication.translate("questions", "Scroll"))
        bar.setAccessibleDescription(QCoreApplication.translate("questions", "Scrolls the page"))
    scroll.setWidget(content)
    if isinstance(content, CentredColumn):
        content.reference = scroll
    return scroll


# --- one question -------------------------------------------------------------------


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


class Slider(QSlider):
    """A horizontal slider tall enough for the theme's handle and focus ring, so the
    handle is never clipped. The mouse wheel moves it only when it has the focus:
    scrolling a page over a slider must not answer a question by accident."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)

    def handle_rect(self) -> QRect:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        return self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
        )

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # the page scrolls instead

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self._roomy(super().sizeHint())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self._roomy(super().minimumSizeHint())

    def _roomy(self, size: QSize) -> QSize:
        self.ensurePolished()
        return QSize(
            size.width(), max(size.height(), self.handle_rect().height() + 2 * SPACE["xs"])
        )


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


class FlowLayout(QLayout):
    """Lays items out in rows, left to right, wrapping to the next row when full."""

    def __init__(self, parent: QWidget | None = None, spacing: int = SPACE["s"]) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt's name)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt's name)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt's name)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 (Qt's name)
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt's name)
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt's name)
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, row_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x = area.x()
                y += row_height + self._spacing
                row_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + margins.bottom()


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


# --- a list of questions ------------------------------------------------------------


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
