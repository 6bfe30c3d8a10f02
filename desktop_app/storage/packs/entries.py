"""An archive's entries checked before anything is written.

An archive comes from someone else, by e-mail or USB stick: every entry's name, kind,
place and declared size is checked, and the first that is outside the root, a link,
too big, too compressed, duplicated or out of place refuses the whole archive. Names
that would be one file on macOS or Windows (differing only by case or Unicode
normalization) are refused as duplicates.
"""

from __future__ import annotations

import re
import stat
import unicodedata
import zipfile
from pathlib import PurePosixPath

from desktop_app.storage.packs.errors import PackRefused
from desktop_app.storage.packs.pack_format import (
    MANIFEST,
    MAX_ENTRIES,
    MAX_RATIO,
    MAX_TOTAL_BYTES,
    MEDIA_SUFFIXES,
    YAML_SUFFIXES,
    too_compressed,
)

_DRIVE = re.compile(r"^[A-Za-z]:")
#: Characters no entry name may hold: reserved on Windows, or control characters.
_FORBIDDEN = re.compile(r'[<>:"|?*\x00-\x1f\x7f-\x9f]')


def check_entries(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The archive's file entries, or PackRefused naming the first entry that is
    outside the root, a link, too big, too compressed, duplicated or out of place."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise PackRefused(f"the archive has {len(infos)} entries; a pack may have {MAX_ENTRIES}")
    names: set[str] = set()
    folded: dict[str, str] = {}
    total = 0
    files: list[zipfile.ZipInfo] = []
    for info in infos:
        name = info.filename
        _check_name(name, info.orig_filename)
        if name in names:
            raise PackRefused(f'entry "{name}" appears twice in the archive')
        names.add(name)
        key = _folded(name.rstrip("/"))
        if key in folded and folded[key] != name:
            raise PackRefused(_collision(folded[key], name))
        folded[key] = name
        mode = info.external_attr >> 16
        kind = stat.S_IFMT(mode)
        is_dir = name.endswith("/")
        if kind and kind != (stat.S_IFDIR if is_dir else stat.S_IFREG):
            what = "a link" if kind == stat.S_IFLNK else "not a regular file"
            raise PackRefused(f'entry "{name}" is {what}; packs hold only plain files')
        if info.flag_bits & 0x1:
            raise PackRefused(f'entry "{name}" is encrypted')
        if is_dir:
            continue
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise PackRefused(f'entry "{name}" uses an unsupported compression method')
        _check_place(name)
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise PackRefused(
                f"the archive unpacks to more than {MAX_TOTAL_BYTES // (1024 * 1024)} MB "
                f'(at entry "{name}")'
            )
        if too_compressed(info.file_size, info.compress_size):
            ratio = info.file_size // max(info.compress_size, 1)
            raise PackRefused(
                f'entry "{name}" is compressed {ratio}:1; more than {MAX_RATIO}:1 is refused'
            )
        files.append(info)
    _check_folders(folded)
    return files


def _folded(name: str) -> str:
    """One name for all the names a file system that ignores case or Unicode
    normalization (macOS, Windows) takes for the same file."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def _collision(first: str, second: str) -> str:
    """Why two entries that would be one file on macOS or Windows are refused."""
    if first.rstrip("/") == second.rstrip("/"):
        return f'entry "{second.rstrip("/")}" is both a file and a folder'
    if unicodedata.normalize("NFC", first) == unicodedata.normalize("NFC", second):
        return (
            f'entries "{first}" and "{second}" differ only by Unicode normalization '
            f"({first!a} and {second!a}); on macOS they would be one file"
        )
    if first.casefold() == second.casefold():
        return f'entries "{first}" and "{second}" differ only by upper and lower case'
    return (
        f'entries "{first}" and "{second}" differ only by upper and lower case and Unicode '
        f"normalization ({first!a} and {second!a}); on macOS and Windows they "
        "would be one file"
    )


def _check_folders(folded: dict[str, str]) -> None:
    """Refuse a file whose name another entry needs as a folder (`media/a.png` and
    `media/a.png/b.png`), however the two names are written."""
    folders: dict[str, tuple[str, str]] = {}  # folded folder -> (as written, by entry)
    for key, name in sorted(folded.items()):
        parts = key.split("/")
        written = name.rstrip("/").split("/")
        for end in range(1, len(parts)):
            above = "/".join(parts[:end])
            owner = folded.get(above)
            if owner is not None and not owner.endswith("/"):
                raise PackRefused(
                    f'entry "{owner}" is a file, and entry "{name}" needs a folder of that name'
                )
            folder = "/".join(written[:end])
            seen, by = folders.setdefault(above, (folder, name))
            if seen != folder:
                how = _collision(seen, folder).split(" differ only by ", 1)[1].split(" (")[0]
                how = how.split(";")[0]
                raise PackRefused(
                    f'entries "{by}" and "{name}" are in folders whose names differ only by '
                    f'{how} ("{seen}" and "{folder}")'
                )


def _check_name(name: str, original: str) -> None:
    for text in (name, original):
        if "\\" in text:
            raise PackRefused(f'entry "{text}" has a backslash in its name')
        if text.startswith("/") or _DRIVE.match(text):
            raise PackRefused(f'entry "{text}" has an absolute path')
        if _FORBIDDEN.search(text):
            raise PackRefused(f"entry {text!r} has a character not allowed in file names")
        parts = text.rstrip("/").split("/")
        if any(part in ("", ".", "..") for part in parts):
            raise PackRefused(f'entry "{text}" points outside the archive root')


def _check_place(name: str) -> None:
    path = PurePosixPath(name)
    top, suffix = path.parts[0], path.suffix.lower()
    allowed = (
        name == MANIFEST
        or (top in ("practices", "plans") and len(path.parts) > 1 and suffix in YAML_SUFFIXES)
        or (top == "media" and len(path.parts) > 1 and suffix in MEDIA_SUFFIXES)
    )
    if not allowed:
        raise PackRefused(
            f'entry "{name}" does not belong in a pack (pack.yaml, practices/*.yaml, '
            "plans/*.yaml, media/ with wav, flac, ogg, png, jpg or svg files)"
        )
