"""What the commands share: exit codes, usage errors, finding a practice and a length."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from desktop_app.app import measure_clip, open_library, shown
from desktop_app.core.durations import format_duration, parse_duration
from desktop_app.core.library import load_file
from desktop_app.core.model import Practice
from desktop_app.core.problems import Problem

OK, INVALID, USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how the command was called; exits with status 2."""


def print_problems(problems: Sequence[Problem], stream: TextIO | None = None) -> None:
    for problem in problems:
        print(problem, file=stream or sys.stdout)


def pack_root(file: Path, limit: Path) -> Path | None:
    """The folder of the nearest pack.yaml above `file` (up to `limit`): media paths in
    a pack's practices are relative to it."""
    limit = limit.resolve()
    for folder in file.resolve().parents:
        if (folder / "pack.yaml").is_file():
            return folder
        if folder == limit or limit not in folder.parents:
            break
    return None


def find_practice(reference: str) -> Practice:
    """A practice by file path, or else by library id. Raises InvalidFile for a file
    with problems and UsageError when there is nothing to find."""
    path = Path(reference)
    if path.is_dir():
        raise UsageError(f"{reference}: this is a folder; give a practice file or an id")
    if path.is_file() or path.suffix.lower() in (".yaml", ".yml"):
        if not path.exists():
            raise UsageError(f"{reference}: no such file")
        item = load_file(
            path,
            display=shown(path),
            media_root=pack_root(path, path.parent),
            measure_clip=measure_clip,
        )
        if not isinstance(item, Practice):
            kind = type(item).__name__.lower().replace("packmanifest", "pack manifest")
            raise UsageError(f"{reference}: this is a {kind} file, not a practice")
        return item
    practice = open_library().practice(reference)
    if practice is None:
        raise UsageError(
            f'no practice with id "{reference}" in the library (see attune list), and no such file'
        )
    return practice


def chosen_length(practice: Practice, args: argparse.Namespace) -> float | None:
    """The --length asked for, checked against the practice; None for its default."""
    if args.length is None:
        return None
    length = parse_duration(args.length)
    if not length:
        raise UsageError(f'--length: expected a duration like "10m", got "{args.length}"')
    if not practice.lengths:
        raise UsageError(f'"{practice.id}" has no lengths to choose from; leave out --length')
    if length not in practice.lengths:
        offered = ", ".join(format_duration(x) for x in practice.lengths)
        print(
            f"note: {format_duration(length)} is not one of this practice's lengths ({offered})",
            file=sys.stderr,
        )
    return length


def chosen_language(practice: Practice, args: argparse.Namespace) -> str:
    """--language, with a note when the practice has no texts in it."""
    language: str = args.language or practice.language
    if not practice.title.has(language):
        print(
            f'note: "{practice.id}" has no texts in "{language}"; '
            f"they are shown in {practice.language}",
            file=sys.stderr,
        )
    return language
