"""Nothing personal reaches the log: with Attune logging everything (DEBUG), a journal
is written, searched, drafted, backed up, exported in every format, imported and
refused, and the answer it holds never appears in the log file."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.storage import journal_backups
from desktop_app.storage.journal import Journal, JournalError, NewSession, StoredAnswer
from desktop_app.storage.paths import default_paths
from desktop_app.ui.journal_words import journal_problem
from tests.helpers import started_log
from tests.journal_sessions import a_session

#: A written answer, a word of it searched for, and a practice's title: none may be logged.
SECRET_ANSWER = "my sister's kite is marigold-7f3a"
SECRET_WORD = "marigold"
PRACTICE_TITLE = "Letter never sent to my father"


@pytest.fixture
def log() -> Iterator[Path]:
    """At DEBUG: the most that is ever logged."""
    with started_log(logging.DEBUG) as file:
        yield file


def a_letter(answer: str) -> NewSession:
    start = datetime(2025, 3, 3, 8, 15, tzinfo=UTC)
    return a_session(
        start,
        (StoredAnswer("noticed", "after", "text", "What did you notice?", answer, answer),),
        practice_id="letter",
        practice_title=PRACTICE_TITLE,
        practice_kind="journaling",
        ended_at=start + timedelta(minutes=12),
    )


def test_a_known_secret_answer_never_reaches_the_log(
    log: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = default_paths()
    journal = Journal.open(paths.journal)
    try:
        entry = journal.add(a_letter(SECRET_ANSWER))
        journal.save_draft("entry-1", {"noticed": SECRET_ANSWER})
        assert journal.search(SECRET_WORD)
        saved = journal.get(entry)
        assert saved is not None
        journal.update_answers(entry, saved.answers)
        journal.clear_draft("entry-1")
    finally:
        journal.close()
    assert journal_backups.daily_backup(paths.journal, paths.journal_backups, date.today())

    for suffix in ("md", "csv", "json", "pdf"):
        assert main(["export", "-o", str(tmp_path / f"journal.{suffix}")]) == 0
    assert main(["backup", "-o", str(tmp_path / "copy.sqlite3")]) == 0
    assert main(["import-journal", str(tmp_path / "journal.json")]) == 0
    assert SECRET_ANSWER in (tmp_path / "journal.md").read_text(encoding="utf-8")
    assert logging.getLogger("desktop_app").level == logging.DEBUG  # the commands kept it

    # A journal error the window shows is logged, kind and detail; never the content.
    closed = Journal.open(paths.journal)
    closed.close()
    with pytest.raises(JournalError) as refused:
        closed.add(a_letter(SECRET_ANSWER))
    journal_problem(refused.value)
    capsys.readouterr()

    text = log.read_text(encoding="utf-8")
    assert "attune export, version" in text and "Journal problem (other)" in text
    for secret in (SECRET_ANSWER, SECRET_WORD, PRACTICE_TITLE, "my father"):
        assert secret not in text
