"""A consistent, private, standalone copy of an open journal (`write_backup`); a
locked journal's copy is encrypted under the same data key, page by page as it is
written, so no plain byte reaches the disk and restoring it is putting the file back.

The keeping of daily backups, and restoring one, is `journal_backups`'s job.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.storage.journal.connections import connect
from desktop_app.storage.journal.errors import JournalError
from desktop_app.storage.journal.files import FILE_MODE, side_files
from desktop_app.storage.paths import ensure_private_dir
from desktop_app.storage.private_files import sync_folder

if TYPE_CHECKING:
    import sqlite3

    from desktop_app.storage.lock.data_key import DataKey


def write_backup(source: sqlite3.Connection, target: Path, key: DataKey | None = None) -> None:
    """A consistent copy of `source` (a journal connection, keyed with `key` when the
    journal is locked) at `target`: SQLite's backup API into a private temporary file
    beside it, keyed the same, checked (`quick_check`), synced, then renamed over
    `target`. Raises sqlite3 or sqlcipher3 errors, OSError, or JournalError
    ("corrupt") when the copy is damaged; `target` is then left as it was."""
    folder = ensure_private_dir(target.parent)
    temporary = target.with_name(f".{target.name}.{os.urandom(6).hex()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        if os.name == "posix":
            os.fchmod(descriptor, FILE_MODE)
        os.close(descriptor)
        copy = connect(temporary, key)
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
        for leftover in (temporary, *side_files(temporary), Path(f"{temporary}-journal")):
            leftover.unlink(missing_ok=True)
        raise
    sync_folder(folder)
