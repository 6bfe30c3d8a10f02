"""A file on disk remembering what a scan keeps of each file, so the library opens
without re-parsing.

Each file's record (kind, id, and a practice's or plan's summary, or the problems of a
file that could not be loaded; never the model) is kept by path with its (mtime, size)
and the folder its media were looked for in. The whole cache is keyed by a stamp of the
code that produced it, so a new release or an edited loader never reads stale results.
The file lives in the user's cache folder and holds only our own records.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
from pathlib import Path

import desktop_app
from desktop_app.core.files import open_regular
from desktop_app.core.gc_pause import collection_paused
from desktop_app.core.library import Record, Stamp
from desktop_app.storage.paths import ensure_private_dir

#: What is stored for one file: its stamp, its media folder and its record.
Stored = tuple[Stamp, str, Record]


def code_stamp() -> str:
    """Changes whenever the release or any core module changes (the timeline's too:
    a summary holds a practice's fixed time)."""
    core = Path(desktop_app.__file__).parent / "core"
    parts = [desktop_app.__version__]
    for module in sorted(core.rglob("*.py")):
        info = module.stat()
        parts.append(f"{module.relative_to(core)}:{info.st_mtime_ns}:{info.st_size}")
    return "|".join(parts)


class LoadCache:
    def __init__(self, file: Path) -> None:
        self.file = file
        self.stamp = code_stamp()
        self.entries: dict[str, Stored] = {}
        self.used: set[str] = set()  # files seen this run; others are dropped on save
        self.changed = False
        self._read()

    def get(self, path: Path, stamp: Stamp, media_root: Path) -> Record | None:
        key = str(path)
        self.used.add(key)
        found = self.entries.get(key)
        if found is None or found[0] != stamp or found[1] != str(media_root):
            return None
        return found[2]

    def put(self, path: Path, stamp: Stamp, media_root: Path, record: Record) -> None:
        key = str(path)
        self.used.add(key)
        self.entries[key] = (stamp, str(media_root), record)
        self.changed = True

    def save(self) -> None:
        """Write atomically; a cache that cannot be written is simply not kept."""
        if self.used != self.entries.keys():
            self.entries = {k: v for k, v in self.entries.items() if k in self.used}
            self.changed = True
        if not self.changed:
            return
        with contextlib.suppress(OSError):
            # The user's own practices may be personal (a client's safe place, say).
            ensure_private_dir(self.file.parent)
            handle, name = tempfile.mkstemp(dir=self.file.parent, suffix=".tmp")  # mode 0600
            temporary = Path(name)
            try:
                with os.fdopen(handle, "wb") as out:
                    # The code stamp first, alone: a cache from other code is not unpickled.
                    pickle.dump(self.stamp, out, protocol=pickle.HIGHEST_PROTOCOL)
                    pickle.dump(self.entries, out, protocol=pickle.HIGHEST_PROTOCOL)
                temporary.replace(self.file)
            finally:
                temporary.unlink(missing_ok=True)
            self.changed = False

    def _read(self) -> None:
        try:
            with open_regular(self.file) as handle, collection_paused():
                if pickle.load(handle) != self.stamp:
                    return
                entries = pickle.load(handle)
        except (
            OSError,
            pickle.UnpicklingError,
            EOFError,
            ValueError,
            TypeError,
            AttributeError,
            ImportError,
        ):
            return
        if isinstance(entries, dict):
            self.entries = entries
