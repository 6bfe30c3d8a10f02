"""A daily backup of a locked journal: a consistent copy encrypted under the same
data key, so restoring it is putting the file back, and it opens with the key file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop_app.storage.lock.data_key import DataKey
from desktop_app.storage.lock.encrypted_db import open_encrypted
from desktop_app.storage.lock.errors import LockError
from desktop_app.storage.paths import ensure_private_dir
from desktop_app.storage.private_files import replacing


def write_encrypted_backup(source: sqlite3.Connection, target: Path, key: DataKey) -> None:
    """Copy the encrypted journal open on `source` (keyed with `key`) to `target` with
    SQLite's backup API (one consistent snapshot, even while the journal is written),
    check it, then put it in place in one step (private, synced). The copy is
    encrypted page by page as it is written: no plain byte reaches the disk. Raises
    LockError ("damaged") when the copy comes out damaged; `target` is then left as
    it was. Its folder is made, private, when missing."""
    ensure_private_dir(target.parent)
    with replacing(target) as temporary:
        copy = open_encrypted(temporary, key)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # a standalone file: no log
            problems = [str(row[0]) for row in copy.execute("PRAGMA quick_check")]
        finally:
            copy.close()
        if problems != ["ok"]:
            raise LockError(
                "damaged",
                "The copy of your journal came out damaged, so it was not kept.",
                detail="; ".join(problems[:5]),
            )
