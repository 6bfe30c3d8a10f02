"""A file on disk remembering load results, so the library opens without re-parsing.

Each file's result is kept as its own pickled blob beside its kind and id, keyed by
path and (mtime, size). Reading the cache therefore only reads bytes; a practice is
unpickled when it is first used. The whole cache is keyed by a stamp of the code
that produced it, so a new release or an edited loader never reads stale results.
The file lives in the user's cache folder and holds only our own models.
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
from desktop_app.core.library import Loaded, Record, RecordKind, Stamp, load_file
from desktop_app.core.problems import InvalidFile
from desktop_app.storage.paths import ensure_private_dir

Result = Loaded | InvalidFile
#: What is stored for one file: its stamp, its kind and id, and the pickled result.
Stored = tuple[Stamp, RecordKind, str | None, bytes]


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
        self.entries: dict[str, Stored] = {}
        self.used: set[str] = set()  # files seen this run; others are dropped on save
        self.changed = False
        self._read()

    def get(self, path: Path, stamp: Stamp) -> Record | None:
        key = str(path)
        self.used.add(key)
        found = self.entries.get(key)
        if found is None or found[0] != stamp:
            return None
        _, kind, item_id, blob = found
        return Record(kind, item_id, lambda: _decode(blob, path))

    def put(self, path: Path, stamp: Stamp, result: Result) -> None:
        key = str(path)
        self.used.add(key)
        record = Record.of(result)
        blob = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        self.entries[key] = (stamp, record.kind, record.id, blob)
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
                    pickle.dump((self.stamp, self.entries), out, protocol=pickle.HIGHEST_PROTOCOL)
                temporary.replace(self.file)
            finally:
                temporary.unlink(missing_ok=True)
            self.changed = False

    def _read(self) -> None:
        try:
            with open_regular(self.file) as handle, collection_paused():
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


def _decode(blob: bytes, path: Path) -> Result:
    """The cached result; should the blob be unreadable, the file is simply loaded again."""
    try:
        with collection_paused():
            result: Result = pickle.loads(blob)
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError):
        try:
            return load_file(path)
        except InvalidFile as error:
            return error
    return result
