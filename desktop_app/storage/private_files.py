"""Writing a file privately (0600 from its first byte) and in place in one step, so a
crash leaves the old file or the new one, never half of one: exports, reports and
backups, and Attune's own small files (settings, plans, reminders, drafts). The one
way to do it."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A path to write `target`'s new content to. When the block ends well, the file
    there is made private (0600), synced, and put in place of `target` in one step;
    otherwise `target` is left as it was. The path is in a private folder made beside
    `target` (so the rename stays on one file system) and removed afterwards: what is
    written is never readable by others, and the folder chosen keeps its permissions."""
    folder = Path(tempfile.mkdtemp(prefix=".attune-", dir=target.parent))  # 0700
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


def sync_folder(folder: Path) -> None:
    """Make new names in `folder` durable where the platform allows it."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def write_private(target: Path, data: bytes) -> None:
    """Write `data` to `target` privately and in one step."""
    with replacing(target) as temporary:
        temporary.write_bytes(data)
