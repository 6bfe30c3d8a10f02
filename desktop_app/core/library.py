"""The library: every practice and plan Attune can find, which one wins for an id,
and which files could not be loaded (never silently skipped).

Sources are searched in order of precedence: the user's own practices folder, then
imported packs, then the built-in practices. When two files share an id, the one
from the earlier source wins; within one source, the path that sorts first wins.
Each such clash is reported as a warning.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal, Protocol

from desktop_app.core.gc_pause import collection_paused
from desktop_app.core.model import MeasureClip, PackManifest, Plan, Practice
from desktop_app.core.problems import InvalidFile, Problem

SourceKind = Literal["user", "pack", "built-in"]
Loaded = Practice | Plan | PackManifest
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Source:
    """A folder of files. `media_root` is where media paths point (a pack's root);
    None means each file's own folder."""

    kind: SourceKind
    root: Path
    label: str
    media_root: Path | None = None


#: A file's identity for caching: (modification time in ns, size in bytes).
Stamp = tuple[int, int]


RecordKind = Literal["practice", "plan", "pack", "invalid"]


@dataclass(frozen=True)
class Record:
    """What a scan needs to know of a file without decoding all of it: its kind and
    id, and how to get the full result when someone asks for it."""

    kind: RecordKind
    id: str | None
    decode: Callable[[], Loaded | InvalidFile] = field(repr=False, compare=False)

    @classmethod
    def of(cls, result: Loaded | InvalidFile) -> Record:
        if isinstance(result, InvalidFile):
            return cls("invalid", None, lambda: result)
        kind: RecordKind = (
            "practice"
            if isinstance(result, Practice)
            else "plan"
            if isinstance(result, Plan)
            else "pack"
        )
        return cls(kind, result.id, lambda: result)


class LoadCache(Protocol):
    """Remembers load results by path and stamp, so a warm scan parses nothing and
    decodes an item only when it is used."""

    def get(self, path: Path, stamp: Stamp) -> Record | None: ...

    def put(self, path: Path, stamp: Stamp, result: Loaded | InvalidFile) -> None: ...


@dataclass(frozen=True, eq=False)
class Entry:
    """A practice or plan in the library and where it came from. The model itself is
    decoded on first use, so opening a large library costs little."""

    id: str
    path: Path
    source: Source
    record: Record = field(repr=False)

    @cached_property
    def item(self) -> Practice | Plan:
        item = self.record.decode()
        assert isinstance(item, Practice | Plan), "a record of a practice or plan holds one"
        return item


@dataclass(frozen=True)
class Library:
    practices: dict[str, Entry]
    plans: dict[str, Entry]
    failures: tuple[InvalidFile, ...]
    warnings: tuple[Problem, ...] = field(default=())

    def practice(self, practice_id: str) -> Practice | None:
        entry = self.practices.get(practice_id)
        return entry.item if entry and isinstance(entry.item, Practice) else None

    @property
    def problem_count(self) -> int:
        return len(self.failures)


def load_file(
    path: Path,
    *,
    display: str | None = None,
    media_root: Path | None = None,
    measure_clip: MeasureClip | None = None,
) -> Loaded:
    """Load any Attune file by its header; raise InvalidFile with every problem."""
    # The loaders (and the YAML parser) load on the first file that is not in the
    # cache: a warm start of the app never needs them.
    from desktop_app.core import documents
    from desktop_app.core.files import read_limited
    from desktop_app.core.plan_loader import pack_manifest_from_tree, plan_from_tree
    from desktop_app.core.practice_loader import practice_from_tree

    file = display or str(path)
    document = documents.read_document(read_limited(path, file), file)
    if document.kind == "practice":
        return practice_from_tree(
            document.root,
            file,
            source=path,
            media_root=media_root or path.parent,
            measure_clip=measure_clip,
        )
    if document.kind == "plan":
        return plan_from_tree(document.root, file, source=path)
    return pack_manifest_from_tree(document.root, file, source=path)


def stamp_of(path: Path) -> Stamp | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)


def find_files(root: Path) -> list[Path]:
    """YAML files below `root`, sorted, skipping hidden folders."""
    if not root.is_dir():
        return []
    found = [
        path
        for path in root.rglob("*")
        if path.suffix.lower() in YAML_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(root).parts)
        and path.is_file()
    ]
    return sorted(found)


def scan(
    sources: Iterable[Source],
    *,
    cache: LoadCache | None = None,
    measure_clip: MeasureClip | None = None,
    display: Callable[[Path], str] = str,
) -> Library:
    """Load every practice and plan of every source. Pack manifests are read for
    validation only; they are not library items."""
    with collection_paused():
        return _scan(sources, cache, measure_clip, display)


def _scan(
    sources: Iterable[Source],
    cache: LoadCache | None,
    measure_clip: MeasureClip | None,
    display: Callable[[Path], str],
) -> Library:
    practices: dict[str, Entry] = {}
    plans: dict[str, Entry] = {}
    failures: list[InvalidFile] = []
    warnings: list[Problem] = []
    for source in sources:
        for path, record in _load_all(source, cache, measure_clip, display):
            if record.kind == "invalid":
                failure = record.decode()
                assert isinstance(failure, InvalidFile)
                failures.append(failure)
                continue
            if record.kind == "pack" or record.id is None:
                continue
            table = practices if record.kind == "practice" else plans
            entry = Entry(record.id, path, source, record)
            winner = table.get(record.id)
            if winner is None:
                table[record.id] = entry
            else:
                warnings.append(_clash(entry, winner, display))
    return Library(practices, plans, tuple(failures), tuple(warnings))


def _load_all(
    source: Source,
    cache: LoadCache | None,
    measure_clip: MeasureClip | None,
    display: Callable[[Path], str],
) -> Iterator[tuple[Path, Record]]:
    for path in find_files(source.root):
        stamp = stamp_of(path)
        cached = cache.get(path, stamp) if cache is not None and stamp is not None else None
        if cached is not None:
            yield path, cached
            continue
        result: Loaded | InvalidFile
        try:
            result = load_file(
                path, display=display(path), media_root=source.media_root, measure_clip=measure_clip
            )
        except InvalidFile as error:
            result = error.with_traceback(None)  # kept for long: drop the frames it holds
        if cache is not None and stamp is not None:
            cache.put(path, stamp, result)
        yield path, Record.of(result)


def _clash(loser: Entry, winner: Entry, display: Callable[[Path], str]) -> Problem:
    """A warning on the file people can act on: the one that wins over another source
    (your own copy replacing a built-in), or the one left out within one source."""
    kind = loser.record.kind
    if loser.source != winner.source:
        return Problem(
            display(winner.path),
            winner.item.id_pos,
            f"this {kind} replaces the one with the same id in {display(loser.path)} "
            f"({loser.source.label})",
            "id",
            "warning",
        )
    return Problem(
        display(loser.path),
        loser.item.id_pos,
        f'{kind} id "{loser.item.id}" is also used by {display(winner.path)}, '
        "which is used instead",
        "id",
        "warning",
    )
