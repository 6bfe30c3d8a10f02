"""The journal: every practice session and the answers given, in one SQLite file.

The journal is the most personal data Attune holds. It must never be lost, never
leave the machine, and stay private:

- **Durable.** WAL mode with `synchronous=FULL`: when `add` returns, the session is
  on disk and survives a crash or a power cut. Every change is one transaction.
- **Private.** The folder is 0700; the database and its `-wal` and `-shm` files are
  created 0600 by us before SQLite touches them (whatever the umask), and set to
  0600 again once SQLite has them open. `secure_delete` overwrites deleted content;
  after a delete (or an edit that takes words away), the search index is made anew
  in the same transaction and the write-ahead log truncated, so a deleted entry's
  words do not linger in the file.
- **Careful with what it cannot read.** A journal made by a newer Attune is refused
  (kind "newer") from its file header, or else through a read-only connection, so
  it is never changed. `PRAGMA quick_check` runs at open, also read-only and before
  anything is written, and the schema is compared with what the migrations make (a
  missing table passes quick_check): a damaged file (kind "corrupt") is never
  written to, so it can be moved aside and a backup restored (`journal_backups`). (Only when a crash
  left a rollback journal to undo, which a read-only connection cannot do, are the
  same checks made on the writing connection, still before Attune writes.) Opening
  ends with a write transaction, so a journal that is locked by another program or
  read-only is reported at once, not at the first save. One that cannot be written
  (read-only, or its disk full) can still be read: `open_read_only`, `open_to_read`.
- **Versioned.** `PRAGMA user_version` holds the schema version. `Journal.MIGRATIONS`
  is a list of functions; migration *n* takes a journal from version *n* to *n + 1*
  and runs in one transaction together with the version bump, so a failure leaves
  the journal exactly as it was.

Every problem reaches callers as a `JournalError` whose `kind` says what happened
("newer", "corrupt", "locked", "readonly", "full", "other") and whose message says
it in plain words ("full" also for an I/O error while the disk is full; see
`classify`). Bad arguments (a programming mistake, not a problem with the
file: a float answer, a NaN duration) raise `ValueError`; an unknown entry id
raises `KeyError`.

Times are timezone-aware `datetime`s in the API (given back in the local time zone)
and stored as ISO 8601 UTC text of fixed width, so text order is time order. A naive
`datetime` given to `add` is taken as local time.

Search uses an FTS5 table holding, per session, the practice title, the prompts and
the answers (their displays, and the text of text answers). The journal keeps it in
step inside each writing transaction; a trigger drops a session's document whenever
the session row goes, by whatever path. The index is derived data: FTS5's own
'integrity-check' runs at every open, and a damaged index is made again from the
sessions and answers (`Journal.index_rebuilt`), so nothing is ever lost to it. It is
never 'optimize'd (see `_merge_index`). User text never reaches FTS5 as syntax: each
word becomes a quoted string, and the last one a prefix. Hits come newest first,
like the journal itself. Sorting happens in memory (`temp_store`), so journal text
never spills into temporary files.

`StoredAnswer` has two optional fields beyond the agreed API, `minimum` and
`maximum`: a scale's ends as asked, so that `scale_changes` can give them.

One `Journal` may be used from several threads: a lock serialises its connection.
"""

from __future__ import annotations

import contextlib
import errno
import json
import math
import os
import re
import shutil
import sqlite3
import stat
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, ClassVar, Final, Literal, TypeAlias, TypeVar, get_args

from desktop_app.core.answers import AnswerValue, QuestionKind, When
from desktop_app.storage.paths import ensure_private_dir
from desktop_app.storage.private_files import sync_folder

ErrorKind: TypeAlias = Literal["newer", "corrupt", "locked", "readonly", "full", "other"]
_T = TypeVar("_T")
Migration: TypeAlias = Callable[[sqlite3.Connection], None]

#: How long to wait for another connection's write lock before reporting "locked".
BUSY_TIMEOUT: Final = 2.0
#: The files SQLite keeps beside the database in WAL mode.
SIDE_SUFFIXES: Final = ("-wal", "-shm")
#: Highlight markers in search snippets.
MARK_OPEN: Final = "[["
MARK_CLOSE: Final = "]]"
#: Words of context around a match in a snippet.
SNIPPET_TOKENS: Final = 12

_WHENS: Final[tuple[str, ...]] = get_args(When)
_KINDS: Final[tuple[str, ...]] = get_args(QuestionKind)
# Private markers used inside SQLite; turned into [[ ]] once we know a column matched.
_OPEN: Final = "\x02"
_CLOSE: Final = "\x03"
_STRIP_MARKERS: Final = str.maketrans("", "", _OPEN + _CLOSE)
# Query parameters per statement, well below every SQLite's limit (999 before 3.32).
_CHUNK: Final = 500
_FILE_MODE: Final = 0o600
#: How search splits text into words: letters and digits, case and accents ignored.
#: As in the journal's own index (migration 1; a migration must change both).
_TOKENIZE: Final = "tokenize = 'unicode61 remove_diacritics 2'"


# --- the data ----------------------------------------------------------------------


@dataclass(frozen=True)
class StoredAnswer:
    question_id: str
    when: When
    kind: QuestionKind
    #: The question as shown at the time (in the language used).
    prompt: str
    #: Typed: scale int, text str, choice tuple[int, ...], feelings tuple[str, ...].
    value: AnswerValue
    #: Human-readable rendering: "7 of 10", "calm, tense", chosen options joined.
    display: str
    #: For a scale: its ends as asked (None: not known). Used by `scale_changes`.
    minimum: int | None = None
    maximum: int | None = None


@dataclass(frozen=True)
class NewSession:
    practice_id: str
    #: At the time, in the display language.
    practice_title: str
    practice_kind: str
    practice_version: int | None
    #: "built-in" | "your practices" | "pack <id>" | a path
    source: str
    language: str
    started_at: datetime
    ended_at: datetime
    #: The chosen length, in seconds.
    length: float | None
    #: Seconds actually practised.
    practised: float
    completed: bool
    stopped_at_step: int | None
    pauses: int
    grounding_pauses: int
    #: "<plan-id>#<item index>"
    plan_item: str | None = None
    answers: tuple[StoredAnswer, ...] = ()
    #: None: a new uuid4 hex is made. Given (an import): kept, and a second `add`
    #: with the same uid is ignored.
    uid: str | None = None


@dataclass(frozen=True, kw_only=True)
class SessionEntry(NewSession):
    id: int
    uid: str


