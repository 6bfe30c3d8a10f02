"""Samples made once and kept on disk, ready to play: speech at the output rate and
level, background loops. Reading a prepared file takes milliseconds; making it again
(reading a WAV, resampling, synthesizing rain) takes hundreds, and Start must not wait
for that more than once.

Files are plain `.npy` arrays (loaded without pickle), named by a hash of what made
them, and written atomically, so a crash leaves no half file behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np

from desktop_app.audio.clips import Samples
from desktop_app.core.files import open_regular
from desktop_app.private_fs import create_private_file, make_private_dir, temporary_name


class SampleCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def holds(self, key: str) -> bool:
        """Whether samples are stored for `key` (they may still prove unreadable)."""
        return self._path(key).is_file()

    def get(self, key: str, make: Callable[[], Samples]) -> Samples:
        """The samples stored for `key`, or `make()`'s, stored for next time. Any
        trouble with the folder only means the samples are made and not kept."""
        path = self._path(key)
        try:
            with open_regular(path) as handle:
                stored = np.load(handle, allow_pickle=False)
            if stored.dtype == np.float32 and stored.ndim == 1:
                stored.flags.writeable = False
                return np.asarray(stored, dtype=np.float32)
        except (OSError, ValueError, EOFError):
            pass
        samples = make()
        with contextlib.suppress(OSError):
            self._store(path, samples)
        return samples

    def _path(self, key: str) -> Path:
        return self.folder / f"{hashlib.sha256(key.encode()).hexdigest()}.npy"

    def _store(self, path: Path, samples: Samples) -> None:
        make_private_dir(self.folder)
        # A name the next start removes if this process dies before the rename.
        temporary = self.folder / temporary_name(".npy")
        handle = create_private_file(temporary)
        try:
            with os.fdopen(handle, "wb") as out:
                np.save(out, np.ascontiguousarray(samples, dtype=np.float32), allow_pickle=False)
            temporary.replace(path)
        finally:
            temporary.unlink(missing_ok=True)


def file_key(kind: str, path: Path, *parts: object) -> str:
    """A key that changes when the file behind it changes."""
    info = path.stat()
    return "|".join(str(p) for p in (kind, path, info.st_mtime_ns, info.st_size, *parts))
