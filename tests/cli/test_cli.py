"""The `attune` command on good and bad input, run for real against real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import desktop_app
from desktop_app.cli import main
from desktop_app.storage.paths import builtin_dir
from tests.helpers import MINIMAL_PRACTICE, practice_with, write

ELASTIC = practice_with(
    """
    - section: Arriving
    - say: Hello there, welcome.
      pause: 2s
    - silence: flex
    - section: Breathing
    - breathe: {in: 4s, out: 6s, cycles: 3}
    - bell: {sound: bowl, times: 2, gap: 5s}
    - wait: Stay as long as you like.
    - ask: {id: word, text: One word for now?}
    """,
    extra="lengths: [2m, 5m]\n",
).replace("id: tiny", "id: elastic")


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty Attune home and runs in its own folder."""
    monkeypatch.setenv("ATTUNE_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "home"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --- validate ---------------------------------------------------------------------


def test_validate_a_valid_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "tiny.yaml", MINIMAL_PRACTICE)
    assert run(capsys, "validate", "tiny.yaml") == (0, "", "1 file checked, all valid\n")


def test_validate_reports_every_problem_as_path_line_col(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        tmp_path,
        "box.yaml",
        practice_with("- breathe: {in: four, out: 4s, cycles: 2}\n- bell: gongg\n"),
    )
    code, out, err = run(capsys, "validate", "box.yaml")
    assert code == 1
    assert out.splitlines() == [
        'box.yaml:8:19: steps[1].breathe.in: expected a duration like "4s" or "1m30s", got "four"',
        'box.yaml:9:11: steps[2].bell: expected one of "bowl", "chime", "gong" or "wood", got "gongg"; '
        'did you mean "gong"?',
    ]
    assert err == "1 file checked, 1 with problems (2 errors)\n"


def test_validate_walks_folders_and_pack_manifests(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "lib/a/tiny.yaml", MINIMAL_PRACTICE)
    write(tmp_path, "lib/b/other.yml", MINIMAL_PRACTICE.replace("id: tiny", "id: other"))
    write(tmp_path, "lib/notes.txt", "not yaml, not read")
    write(tmp_path, "lib/.hidden/x.yaml", "broken: [")
    write(
        tmp_path,
        "lib/pack/pack.yaml",
        "attune: pack/1\nid: p\ntitle: P\nauthor: A\nversion: one\nlanguage: en\n",
    )
    code, out, err = run(capsys, "validate", "lib")
    assert code == 1
    assert out == 'lib/pack/pack.yaml:5:10: version: expected a whole number, got "one"\n'
    assert err.startswith("3 files checked")


def test_validate_refuses_duplicate_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "a.yaml", MINIMAL_PRACTICE)
    write(tmp_path, "b.yaml", MINIMAL_PRACTICE)
    code, out, _ = run(capsys, "validate", "a.yaml", "b.yaml")
    assert (
        code == 1 and out == 'b.yaml:2:5: id: "tiny" is also used by a.yaml; ids must be unique\n'
    )


def test_a_plan_naming_a_missing_practice_is_valid_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        tmp_path,
        "plan.yaml",
        "attune: plan/1\nid: p\ntitle: P\nlanguage: en\nfrom: Me\n"
        "items:\n  - practice: nowhere\n    when: daily\n",
    )
    code, out, err = run(capsys, "validate", "plan.yaml")
    assert code == 0
    assert out.startswith('plan.yaml:7:5: warning: items[1].practice: no practice "nowhere"')
    assert err == "1 file checked, all valid (1 warning)\n"


def test_a_plan_is_checked_against_practices_validated_with_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "e.yaml", ELASTIC)
    write(
        tmp_path,
        "plan.yaml",
        "attune: plan/1\nid: p\ntitle: P\nlanguage: en\nfrom: Me\n"
        "items:\n  - {practice: elastic, when: daily, length: 5m}\n",
    )
    assert run(capsys, "validate", "e.yaml", "plan.yaml")[0] == 0


def test_validate_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "validate", "nowhere.yaml") == (
        2,
        "",
        "attune: nowhere.yaml: no such file or folder\n",
    )
    (tmp_path / "empty").mkdir()
    assert run(capsys, "validate", "empty")[2] == (
        "attune: empty: no practice, plan or pack files in this folder\n"
    )
    assert run(capsys, "validate", "a" * 300 + ".yaml")[0] == 2


def test_validate_checks_what_exists_and_each_file_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "bad.yaml", MINIMAL_PRACTICE.replace("kind: breathing", "kind: yoga"))
    code, out, err = run(capsys, "validate", "bad.yaml", "missing.yaml", "bad.yaml", ".")
    assert code == 2
    assert len(out.splitlines()) == 1 and out.startswith("bad.yaml:4:7:")
    assert "attune: missing.yaml: no such file or folder" in err
    assert "1 file checked, 1 with problems (1 error)" in err
    with pytest.raises(SystemExit) as exited:
        main(["validate"])
    assert exited.value.code == 2


