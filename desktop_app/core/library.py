"""The library: every practice and plan Attune can find, which one wins for an id,
and which files could not be loaded (never silently skipped).

Sources are searched in order of precedence: the user's own practices folder, then
imported packs, then the built-in practices. When two files share an id, the one
from the earlier source wins; within one source, the path that sorts first wins.
Each such clash is reported as a warning.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, TypeAlias, TypeVar

from desktop_app.core.gc_pause import collection_paused
from desktop_app.core.position import Pos
from desktop_app.core.problems import InvalidFile, Problem
from desktop_app.core.summaries import PlanSummary, PracticeSummary, Summary, summarize

if TYPE_CHECKING:
    # The models load with the first file read in full: listing a library from the
    # load cache never needs them.
    from desktop_app.core.model import MeasureClip, PackManifest, Plan, Practice

#: What a file holds, read in full (named lazily, as the models are loaded).
Loaded: TypeAlias = "Practice | Plan | PackManifest"
SourceKind = Literal["user", "pack", "built-in"]
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
    """What a scan keeps of a file: its kind and id and, for a practice or plan, its
    summary; for a file that could not be loaded, its problems, which call the file
    `file`. Never the model."""

    kind: RecordKind
    id: str | None
    summary: Summary | None = None
    problems: tuple[Problem, ...] = ()
    file: str = ""

    @classmethod
    def of(cls, result: Loaded | InvalidFile, file: str) -> Record:
        from desktop_app.core.model import Plan, Practice

        if isinstance(result, InvalidFile):
            return cls("invalid", None, problems=result.problems, file=file)
        if isinstance(result, Practice | Plan):
            kind: RecordKind = "practice" if isinstance(result, Practice) else "plan"
            return cls(kind, result.id, summarize(result))
        return cls("pack", result.id)

    def named(self, file: str) -> Record:
        """The same record with its problems calling the file `file` (the name a file
        is shown by depends on where Attune was started)."""
        if file == self.file or not self.problems:
            return self
        problems = tuple(replace(p, file=file) if p.file == self.file else p for p in self.problems)
        return replace(self, problems=problems, file=file)

    def failure(self) -> InvalidFile:
        return InvalidFile(list(self.problems))


class LoadCache(Protocol):
    """Remembers what a scan keeps of each file by path and stamp, so a warm scan
    parses nothing. `media_root` is the folder the file's media were looked for in:
    a file read with another one may have other problems."""

    def get(self, path: Path, stamp: Stamp, media_root: Path) -> Record | None: ...

    def put(self, path: Path, stamp: Stamp, media_root: Path, record: Record) -> None: ...


@dataclass(frozen=True, eq=False)
class Entry:
    """A practice or plan in the library, where it came from and its summary, which is
    all a list or a search needs. The model itself is read from the file when it is
    first used (`item`)."""

    id: str
    path: Path
    source: Source
    summary: Summary
    reader: FileReader = field(repr=False)

    @property
    def kind(self) -> Literal["practice", "plan"]:
        return "practice" if isinstance(self.summary, PracticeSummary) else "plan"

    @cached_property
    def item(self) -> Practice | Plan:
        """The practice or plan, read from its file. Raises InvalidFile when the file
        can no longer be read as this entry: it has become invalid or gone since the
        library was read, or now holds another id."""
        return self.reader.read(self)


@dataclass(frozen=True, eq=False)
class PracticeEntry(Entry):
    summary: PracticeSummary


@dataclass(frozen=True, eq=False)
class PlanEntry(Entry):
    summary: PlanSummary


E = TypeVar("E", PracticeEntry, PlanEntry)


@dataclass(frozen=True)
class FileReader:
    """Reads a library's files in full, as the scan that found them did."""

    measure_clip: MeasureClip | None = None
    display: Callable[[Path], str] = str

    def read(self, entry: Entry) -> Practice | Plan:
        from desktop_app.core.model import Plan, Practice

        file = self.display(entry.path)
        item = load_file(
            entry.path,
            display=file,
            media_root=entry.source.media_root,
            measure_clip=self.measure_clip,
        )
        wanted = Practice if entry.kind == "practice" else Plan
        if not isinstance(item, wanted) or item.id != entry.id:
            message = (
                f'this file no longer holds the {entry.kind} "{entry.id}": it has changed '
                "since the library was read"
            )
            raise InvalidFile([Problem(file, Pos(1, 1), message, "id")])
        return item


