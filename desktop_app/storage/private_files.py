"""Writing a file privately (0600 from its first byte) and in place in one step, so a
crash leaves the old file or the new one, never half of one: exports, reports and
backups, and Attune's own small files (settings, plans, reminders, drafts). The one
way to do it.

Every temporary file or folder Attune makes has one kind of name,
`.attune-tmp-<pid>-<8 hex>[anything]` (`temporary_name`), beside what it becomes. The
process id says whose it is: `remove_leftovers(folder)` removes those whose process is
gone (a crash, a kill, a power cut) and leaves alone those of an Attune still running,
this one included. `replacing` does that in a folder the first time it writes there, so
a leftover beside a chosen output (`export -o`) goes the next time that folder is
written to; Attune's own folders are swept at every start (`storage/recovery.py`).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Final

# One naming rule and one way to make a private file, shared with `audio` (which may
# not import `storage`): `temporary_name(suffix)` is `.attune-tmp-<pid>-<8 hex><suffix>`;
# while a name is in use, `live(name)` keeps this process's own sweep from removing it.
from desktop_app.private_fs import TEMP_PREFIX as TEMP_PREFIX
from desktop_app.private_fs import create_private_file
from desktop_app.private_fs import sync_folder as sync_folder
from desktop_app.private_fs import temporary_name as temporary_name

#: Create a file for writing, 0600 whatever the umask; returns its descriptor.
private_file = create_private_file

_TEMP_NAME: Final = re.compile(r"^\.attune-tmp-(\d{1,10})-[0-9a-f]{8}(?![0-9a-f])")
#: Names of older Attunes' temporary folders (no process id): removed once this old.
_LEGACY_NAME: Final = re.compile(r"^\.attune-[a-z0-9_]{8}$")
LEGACY_AGE: Final = 3600.0
#: Where a process cannot be told from another that took its id later (not Linux), a
#: temporary name whose process is still there is taken for a leftover once this old:
#: no write of Attune's takes a day.
STALE_AGE: Final = 24 * 3600.0

_live: set[str] = set()
_live_lock = threading.Lock()
_swept: set[Path] = set()


@contextlib.contextmanager
def live(name: str) -> Iterator[str]:
    """Mark a temporary name of this process as in use for the block."""
    with _live_lock:
        _live.add(name)
    try:
        yield name
    finally:
        with _live_lock:
            _live.discard(name)


@contextlib.contextmanager
def temporary_folder(parent: Path, suffix: str = "") -> Iterator[Path]:
    """A private (0700) folder with a temporary name in `parent`, in use for the block.
    It is not removed here: the caller decides (it may have been renamed away)."""
    while True:
        name = temporary_name(suffix)
        with live(name):
            try:
                (parent / name).mkdir(mode=0o700)
            except FileExistsError:
                continue
            if os.name == "posix":
                (parent / name).chmod(0o700)
            yield parent / name
            return


def is_leftover(path: Path, *, legacy: bool = False, now: float | None = None) -> bool:
    """Whether `path` is a temporary name of Attune's whose writer is gone. With
    `legacy` (only in Attune's own folders), older Attunes' `.attune-xxxxxxxx` folders
    more than an hour old too."""
    name = path.name
    match = _TEMP_NAME.match(name)
    old_style = legacy and _LEGACY_NAME.match(name)
    if not match and not old_style:
        return False  # (a person's folder may hold many files: no look at those)
    try:
        modified = path.lstat().st_mtime
    except OSError:
        return False
    now = time.time() if now is None else now
    if not match:
        return now - modified > LEGACY_AGE
    pid = int(match.group(1))
    if pid == os.getpid():
        with _live_lock:
            return not any(name.startswith(live_name) for live_name in _live)
    return not _running_since(pid, modified, now)


def remove_leftovers(folder: Path, *, legacy: bool = False) -> list[Path]:
    """Remove the temporary files and folders of Attune's in `folder` whose process is
    gone (see `is_leftover`); returns what was removed. Never raises: what cannot be
    removed stays."""
    removed: list[Path] = []
    try:
        children = list(folder.iterdir())
    except OSError:
        return removed
    for path in children:
        if not is_leftover(path, legacy=legacy):
            continue
        try:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


def _running_since(pid: int, modified: float, now: float) -> bool:
    """Whether process `pid` runs and may have written, at `modified`, what it named."""
    if sys.platform.startswith("linux"):
        started = _linux_start(pid)
        if started is None:
            return False
        # The clock ticks since boot, and the boot time in whole seconds: 2 s of slack.
        return started <= modified + 2.0
    if sys.platform == "win32":
        alive = _windows_alive(pid)
    else:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except OSError:
            pass  # another user's process: it exists
        alive = True
    return alive and now - modified < STALE_AGE


def _linux_start(pid: int) -> float | None:
    """When a running (not zombie) process started, in seconds since the epoch."""
    try:
        with Path(f"/proc/{pid}/stat").open("rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
        with Path("/proc/stat").open("rb") as handle:
            boot = next(int(line.split()[1]) for line in handle if line.startswith(b"btime "))
    except (OSError, IndexError, ValueError, StopIteration):
        return None
    if fields[0] in (b"Z", b"X"):
        return None
    return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")


if sys.platform == "win32":
    import ctypes

    def _windows_alive(pid: int) -> bool:
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)

else:

    def _windows_alive(pid: int) -> bool:
        return True


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A path to write `target`'s new content to. When the block ends well, the file
    there is made private (0600), synced, and put in place of `target` in one step;
    otherwise `target` is left as it was. The path is in a private folder with a
    temporary name made beside `target` (so the rename stays on one file system) and
    removed afterwards: what is written is never readable by others, and the folder
    chosen keeps its permissions. The first write to a folder removes the leftovers
    of earlier crashed writes there."""
    sweep_once(target.parent)
    with temporary_folder(target.parent) as folder:
        temporary = folder / target.name
        try:
            yield temporary
            temporary.chmod(0o600)
            with temporary.open("rb+") as written:
                os.fsync(written.fileno())
            temporary.replace(target)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    sync_folder(target.parent)


def sweep_once(folder: Path) -> None:
    """`remove_leftovers(folder)`, the first time this process writes there."""
    key = folder.absolute()
    if key in _swept:
        return
    _swept.add(key)
    remove_leftovers(folder)


def write_private(target: Path, data: bytes) -> None:
    """Write `data` to `target` privately and in one step."""
    with replacing(target) as temporary:
        temporary.write_bytes(data)