def test_all_builtin_practices_validate(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", str(builtin_dir("practices")))
    assert code == 0, out
    assert "all valid" in err


# --- timeline ---------------------------------------------------------------------


def test_timeline_json_has_the_documented_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "e.yaml", ELASTIC)
    code, out, _ = run(capsys, "timeline", "e.yaml", "--length", "5m", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"id", "length", "total", "segments"}
    assert data["id"] == "elastic" and data["length"] == 300.0
    assert abs(data["total"] - 300.0) < 1e-6
    kinds = [s["kind"] for s in data["segments"]]
    assert kinds == ["say", "silence", "breathe", "bell", "wait", "ask"]
    for segment in data["segments"]:
        assert set(segment) <= {"start", "end", "kind", "step", "text"}
        assert isinstance(segment["start"], float) and segment["end"] >= segment["start"]
    assert data["segments"][0]["text"] == "Hello there, welcome."
    assert "text" not in data["segments"][1]
    assert data["segments"][-1]["text"] == "One word for now?"
    assert data["segments"][-1]["start"] == data["segments"][-1]["end"]


def test_timeline_defaults_to_the_first_length(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "e.yaml", ELASTIC)
    data = json.loads(run(capsys, "timeline", "e.yaml", "--json")[1])
    assert data["length"] == 120.0 and abs(data["total"] - 120.0) < 1e-6


def test_timeline_of_a_practice_without_lengths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "tiny.yaml", MINIMAL_PRACTICE)
    data = json.loads(run(capsys, "timeline", "tiny.yaml", "--json")[1])
    assert data["length"] is None and data["total"] > 1.0


def test_timeline_table_is_readable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "e.yaml", ELASTIC)
    code, out, _ = run(capsys, "timeline", "e.yaml")
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "Tiny (elastic) · length 2m · timed total 2m"
    assert "— Arriving" in out and "— Breathing" in out
    assert any(line.rstrip().endswith("One word for now? (waits)") for line in lines)


def test_timeline_by_library_id(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    write(home / "data" / "practices", "mine.yaml", ELASTIC.replace("id: elastic", "id: mine"))
    code, out, _ = run(capsys, "timeline", "mine", "--json")
    assert code == 0 and json.loads(out)["id"] == "mine"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nothing-here",), 'no practice with id "nothing-here" in the library'),
        (("e.yaml", "--length", "soon"), '--length: expected a duration like "10m", got "soon"'),
        (("e.yaml", "--length", "30s"), "too short"),
        (("missing.yaml",), "missing.yaml: no such file"),
    ],
)
def test_timeline_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    write(tmp_path, "e.yaml", ELASTIC)
    code, out, err = run(capsys, "timeline", *args)
    assert code == 2 and out == "" and message in err


def test_timeline_of_an_invalid_file_prints_its_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "bad.yaml", MINIMAL_PRACTICE.replace("kind: breathing", "kind: yoga"))
    code, out, _ = run(capsys, "timeline", "bad.yaml")
    assert code == 1 and out.startswith("bad.yaml:4:7: kind: expected one of")


# --- list, version, help ------------------------------------------------------------


