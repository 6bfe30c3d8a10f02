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
  moved aside and a backup restored (`journal_backups`).
  (Only when a crash left a rollback journal to undo, which a read-only connection
  cannot do, are the same checks made on the writing connection, still before
  Attune writes.)
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeAlias

from desktop_app.storage.journal.connections import BUSY_TIMEOUT, rollback
from desktop_app.storage.journal.errors import (
    JournalError,
    classify,
    damaged_journal,
    newer_journal,
)
from desktop_app.storage.journal.header import LAST_PLAUSIBLE_SCHEMA, read_header

Migration: TypeAlias = Callable[[sqlite3.Connection], None]


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
        with contextlib.closing(sqlite3.connect(":memory:")) as scratch:
            for migration in run:
                migration(scratch)
            found = frozenset(scratch.execute("SELECT type, name FROM sqlite_master"))
        _SCHEMAS[run] = found
    return found


def verify(
    connection: sqlite3.Connection, migrations: Sequence[Migration], schema_version: int
) -> None:
    """Raise JournalError for a journal from a newer Attune, or a damaged one."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    refuse_version(version, schema_version)
    problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
    if problems == ["ok"]:
        # Sound pages may still lack a table, an index or a trigger (quick_check
        # does not look at the schema); every read would then fail.
        present = set(connection.execute("SELECT type, name FROM sqlite_master"))
        missing = expected_schema(migrations, version) - present
        problems = [f"no {kind} {name}" for kind, name in sorted(missing)]
    if problems:
        raise damaged_journal("; ".join(str(p) for p in problems[:5]))


def refuse_version(version: int, schema_version: int) -> None:
    """Raise JournalError for a schema version Attune cannot use: "newer" for a later
    one, "corrupt" for one no Attune makes (negative, or implausibly far ahead)."""
    if not 0 <= version <= LAST_PLAUSIBLE_SCHEMA:
        raise damaged_journal(f"schema version {version}")
    if version > schema_version:
        raise newer_journal(version, schema_version)


def verify_read_only(path: Path, migrations: Sequence[Migration], schema_version: int) -> bool:
    """Refuse a newer or damaged journal without writing to it. The version in the
    file's header is read first, so a newer journal is refused without even a
    read-only connection (which may leave an -shm file beside a WAL database).

    Returns False when a read-only look is impossible: a crash left a rollback
    journal to roll back, or a log to recover, which takes write access. The
    checks are then made on the writing connection, before Attune writes.
    """
    refuse_newer_header(path, schema_version)
    uri = path.absolute().as_uri() + "?mode=ro"
    connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT, isolation_level=None)
    try:
        connection.execute("PRAGMA secure_delete = ON")  # on every connection
        verify(connection, migrations, schema_version)
    except sqlite3.Error as error:
        if classify(error) == "readonly":
            return False
        raise
    finally:
        connection.close()
    return True


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
                except sqlite3.Error:
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