@dataclass(frozen=True)
class ScaleChange:
    """One scale asked before and after the practice (the same question id)."""

    question_id: str
    prompt: str
    before: int
    after: int
    minimum: int
    maximum: int


@dataclass(frozen=True)
class SearchHit:
    entry: SessionEntry
    #: Matched passages with the matches wrapped in "[[" and "]]" (no HTML).
    snippets: tuple[str, ...]


class JournalError(Exception):
    """A problem with the journal file, said in plain words (`str(error)`)."""

    def __init__(self, kind: ErrorKind, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.kind: ErrorKind = kind
        self.message = message
        #: The technical cause, for logs (may be empty).
        self.detail = detail


def scale_changes(entry: NewSession) -> tuple[ScaleChange, ...]:
    """Scales asked both before and after (same question id), in the order asked before.

    The range is the one stored with the answer; for answers stored without one it is
    read from a display like "7 of 10" (lowest 0), else taken as 0–10, widened to hold
    both values.
    """
    before = _first_scales(entry.answers, "before")
    after = _first_scales(entry.answers, "after")
    changes = []
    for question_id, first in before.items():
        last = after.get(question_id)
        if last is None:
            continue
        assert isinstance(first.value, int) and isinstance(last.value, int)
        low, high = _scale_range(first, last, (first.value, last.value))
        changes.append(ScaleChange(question_id, first.prompt, first.value, last.value, low, high))
    return tuple(changes)


def _first_scales(answers: Iterable[StoredAnswer], when: str) -> dict[str, StoredAnswer]:
    found: dict[str, StoredAnswer] = {}
    for answer in answers:
        if (
            answer.when == when
            and answer.kind == "scale"
            and isinstance(answer.value, int)
            and not isinstance(answer.value, bool)
        ):
            found.setdefault(answer.question_id, answer)
    return found


_OF_MAXIMUM: Final = re.compile(r"^\s*-?\d+\D+?(-?\d+)\s*$")


def _scale_range(
    first: StoredAnswer, last: StoredAnswer, values: tuple[int, int]
) -> tuple[int, int]:
    low = first.minimum if first.minimum is not None else last.minimum
    high = first.maximum if first.maximum is not None else last.maximum
    if high is None:
        for answer in (first, last):
            match = _OF_MAXIMUM.match(answer.display)
            if match:
                high = int(match.group(1))
                break
    low = min((0 if low is None else low), *values)
    high = max((10 if high is None else high), *values)
    return low, high


# --- the schema --------------------------------------------------------------------


def _migrate_to_1(conn: sqlite3.Connection) -> None:
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
    # search, while this one can always drop a document by rowid.
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


#: `Journal.expected_schema`, by the migrations run.
_SCHEMAS: dict[tuple[Migration, ...], frozenset[tuple[str, str]]] = {}


class Journal:
    """The journal file, open. Make one with `Journal.open(path)`."""

    #: Migration n takes the journal from version n to n + 1.
    MIGRATIONS: ClassVar[tuple[Migration, ...]] = (_migrate_to_1,)
    SCHEMA_VERSION: ClassVar[int] = 1

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        """Use `Journal.open`."""
        self.path = path
        self._conn: sqlite3.Connection | None = connection
        self._lock = threading.RLock()
        # In memory: search hits, for their snippets (see `_snippets`).
        self._scratch: sqlite3.Connection | None = None
        #: Whether the search index was found damaged (at open, or by a save) and
        #: made again from the journal's tables (nothing is lost: it is derived).
        self.index_rebuilt = False
        # A log that still holds deleted words, its truncation stopped by a reader.
        self._log_owed = False
        #: Opened with `open_read_only`: it is read, and saving fails.
        self.read_only = False
        self._cannot_write: ErrorKind = "readonly"

    # --- opening and closing -------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> Journal:
        """Open the journal at `path`, creating it (and its private folder) if needed.

        Raises JournalError. A journal that is newer, damaged or not a database is
        left exactly as it was.
        """
        if len(cls.MIGRATIONS) != cls.SCHEMA_VERSION:
            raise RuntimeError("Journal.MIGRATIONS must hold SCHEMA_VERSION migrations")
        _require_fts5()
        with _translated("opened", path.parent):
            _private_folder(path.parent)
            if not path.exists() and _has_content(path):
                # A log without its database: SQLite would read it into a new, empty
                # file. Kept as it is, to be moved aside with `move_aside`.
                raise JournalError(
                    "corrupt",
                    "Your journal file is missing, though its log is still there, so it "
                    "could not be opened. Attune did not change anything.",
                    detail=f"{path.name} is missing; {path.name}-wal is not",
                )
            checked = not _has_content(path) or cls._check_read_only(path)
            created = _create_private(path)
            connection = sqlite3.connect(
                str(path), timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
            )
        try:
            with _translated("opened", path.parent):
                # synchronous before any write; temp_store: sorting never spills
                # journal text into temporary files.
                for pragma in _PRAGMAS:
                    connection.execute(pragma)
                if not checked:
                    cls._verify(connection)
                mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    raise JournalError(
                        "other",
                        "Your journal could not be opened: it cannot use a write-ahead log "
                        f"here (journal mode {mode}).",
                    )
                cls._migrate(connection)
                rebuilt = not _index_is_sound(path)
                if rebuilt:
                    _rebuild_index(path)
                _fix_permissions(path)
                if created:
                    sync_folder(path.parent)
        except BaseException:
            connection.close()
            raise
        journal = cls(path, connection)
        journal.index_rebuilt = rebuilt
        return journal

    @classmethod
    def open_read_only(cls, path: Path, reason: ErrorKind = "readonly") -> Journal:
        """Open the journal at `path` to read it and nothing else (an export, a backup),
        for when it cannot be written: a read-only file or folder, a full disk.

        Nothing is written, not even a `-shm` file where none can be made: the file is
        then read as unchanging (`immutable`), which is only done when no write-ahead
        log holds anything that would be missed. Checked as `open` checks it; every
        save through it fails with the kind `reason` ("readonly", or "full": why it
        could not be opened to write) and its message. Raises JournalError.
        """
        _require_fts5()
        with _translated("opened", path.parent):
            if not path.is_file():
                raise JournalError(
                    "other", "There is no journal to read yet.", detail=f"{path} is missing"
                )
            header_version = _header_user_version(path)
            if header_version is not None and header_version > cls.SCHEMA_VERSION:
                raise _newer(header_version, cls.SCHEMA_VERSION)
            connection = _reading_connection(path)
        try:
            with _translated("opened", path.parent):
                cls._verify(connection)
        except BaseException:
            connection.close()
            raise
        journal = cls(path, connection)
        journal.read_only = True
        journal._cannot_write = reason
        return journal

    @classmethod
    def _check_read_only(cls, path: Path) -> bool:
        """Refuse a newer or damaged journal without writing to it. The version in the
        file's header is read first, so a newer journal is refused without even a
        read-only connection (which may leave an -shm file beside a WAL database).

        Returns False when a read-only look is impossible: a crash left a rollback
        journal to roll back, or a log to recover, which takes write access. The
        checks are then made on the writing connection, before Attune writes.
        """
        header_version = _header_user_version(path)
        if header_version is not None and header_version > cls.SCHEMA_VERSION:
            raise _newer(header_version, cls.SCHEMA_VERSION)
        uri = path.absolute().as_uri() + "?mode=ro"
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT, isolation_level=None)
        try:
            connection.execute("PRAGMA secure_delete = ON")  # on every connection
            cls._verify(connection)
        except sqlite3.Error as error:
            if classify(error) == "readonly":
                return False
            raise
        finally:
            connection.close()
        return True

    @classmethod
    def _verify(cls, connection: sqlite3.Connection) -> None:
        """Raise JournalError for a journal from a newer Attune, or a damaged one."""
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > cls.SCHEMA_VERSION:
            raise _newer(version, cls.SCHEMA_VERSION)
        problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
        if problems == ["ok"]:
            # Sound pages may still lack a table, an index or a trigger (quick_check
            # does not look at the schema); every read would then fail.
            present = set(connection.execute("SELECT type, name FROM sqlite_master"))
            problems = [
                f"no {kind} {name}" for kind, name in sorted(cls.expected_schema(version) - present)
            ]
        if problems:
            raise JournalError(
                "corrupt",
                "Your journal file is damaged, so it could not be opened. "
                "Attune did not change it.",
                detail="; ".join(str(p) for p in problems[:5]),
            )

    @classmethod
    def expected_schema(cls, version: int) -> frozenset[tuple[str, str]]:
        """(type, name) of every table, index, trigger and view that a journal of
        schema `version` holds: what the migrations make, made once in memory."""
        migrations = cls.MIGRATIONS[: max(0, version)]
        found = _SCHEMAS.get(migrations)
        if found is None:
            with contextlib.closing(sqlite3.connect(":memory:")) as scratch:
                for migration in migrations:
                    migration(scratch)
                found = frozenset(scratch.execute("SELECT type, name FROM sqlite_master"))
            _SCHEMAS[migrations] = found
        return found

    @classmethod
    def _migrate(cls, connection: sqlite3.Connection) -> None:
        """Bring the schema up to date, one migration per transaction.

        Up to date, it still writes the version inside a write transaction: that
        proves now, not at the first save, that the journal can be written.
        """
        while True:
            connection.execute("BEGIN IMMEDIATE")
            try:
                version = connection.execute("PRAGMA user_version").fetchone()[0]
                if version > cls.SCHEMA_VERSION:
                    raise _newer(version, cls.SCHEMA_VERSION)
                if version < cls.SCHEMA_VERSION:
                    try:
                        cls.MIGRATIONS[version](connection)
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
                _rollback(connection)
                raise
            if version == cls.SCHEMA_VERSION:
                return

    def close(self) -> None:
        """Close the journal (idempotent). The write-ahead log is folded in and removed."""
        with self._lock:
            if self._scratch is not None:
                self._scratch.close()
                self._scratch = None
            if self._conn is not None:
                connection, self._conn = self._conn, None
                with contextlib.suppress(sqlite3.Error):
                    connection.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- entries -------------------------------------------------------------------

    def add(self, session: NewSession) -> int:
        """Save a session with its answers in one transaction; durable on return.

        A session whose uid is already in the journal is not added again: its id is
        returned.
        """
        row, answers = _session_row(session)
        return self._saving("saved", lambda conn: _insert(conn, row, answers))

    def add_many(self, sessions: Iterable[NewSession]) -> list[int]:
        """`add` for many sessions in one transaction (an import): all or none."""
        prepared = [_session_row(session) for session in sessions]
        return self._saving(
            "saved", lambda conn: [_insert(conn, row, answers) for row, answers in prepared]
        )

    def get(self, entry_id: int) -> SessionEntry | None:
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id = ?", (entry_id,)
            ).fetchall()
            entries = _entries(conn, rows)
        return entries[0] if entries else None

    def update_answers(self, entry_id: int, answers: tuple[StoredAnswer, ...]) -> None:
        """Replace an entry's answers. Raises KeyError for an unknown id."""
        rows = _answer_rows(answers)

        def replace_answers(conn: sqlite3.Connection) -> bool:
            if conn.execute("SELECT 1 FROM sessions WHERE id = ?", (entry_id,)).fetchone() is None:
                raise KeyError(entry_id)
            before = _document(conn, entry_id)
            conn.execute("DELETE FROM answers WHERE session_id = ?", (entry_id,))
            conn.executemany(_INSERT_ANSWER, [(entry_id, *row) for row in rows])
            after = _index(conn, entry_id)
            # After a practice the answers only grow: nothing leaves, nothing to merge.
            words_left = not all(map(_keeps, before, after))
            if words_left:
                _merge_index(conn)
            return words_left

        if self._saving("saved", replace_answers):
            self._truncate_log()

    def delete(self, entry_id: int) -> SessionEntry:
        """Delete an entry and its answers; returns it, for `restore` (undo).

        Raises KeyError for an unknown id.
        """

        def remove(conn: sqlite3.Connection) -> SessionEntry:
            rows = conn.execute(
                f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id = ?", (entry_id,)
            ).fetchall()
            entries = _entries(conn, rows)
            if not entries:
                raise KeyError(entry_id)
            conn.execute("DELETE FROM sessions WHERE id = ?", (entry_id,))
            _merge_index(conn)
            return entries[0]

        removed = self._saving("changed", remove)
        self._truncate_log()
        return removed

    def restore(self, entry: SessionEntry) -> int:
        """Undo `delete`: add the entry again with its uid and answers, under its old
        id when that is still free. Returns its id."""
        row, answers = _session_row(entry)
        return self._saving("saved", lambda conn: _insert(conn, row, answers, wanted_id=entry.id))

    def entries(
        self,
        *,
        practice_id: str | None = None,
        kind: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[SessionEntry]:
        """Entries, newest first. `since` and `until` are local dates, both included."""
        where, params = _filters(practice_id, kind, since, until)
        sql = (
            f"SELECT {_SESSION_COLUMNS} FROM sessions{where} "
            "ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?"
        )
        params += [-1 if limit is None else max(0, limit), max(0, offset)]
        with self._reading() as conn:
            return _entries(conn, conn.execute(sql, params).fetchall())

    def count(
        self,
        *,
        practice_id: str | None = None,
        kind: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> int:
        where, params = _filters(practice_id, kind, since, until)
        with self._reading() as conn:
            return int(conn.execute(f"SELECT count(*) FROM sessions{where}", params).fetchone()[0])

    def search(self, text: str, limit: int = 200) -> list[SearchHit]:
        """Entries whose title, prompts or answers hold every word of `text` (the last
        word may be the start of a word), newest first. Never a syntax error: the
        words are quoted. Empty or wordless text finds nothing."""
        query = fts_query(text)
        if query is None or limit <= 0:
            return []
        with self._reading() as conn:
            try:
                ids = [
                    row[0]
                    for row in conn.execute(
                        "SELECT s.id FROM search JOIN sessions AS s ON s.id = search.rowid "
                        "WHERE search MATCH ? ORDER BY s.started_at DESC, s.id DESC LIMIT ?",
                        (query, limit),
                    )
                ]
                documents = []
                for chunk in _chunks(ids):
                    marks = ", ".join("?" * len(chunk))
                    documents += conn.execute(
                        "SELECT rowid, title, prompts, answers FROM search "
                        f"WHERE rowid IN ({marks})",
                        chunk,
                    ).fetchall()
                snippets = self._snippets(query, documents)
            except sqlite3.OperationalError as error:
                if _QUERY_ERROR.search(str(error)):  # a query we failed to make safe
                    return []
                raise
            rows = []
            for chunk in _chunks(ids):
                marks = ", ".join("?" * len(chunk))
                rows += conn.execute(
                    f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id IN ({marks})", chunk
                ).fetchall()
            by_id = {entry.id: entry for entry in _entries(conn, rows)}
        return [SearchHit(by_id[i], snippets.get(i, ())) for i in ids if i in by_id]

    def _snippets(
        self, query: str, documents: list[tuple[int, str, str, str]]
    ) -> dict[int, tuple[str, ...]]:
        """The matched passages of the hits, by FTS5's own `snippet()`, run over a copy
        of just these documents in a private in-memory table: asked of the journal's
        index, every snippet would read the whole list of a common word again (47 ms
        instead of 8 ms for 200 hits of "calm" among 10,000 entries)."""
        if self._scratch is None:
            self._scratch = sqlite3.connect(":memory:", check_same_thread=False)
            self._scratch.execute(
                f"CREATE VIRTUAL TABLE hits USING fts5 (title, prompts, answers, {_TOKENIZE})"
            )
        scratch = self._scratch
        columns = ", ".join(
            f"snippet(hits, {column}, '{_OPEN}', '{_CLOSE}', '…', {SNIPPET_TOKENS})"
            for column in (2, 1, 0)  # answers, prompts, title: most telling first
        )
        try:
            scratch.executemany(
                "INSERT INTO hits (rowid, title, prompts, answers) VALUES (?, ?, ?, ?)", documents
            )
            return {
                row[0]: tuple(_marked(p) for p in row[1:] if p and _OPEN in p)
                for row in scratch.execute(
                    f"SELECT rowid, {columns} FROM hits WHERE hits MATCH ?", (query,)
                )
            }
        finally:
            scratch.execute("DELETE FROM hits")
            scratch.commit()

    def practice_ids(self) -> list[tuple[str, str]]:
        """(practice id, its latest title) for every practice in the journal, by title."""
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT practice_id, practice_title, max(started_at) FROM sessions "
                "GROUP BY practice_id"
            ).fetchall()
        return sorted(((r[0], r[1]) for r in rows), key=lambda p: (p[1].casefold(), p[0]))

    # --- figures -------------------------------------------------------------------

    def minutes_per_week(
        self, weeks: int = 12, *, today: date | None = None
    ) -> list[tuple[date, float]]:
        """Minutes practised in each of the last `weeks` weeks (Monday to Sunday, local
        time), oldest first, this week last; weeks without practice give 0.0."""
        if weeks <= 0:
            return []
        today = today or date.today()
        this_monday = today - timedelta(days=today.weekday())
        first = this_monday - timedelta(weeks=weeks - 1)
        end = this_monday + timedelta(weeks=1)
        totals = {first + timedelta(weeks=n): 0.0 for n in range(weeks)}
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT started_at, practised FROM sessions "
                "WHERE started_at >= ? AND started_at < ?",
                (_local_midnight(first), _local_midnight(end)),
            ).fetchall()
        for started_at, practised in rows:
            day = _from_stored(started_at).date()
            monday = day - timedelta(days=day.weekday())
            if monday in totals:
                totals[monday] += float(practised) / 60.0
        return list(totals.items())

    def practices_by_kind(self) -> dict[str, int]:
        """Number of sessions of each kind of practice, most first."""
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT practice_kind, count(*) AS n FROM sessions "
                "GROUP BY practice_kind ORDER BY n DESC, practice_kind"
            ).fetchall()
        return {kind: int(n) for kind, n in rows}

    def average_change(self) -> list[tuple[str, str, float, int]]:
        """(practice id, latest title, mean change, sessions) per practice, by title.

        A session counts when a scale was asked before and after it (same question id);
        its change is after − before (the mean, if it had several such scales).
        """
        with self._reading() as conn:
            rows = conn.execute(
                """
                SELECT s.id, s.practice_id, a."when", a.question_id, a.value_json
                FROM answers AS a JOIN sessions AS s ON s.id = a.session_id
                WHERE a.kind = 'scale' AND a."when" IN ('before', 'after')
                ORDER BY s.id, a.position
                """
            ).fetchall()
            titles = dict(
                conn.execute(
                    "SELECT practice_id, practice_title FROM "
                    "(SELECT practice_id, practice_title, max(started_at) FROM sessions "
                    "GROUP BY practice_id)"
                ).fetchall()
            )
        scales: dict[int, tuple[str, dict[str, int], dict[str, int]]] = {}
        for session_id, practice_id, when, question_id, value_json in rows:
            value = _decode_value(value_json)
            if not isinstance(value, int) or isinstance(value, bool):
                continue
            _, before, after = scales.setdefault(session_id, (practice_id, {}, {}))
            (before if when == "before" else after).setdefault(question_id, value)
        per_practice: dict[str, list[float]] = {}
        for practice_id, before, after in scales.values():
            pairs = [after[q] - before[q] for q in before if q in after]
            if pairs:
                per_practice.setdefault(practice_id, []).append(sum(pairs) / len(pairs))
        result = [
            (pid, titles.get(pid, pid), sum(changes) / len(changes), len(changes))
            for pid, changes in per_practice.items()
        ]
        return sorted(result, key=lambda r: (r[1].casefold(), r[0]))

    # --- drafts --------------------------------------------------------------------

    def save_draft(self, key: str, payload: dict[str, object]) -> None:
        """Keep what is being typed under `key` (replacing what was there); durable on
        return. The payload must be JSON-serialisable (else ValueError or TypeError)."""
        text = json.dumps(payload, ensure_ascii=False, allow_nan=False)
        with self._writing("saved") as conn:
            conn.execute(
                "INSERT INTO drafts (key, payload_json, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET payload_json = excluded.payload_json, "
                "updated_at = excluded.updated_at",
                (key, text, _to_stored(datetime.now(UTC))),
            )

    def drafts(self) -> dict[str, dict[str, object]]:
        """Every draft by key. A payload that cannot be read is left out."""
        with self._reading() as conn:
            rows = conn.execute("SELECT key, payload_json FROM drafts ORDER BY key").fetchall()
        result: dict[str, dict[str, object]] = {}
        for key, text in rows:
            try:
                payload = json.loads(text)
            except (ValueError, RecursionError):
                continue
            if isinstance(payload, dict):
                result[key] = payload
        return result

    def clear_draft(self, key: str) -> None:
        """Forget a draft (nothing happens for an unknown key)."""
        with self._writing("changed") as conn:
            conn.execute("DELETE FROM drafts WHERE key = ?", (key,))

    # --- backup --------------------------------------------------------------------

    def backup_to(self, target: Path) -> None:
        """Write a consistent copy of the journal to `target` (0600, atomically), with
        SQLite's backup API; other connections may go on writing meanwhile."""
        with self._lock, _translated("backed up", self.path.parent):
            write_backup(self._connection(), target)

    # --- inside --------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise JournalError("other", "The journal is closed.")
        return self._conn

    @contextlib.contextmanager
    def _writing(self, doing: str) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed on success, rolled back on any error."""
        if self.read_only:
            kind = self._cannot_write
            text = _MESSAGES["full-save" if kind == "full" else kind]
            raise JournalError(kind, text.format(doing=doing, detail="opened to read only"))
        with self._lock, _translated(doing, self.path.parent):
            conn = self._connection()
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                _rollback(conn)
                raise
        if self._log_owed:
            self._truncate_log()

    def _saving(self, doing: str, work: Callable[[sqlite3.Connection], _T]) -> _T:
        """`work` in one write transaction (`_writing`). When it fails as damaged and
        the damage is the search index's alone (the pages are sound), the index is
        made again from the journal's tables and `work` done once more: a save never
        fails for the index, which is derived."""
        try:
            with self._writing(doing) as conn:
                return work(conn)
        except JournalError as error:
            if error.kind != "corrupt" or not self._repair_index():
                raise
        with self._writing(doing) as conn:
            return work(conn)

    def _repair_index(self) -> bool:
        """Make the search index again when it, and nothing else, is damaged; returns
        whether it was."""
        with self._lock:
            try:
                pages = self._connection().execute("PRAGMA quick_check").fetchall()
                if pages != [("ok",)] or _index_is_sound(self.path):
                    return False
                _rebuild_index(self.path)
            except (sqlite3.Error, OSError, JournalError):
                return False
            self.index_rebuilt = True
            return True

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """One read transaction, so that several queries see the same journal."""
        with self._lock, _translated("read", self.path.parent):
            conn = self._connection()
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                _rollback(conn)

    def _truncate_log(self) -> None:
        """After a delete or an edit that took words away: fold the write-ahead log
        into the database and empty it, since it still holds the pages as they were.
        SQLite waits (up to `BUSY_TIMEOUT`) for a read under way in another
        connection or process; one that reads on still stops it, so it is tried again
        after each later change until it is done. Best effort: the change itself is
        already committed."""
        with self._lock, contextlib.suppress(JournalError), _translated("changed"):
            busy, _, _ = self._connection().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            self._log_owed = bool(busy)


def open_to_read(path: Path) -> Journal:
    """The journal, for a reader (export, backup): `Journal.open`, or when the journal
    cannot be written (read-only, or its disk full) `Journal.open_read_only`, since
    reading needs no writing."""
    try:
        return Journal.open(path)
    except JournalError as error:
        if error.kind not in ("readonly", "full"):
            raise
        return Journal.open_read_only(path, error.kind)


def _reading_connection(path: Path) -> sqlite3.Connection:
    """A read-only connection (`mode=ro`); where that cannot even make or grow the
    `-shm` file (a read-only folder, a full disk) and the write-ahead log holds
    nothing, one that takes the file as unchanging (`immutable`)."""
    base = path.absolute().as_uri()

    def connect(uri: str) -> sqlite3.Connection:
        return sqlite3.connect(
            uri, uri=True, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
        )

    connection = connect(base + "?mode=ro")
    try:
        _set_reading_pragmas(connection)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the log
        return connection
    except sqlite3.Error as error:
        connection.close()
        log = _side_files(path)[0]
        if classify(error, path.parent) not in ("readonly", "full") or (
            log.exists() and log.stat().st_size > 0
        ):
            raise
    connection = connect(base + "?immutable=1")
    try:
        _set_reading_pragmas(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def _set_reading_pragmas(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA secure_delete = ON")  # on every connection
    connection.execute("PRAGMA temp_store = MEMORY")
    connection.execute("PRAGMA query_only = ON")


# --- the search index ------------------------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    """A second writing connection to the journal, set up as the journal's own."""
    connection = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
    )
    try:
        for pragma in _PRAGMAS:
            connection.execute(pragma)
    except BaseException:
        connection.close()
        raise
    return connection


