"""When the journal cannot be opened or read: what the person can do about it, and the
Journal page that says so in place of the entries.

The words of why come from `journal_words.journal_problem` (which logs the error);
here is what follows from each kind of problem, so every page that shows journal
data (the Journal, Insights, Today) can say why and what to do, in the same words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from desktop_app.storage.journal.errors import ErrorKind
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import make_label

#: The problems that may pass by themselves, or once the person has acted: these
#: get a "Try again" (a damaged journal has its repair bar, a newer one needs the
#: newer Attune).
PASSING: Final[frozenset[ErrorKind]] = frozenset({"locked", "readonly", "full", "other"})


def what_to_do(kind: ErrorKind) -> str:
    """What the person can do about a journal problem of `kind`."""
    # Each string in full in its own call, so the translation tools find it.
    translate = QCoreApplication.translate
    steps: dict[ErrorKind, str] = {
        "corrupt": translate(
            "JournalUnavailable",
            "With the buttons at the top of the window you can restore the last daily "
            "copy or start a new journal; the damaged file is kept aside.",
        ),
        "newer": translate(
            "JournalUnavailable", "Open it with the newer Attune; this one leaves it as it is."
        ),
        "locked": translate("JournalUnavailable", "When the other one is closed, press Try again."),
        "readonly": translate(
            "JournalUnavailable",
            "Make the journal file and its folder writable for you, then press Try again.",
        ),
        "full": translate("JournalUnavailable", "When there is room again, press Try again."),
        "wrong-key": translate(
            "JournalUnavailable",
            "In a terminal, the command attune unlock turns the lock off with your "
            "passphrase or your recovery key.",
        ),
        "other": translate(
            "JournalUnavailable",
            "Press Try again. If it keeps happening, the command attune doctor says more.",
        ),
    }
    return steps[kind]


def after_a_failed_read() -> str:
    """What to do when an open journal could not be read (Today, Insights)."""
    return QCoreApplication.translate(
        "JournalUnavailable",
        "If this stays, close Attune and open it again: a damaged journal is then "
        "offered its last daily copy.",
    )


def unavailable_words(problem: str, kind: ErrorKind) -> str:
    """Why the journal could not be opened (`problem`, in words) and what to do, for
    the pages that would show its entries."""
    meanwhile = QCoreApplication.translate(
        "JournalUnavailable",
        "Until it opens, practices still play, but what you answer is not kept.",
    )
    return " ".join((problem, what_to_do(kind), meanwhile))


def locked_words(key_file_missing: bool) -> str:
    """Why a locked journal is not open (the person went on without unlocking it, or
    its key file is gone) and what to do, for the pages that would show its entries."""
    translate = QCoreApplication.translate
    if key_file_missing:
        why = translate(
            "JournalUnavailable",
            "Your journal is locked and its key file (journal.key) is missing, so "
            "nothing can unlock it. Put the key file back beside the journal, in "
            "Attune's data folder, then press Try again.",
        )
    else:
        why = translate(
            "JournalUnavailable",
            "Your journal is locked: it opens with your passphrase or your recovery key.",
        )
    meanwhile = translate(
        "JournalUnavailable",
        "Until it is unlocked, practices still play, but what you answer is not kept.",
    )
    return f"{why} {meanwhile}"


class JournalUnavailablePage(QWidget):
    """The Journal page while the journal cannot be opened: why, what to do, and "Try
    again" (`try_again`) where that can help; a locked journal the person went on
    without offers the unlock screen (`unlock`)."""

    def __init__(
        self,
        words: str,
        try_again: Callable[[], None] | None,
        parent: QWidget | None = None,
        *,
        unlock: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Journal"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE["l"], SPACE["l"], SPACE["l"], SPACE["l"])
        layout.setSpacing(SPACE["m"])
        title = (
            self.tr("Your journal is locked")
            if unlock is not None
            else self.tr("Your journal could not be opened")
        )
        heading = make_label(title, "heading")
        heading.setAccessibleName(heading.text())
        layout.addWidget(heading)
        self.words = make_label(words, "muted")
        self.words.setAccessibleName(words)
        layout.addWidget(self.words)
        self.try_again_button: QPushButton | None = None
        if try_again is not None:
            button = QPushButton(self.tr("Try again"))
            button.setAccessibleName(button.text())
            button.setAccessibleDescription(self.tr("Open the journal again"))
            button.clicked.connect(try_again)
            layout.addWidget(button, 0)
            self.try_again_button = button
        self.unlock_button: QPushButton | None = None
        if unlock is not None:
            button = QPushButton(self.tr("&Unlock my journal"))
            button.setProperty("role", "primary")
            button.setAccessibleName(self.tr("Unlock my journal"))
            button.setAccessibleDescription(self.tr("Back to the unlock screen"))
            button.clicked.connect(unlock)
            layout.addWidget(button, 0)
            self.unlock_button = button
        layout.addStretch()
