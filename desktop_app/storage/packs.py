"""Packs (`.attunepack`): build one from a folder, look inside one, and install,
list and remove them under packs/<pack-id>/.

An archive comes from someone else, by e-mail or USB stick, so it is checked before
anything is written: every entry's name, kind and declared size. It is then unpacked
into a private staging folder with a hard limit on every entry's actual bytes,
every file is validated, and only then does it take its place, by renaming. On any
failure the staging folder is removed and the installed packs are unchanged.

Each install unpacks into a folder with a temporary name of this process
(`packs/.attune-work/.attune-tmp-<pid>-<hex>`, see `private_files`); an upgrade moves
the version it replaces aside beside it, as `<that name>.<id>.old`, and a removal moves
the pack to `<that name>.<id>.removed`. A crash leaves those names, and `recover` (run
before packs are read or changed) settles them once their process is gone: a swap
begun (the old one aside, the pack missing) is finished with the new one, which was
complete and synced before the old one moved, or else the old one is put back;
everything else is removed, which leaves the packs as they were before.
"""

from __future__ import annotations

import contextlib
import copy
import glob
import logging
import os
import re
import shutil
import stat
import tempfile
import time
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from desktop_app.core.files import NotARegularFile, open_regular
from desktop_app.core.library import find_files, load_file
from desktop_app.core.model import PackManifest, Plan, Pos, Practice
from desktop_app.core.plan_loader import check_plan_against_library
from desktop_app.core.problems import InvalidFile, Problem
from desktop_app.storage.paths import ensure_private_dir
from desktop_app.storage.plans import PlanStore
from desktop_app.storage.private_files import (
    LEGACY_AGE,
    is_leftover,
    live,
    private_file,
    remove_leftovers,
    sweep_once,
    sync_folder,
    temporary_name,
    write_private,
)

logger = logging.getLogger(__name__)

MAX_ENTRIES = 2_000
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100
#: Below this size an entry cannot do harm whatever its ratio (a short YAML file of
#: repeated text may compress better than 100:1); above it the ratio is enforced.
RATIO_FLOOR_BYTES = 64 * 1024
MANIFEST = "pack.yaml"
FOLDERS = ("practices", "plans", "media")
YAML_SUFFIXES = (".yaml", ".yml")
MEDIA_SUFFIXES = (".wav", ".flac", ".ogg", ".png", ".jpg", ".jpeg", ".svg")
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o100644
CHUNK = 1024 * 1024
#: Work folders inside packs/: hidden, so the library never reads them as a pack.
WORK_DIR = ".attune-work"
_DRIVE = re.compile(r"^[A-Za-z]:")
#: Characters no entry name may hold: reserved on Windows, or control characters.
_FORBIDDEN = re.compile(r'[<>:"|?*\x00-\x1f\x7f-\x9f]')
#: Beside the work folders: a pack installed whose plans are not yet among the person's.
_PLANS_MARK = ".plans"
#: The work folders of Attunes before 0.2, which had no process id in their names.
_LEGACY_WORK = re.compile(r"^\.(staging|old|removed)-[a-z0-9_]{8}\Z")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}\Z")  # \Z: no line break after


class PackRefused(Exception):
    """An archive that is not installed, and why: hostile, damaged or an older version."""

    def __init__(self, reason: str, *, not_newer: bool = False) -> None:
        self.reason = reason
        #: Refused only because this version is not newer than the one installed: the
        #: person may replace it all the same.
        self.not_newer = not_newer
        super().__init__(reason)