#: Set on every connection that writes (and `secure_delete` on every one).
_PRAGMAS: Final = (
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
)


def _index_is_sound(path: Path) -> bool:
    """FTS5's own check of the search index against its documents (about 30 ms for
    10,000 entries). On a connection of its own, so that no connection that will go
    on writing has read a damaged index."""
    with contextlib.closing(_connect(path)) as connection:
        try:
            connection.execute("INSERT INTO search (search) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as error:
            if classify(error) == "corrupt":
                return False
            raise
    return True


_SEARCH_TABLE: Final = re.compile(r'^\s*CREATE\s+VIRTUAL\s+TABLE\s+"?search"?\s', re.I)


def _rebuild_index(path: Path) -> None:
    """Make the search index again from the journal's own tables, in one transaction.

    The index may be too damaged for FTS5 even to open it (then it cannot be dropped
    or 'rebuild' itself), so its tables (`search_data`, `search_idx`, …) are first set
    to what this SQLite makes for a new, empty index, in a private in-memory database,
    and every session is then indexed as `add` does. Done on a connection of its own
    that has not opened the damaged index, so no stale state of it is cached."""
    with contextlib.closing(_connect(path)) as connection:
        definition = connection.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'search'"
        ).fetchone()[0]
        connection.execute("ATTACH DATABASE ':memory:' AS fresh")
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
            except sqlite3.OperationalError:
                # An SQLite whose shadow tables may not be written (SQLITE_DBCONFIG_
                # DEFENSIVE): the index can still be emptied through FTS5 itself.
                connection.execute("ROLLBACK")
                connection.execute("BEGIN IMMEDIATE")
                connection.execute("DELETE FROM search")
            ids = [row[0] for row in connection.execute("SELECT id FROM sessions")]
            for entry_id in ids:
                _index(connection, entry_id)
            connection.execute("COMMIT")
        except BaseException:
            _rollback(connection)
            raise
        connection.execute("DETACH DATABASE fresh")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


