"""Scanning sources: precedence on clashing ids, failures kept, hidden folders skipped."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.library import Source, find_files, scan
from desktop_app.core.model import Plan, Practice
from tests.helpers import MINIMAL_PRACTICE, write

PLAN = "attune: plan/1\nid: p\ntitle: P\nlanguage: en\nfrom: Me\nitems: [{practice: tiny, when: daily}]\n"


def test_earlier_sources_win_and_clashes_are_warned(tmp_path: Path) -> None:
    write(tmp_path / "user", "mine.yaml", MINIMAL_PRACTICE.replace("Tiny", "Mine"))
    write(tmp_path / "pack", "practices/theirs.yaml", MINIMAL_PRACTICE.replace("Tiny", "Theirs"))
    write(
        tmp_path / "pack",
        "pack.yaml",
        "attune: pack/1\nid: pk\ntitle: P\nauthor: A\nversion: 1\nlanguage: en\n",
    )
    write(tmp_path / "pack", "plans/p.yaml", PLAN)
    sources = [
        Source("user", tmp_path / "user", "your practices"),
        Source("pack", tmp_path / "pack", "pack pk", media_root=tmp_path / "pack"),
    ]
    library = scan(sources)
    entry = library.practices["tiny"]
    assert isinstance(entry.item, Practice) and entry.item.title.get() == "Mine"
    assert entry.source.kind == "user"
    (warning,) = library.warnings
    assert warning.severity == "warning" and warning.pos.line == 2
    assert warning.file.endswith("mine.yaml")  # on the file that wins: the user's own
    assert warning.message.startswith("this practice replaces the one with the same id in")
    assert warning.message.endswith("theirs.yaml (pack pk)")
    assert isinstance(library.plans["p"].item, Plan)
    assert library.practice("tiny") is entry.item and library.practice("nope") is None


def test_within_a_source_the_first_path_wins(tmp_path: Path) -> None:
    write(tmp_path, "b.yaml", MINIMAL_PRACTICE.replace("Tiny", "B"))
    write(tmp_path, "a.yaml", MINIMAL_PRACTICE.replace("Tiny", "A"))
    library = scan([Source("user", tmp_path, "yours")], display=lambda p: p.name)
    assert library.practices["tiny"].path.name == "a.yaml"
    (warning,) = library.warnings
    assert str(warning) == (
        'b.yaml:2:5: warning: id: practice id "tiny" is also used by a.yaml, which is used instead'
    )


def test_failures_are_kept_with_their_problems(tmp_path: Path) -> None:
    write(tmp_path, "bad.yaml", "attune: practice/1\nid: 1 2\n")
    library = scan([Source("user", tmp_path, "yours")], display=lambda p: p.name)
    (failure,) = library.failures
    assert library.problem_count == 1 and failure.problems[0].file == "bad.yaml"


def test_hidden_folders_and_other_files_are_skipped(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "x")
    write(tmp_path, "b.YML", "x")
    write(tmp_path, ".git/c.yaml", "x")
    write(tmp_path, "d/.e/f.yaml", "x")
    write(tmp_path, "notes.md", "x")
    assert [p.name for p in find_files(tmp_path)] == ["a.yaml", "b.YML"]
    assert find_files(tmp_path / "missing") == []