@dataclass(frozen=True)
class Library:
    practices: dict[str, PracticeEntry]
    plans: dict[str, PlanEntry]
    failures: tuple[InvalidFile, ...]
    warnings: tuple[Problem, ...] = field(default=())

    def practice(self, practice_id: str) -> Practice | None:
        """The practice with this id, read from its file; None when there is none, or
        when its file can no longer be read (it changed since the library was read)."""
        from desktop_app.core.model import Practice

        entry = self.practices.get(practice_id)
        if entry is None:
            return None
        try:
            item = entry.item
        except InvalidFile:
            return None
        return item if isinstance(item, Practice) else None

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
    """YAML files below `root`, sorted, skipping hidden files and folders and not
    following links to folders. One directory listing per folder: a warm scan of a
    large library spends more here than anywhere else."""
    found: list[tuple[tuple[str, ...], str]] = []  # (its names below root, its path)
    folders: list[tuple[str, tuple[str, ...]]] = [(str(root), ())]
    while folders:
        folder, names = folders.pop()
        try:
            with os.scandir(folder) as listing:
                for item in listing:
                    if item.name.startswith("."):
                        continue
                    if item.is_dir(follow_symlinks=False):
                        folders.append((item.path, (*names, item.name)))
                    elif item.name.lower().endswith(YAML_SUFFIXES) and item.is_file():
                        found.append(((*names, item.name), item.path))
        except OSError:
            continue  # not a folder, or one we may not read
    # In the order of Path objects (name by name), without making Paths to compare.
    return [Path(path) for _, path in sorted(found)]


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
    practices: dict[str, PracticeEntry] = {}
    plans: dict[str, PlanEntry] = {}
    failures: list[InvalidFile] = []
    warnings: list[Problem] = []
    reader = FileReader(measure_clip, display)
    for source in sources:
        for path, record in _load_all(source, cache, reader):
            summary = record.summary
            if record.kind == "invalid":
                failures.append(record.failure())
            elif record.id is None or summary is None:
                continue  # a pack's manifest: read to be checked, not a library item
            elif isinstance(summary, PracticeSummary):
                entry = PracticeEntry(record.id, path, source, summary, reader)
                _add(practices, entry, warnings, display)
            else:
                _add(plans, PlanEntry(record.id, path, source, summary, reader), warnings, display)
    return Library(practices, plans, tuple(failures), tuple(warnings))


def _add(
    table: dict[str, E],
    entry: E,
    warnings: list[Problem],
    display: Callable[[Path], str],
) -> None:
    winner = table.get(entry.id)
    if winner is None:
        table[entry.id] = entry
    else:
        warnings.append(_clash(entry, winner, display))


def _load_all(
    source: Source, cache: LoadCache | None, reader: FileReader
) -> Iterator[tuple[Path, Record]]:
    for path in find_files(source.root):
        stamp = stamp_of(path)
        media_root = source.media_root or path.parent
        if cache is not None and stamp is not None:
            cached = cache.get(path, stamp, media_root)
            if cached is not None:
                # Shown names are worked out only for the files that need one.
                yield path, cached.named(reader.display(path)) if cached.problems else cached
                continue
        # Problems name the file by its path until one is found (rare): working out
        # the name a file is shown by costs more than reading many a file.
        record = read_record(path, media_root, str(path), reader.measure_clip)
        if record.problems:
            record = record.named(reader.display(path))
        if cache is not None and stamp is not None:
            cache.put(path, stamp, media_root, record)
        yield path, record


def read_record(
    path: Path, media_root: Path, file: str, measure_clip: MeasureClip | None
) -> Record:
    """Load a file and keep what a scan keeps of it; the model itself is let go."""
    try:
        result = load_file(path, display=file, media_root=media_root, measure_clip=measure_clip)
    except InvalidFile as error:
        return Record.of(error, file)
    return Record.of(result, file)


def _clash(loser: Entry, winner: Entry, display: Callable[[Path], str]) -> Problem:
    """A warning on the file people can act on: the one that wins over another source
    (your own copy replacing a built-in), or the one left out within one source."""
    kind = loser.kind
    if loser.source != winner.source:
        return Problem(
            display(winner.path),
            winner.summary.id_pos,
            f"this {kind} replaces the one with the same id in {display(loser.path)} "
            f"({loser.source.label})",
            "id",
            "warning",
        )
    return Problem(
        display(loser.path),
        loser.summary.id_pos,
        f'{kind} id "{loser.id}" is also used by {display(winner.path)}, which is used instead',
        "id",
        "warning",
    )