@dataclass(frozen=True)
class PackPreview:
    manifest: PackManifest | None
    practices: list[Practice] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    media: list[tuple[str, int]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class ImportResult:
    manifest: PackManifest
    folder: Path
    practices: list[str]
    plans: list[str]
    replaced_version: int | None = None
    #: Why the pack's plans could not be added among the person's (None: they were, or
    #: none were asked for); the next start adds them.
    plans_not_added: str | None = None


# ---------------------------------------------------------------- validation


@dataclass
class _Checked:
    manifest: PackManifest | None
    practices: list[Practice]
    plans: list[Plan]
    problems: list[Problem]


def _validate_tree(
    root: Path, display: Callable[[str], str], *, hide_root: bool = False
) -> _Checked:
    """Every file of a pack folder, with every problem; `display` names a file from
    its path relative to the pack. `hide_root` keeps a staging folder's own path out of
    the messages (it is gone once they are read)."""
    checked = _check_tree(root, display)
    if hide_root:
        where = str(root.resolve())
        checked.problems = [
            replace(p, message=p.message.replace(where, "the pack")) for p in checked.problems
        ]
    return checked


def _check_tree(root: Path, display: Callable[[str], str]) -> _Checked:
    problems: list[Problem] = []
    manifest: PackManifest | None = None
    manifest_path = root / MANIFEST
    if not manifest_path.is_file():
        problems.append(
            Problem(display(MANIFEST), Pos(1, 1), "missing: a pack needs a pack.yaml manifest")
        )
    else:
        loaded = _load(manifest_path, display(MANIFEST), root, problems)
        if loaded is not None and not isinstance(loaded, PackManifest):
            problems.append(
                Problem(display(MANIFEST), Pos(1, 1), 'expected "attune: pack/1" in pack.yaml')
            )
        elif isinstance(loaded, PackManifest):
            manifest = loaded
    practices: list[Practice] = []
    plans: list[Plan] = []
    for folder, kind in (("practices", Practice), ("plans", Plan)):
        for path in find_files(root / folder):
            name = display(path.relative_to(root).as_posix())
            item = _load(path, name, root, problems)
            if item is None:
                continue
            if not isinstance(item, kind):
                problems.append(
                    Problem(
                        name, Pos(1, 1), f"expected a {kind.__name__.lower()} file in {folder}/"
                    )
                )
            elif isinstance(item, Practice):
                practices.append(item)
            elif isinstance(item, Plan):
                plans.append(item)
    for items in (practices, plans):
        seen: dict[str, Practice | Plan] = {}
        for item in items:
            if item.id in seen:
                other = seen[item.id].source
                assert item.source is not None and other is not None
                problems.append(
                    Problem(
                        display(item.source.relative_to(root).as_posix()),
                        item.id_pos,
                        f'"{item.id}" is also used by '
                        f"{display(other.relative_to(root).as_posix())}; ids must be unique",
                        "id",
                    )
                )
            seen.setdefault(item.id, item)
    known = {p.id: p for p in practices}
    for plan in plans:
        assert plan.source is not None
        name = display(plan.source.relative_to(root).as_posix())
        problems.extend(p for p in check_plan_against_library(plan, known, name) if p.is_error)
    return _Checked(manifest, practices, plans, problems)


def _load(
    path: Path, name: str, root: Path, problems: list[Problem]
) -> Practice | Plan | PackManifest | None:
    try:
        return load_file(path, display=name, media_root=root)
    except InvalidFile as error:
        problems.extend(error.problems)
        return None


# ---------------------------------------------------------------- building


def build_pack(folder: Path, out: Path) -> PackManifest:
    """Validate a pack folder and write it as a deterministic zip, atomically.
    Raises InvalidFile with every problem."""
    checked = _validate_tree(folder, lambda rel: str(folder / rel))
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
                    _check_entries(archive)
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
    if len(data) > RATIO_FLOOR_BYTES and len(data) > MAX_RATIO * max(compressed, 1):
        info.compress_type = zipfile.ZIP_STORED
    archive.writestr(info, data, compresslevel=9)


# ---------------------------------------------------------------- checking


def _check_entries(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
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
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
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


def _open(path: Path) -> zipfile.ZipFile:
    try:
        # Only a regular file: a FIFO given as the pack would block the reader for good.
        with open_regular(path):
            pass
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise PackRefused(f"{path}: no such file") from None
    except NotARegularFile:
        raise PackRefused(f"{path}: not a pack (not a file, but a pipe or a device)") from None
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise PackRefused(f"{path}: not a pack (not a readable zip archive: {error})") from None


def _extract(
    archive: zipfile.ZipFile, files: list[zipfile.ZipInfo], dest: Path, *, durable: bool = False
) -> None:
    """Unpack into `dest` (files 0600, folders 0700), stopping as soon as an entry gives
    more bytes than it declared, or the whole more than the limit. `durable`: every
    file and folder synced, so that what is installed survives a power cut."""
    total = 0
    folders = {dest}
    for info in files:
        target = dest.joinpath(*info.filename.split("/"))
        written = 0
        try:
            _private_folders(dest, target.parent, folders)
            # One byte more than declared may be read, so that data longer than its
            # declared size is seen as such rather than cut short by the zip reader.
            # The checksum is checked here too, once all the data is in.
            probe = copy.copy(info)
            probe.file_size = info.file_size + 1
            del probe.CRC
            crc = 0
            with archive.open(probe) as source, os.fdopen(private_file(target), "wb") as sink:
                while chunk := source.read(CHUNK):
                    written += len(chunk)
                    total += len(chunk)
                    if written > info.file_size:
                        raise PackRefused(
                            f'entry "{info.filename}" holds more data than its declared '
                            f"size ({info.file_size} bytes)"
                        )
                    if total > MAX_TOTAL_BYTES:
                        raise PackRefused(
                            f"the archive unpacks to more than "
                            f"{MAX_TOTAL_BYTES // (1024 * 1024)} MB"
                        )
                    crc = zlib.crc32(chunk, crc)
                    sink.write(chunk)
                if durable:
                    sink.flush()
                    os.fsync(sink.fileno())
        except (zipfile.BadZipFile, EOFError) as error:
            raise PackRefused(
                f'entry "{info.filename}" is damaged: its data does not match its declared size '
                f"and checksum ({error})"
            ) from None
        except (OSError, ValueError, NotImplementedError) as error:
            raise PackRefused(f'entry "{info.filename}" could not be unpacked: {error}') from None
        if written != info.file_size:
            raise PackRefused(
                f'entry "{info.filename}" holds {written} bytes, not the {info.file_size} declared'
            )
        if crc != info.CRC:
            raise PackRefused(f'entry "{info.filename}" is damaged: its checksum does not match')
    if durable:
        for folder in folders:
            sync_folder(folder)


def _private_folders(root: Path, folder: Path, made: set[Path]) -> None:
    """Make `folder` and the folders between it and `root`, each 0700 whatever the
    umask."""
    if folder in made:
        return
    _private_folders(root, folder.parent, made)
    folder.mkdir(mode=0o700, exist_ok=True)
    if os.name == "posix":
        folder.chmod(0o700)
    made.add(folder)


# ---------------------------------------------------------------- previewing


def inspect_pack(path: Path) -> PackPreview:
    """What a pack holds and what is wrong with it, without installing anything.
    Raises PackRefused for an archive that would be refused outright."""
    with _open(path) as archive:
        files = _check_entries(archive)
        with scratch_folder(".preview") as root:
            _extract(archive, files, root)
            checked = _validate_tree(root, lambda rel: rel, hide_root=True)
    media = [(i.filename, i.file_size) for i in files if i.filename.startswith("media/")]
    return PackPreview(
        checked.manifest, checked.practices, checked.plans, sorted(media), checked.problems
    )


# ---------------------------------------------------------------- installing


def import_pack(
    path: Path,
    packs_dir: Path,
    *,
    confirm_replace: bool = False,
    plans: PlanStore | None = None,
) -> ImportResult:
    """Install a pack, all or nothing. Raises PackRefused (hostile, damaged, not newer,
    or the packs folder cannot be written) or InvalidFile (files with problems, named
    relative to the pack). With `plans`, the pack's plans are then added to the
    person's: a mark (`.attune-work/<id>.plans`) made before the pack takes its place
    and removed once they are in lets `add_pending_plans` finish that after a crash."""
    recover(packs_dir)
    if plans is not None:
        add_pending_plans(packs_dir, plans)
    plans_not_added: str | None = None
    created_packs = not packs_dir.exists()
    try:
        with _open(path) as archive:
            files = _check_entries(archive)
            with _not_written(packs_dir):
                ensure_private_dir(packs_dir)
            with _operation(packs_dir) as staging:
                _extract(archive, files, staging, durable=True)
                checked = _validate_tree(staging, lambda rel: rel, hide_root=True)
                if checked.problems or checked.manifest is None:
                    raise InvalidFile(checked.problems)
                manifest = checked.manifest
                target = packs_dir / manifest.id
                replaced = _installed_version(target)
                if replaced is not None and manifest.version <= replaced and not confirm_replace:
                    raise PackRefused(
                        f"pack {manifest.id} version {replaced} is already installed; "
                        f"this one is version {manifest.version}",
                        not_newer=True,
                    )
                mark = staging.with_name(f"{manifest.id}{_PLANS_MARK}")
                with _not_written(packs_dir):
                    if plans is not None and checked.plans:
                        # The mark names the version whose plans it is for: were this
                        # install not to finish, the old version's plans are not added.
                        write_private(mark, str(manifest.version).encode())
                    _swap(staging, target)
                if plans is not None and checked.plans:
                    plans_not_added = _add_plans(target, plans, mark)
    finally:
        if created_packs:
            with contextlib.suppress(OSError):
                packs_dir.rmdir()  # only when empty: nothing was installed
    installed = replace(manifest, source=target / MANIFEST)
    logger.info(
        "Pack %s version %s installed%s: %d practices, %d plans%s",
        manifest.id,
        manifest.version,
        f" (replacing version {replaced})" if replaced is not None else "",
        len(checked.practices),
        len(checked.plans),
        "; its plans could not be added" if plans_not_added is not None else "",
    )
    return ImportResult(
        installed,
        target,
        sorted(p.id for p in checked.practices),
        sorted(p.id for p in checked.plans),
        replaced,
        plans_not_added,
    )


def add_pending_plans(packs_dir: Path, plans: PlanStore) -> list[str]:
    """Add the plans of packs installed by a process that stopped before it added them
    (their `.attune-work/<id>.plans` mark); returns the ids of those packs. Never
    raises: a mark stays until its plans are in."""
    done: list[str] = []
    with contextlib.suppress(OSError):
        for mark in sorted((packs_dir / WORK_DIR).glob(f"*{_PLANS_MARK}")):
            pack_id = mark.name.removesuffix(_PLANS_MARK)
            if not _SLUG.match(pack_id):
                continue
            installed = _installed_version(packs_dir / pack_id)
            if installed is not None and _marked_version(mark) in (None, installed):
                if _add_plans(packs_dir / pack_id, plans, mark) is None:
                    done.append(pack_id)
            else:  # no pack, or not the version the mark was made for: that install failed
                mark.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            (packs_dir / WORK_DIR).rmdir()
    return done


def _marked_version(mark: Path) -> int | None:
    """The pack version a plans mark was made for (None for a mark with no version, as
    made before marks named one: then the installed pack is taken as the one)."""
    with contextlib.suppress(OSError, ValueError):
        text = mark.read_text(encoding="ascii").strip()
        return int(text) if text.isdigit() and len(text) < 20 else None
    return None


def _add_plans(folder: Path, plans: PlanStore, mark: Path) -> str | None:
    """Add the pack's plans to the person's, then remove the mark; or why not."""
    try:
        for plan_file in sorted((folder / "plans").glob("*.y*ml")):
            plans.import_plan(plan_file)
    except InvalidFile as error:
        return "; ".join(str(p) for p in error.problems)
    except OSError as error:
        reason = error.strerror or str(error)
        return f"{error.filename}: {reason}" if error.filename else reason
    mark.unlink(missing_ok=True)
    return None


@contextlib.contextmanager
def _not_written(packs_dir: Path) -> Iterator[None]:
    """An OSError while changing the packs folder as a plain refusal."""
    try:
        yield
    except OSError as error:
        where = error.filename or packs_dir
        reason = error.strerror or str(error)
        raise PackRefused(
            f"the packs folder could not be written ({where}: {reason}); "
            "the installed packs are as they were"
        ) from None


@contextlib.contextmanager
def _operation(packs_dir: Path) -> Iterator[Path]:
    """A private (0700) folder with a temporary name of this process for one install
    or removal, in packs/.attune-work/. It and its `.removed` are removed afterwards,
    and its `.old` too unless that pack could not be put back (then `recover` does it
    at the next start)."""
    work = packs_dir / WORK_DIR
    with live(temporary_name()) as name, _not_written(packs_dir):
        folder = work / name
        try:
            for attempt in range(100):  # another Attune may remove an empty work folder
                with contextlib.suppress(FileExistsError):
                    work.mkdir(mode=0o700)
                try:
                    folder.mkdir(mode=0o700)
                    break
                except FileNotFoundError:
                    if attempt == 99:
                        raise
            if os.name == "posix":
                folder.chmod(0o700)
            yield folder
        finally:
            with contextlib.suppress(OSError):
                for leftover in work.glob(f"{glob.escape(name)}*"):
                    pack_id = leftover.name.removeprefix(f"{name}.").removesuffix(".old")
                    if leftover.name.endswith(".old") and not _exists(packs_dir / pack_id):
                        continue
                    shutil.rmtree(leftover, ignore_errors=True)
            with contextlib.suppress(OSError):
                work.rmdir()


def _installed_version(folder: Path) -> int | None:
    """The version of the pack installed in `folder`; -1 when it is there but its
    manifest cannot be read (so any valid pack may replace it)."""
    if not folder.exists():
        return None
    try:
        manifest = load_file(folder / MANIFEST, display=str(folder / MANIFEST))
    except InvalidFile:
        return -1
    return manifest.version if isinstance(manifest, PackManifest) else -1


def _swap(staging: Path, target: Path) -> None:
    """Put `staging` (complete and synced) in `target`'s place by renames: the old pack
    aside as `<staging>.<id>.old`, the new one in; the old one is then removed with the
    staging folder's other names. A failure in between puts the old one back; a crash
    in between is finished by `recover`."""
    aside: Path | None = None
    if _exists(target):
        aside = staging.with_name(f"{staging.name}.{target.name}.old")
        # A rename keeps the folder's time, which may be older than this process; fresh,
        # another Attune's `recover` cannot take the moved folder for a dead one's.
        os.utime(target)
        target.rename(aside)
        sync_folder(staging.parent)
    try:
        staging.rename(target)
    except BaseException:
        if aside is not None:
            aside.rename(target)
        raise
    sync_folder(target.parent)


def recover(packs_dir: Path) -> list[str]:
    """Settle what crashed installs and removals left in packs/.attune-work (of
    processes that are gone; another Attune's work in progress is left alone): an
    upgrade whose old version was moved aside is finished with the new one (complete,
    or it would not have moved), or, were the new one not there, the old one is put
    back; every other leftover is removed. Returns what was done, one line each.
    Never raises: what cannot be done now is done at a later start."""
    work = packs_dir / WORK_DIR
    done: list[str] = []
    try:
        entries = list(work.iterdir())
    except OSError:
        return done
    now = time.time()
    # A pack moved aside first: its swap is finished with the new one beside it.
    entries.sort(key=lambda e: not (e.name.endswith(".old") or e.name.startswith(".old-")))
    for entry in entries:
        legacy = _LEGACY_WORK.match(entry.name)
        if legacy:
            with contextlib.suppress(OSError):
                if now - entry.lstat().st_mtime <= LEGACY_AGE:
                    continue
        elif not is_leftover(entry):
            continue
        with contextlib.suppress(OSError):
            done.extend(_settle(entry, packs_dir, legacy=legacy is not None))
    with contextlib.suppress(OSError):
        work.rmdir()
    return done


def _settle(entry: Path, packs_dir: Path, *, legacy: bool) -> list[str]:
    """One leftover in the work folder: a pack moved aside is put back (or its swap
    finished) when its place is empty; then the leftover is removed."""
    done: list[str] = []
    moved: list[tuple[Path, str, Path | None]] = []  # (aside, pack id, its replacement)
    if legacy and entry.name.startswith(".old-") and entry.is_dir():
        moved = [(child, child.name, None) for child in entry.iterdir()]
    elif not legacy and entry.name.endswith(".old"):
        staging, _, rest = entry.name[1:].partition(".")
        moved = [(entry, rest.removesuffix(".old"), entry.with_name(f".{staging}"))]
    for aside, pack_id, new in moved:
        target = packs_dir / pack_id
        if not _SLUG.match(pack_id) or _exists(target):
            continue
        if new is not None and (new / MANIFEST).is_file():
            new.rename(target)
            done.append(f"finished installing pack {pack_id}")
        else:
            aside.rename(target)
            done.append(f"put pack {pack_id} back as it was")
        sync_folder(packs_dir)
    if _exists(entry):
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
        done.append(f"removed {entry.name}")
    return done


def make_private(packs_dir: Path) -> int:
    """Take every access but the owner's from what is installed (packs installed by
    Attunes before 0.2 have 0644 files); returns how many modes were changed. Never
    raises."""
    changed = 0
    if os.name != "posix" or not packs_dir.is_dir():
        return changed
    for folder, subfolders, names in os.walk(packs_dir):
        for name, wanted in [(n, 0o700) for n in subfolders] + [(n, 0o600) for n in names]:
            path = Path(folder, name)
            with contextlib.suppress(OSError):
                mode = path.lstat().st_mode
                if not stat.S_ISLNK(mode) and stat.S_IMODE(mode) & 0o077:
                    path.chmod(stat.S_IMODE(mode) & wanted)
                    changed += 1
    return changed


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


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def list_packs(packs_dir: Path) -> list[PackManifest]:
    """The installed packs whose manifest can be read, by id."""
    recover(packs_dir)
    if not packs_dir.is_dir():
        return []
    found: list[PackManifest] = []
    for folder in sorted(packs_dir.iterdir()):
        if folder.name.startswith(".") or not folder.is_dir():
            continue
        try:
            manifest = load_file(folder / MANIFEST, display=str(folder / MANIFEST))
        except InvalidFile:
            continue
        if isinstance(manifest, PackManifest):
            found.append(manifest)
    return found


def remove_pack(packs_dir: Path, pack_id: str) -> None:
    """Uninstall a pack: renamed aside first, so the library never sees half of it
    (a crash after that rename leaves it for `recover` to remove)."""
    recover(packs_dir)
    target = packs_dir / pack_id
    if not _SLUG.match(pack_id) or not target.is_dir():
        raise PackRefused(f'no pack "{pack_id}" is installed')
    with _operation(packs_dir) as work, _not_written(packs_dir):
        target.rename(work.with_name(f"{work.name}.{pack_id}.removed"))
        sync_folder(packs_dir)
    logger.info("Pack %s removed", pack_id)
