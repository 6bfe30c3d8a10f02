"""After a practice: a gentle welcome back, the after-questions (all optional), then
a short thank-you with Practise again and Done.

`answered` is emitted exactly once: when the person leaves the questions (Save and
finish, or Skip, which answers nothing). A practice without after-questions has no
question page; it emits `answered(())` when the view is first shown, and at the
latest before `again_requested` or `done_requested`, so the caller can always record
the session on `answered`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.answers import Answer
from desktop_app.core.model import Practice
from desktop_app.ui.questions import QuestionForm
from desktop_app.ui.reading_page import CentredColumn, make_label, scroll_page
from desktop_app.ui.theme import SPACE


class AfterView(QWidget):
    answered = Signal(object)  # tuple[Answer, ...], possibly empty
    again_requested = Signal()
    done_requested = Signal()

    def __init__(
        self,
        practice: Practice,
        language: str,
        completed: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self.language = language
        self.completed = completed
        self._sent = False
        self._stay = False
        self.setAccessibleName(
            self.tr("After the practice: %1").replace("%1", practice.title.get(language))
        )
        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.form: QuestionForm | None = None
        self.questions_page: QWidget | None = None
        if practice.reflection.after:
            self.questions_page = self._build_questions(practice)
            self.pages.addWidget(self.questions_page)
        self.thanks_page = self._build_thanks()
        self.pages.addWidget(self.thanks_page)
        self.pages.setCurrentIndex(0)

    # --- pages -----------------------------------------------------------------------

    def _build_questions(self, practice: Practice) -> QWidget:
        content = CentredColumn()
        column = content.column
        heading = (
            self.tr("Welcome back.")
            if self.completed
            else self.tr("You stopped early, and that's fine.")
        )
        self.heading_label = make_label(heading, "heading")
        column.addWidget(self.heading_label)
        column.addWidget(
            make_label(self.tr("If you like, take a moment to notice how you are now."), "muted")
        )
        column.addSpacing(SPACE["s"])
        self.form = QuestionForm(practice.reflection.after, "after", self.language)
        column.addWidget(self.form)
        column.addStretch(1)

        scroll = scroll_page(content)

        footer = CentredColumn(top=SPACE["m"], bottom=SPACE["l"])
        row = QHBoxLayout()
        row.setSpacing(SPACE["m"])
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.setAutoDefault(True)
        self.skip_button.setAccessibleName(self.tr("Skip"))
        self.skip_button.setAccessibleDescription(self.tr("Go on without saving any answers"))
        self.save_button = QPushButton(self.tr("Save and finish"))
        self.save_button.setProperty("role", "primary")
        self.save_button.setAutoDefault(True)
        self.save_button.setAccessibleName(self.tr("Save and finish"))
        self.save_button.setAccessibleDescription(
            self.tr("Keep your answers; questions left open are not saved")
        )
        row.addWidget(self.skip_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        footer.column.addLayout(row)
        self.skip_button.clicked.connect(self.skip)
        self.save_button.clicked.connect(self.save)

        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        page_layout.addWidget(scroll, 1)
        page_layout.addWidget(footer)
        return page

    def _build_thanks(self) -> QWidget:
        page = CentredColumn(top=SPACE["xl"], bottom=SPACE["xl"])
        column = page.column
        column.addStretch(2)
        self.thanks_label = make_label(
            self.tr("Thank you for taking this time for yourself."), "heading"
        )
        self.thanks_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.thanks_label)
        gentle = make_label(self.tr("There's no hurry to move on."), "muted")
        gentle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(gentle)
        column.addSpacing(SPACE["l"])
        row = QHBoxLayout()
        row.setSpacing(SPACE["m"])
        self.again_button = QPushButton(self.tr("Practise again"))
        self.again_button.setAutoDefault(True)
        self.again_button.setAccessibleName(self.tr("Practise again"))
        self.again_button.setAccessibleDescription(self.tr("Start this practice once more"))
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setProperty("role", "primary")
        self.done_button.setAutoDefault(True)
        self.done_button.setAccessibleName(self.tr("Done"))
        self.done_button.setAccessibleDescription(self.tr("Return to your practices"))
        row.addStretch(1)
        row.addWidget(self.again_button)
        row.addWidget(self.done_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(3)
        self.again_button.clicked.connect(self._again)
        self.done_button.clicked.connect(self._done)
        return page

    # --- flow ------------------------------------------------------------------------

    @property
    def showing_thanks(self) -> bool:
        return self.pages.currentWidget() is self.thanks_page

    def answers(self) -> tuple[Answer, ...]:
        """The answers given so far on the question page."""
        return self.form.answers() if self.form is not None else ()

    def save(self) -> None:
        self._leave_questions(self.answers())

    def skip(self) -> None:
        self._leave_questions(())

    def keep_questions(self) -> None:
        """For whoever handles `answered`: the answers could not be kept (a full disk, a
        locked journal). Stay on the questions with everything written, to try again."""
        self._sent = False
        self._stay = True

    def _leave_questions(self, answers: tuple[Answer, ...]) -> None:
        self._stay = False
        self._send(answers)
        if self._stay:
            return
        self.pages.setCurrentWidget(self.thanks_page)
        self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _send(self, answers: tuple[Answer, ...]) -> None:
        if not self._sent:
            self._sent = True
            self.answered.emit(answers)

    def _again(self) -> None:
        self._send(())
        self.again_requested.emit()

    def _done(self) -> None:
        self._send(())
        self.done_requested.emit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.form is None:
            self._send(())
            self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)
