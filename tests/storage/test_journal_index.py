"""The journal's search index over a long life: the app's own session flow thousands of
times, with edits and deletes between, and an index damaged on purpose found at open
and made again from the journal's own tables."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.storage.journal import Journal, NewSession, StoredAnswer
from tests.storage.test_journal import session

T0 = datetime(2024, 3, 4, 9, 30, tzinfo=UTC)
BEFORE = StoredAnswer("calm", "before", "scale", "How calm are you?", 3, "3 of 10", 0, 10)


def word(n: int) -> str:
    """A word that only session `n` holds (letters only: one token to FTS5)."""
    letters = "bcdfghjklmnpqrstvwz"
    text = ""
    while True:
        n, digit = divmod(n, len(letters))
        text += letters[digit]
        if n == 0:
            return "uniq" + text


def after(n: int, extra: str = "") -> tuple[StoredAnswer, ...]:
    note = f"Today I noticed {word(n)} while breathing. {extra}".strip()
    return (
        StoredAnswer("calm", "after", "scale", "How calm are you?", 7, "7 of 10", 0, 10),
        StoredAnswer("note", "after", "text", "What did you notice?", note, note),
    )


def practised(n: int) -> NewSession:
    """A session as `MainWindow._record` adds it when the player finishes: the
    answers given before, none after yet."""
    return session(
        started_at=T0 + timedelta(hours=n),
        ended_at=T0 + timedelta(hours=n, minutes=5),
        practised=300.0,
        pauses=0,
        answers=(BEFORE,),
    )


def ids_found(journal: Journal, text: str) -> list[int]:
    """Entries holding `text`; a session's word is looked up whole (a last word
    alone would be taken as the start of longer words too)."""
    if text.startswith("uniq"):
        text += " while"
    return sorted(hit.entry.id for hit in journal.search(text))


@pytest.mark.slow
def test_three_thousand_sessions_with_edits_and_deletes(tmp_path: Path) -> None:
    """The app's flow per session: a draft while it plays, `add` when the player
    finishes, drafts while the questions are answered, `update_answers`, the draft
    cleared. Between sessions the person edits and deletes older entries. Every save
    and every search is checked, all the way."""
    path = tmp_path / "data" / "journal.sqlite3"
    live: dict[int, int] = {}  # entry id -> the session number whose word it holds
    gone: list[int] = []  # session numbers whose words were deleted or edited away
    with Journal.open(path) as journal:
        for n in range(3000):
            journal.save_draft("pending", {"practice_id": "box", "n": n})
            entry_id = journal.add(practised(n))
            journal.clear_draft("pending")
            journal.save_draft(f"entry-{entry_id}", {"answers": [word(n)]})
            journal.update_answers(entry_id, (BEFORE, *after(n)))
            journal.clear_draft(f"entry-{entry_id}")
            live[entry_id] = n
            saved = journal.get(entry_id)
            assert saved is not None and saved.answers == (BEFORE, *after(n)), n
            assert ids_found(journal, word(n)) == [entry_id], n
            if n % 7 == 3:  # an older entry's note rewritten without its word
                edited = sorted(live)[len(live) // 2]
                old = live.pop(edited)
                gone.append(old)
                new = StoredAnswer("note", "after", "text", "Notes", "Rewritten.", "Rewritten.")
                journal.update_answers(edited, (BEFORE, new))
                assert ids_found(journal, word(old)) == [], n
                assert edited in ids_found(journal, "rewritten")
            if n % 11 == 5:  # an older entry deleted
                doomed = sorted(live)[len(live) // 3]
                gone.append(live.pop(doomed))
                journal.delete(doomed)
                assert journal.get(doomed) is None
                assert ids_found(journal, word(gone[-1])) == [], n
        assert journal.count() == 3000 - sum(1 for n in range(3000) if n % 11 == 5)
        for entry_id, n in live.items():
            assert ids_found(journal, word(n)) == [entry_id], n
        for n in gone:
            assert ids_found(journal, word(n)) == [], n
    with contextlib.closing(sqlite3.connect(path)) as raw:
        raw.execute("INSERT INTO search (search) VALUES ('integrity-check')")
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_session_flow_never_merges_the_whole_index(tmp_path: Path) -> None:
    """The after-answers only add to what was kept when the player finished, so no
    word leaves the index and nothing needs to be merged (the merge that FTS5's
    'optimize' made after every save is what broke the journal near session 1,000 on
    SQLite before 3.41.0)."""
    statements: list[str] = []
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        assert journal._conn is not None
        journal._conn.set_trace_callback(statements.append)
        entry_id = journal.add(practised(1))
        journal.update_answers(entry_id, (BEFORE, *after(1)))
        journal._conn.set_trace_callback(None)
    merges = [s for s in statements if "optimize" in s or "rebuild" in s]
    assert merges == []


# --- a damaged index ---------------------------------------------------------------------


def filled(path: Path, sessions: int = 60) -> None:
    with Journal.open(path) as journal:
        for n in range(sessions):
            entry_id = journal.add(practised(n))
            journal.update_answers(entry_id, (BEFORE, *after(n)))


def damage_data(connection: sqlite3.Connection) -> None:
    """Overwrite the index's pages (its `%_data` rows other than the structure)."""
    connection.execute("UPDATE search_data SET block = zeroblob(length(block)) WHERE id > 10")


