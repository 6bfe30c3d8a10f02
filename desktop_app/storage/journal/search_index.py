"""The search index: one FTS5 document per session, kept in step with the journal.

Each document holds the practice title, the prompts and the answers (their
displays, and the text of text answers). The journal keeps it in step inside each
writing transaction; a trigger drops a session's document whenever the session row
goes, by whatever path. The index is derived data: FTS5's own 'integrity-check' runs
at every open, and a damaged index is made again from the sessions and answers
(`Journal.index_rebuilt`), so nothing is ever lost to it. It is never 'optimize'd
(see `merge_index`). After a delete (or an edit that takes words away), the index is
made anew in the same transaction, so a deleted entry's words do not linger in it.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Final

from desktop_app.storage.journal.connections import rollback, writing_connection
from desktop_app.storage.journal.errors import classify
from desktop_app.storage.journal.rows import decode_value
from desktop_app.storage.journal.search import STRIP_MARKERS
from desktop_app.storage.lock import sqlcipher

if TYPE_CHECKING:
    import sqlite3

    from desktop_app.storage.lock.data_key import DataKey

_SEARCH_TABLE: Final = re.compile(r'^\s*CREATE\s+VIRTUAL\s+TABLE\s+"?search"?\s', re.I)


def index_session(conn: sqlite3.Connection, entry_id: int) -> tuple[str, str, str]:
    """(Re)make the search document of one session; returns it."""
    document = session_document(conn, entry_id)
    conn.execute("DELETE FROM search WHERE rowid = ?", (entry_id,))
    conn.execute(
        "INSERT INTO search (rowid, title, prompts, answers) VALUES (?, ?, ?, ?)",
        (entry_id, *document),
    )
    return document


def session_document(conn: sqlite3.Connection, entry_id: int) -> tuple[str, str, str]:
    """The search document of one session, from its row and answers: the title, the
    prompts, and the answers (their displays, and the text of text answers)."""
    title = conn.execute(
        "SELECT practice_title FROM sessions WHERE id = ?", (entry_id,)
    ).fetchone()[0]
    prompts: list[str] = []
    texts: list[str] = []
    for prompt, kind, value_json, display in conn.execute(
        "SELECT prompt, kind, value_json, display FROM answers WHERE session_id = ? "
        "ORDER BY position",
        (entry_id,),
    ):
        prompts.append(prompt)
        texts.append(display)
        if kind == "text":
            value = decode_value(value_json)
            if isinstance(value, str) and value != display:
                texts.append(value)
    return (
        title.translate(STRIP_MARKERS),
        "\n".join(prompts).translate(STRIP_MARKERS),
        "\n".join(texts).translate(STRIP_MARKERS),
    )


def keeps_words(old: str, new: str) -> bool:
    """Whether the column text `new` still holds every word of `old`: the same, or
    `old` followed by more lines (how answers grow after a practice)."""
    return not old or new == old or new.startswith(old + "\n")


def merge_index(conn: sqlite3.Connection) -> None:
    """Make the search index anew from its documents, inside the caller's transaction,
    so that deleted or edited-away words leave it at once: FTS5 otherwise keeps them
    in older segments until those merge, and `secure_delete` then zeroes the freed
    pages.

    FTS5's 'rebuild', not 'optimize': before SQLite 3.41.0 every 'optimize' that
    merges adds a level to the index's structure and none is ever taken away; past
    2,000 levels FTS5 reads its own structure as corrupt and every save fails (about
    a thousand sessions, when Attune optimized after each one). 'rebuild' starts from
    an empty structure, on every SQLite, at the same cost (about 40 ms for 10,000
    entries)."""
    conn.execute("INSERT INTO search (search) VALUES ('rebuild')")


def index_is_sound(path: Path, key: DataKey | None = None) -> bool:
    """FTS5's own check of the search index against its documents (about 30 ms for
    10,000 entries). On a connection of its own, so that no connection that will go
    on writing has read a damaged index."""
    with contextlib.closing(writing_connection(path, key)) as connection:
        return index_is_sound_on(connection)


def index_is_sound_on(connection: sqlite3.Connection) -> bool:
    """`index_is_sound` on `connection`: when it is not, the caller must go on with
    another connection, one that has not read the damaged index."""
    try:
        connection.execute("INSERT INTO search (search) VALUES ('integrity-check')")
    except sqlcipher.DATABASE_ERRORS as error:
        if classify(error) == "corrupt":
            return False
        raise
    return True


def rebuild_index(path: Path, key: DataKey | None = None) -> None:
    """Make the search index again from the journal's own tables, in one transaction.

    The index may be too damaged for FTS5 even to open it (then it cannot be dropped
    or 'rebuild' itself), so its tables (`search_data`, `search_idx`, …) are first set
    to what this SQLite makes for a new, empty index, in a private in-memory database,
    and every session is then indexed as `add` does. Done on a connection of its own
    that has not opened the damaged index, so no stale state of it is cached."""
    with contextlib.closing(writing_connection(path, key)) as connection:
        definition = connection.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'search'"
        ).fetchone()[0]
        # KEY '': SQLCipher would key the attached database with the journal's own.
        connection.execute("ATTACH DATABASE ':memory:' AS fresh KEY ''")
        connection.execute(_SEARCH_TABLE.sub("CREATE VIRTUAL TABLE fresh.search ", definition))
        shadows = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM fresh.sqlite_master WHERE type = 'table' "
                "AND name LIKE 'search\\_%' ESCAPE '\\'"
            )
        ]
        connection.execute("BEGIN IMMEDIATE")
        try:
            try:
                for name in shadows:
                    connection.execute(f'DELETE FROM main."{name}"')
                    connection.execute(f'INSERT INTO main."{name}" SELECT * FROM fresh."{name}"')
            except sqlcipher.OPERATIONAL_ERRORS:
                # An SQLite whose shadow tables may not be written (SQLITE_DBCONFIG_
                # DEFENSIVE): the index can still be emptied through FTS5 itself.
                connection.execute("ROLLBACK")
                connection.execute("BEGIN IMMEDIATE")
                connection.execute("DELETE FROM search")
            ids = [row[0] for row in connection.execute("SELECT id FROM sessions")]
            for entry_id in ids:
                index_session(connection, entry_id)
            connection.execute("COMMIT")
        except BaseException:
            rollback(connection)
            raise
        connection.execute("DETACH DATABASE fresh")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
