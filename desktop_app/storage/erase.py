"""'Delete all my data': the journal, its key file and its backups, unfinished
reflections, the practice editor's draft, the voice and sound caches, the library
cache and the settings. The person's own practice files, plans and packs are
documents they put there and stay untouched.

The journal must be closed first; the caller reopens a fresh one.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop_app.storage.lock.state import key_file_of
from desktop_app.storage.paths import AppPaths


def erase_all(paths: AppPaths) -> list[Path]:
    """Delete everything Attune keeps about the person; returns what could not be
    deleted (empty when all went), so the app can say so rather than pretend."""
    left: list[Path] = []
    journal = paths.journal
    files = [
        journal,
        journal.with_name(journal.name + "-wal"),
        journal.with_name(journal.name + "-shm"),
        key_file_of(journal),  # after the journal: a key file alone unlocks nothing
        paths.settings,
        paths.load_cache,
        editor_draft(paths),
    ]
    for file in files:
        try:
            file.unlink(missing_ok=True)
        except OSError:
            left.append(file)
    for folder in (paths.journal_backups, paths.speech_cache, paths.sound_cache):
        shutil.rmtree(folder, ignore_errors=True)
        if folder.exists():
            left.append(folder)
    left.extend(p for p in journal.parent.glob(journal.stem + ".damaged-*") if _remove(p))
    return left


def editor_draft(paths: AppPaths) -> Path:
    """What the practice editor keeps of unsaved typing (`ui/practice_editor.py`)."""
    return paths.data / "editor-draft.json"


def _remove(path: Path) -> bool:
    """True when `path` could not be removed."""
    try:
        path.unlink()
    except OSError:
        return True
    return False
