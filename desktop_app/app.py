"""Composition root: builds the real services, for the window and the command line."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop_app.audio.clips import clip_seconds
from desktop_app.core.library import Library, scan
from desktop_app.core.model import Practice
from desktop_app.core.timeline import ClipLength
from desktop_app.storage.library_sources import library_sources
from desktop_app.storage.load_cache import LoadCache
from desktop_app.storage.paths import default_paths, ensure_private_dir


def shown(path: Path) -> str:
    """A path as people like to read it: relative to here when it is below here."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def clip_lengths(practice: Practice) -> ClipLength:
    """Real clip lengths for the timeline; media paths are relative to the practice's
    media folder. A clip that cannot be read counts as 0 s (the validator says why)."""
    root = practice.media_root or Path()

    def length(path: str) -> float:
        try:
            return clip_seconds(root / path)
        except ValueError:
            return 0.0

    return length


def open_library() -> Library:
    """The whole library, through the on-disk cache so unchanged files are not re-read."""
    paths = default_paths()
    cache = LoadCache(paths.load_cache)
    library = scan(library_sources(paths), cache=cache, measure_clip=clip_seconds, display=shown)
    cache.save()
    return library


def run_app(argv: list[str] | None = None) -> int:
    # Qt is imported here, not at the top, so the command line starts without it.
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.main_window import MainWindow

    paths = default_paths()
    for folder in (paths.data, paths.practices, paths.config):
        ensure_private_dir(folder)  # so people find where their own practices go
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Attune")
    window = MainWindow(open_library())
    window.show()
    return int(app.exec())
