"""The fields of the journal lock's screens: a secret typed without being shown, and a
new passphrase typed twice with its strength said in plain words.

A new passphrase is checked by the storage's own rule (`check_new_passphrase`: at
least `MIN_LENGTH` characters, not only spaces), the same one `attune lock` uses, so
the window and the command line accept the same passphrases. The strength shown is
a plain guide from length and words, not a promise: Argon2id slows guessing, and a
long passphrase of a few words is what keeps it out of reach.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from desktop_app.storage.lock.errors import LockError
from desktop_app.storage.lock.passphrase import MIN_LENGTH, check_new_passphrase
from desktop_app.ui.background import short_reason
from desktop_app.ui.theme import SPACE

#: From this length on a passphrase is called good, and strong from the next one (or
#: from four words of it).
GOOD_LENGTH = 14
STRONG_LENGTH = 20
STRONG_WORDS = 4


def secret_field(name: str, description: str) -> QLineEdit:
    """A line whose text is not shown (dots), named for screen readers."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setAccessibleDescription(description)
    field.setToolTip(description)
    return field


class NewPassphraseFields(QWidget):
    """A new passphrase, typed twice, with its strength said under it. `problem()` is
    why it cannot be chosen yet, or "" when it can; `changed` follows every key."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = secret_field(
            self.tr("New passphrase"),
            self.tr(
                "At least %n characters; a few words you can remember are best", "", MIN_LENGTH
            ),
        )
        self.again = secret_field(
            self.tr("The new passphrase again"), self.tr("Type it once more, to be sure")
        )
        self.strength = QLabel()
        self.strength.setProperty("role", "muted")
        self.strength.setWordWrap(True)
        self.strength.setAccessibleName(self.tr("Passphrase strength"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(SPACE["m"])
        form.setVerticalSpacing(SPACE["s"])
        for text, field in (
            (self.tr("&New passphrase"), self.first),
            (self.tr("A&gain"), self.again),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            label.setAccessibleName(field.accessibleName())
            form.addRow(label, field)
        form.addRow("", self.strength)
        self.first.textChanged.connect(self._edited)
        self.again.textChanged.connect(self._edited)
        self._edited()

    @property
    def passphrase(self) -> str:
        return self.first.text()

    def problem(self) -> str:
        """Why the passphrase cannot be chosen yet, in plain words; "" when it can."""
        typed = self.first.text()
        try:
            check_new_passphrase(typed)
        except LockError:  # the storage's words are English; these are translated
            if not typed.strip():
                return self.tr("Choose a passphrase.")
            if len(unicodedata.normalize("NFC", typed)) < MIN_LENGTH:
                return self.tr("A passphrase needs at least %n characters.", "", MIN_LENGTH)
            return self.tr("That passphrase holds something that is not text.")
        if self.again.text() != typed:
            return self.tr("The two passphrases are not the same yet.")
        return ""

    def clear(self) -> None:
        self.first.clear()
        self.again.clear()

    def _edited(self) -> None:
        text = self.strength_text(self.first.text())
        self.strength.setText(text)
        self.strength.setAccessibleDescription(text)
        self.changed.emit()

    def strength_text(self, passphrase: str) -> str:
        """How strong `passphrase` is, in a few plain words."""
        text = unicodedata.normalize("NFC", passphrase)
        length, words = len(text), len(text.split())
        if not text.strip():
            return self.tr("A few words you can remember make a good passphrase.")
        if length < MIN_LENGTH:
            return self.tr("Too short: %n more characters at least.", "", MIN_LENGTH - length)
        if length >= STRONG_LENGTH or words >= STRONG_WORDS:
            return self.tr("Strong.")
        if length >= GOOD_LENGTH:
            return self.tr("Good. A word or two more makes it strong.")
        return self.tr("Weak but allowed. A few more words make it much harder to guess.")


def lock_problem(error: Exception) -> str:
    """A lock problem in the window's words (translated where Attune knows the kind;
    else the storage's own plain message, or an OSError's reason)."""
    if not isinstance(error, LockError):
        return short_reason(error)
    words = {
        "wrong-passphrase": QCoreApplication.translate(
            "LockProblem",
            "That passphrase does not open your journal. Take your time and try again, "
            "or use your recovery key.",
        ),
        "wrong-recovery-key": QCoreApplication.translate(
            "LockProblem",
            "That recovery key does not open this journal. Check it against the one you "
            "wrote down.",
        ),
    }
    return words.get(error.kind, error.message)
