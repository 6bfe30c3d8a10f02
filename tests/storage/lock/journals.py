"""Real journals for the lock's tests: made by the journal itself (plain), and read
back table by table so a conversion can be checked to keep every row."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop_app.storage.journal import Journal, NewSession, StoredAnswer
from desktop_app.storage.journal.connections import WRITING_PRAGMAS
from desktop_app.storage.journal.rows import INSERT_ANSWER, INSERT_SESSION, session_row
from desktop_app.storage.journal.search_index import index_session
from desktop_app.storage.lock.passphrase import Argon2Params
from tests.journal_sessions import a_session

#: Argon2id as cheap as the key file accepts: the tests check the construction, the
#: bench measures the real cost.
FAST = Argon2Params(time_cost=1, memory_kib=8 * 1024, parallelism=1)
START = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)


def session(number: int, note: str = "") -> NewSession:
    started = START + timedelta(hours=5 * number)
    text = note or f"Session {number}: slow breath, warm hands, ademhaling ✓ Спокойно 平静"
    return a_session(
        started,
        (
            StoredAnswer("calm", "before", "scale", "How calm?", number % 11, f"{number % 11}"),
            StoredAnswer("note", "after", "text", "What did you notice?", text, text),
        ),
        practice_id=f"practice-{number % 3}",
        practice_title=f"Breathing {number % 3}",
        practised=590.5,
        pauses=number % 2,
        uid=f"uid-{number}",
    )


def make_journal(path: Path, sessions: int = 12, note: str = "") -> Path:
    """A plain journal at `path` with `sessions` sessions (their note `note`, when
    given) and one draft, closed."""
    journal = Journal.open(path)
    try:
        for number in range(sessions):
            journal.add(session(number, note))
        journal.save_draft("entry-1", {"text": note or "a draft being typed"})
    finally:
        journal.close()
    return path


def contents(connection: sqlite3.Connection) -> dict[str, object]:
    """Every table's rows (sorted), the schema and the schema version."""
    tables = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]
    found: dict[str, object] = {
        "schema": sorted(
            tuple(row) for row in connection.execute("SELECT type, name, sql FROM sqlite_master")
        ),
        "user_version": connection.execute("PRAGMA user_version").fetchone()[0],
    }
    for table in tables:
        rows = connection.execute(f'SELECT * FROM "{table}"').fetchall()
        found[table] = sorted(tuple(row) for row in rows)
    return found


def plain_contents(path: Path) -> dict[str, object]:
    connection = sqlite3.connect(path)
    try:
        return contents(connection)
    finally:
        connection.close()


def folder_bytes(folder: Path) -> dict[Path, bytes]:
    """Every file under `folder`, by path, with its bytes."""
    return {path: path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def holders_of(phrase: str, folder: Path) -> list[str]:
    """The files under `folder` holding `phrase` in UTF-8, UTF-16 (either order) or
    UTF-32: names and encodings, empty when none does."""
    encodings = ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le")
    found = []
    for path, data in folder_bytes(folder).items():
        for encoding in encodings:
            if phrase.encode(encoding) in data:
                found.append(f"{path.name} ({encoding})")
    return found


def add_to_encrypted(connection: sqlite3.Connection, entry: NewSession) -> int:
    """What `Journal.add` does, on a connection of the lock's own: the session, its
    answers and its search document in one transaction, with the journal's own SQL."""
    row, answers = session_row(entry)
    connection.execute("BEGIN IMMEDIATE")
    try:
        cursor = connection.execute(INSERT_SESSION, [None, *row])
        entry_id = cursor.lastrowid
        assert entry_id is not None
        connection.executemany(INSERT_ANSWER, [(entry_id, *answer) for answer in answers])
        index_session(connection, entry_id)
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
    return entry_id


def as_the_journal_writes(connection: sqlite3.Connection) -> sqlite3.Connection:
    """The journal's own settings on a connection: write-ahead log and its pragmas."""
    connection.execute("PRAGMA journal_mode = WAL")
    for pragma in WRITING_PRAGMAS:
        connection.execute(pragma)
    return connection