# --- rows and values -------------------------------------------------------------------

_SESSION_FIELDS: Final = (
    "practice_id",
    "practice_title",
    "practice_kind",
    "practice_version",
    "source",
    "language",
    "started_at",
    "ended_at",
    "length",
    "practised",
    "completed",
    "stopped_at_step",
    "pauses",
    "grounding_pauses",
    "plan_item",
)
_SESSION_COLUMNS: Final = "id, uid, " + ", ".join(_SESSION_FIELDS)
_INSERT_SESSION: Final = (
    f"INSERT INTO sessions (id, uid, {', '.join(_SESSION_FIELDS)}) "
    f"VALUES ({', '.join('?' * (len(_SESSION_FIELDS) + 2))})"
)
_INSERT_ANSWER: Final = (
    'INSERT INTO answers (session_id, position, question_id, "when", kind, prompt, '
    "value_json, display, minimum, maximum) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _session_row(session: NewSession) -> tuple[list[Any], list[tuple[Any, ...]]]:
    """The values of a sessions row (uid first) and its answer rows; ValueError for
    values that cannot be kept faithfully."""
    uid = session.uid if session.uid is not None else uuid.uuid4().hex
    if not isinstance(uid, str) or not uid.strip():
        raise ValueError(f"a session's uid must be a non-empty string, not {uid!r}")
    for name in ("practice_id", "practice_title", "practice_kind", "source", "language"):
        _require(isinstance(getattr(session, name), str), f"{name} must be a string")
    _require(
        session.plan_item is None or isinstance(session.plan_item, str),
        "plan_item must be a string or None",
    )
    for name in ("practice_version", "stopped_at_step"):
        value = getattr(session, name)
        _require(value is None or _is_int(value), f"{name} must be an integer or None")
    for name in ("pauses", "grounding_pauses"):
        _require(_is_int(getattr(session, name)), f"{name} must be an integer")
    _require(_is_finite(session.practised), "practised must be a finite number")
    _require(
        session.length is None or _is_finite(session.length),
        "length must be a finite number or None",
    )
    _require(isinstance(session.completed, bool), "completed must be True or False")
    row = [
        uid,
        session.practice_id,
        session.practice_title,
        session.practice_kind,
        session.practice_version,
        session.source,
        session.language,
        _to_stored(session.started_at),
        _to_stored(session.ended_at),
        None if session.length is None else float(session.length),
        float(session.practised),
        int(session.completed),
        session.stopped_at_step,
        session.pauses,
        session.grounding_pauses,
        session.plan_item,
    ]
    return row, _answer_rows(session.answers)


def _answer_rows(answers: Sequence[StoredAnswer]) -> list[tuple[Any, ...]]:
    rows = []
    for position, answer in enumerate(answers):
        where = f"answer {position + 1} ({getattr(answer, 'question_id', '?')!r})"
        _require(isinstance(answer, StoredAnswer), f"{where} is not a StoredAnswer")
        _require(isinstance(answer.question_id, str), f"{where}: question_id must be a string")
        _require(answer.when in _WHENS, f"{where}: when must be one of {', '.join(_WHENS)}")
        _require(answer.kind in _KINDS, f"{where}: kind must be one of {', '.join(_KINDS)}")
        _require(isinstance(answer.prompt, str), f"{where}: prompt must be a string")
        _require(isinstance(answer.display, str), f"{where}: display must be a string")
        for end in (answer.minimum, answer.maximum):
            _require(end is None or _is_int(end), f"{where}: a scale's ends must be integers")
        rows.append(
            (
                position,
                answer.question_id,
                answer.when,
                answer.kind,
                answer.prompt,
                _encode_value(answer.value, where),
                answer.display,
                answer.minimum,
                answer.maximum,
            )
        )
    return rows


def _encode_value(value: object, where: str) -> str:
    """JSON that decodes to the same Python type: a number is an int, a string a str,
    an array a tuple (of ints, or of strs)."""
    if _is_int(value) or isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple | list) and (
        all(_is_int(v) for v in value) or all(isinstance(v, str) for v in value)
    ):
        return json.dumps(list(value), ensure_ascii=False)
    raise ValueError(
        f"{where}: an answer must be an int, a str, or a tuple of ints or of strs, not {value!r}"
    )


