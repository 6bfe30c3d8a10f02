"""The journal file, open: `Journal`, every practice session and the answers given.

- **Durable.** WAL mode with `synchronous=FULL`: when `add` returns, the session is
  on disk and survives a crash or a power cut. Every change is one transaction.
- **Private.** Its files are 0600 in a 0700 folder (`files`); `secure_delete`
  overwrites deleted content; after a delete (or an edit that takes words away),
  the search index is made anew in the same transaction and the write-ahead log
  truncated, so a deleted entry's words do not linger in the file.
- **Checked before it is written.** Opening refuses a newer or damaged journal
  without changing it (`schema`), and ends with a write transaction, so a journal
  that is locked by another program or read-only is reported at once, not at the
  first save. One that cannot be written (read-only, or its disk full) can still be
  read: `open_read_only`, `open_to_read`.
- **Locked or plain, one path.** A locked journal (issue 16, docs/journal-lock.md) is
  opened with its data key, which keys every connection (`connections`); everything
  else is the same. Its header is random, so the header's checks are skipped, and
  the version is read through the key.

One `Journal` may be used from several threads: a lock serialises its connection.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from desktop_app.storage.journal import drafts, figures, schema
from desktop_app.storage.journal.backup import write_backup
from desktop_app.storage.journal.connections import (
    connect,
    reading_connection,
    rollback,
    writing_connection,
)
from desktop_app.storage.journal.errors import (
    DATABASE_OR_OS_ERRORS,
    ErrorKind,
    JournalError,
    cannot_save,
    damaged_journal,
    locked_journal,
    translated,
)
from desktop_app.storage.journal.files import (
    create_private,
    fix_permissions,
    has_content,
    private_folder,
)
from desktop_app.storage.journal.records import NewSession, SearchHit, SessionEntry, StoredAnswer
from desktop_app.storage.journal.rows import (
    INSERT_ANSWER,
    INSERT_SESSION,
    SESSION_COLUMNS,
    answer_rows,
    entries_from_rows,
    session_filters,
    session_row,
    where,
)
from desktop_app.storage.journal.schema import Migration
from desktop_app.storage.journal.search import Snippets, find_hits, fts_query, require_fts5
from desktop_app.storage.journal.search_index import (
    index_is_sound,
    index_is_sound_on,
    index_session,
    keeps_words,
    merge_index,
    rebuild_index,
    session_document,
)
from desktop_app.storage.lock import sqlcipher
from desktop_app.storage.lock.state import database_kind, key_file_of
from desktop_app.storage.private_files import sync_folder

if TYPE_CHECKING:
    import sqlite3

    from desktop_app.storage.lock.data_key import DataKey

_T = TypeVar("_T")
#: What stops a repair of the search index (the save's own error is then raised).
_REPAIR_FAILURES: tuple[type[Exception], ...] = (*DATABASE_OR_OS_ERRORS, JournalError)


class Journal:
    """The journal file, open. Make one with `Journal.open(path)`."""

    #: Migration n takes the journal from version n to n + 1.
    MIGRATIONS: ClassVar[tuple[Migration, ...]] = (schema.migrate_to_1,)
    SCHEMA_VERSION: ClassVar[int] = 1

    def __init__(
        self, path: Path, connection: sqlite3.Connection, key: DataKey | None = None
    ) -> None:
        """Use `Journal.open`."""
        self.path = path
        self._conn: sqlite3.Connection | None = connection
        #: The data key of a locked journal (None for a plain one): every connection
        #: and copy is keyed with it.
        self._key = key
        self._lock = threading.RLock()
        self._snippets = Snippets()
        #: Whether the search index was found damaged (at open, or by a save) and
        #: made again from the journal's tables (nothing is lost: it is derived).
        self.index_rebuilt = False
        # A log that still holds deleted words, its truncation stopped by a reader.
        self._log_owed = False
        #: Whether every page was checked at open (`quick_check`). Not for a locked
        #: journal: SQLCipher authenticates each page whenever it is read, so damage
        #: shows at any read as "corrupt", and reading all 4,000 pages of a
        #: 10,000-entry journal at open made it 1.3–1.4× the plain journal's open
        #: and search (bench/bench_lock.py). `check_pages` does it, for the caller to
        #: run in the background, off the window's thread.
        self.pages_checked = True
        #: Opened with `open_read_only`: it is read, and saving fails.
        self.read_only = False
        self._cannot_write: ErrorKind = "readonly"

    # --- opening and closing -------------------------------------------------------

    @classmethod
    def open(cls, path: Path, key: DataKey | None = None) -> Journal:
        """Open the journal at `path`, creating it (and its private folder) if needed;
        a locked journal with its data key `key` (a new journal made with a key is
        made locked).

        Raises JournalError ("wrong-key" when `key` does not open the journal, or a
        locked one is opened without its key). A journal that is newer, damaged or
        not a database is left exactly as it was.
        """
        with schema.header_blamed(path):
            return cls._open(path, key)

    @classmethod
    def _open(cls, path: Path, key: DataKey | None) -> Journal:
        """`open`, as SQLite's errors say it."""
        if len(cls.MIGRATIONS) != cls.SCHEMA_VERSION:
            raise RuntimeError("Journal.MIGRATIONS must hold SCHEMA_VERSION migrations")
        require_fts5()
        with translated("opened", path.parent):
            _refuse_locked_without_key(path, key)
            private_folder(path.parent)
            if not path.exists() and has_content(path):
                # A log without its database: SQLite would read it into a new, empty
                # file. Kept as it is, to be moved aside with `move_aside`.
                raise JournalError(
                    "corrupt",
                    "Your journal file is missing, though its log is still there, so it "
                    "could not be opened. Attune did not change anything.",
                    detail=f"{path.name} is missing; {path.name}-wal is not",
                )
            # Whether the search index is sound, as the read-only look found it (None:
            # no such look was taken). A locked journal is checked on the connection
            # that keeps it instead, still before anything is written: its header
            # (what the look is first for) is random, and the pages it decrypts stay
            # in that connection's cache for what is read next.
            if not has_content(path):
                index_sound: bool | None = True
            elif key is not None:
                # The key proven before any file is made beside the journal.
                connect(path.absolute().as_uri() + "?mode=ro", key, uri=True).close()
                index_sound = None
            else:
                index_sound = schema.verify_read_only(path, cls.MIGRATIONS, cls.SCHEMA_VERSION)
            created = create_private(path)
            # Set up (synchronous, secure_delete) before anything is written.
            connection = writing_connection(path, key)
        try:
            with translated("opened", path.parent):
                checked_here = index_sound is None
                if checked_here:
                    # A locked journal's pages are not read whole here (see
                    # `pages_checked`): the version and the schema are.
                    schema.verify(connection, cls.MIGRATIONS, cls.SCHEMA_VERSION, pages=key is None)
                mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    raise JournalError(
                        "other",
                        "Your journal could not be opened: it cannot use a write-ahead log "
                        f"here (journal mode {mode}).",
                    )
                before = connection.execute("PRAGMA user_version").fetchone()[0]
                schema.migrate(connection, cls.MIGRATIONS, cls.SCHEMA_VERSION)
                if key is not None:
                    # On the connection that goes on: the index's pages stay decrypted.
                    index_sound = index_is_sound_on(connection)
                elif index_sound is None or before != cls.SCHEMA_VERSION or not schema.CHECKS_INDEX:
                    # Its own check, on a connection of its own: none was made yet, or
                    # the journal was new or has just been brought up to date.
                    index_sound = index_is_sound(path)
                rebuilt = not index_sound
                if rebuilt:
                    rebuild_index(path, key)
                    if key is not None:  # it read the damaged index: one that has not goes on
                        connection.close()
                        connection = writing_connection(path, key)
                fix_permissions(path)
                if created:
                    sync_folder(path.parent)
        except BaseException:
            connection.close()
            raise
        journal = cls(path, connection, key)
        journal.index_rebuilt = rebuilt
        journal.pages_checked = key is None
        return journal

    @classmethod
    def open_read_only(
        cls, path: Path, reason: ErrorKind = "readonly", key: DataKey | None = None
    ) -> Journal:
        """Open the journal at `path` to read it and nothing else (an export, a backup),
        for when it cannot be written: a read-only file or folder, a full disk.

        Nothing is written, not even a `-shm` file where none can be made: the file is
        then read as unchanging (`immutable`), which is only done when no write-ahead
        log holds anything that would be missed. Checked as `open` checks it; every
        save through it fails with the kind `reason` ("readonly", or "full": why it
        could not be opened to write) and its message. A locked journal needs its
        `key`, as for `open`. Raises JournalError.
        """
        with schema.header_blamed(path):
            journal = cls._open_read_only(path, key)
        journal._cannot_write = reason
        return journal

    @classmethod
    def _open_read_only(cls, path: Path, key: DataKey | None) -> Journal:
        """`open_read_only`, as SQLite's errors say it."""
        require_fts5()
        with translated("opened", path.parent):
            if not path.is_file():
                raise JournalError(
                    "other", "There is no journal to read yet.", detail=f"{path} is missing"
                )
            _refuse_locked_without_key(path, key)
            if key is None:
                schema.refuse_newer_header(path, cls.SCHEMA_VERSION)
            connection = reading_connection(path, key)
        try:
            with translated("opened", path.parent):
                schema.verify(connection, cls.MIGRATIONS, cls.SCHEMA_VERSION)
        except BaseException:
            connection.close()
            raise
        journal = cls(path, connection, key)
        journal.read_only = True
        return journal

    def check_pages(self) -> None:
        """`quick_check` over the whole file, on a read-only connection of its own (so
        another thread may run it while the journal is used): JournalError "corrupt"
        when a page is damaged. What `open` does for a plain journal, for a locked one
        to be checked in the background (`pages_checked`)."""
        with translated("read", self.path.parent):
            connection = reading_connection(self.path, self._key)
            try:
                problems, _ = schema.page_problems(connection)
            finally:
                connection.close()
        if problems:
            raise damaged_journal("; ".join(problems[:5]))

    @classmethod
    def expected_schema(cls, version: int) -> frozenset[tuple[str, str]]:
        """(type, name) of every table, index, trigger and view that a journal of
        schema `version` holds: what the migrations make, made once in memory."""
        return schema.expected_schema(cls.MIGRATIONS, version)

    def close(self) -> None:
        """Close the journal (idempotent). The write-ahead log is folded in and removed."""
        with self._lock:
            self._snippets.close()
            if self._conn is not None:
                connection, self._conn = self._conn, None
                with contextlib.suppress(*sqlcipher.ERRORS):
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
        row, answers = session_row(session)
        return self._saving("saved", lambda conn: _insert(conn, row, answers))

    def add_many(self, sessions: Iterable[NewSession]) -> list[int]:
        """`add` for many sessions in one transaction (an import): all or none."""
        prepared = [session_row(session) for session in sessions]
        return self._saving(
            "saved", lambda conn: [_insert(conn, row, answers) for row, answers in prepared]
        )

    def get(self, entry_id: int) -> SessionEntry | None:
        with self._reading() as conn:
            entries = _entries_with_id(conn, entry_id)
        return entries[0] if entries else None

    def update_answers(self, entry_id: int, answers: tuple[StoredAnswer, ...]) -> None:
        """Replace an entry's answers. Raises KeyError for an unknown id."""
        rows = answer_rows(answers)

        def replace_answers(conn: sqlite3.Connection) -> bool:
            if conn.execute("SELECT 1 FROM sessions WHERE id = ?", (entry_id,)).fetchone() is None:
                raise KeyError(entry_id)
            before = session_document(conn, entry_id)
            conn.execute("DELETE FROM answers WHERE session_id = ?", (entry_id,))
            conn.executemany(INSERT_ANSWER, [(entry_id, *row) for row in rows])
            after = index_session(conn, entry_id)
            # After a practice the answers only grow: nothing leaves, nothing to merge.
            words_left = not all(map(keeps_words, before, after))
            if words_left:
                merge_index(conn)
            return words_left

        if self._saving("saved", replace_answers):
            self._truncate_log()

    def delete(self, entry_id: int) -> SessionEntry:
        """Delete an entry and its answers; returns it, for `restore` (undo).

        Raises KeyError for an unknown id.
        """

        def remove(conn: sqlite3.Connection) -> SessionEntry:
            entries = _entries_with_id(conn, entry_id)
            if not entries:
                raise KeyError(entry_id)
            conn.execute("DELETE FROM sessions WHERE id = ?", (entry_id,))
            merge_index(conn)
            return entries[0]

        removed = self._saving("changed", remove)
        self._truncate_log()
        return removed

    def restore(self, entry: SessionEntry) -> int:
        """Undo `delete`: add the entry again with its uid and answers, under its old
        id when that is still free. Returns its id."""
        row, answers = session_row(entry)
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
        clauses, params = session_filters(practice_id, kind, since, until)
        sql = (
            f"SELECT {SESSION_COLUMNS} FROM sessions{where(clauses)} "
            "ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?"
        )
        params += [-1 if limit is None else max(0, limit), max(0, offset)]
        with self._reading() as conn:
            return entries_from_rows(conn, conn.execute(sql, params).fetchall())

    def count(
        self,
        *,
        practice_id: str | None = None,
        kind: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> int:
        clauses, params = session_filters(practice_id, kind, since, until)
        sql = f"SELECT count(*) FROM sessions{where(clauses)}"
        with self._reading() as conn:
            return int(conn.execute(sql, params).fetchone()[0])

    def search(
        self,
        text: str,
        limit: int = 200,
        *,
        practice_id: str | None = None,
        kind: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> list[SearchHit]:
        """Entries whose title, prompts or answers hold every word of `text` (the last
        word may be the start of a word), newest first. Never a syntax error: the
        words are quoted. Empty or wordless text finds nothing.

        The filters narrow the hits as they narrow `entries` (`since` and `until` are
        local dates, both included), before `limit` counts them."""
        query = fts_query(text)
        if query is None or limit <= 0:
            return []
        filters = session_filters(practice_id, kind, since, until)
        with self._reading() as conn:
            return find_hits(conn, self._snippets, query, filters, limit)

    def practice_ids(self) -> list[tuple[str, str]]:
        """(practice id, its latest title) for every practice in the journal, by title."""
        with self._reading() as conn:
            return figures.latest_titles(conn)

    # --- figures -------------------------------------------------------------------

    def minutes_per_week(
        self, weeks: int = 12, *, today: date | None = None
    ) -> list[tuple[date, float]]:
        """Minutes practised in each of the last `weeks` weeks (Monday to Sunday, local
        time), oldest first, this week last; weeks without practice give 0.0."""
        if weeks <= 0:
            return []
        today = today or date.today()
        with self._reading() as conn:
            return figures.minutes_per_week(conn, weeks, today)

    def practices_by_kind(self) -> dict[str, int]:
        """Number of sessions of each kind of practice, most first."""
        with self._reading() as conn:
            return figures.practices_by_kind(conn)

    def average_change(self) -> list[tuple[str, str, float, int]]:
        """(practice id, latest title, mean change, sessions) per practice, by title.

        A session counts when a scale was asked before and after it (same question id);
        its change is after − before (the mean, if it had several such scales).
        """
        with self._reading() as conn:
            return figures.average_change(conn)

    # --- drafts --------------------------------------------------------------------

    def save_draft(self, key: str, payload: dict[str, object]) -> None:
        """Keep what is being typed under `key` (replacing what was there); durable on
        return. The payload must be JSON-serialisable (else ValueError or TypeError)."""
        text = drafts.draft_text(payload)
        with self._writing("saved") as conn:
            drafts.save_draft(conn, key, text)

    def drafts(self) -> dict[str, dict[str, object]]:
        """Every draft by key. A payload that cannot be read is left out."""
        with self._reading() as conn:
            return drafts.read_drafts(conn)

    def clear_draft(self, key: str) -> None:
        """Forget a draft (nothing happens for an unknown key)."""
        with self._writing("changed") as conn:
            drafts.clear_draft(conn, key)

    # --- backup --------------------------------------------------------------------

    def backup_to(self, target: Path) -> None:
        """Write a consistent copy of the journal to `target` (0600, atomically), with
        SQLite's backup API; other connections may go on writing meanwhile."""
        with self._lock, translated("backed up", self.path.parent):
            write_backup(self._connection(), target, self._key)

    # --- inside --------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise JournalError("other", "The journal is closed.")
        return self._conn

    @contextlib.contextmanager
    def _writing(self, doing: str) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed on success, rolled back on any error."""
        if self.read_only:
            raise cannot_save(self._cannot_write, doing)
        with self._lock, translated(doing, self.path.parent):
            conn = self._connection()
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                rollback(conn)
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
                problems, _ = schema.page_problems(self._connection())
                if problems or index_is_sound(self.path, self._key):
                    return False
                rebuild_index(self.path, self._key)
            except _REPAIR_FAILURES:
                return False
            self.index_rebuilt = True
            return True

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """One read transaction, so that several queries see the same journal."""
        with self._lock, translated("read", self.path.parent):
            conn = self._connection()
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                rollback(conn)

    def _truncate_log(self) -> None:
        """After a delete or an edit that took words away: fold the write-ahead log
        into the database and empty it, since it still holds the pages as they were.
        SQLite waits (up to `BUSY_TIMEOUT`) for a read under way in another
        connection or process; one that reads on still stops it, so it is tried again
        after each later change until it is done. Best effort: the change itself is
        already committed."""
        with self._lock, contextlib.suppress(JournalError), translated("changed"):
            busy, _, _ = self._connection().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            self._log_owed = bool(busy)


def open_to_read(path: Path, key: DataKey | None = None) -> Journal:
    """The journal, for a reader (export, backup): `Journal.open`, or when the journal
    cannot be written (read-only, or its disk full) `Journal.open_read_only`, since
    reading needs no writing. A locked journal needs its `key`."""
    try:
        return Journal.open(path, key)
    except JournalError as error:
        if error.kind not in ("readonly", "full"):
            raise
        return Journal.open_read_only(path, error.kind, key)


def _refuse_locked_without_key(path: Path, key: DataKey | None) -> None:
    """A locked journal (encrypted, its key file beside it) opened without its key is
    "wrong-key", not "damaged": it is whole. So is a key file with no journal yet (the
    lock was turned on before the first save): a journal made now without the key
    would be plain. (Without a key file, random bytes where the header should be
    cannot be told from damage, and are left to SQLite.)"""
    if key is None and database_kind(path) != "plain" and key_file_of(path).exists():
        raise locked_journal()


def _entries_with_id(conn: sqlite3.Connection, entry_id: int) -> list[SessionEntry]:
    rows = conn.execute(f"SELECT {SESSION_COLUMNS} FROM sessions WHERE id = ?", (entry_id,))
    return entries_from_rows(conn, rows.fetchall())


def _insert(
    conn: sqlite3.Connection,
    row: list[Any],
    answers: list[tuple[Any, ...]],
    wanted_id: int | None = None,
) -> int:
    """Insert a session (`rows.session_row`) with its answers and its search document,
    under `wanted_id` when that is free; a uid already there is not added again."""
    existing = conn.execute("SELECT id FROM sessions WHERE uid = ?", (row[0],)).fetchone()
    if existing is not None:
        return int(existing[0])
    if (
        wanted_id is not None
        and conn.execute("SELECT 1 FROM sessions WHERE id = ?", (wanted_id,)).fetchone()
    ):
        wanted_id = None
    cursor = conn.execute(INSERT_SESSION, [wanted_id, *row])
    entry_id = cursor.lastrowid
    assert entry_id is not None
    conn.executemany(INSERT_ANSWER, [(entry_id, *answer) for answer in answers])
    index_session(conn, entry_id)
    return entry_id
