"""The practice editor's check of its text: the problems, the outline, and a note when
another practice in the library has the same id. Its words belong to the editor, so
they are translated in its context ("PracticeEditor")."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication

from desktop_app.core.authoring import Check, check_practice
from desktop_app.core.library import Library
from desktop_app.core.model import Practice
from desktop_app.core.problems import Problem
from desktop_app.core.reader import SLUG

#: The file name's stem while the text has no valid id.
UNTITLED: Final = "untitled-practice"


def check_text(
    text: str, file_name: str, media_root: Path, library: Library | None, path: Path | None
) -> Check:
    """Check `text` as the file `file_name` (opened from `path`, if any), with its clips
    and images in `media_root`, against the practices in `library`."""
    from desktop_app.audio.clips import clip_seconds
    from desktop_app.audio.session import clip_lengths

    checked = check_practice(
        text,
        file_name,
        media_root=media_root,
        measure_clip=clip_seconds,
        clip_lengths=clip_lengths,  # so the outline matches what will play
    )
    if checked.practice is not None:
        clash = id_clash(checked.practice, file_name, library, path)
        if clash is not None:
            checked = Check(
                checked.practice,
                (*checked.problems, clash),
                checked.lengths,
                checked.totals,
                checked.outline,
            )
    return checked


def id_clash(
    practice: Practice, file_name: str, library: Library | None, path: Path | None
) -> Problem | None:
    """A note when another practice in the library has this id: one of one's own
    files (then this one would be left out), or another's (then this one wins)."""
    entry = library.practices.get(practice.id) if library is not None else None
    if entry is None or (path is not None and entry.path == path):
        return None
    title = entry.summary.title.get(practice.language)
    if entry.source.kind == "user":
        message = QCoreApplication.translate(
            "PracticeEditor",
            'your practice "%1" (%2) has this id already, so this one would be left out '
            "of the Library; give it another id",
        ).replace("%2", entry.path.name)
    else:
        message = QCoreApplication.translate(
            "PracticeEditor", '"%1" (%2) has this id too; once saved, yours is shown in its place'
        ).replace("%2", entry.source.label)
    return Problem(file_name, practice.id_pos, message.replace("%1", title), "id", "warning")


def practice_id_of(text: str, checked: Check) -> str:
    """The id, for the file name; a placeholder while it is not valid."""
    if checked.practice is not None:
        return checked.practice.id
    for line in text.splitlines():
        if line.startswith("id:"):
            value = line[3:].split(" #")[0].strip().strip("\"'")
            return value if SLUG.fullmatch(value) else UNTITLED
    return UNTITLED