def _decode_value(text: str) -> AnswerValue:
    value = json.loads(text)
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, int | str) and not isinstance(value, bool):
        return value
    raise ValueError(f"not an answer value: {text[:40]!r}")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_finite(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ValueError(message)


def _insert(
    conn: sqlite3.Connection,
    row: list[Any],
    answers: list[tuple[Any, ...]],
    wanted_id: int | None = None,
) -> int:
    existing = conn.execute("SELECT id FROM sessions WHERE uid = ?", (row[0],)).fetchone()
    if existing is not None:
        return int(existing[0])
    if (
        wanted_id is not None
        and conn.execute("SELECT 1 FROM sessions WHERE id = ?", (wanted_id,)).fetchone()
    ):
        wanted_id = None
    cursor = conn.execute(_INSERT_SESSION, [wanted_id, *row])
    entry_id = cursor.lastrowid
    assert entry_id is not None
    conn.executemany(_INSERT_ANSWER, [(entry_id, *answer) for answer in answers])
    _index(conn, entry_id)
    return entry_id


def _index(conn: sqlite3.Connection, entry_id: int) -> tuple[str, str, str]:
    """(Re)make the search document of one session; returns it."""
    document = _document(conn, entry_id)
    conn.execute("DELETE FROM search WHERE rowid = ?", (entry_id,))
    conn.execute(
        "INSERT INTO search (rowid, title, prompts, answers) VALUES (?, ?, ?, ?)",
        (entry_id, *document),
    )
    return document


def _document(conn: sqlite3.Connection, entry_id: int) -> tuple[str, str, str]:
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
            value = _decode_value(value_json)
            if isinstance(value, str) and value != display:
                texts.append(value)
    return (
        title.translate(_STRIP_MARKERS),
        "\n".join(prompts).translate(_STRIP_MARKERS),
        "\n".join(texts).translate(_STRIP_MARKERS),
    )


def _keeps(old: str, new: str) -> bool:
    """Whether the column text `new` still holds every word of `old`: the same, or
    `old` followed by more lines (how answers grow after a practice)."""
    return not old or new == old or new.startswith(old + "\n")


def _merge_index(conn: sqlite3.Connection) -> None:
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


def _entries(conn: sqlite3.Connection, rows: list[Any]) -> list[SessionEntry]:
    """SessionEntry objects for session rows (in `_SESSION_COLUMNS` order), answers
    read in one query per chunk of rows; order kept."""
    answers: dict[int, list[StoredAnswer]] = {row[0]: [] for row in rows}
    ids = list(answers)
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        for (
            session_id,
            question_id,
            when,
            kind,
            prompt,
            value_json,
            display,
            minimum,
            maximum,
        ) in conn.execute(
            'SELECT session_id, question_id, "when", kind, prompt, value_json, display, '
            f"minimum, maximum FROM answers WHERE session_id IN ({marks}) "
            "ORDER BY session_id, position",
            chunk,
        ):
            answers[session_id].append(
                StoredAnswer(
                    question_id,
                    when,
                    kind,
                    prompt,
                    _decode_value(value_json),
                    display,
                    minimum,
                    maximum,
                )
            )
    return [
        SessionEntry(
            practice_id=row[2],
            practice_title=row[3],
            practice_kind=row[4],
            practice_version=row[5],
            source=row[6],
            language=row[7],
            started_at=_from_stored(row[8]),
            ended_at=_from_stored(row[9]),
            length=row[10],
            practised=row[11],
            completed=bool(row[12]),
            stopped_at_step=row[13],
            pauses=row[14],
            grounding_pauses=row[15],
            plan_item=row[16],
            answers=tuple(answers[row[0]]),
            id=row[0],
            uid=row[1],
        )
        for row in rows
    ]


def _chunks(values: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _filters(
    practice_id: str | None, kind: str | None, since: date | None, until: date | None
) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if practice_id is not None:
        clauses.append("practice_id = ?")
        params.append(practice_id)
    if kind is not None:
        clauses.append("practice_kind = ?")
        params.append(kind)
    if since is not None:
        clauses.append("started_at >= ?")
        params.append(_local_midnight(since))
    if until is not None:
        clauses.append("started_at < ?")
        params.append(_local_midnight(until + timedelta(days=1)))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


# --- times ------------------------------------------------------------------------------


def _to_stored(moment: datetime) -> str:
    """UTC, fixed width: '2024-05-01T08:30:00.000000+00:00'. Naive means local time."""
    if not isinstance(moment, datetime):
        raise ValueError(f"expected a datetime, not {moment!r}")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _from_stored(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone()


def _local_midnight(day: date) -> str:
    return _to_stored(datetime.combine(day, time()))


# --- search -----------------------------------------------------------------------------


# What SQLite says about a search query it cannot parse (a last line of defence).
_QUERY_ERROR: Final = re.compile(
    r"fts5|syntax error|unterminated string|unknown special query|no such column", re.I
)


def fts_query(text: str) -> str | None:
    """An FTS5 query finding every word of `text`, the last as a prefix; None when
    `text` has no word. Each word is a quoted string, so nothing in it is syntax.
    Control characters (NUL ends a query inside SQLite) separate words."""
    text = "".join(" " if ch < " " or ch == "\x7f" else ch for ch in text)
    words = [word for word in text.split() if any(ch.isalnum() for ch in word)]
    if not words:
        return None
    quoted = ['"' + word.replace('"', '""') + '"' for word in words]
    quoted[-1] += "*"
    return " ".join(quoted)


_LINE_BREAKS: Final = re.compile(r"\s*\n\s*")


def _marked(passage: str) -> str:
    """A snippet as shown: our markers as [[ ]], answers on one line, split by " · "."""
    passage = _LINE_BREAKS.sub(" · ", passage.strip())
    return passage.replace(_OPEN, MARK_OPEN).replace(_CLOSE, MARK_CLOSE)


_FTS5_AVAILABLE: bool | None = None


def _require_fts5() -> None:
    global _FTS5_AVAILABLE
    if _FTS5_AVAILABLE is None:
        probe = sqlite3.connect(":memory:")
        try:
            probe.execute("CREATE VIRTUAL TABLE probe USING fts5 (text)")
            _FTS5_AVAILABLE = True
        except sqlite3.Error:
            _FTS5_AVAILABLE = False
        finally:
            probe.close()
    if not _FTS5_AVAILABLE:
        raise JournalError(
            "other",
            "Your journal could not be opened: this Python's SQLite "
            f"({sqlite3.sqlite_version}) has no full-text search (FTS5), which Attune needs.",
        )


# --- files and errors -------------------------------------------------------------------


def _has_content(path: Path) -> bool:
    """Whether there is a database to check: a non-empty file, or a write-ahead log."""
    for candidate in (path, _side_files(path)[0]):
        with contextlib.suppress(FileNotFoundError):
            if candidate.stat().st_size > 0:
                return True
    return False


_HEADER: Final = b"SQLite format 3\x00"


def _header_user_version(path: Path) -> int | None:
    """`PRAGMA user_version` as the database file's header has it (bytes 60–63), or
    None when the file has no SQLite header. A write-ahead log may hold a later one."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        return None
    if len(header) < 100 or not header.startswith(_HEADER):
        return None
    return int.from_bytes(header[60:64], "big", signed=True)


def _create_private(path: Path) -> bool:
    """Create the database and its side files 0600 before SQLite does; make existing
    ones 0600. Returns whether the database file was new."""
    created = False
    for index, file in enumerate((path, *_side_files(path))):
        try:
            descriptor = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _FILE_MODE)
        except FileExistsError:
            _chmod_private(file)
            continue
        try:
            if os.name == "posix":
                os.fchmod(descriptor, _FILE_MODE)  # whatever the umask was
        finally:
            os.close(descriptor)
        created = created or index == 0
    return created


def _private_folder(folder: Path) -> None:
    """Create `folder` 0700; an existing one loses any access by others, but gains
    nothing (a folder made read-only on purpose stays so)."""
    if not folder.is_dir():
        ensure_private_dir(folder)
    elif os.name == "posix":
        mode = stat.S_IMODE(folder.stat().st_mode)
        if mode & 0o077:
            folder.chmod(mode & 0o700)


def _fix_permissions(path: Path) -> None:
    """0600 for the database and whichever side files SQLite has made."""
    for file in (path, *_side_files(path)):
        with contextlib.suppress(FileNotFoundError):
            _chmod_private(file)


def _chmod_private(file: Path) -> None:
    """Take away every access but the owner's reading and writing (adding none: a
    file made read-only on purpose stays so)."""
    if os.name != "posix":
        return
    mode = stat.S_IMODE(file.stat().st_mode)
    if mode & ~_FILE_MODE:
        file.chmod(mode & _FILE_MODE)


def write_backup(source: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of `source` at `target`: SQLite's backup API into a private
    temporary file beside it, checked (`quick_check`), synced, then renamed over
    `target`. Raises sqlite3.Error, OSError, or JournalError ("corrupt") when the copy
    is damaged; `target` is then left as it was."""
    folder = ensure_private_dir(target.parent)
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _FILE_MODE)
    try:
        if os.name == "posix":
            os.fchmod(descriptor, _FILE_MODE)
        os.close(descriptor)
        copy = sqlite3.connect(str(temporary), isolation_level=None)
        try:
            for connection in (source, copy):  # as on every connection to a journal
                connection.execute("PRAGMA secure_delete = ON")
            source.backup(copy)  # in one step: a single consistent snapshot
            # A standalone file: no write-ahead log beside a backup.
            copy.execute("PRAGMA journal_mode = DELETE")
            problems = [row[0] for row in copy.execute("PRAGMA quick_check")]
        finally:
            copy.close()
        if problems != ["ok"]:
            raise JournalError(
                "corrupt",
                "The copy of your journal came out damaged, so it was not kept.",
                detail="; ".join(str(p) for p in problems[:5]),
            )
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        temporary.replace(target)
    except BaseException:
        for leftover in (temporary, *_side_files(temporary), Path(f"{temporary}-journal")):
            leftover.unlink(missing_ok=True)
        raise
    sync_folder(folder)


def _side_files(path: Path) -> tuple[Path, ...]:
    """The -wal and -shm files of the database at `path`."""
    return tuple(path.with_name(path.name + suffix) for suffix in SIDE_SUFFIXES)


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def _newer(version: int, ours: int) -> JournalError:
    return JournalError(
        "newer",
        f"Your journal was made by a newer version of Attune (schema {version}; this one "
        f"reads {ours}). It was not changed. Please use the newer Attune.",
    )


# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_NOTADB = 26
_READONLY_ERRNOS: Final = {errno.EACCES, errno.EPERM, errno.EROFS}
_FULL_ERRNOS: Final = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}


