"""The command line never prints a control character it read from a file, an archive or
a file's name: a terminal would obey it (colours, the window's title, moving the
cursor). Each is shown as a visible escape instead."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from desktop_app.cli.common import visible, visible_json, visible_lines
from desktop_app.core import yaml_tree
from tests.cli.test_cli import home as home
from tests.cli.test_cli import run as cli_run
from tests.helpers import MINIMAL_PRACTICE, practice_with

#: An ANSI colour and a window-title escape (OSC 0 ... BEL), as YAML escapes.
HOSTILE_SAY = '- say: "\\e[31mRed\\e]0;owned\\x07 \\u202eevil \\x9b2J"'
#: What no output line may hold.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
ESCAPED_NAME = "evil\x1b[31m\u202e.yaml"
SHOWN_NAME = "evil\\x1b[31m\\u202e.yaml"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """test_cli's run, with no raw control character let through."""
    code, out, err = cli_run(capsys, *args)
    assert not RAW.search(out), out
    assert not RAW.search(err), err
    return code, out, err


def hostile_practice(folder: Path, name: str = "hostile.yaml") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    text = practice_with(HOSTILE_SAY).replace("id: tiny", "id: hostile")
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def let_controls_through(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if the reader let control characters through (an older cache, a future bug):
    the command line must still print none of them."""
    nothing = re.compile("(?!)")
    monkeypatch.setattr(yaml_tree, "_RAW_FORBIDDEN", nothing)
    monkeypatch.setattr(yaml_tree, "_VALUE_FORBIDDEN", nothing)


# --- the function --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain é 日本", "plain é 日本"),
        ("\x1b[31mred", "\\x1b[31mred"),
        ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),
        ("a\nb\tc\rd", "a\\nb\\tc\\rd"),
        ("\x7f\x85\x9b", "\\x7f\\x85\\x9b"),
        ("\u202eabc\u2066", "\\u202eabc\\u2066"),
    ],
)
def test_visible_escapes_every_control_character(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_visible_lines_keeps_the_lines_of_a_table() -> None:
    assert visible_lines("one \x1b\ntwo") == "one \\x1b\ntwo"


def test_visible_json_is_the_same_json() -> None:
    data = {"t": "\x1b[31m \x7f \x9b \u202e é"}
    made = visible_json(json.dumps(data, ensure_ascii=False))
    assert not RAW.search(made)
    assert json.loads(made) == data


# --- each command, with a hostile practice ----------------------------------------------


def test_validate_shows_the_hostile_text_refused_and_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hostile_practice(tmp_path)
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    assert "hostile.yaml:8:10: steps[1].say: control character U+001B is not allowed" in out


def test_timeline_of_a_hostile_practice_prints_its_problems_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hostile_practice(tmp_path)
    code, out, _ = run(capsys, "timeline", str(path))
    assert code == 1 and "U+001B is not allowed" in out


@pytest.mark.usefixtures("let_controls_through")
@pytest.mark.parametrize("json_output", [False, True])
def test_timeline_escapes_texts_that_got_past_the_reader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], json_output: bool
) -> None:
    path = hostile_practice(tmp_path)
    code, out, _ = run(capsys, "timeline", str(path), *(["--json"] if json_output else []))
    assert code == 0
    if json_output:
        (segment,) = [s for s in json.loads(out)["segments"] if s["kind"] == "say"]
        assert segment["text"].startswith("\x1b[31mRed\x1b]0;owned\x07")
    else:
        assert "\\x1b[31mRed\\x1b]0;owned\\x07 \\u202eevil \\x9b2J" in out


@pytest.mark.usefixtures("let_controls_through")
def test_list_escapes_titles_that_got_past_the_reader(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = MINIMAL_PRACTICE.replace("title: Tiny", 'title: "\\e]0;owned\\x07Tiny"')
    (home / "data" / "practices").mkdir(parents=True)
    (home / "data" / "practices" / "t.yaml").write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "list")
    assert code == 0 and "\\x1b]0;owned\\x07Tiny" in out
    code, out, _ = run(capsys, "list", "--json")
    (row,) = [r for r in json.loads(out) if r["id"] == "tiny"]
    assert row["title"] == "\x1b]0;owned\x07Tiny"


def test_list_shows_a_hostile_practice_as_not_loaded_escaped(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile_practice(home / "data" / "practices")
    code, _, err = run(capsys, "list")
    assert code == 0 and "U+001B is not allowed" in err


# --- file names ----------------------------------------------------------------------


def test_validate_escapes_a_file_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / ESCAPED_NAME
    path.write_text(MINIMAL_PRACTICE.replace("title: Tiny\n", ""), encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(tmp_path))
    assert code == 1
    assert f'{SHOWN_NAME}:1:1: missing required key "title"' in out
    code, _, err = run(capsys, "validate", str(tmp_path / "gone\x1b[2J.yaml"))
    assert code == 2 and "gone\\x1b[2J.yaml: no such file or folder" in err


def test_timeline_escapes_a_file_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / ESCAPED_NAME
    path.write_text(MINIMAL_PRACTICE.replace("kind: breathing", "kind: x"), encoding="utf-8")
    code, out, _ = run(capsys, "timeline", str(path))
    assert code == 1 and out.startswith(f"{SHOWN_NAME}:4:7: kind:")
    code, _, err = run(capsys, "timeline", "\x1b[31mnone")
    assert code == 2 and 'no practice with id "\\x1b[31mnone"' in err


def test_list_escapes_file_names_and_json_stays_json(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    practices = home / "data" / "practices"
    practices.mkdir(parents=True)
    (practices / ESCAPED_NAME).write_text(MINIMAL_PRACTICE, encoding="utf-8")
    (practices / ("bad\x1b[31m.yaml")).write_text("attune: practice/1\n", encoding="utf-8")
    code, out, err = run(capsys, "list", "--json")
    (row,) = [r for r in json.loads(out) if r["id"] == "tiny"]
    assert code == 0 and row["path"].endswith(ESCAPED_NAME)
    assert "bad\\x1b[31m.yaml" in err


def test_report_escapes_what_it_echoes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "report", "--plan", "\x1b]0;owned\x07", "-o", "r.md")
    assert code == 2 and '"\\x1b]0;owned\\x07"' in err
