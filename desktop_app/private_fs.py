"""How Attune makes its own folders and files: private whatever the umask.

Every folder Attune makes is 0700 (each one it makes, the parents of a folder too,
since a first run may make the whole path) and every file 0600 from its first byte:
personal data and the caches derived from it are the user's alone. This module is
the one rule, for `storage` and `audio` alike, which may not import each other; it
stands below both and uses only the standard library (the core stays a pure reader
of files and never writes one).
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import Final

_POSIX: Final = os.name == "posix"
_BINARY: Final = getattr(os, "O_BINARY", 0)
#: The start of every temporary name Attune gives (the next start removes those
#: whose process is gone: storage/private_files.py).
TEMP_PREFIX: Final = ".attune-tmp-"


def make_private_dir(path: Path) -> Path:
    """Make `path` and every missing folder above it, each 0700; an existing `path`
    is made 0700 too. Raises OSError when that cannot be done (a read-only disk, a
    folder of another user's, a file in the way)."""
    missing: list[Path] = []
    current = path
    while not os.path.lexists(current) and current.parent != current:
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            continue  # made meanwhile, by another process
        if _POSIX:
            folder.chmod(0o700)  # the umask may have taken bits away; never adds any
    if not path.is_dir():
        path.mkdir(mode=0o700, exist_ok=True)  # raises FileExistsError for a file
    if _POSIX and stat.S_IMODE(path.stat().st_mode) != 0o700:
        path.chmod(0o700)  # nothing to change is no write: a read-only disk is fine
    return path


def create_private_file(path: Path) -> int:
    """Create `path` for writing, 0600 from its first byte whatever the umask; it must
    not exist. Returns the open descriptor."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o600)
    if _POSIX:
        os.fchmod(descriptor, stat.S_IRUSR | stat.S_IWUSR)
    return descriptor


def temporary_name(suffix: str = "") -> str:
    """`.attune-tmp-<pid>-<8 hex><suffix>`: a name the next start can tell is a
    leftover once this process is gone."""
    # os.urandom, as the secrets module uses, without loading hashlib's OpenSSL (4 MiB)
    # into every start.
    return f"{TEMP_PREFIX}{os.getpid()}-{os.urandom(4).hex()}{suffix}"


def write_new_private_file(path: Path, data: bytes) -> None:
    """Make `path` (0600; FileExistsError when there is one already), write `data` to it
    and sync it. What is half written is removed when the write fails."""
    descriptor = create_private_file(path)
    try:
        with os.fdopen(descriptor, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise


def write_private_file(target: Path, data: bytes) -> None:
    """Write `data` to `target` in one step: to a private temporary file beside it,
    synced, then renamed over it, so a crash leaves the old file or the new one. The
    folder is made private when missing."""
    make_private_dir(target.parent)
    while True:
        temporary = target.with_name(temporary_name())
        try:
            write_new_private_file(temporary, data)
        except FileExistsError:
            continue
        break
    try:
        temporary.replace(target)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    sync_folder(target.parent)


def sync_folder(folder: Path) -> None:
    """Make new names in `folder` durable where the platform allows it."""
    if not _POSIX:
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
