"""A file on disk remembering load results, so the library opens without re-parsing.

Results are keyed by path and (mtime, size), and the whole cache by a stamp of the
code that produced them, so a new release or an edited loader never reads stale
results. The file lives in the user's cache folder and holds only our own models.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path

import desktop_app
from desktop_app.core.library import Loaded, Stamp
from desktop_app.core.problems import InvalidFile

Result = Loaded | InvalidFile


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Unpickling creates many objects and none of them cyclic garbage; without this
    the cyclic collector runs over and over and loading takes about six times longer."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def code_stamp() -> str:
    """Changes whenever the release or any core module changes."""
    core = Path(desktop_app.__file__).parent / "core"
    parts = [desktop_app.__version__]
    for module in sorted(core.glob("*.py")):
        info = module.stat()
        parts.append(f"{module.name}:{info.st_mtime_ns}:{info.st_size}")
    return "|".join(parts)


class LoadCache:
    def __init__(self, file: Path) -> None:
        self.file = file
        self.stamp = code_stamp()
        self.entries: dict[str, tuple[Stamp, Result]] = {}
        self.used: set[str] = set()  # files seen this run; others are dropped on save
        self.changed = False
        self._read()

    def get(self, path: Path, stamp: Stamp) -> Result | None:
        self.used.add(str(path))
        found = self.entries.get(str(path))
        if found is None or found[0] != stamp:
            return None
        return found[1]

    def put(self, path: Path, stamp: Stamp, result: Result) -> None:
        self.used.add(str(path))
        self.entries[str(path)] = (stamp, result)
        self.changed = True

    def save(self) -> None:
        """Write atomically; a cache that cannot be written is simply not kept."""
        if self.used != self.entries.keys():
            self.entries = {k: v for k, v in self.entries.items() if k in self.used}
            self.changed = True
        if not self.changed:
            return
        with contextlib.suppress(OSError):
            self.file.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=self.file.parent, suffix=".tmp")
            temporary = Path(name)
            try:
                with os.fdopen(handle, "wb") as out:
                    pickle.dump((self.stamp, self.entries), out, protocol=pickle.HIGHEST_PROTOCOL)
                temporary.replace(self.file)
            finally:
                temporary.unlink(missing_ok=True)
            self.changed = False

    def _read(self) -> None:
        try:
            with self.file.open("rb") as handle, collection_paused():
                stamp, entries = pickle.load(handle)
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
        if stamp == self.stamp and isinstance(entries, dict):
            self.entries = entries