def damage_structure(connection: sqlite3.Connection) -> None:
    """A structure record that no FTS5 can read (as after 2,000 levels)."""
    connection.execute("UPDATE search_data SET block = x'0000000000ffff' WHERE id = 10")


def drop_rows(connection: sqlite3.Connection) -> None:
    """Half of the index's documents gone, as if never indexed."""
    connection.execute("DELETE FROM search_content WHERE id % 2 = 0")
    connection.execute("DELETE FROM search_docsize WHERE id % 2 = 0")


@pytest.mark.parametrize("damage", [damage_data, damage_structure, drop_rows])
def test_a_damaged_index_is_found_at_open_and_made_again(tmp_path: Path, damage: object) -> None:
    path = tmp_path / "data" / "journal.sqlite3"
    filled(path)
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
        damage(raw)  # type: ignore[operator]
        assert raw.execute("PRAGMA quick_check").fetchone()[0] == "ok"  # pages are fine
    with Journal.open(path) as journal:
        assert journal.index_rebuilt
        assert journal.count() == 60
        entries = {e.id: e for e in journal.entries()}
        for n in range(60):
            found = ids_found(journal, word(n))
            assert len(found) == 1, n
            assert entries[found[0]].answers == (BEFORE, *after(n))
        entry_id = journal.add(practised(60))
        journal.update_answers(entry_id, (BEFORE, *after(60)))
        assert ids_found(journal, word(60)) == [entry_id]
    with Journal.open(path) as journal:
        assert not journal.index_rebuilt
    with contextlib.closing(sqlite3.connect(path)) as raw:
        raw.execute("INSERT INTO search (search) VALUES ('integrity-check')")


def test_a_sound_index_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    filled(path, 5)
    with Journal.open(path) as journal:
        assert not journal.index_rebuilt


def test_an_index_past_two_thousand_levels_is_made_again(tmp_path: Path) -> None:
    """The real damage of SQLite before 3.41.0: FTS5's 'optimize', run again and again,
    adds a level each time and reads a structure of more than 2,000 levels as corrupt.
    Made here for real where this SQLite still has that bug."""
    path = tmp_path / "journal.sqlite3"
    filled(path, 200)
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
        broken = False
        for n in range(3000):
            entry_id = n % 200 + 1
            try:
                raw.execute("BEGIN")
                document = raw.execute(
                    "SELECT title, prompts, answers FROM search WHERE rowid = ?", (entry_id,)
                ).fetchone()
                raw.execute("DELETE FROM search WHERE rowid = ?", (entry_id,))
                raw.execute(
                    "INSERT INTO search (rowid, title, prompts, answers) VALUES (?, ?, ?, ?)",
                    (entry_id, *document),
                )
                raw.execute("COMMIT")
                raw.execute("INSERT INTO search (search) VALUES ('optimize')")
            except sqlite3.DatabaseError:
                broken = True
                break
    if not broken:
        pytest.skip(f"SQLite {sqlite3.sqlite_version} caps FTS5's levels (3.41.0 and later)")
    with Journal.open(path) as journal:
        assert journal.index_rebuilt
        for n in range(200):
            assert len(ids_found(journal, word(n))) == 1, n


def test_the_rebuilt_index_holds_what_the_tables_hold(tmp_path: Path) -> None:
    """Rebuilt from sessions and answers, not from the index's own copy of the text."""
    path = tmp_path / "journal.sqlite3"
    filled(path, 3)
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
        raw.execute("UPDATE search_content SET c2 = 'stale words only'")
        damage_structure(raw)
    with Journal.open(path) as journal:
        assert journal.index_rebuilt
        assert ids_found(journal, "stale") == []
        assert len(ids_found(journal, "noticed")) == 3


@pytest.mark.parametrize("damage", [damage_data, damage_structure])
def test_an_index_damaged_while_open_is_made_again_by_the_next_save(
    tmp_path: Path, damage: object
) -> None:
    """Damage found by a save, not at open: the save still happens, after the index
    is made again; it never fails for the index alone."""
    path = tmp_path / "journal.sqlite3"
    filled(path, 30)
    with Journal.open(path) as journal:
        assert not journal.index_rebuilt
        with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
            damage(raw)  # type: ignore[operator]
        entry_id = journal.add(practised(30))
        journal.update_answers(entry_id, (BEFORE, *after(30)))
        assert journal.index_rebuilt
        for n in range(31):
            assert len(ids_found(journal, word(n))) == 1, n
        journal.delete(entry_id)
        assert ids_found(journal, word(30)) == []
