"""The `attune` command: start the app, or check and inspect practice files.

Exit status: 0 success, 1 invalid input (problems were printed), 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import desktop_app
from desktop_app.app import clip_lengths, open_library, run_app, shown
from desktop_app.audio.clips import clip_seconds
from desktop_app.core.durations import format_duration, parse_duration
from desktop_app.core.library import find_files, load_file
from desktop_app.core.model import PackManifest, Plan, Practice
from desktop_app.core.plan_loader import check_plan_against_library
from desktop_app.core.problems import InvalidFile, Problem
from desktop_app.core.timeline import Timeline, TimelineError, compile_timeline

OK, INVALID, USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how the command was called; exits with status 2."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return run_app()
    try:
        result: int = args.run(args)
    except UsageError as error:
        print(f"attune: {error}", file=sys.stderr)
        return USAGE
    except BrokenPipeError:
        # The reader (e.g. `head`) went away; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK
    except KeyboardInterrupt:
        return 130
    return result


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="attune",
        description="Attune: calm, offline practice for what you learn in therapy. "
        "Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"attune {desktop_app.__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check practice, plan and pack files",
        description="Check practice, plan and pack.yaml files; folders are searched "
        "recursively. Prints one line per problem as path:line:col: message.",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    validate.set_defaults(run=run_validate)

    timeline = commands.add_parser(
        "timeline",
        help="show when each step of a practice happens",
        description="Compile a practice into its exact schedule.",
    )
    timeline.add_argument("practice", metavar="PRACTICE", help="a practice file, or a library id")
    timeline.add_argument("--length", metavar="L", help='the length to compile for, e.g. "10m"')
    timeline.add_argument(
        "--language", metavar="LANG", help="show texts in this language when the practice has it"
    )
    timeline.add_argument("--json", action="store_true", help="print JSON instead of a table")
    timeline.set_defaults(run=run_timeline)

    listing = commands.add_parser(
        "list",
        help="list the practices in the library",
        description="List built-in practices, your own practices and those from packs.",
    )
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(run=run_list)
    return parser


# --- shared -----------------------------------------------------------------------


def print_problems(problems: Sequence[Problem], stream: Any = None) -> None:
    for problem in problems:
        print(problem, file=stream or sys.stdout)


# --- validate ---------------------------------------------------------------------


def run_validate(args: argparse.Namespace) -> int:
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


# --- timeline ---------------------------------------------------------------------


def find_practice(reference: str) -> Practice:
    """A practice by file path, or else by library id."""
    path = Path(reference)
    if path.is_file() or path.suffix.lower() in (".yaml", ".yml"):
        if not path.exists():
            raise UsageError(f"{reference}: no such file")
        item = load_file(
            path,
            display=shown(path),
            media_root=pack_root(path, path.parent),
            measure_clip=clip_seconds,
        )
        if not isinstance(item, Practice):
            raise UsageError(
                f"{reference}: this is a {type(item).__name__.lower()} file, not a practice"
            )
        return item
    practice = open_library().practice(reference)
    if practice is None:
        raise UsageError(
            f'no practice with id "{reference}" in the library (see attune list), and no such file'
        )
    return practice


def run_timeline(args: argparse.Namespace) -> int:
    try:
        practice = find_practice(args.practice)
    except InvalidFile as error:
        print_problems(error.problems)
        return INVALID
    length = None
    if args.length is not None:
        length = parse_duration(args.length)
        if not length:
            raise UsageError(f'--length: expected a duration like "10m", got "{args.length}"')
        if practice.lengths and length not in practice.lengths:
            offered = ", ".join(format_duration(x) for x in practice.lengths)
            print(
                f"note: {format_duration(length)} is not one of this practice's lengths "
                f"({offered})",
                file=sys.stderr,
            )
        elif not practice.lengths:
            raise UsageError(f'"{practice.id}" has no lengths to choose from; leave out --length')
    try:
        timeline = compile_timeline(
            practice,
            length,
            clip_length=clip_lengths(practice),
            language=args.language or practice.language,
        )
    except TimelineError as error:
        raise UsageError(str(error)) from None
    if args.json:
        print(json.dumps(timeline_json(timeline), ensure_ascii=False, indent=2))
    else:
        print(timeline_table(practice, timeline))
    return OK


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    segments = []
    for segment in timeline.segments:
        item: dict[str, Any] = {
            "start": round(segment.start, 6),
            "end": round(segment.end, 6),
            "kind": segment.kind,
            "step": segment.step,
        }
        if segment.text:
            item["text"] = segment.text
        segments.append(item)
    return {
        "id": timeline.practice_id,
        "length": timeline.length,
        "total": round(timeline.total, 6),
        "segments": segments,
    }


def timeline_table(practice: Practice, timeline: Timeline) -> str:
    title = practice.title.get(timeline.language)
    length = format_duration(timeline.length) if timeline.length is not None else "fixed"
    lines = [
        f"{title} ({practice.id}) · length {length} · timed total "
        f"{format_duration(timeline.total)}",
        "",
    ]
    lines.append(f"{'start':>8} {'end':>8}  {'step':>4}  {'kind':<8} text")
    section = None
    for segment in timeline.segments:
        if segment.section is not None and segment.section != section:
            section = segment.section
            lines.append(f"{'':>8} {'':>8}  {'':>4}  — {timeline.sections[section].title}")
        text = " ".join((segment.text or "").split())
        if len(text) > 60:
            text = text[:57] + "..."
        held = " (waits)" if segment.kind in ("wait", "ask") else ""
        lines.append(
            f"{_clock(segment.start):>8} {_clock(segment.end):>8}  {segment.step + 1:>4}  "
            f"{segment.kind:<8} {text}{held}"
        )
    return "\n".join(lines)


def _clock(seconds: float) -> str:
    minutes, secs = divmod(seconds, 60)
    return f"{int(minutes)}:{secs:04.1f}"


# --- list -------------------------------------------------------------------------


def run_list(args: argparse.Namespace) -> int:
    library = open_library()
    rows = []
    for practice_id in sorted(library.practices):
        entry = library.practices[practice_id]
        practice = entry.item
        assert isinstance(practice, Practice)
        rows.append(
            {
                "id": practice.id,
                "title": practice.title.get(practice.language),
                "kind": practice.kind,
                "language": practice.language,
                "languages": sorted(_languages(practice)),
                "lengths": list(practice.lengths),
                "source": entry.source.kind
                if entry.source.kind != "pack"
                else f"pack:{entry.source.root.name}",
                "path": str(entry.path),
            }
        )
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(_list_table(rows))
    print_problems(library.warnings, sys.stderr)
    if library.failures:
        count = len(library.failures)
        print(f"{count} file{'s' * (count != 1)} could not be loaded:", file=sys.stderr)
        for failure in library.failures:
            print(f"  {failure.problems[0]}", file=sys.stderr)
            if len(failure.problems) > 1:
                print(
                    f"  … and {len(failure.problems) - 1} more problems in this file",
                    file=sys.stderr,
                )
    return OK


def _languages(practice: Practice) -> set[str]:
    return {practice.language, *practice.title.languages}


def _list_table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "The library is empty."
    headers = ("id", "title", "kind", "languages", "lengths", "source")
    table = [headers]
    for row in rows:
        lengths = ", ".join(format_duration(x) for x in row["lengths"]) or "fixed"
        table.append(
            (
                row["id"],
                row["title"],
                row["kind"],
                ",".join(row["languages"]),
                lengths,
                row["source"],
            )
        )
    widths = [max(len(str(line[i])) for line in table) for i in range(len(headers))]
    return "\n".join(
        "  ".join(str(cell).ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
        for line in table
    )


if __name__ == "__main__":
    sys.exit(main())