def test_list_shows_builtin_user_and_pack_practices(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    write(
        home / "data" / "practices", "mine.yaml", MINIMAL_PRACTICE.replace("id: tiny", "id: mine")
    )
    write(
        home / "data" / "packs" / "starter",
        "practices/from-pack.yaml",
        MINIMAL_PRACTICE.replace("id: tiny", "id: from-pack"),
    )
    code, out, err = run(capsys, "list", "--json")
    rows = {row["id"]: row for row in json.loads(out)}
    assert code == 0 and err == ""
    assert rows["mine"]["source"] == "user" and rows["from-pack"]["source"] == "pack:starter"
    builtin = [row for row in rows.values() if row["source"] == "built-in"]
    assert len(builtin) >= 3
    assert {"id", "title", "kind", "language", "lengths", "source", "path"} <= set(rows["mine"])


def test_list_warns_about_clashing_ids_and_the_user_wins(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    write(home / "data" / "practices", "a.yaml", MINIMAL_PRACTICE)
    write(home / "data" / "packs" / "starter", "practices/b.yaml", MINIMAL_PRACTICE)
    code, out, err = run(capsys, "list", "--json")
    (row,) = [r for r in json.loads(out) if r["id"] == "tiny"]
    assert code == 0 and row["source"] == "user"
    assert err.startswith("home/data/practices/a.yaml:2:5: warning: id: this practice replaces ")
    assert err.rstrip().endswith("starter/practices/b.yaml (pack starter)")


def test_list_says_which_files_could_not_be_loaded(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    write(home / "data" / "practices", "bad.yaml", "attune: practice/1\nid: [\n")
    code, out, err = run(capsys, "list")
    assert code == 0 and out.startswith("id")
    assert "1 file could not be loaded:" in err and "bad.yaml:" in err


def test_list_uses_and_refreshes_its_cache(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    practice = write(
        home / "data" / "practices", "mine.yaml", MINIMAL_PRACTICE.replace("id: tiny", "id: mine")
    )
    run(capsys, "list", "--json")
    assert (home / "cache" / "library-cache.pickle").is_file()
    practice.write_text(MINIMAL_PRACTICE.replace("id: tiny", "id: renamed"), encoding="utf-8")
    ids = {row["id"] for row in json.loads(run(capsys, "list", "--json")[1])}
    assert "renamed" in ids and "mine" not in ids


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"attune {desktop_app.__version__}\n"
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    for command in ("validate", "timeline", "list"):
        assert command in text


def imported_by(code: str, home: Path) -> set[str]:
    """The modules a new Python holds after `code` (which may exit, as --version does)."""
    probe = f"import atexit, sys\natexit.register(lambda: print(*sorted(sys.modules)))\n{code}\n"
    environ = {**os.environ, "ATTUNE_HOME": str(home)}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        environ.pop(name, None)  # no screen: the window's start stops before Qt
    done = subprocess.run(
        [sys.executable, "-c", probe], env=environ, capture_output=True, text=True, timeout=60
    )
    return set(done.stdout.split())


def test_version_loads_nothing_but_the_command_line(home: Path) -> None:
    modules = imported_by("from desktop_app.cli import main\nmain(['--version'])", home)
    assert {m for m in modules if m.startswith("desktop_app")} == {"desktop_app", "desktop_app.cli"}
    assert "logging" not in modules


def test_the_window_starts_without_the_command_lines_helpers(home: Path) -> None:
    modules = imported_by("from desktop_app.cli import main\nmain([])", home)
    assert "desktop_app.app" in modules  # it got as far as the window's start
    assert not {m for m in modules if m.startswith("desktop_app.cli.")}
    assert "desktop_app.core.library" not in modules


def write_wav(path: Path, seconds: float, rate: int = 22050) -> Path:
    import numpy as np
    import soundfile

    path.parent.mkdir(parents=True, exist_ok=True)
    t = np.arange(round(seconds * rate)) / rate
    soundfile.write(path, (0.2 * np.sin(2 * np.pi * 220 * t)).astype("float32"), rate)
    return path


def test_audio_clips_count_with_their_real_length(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_wav(tmp_path / "media" / "welcome.wav", 50.0)
    write(
        tmp_path,
        "clip.yaml",
        practice_with(
            "- audio: media/welcome.wav\n  text: A welcome.\n- silence: flex\n",
            extra="lengths: [1m, 45s]\n",
        ),
    )
    code, out, _ = run(capsys, "validate", "clip.yaml")
    assert code == 1
    assert out == (
        "clip.yaml:7:15: lengths[2]: 45s is too short: the fixed parts take 50s "
        "plus 0s of minimums (5s more needed)\n"
    )
    path = tmp_path / "clip.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("1m, 45s", "1m"), encoding="utf-8")
    data = json.loads(run(capsys, "timeline", "clip.yaml", "--json")[1])
    assert data["segments"][0] == {
        "start": 0.0,
        "end": 50.0,
        "kind": "audio",
        "step": 0,
        "text": "A welcome.",
    }


def test_a_clip_that_is_not_audio_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "media/broken.ogg", "this is text, not sound")
    write(tmp_path, "clip.yaml", practice_with("- audio: media/broken.ogg\n"))
    code, out, _ = run(capsys, "validate", "clip.yaml")
    assert code == 1 and out.startswith(
        'clip.yaml:8:12: steps[1].audio: cannot read "media/broken.ogg" as audio:'
    )


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("bell.wav", "a sound file"),
        ("calm.OGG", "a sound file"),
        ("garden.png", "an image"),
    ],
)
def test_validate_says_what_a_file_that_is_not_a_practice_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, kind: str
) -> None:
    (tmp_path / name).write_bytes(b"\x00" * 2_000_000)  # larger than any practice may be
    assert run(capsys, "validate", name) == (
        2,
        "",
        f"attune: {name}: this is {kind}, not a practice, plan or pack file\n",
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "Dutch",
            'attune: --language: "Dutch" is not a language code like "en" or "nl"; did you mean "nl"?\n',
        ),
        ("Klingon", 'attune: --language: "Klingon" is not a language code like "en" or "nl"\n'),
    ],
)
def test_a_language_given_by_its_name_is_a_usage_error_with_its_code(
    capsys: pytest.CaptureFixture[str], value: str, message: str
) -> None:
    write(Path.cwd(), "p.yaml", MINIMAL_PRACTICE)
    assert run(capsys, "timeline", "p.yaml", "--language", value) == (2, "", message)


def test_list_shows_titles_in_attunes_language_or_the_one_asked_for(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def title_of(*args: str) -> str:
        code, out, _ = run(capsys, "list", "--json", *args)
        assert code == 0
        (box,) = [row for row in json.loads(out) if row["id"] == "box-breathing"]
        return str(box["title"])

    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    assert title_of() == "Vierkant ademen"
    assert title_of("--language", "en") == "Box breathing"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert title_of() == "Box breathing"
    assert title_of("--language", "nl") == "Vierkant ademen"
