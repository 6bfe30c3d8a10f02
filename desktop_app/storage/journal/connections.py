"""The SQLite connections the journal makes, each set up the same way.

Every connection has `secure_delete` on, so deleted content is overwritten, and
sorts in memory (`temp_store`), so journal text never spills into temporary files.
Every connection that writes has `synchronous=FULL` (with WAL: a committed change
survives a crash or a power cut) and enforces foreign keys.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Final

from desktop_app.storage.journal.errors import classify
from desktop_app.storage.journal.files import side_files

#: How long to wait for another connection's write lock before reporting "locked".
BUSY_TIMEOUT: Final = 2.0

#: Set on every connection that writes (and `secure_delete` on every one).
WRITING_PRAGMAS: Final = (
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
)


def writing_connection(path: Path) -> sqlite3.Connection:
    """A connection to the journal that may write, set up as the journal's own."""
    connection = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
    )
    try:
        for pragma in WRITING_PRAGMAS:
            connection.execute(pragma)
    except BaseException:
        connection.close()
        raise
    return connection


def reading_connection(path: Path) -> sqlite3.Connection:
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
        log = side_files(path)[0]
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


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back the transaction under way, if any (quietly: it is a way out)."""
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
