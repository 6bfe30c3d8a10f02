"""The unlock screen: a calm full-window page shown at start when the journal is
locked, before any journal data shows.

The passphrase field (Enter unlocks) or the recovery key instead; a wrong one is said
gently and may be tried again, as often as needed (no lock-out: Argon2id already
makes each try cost about 0.1–0.3 s, and the page is the person's own). The key is
derived off the GUI thread, so the window never freezes.

Without unlocking, the person can still ground themselves ("Ground me now", the same
`GroundingView` a practice pauses into, and back), see the crisis numbers of their
safety plan once there is one (`set_crisis_contacts`, shown only when given), or
"Continue without my journal": the library and the practices work, and nothing is
written to the journal until it is unlocked.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.storage.journal_files import JournalFiles, Passphrase, Proof, TypedRecoveryKey
from desktop_app.storage.lock.data_key import DataKey
from desktop_app.storage.lock.errors import LockError
from desktop_app.ui.background import BackgroundRunner, Progress
from desktop_app.ui.flow_layout import FlowLayout
from desktop_app.ui.grounding_view import GroundingView
from desktop_app.ui.passphrase_fields import lock_problem, secret_field
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import make_label

logger = logging.getLogger(__name__)

#: The widest the page's column grows.
COLUMN_WIDTH = 520


class UnlockView(QWidget):
    #: The journal's data key: open the journal with it now.
    unlocked = Signal(object)
    #: The person chose to go on without the journal (it stays locked and closed).
    continue_without_journal = Signal()

    def __init__(self, files: JournalFiles, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files = files
        self.setAccessibleName(self.tr("Unlock your journal"))
        self.runner = BackgroundRunner("Unlocking the journal failed", logger, self)
        self.runner.done.connect(self._tried)
        self.runner.failed.connect(self._say_problem)
        self._by_recovery_key = False

        self.heading = make_label(self.tr("Your journal is locked"), "heading")
        self.prompt = make_label(self.tr("Type your passphrase to open it."), "muted")
        self.field = secret_field(self.tr("Passphrase"), self.tr("Enter unlocks the journal"))
        self.field.returnPressed.connect(self.unlock)
        self.problem = make_label("", "warning")
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.hide()
        self.unlock_button = self._button(
            self.tr("&Unlock"), self.tr("Open your journal"), primary=True
        )
        self.unlock_button.clicked.connect(self.unlock)
        self.switch_button = self._button(
            self.tr("Use the &recovery key instead"),
            self.tr("Type the key you wrote down when you locked the journal"),
        )
        self.switch_button.setProperty("role", "quiet")
        self.switch_button.clicked.connect(self.switch_proof)

        self.ground_button = self._button(
            self.tr("&Ground me now"), self.tr("A short, steady moment, without unlocking")
        )
        self.ground_button.clicked.connect(self.show_grounding)
        self.continue_button = self._button(
            self.tr("&Continue without my journal"),
            self.tr("Use the practices; answers are not kept until you unlock"),
        )
        self.continue_button.setProperty("role", "quiet")
        self.continue_button.clicked.connect(self.continue_without_journal)
        self.crisis_box = QVBoxLayout()
        self.crisis_box.setSpacing(SPACE["xs"])
        self.crisis_labels: list[QLabel] = []

        self.pages = QStackedWidget()
        self.unlock_page = self._unlock_page()
        self.grounding = GroundingView()
        self.grounding.heading.setText(self.tr("Take a moment. Your journal can wait."))
        self.grounding.heading.setAccessibleName(self.grounding.heading.text())
        self.grounding.resume_button.setText(self.tr("Back"))
        self.grounding.resume_button.setAccessibleName(self.tr("Back"))
        self.grounding.resume_button.setAccessibleDescription(self.tr("Back to unlocking"))
        self.grounding.end_button.hide()
        self.grounding.resume_requested.connect(self.show_unlock)
        self.pages.addWidget(self.unlock_page)
        self.pages.addWidget(self.grounding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.setFocusProxy(self.field)

    # --- the public side --------------------------------------------------------------

    def unlock(self) -> None:
        """Try what was typed, off the GUI thread; `unlocked` follows if it opens."""
        typed = self.field.text()
        if self.runner.busy:
            return
        if not typed:
            self._say_problem(
                self.tr("Type your recovery key first.")
                if self._by_recovery_key
                else self.tr("Type your passphrase first.")
            )
            return
        proof: Proof = TypedRecoveryKey(typed) if self._by_recovery_key else Passphrase(typed)
        files = self.files

        def work(_progress: Progress) -> object:
            try:
                return files.unlock(proof)
            except LockError as error:  # a wrong passphrase is expected, not logged
                return lock_problem(error)

        self.unlock_button.setEnabled(False)
        self.unlock_button.setText(self.tr("Unlocking…"))
        self.problem.hide()
        self.runner.submit(work)

    def switch_proof(self) -> None:
        """Between the passphrase and the recovery key."""
        self._by_recovery_key = not self._by_recovery_key
        self.field.clear()
        self.problem.hide()
        if self._by_recovery_key:
            self.prompt.setText(self.tr("Type your recovery key. Spaces and dashes do not matter."))
            self.field.setEchoMode(QLineEdit.EchoMode.Normal)  # copied from paper: seen
            self.field.setAccessibleName(self.tr("Recovery key"))
            self.field.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
            self.switch_button.setText(self.tr("Use my &passphrase instead"))
        else:
            self.prompt.setText(self.tr("Type your passphrase to open it."))
            self.field.setEchoMode(QLineEdit.EchoMode.Password)
            self.field.setAccessibleName(self.tr("Passphrase"))
            self.field.setPlaceholderText("")
            self.switch_button.setText(self.tr("Use the &recovery key instead"))
        self.switch_button.setAccessibleName(self.switch_button.text().replace("&", ""))
        self.prompt.setAccessibleName(self.prompt.text())
        self.field.setFocus()

    def show_grounding(self) -> None:
        self.pages.setCurrentWidget(self.grounding)
        self.grounding.resume_button.setFocus()

    def show_unlock(self) -> None:
        self.pages.setCurrentWidget(self.unlock_page)
        self.field.setFocus()

    def set_crisis_contacts(self, contacts: Sequence[tuple[str, str]]) -> None:
        """The safety plan's crisis numbers (who, how to reach them), shown under the
        buttons and on the grounding page, without unlocking. Issue 17's safety plan
        gives them; until it exists nothing calls this, and none shows nothing."""
        for label in self.crisis_labels:
            self.crisis_box.removeWidget(label)
            label.deleteLater()
        self.crisis_labels = []
        for who, contact in contacts:
            text = self.grounding.support_text(who, contact)
            label = make_label(text, "muted")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAccessibleName(text)
            self.crisis_box.addWidget(label)
            self.crisis_labels.append(label)
        self.grounding.set_support(tuple(contacts))

    # --- what happened ------------------------------------------------------------------

    def _tried(self, result: object) -> None:
        self.unlock_button.setEnabled(True)
        self.unlock_button.setText(self.tr("&Unlock"))
        if isinstance(result, DataKey):
            self.field.clear()
            self.problem.hide()
            self.unlocked.emit(result)
        else:
            self._say_problem(str(result))

    def _say_problem(self, message: str) -> None:
        self.unlock_button.setEnabled(True)
        self.unlock_button.setText(self.tr("&Unlock"))
        self.problem.setText(message)
        self.problem.setAccessibleDescription(message)
        self.problem.show()
        self.field.setFocus()
        self.field.selectAll()

    # --- building -----------------------------------------------------------------------

    def _unlock_page(self) -> QScrollArea:
        card = QFrame()
        card.setProperty("role", "card")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(SPACE["l"], SPACE["l"], SPACE["l"], SPACE["l"])
        card_layout.setSpacing(SPACE["m"])
        card_layout.addWidget(self.prompt)
        card_layout.addWidget(self.field)
        card_layout.addWidget(self.problem)
        row = QWidget()  # the buttons wrap onto two lines at a large text size
        row_layout = FlowLayout(row)
        row_layout.addWidget(self.unlock_button)
        row_layout.addWidget(self.switch_button)
        card_layout.addWidget(row)

        others = make_label(
            self.tr("Without unlocking, you can still take a moment or use the practices."),
            "muted",
        )
        others.setAccessibleName(others.text())
        other_row = QWidget()
        other_layout = FlowLayout(other_row)
        other_layout.addWidget(self.ground_button)
        other_layout.addWidget(self.continue_button)

        column = QVBoxLayout()
        column.setSpacing(SPACE["l"])
        column.addStretch(2)
        column.addWidget(self.heading)
        column.addWidget(card)
        column.addSpacing(SPACE["s"])
        column.addWidget(others)
        column.addWidget(other_row)
        column.addLayout(self.crisis_box)
        column.addStretch(3)
        self.body = QWidget()
        self.body.setLayout(column)
        self.body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._fit_to_font()
        page = QWidget()
        outer = QHBoxLayout(page)
        outer.setContentsMargins(SPACE["xl"], SPACE["l"], SPACE["xl"], SPACE["l"])
        outer.addStretch()
        outer.addWidget(self.body, 10)
        outer.addStretch()
        self.heading.setAccessibleName(self.heading.text())
        self.prompt.setAccessibleName(self.prompt.text())
        scroll = QScrollArea()  # large text scrolls rather than being cut short
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.verticalScrollBar().setAccessibleName(self.tr("Scroll"))
        scroll.setWidget(page)
        scroll.viewport().setAutoFillBackground(False)
        page.setAutoFillBackground(False)
        return scroll

    def _fit_to_font(self) -> None:
        """The column as wide as about 60 characters of the text size, at least
        `COLUMN_WIDTH`: a larger text size widens it rather than squeezing it."""
        body = getattr(self, "body", None)  # None: a font change while the page is made
        if body is not None:
            body.setMaximumWidth(max(COLUMN_WIDTH, self.fontMetrics().averageCharWidth() * 60))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_to_font()
        super().changeEvent(event)

    def _button(self, text: str, description: str, *, primary: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        if primary:
            button.setProperty("role", "primary")
        return button
