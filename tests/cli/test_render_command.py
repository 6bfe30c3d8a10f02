"""`attune render` and `attune timeline --speech`, run for real with espeak-ng."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import soundfile

from desktop_app.cli import main
from tests.helpers import practice_with, write

PRACTICE = practice_with(
    """
    - bell: wood
    - say: Welcome. Notice your feet on the floor.
      pause: 1s
    - breathe: {in: 3s, out: 4s, cycles: 2}
    - silence: flex
    - bell: chime
    """,
    extra="lengths: [1m, 2m]\n",
)


@pytest.fixture(autouse=True)
def _here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "p.yaml", PRACTICE)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_render_writes_the_practice_at_its_length(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "render", "p.yaml", "--length", "2m", "-o", "out.flac")
    assert (code, err) == (0, "")
    assert out == "2m (120.00 s) written to out.flac\n"
    info = soundfile.info(str(tmp_path / "out.flac"))
    assert info.samplerate == 48_000 and info.channels == 2 and abs(info.duration - 120) < 0.01


def test_render_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        run(capsys, "render", "p.yaml", "--no-speech", "--background", "pink-noise", "-o", "a.wav")[
            0
        ]
        == 0
    )
    assert run(capsys, "render", "p.yaml", "--rate", "1.5", "-o", "b.ogg")[0] == 0
    data, _ = soundfile.read(str(tmp_path / "a.wav"))
    assert abs(data).max() <= 1.0 and (abs(data[48_000 * 20 : 48_000 * 21]) > 0).any()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("-o", "out.mp3"),
            'attune: -o out.mp3: cannot write ".mp3" files; use .wav, .flac or .ogg',
        ),
        (
            ("--rate", "3", "-o", "x.wav"),
            "attune: --rate: expected a number from 0.5 to 2.0, got 3",
        ),
        (("--background", "sea", "-o", "x.wav"), "attune: --background: expected none, pink-noise"),
        (("--length", "20s", "-o", "x.wav"), "too short"),
        (
            ("-o", "x"),
            "attune: -o x: cannot write a file without an ending; use .wav, .flac or .ogg",
        ),
    ],
)
def test_render_usage_errors(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    code, out, err = run(capsys, "render", "p.yaml", *args)
    assert code == 2 and out == "" and message in err


def test_timeline_with_real_speech_times_the_voice(capsys: pytest.CaptureFixture[str]) -> None:
    estimated = json.loads(run(capsys, "timeline", "p.yaml", "--json")[1])
    spoken = json.loads(run(capsys, "timeline", "p.yaml", "--json", "--speech")[1])
    assert estimated["total"] == spoken["total"] == 60.0
    say = next(s for s in spoken["segments"] if s["kind"] == "say")
    estimated_say = next(s for s in estimated["segments"] if s["kind"] == "say")
    assert say["end"] != estimated_say["end"]  # the real voice is not 150 words a minute


def test_without_a_speech_engine_the_words_are_text_only(tmp_path: Path) -> None:
    fakes = tmp_path / "fakes"
    fakes.mkdir()
    # What pyttsx3 does where libespeak-ng is not installed (the worker imports it).
    (fakes / "pyttsx3.py").write_text(
        "def init(*args, **kwargs):\n"
        "    raise RuntimeError('libespeak-ng.so.1: cannot open shared object file')\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(fakes), os.environ.get("PYTHONPATH", "")]),
        "ATTUNE_HOME": str(tmp_path / "home"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", "render", "p.yaml", "-o", "t.wav"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    notes = [line for line in done.stderr.splitlines() if line.startswith("note: ")]
    assert len(notes) == 1 and notes[0].startswith("note: Speech is off")
    assert done.stdout == "1m (60.00 s) written to t.wav\n"


# --- --voice: a voice that is not here is an error that names the choices -----------


def test_an_unknown_voice_names_the_voices_for_the_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "render", "p.yaml", "--voice", "xyz", "-o", "out.wav")
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[0].startswith('attune: no voice "xyz" here; choose one of: gmw/en, ')
    assert all(len(line) <= 88 for line in lines)
    listed = " ".join(lines).split("choose one of: ")[1].split(" (the voices")[0].split(", ")
    assert {"gmw/en", "gmw/en-us", "gmw/en-gb-scotland"} <= set(listed)
    assert all("/en" in voice for voice in listed)  # English voices only, not all of them
    count = int(lines[-1].split(" for all ")[1].split(",")[0])
    assert count > len(listed) > 3
    assert lines[-1] == (
        f"  (the voices for en; see attune doctor --voices for all {count}, with their languages)"
    )
    assert not (tmp_path / "out.wav").exists()


def test_an_unknown_voice_is_refused_also_when_the_voice_list_is_saved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "render", "p.yaml", "--voice", "gmw/en-us", "-o", "a.wav")[0] == 0
    assert (Path(os.environ["ATTUNE_HOME"]) / "cache" / "speech" / "voices.json").is_file()
    code, _, err = run(capsys, "render", "p.yaml", "--voice", "gmw/xyz", "-o", "b.wav")
    assert code == 2 and err.startswith('attune: no voice "gmw/xyz" here; choose one of: gmw/en')
    assert not (tmp_path / "b.wav").exists()


def test_the_voices_for_a_dutch_practice_are_the_dutch_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "nl.yaml", PRACTICE.replace("language: en", "language: nl"))
    code, _, err = run(capsys, "render", "nl.yaml", "--voice", "xyz", "-o", "out.wav")
    assert code == 2
    assert err == (
        'attune: no voice "xyz" here; choose one of: gmw/nl\n'
        f"  (the voices for nl; see attune doctor --voices for all {_voice_count(err)}, "
        "with their languages)\n"
    )


def _voice_count(message: str) -> int:
    return int(message.split(" for all ")[1].split(",")[0])


def test_a_voice_in_another_case_is_that_voice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """espeak-ng --voices shows gmw/en-US; the engine's id is gmw/en-us."""
    assert run(capsys, "render", "p.yaml", "--voice", "gmw/en-US", "-o", "upper.wav")[0] == 0
    assert run(capsys, "render", "p.yaml", "--voice", "gmw/en-us", "-o", "lower.wav")[0] == 0
    assert run(capsys, "render", "p.yaml", "-o", "default.wav")[0] == 0
    upper, _ = soundfile.read(str(tmp_path / "upper.wav"))
    lower, _ = soundfile.read(str(tmp_path / "lower.wav"))
    default, _ = soundfile.read(str(tmp_path / "default.wav"))
    assert (upper == lower).all()
    assert not (upper == default).all()  # the chosen voice, not the default one


def test_without_speech_the_voice_is_not_looked_up(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "render", "p.yaml", "--no-speech", "--voice", "xyz", "-o", "q.wav")
    assert (code, err) == (0, "")


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("missing/x.wav", "attune: -o missing/x.wav: there is no folder missing\n"),
        ("out", "attune: -o out: this is a folder; give a file name\n"),
    ],
)
def test_an_output_that_cannot_be_written_is_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str, message: str
) -> None:
    (tmp_path / "out").mkdir()
    before = sorted(p.name for p in tmp_path.rglob("*"))
    assert run(capsys, "render", "p.yaml", "-o", output) == (2, "", message)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


@pytest.mark.skipif(
    not Path("/proc/self").is_dir(), reason="needs /proc, where no file can be made"
)
def test_a_file_that_cannot_be_made_is_a_plain_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "render", "p.yaml", "--no-speech", "-o", "/proc/attune.wav")
    assert (code, out) == (2, "")
    assert err.startswith("attune: cannot write /proc/attune.wav: ")
    assert "Traceback" not in err and err.count("\n") == 1
