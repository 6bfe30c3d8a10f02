"""`attune doctor`, run for real on this machine: real folders, journal, library,
speech worker (espeak-ng), PortAudio, and a real Qt started in a child process (on a
virtual X screen when xvfb-run is here). Also: `attune` with no screen says so plainly."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import desktop_app
from desktop_app.app import NO_SCREEN, no_screen
from desktop_app.cli import main
from desktop_app.cli.doctor import _folder, _start_at_login
from desktop_app.storage import autostart
from desktop_app.storage.installation import detect
from desktop_app.storage.journal import Journal
from desktop_app.storage.logs import stop_logging
from desktop_app.storage.paths import builtin_dir
from tests.helpers import MINIMAL_PRACTICE, as_nobody, write

ROOT = Path(desktop_app.__file__).resolve().parents[1]
BUILTIN = len(list(builtin_dir("practices").rglob("*.yaml")))
WIDTH = 14
needs_xvfb = pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not here")


def environment(home: Path, **extra: str) -> dict[str, str]:
    """This environment without a screen (no DISPLAY, WAYLAND_DISPLAY, QT_QPA_PLATFORM),
    with Attune's folders in `home`."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    return {**env, "ATTUNE_HOME": str(home), **extra}


def attune(env: dict[str, str], *args: str, xvfb: bool = False) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "desktop_app.cli", *args]
    if xvfb:
        command = ["xvfb-run", "-a", *command]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def line(out: str, label: str) -> str:
    """The text after `label` on its line of the report."""
    found = [x for x in out.splitlines() if x.startswith(label.ljust(WIDTH)) or x == label]
    assert len(found) == 1, f"{label!r} in:\n{out}"
    return found[0][WIDTH:]


def details(out: str, label: str) -> list[str]:
    """The indented lines under `label` (what that means, how to fix it)."""
    lines = out.splitlines()
    start = next(i for i, x in enumerate(lines) if x.startswith(label.ljust(WIDTH)))
    following = []
    for x in lines[start + 1 :]:
        if not x.startswith(" " * WIDTH):
            break
        following.append(x.strip())
    return following


# --- the whole report ------------------------------------------------------------------


