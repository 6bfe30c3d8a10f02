"""`attune validate PATH...`: every problem of every file, as path:line:col: message.

A file the library's load cache knows, unchanged since (same modification time and
size, media looked for in the same folder), is not parsed again: its problems, and
what the checks across files need of it, come from the cache. Nothing is added to
the cache here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.app import measure_clip, open_library, shown
from desktop_app.cli.common import INVALID, OK, USAGE, pack_root, print_problems, visible
from desktop_app.core.library import Record, find_files, read_record, stamp_of
from desktop_app.core.plan_loader import HasLengths, check_plan_against_library
from desktop_app.core.problems import Problem
from desktop_app.core.summaries import PlanSummary, PracticeSummary
from desktop_app.storage.load_cache import LoadCache
from desktop_app.storage.paths import default_paths


def run(args: argparse.Namespace) -> int:
    files, missing = _files_to_check(args.paths)
    problems = check_files(files)
    print_problems(problems)
    for message in missing:
        print(visible(f"attune: {message}"), file=sys.stderr)
    if files:
        print(_summary(len(files), problems), file=sys.stderr)
    if missing:
        return USAGE
    return INVALID if any(p.is_error for p in problems) else OK


#: Files people give `validate` by mistake: what each is, said instead of reading it.
NOT_CHECKED = {
    **dict.fromkeys((".wav", ".flac", ".ogg", ".oga", ".opus", ".mp3", ".m4a"), "a sound file"),
    **dict.fromkeys((".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"), "an image"),
}  # (a pack archive is read, and said to be one: its message points to its folder)


def check_files(files: list[tuple[Path, Path | None]]) -> list[Problem]:
    """Every problem and warning of these files, each alone and together (a plan's
    practices looked for among them and in the library)."""
    cache = LoadCache(default_paths().load_cache)
    problems: list[Problem] = []
    loaded: list[tuple[Path, Record]] = []
    for file, media_root in files:
        record = _record(file, media_root or file.parent, cache)
        if record.kind == "invalid":
            problems.extend(record.problems)
        else:
            loaded.append((file, record))
    return problems + _cross_checks(loaded)


def _record(file: Path, media_root: Path, cache: LoadCache) -> Record:
    """What the load cache knows of `file` when it is unchanged, else the file read."""
    stamp = stamp_of(file)
    cached = cache.get(file.resolve(), stamp, media_root.resolve()) if stamp else None
    record = cached or read_record(file, media_root, str(file), measure_clip)
    # Named as people read it only when there is something to say about it.
    return record.named(shown(file)) if record.problems else record


def pack_folder_warnings(folder: Path) -> list[Problem]:
    """What `validate` warns about in a pack's folder (a plan naming a practice that is
    neither in the pack nor in the library), for `pack build` to say too."""
    files, _ = _files_to_check([folder])
    return [problem for problem in check_files(files) if not problem.is_error]


def _files_to_check(paths: list[Path]) -> tuple[list[tuple[Path, Path | None]], list[str]]:
    """Each file once, with the pack folder its media are in; and what could not be found."""
    files: dict[Path, tuple[Path, Path | None]] = {}
    missing: list[str] = []
    for path in paths:
        try:
            if path.is_dir():
                found = find_files(path)
                if not found:
                    missing.append(f"{path}: no practice, plan or pack files in this folder")
                for file in found:
                    files.setdefault(file.resolve(), (file, pack_root(file, path)))
            elif path.exists() and path.suffix.lower() in NOT_CHECKED:
                kind = NOT_CHECKED[path.suffix.lower()]
                missing.append(f"{path}: this is {kind}, not a practice, plan or pack file")
            elif path.exists():
                files.setdefault(path.resolve(), (path, pack_root(path, path.parent)))
            else:
                missing.append(f"{path}: no such file or folder")
        except OSError as error:  # a name too long, a folder we may not read
            missing.append(f"{path}: {error.strerror or error}")
    return list(files.values()), missing


def _summary(checked: int, problems: list[Problem]) -> str:
    """`3 files checked, 1 with problems (2 errors, 1 warning)`."""
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    summary = f"{checked} file{'s' * (checked != 1)} checked"
    if not errors:
        summary += ", all valid"
        return summary + (f" ({_count(warnings, 'warning')})" if warnings else "")
    with_errors = len({p.file for p in problems if p.is_error})
    counts = [_count(errors, "error")] + ([_count(warnings, "warning")] if warnings else [])
    return summary + f", {with_errors} with problems ({', '.join(counts)})"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"


def _cross_checks(loaded: list[tuple[Path, Record]]) -> list[Problem]:
    """Ids unique per kind among the files checked; plans against the practices known."""
    problems: list[Problem] = []
    seen: dict[tuple[str, str], Path] = {}
    for path, record in loaded:
        summary = record.summary
        if record.id is None or summary is None:
            continue  # a pack's manifest
        key = (record.kind, record.id)
        if key in seen:
            problems.append(
                Problem(
                    shown(path),
                    summary.id_pos,
                    f'"{record.id}" is also used by {shown(seen[key])}; ids must be unique',
                    "id",
                )
            )
        seen.setdefault(key, path)
    practices = {
        r.id: r.summary for _, r in loaded if r.id and isinstance(r.summary, PracticeSummary)
    }
    plans = [(path, r.summary) for path, r in loaded if isinstance(r.summary, PlanSummary)]
    if plans:
        known: dict[str, HasLengths]
        try:
            library = open_library()
            known = {pid: e.summary for pid, e in library.practices.items()}
        except OSError:
            known = {}
        known.update(practices)
        for path, plan in plans:
            problems.extend(check_plan_against_library(plan, known, shown(path)))
    return problems