#: Less free space than this where the journal is, and an I/O error means a full disk.
NEARLY_FULL: Final = 1024 * 1024


def classify(error: BaseException, folder: Path | None = None) -> ErrorKind:
    """The kind of a sqlite3 or OS error. Given the journal's `folder`, an I/O error
    there while its disk is (nearly) full is "full": SQLite says SQLITE_FULL only
    where it writes pages, and a plain "disk I/O error" where it cannot grow the
    `-shm` file or sync."""
    kind = _kind(error)
    if kind == "other" and folder is not None and _io_error(error) and _disk_full(folder):
        return "full"
    return kind


def _io_error(error: BaseException) -> bool:
    if isinstance(error, sqlite3.Error):
        code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
        return code == _SQLITE_IOERR or "disk i/o error" in str(error).lower()
    return isinstance(error, OSError) and error.errno == errno.EIO


def _disk_full(folder: Path) -> bool:
    """Whether the disk of `folder` has (nearly) no room left for this user."""
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL
    except OSError:
        return False


def _kind(error: BaseException) -> ErrorKind:
    if isinstance(error, sqlite3.Error):
        code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
        text = str(error).lower()
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in text:
            return "locked"
        if code in (_SQLITE_READONLY, _SQLITE_PERM) or "readonly" in text:
            return "readonly"
        if code == _SQLITE_FULL or "database or disk is full" in text:
            return "full"
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or (
            "malformed" in text or "not a database" in text
        ):
            return "corrupt"
        if code == _SQLITE_CANTOPEN:
            return "readonly"  # the file or its folder may not be written (or read)
        if code == _SQLITE_IOERR and isinstance(error.__cause__, OSError):
            return _kind(error.__cause__)
        return "other"
    if isinstance(error, OSError):
        if error.errno in _READONLY_ERRNOS:
            return "readonly"
        if error.errno in _FULL_ERRNOS:
            return "full"
    return "other"


