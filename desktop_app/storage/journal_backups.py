"""Daily copies of the journal, and what to do with a damaged one.

- `daily_backup`: one copy a day (`journal-YYYY-MM-DD.sqlite3`), the last seven
  kept. Made with SQLite's backup API from a read-only connection, so it is
  consistent even while the app writes, and checked before it replaces anything: a
  damaged journal never pushes good copies out.
- `move_aside` (journal_leftovers): a damaged journal, with its `-wal` and `-shm`
  files (which may hold its latest sessions), renamed to
  `journal.damaged-<timestamp>.sqlite3`; never over an existing file. Nothing is ever
  deleted.
- `restore_backup`: a copy put in the journal's place atomically (a temporary file,
  synced, then renamed). A journal still there is moved aside first.

All files are 0600, in a 0700 folder. A locked journal's copies are encrypted under
its data key (`key`), as the journal is: restoring one is putting it back, and it
opens with the same key file.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Final

from desktop_app.storage.journal import (
    Journal,
    JournalError,
    classify,
    write_backup,
)
from desktop_app.storage.journal.connections import connect
from desktop_app.storage.journal.header import read_header
from desktop_app.storage.journal.schema import page_problems
from desktop_app.storage.journal_leftovers import FILE_MODE, exists, move_aside, side_files
from desktop_app.storage.lock import sqlcipher
from desktop_app.storage.paths import ensure_private_dir
from desktop_app.storage.private_files import (
    live,
    replacing,
    sweep_once,
    sync_folder,
    temporary_name,
)

if TYPE_CHECKING:
    from desktop_app.storage.lock.data_key import DataKey

#: Daily copies kept.
KEEP: Final = 7
_NAME: Final = re.compile(r"^journal-(\d{4}-\d{2}-\d{2})\.sqlite3$")


def backup_name(day: date) -> str:
    return f"journal-{day.isoformat()}.sqlite3"


def daily_backup(
    journal_path: Path, backups_dir: Path, today: date, key: DataKey | None = None
) -> Path | None:
    """Make today's copy of the journal, unless there is one already (or no journal);
    then keep only the newest `KEEP` copies. Returns the new copy, or None. A locked
    journal's copy is encrypted with its data key `key`.

    Raises OSError when the copy cannot be made (the message says why in plain words);
    the copies already there are then left alone.
    """
    if not _has_database(journal_path):
        return None
    target = backups_dir / backup_name(today)
    if target.exists():
        return None
    try:
        ensure_private_dir(backups_dir)
        source = connect(_read_only_uri(journal_path), key, uri=True)
        try:
            # In a folder with a temporary name: whatever SQLite makes beside the copy
            # goes with it, and a crash leaves a name the next start removes.
            with replacing(target) as temporary:
                write_backup(source, temporary, key)
        finally:
            source.close()
    except JournalError as error:
        raise OSError(error.message) from error
    except sqlcipher.ERRORS as error:
        raise OSError(_plain(error)) from error
    for old in backups(backups_dir)[KEEP:]:
        if old != target:
            old.unlink(missing_ok=True)
    return target


def backups(backups_dir: Path) -> list[Path]:
    """The daily copies, newest first ([] when there are none)."""
    found: list[tuple[date, Path]] = []
    try:
        children = list(backups_dir.iterdir())
    except OSError:
        return []
    for path in children:
        match = _NAME.match(path.name)
        if not match or not path.is_file():
            continue
        try:
            day = date.fromisoformat(match.group(1))
        except ValueError:
            continue
        found.append((day, path))
    return [path for _, path in sorted(found, reverse=True)]


def restore_backup(backup: Path, journal_path: Path, key: DataKey | None = None) -> None:
    """Put a copy of `backup` in the journal's place, atomically. The backup is
    checked first (a locked journal's with its data key `key`); a journal (or a
    leftover -wal or -shm) still at `journal_path` is moved aside, never deleted.

    Raises JournalError ("corrupt", "newer", "wrong-key") for a backup that cannot be
    used, and OSError when the copy cannot be written; the journal is then left as it
    was.
    """
    _check_backup(backup, key)
    folder = ensure_private_dir(journal_path.parent)
    sweep_once(folder)
    with live(temporary_name()) as name:
        _restore(backup, journal_path, folder / name)
    sync_folder(folder)


def _restore(backup: Path, journal_path: Path, base: Path) -> None:
    """1. the copy written to `<base>.restoring` and synced; 2. renamed `<base>.restored`
    (whole); 3. the journal moved aside; 4. the copy renamed into its place. A crash
    after 2 is finished by `journal_leftovers.recover`; a failure after 3 leaves it for
    `recover` too."""
    temporary = base.with_name(f"{base.name}.restoring")
    complete = base.with_name(f"{base.name}.restored")
    moved = False
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        with os.fdopen(descriptor, "wb") as out:
            if os.name == "posix":
                os.fchmod(out.fileno(), FILE_MODE)
            with backup.open("rb") as source:
                shutil.copyfileobj(source, out, 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
        temporary.replace(complete)
        sync_folder(base.parent)
        # A -wal left beside the new file would be read into it: move it all aside.
        if any(exists(p) for p in (journal_path, *side_files(journal_path))):
            moved = True
            move_aside(journal_path)
        complete.replace(journal_path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        if not moved:
            complete.unlink(missing_ok=True)
        raise


# --- inside ------------------------------------------------------------------------------


def _check_backup(backup: Path, key: DataKey | None) -> None:
    try:
        connection = connect(_read_only_uri(backup), key, uri=True)
        try:
            connection.execute("PRAGMA secure_delete = ON")  # on every connection
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            # The search index's own problems are not the copy's: it is made again
            # from the tables when the copy is opened.
            problems, _ = page_problems(connection)
        finally:
            connection.close()
    except sqlcipher.ERRORS as error:
        kind = classify(error)
        raise JournalError(
            kind, f"This copy of your journal cannot be used: {_plain(error)}", detail=str(error)
        ) from error
    header = read_header(backup)  # None for an encrypted copy: its first bytes are random
    if header is not None and header.problems():  # a damaged copy is not from the future
        raise JournalError(
            "corrupt",
            "This copy of your journal is damaged too. Nothing was changed.",
            detail="; ".join(header.problems()),
        )
    if version > Journal.SCHEMA_VERSION:
        raise JournalError(
            "newer",
            f"This copy of your journal was made by a newer version of Attune (schema "
            f"{version}; this one reads {Journal.SCHEMA_VERSION}). Nothing was changed.",
        )
    if problems:
        raise JournalError(
            "corrupt",
            "This copy of your journal is damaged too. Nothing was changed.",
            detail="; ".join(problems[:5]),
        )


def _plain(error: Exception) -> str:
    return {
        "corrupt": "the file is damaged",
        "locked": "the journal is in use by another program",
        "readonly": "the file or its folder may not be read or written",
        "full": "the disk is full",
    }.get(classify(error), str(error))


def _read_only_uri(path: Path) -> str:
    return path.absolute().as_uri() + "?mode=ro"


def _has_database(path: Path) -> bool:
    for candidate in (path, *side_files(path)[:1]):
        with contextlib.suppress(OSError):
            if candidate.stat().st_size > 0:
                return True
    return False
