"""The SQLite connections the journal makes, each set up the same way.

Every connection goes through sqlcipher3 (`storage/lock/sqlcipher`), the plain journal's
too: two SQLite libraries in one process do not see each other's file locks, so a
journal open through one could be changed under it through the other. A locked
journal's connections are keyed first (`encrypted_db.apply_key`: the data key, SQLCipher
4's settings, a 32 MiB page cache); a key that does not open the file is a JournalError
"wrong-key".

Every connection has `secure_delete` on, so deleted content is overwritten, and
sorts in memory (`temp_store`), so journal text never spills into temporary files.
Every connection that writes has `synchronous=FULL` (with WAL: a committed change
survives a crash or a power cut) and enforces foreign keys.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Final

from desktop_app.storage.journal.errors import JournalError, classify
from desktop_app.storage.journal.files import side_files
from desktop_app.storage.lock import sqlcipher

if TYPE_CHECKING:  # the cryptography is loaded only for a locked journal
    import sqlite3

    from desktop_app.storage.lock.data_key import DataKey

#: How long to wait for another connection's write lock before reporting "locked".
BUSY_TIMEOUT: Final = 2.0

#: Set on every connection that writes (and `secure_delete` on every one).
WRITING_PRAGMAS: Final = (
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
)


def connect(target: Path | str, key: DataKey | None, *, uri: bool = False) -> sqlite3.Connection:
    """A connection to the journal (or a copy of it) at `target`, keyed when `key` is
    given: JournalError "wrong-key" when it does not open the file."""
    connection = sqlcipher.connect(target, timeout=BUSY_TIMEOUT, uri=uri)
    if key is None:
        return connection
    from desktop_app.storage.lock.encrypted_db import apply_key
    from desktop_app.storage.lock.errors import LockError

    try:
        apply_key(connection, key)
    except LockError as error:
        connection.close()
        raise JournalError("wrong-key", error.message, detail=error.detail) from None
    except BaseException:
        connection.close()
        raise
    return connection


def writing_connection(path: Path, key: DataKey | None = None) -> sqlite3.Connection:
    """A connection to the journal that may write, set up as the journal's own."""
    connection = connect(path, key)
    try:
        for pragma in WRITING_PRAGMAS:
            connection.execute(pragma)
    except BaseException:
        connection.close()
        raise
    return connection


def reading_connection(path: Path, key: DataKey | None = None) -> sqlite3.Connection:
    """A read-only connection (`mode=ro`); where that cannot even make or grow the
    `-shm` file (a read-only folder, a full disk) and the write-ahead log holds
    nothing, one that takes the file as unchanging (`immutable`)."""
    base = path.absolute().as_uri()
    try:
        return _reading(base + "?mode=ro", key)
    except sqlcipher.ERRORS as error:
        log = side_files(path)[0]
        if classify(error, path.parent) not in ("readonly", "full") or (
            log.exists() and log.stat().st_size > 0
        ):
            raise
    return _reading(base + "?immutable=1", key)


def _reading(uri: str, key: DataKey | None) -> sqlite3.Connection:
    connection = connect(uri, key, uri=True)
    try:
        _set_reading_pragmas(connection)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the log
    except BaseException:
        connection.close()
        raise
    return connection


def _set_reading_pragmas(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA secure_delete = ON")  # on every connection
    connection.execute("PRAGMA temp_store = MEMORY")
    connection.execute("PRAGMA query_only = ON")


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back the transaction under way, if any (quietly: it is a way out)."""
    if conn.in_transaction:
        with contextlib.suppress(*sqlcipher.ERRORS):
            conn.execute("ROLLBACK")
