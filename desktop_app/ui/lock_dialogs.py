"""The journal lock's dialogs, opened from Settings: turn the lock on (a passphrase
twice, the conversion, then the recovery key shown once), change the passphrase (by
the current one or the recovery key), and turn the lock off (the passphrase, then
the conversion back).

Everything slow runs off the GUI thread through a `BackgroundRunner`: Argon2id
(about 0.1–0.3 s each time) and the conversion of the journal and its copies. The
window stays responsive and the dialog says calmly what is happening.

The journal must be closed while it is converted. A dialog asks for that with
`release_journal` (the window closes its journal in the slot, before the signal
returns) just before the conversion starts, and gives back what to open it with by
`reopen_journal(key)` when the conversion ends, whether it worked or not: the data
key for a locked journal, None for a plain one. Nothing else here touches the
journal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.storage.journal_files import JournalFiles, Passphrase, Proof, TypedRecoveryKey
from desktop_app.storage.lock.data_key import DataKey
from desktop_app.storage.lock.errors import LockError
from desktop_app.storage.lock.passphrase import Argon2Params
from desktop_app.ui.background import BackgroundRunner, Progress
from desktop_app.ui.passphrase_fields import NewPassphraseFields, lock_problem, secret_field
from desktop_app.ui.recovery_key_page import RecoveryKeyPage
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import make_label

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Converted:
    """How a conversion ended: what to open the journal with now, the recovery key
    to show (turning on), and why it did not work ("" when it did)."""

    reopen_key: DataKey | None = field(repr=False)
    recovery_key_text: str = field(default="", repr=False)
    problem: str = ""


def lock_journal(files: JournalFiles, passphrase: str, params: Argon2Params | None) -> Converted:
    """Turn the lock on (worker thread). The journal is reopened with the new data key
    the conversion gives back; after a failure, with whatever the files now need (the
    conversion leaves the old journal or the new one whole)."""
    try:
        keys = files.turn_on(passphrase, params)
    except Exception as error:  # said calmly on the dialog; the journal is reopened
        logger.exception("Turning the journal lock on failed")
        return Converted(_key_after_failure(files, passphrase), problem=lock_problem(error))
    return Converted(keys.data_key, recovery_key_text=keys.recovery_key.text)


def _key_after_failure(files: JournalFiles, passphrase: str) -> DataKey | None:
    """What opens the journal after turning the lock on failed part way: nothing when
    it is still plain (a key file left beside it is removed), else the new key."""
    try:
        files.settle()
        return files.unlock(Passphrase(passphrase)) if files.lock_state() == "on" else None
    except Exception:  # the window then says the journal cannot be opened, and why
        logger.exception("The journal could not be unlocked after turning the lock on failed")
        return None


def unlock_journal_for_good(files: JournalFiles, key: DataKey) -> Converted:
    """Turn the lock off (worker thread) with `key`, the data key the person's
    passphrase or recovery key already gave."""
    try:
        files.turn_off(key)
    except Exception as error:  # said calmly on the dialog; the journal is reopened
        logger.exception("Turning the journal lock off failed")
        return Converted(key if files.lock_state() == "on" else None, problem=lock_problem(error))
    return Converted(None)


@dataclass(frozen=True)
class _Refused:
    """Work refused by the lock (a wrong passphrase or recovery key): why."""

    message: str


class LockDialog(QDialog):
    """A dialog of pages (`self.pages`) whose slow work runs on `self.runner`; it
    cannot be closed while that work runs."""

    release_journal = Signal()
    reopen_journal = Signal(object)  # DataKey | None

    def __init__(self, files: JournalFiles, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.files = files
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.pages = QStackedWidget()
        self.waiting = make_label("", "subheading")
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Named context: `self.tr` here would look under each subclass's name.
        self.waiting.setAccessibleName(QCoreApplication.translate("LockDialog", "Please wait"))
        waiting_page = QWidget()
        waiting_layout = QVBoxLayout(waiting_page)
        waiting_layout.addStretch()
        waiting_layout.addWidget(self.waiting)
        waiting_layout.addStretch()
        self.waiting_page = waiting_page
        self.pages.addWidget(waiting_page)
        scroll = QScrollArea()  # large text never cuts a page short
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.verticalScrollBar().setAccessibleName(
            QCoreApplication.translate("LockDialog", "Scroll")
        )
        scroll.setWidget(self.pages)
        scroll.viewport().setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE["l"], SPACE["l"], SPACE["l"], SPACE["l"])
        layout.addWidget(scroll)
        self.runner = BackgroundRunner(f"{title} failed", logger, self, describe=lock_problem)
        self._next: Callable[[object], None] = lambda _result: None
        self.runner.done.connect(self._done)
        self.runner.failed.connect(self._failed)
        self.resize(560, 480)

    def run(self, waiting: str, work: Callable[[], object], then: Callable[[object], None]) -> None:
        """Show `waiting`, run `work` off the GUI thread, then call `then(result)`."""
        self.waiting.setText(waiting)
        self.waiting.setAccessibleDescription(waiting)
        self.pages.setCurrentWidget(self.waiting_page)
        self._next = then

        def job(_progress: Progress) -> object:
            try:
                return work()
            except LockError as error:  # a wrong passphrase: expected, not logged
                return _Refused(lock_problem(error))

        self.runner.submit(job)

    def _done(self, result: object) -> None:
        if isinstance(result, _Refused):
            self.show_problem(result.message)
        else:
            self._next(result)

    def _failed(self, message: str) -> None:
        """Work that raised (a wrong passphrase): said on the page it came from."""
        self.show_problem(message)

    def show_problem(self, message: str) -> None:  # each dialog says it on its form
        raise NotImplementedError

    def reject(self) -> None:
        if not self.runner.busy:  # the conversion cannot be left half-said
            super().reject()

    def button(
        self,
        text: str,
        description: str,
        clicked: Callable[[], object],
        primary: bool = False,
    ) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").removesuffix("…"))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.setAutoDefault(False)  # Enter in a field is connected to what it does
        if primary:
            button.setProperty("role", "primary")
        button.clicked.connect(clicked)
        return button

    def button_row(self, *buttons: QPushButton) -> QHBoxLayout:
        """The buttons at the end of a form, to the right."""
        row = QHBoxLayout()
        row.addStretch()
        for button in buttons:
            row.addWidget(button)
        return row

    def form_page(self, *parts: QWidget | QHBoxLayout) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE["m"])
        for part in parts:
            if isinstance(part, QHBoxLayout):
                layout.addStretch()
                layout.addLayout(part)
            else:
                layout.addWidget(part)
        self.pages.addWidget(page)
        return page

    def label(self, text: str, role: str | None = None) -> QLabel:
        label = make_label(text, role)
        label.setAccessibleName(text)
        return label

    def problem_label(self, name: str) -> QLabel:
        """Where a form says what went wrong: empty until then."""
        label = self.label("", "warning")
        label.setAccessibleName(name)
        return label

    def say_problem(self, label: QLabel, message: str, page: QWidget) -> None:
        """Says `message` in `label` (read out too) and brings back its `page`."""
        label.setText(message)
        label.setAccessibleDescription(message)
        self.pages.setCurrentWidget(page)


class TurnOnLockDialog(LockDialog):
    """ "Lock my journal": what it means, a passphrase twice, the conversion, then the
    recovery key shown once. `params`: Argon2id's cost (None: Attune's own)."""

    def __init__(
        self,
        files: JournalFiles,
        params: Argon2Params | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(files, self.tr("Lock my journal"), parent)
        self.params = params
        self.fields = NewPassphraseFields()
        self.problem = self.problem_label(self.tr("Problem"))
        self.cancel_button = self.button(
            self.tr("Cancel"), self.tr("Leave the journal as it is"), self.reject
        )
        self.lock_button = self.button(
            self.tr("&Lock my journal"),
            self.tr("Encrypt the journal with this passphrase"),
            self.lock,
            primary=True,
        )
        self.fields.first.returnPressed.connect(self.fields.again.setFocus)
        self.fields.again.returnPressed.connect(self.lock)
        self.fields.changed.connect(lambda: self.problem.clear())
        buttons = self.button_row(self.cancel_button, self.lock_button)
        self.choose_page = self.form_page(
            self.label(self.tr("Lock my journal"), "heading"),
            self.label(
                self.tr(
                    "Your journal, its daily copies and your unsaved answers will be "
                    "encrypted. Someone who opens this computer's account, a backup disk "
                    "or a synced folder cannot read them. Attune asks for the passphrase "
                    "each time it starts."
                )
            ),
            self.label(
                self.tr(
                    "Next you get a recovery key, shown once, to write down or print. "
                    "If you forget both the passphrase and the recovery key, your journal "
                    "is lost: no one can open it, and there is no way back."
                ),
                "warning",
            ),
            self.fields,
            self.problem,
            buttons,
        )
        self.key_page = RecoveryKeyPage(files.journal.parent)
        self.key_page.done.connect(self.accept)
        self.pages.addWidget(self.key_page)
        self.pages.setCurrentWidget(self.choose_page)
        self.fields.first.setFocus()

    def lock(self) -> None:
        problem = self.fields.problem()
        if problem:
            self.show_problem(problem)
            return
        passphrase, params, files = self.fields.passphrase, self.params, self.files
        self.fields.clear()
        self.release_journal.emit()
        self.run(
            self.tr(
                "Locking your journal…\nThis can take a little while. You can go on using Attune."
            ),
            lambda: lock_journal(files, passphrase, params),
            self._locked,
        )

    def _locked(self, result: object) -> None:
        assert isinstance(result, Converted)
        self.reopen_journal.emit(result.reopen_key)
        if result.problem:
            self.show_problem(
                self.tr("Your journal was not locked: %1 It is as it was.").replace(
                    "%1", result.problem
                )
            )
            return
        self.key_page.show_key(result.recovery_key_text)
        self.pages.setCurrentWidget(self.key_page)
        self.key_page.key_label.setFocus()

    def show_problem(self, message: str) -> None:
        self.say_problem(self.problem, message, self.choose_page)
        self.fields.first.setFocus()

    def reject(self) -> None:
        if self.pages.currentWidget() is not self.key_page:  # the key must be seen once
            super().reject()


class _ProofChoice(QWidget):
    """The current passphrase, or the recovery key instead; `proof()` is what was typed."""

    def __init__(self, passphrase_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.by_passphrase = QRadioButton(self.tr("My &passphrase"))
        self.by_passphrase.setAccessibleName(self.tr("Use my passphrase"))
        self.by_recovery_key = QRadioButton(self.tr("My &recovery key"))
        self.by_recovery_key.setAccessibleName(self.tr("Use my recovery key"))
        self.by_passphrase.setChecked(True)
        self.field = secret_field(passphrase_name, self.tr("As you typed it when you chose it"))
        self._passphrase_name = passphrase_name
        self.by_recovery_key.toggled.connect(self._chosen)
        choice = QHBoxLayout()
        choice.setContentsMargins(0, 0, 0, 0)
        choice.addWidget(self.by_passphrase)
        choice.addWidget(self.by_recovery_key)
        choice.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE["s"])
        layout.addLayout(choice)
        layout.addWidget(self.field)

    def focus_again(self) -> None:
        """After a problem: the field, its text chosen to be typed over."""
        self.field.setFocus()
        self.field.selectAll()

    def proof(self) -> Proof:
        if self.by_recovery_key.isChecked():
            return TypedRecoveryKey(self.field.text())
        return Passphrase(self.field.text())

    def _chosen(self, recovery: bool) -> None:
        self.field.clear()
        if recovery:
            self.field.setEchoMode(QLineEdit.EchoMode.Normal)  # 32 characters, copied from paper
            self.field.setAccessibleName(self.tr("Recovery key"))
            self.field.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        else:
            self.field.setEchoMode(QLineEdit.EchoMode.Password)
            self.field.setAccessibleName(self._passphrase_name)
            self.field.setPlaceholderText("")
        self.field.setFocus()


class ChangePassphraseDialog(LockDialog):
    """ "Change passphrase…": the current passphrase or the recovery key, then the new
    one twice. Only the key file changes; the journal stays open."""

    def __init__(
        self,
        files: JournalFiles,
        params: Argon2Params | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(files, self.tr("Change passphrase"), parent)
        self.params = params
        self.current = _ProofChoice(self.tr("Current passphrase"))
        self.fields = NewPassphraseFields()
        self.problem = self.problem_label(self.tr("Problem"))
        self.cancel_button = self.button(
            self.tr("Cancel"), self.tr("Keep the passphrase you have"), self.reject
        )
        self.change_button = self.button(
            self.tr("&Change passphrase"),
            self.tr("Use the new passphrase from now on"),
            self.change,
            primary=True,
        )
        self.current.field.returnPressed.connect(self.fields.first.setFocus)
        self.fields.first.returnPressed.connect(self.fields.again.setFocus)
        self.fields.again.returnPressed.connect(self.change)
        buttons = self.button_row(self.cancel_button, self.change_button)
        self.form = self.form_page(
            self.label(self.tr("Change passphrase"), "heading"),
            self.label(
                self.tr("Prove it is you with your current passphrase or your recovery key.")
            ),
            self.current,
            self.fields,
            self.problem,
            buttons,
        )
        self.done_label = self.label(
            self.tr("Your passphrase is changed. Use the new one from now on.")
        )
        self.close_button = self.button(
            self.tr("Close"), self.tr("Close this window"), self.accept, primary=True
        )
        self.done_page = self.form_page(self.done_label, self.button_row(self.close_button))
        self.pages.setCurrentWidget(self.form)
        self.current.field.setFocus()

    def change(self) -> None:
        problem = self.fields.problem()
        if not self.current.field.text():
            problem = self.tr("Type your current passphrase or your recovery key first.")
        if problem:
            self.show_problem(problem)
            return
        files, proof, new, params = (
            self.files,
            self.current.proof(),
            self.fields.passphrase,
            self.params,
        )
        self.run(
            self.tr("Changing your passphrase…"),
            lambda: files.change_passphrase(proof, new, params),
            self._changed,
        )

    def _changed(self, _result: object) -> None:
        self.current.field.clear()
        self.fields.clear()
        self.pages.setCurrentWidget(self.done_page)
        self.close_button.setFocus()

    def show_problem(self, message: str) -> None:
        self.say_problem(self.problem, message, self.form)
        self.current.focus_again()


class TurnOffLockDialog(LockDialog):
    """Turning the lock off: says the journal will be stored unencrypted, asks for the
    passphrase (or the recovery key), then converts the journal back."""

    def __init__(self, files: JournalFiles, parent: QWidget | None = None) -> None:
        super().__init__(files, self.tr("Turn off the lock"), parent)
        self.current = _ProofChoice(self.tr("Passphrase"))
        self.problem = self.problem_label(self.tr("Problem"))
        self.cancel_button = self.button(
            self.tr("Keep it locked"), self.tr("Change nothing"), self.reject
        )
        self.off_button = self.button(
            self.tr("&Turn off the lock"),
            self.tr("Store the journal unencrypted again"),
            self.turn_off,
        )
        self.current.field.returnPressed.connect(self.turn_off)
        buttons = self.button_row(self.cancel_button, self.off_button)
        self.form = self.form_page(
            self.label(self.tr("Turn off the lock"), "heading"),
            self.label(
                self.tr(
                    "Your journal and its copies will be stored unencrypted again: anyone "
                    "who opens this computer's account, a backup disk or a synced folder "
                    "can read them. Your recovery key will no longer be needed."
                ),
                "warning",
            ),
            self.current,
            self.problem,
            buttons,
        )
        self.pages.setCurrentWidget(self.form)
        self.current.field.setFocus()

    def turn_off(self) -> None:
        if not self.current.field.text():
            self.show_problem(self.tr("Type your passphrase or your recovery key first."))
            return
        files, proof = self.files, self.current.proof()
        self.run(self.tr("Checking…"), lambda: files.unlock(proof), self._proven)

    def _proven(self, key: object) -> None:
        assert isinstance(key, DataKey)
        files = self.files
        self.current.field.clear()
        self.release_journal.emit()
        self.run(
            self.tr("Storing your journal unencrypted…\nYou can go on using Attune."),
            lambda: unlock_journal_for_good(files, key),
            self._converted,
        )

    def _converted(self, result: object) -> None:
        assert isinstance(result, Converted)
        self.reopen_journal.emit(result.reopen_key)
        if result.problem:
            self.show_problem(self.tr("The lock is still on: %1").replace("%1", result.problem))
            return
        self.accept()

    def show_problem(self, message: str) -> None:
        self.say_problem(self.problem, message, self.form)
        self.current.focus_again()
