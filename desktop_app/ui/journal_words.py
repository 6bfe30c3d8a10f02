"""What went wrong with the journal, said in the person's language.

The journal (storage, no Qt) words its errors in English, exactly. In another language
the message for the error's kind is shown instead: less exact, but in words the person
reads. Every journal error the window shows passes here, so here it is logged.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.storage.journal import JournalError
from desktop_app.storage.logs import log_journal_error
from desktop_app.ui.i18n import UI_LANGUAGES, current_language


def journal_problem(error: JournalError) -> str:
    log_journal_error(error)
    if current_language() == UI_LANGUAGES[0]:
        return str(error)
    messages = {
        "newer": QCoreApplication.translate(
            "JournalProblems",
            "Your journal was made by a newer version of Attune. Nothing was changed; "
            "a newer Attune can open it.",
        ),
        "corrupt": QCoreApplication.translate(
            "JournalProblems",
            "Your journal file is damaged, so it could not be opened or saved. "
            "Attune did not change it.",
        ),
        "locked": QCoreApplication.translate(
            "JournalProblems",
            "Your journal is in use by another program (is Attune open twice?). "
            "Close the other one and try again.",
        ),
        "readonly": QCoreApplication.translate(
            "JournalProblems",
            "Attune may not write to your journal: the file or its folder is read-only.",
        ),
        "full": QCoreApplication.translate(
            "JournalProblems",
            "The disk is full, so your journal could not be saved. Nothing was lost: what "
            "was saved before is safe, and what you typed stays on screen until it can be "
            "saved. Free some space and try again.",
        ),
    }
    other = QCoreApplication.translate(
        "JournalProblems", "Your journal could not be opened or saved (%1)."
    ).replace("%1", error.detail or str(error))
    return messages.get(error.kind, other)
