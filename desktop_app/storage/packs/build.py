"""Building a pack: a pack folder validated and written as a deterministic zip (sorted
entries, fixed times and modes), atomically, and checked as an importer would."""

from __future__ import annotations

import os
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.position import Pos
from desktop_app.core.problems import InvalidFile, Problem
from desktop_app.storage.packs.entries import check_entries
from desktop_app.storage.packs.errors import PackRefused
from desktop_app.storage.packs.pack_format import (
    FOLDERS,
    MANIFEST,
    MEDIA_SUFFIXES,
    YAML_SUFFIXES,
    too_compressed,
)
from desktop_app.storage.packs.validation import validate_tree
from desktop_app.storage.private_files import (
    live,
    private_file,
    sweep_once,
    sync_folder,
    temporary_name,
)

if TYPE_CHECKING:
    from desktop_app.core.model import PackManifest

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o100644


def build_pack(folder: Path, out: Path) -> PackManifest:
    """Validate a pack folder and write it as a deterministic zip, atomically.
    Raises InvalidFile with every problem."""
    checked = validate_tree(folder, lambda rel: str(folder / rel))
    problems = checked.problems
    files = _pack_files(folder, problems)
    if problems or checked.manifest is None:
        raise InvalidFile(problems)
    out.parent.mkdir(parents=True, exist_ok=True)
    sweep_once(out.parent)
    with live(temporary_name(".attunepack")) as name:
        temporary = out.parent / name
        try:
            with os.fdopen(private_file(temporary), "wb") as stream:
                with zipfile.ZipFile(stream, "w") as archive:
                    for entry, path in files:
                        _write_entry(archive, entry, path)
                stream.flush()
                os.fsync(stream.fileno())
            with zipfile.ZipFile(temporary) as archive:
                try:
                    check_entries(archive)
                except PackRefused as refused:
                    raise InvalidFile(
                        [Problem(str(folder), Pos(1, 1), f"the pack would be refused: {refused}")]
                    ) from None
            temporary.replace(out)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    sync_folder(out.parent)
    return checked.manifest


def _pack_files(folder: Path, problems: list[Problem]) -> list[tuple[str, Path]]:
    """(name in the archive, file): pack.yaml and everything in practices/, plans/ and
    media/ but hidden files, sorted."""
    files = [(MANIFEST, folder / MANIFEST)]
    for top in FOLDERS:
        base = folder / top
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            rel = path.relative_to(folder)
            if any(part.startswith(".") for part in rel.parts):
                continue
            if path.is_symlink():
                problems.append(Problem(str(path), Pos(1, 1), "links are not put into packs"))
                continue
            if not path.is_file():
                continue
            suffix = path.suffix.lower()
            if top != "media" and suffix not in YAML_SUFFIXES:
                continue
            if top == "media" and suffix not in MEDIA_SUFFIXES:
                problems.append(
                    Problem(
                        str(path),
                        Pos(1, 1),
                        "not a kind of media a pack holds (wav, flac, ogg, png, jpg, svg)",
                    )
                )
                continue
            files.append((rel.as_posix(), path))
    return sorted(files)


def _write_entry(archive: zipfile.ZipFile, name: str, path: Path) -> None:
    """One entry with a fixed time and mode; deflated, unless deflating would make its
    ratio one an importer refuses (a stretch of digital silence), then stored."""
    data = path.read_bytes()
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.create_system = 3
    info.external_attr = FILE_MODE << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    compressed = len(compressor.compress(data)) + len(compressor.flush())
    if too_compressed(len(data), compressed):
        info.compress_type = zipfile.ZIP_STORED
    archive.writestr(info, data, compresslevel=9)
