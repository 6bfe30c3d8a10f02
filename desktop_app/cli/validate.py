"""`attune validate PATH...`: every problem of every file, as path:line:col: message."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.app import open_library, shown
from desktop_app.audio.clips import clip_seconds
from desktop_app.cli.common import INVALID, OK, UsageError, pack_root, print_problems
from desktop_app.core.library import find_files, load_file
from desktop_app.core.model import PackManifest, Plan, Practice
from desktop_app.core.plan_loader import check_plan_against_library
from desktop_app.core.problems import InvalidFile, Problem


def run(args: argparse.Namespace) -> int:
    files: list[tuple[Path, Path | None]] = []
    for path in args.paths:
        if path.is_dir():
            files.extend((f, pack_root(f, path)) for f in find_files(path))
        elif path.exists():
            files.append((path, pack_root(path, path.parent)))
        else:
            raise UsageError(f"{path}: no such file or folder")
    problems: list[Problem] = []
    loaded: list[tuple[Path, Practice | Plan | PackManifest]] = []
    for file, media_root in files:
        try:
            loaded.append(
                (
                    file,
                    load_file(
                        file, display=shown(file), media_root=media_root, measure_clip=clip_seconds
                    ),
                )
            )
        except InvalidFile as error:
            problems.extend(error.problems)
    problems.extend(_cross_checks(loaded))
    print_problems(problems)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    bad_files = len({p.file for p in problems if p.is_error})
    summary = f"{len(files)} file{'s' * (len(files) != 1)} checked"
    summary += ": all valid" if not errors else f": {bad_files} with errors ({errors} in all)"
    if warnings:
        summary += f", {warnings} warning{'s' * (warnings != 1)}"
    print(summary, file=sys.stderr)
    return INVALID if errors else OK


def _cross_checks(loaded: list[tuple[Path, Practice | Plan | PackManifest]]) -> list[Problem]:
    """Ids unique per kind among the files checked; plans against the practices known."""
    problems: list[Problem] = []
    seen: dict[tuple[str, str], Path] = {}
    for path, item in loaded:
        if isinstance(item, PackManifest):
            continue
        key = (type(item).__name__, item.id)
        if key in seen:
            problems.append(
                Problem(
                    shown(path),
                    item.id_pos,
                    f'id "{item.id}" is also used by {shown(seen[key])}; ids must be unique',
                    "id",
                )
            )
        seen.setdefault(key, path)
    practices = {p.id: p for _, p in loaded if isinstance(p, Practice)}
    plans = [(path, p) for path, p in loaded if isinstance(p, Plan)]
    if plans:
        try:
            library = open_library()
            known = {
                pid: e.item for pid, e in library.practices.items() if isinstance(e.item, Practice)
            }
        except OSError:
            known = {}
        known.update(practices)
        for path, plan in plans:
            problems.extend(check_plan_against_library(plan, known, shown(path)))
    return problems
