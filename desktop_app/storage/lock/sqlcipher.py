"""sqlcipher3 (SQLCipher 4, a drop-in for the standard sqlite3 module) with types.

sqlcipher3 ships no type information, so this is the one place that imports it:
its connections have the standard library's `sqlite3.Connection` interface and are
typed as such (for the type checker only: the standard library's SQLite, 1.9 MiB, is
not loaded beside it), and its exceptions are given names here. They are not sqlite3's
own classes: every connection Attune makes is sqlcipher3's, so these are the errors to
catch.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final, cast

import sqlcipher3  # type: ignore[import-untyped]  # no stubs: typed by this module

if TYPE_CHECKING:
    import sqlite3

#: The base of every sqlcipher3 database error (it carries `sqlite_errorcode`).
Error: Final[type[Exception]] = sqlcipher3.Error
DatabaseError: Final[type[Exception]] = sqlcipher3.DatabaseError
OperationalError: Final[type[Exception]] = sqlcipher3.OperationalError
#: What to catch where a database error may come: any database error, "database"
#: errors (damage among them), operational errors.
ERRORS: Final[tuple[type[Exception], ...]] = (sqlcipher3.Error,)
DATABASE_ERRORS: Final[tuple[type[Exception], ...]] = (sqlcipher3.DatabaseError,)
OPERATIONAL_ERRORS: Final[tuple[type[Exception], ...]] = (sqlcipher3.OperationalError,)
#: The version of the SQLite inside sqlcipher3 (the journal's SQLite).
SQLITE_VERSION: Final[str] = sqlcipher3.sqlite_version
#: SQLite's primary result code for "file is not a database" (SQLITE_NOTADB): what a
#: wrong key gives, as does a file that is no database at all.
NOT_A_DATABASE: Final = 26

_quiet = False


def connect(target: Path | str, *, timeout: float = 5.0, uri: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (`isolation_level=None`, as the journal's own),
    usable from any thread the caller serialises. SQLCipher's log on standard error
    is silenced first: a wrong key must be a message to the person, not log lines."""
    _silence_log()
    connection = sqlcipher3.connect(
        str(target), timeout=timeout, uri=uri, isolation_level=None, check_same_thread=False
    )
    return cast("sqlite3.Connection", connection)


def versions() -> str:
    """SQLCipher's and its SQLite's versions, for logs and the bench."""
    probe = sqlcipher3.connect(":memory:")
    try:
        cipher = probe.execute("PRAGMA cipher_version").fetchone()[0]
    finally:
        probe.close()
    return f"SQLCipher {cipher} (SQLite {sqlcipher3.sqlite_version})"


def error_code(error: BaseException) -> int:
    """SQLite's primary result code of a sqlcipher3 error; 0 if none."""
    return (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF


def _silence_log() -> None:
    """SQLCipher writes an ERROR line to standard error when a page does not decrypt
    (a wrong key); its log level is process-wide, set once."""
    global _quiet
    if _quiet:
        return
    probe = sqlcipher3.connect(":memory:")
    try:
        probe.execute("PRAGMA cipher_log_level = NONE").fetchall()
    finally:
        probe.close()
    _quiet = True
