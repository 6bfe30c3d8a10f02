"""The journal's files on disk, handled without opening the journal: what a crashed
restore left (`recover`, at every start) and a damaged journal moved aside
(`move_aside`). Nothing here loads SQLite or the journal package, so the start's
clean-up (storage/recovery.py) runs before the library is read without paying for
them; `journal_backups` makes and restores the copies.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from datetime import datetime
from pathlib import Path
from typing import Final

from desktop_app.storage.private_files import (
    LEGACY_AGE,
    is_leftover,
    remove_leftovers,
    sync_folder,
)

#: The files SQLite keeps beside the database in WAL mode.
SIDE_SUFFIXES: Final = ("-wal", "-shm")
#: The journal's files, and its backups: the owner reads and writes, no one else.
FILE_MODE: Final = 0o600
#: Temporary names of Attunes before 0.2 (no process id): a copy being made, a restore.
_LEGACY_COPY: Final = re.compile(
    r"^\.journal-\d{4}-\d{2}-\d{2}\.sqlite3\.[0-9a-f]{12}\.tmp(-journal|-wal|-shm)?$"
)
_LEGACY_RESTORE: Final = re.compile(r"^\..+\.[0-9a-f]{12}\.restoring$")


def recover(backups_dir: Path, journal_path: Path) -> list[Path]:
    """Settle what crashed copies and restores left: a restore whose copy was whole
    (`.restored`) when no journal is in its place is finished (a journal there means
    the crash came before the old one moved: the copy is dropped); then temporary
    names of processes that are gone (`private_files`) are removed, and older Attunes'
    `.journal-….tmp` and `.journal.sqlite3.….restoring` files more than an hour old.
    Returns what was removed. Never raises."""
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        for copy in sorted(journal_path.parent.glob(".attune-tmp-*.restored")):
            if not is_leftover(copy):
                continue
            with contextlib.suppress(OSError):
                if exists(journal_path):
                    copy.unlink()
                    removed.append(copy)
                    continue
                if any(exists(p) for p in side_files(journal_path)):
                    move_aside(journal_path)  # a -wal must not be read into the copy
                copy.replace(journal_path)
                sync_folder(journal_path.parent)
    removed += remove_leftovers(backups_dir, legacy=True)
    now = time.time()
    for folder, pattern in ((backups_dir, _LEGACY_COPY), (journal_path.parent, _LEGACY_RESTORE)):
        try:
            children = list(folder.iterdir())
        except OSError:
            continue
        for path in children:
            with contextlib.suppress(OSError):
                if pattern.match(path.name) and now - path.lstat().st_mtime > LEGACY_AGE:
                    path.unlink()
                    removed.append(path)
    return removed


def move_aside(journal_path: Path) -> Path:
    """Rename a damaged journal (and its -wal and -shm files) to a free name,
    `journal.damaged-<timestamp>.sqlite3` (then `-2`, `-3`, …); returns the new path.

    Never overwrites a file. Raises FileNotFoundError when there is nothing to move.
    """
    present = [p for p in (journal_path, *side_files(journal_path)) if exists(p)]
    if not present:
        raise FileNotFoundError(f"there is no journal at {journal_path}")
    folder = journal_path.parent
    stem = journal_path.name.removesuffix(journal_path.suffix)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for number in range(1, 10_000):
        counter = "" if number == 1 else f"-{number}"
        target = folder / f"{stem}.damaged-{stamp}{counter}{journal_path.suffix}"
        if any(exists(p) for p in (target, *side_files(target))):
            continue
        try:
            for suffix in ("", *SIDE_SUFFIXES):
                source = Path(f"{journal_path}{suffix}")
                if exists(source):
                    _rename_without_replacing(source, Path(f"{target}{suffix}"))
                    _make_private(Path(f"{target}{suffix}"))
        except FileExistsError:
            continue  # taken meanwhile: what moved keeps its name; try the next
        sync_folder(folder)
        return target
    raise FileExistsError(f"there is no free name to keep {journal_path.name} aside")


def side_files(path: Path) -> tuple[Path, ...]:
    """The -wal and -shm files of the database at `path`."""
    return tuple(Path(f"{path}{suffix}") for suffix in SIDE_SUFFIXES)


def exists(path: Path) -> bool:
    """A file or a link (even a broken one) at `path`."""
    return path.exists() or path.is_symlink()


def _rename_without_replacing(source: Path, target: Path) -> None:
    """Rename, failing with FileExistsError rather than replace `target`. On POSIX a
    hard link does this atomically; where links are not possible, check then rename
    (Windows' rename never replaces)."""
    if os.name == "posix":
        try:
            os.link(source, target, follow_symlinks=False)
        except FileExistsError:
            raise
        except OSError:
            pass  # a file system without hard links
        else:
            source.unlink()
            return
        if exists(target):
            raise FileExistsError(target)
    source.rename(target)


def _make_private(path: Path) -> None:
    if os.name == "posix":
        with contextlib.suppress(OSError):
            mode = path.stat().st_mode & 0o777
            if mode & ~FILE_MODE:
                path.chmod(mode & FILE_MODE)
