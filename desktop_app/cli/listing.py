"""`attune list`: the library, and where each practice comes from."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop_app.app import open_library
from desktop_app.cli.common import (
    OK,
    attune_language,
    language_option,
    print_problems,
    visible,
    visible_json,
    visible_lines,
)
from desktop_app.core.durations import format_duration


def run(args: argparse.Namespace) -> int:
    # Titles in the language the window shows them in, as the Library does.
    language = language_option(args.language) if args.language else attune_language()
    library = open_library()
    rows = []
    for practice_id in sorted(library.practices):
        entry = library.practices[practice_id]
        practice = entry.summary  # all the table needs: no practice is read in full
        rows.append(
            {
                "id": entry.id,
                "title": practice.title.get(language),
                "kind": practice.kind,
                "language": practice.language,
                "languages": sorted({practice.language, *practice.title.languages}),
                "lengths": list(practice.lengths),
                "source": entry.source.kind
                if entry.source.kind != "pack"
                else f"pack:{entry.source.root.name}",
                "path": str(entry.path),
            }
        )
    if args.json:
        print(visible_json(json.dumps(rows, ensure_ascii=False, indent=2)))
    else:
        print(visible_lines(_list_table(rows)))
    print_problems(library.warnings, sys.stderr)
    if library.failures:
        count = len(library.failures)
        print(f"{count} file{'s' * (count != 1)} could not be loaded:", file=sys.stderr)
        for failure in library.failures:
            print(visible(f"  {failure.problems[0]}"), file=sys.stderr)
            if len(failure.problems) > 1:
                print(
                    f"  … and {len(failure.problems) - 1} more problems in this file",
                    file=sys.stderr,
                )
    return OK


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
    shown = [tuple(visible(cell) for cell in line) for line in table]
    widths = [max(len(line[i]) for line in shown) for i in range(len(headers))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
        for line in shown
    )
