"""The journal's files on disk: the database and the `-wal` and `-shm` files SQLite
keeps beside it, private whatever the umask (what the database's first bytes say
before SQLite opens it is `header`'s).

The folder is 0700; the database and its side files are created 0600 by us before
SQLite touches them, and set to 0600 again once SQLite has them open.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from desktop_app.storage.journal_leftovers import FILE_MODE, SIDE_SUFFIXES
from desktop_app.storage.paths import ensure_private_dir

__all__ = ["FILE_MODE", "SIDE_SUFFIXES", "has_content", "side_files"]


def side_files(path: Path) -> tuple[Path, ...]:
    """The -wal and -shm files of the database at `path`."""
    return tuple(path.with_name(path.name + suffix) for suffix in SIDE_SUFFIXES)


def has_content(path: Path) -> bool:
    """Whether there is a database to check: a non-empty file, or a write-ahead log."""
    for candidate in (path, side_files(path)[0]):
        with contextlib.suppress(FileNotFoundError):
            if candidate.stat().st_size > 0:
                return True
    return False


def create_private(path: Path) -> bool:
    """Create the database and its side files 0600 before SQLite does; make existing
    ones 0600. Returns whether the database file was new."""
    created = False
    for index, file in enumerate((path, *side_files(path))):
        try:
            descriptor = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        except FileExistsError:
            _chmod_private(file)
            continue
        try:
            if os.name == "posix":
                os.fchmod(descriptor, FILE_MODE)  # whatever the umask was
        finally:
            os.close(descriptor)
        created = created or index == 0
    return created


def private_folder(folder: Path) -> None:
    """Create `folder` 0700; an existing one loses any access by others, but gains
    nothing (a folder made read-only on purpose stays so)."""
    if not folder.is_dir():
        ensure_private_dir(folder)
    elif os.name == "posix":
        mode = stat.S_IMODE(folder.stat().st_mode)
        if mode & 0o077:
            folder.chmod(mode & 0o700)


def fix_permissions(path: Path) -> None:
    """0600 for the database and whichever side files SQLite has made."""
    for file in (path, *side_files(path)):
        with contextlib.suppress(FileNotFoundError):
            _chmod_private(file)


def _chmod_private(file: Path) -> None:
    """Take away every access but the owner's reading and writing (adding none: a
    file made read-only on purpose stays so)."""
    if os.name != "posix":
        return
    mode = stat.S_IMODE(file.stat().st_mode)
    if mode & ~FILE_MODE:
        file.chmod(mode & FILE_MODE)
