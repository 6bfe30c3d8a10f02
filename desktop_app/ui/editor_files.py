"""The practice editor's files, without Qt: the text read and written exactly as it
is (comments and layout survive), and a copy's clips and images brought along."""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop_app.core.files import read_regular
from desktop_app.core.model import Practice
from desktop_app.storage.pack_export import media_used
from desktop_app.storage.paths import ensure_private_dir
from desktop_app.storage.private_files import write_private


def is_inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def read_text(path: Path) -> str:
    """The text of a practice file, with Windows line ends made plain. Raises OSError
    when it cannot be read and UnicodeDecodeError when it is not UTF-8."""
    return read_regular(path).decode("utf-8").replace("\r\n", "\n")


def write_text(target: Path, text: str, practices: Path) -> None:
    """Write `text` as it is (with a last line end) to `target`, in one step; raises
    OSError when it cannot."""
    if not text.endswith("\n"):
        text += "\n"
    make_folder(target.parent, practices)
    write_private(target, text.encode("utf-8"))


def make_folder(folder: Path, practices: Path) -> None:
    """Attune's own folders are made private; a folder elsewhere is left as it is."""
    if folder == practices or practices in folder.parents:
        ensure_private_dir(folder)
    else:
        folder.mkdir(parents=True, exist_ok=True)


def bring_media(practice: Practice, media_from: Path, folder: Path, practices: Path) -> list[str]:
    """A copy's clips and images go along with it into `folder` (an existing file of
    the same name is left as it is). Returns the names that could not be copied."""
    if media_from == folder:
        return []
    missing = []
    for name in media_used(practice):
        source, target = media_from / name, folder / name
        if target.exists():
            continue
        try:
            make_folder(target.parent, practices)
            shutil.copyfile(source, target)
        except OSError:
            missing.append(name)
    return missing
