"""A consistent, private, standalone copy of an open journal (`write_backup`).

The keeping of daily backups, and restoring one, is `journal_backups`'s job.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from pathlib import Path

from desktop_app.storage.journal.errors import JournalError
from desktop_app.storage.journal.files import FILE_MODE, side_files
from desktop_app.storage.paths import ensure_private_dir
from desktop_app.storage.private_files import sync_folder


def write_backup(source: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of `source` at `target`: SQLite's backup API into a private
    temporary file beside it, checked (`quick_check`), synced, then renamed over
    `target`. Raises sqlite3.Error, OSError, or JournalError ("corrupt") when the copy
    is damaged; `target` is then left as it was."""
    folder = ensure_private_dir(target.parent)
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        if os.name == "posix":
            os.fchmod(descriptor, FILE_MODE)
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
        for leftover in (temporary, *side_files(temporary), Path(f"{temporary}-journal")):
            leftover.unlink(missing_ok=True)
        raise
    sync_folder(folder)
