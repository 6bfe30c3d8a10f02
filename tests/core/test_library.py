"""Scanning sources: precedence on clashing ids, failures kept, hidden folders skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.library import Source, find_files, scan
from desktop_app.core.model import Plan, Practice
from desktop_app.core.problems import InvalidFile
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


def test_files_are_found_in_path_order_and_links_to_folders_are_not_followed(
    tmp_path: Path,
) -> None:
    for name in ("a-b.yaml", "a/b.yaml", "a/c/d.yaml", "B.yaml", "a.yml"):
        write(tmp_path / "lib", name, "x")
    write(tmp_path, "elsewhere/e.yaml", "x")
    (tmp_path / "lib" / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    found = [p.relative_to(tmp_path / "lib").as_posix() for p in find_files(tmp_path / "lib")]
    assert found == ["B.yaml", "a/b.yaml", "a/c/d.yaml", "a-b.yaml", "a.yml"]
    assert found == sorted(found, key=lambda p: Path(p).parts)
    assert find_files(tmp_path / "lib" / "a-b.yaml") == []  # a file is no folder


def test_a_scan_keeps_summaries_not_practices(tmp_path: Path) -> None:
    write(tmp_path, "tiny.yaml", MINIMAL_PRACTICE)
    write(tmp_path, "plan.yaml", PLAN)
    library = scan([Source("user", tmp_path, "yours")])
    entry = library.practices["tiny"]
    assert entry.summary.title.get() == "Tiny" and entry.summary.spoken == ("en",)
    assert entry.summary.id_pos.line == 2 and "item" not in vars(entry)
    assert [i.practice for i in library.plans["p"].summary.items] == ["tiny"]
    assert entry.item.title == entry.summary.title  # read from the file when asked for


def test_a_practice_whose_file_changed_since_the_scan_is_read_as_it_is_now(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "tiny.yaml", MINIMAL_PRACTICE)
    library = scan([Source("user", tmp_path, "yours")], display=lambda p: p.name)
    path.write_text(MINIMAL_PRACTICE.replace("id: tiny", "id: other"), encoding="utf-8")
    with pytest.raises(InvalidFile) as caught:
        _ = library.practices["tiny"].item
    assert str(caught.value).startswith(
        'tiny.yaml:1:1: id: this file no longer holds the practice "tiny"'
    )
    assert library.practice("tiny") is None
    path.write_text(MINIMAL_PRACTICE.replace("Tiny", "Tiny, edited"), encoding="utf-8")
    assert library.practice("tiny").title.get() == "Tiny, edited"
    path.unlink()
    assert library.practice("tiny") is not None, "once read, it stays"
