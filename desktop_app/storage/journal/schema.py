"""The journal's tables, how a journal is brought up to date, and how one that
cannot be used safely is recognised before anything is written to it.

- **Versioned.** `PRAGMA user_version` holds the schema version. `Journal.MIGRATIONS`
  is a list of functions; migration *n* takes a journal from version *n* to *n + 1*
  and runs in one transaction together with the version bump, so a failure leaves
  the journal exactly as it was.
- **Careful with what it cannot read.** A journal made by a newer Attune is refused
  (kind "newer") from its file header, or else through a read-only connection, so
  it is never changed. Only a sound header (`header`) with a plausible version is
  taken for a newer journal: a damaged one is "corrupt", so the backup is offered,
  and so is a file SQLite cannot use whose header is not sound (`header_blamed`).
  `PRAGMA quick_check` runs at open, also read-only and before anything is written,
  and the schema is compared with what the migrations make (a missing table passes
  quick_check): a damaged file (kind "corrupt") is never written to, so it can be
  moved aside and a backup restored (`journal_backups`). Since SQLite 3.44 (the
  journal's is sqlcipher3's, 3.53) quick_check also runs FTS5's own check of the
  search index: what it says of the index alone is not damage to the journal (the
  index is derived, and made again: `search_index`), so it is told apart
  (`page_problems`) and spares a second check of the index at open.
  (Only when a crash left a rollback journal to undo, which a read-only connection
  cannot do, are the same checks made on the writing connection, still before
  Attune writes.)
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeAlias

from desktop_app.storage.journal.connections import connect, rollback
from desktop_app.storage.journal.errors import (
    JournalError,
    classify,
    damaged_journal,
    newer_journal,
)
from desktop_app.storage.journal.header import LAST_PLAUSIBLE_SCHEMA, read_header
from desktop_app.storage.lock import sqlcipher

if TYPE_CHECKING:
    import sqlite3

Migration: TypeAlias = Callable[["sqlite3.Connection"], None]


def migrate_to_1(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            practice_id TEXT NOT NULL,
            practice_title TEXT NOT NULL,
            practice_kind TEXT NOT NULL,
            practice_version INTEGER,
            source TEXT NOT NULL,
            language TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT NOT NULL,
            length REAL,
            practised REAL NOT NULL,
            completed INTEGER NOT NULL CHECK (completed IN (0, 1)),
            stopped_at_step INTEGER,
            pauses INTEGER NOT NULL,
            grounding_pauses INTEGER NOT NULL,
            plan_item TEXT
        )
        """
    )
    conn.execute("CREATE INDEX sessions_by_time ON sessions (started_at, id)")
    conn.execute("CREATE INDEX sessions_by_practice ON sessions (practice_id, started_at)")
    conn.execute("CREATE INDEX sessions_by_kind ON sessions (practice_kind, started_at)")
    conn.execute(
        """
        CREATE TABLE answers (
            session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            question_id TEXT NOT NULL,
            "when" TEXT NOT NULL CHECK ("when" IN ('before', 'during', 'after')),
            kind TEXT NOT NULL CHECK (kind IN ('scale', 'text', 'choice', 'feelings')),
            prompt TEXT NOT NULL,
            value_json TEXT NOT NULL,
            display TEXT NOT NULL,
            minimum INTEGER,
            maximum INTEGER,
            PRIMARY KEY (session_id, position)
        ) WITHOUT ROWID
        """
    )
    conn.execute(
        """
        CREATE TABLE drafts (
            key TEXT PRIMARY KEY,
            payload_json TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    # One document per session (rowid = sessions.id). It keeps its own copy of the
    # text: an external-content index that drifts from its content breaks every
    # search, while this one can always drop a document by rowid. The tokenizer is
    # also search's `TOKENIZE` (a migration must change both).
    conn.execute(
        """
        CREATE VIRTUAL TABLE search USING fts5 (
            title, prompts, answers, tokenize = 'unicode61 remove_diacritics 2'
        )
        """
    )
    conn.execute(
        """
        CREATE TRIGGER sessions_unindex AFTER DELETE ON sessions BEGIN
            DELETE FROM search WHERE rowid = old.id;
        END
        """
    )


#: `expected_schema`, by the migrations run.
_SCHEMAS: dict[tuple[Migration, ...], frozenset[tuple[str, str]]] = {}


def expected_schema(migrations: Sequence[Migration], version: int) -> frozenset[tuple[str, str]]:
    """(type, name) of every table, index, trigger and view that a journal of
    schema `version` holds: what the migrations make, made once in memory."""
    run = tuple(migrations[: max(0, version)])
    found = _SCHEMAS.get(run)
    if found is None:
        with contextlib.closing(sqlcipher.connect(":memory:")) as scratch:
            for migration in run:
                migration(scratch)
            found = frozenset(scratch.execute("SELECT type, name FROM sqlite_master"))
        _SCHEMAS[run] = found
    return found


#: What quick_check says of the search index alone (FTS5's check: "fts5: corrupt
#: structure record…", "malformed inverted index for FTS5 table…").
_INDEX_PROBLEM: Final = re.compile(r"\bfts5\b", re.IGNORECASE)
#: Whether this SQLite's quick_check runs FTS5's check of the index (3.44 and later).
CHECKS_INDEX: Final = tuple(int(p) for p in sqlcipher.SQLITE_VERSION.split(".")[:2]) >= (3, 44)


def page_problems(connection: sqlite3.Connection) -> tuple[list[str], bool]:
    """`PRAGMA quick_check`'s problems other than the search index's, and whether it
    found the index sound (always True where quick_check does not look at it)."""
    try:
        found = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
    except sqlcipher.OPERATIONAL_ERRORS as error:
        # A search index without one of its tables cannot even be opened for its
        # check ("vtable constructor failed", "SQL logic error"): the schema is damaged.
        if classify(error) != "other":
            raise
        return [str(error)], False
    index = [problem for problem in found if _INDEX_PROBLEM.search(problem)]
    return [p for p in found if p != "ok" and p not in index], not index


def verify(
    connection: sqlite3.Connection,
    migrations: Sequence[Migration],
    schema_version: int,
    *,
    pages: bool = True,
) -> bool | None:
    """Raise JournalError for a journal from a newer Attune, or a damaged one. Returns
    whether quick_check found the search index sound (see `page_problems`), None
    when it was not run (`pages` False: the version and the schema only)."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    refuse_version(version, schema_version)
    problems, index_sound = page_problems(connection) if pages else ([], None)
    if not problems or not index_sound:
        # Sound pages may still lack a table, an index or a trigger (quick_check
        # does not look at the schema); every read would then fail. (A search index
        # without one of its tables fails quick_check itself: which one, is said here.)
        present = set(connection.execute("SELECT type, name FROM sqlite_master"))
        missing = expected_schema(migrations, version) - present
        problems = [f"no {kind} {name}" for kind, name in sorted(missing)] + problems
    if problems:
        raise damaged_journal("; ".join(problems[:5]))
    return index_sound


def refuse_version(version: int, schema_version: int) -> None:
    """Raise JournalError for a schema version Attune cannot use: "newer" for a later
    one, "corrupt" for one no Attune makes (negative, or implausibly far ahead)."""
    if not 0 <= version <= LAST_PLAUSIBLE_SCHEMA:
        raise damaged_journal(f"schema version {version}")
    if version > schema_version:
        raise newer_journal(version, schema_version)


def verify_read_only(
    path: Path, migrations: Sequence[Migration], schema_version: int
) -> bool | None:
    """Refuse a newer or damaged journal without writing to it. The version in the
    file's header is read first, so a newer journal is refused without even a
    read-only connection (which may leave an -shm file beside a WAL database).

    Returns whether quick_check found the search index sound (`verify`), or None
    when a read-only look is impossible: a crash left a rollback journal to roll
    back, or a log to recover, which takes write access. The checks are then made
    on the writing connection, before Attune writes.
    """
    refuse_newer_header(path, schema_version)
    uri = path.absolute().as_uri() + "?mode=ro"
    try:
        connection = connect(uri, None, uri=True)
    except sqlcipher.ERRORS as error:
        if classify(error) == "readonly":
            return None
        raise
    try:
        connection.execute("PRAGMA secure_delete = ON")  # on every connection
        return bool(verify(connection, migrations, schema_version))
    except sqlcipher.ERRORS as error:
        if classify(error) == "readonly":
            return None
        raise
    finally:
        connection.close()


def refuse_newer_header(path: Path, schema_version: int) -> None:
    """Raise JournalError when the file's header has a later version: "newer" when
    the header is sound, "corrupt" when it is damaged. A header with an earlier
    version is left to SQLite's own checks (`verify`), damaged or not."""
    header = read_header(path)
    if header is None or header.user_version <= schema_version:
        return
    problems = header.problems()
    if problems:
        raise damaged_journal("header: " + "; ".join(problems))
    raise newer_journal(header.user_version, schema_version)


@contextlib.contextmanager
def header_blamed(path: Path) -> Iterator[None]:
    """Re-raise a JournalError as "corrupt" when SQLite could not use a file whose
    header is not sound: a write version no SQLite writes reads as "read-only", say,
    and the person would look for a permission to fix where the file is damaged."""
    try:
        yield
    except JournalError as error:
        if error.kind not in ("readonly", "other"):
            raise
        try:
            header = read_header(path)
        except OSError:  # unreadable: SQLite's word stands
            header = None
        problems = header.problems() if header is not None else []
        if not problems:
            raise
        detail = "header: " + "; ".join(problems) + f" ({error.detail or error})"
        raise damaged_journal(detail) from error


def migrate(
    connection: sqlite3.Connection, migrations: Sequence[Migration], schema_version: int
) -> None:
    """Bring the schema up to date, one migration per transaction.

    Up to date, it still writes the version inside a write transaction: that
    proves now, not at the first save, that the journal can be written.
    """
    while True:
        connection.execute("BEGIN IMMEDIATE")
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            refuse_version(version, schema_version)
            if version < schema_version:
                try:
                    migrations[version](connection)
                except sqlcipher.ERRORS:
                    raise
                except Exception as error:
                    raise JournalError(
                        "other",
                        "Your journal could not be updated for this version of Attune. "
                        "It was not changed.",
                        detail=f"migration to version {version + 1}: {error!r}",
                    ) from error
                version += 1
            connection.execute(f"PRAGMA user_version = {int(version)}")
            connection.execute("COMMIT")
        except BaseException:
            rollback(connection)
            raise
        if version == schema_version:
            return
