"""Opening an encrypted (SQLCipher) journal with its data key.

The key is given raw (`PRAGMA key = "x'…'"`) as the connection's first statement, so
SQLCipher skips its own PBKDF2 (whose default 256,000 rounds would add 70–120 ms to
every connection here): the slow derivation happened once, when Argon2id unwrapped
the key. SQLCipher 4's settings are kept otherwise (AES-256-CBC, 4 KiB
pages, the same as the plain journal's; HMAC-SHA512 over every page, so a changed or
damaged page is found whenever it is read), named on every connection
(`cipher_compatibility`). Every connection sorts in memory (`temp_store`), as the
plain journal's do; SQLCipher encrypts its write-ahead log and rollback journal page
by page, as the database itself.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Final

from desktop_app.storage.lock import sqlcipher
from desktop_app.storage.lock.data_key import DataKey
from desktop_app.storage.lock.errors import LockError

#: The page cache of an encrypted connection, in KiB (SQLite's negative form): pages
#: are kept decrypted once read, so a 10,000-entry journal (16 MB) read whole by
#: `quick_check` at open is searched without decrypting a page twice; SQLCipher's
#: default of 8 MB made opening and searching 1.5× the plain journal, this 1.2×
#: (bench/bench_lock.py). Memory grows only as pages are read.
CACHE_SIZE: Final = -32 * 1024


def apply_key(connection: sqlite3.Connection, key: DataKey) -> None:
    """Key a fresh sqlcipher3 connection, set it up as an encrypted journal's, and
    prove the key opens it: LockError ("wrong-key") when it does not. Must come
    before any other statement."""
    connection.execute(key.sqlcipher_pragma())
    # SQLCipher 4's settings by name, so a later SQLCipher with other defaults still
    # reads the file (they are not stored in it).
    connection.execute("PRAGMA cipher_compatibility = 4")
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as error:
        if sqlcipher.error_code(error) != sqlcipher.NOT_A_DATABASE:
            raise
        raise LockError(
            "wrong-key",
            "Your journal could not be opened with its key: the journal is damaged, or "
            "its key file belongs to another journal.",
            detail=str(error),
        ) from None
    connection.execute(f"PRAGMA cache_size = {CACHE_SIZE}")
    connection.execute("PRAGMA temp_store = MEMORY")


def open_encrypted(
    path: Path, key: DataKey, *, read_only: bool = False, timeout: float = 5.0
) -> sqlite3.Connection:
    """A connection to the encrypted database at `path` (made, when there is none and
    not `read_only`). LockError "wrong-key" when `key` does not open it; sqlcipher
    errors (see `sqlcipher.Error`) for what would fail a plain database too."""
    if read_only:
        connection = sqlcipher.connect(
            path.absolute().as_uri() + "?mode=ro", timeout=timeout, uri=True
        )
    else:
        connection = sqlcipher.connect(path, timeout=timeout)
    try:
        apply_key(connection, key)
    except BaseException:
        connection.close()
        raise
    return connection
