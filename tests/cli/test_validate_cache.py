"""`attune validate` and the library's load cache: an unchanged file the cache knows is
not parsed again, and what is printed is exactly what a fresh check prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.helpers import MINIMAL_PRACTICE, files_parsed, write

PLAN = (
    "attune: plan/1\nid: p\ntitle: P\nlanguage: en\nfrom: Me\n"
    "items:\n  - {practice: tiny, when: daily, length: 3m}\n  - {practice: gone, when: daily}\n"
)
BROKEN = MINIMAL_PRACTICE.replace("title: Tiny\n", "").replace("id: tiny", "id: broken")


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ATTUNE_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "home"


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files really parsed (the real loader still runs)."""
    return files_parsed(monkeypatch)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def own_files(home: Path) -> Path:
    practices = home / "data" / "practices"
    write(practices, "tiny.yaml", MINIMAL_PRACTICE)
    write(practices, "broken.yaml", BROKEN)
    write(practices, "again.yaml", MINIMAL_PRACTICE)  # the same id twice
    return practices


def test_files_the_cache_knows_are_not_parsed_and_print_the_same(
    home: Path, capsys: pytest.CaptureFixture[str], parsed: list[Path]
) -> None:
    practices = own_files(home)
    fresh = run(capsys, "validate", str(practices))
    assert fresh[0] == 1 and "broken.yaml:1:1: missing required key" in fresh[1]
    assert 'tiny.yaml:2:5: id: "tiny" is also used by' in fresh[1]
    run(capsys, "list")  # leaves the cache
    parsed.clear()
    assert run(capsys, "validate", str(practices)) == fresh
    assert parsed == []
    # From elsewhere the files are named differently; the cached problems follow.
    elsewhere = practices / "sub"
    elsewhere.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(elsewhere)
        code, out, _ = run(capsys, "validate", str(practices / "broken.yaml"))
    assert code == 1 and out.startswith(f"{practices / 'broken.yaml'}:1:1: missing required key")
    assert parsed == []


def test_a_changed_file_is_parsed_again(
    home: Path, capsys: pytest.CaptureFixture[str], parsed: list[Path]
) -> None:
    practices = own_files(home)
    run(capsys, "list")
    (practices / "broken.yaml").write_text(MINIMAL_PRACTICE.replace("id: tiny", "id: fixed"))
    parsed.clear()
    code, out, _ = run(capsys, "validate", str(practices / "broken.yaml"))
    assert (code, out) == (0, "")
    assert parsed == [practices / "broken.yaml"]


def test_a_cached_plan_is_checked_against_the_library(
    home: Path, capsys: pytest.CaptureFixture[str], parsed: list[Path]
) -> None:
    write(home / "data" / "practices", "tiny.yaml", MINIMAL_PRACTICE)
    plan = write(home / "data" / "practices", "plan.yaml", PLAN)
    fresh = run(capsys, "validate", str(plan))
    assert fresh[0] == 1
    assert "is not one of the lengths of" in fresh[1] and 'no practice "gone"' in fresh[1]
    parsed.clear()
    assert run(capsys, "validate", str(plan)) == fresh
    assert parsed == []  # the plan, and the library it is checked against, from the cache


def test_a_file_checked_with_other_media_is_parsed_again(
    home: Path, capsys: pytest.CaptureFixture[str], parsed: list[Path]
) -> None:
    practices = home / "data" / "practices"
    tiny = write(practices, "breathing/tiny.yaml", MINIMAL_PRACTICE)
    run(capsys, "list")  # its media looked for beside it
    # Checked as part of a pack, its media would be looked for in the pack's folder.
    write(practices, "pack.yaml", "attune: pack/1\nid: pk\ntitle: P\nauthor: A\nversion: 1\n")
    parsed.clear()
    run(capsys, "validate", str(practices))
    assert tiny in parsed
