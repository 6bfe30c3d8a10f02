"""Scratch folders in the system's temporary folder, for previews and exports, and
what crashed processes left of them."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from desktop_app.storage.private_files import live, remove_leftovers, sweep_once, temporary_name


@contextlib.contextmanager
def scratch_folder(suffix: str) -> Iterator[Path]:
    """A private folder in the system's temporary folder, removed afterwards; a crash
    leaves a name `recover_scratch` removes."""
    parent = Path(tempfile.gettempdir())
    sweep_once(parent)
    with live(temporary_name(suffix)) as name:
        folder = parent / name
        folder.mkdir(mode=0o700)
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def recover_scratch() -> list[Path]:
    """Remove previews and exports that crashed processes left in the system's
    temporary folder."""
    return remove_leftovers(Path(tempfile.gettempdir()))