@needs_xvfb
def test_with_a_screen_everything_needed_works(tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = attune(environment(home), "doctor", xvfb=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == ""
    out = done.stdout
    assert out.startswith("Attune doctor: what Attune can do on this computer, and why\n\n")
    assert line(out, "Version") == desktop_app.__version__
    assert line(out, "Python").startswith(f"{sys.version_info[0]}.{sys.version_info[1]}.")
    assert line(out, "Runs from") == f"the source code, {ROOT}"
    assert line(out, "System").startswith(("Debian", "Ubuntu", "Linux")) or sys.platform != "linux"
    assert line(out, "Folders") == (
        f"where your practices, journal and settings are kept, all in {home} (from ATTUNE_HOME)"
    )
    for name in ("data", "config", "cache"):
        assert line(out, f"  {name}") == (
            f"{home / name}: not made yet (Attune makes it when it needs it)"
        )
    assert line(out, "Log") == f"{home / 'logs' / 'attune.log'} (not made yet)"
    assert line(out, "Journal") == "no journal yet: it is made when you finish your first practice"
    assert line(out, "Practices") == (
        f"{BUILTIN} practices: {BUILTIN} built-in, 0 of yours, 0 from packs; no problems"
    )
    assert line(out, "Window").startswith("works (xcb, a screen of ")
    speech = line(out, "Speech")
    assert speech.startswith("works: espeak-ng (pyttsx3-espeak), ")
    assert speech.endswith(" voices (attune doctor --voices lists them)")
    assert line(out, "  en") == "speaks with gmw/en: English (Great Britain)"
    assert line(out, "  nl") == "speaks with gmw/nl: Dutch"
    sound = line(out, "Sound")
    assert sound.startswith(("works: ", "not available: "))
    last = out.splitlines()[-1]
    if sound.startswith("works"):
        assert last == "In short: everything works; Attune is ready for practising here."
    else:
        assert last == "In short: Attune is ready for practising here, without sound."
        assert details(out, "Sound") == [
            "what that means: practices play in silence; the words and the breathing "
            "circle still work",
            "to fix: connect speakers or headphones, and check the computer's sound settings",
        ]
    assert not home.exists(), "doctor makes nothing"


def test_without_a_screen_the_window_cannot_open_and_says_why(tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = attune(environment(home), "doctor")
    assert done.returncode == 1
    assert done.stderr == "", "Qt's own messages stay out of the report"
    out = done.stdout
    assert line(out, "Window") == (
        "cannot open: there is no screen to show it on (DISPLAY and WAYLAND_DISPLAY are not set)"
    )
    assert details(out, "Window") == [
        "what that means: Attune's window cannot open here, so practices cannot be played",
        'to fix: start Attune from the desktop, not from a text console; over ssh, connect with "ssh -X"',
    ]
    assert "apt install" not in out  # no packages to chase when there is simply no screen
    assert line(out, "Log") == f"{home / 'logs' / 'attune.log'} (not made yet)"
    assert line(out, "Journal").startswith("no journal yet")
    assert out.splitlines()[-1].startswith(
        "In short: Attune cannot be used for practising here yet, because its window cannot open."
    )
    assert not home.exists()


def test_a_screen_that_cannot_be_reached(tmp_path: Path) -> None:
    done = attune(environment(tmp_path / "home", DISPLAY=":987"), "doctor")
    assert done.returncode == 1 and done.stderr == ""
    assert line(done.stdout, "Window") == (
        "cannot open: the screen DISPLAY=:987 names could not be reached"
    )
    assert "apt install" not in done.stdout


@needs_xvfb
def test_a_missing_xcb_library_names_the_packages(tmp_path: Path) -> None:
    """A screen is there, but a library Qt's xcb platform needs cannot be loaded (an
    empty file found first in LD_LIBRARY_PATH stands in for the missing package)."""
    broken = tmp_path / "lib"
    broken.mkdir()
    (broken / "libxcb-cursor.so.0").write_bytes(b"")
    env = environment(tmp_path / "home", LD_LIBRARY_PATH=str(broken))
    done = attune(env, "doctor", xvfb=True)
    assert done.returncode == 1 and done.stderr == ""
    window = line(done.stdout, "Window")
    assert window.startswith("cannot open: Qt's xcb platform could not start (")
    assert "xcb-cursor0" in window
    fix = details(done.stdout, "Window")[1]
    assert fix.startswith("to fix: sudo apt install libxcb-cursor0 libxkbcommon-x11-0 ")


def test_a_platform_chosen_in_qt_qpa_platform_that_does_not_exist(tmp_path: Path) -> None:
    done = attune(environment(tmp_path / "home", QT_QPA_PLATFORM="nowhere"), "doctor")
    assert done.returncode == 1 and done.stderr == ""
    window = line(done.stdout, "Window")
    assert window.startswith(
        'cannot open: Qt\'s platform "nowhere" (from QT_QPA_PLATFORM) could not start ('
    )
    assert details(done.stdout, "Window")[1] == (
        "to fix: unset QT_QPA_PLATFORM, or set it to a platform this computer has"
    )


# --- in this process: the offscreen platform the tests use ------------------------------


def doctor(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["doctor", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_offscreen_platform_opens_but_shows_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"  # as conftest sets it
    code, out, err = doctor(capsys)
    assert (code, err) == (0, "")
    assert line(out, "Window") == (
        "opens, but off screen: QT_QPA_PLATFORM is offscreen, so nothing is shown"
    )


def test_the_log_file_is_named_once_another_command_has_made_it(
    capsys: pytest.CaptureFixture[str], _private_home: Path
) -> None:
    assert main(["list", "--json"]) == 0  # any command but the doctor keeps the log
    stop_logging()  # as when that command's process ended
    capsys.readouterr()
    log = _private_home / "logs" / "attune.log"
    size = log.stat().st_size
    code, out, _ = doctor(capsys)
    assert code == 0
    assert line(out, "Log") == str(log)
    assert log.stat().st_size == size, "the doctor writes nothing to the log"


def test_a_journal_is_checked_and_counted(
    capsys: pytest.CaptureFixture[str], _private_home: Path
) -> None:
    journal = Journal.open(_private_home / "data" / "journal.sqlite3")
    journal.close()
    code, out, _ = doctor(capsys)
    assert code == 0
    assert line(out, "Journal") == (
        "works: checked and undamaged, 0 entries, 0 daily copies; "
        f"{_private_home / 'data' / 'journal.sqlite3'}"
    )
    assert line(out, "  data").endswith(": there, private (0700), writable")


def test_a_damaged_journal_is_reported_and_left_as_it_was(
    capsys: pytest.CaptureFixture[str], _private_home: Path
) -> None:
    path = _private_home / "data" / "journal.sqlite3"
    path.parent.mkdir(parents=True)
    damaged = b"these are not the pages you are looking for\n" * 100
    path.write_bytes(damaged)
    code, out, _ = doctor(capsys)
    assert code == 1
    assert line(out, "Journal").startswith("cannot be opened: Your journal file is damaged")
    assert details(out, "Journal") == [
        "what that means: practices still play, but what you answer cannot be kept",
        "to fix: open Attune: it offers to put back the last daily copy "
        "(the damaged file is kept aside)",
    ]
    assert out.splitlines()[-1].startswith(
        "In short: Attune cannot be used for practising here yet, because the journal "
        "cannot be opened."
    )
    assert path.read_bytes() == damaged


def test_a_file_where_a_folder_should_be(
    capsys: pytest.CaptureFixture[str], _private_home: Path
) -> None:
    _private_home.mkdir(exist_ok=True)
    (_private_home / "config").write_text("not a folder")
    code, out, _ = doctor(capsys)
    assert code == 1
    assert line(out, "  config") == f"{_private_home / 'config'}: this is a file, not a folder"
    assert details(out, "  config") == [
        "to fix: make this folder yours and writable, or set ATTUNE_HOME to a folder that is"
    ]
    assert "because the config folder cannot be used." in out.splitlines()[-1]


def test_a_folder_others_can_look_into_is_not_private(
    capsys: pytest.CaptureFixture[str], _private_home: Path
) -> None:
    (_private_home / "cache").mkdir(parents=True)
    (_private_home / "cache").chmod(0o755)
    code, out, _ = doctor(capsys)
    assert code == 0
    assert line(out, "  cache") == (
        f"{_private_home / 'cache'}: there, not private (0755: others can look inside), writable"
    )


def _read_only_folders(root: Path) -> list[tuple[bool, str]]:
    """What doctor says of a read-only folder, and of a folder to be made in one."""
    (root / "data").mkdir(mode=0o700)
    (root / "data").chmod(0o500)
    (root / "config").mkdir(mode=0o500)
    return [_folder(root / "data"), _folder(root / "config" / "Attune")]


READ_ONLY = [
    (False, "there, private (0500), NOT writable"),
    (False, "not made yet, and it cannot be: {root}/config is not writable"),
]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_folder_that_cannot_be_written(tmp_path: Path) -> None:
    """As root, permissions are ignored, so the check runs in a forked child that has
    become 'nobody' (as the journal's read-only tests do)."""
    if os.geteuid() != 0:
        said = _read_only_folders(tmp_path)
        assert said == [(ok, text.format(root=tmp_path)) for ok, text in READ_ONLY]
        return
    report = as_nobody(
        "attune-doctor-", lambda root: {"root": str(root), "said": _read_only_folders(root)}
    )
    assert isinstance(report, dict)
    said = [tuple(pair) for pair in report["said"]]
    assert said == [(ok, text.format(root=report["root"])) for ok, text in READ_ONLY]


def test_the_library_counts_your_practices_and_problems(
    capsys: pytest.CaptureFixture[str], _private_home: Path
) -> None:
    practices = _private_home / "data" / "practices"
    write(practices, "mine.yaml", MINIMAL_PRACTICE)
    write(practices, "broken.yaml", "attune: practice/1\nid: broken\n")
    code, out, _ = doctor(capsys)
    assert code == 0  # a file of one's own with problems does not stop practising
    total = BUILTIN + 1
    assert line(out, "Practices") == (
        f"{total} practices: {BUILTIN} built-in, 1 of yours, 0 from packs; "
        "1 file with problems (attune list shows them)"
    )


def test_the_voice_chosen_in_settings_is_the_one_shown(
    capsys: pytest.CaptureFixture[str], _private_home: Path
) -> None:
    settings = {"version": 1, "voices": {"en": "gmw/en-us", "nl": "no/such-voice"}}
    write(_private_home / "config", "settings.json", json.dumps(settings))
    _, out, _ = doctor(capsys)
    assert line(out, "  en") == "speaks with gmw/en-us: English (America), your choice in Settings"
    assert line(out, "  nl") == (
        "speaks with gmw/nl: Dutch, as your choice in Settings (no/such-voice) is not here"
    )


def test_without_a_speech_engine_speech_is_not_available_and_practising_still_is(
    tmp_path: Path,
) -> None:
    fakes = tmp_path / "fakes"
    fakes.mkdir()
    # What pyttsx3 does where libespeak-ng is not installed (the worker imports it).
    (fakes / "pyttsx3.py").write_text(
        "def init(*args, **kwargs):\n"
        "    raise RuntimeError('libespeak-ng.so.1: cannot open shared object file')\n"
    )
    env = environment(
        tmp_path / "home",
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=os.pathsep.join([str(fakes), os.environ.get("PYTHONPATH", "")]),
    )
    done = attune(env, "doctor")
    assert done.returncode == 0, done.stdout + done.stderr
    assert line(done.stdout, "Speech").startswith("not available: ")
    assert "libespeak-ng.so.1" in line(done.stdout, "Speech")
    assert details(done.stdout, "Speech") == [
        "what that means: practices show their words on screen, without a voice",
        "to fix: install espeak-ng: sudo apt install espeak-ng libespeak-ng1",
    ]
    assert "without speech" in done.stdout.splitlines()[-1]
    voices = attune(env, "doctor", "--voices")
    assert voices.returncode == 1 and voices.stdout == ""
    assert voices.stderr.startswith("attune: speech is not available here: ")


def test_doctor_voices_lists_every_voice_with_its_languages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = doctor(capsys, "--voices")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    count = int(lines[0].split()[0])
    assert lines[0] == f"{count} voices of espeak-ng (pyttsx3-espeak), for --voice:"
    assert lines[1] == ""
    assert lines[2].split() == ["id", "languages", "name"]
    rows = {row.split()[0]: row.split(None, 2)[1:] for row in lines[3:]}
    assert len(rows) == count > 50
    assert rows["gmw/en"][0] == "en-gb"
    assert rows["gmw/nl"] == ["nl", "Dutch"]
    assert list(rows) == sorted(rows)


# --- no screen at all: `attune` and `attune play` say so, before Qt -------------------


def test_no_screen_means_linux_without_a_display_or_a_chosen_platform() -> None:
    on_linux = sys.platform.startswith("linux")
    assert no_screen({}) is on_linux
    assert no_screen({"DISPLAY": ""}) is on_linux
    assert no_screen({"DISPLAY": ":0"}) is False
    assert no_screen({"WAYLAND_DISPLAY": "wayland-0"}) is False
    assert no_screen({"QT_QPA_PLATFORM": "offscreen"}) is False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is for Linux")
@pytest.mark.parametrize("args", [(), ("play", "box-breathing")])
def test_attune_without_a_screen_says_so_in_one_sentence(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    done = attune(environment(tmp_path / "home"), *args)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == NO_SCREEN + "\n"
    assert done.stderr == (
        "attune: there is no screen to open Attune's window on (DISPLAY and WAYLAND_DISPLAY "
        'are not set). Run "attune doctor" to see what works on this computer.\n'
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is for Linux")
def test_without_a_screen_qt_is_not_even_loaded(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from desktop_app.cli import main\n"
        "code = main([])\n"
        "print('PySide6' in sys.modules, code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        env=environment(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout == "False 1\n", done.stderr


# --- start at login (Linux) ----------------------------------------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG autostart is Linux's")
def test_start_at_login_off_names_the_command_it_would_run(tmp_path: Path) -> None:
    (item,) = _start_at_login(tmp_path / "attune.desktop")
    assert item.works
    assert item.text == f"off; when on, it starts: {shlex.join(detect().launch)}"
    # That command is this Attune: it runs.
    done = subprocess.run(
        [*shlex.split(item.text.split(": ", 1)[1]), "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"attune {desktop_app.__version__}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG autostart is Linux's")
def test_start_at_login_on_with_this_attunes_command(tmp_path: Path) -> None:
    entry = autostart.enable(tmp_path / "attune.desktop")
    (item,) = _start_at_login(entry)
    assert item.works
    assert item.text == f"on: {shlex.join(detect().launch)}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG autostart is Linux's")
def test_an_entry_that_starts_another_command_is_a_problem_to_mend(tmp_path: Path) -> None:
    # What a built app wrote before its entry used the installation's own command.
    entry = autostart.enable(
        tmp_path / "attune.desktop", ["/opt/attune/attune", "-m", "desktop_app.cli"]
    )
    (item,) = _start_at_login(entry)
    assert not item.works
    assert item.text == (
        "on, but its entry starts /opt/attune/attune -m desktop_app.cli, which is not this Attune"
    )
    assert "off and on again" in item.fix
