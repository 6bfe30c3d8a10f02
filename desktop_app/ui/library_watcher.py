"""Watching the practice folders, so a saved file shows up without a restart.

`LibraryWatcher` watches each folder, every folder below it and every YAML file in
them (editors often save by writing a new file and renaming it over the old one,
which ends the watch on the old file, so the watched paths are brought up to date
after every change). Changes are gathered for 300 ms, then `scan` runs on a worker
thread (a `BackgroundRunner`) and `library_changed` brings the new `Library` to the
GUI thread. Two scans never overlap: a change during a scan means one more scan once
it is done.

The watcher creates nothing. A folder that does not exist yet is watched through its
nearest existing parent; when the folder appears it is watched itself and the library
is scanned. Changes to that parent that do not concern the folder (other files in the
data folder, say) cause no scan.

A folder's own events cause a scan only when the set of YAML files and folders below
it changes; a file's events always do. So an editor's swap and backup files, which
come and go beside a practice, cost nothing.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Final

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from desktop_app.core.library import YAML_SUFFIXES, Library
from desktop_app.ui.background import BackgroundRunner

logger = logging.getLogger(__name__)

#: Changes closer together than this are one change.
DEBOUNCE_MS: Final = 300


class LibraryWatcher(QObject):
    """Scans again, off the GUI thread, whenever something in `folders` changes."""

    library_changed = Signal(object)  # Library
    #: A scan raised (it should not: files that fail to load are in `failures`).
    scan_failed = Signal(str)

    def __init__(
        self,
        folders: list[Path],
        scan: Callable[[], Library],
        parent: QObject | None = None,
        *,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(parent)
        self.folders = [Path(folder) for folder in folders]
        self._scan = scan
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._directory_changed)
        self._watcher.fileChanged.connect(self._file_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._scan_now)
        self._scanner = BackgroundRunner("Scanning the library after a change failed", logger, self)
        self._scanner.done.connect(self._scanned)
        self._scanner.failed.connect(self._scan_failed)
        self._again = False
        self._stopped = False
        self._present = self._presence()
        self._contents: dict[str, frozenset[str]] = {}
        self._update_watches()

    # --- public --------------------------------------------------------------------------

    @property
    def scanning(self) -> bool:
        return self._scanner.busy

    def watched(self) -> list[str]:
        """Every path watched now, folders and files."""
        return sorted([*self._watcher.directories(), *self._watcher.files()])

    def rescan(self) -> None:
        """Scan soon, as if something had changed."""
        if not self._stopped:
            self._timer.start()

    def stop(self) -> None:
        """Stop watching and wait for a running scan to end; nothing is emitted after."""
        self._stopped = True
        self._timer.stop()
        self._forget(self.watched())
        self._scanner.wait()

    # --- changes ---------------------------------------------------------------------------

    def _file_changed(self, path: str) -> None:
        # Saved by renaming a new file over it, the watch may still be on the old file.
        self._forget([path] if path in self._watcher.files() else [])
        self._update_watches()
        self.rescan()

    def _directory_changed(self, path: str) -> None:
        before = self._contents.get(path)
        present = self._presence()
        appeared_or_went = present != self._present
        self._present = present
        self._update_watches()
        # A parent watched for a missing folder: only that folder's arrival matters.
        inside = any(_is_within(Path(path), folder) for folder in self.folders)
        if appeared_or_went or (inside and self._contents.get(path) != before):
            self.rescan()

    def _presence(self) -> tuple[bool, ...]:
        return tuple(folder.is_dir() for folder in self.folders)

    def _update_watches(self) -> None:
        """Watch what exists now: each folder (or its nearest existing parent), the
        folders below it and their YAML files."""
        wanted: set[str] = set()
        contents: dict[str, frozenset[str]] = {}
        for folder in self.folders:
            if folder.is_dir():
                for directory, subfolders, files in _walk(folder):
                    wanted.add(directory)
                    wanted.update(files)
                    contents[directory] = frozenset(subfolders + files)
            else:
                parent = _existing_parent(folder)
                if parent is not None:
                    wanted.add(str(parent))
        self._contents = contents
        current = set(self.watched())
        self._forget(sorted(current - wanted))
        added = sorted(wanted - current)
        if added:
            # A path can vanish between listing and adding; it will be seen next time.
            self._watcher.addPaths(added)

    def _forget(self, paths: list[str]) -> None:
        if paths:
            self._watcher.removePaths(paths)

    # --- scanning ----------------------------------------------------------------------------

    def _scan_now(self) -> None:
        if self._stopped:
            return
        if self._scanner.busy:
            self._again = True
            return
        self._again = False
        self._update_watches()
        scan = self._scan
        self._scanner.submit(lambda _progress: scan())

    def _scanned(self, library: Library) -> None:
        if not self._stopped:
            self.library_changed.emit(library)
        self._scan_again_if_asked()

    def _scan_failed(self, message: str) -> None:
        if not self._stopped:
            self.scan_failed.emit(message)
        self._scan_again_if_asked()

    def _scan_again_if_asked(self) -> None:
        if self._again:
            self._scan_now()


def _walk(root: Path) -> Iterable[tuple[str, list[str], list[str]]]:
    """(folder, its folders, its YAML files) for `root` and every folder below it,
    hidden ones skipped, as the library's own `find_files` does."""
    for top, subfolders, files in os.walk(root):  # Path.walk needs Python 3.12
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        directory = Path(top)
        yield (
            str(directory),
            [str(directory / name) for name in subfolders],
            sorted(
                str(directory / name)
                for name in files
                if Path(name).suffix.lower() in YAML_SUFFIXES and not name.startswith(".")
            ),
        )


def _existing_parent(path: Path) -> Path | None:
    for parent in path.parents:
        if parent.is_dir():
            return parent
    return None


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents
