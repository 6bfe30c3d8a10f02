"""Keeping one session in the journal at each point of it.

A crash or power cut at any moment leaves what was done in the journal: while the
practice plays it is a draft (`PENDING`), kept as stopped early at the next start;
when it ends it is recorded at once, with the answers given so far; what is typed
after it is a draft of that entry every second or two, until the answers are kept.
A preview keeps nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Final

from desktop_app.core.answers import Answer
from desktop_app.session.choice import SessionChoice
from desktop_app.session.records import (
    answers_from,
    answers_payload,
    new_session,
    pending_payload,
    pending_session,
    stored,
)
from desktop_app.storage.journal import Journal, JournalError

if TYPE_CHECKING:  # the window starts without sound (numpy): a run loads it when it plays
    from desktop_app.core.model import Practice
    from desktop_app.session.run import SessionResult

#: The draft of the practice playing now.
PENDING: Final = "pending-session"


class SessionFlow:
    """One practice from its choice to its journal entry. `journal` gives the journal
    of the moment (None when there is none); `source_of` names where a practice came
    from; `on_problem` hears every journal error, which never stops the practice."""

    def __init__(
        self,
        journal: Callable[[], Journal | None],
        source_of: Callable[[str], str],
        on_problem: Callable[[JournalError], None],
        *,
        now: Callable[[], datetime] = lambda: datetime.now().astimezone(),
    ) -> None:
        self._journal = journal
        self._source_of = source_of
        self._on_problem = on_problem
        self._now = now
        self.practice: Practice | None = None
        self.choice: SessionChoice | None = None
        self.previewing = False
        #: The journal entry of the session, once recorded.
        self.entry_id: int | None = None

    def begin(self, practice: Practice, *, preview: bool = False) -> None:
        self.practice, self.previewing, self.choice, self.entry_id = practice, preview, None, None

    def choose(self, choice: SessionChoice) -> None:
        self.choice = choice

    def close(self) -> None:
        self.practice = None

    def _keeping(self) -> Journal | None:
        return None if self.previewing else self._journal()

    def playing(self) -> None:
        """The practice has begun: what is known of it is kept as a draft."""
        journal, practice, choice = self._keeping(), self.practice, self.choice
        if journal is None or practice is None or choice is None:
            return
        payload = pending_payload(practice, choice, self._source_of(practice.id), self._now())
        try:
            journal.save_draft(PENDING, payload)
        except JournalError as error:
            self._on_problem(error)

    def ended(self, result: SessionResult) -> None:
        """Keep the session at once, with what was answered so far: a session stopped
        early, or a window closed on the After screen, is still in the journal."""
        self.entry_id = None
        journal, practice, choice = self._keeping(), self.practice, self.choice
        if journal is None or practice is None or choice is None:
            return
        try:
            self.entry_id = journal.add(
                new_session(practice, choice, result, self._source_of(practice.id))
            )
            journal.clear_draft(PENDING)
        except JournalError as error:
            self._on_problem(error)

    def answered(self, result: SessionResult, answers: Sequence[Answer]) -> bool:
        """Keep the answers given after the practice. False when they could not be
        kept (they should stay in the form)."""
        journal, practice, choice = self._keeping(), self.practice, self.choice
        if journal is None or self.entry_id is None or practice is None or choice is None:
            return True
        everything = (*choice.before, *result.during, *answers)
        try:
            journal.update_answers(self.entry_id, stored(practice, everything, choice.language))
            journal.clear_draft(f"entry-{self.entry_id}")
        except JournalError as error:
            self._on_problem(error)
            return False
        return True

    def save_draft(self, answers: Sequence[Answer]) -> None:
        """What is being typed after a practice, kept every second or two."""
        journal, practice, choice = self._keeping(), self.practice, self.choice
        if journal is None or self.entry_id is None or practice is None or choice is None:
            return
        payload: dict[str, object] = {
            "answers": answers_payload(stored(practice, answers, choice.language))
        }
        try:
            journal.save_draft(f"entry-{self.entry_id}", payload)
        except JournalError as error:
            self._on_problem(error)


def keep_drafts(journal: Journal) -> int:
    """Put what a crash or power cut left as drafts into the journal: a practice under
    way is kept as stopped early, reflections go into their entries. Returns how many
    were kept."""
    kept = 0
    for key, payload in journal.drafts().items():
        if key == PENDING:
            session = pending_session(payload)
            if session is not None:
                journal.add(session)
                kept += 1
        elif key.startswith("entry-"):
            entry = journal.get(int(key.removeprefix("entry-")))
            answers = answers_from(payload)
            if entry is not None and answers:
                journal.update_answers(entry.id, (*entry.answers, *answers))
                kept += 1
        journal.clear_draft(key)
    return kept