_MESSAGES: Final[dict[str, str]] = {
    "corrupt": "Your journal file is damaged, so it could not be {doing}.",
    "locked": (
        "Your journal is in use by another program (is Attune open twice?), so it could "
        "not be {doing}. Close the other one and try again."
    ),
    "readonly": (
        "Attune may not write to your journal (the file or its folder is read-only), so "
        "it could not be {doing}."
    ),
    "full": (
        "The disk is full, so your journal could not be {doing}. Nothing was lost: what "
        "was saved before is safe. Free some space and try again."
    ),
    # A save that did not happen: what was being saved is still in the window.
    "full-save": (
        "The disk is full, so your journal could not be {doing}. Nothing was lost: what "
        "was saved before is safe, and what you typed stays on screen until it can be "
        "saved. Free some space and try again."
    ),
    "other": "Your journal could not be {doing} ({detail}).",
}


@contextlib.contextmanager
def _translated(doing: str, folder: Path | None = None) -> Iterator[None]:
    """Turn sqlite3 and OS errors into JournalError with a plain message (`folder`:
    the journal's, to tell a full disk; see `classify`)."""
    try:
        yield
    except (sqlite3.Error, OSError) as error:
        kind = classify(error, folder)
        detail = str(error) or type(error).__name__
        saving = kind == "full" and doing in ("saved", "changed")
        message = _MESSAGES["full-save" if saving else kind].format(doing=doing, detail=detail)
        raise JournalError(kind, message, detail=detail) from error
