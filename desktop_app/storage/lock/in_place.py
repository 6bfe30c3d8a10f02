"""Converting one database file between plain SQLite and SQLCipher, in place, so
that a crash at any moment leaves the old file or the new one, whole, at its path.

1. The source is checked (`quick_check`: a damaged journal is not converted, since
   its damaged pages could be left out without a word), switched out of write-ahead
   logging (`journal_mode = DELETE`: SQLite
   moves the log into the file and removes it), so the file alone holds everything
   and no log of the old kind is left beside the new file; then it is locked
   (exclusive, for the whole conversion) so no one writes to it meanwhile.
2. `sqlcipher_export` copies every table, index, trigger and the search index into a
   new file beside it (0600, a temporary name with this process's id, which the
   sweep at every start removes when a crash leaves it), keyed or plain; the
   schema version (`user_version`) and `application_id` are copied too.
3. The copy is checked (`quick_check`) through a connection of its own, synced, and
   renamed over the source in one step; the folder is synced.
4. When the source was plain, its old bytes are overwritten with zeros through a
   handle kept open across the rename (best effort: a copy-on-write file system or
   an SSD may keep the old blocks; docs/journal-lock.md says so).

The caller must have closed every connection to the database (Attune keeps one
process at a time); one still open elsewhere makes step 1 fail with "locked".
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final

from desktop_app.storage.lock import sqlcipher
from desktop_app.storage.lock.data_key import DataKey
from desktop_app.storage.lock.encrypted_db import apply_key, open_encrypted
from desktop_app.storage.lock.errors import LockError
from desktop_app.storage.lock.state import database_kind
from desktop_app.storage.private_files import (
    live,
    private_file,
    sync_folder,
    temporary_name,
)

#: Files SQLite may keep beside a database.
_SIDE_SUFFIXES: Final = ("-wal", "-shm", "-journal")
_ZEROS: Final = bytes(1 << 20)


def encrypt_in_place(path: Path, key: DataKey) -> bool:
    """Make the plain database at `path` an encrypted one under `key`. Returns False
    (and does nothing) when it is missing, empty or not plain."""
    if database_kind(path) != "plain":
        return False
    with _old_bytes_erased_after(path):
        _convert(path, sqlcipher.connect, attach_key=f"x'{key.raw.hex()}'", check=key)
    return True


def decrypt_in_place(path: Path, key: DataKey) -> bool:
    """Make the encrypted database at `path` (under `key`) a plain one. Returns False
    (and does nothing) when it is missing, empty or already plain; LockError
    "wrong-key" when `key` does not open it."""
    if database_kind(path) != "encrypted":
        return False
    _convert(path, lambda source: open_encrypted(Path(source), key), attach_key="", check=None)
    return True


def _convert(
    path: Path,
    open_source: Callable[[Path], sqlite3.Connection],
    *,
    attach_key: str,
    check: DataKey | None,
) -> None:
    name = temporary_name(".sqlite3")
    copy = path.with_name(name)
    with live(name):
        try:
            os.close(private_file(copy))  # 0600 before SQLite writes a byte
            source = open_source(path)
            try:
                _export(source, copy, attach_key)
            finally:
                source.close()
            _check_copy(copy, check)
            with copy.open("rb+") as written:
                os.fsync(written.fileno())
            _remove_stale_side_files(path)
            copy.replace(path)
        except BaseException:
            for leftover in (copy, *_side_files(copy)):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            raise
    sync_folder(path.parent)


def _export(source: sqlite3.Connection, copy: Path, attach_key: str) -> None:
    _check(source, "Your journal is damaged, so it was not converted. It was not changed.")
    mode = source.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    if str(mode).lower() != "delete":
        raise sqlcipher.OperationalError(f"the database stays in {mode} mode")
    source.execute("PRAGMA locking_mode = EXCLUSIVE")
    source.execute("PRAGMA temp_store = MEMORY")
    source.execute("BEGIN EXCLUSIVE")  # taken now and held until the connection closes
    source.execute("COMMIT")
    user_version = source.execute("PRAGMA user_version").fetchone()[0]
    application_id = source.execute("PRAGMA application_id").fetchone()[0]
    source.execute("ATTACH DATABASE ? AS converted KEY ?", (str(copy), attach_key))
    source.execute("BEGIN IMMEDIATE")
    source.execute("SELECT sqlcipher_export('converted')").fetchall()
    source.execute(f"PRAGMA converted.user_version = {int(user_version)}")
    source.execute(f"PRAGMA converted.application_id = {int(application_id)}")
    source.execute("COMMIT")
    source.execute("DETACH DATABASE converted")


def _check_copy(copy: Path, key: DataKey | None) -> None:
    connection = sqlcipher.connect(copy)
    try:
        if key is not None:
            apply_key(connection, key)
        _check(
            connection,
            "The converted copy of your journal came out damaged, so it was not used. "
            "Your journal was not changed.",
        )
    finally:
        connection.close()


def _check(connection: sqlite3.Connection, message: str) -> None:
    """LockError ("damaged", `message`) unless `quick_check` finds nothing wrong: a
    damaged page could otherwise be left out of the copy without a word."""
    try:
        problems = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
    except sqlcipher.DatabaseError as error:
        problems = [str(error)]
    if problems != ["ok"]:
        raise LockError("damaged", message, detail="; ".join(problems[:5]))


def _remove_stale_side_files(path: Path) -> None:
    """After step 1 nothing beside the database holds data of its own: a log or
    journal there now (written by someone who ignored the lock) would be applied to
    the new file, so it stops the conversion; an empty one and `-shm` go."""
    for side in _side_files(path):
        try:
            size = side.stat().st_size
        except FileNotFoundError:
            continue
        if size and not side.name.endswith("-shm"):
            raise sqlcipher.OperationalError(f"{side.name} appeared during the conversion")
        side.unlink()


def _side_files(path: Path) -> tuple[Path, ...]:
    return tuple(path.with_name(path.name + suffix) for suffix in _SIDE_SUFFIXES)


@contextlib.contextmanager
def _old_bytes_erased_after(path: Path) -> Iterator[None]:
    """Keep a handle on the plain file at `path`; once the block has replaced it,
    overwrite the old bytes with zeros (POSIX, where a replaced file stays open)."""
    if os.name != "posix":
        yield
        return
    old = os.open(path, os.O_RDWR)
    try:
        yield
        _overwrite(old)
    finally:
        os.close(old)


def _overwrite(descriptor: int) -> None:
    with contextlib.suppress(OSError):
        remaining = os.fstat(descriptor).st_size
        os.lseek(descriptor, 0, os.SEEK_SET)
        while remaining > 0:
            remaining -= os.write(descriptor, _ZEROS[: min(remaining, len(_ZEROS))])
        os.fsync(descriptor)
