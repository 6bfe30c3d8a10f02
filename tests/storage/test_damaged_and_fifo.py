"""A settings file read only in part keeps its bytes in a copy beside it, and says so;
and no file Attune reads from its folders (or is given) is opened unless it is a regular
file: a FIFO in its place must not hang anything. The FIFO tests run in a child process
with a timeout, so a hang fails the test instead of the run."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_app.storage import settings as settings_module
from desktop_app.storage.settings import Settings, SettingsStore

DAY = dt.date(2026, 12, 7)
SAID = "The file as it was is kept as settings.json.damaged-2026-12-07."

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    folder = tmp_path / "config"
    folder.mkdir()
    return folder / "settings.json"


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- a file read only in part -------------------------------------------------------------

DAMAGED: list[tuple[str, bytes, Settings, str]] = [
    ("a wrong type", b'{"theme": 3, "narration": false}', Settings(narration=False), "theme"),
    (
        "NaN and Infinity",
        b'{"speech_rate": NaN, "text_zoom": Infinity, "streaks": true}',
        Settings(streaks=True),
        "speaking pace, text size",
    ),
    (
        "a key written twice",
        b'{"theme": "dark", "streaks": true, "theme": "light"}',
        Settings(streaks=True),
        "theme",
    ),
    (
        "a voice written twice",
        b'{"voices": {"en": "a", "en": "b"}, "theme": "dark"}',
        Settings(theme="dark"),
        "voices",
    ),
]


@pytest.mark.parametrize(
    ("content", "expected", "said"),
    [(c, e, s) for _, c, e, s in DAMAGED],
    ids=[what for what, _, _, _ in DAMAGED],
)
def test_a_file_read_in_part_is_kept_in_a_copy_and_said_so(
    path: Path, content: bytes, expected: Settings, said: str
) -> None:
    path.write_bytes(content)
    store = SettingsStore(path)
    settings, notice = store.load()
    assert settings == expected
    assert notice == (
        f"Some of your settings could not be read, so Attune uses the default for: {said}."
    )
    assert names(path.parent) == ["settings.json"]  # loading writes nothing
    assert store.damaged
    assert store.keep_damaged_copy(DAY) == SAID
    copy = path.with_name("settings.json.damaged-2026-12-07")
    assert copy.read_bytes() == content and path.read_bytes() == content
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert not store.damaged and store.keep_damaged_copy(DAY) is None  # kept once


def test_a_good_file_keeps_no_copy(path: Path) -> None:
    path.write_text(json.dumps({"theme": "dark"}))
    store = SettingsStore(path)
    assert store.load() == (Settings(theme="dark"), None)
    assert not store.damaged and store.keep_damaged_copy(DAY) is None
    store.save(Settings(theme="light"))
    assert names(path.parent) == ["settings.json"]


def test_an_earlier_damaged_copy_is_never_replaced(path: Path) -> None:
    for number, content in enumerate((b'{"theme": 1}', b'{"theme": 2}', b'{"theme": 3}')):
        path.write_bytes(content)
        store = SettingsStore(path)
        store.load()
        said = store.keep_damaged_copy(DAY)
        name = "settings.json.damaged-2026-12-07" + (f"-{number + 1}" if number else "")
        assert said == f"The file as it was is kept as {name}."
        assert path.with_name(name).read_bytes() == content
    assert path.with_name("settings.json.damaged-2026-12-07").read_bytes() == b'{"theme": 1}'


def test_the_same_damaged_file_met_at_each_start_is_kept_once(path: Path) -> None:
    path.write_bytes(b'{"theme": 1}')
    for _start in range(3):
        store = SettingsStore(path)
        store.load()
        assert store.keep_damaged_copy(DAY) == (
            "The file as it was is kept as settings.json.damaged-2026-12-07."
        )
    assert [p.name for p in path.parent.glob("settings.json.damaged-*")] == [
        "settings.json.damaged-2026-12-07"
    ]


def test_saving_over_a_damaged_file_keeps_its_copy_first(path: Path) -> None:
    content = b'{"theme": "purple", "x-mine": "kept"}'
    path.write_bytes(content)
    store = SettingsStore(path)
    store.load()
    store.save(Settings(theme="dark"))  # the window was never asked: save keeps it
    (copy,) = path.parent.glob("settings.json.damaged-*")
    assert copy.read_bytes() == content
    assert store.load() == (Settings(theme="dark"), None)
    store.save(Settings(theme="light"))
    assert len(list(path.parent.glob("settings.json.damaged-*"))) == 1


def test_when_no_copy_can_be_kept_the_file_is_not_saved_over(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = b'{"theme": 3}'
    path.write_bytes(content)

    def refused(target: Path, data: bytes) -> None:
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(settings_module, "write_new_private_file", refused)
    store = SettingsStore(path)
    store.load()
    assert store.keep_damaged_copy(DAY) == (
        "A copy of your settings file as it was could not be kept (Permission denied); "
        "Attune will not save over it."
    )
    with pytest.raises(PermissionError):
        store.save(Settings(theme="dark"))
    assert path.read_bytes() == content and names(path.parent) == ["settings.json"]
    monkeypatch.undo()
    store.save(Settings(theme="dark"))
    assert [p.read_bytes() for p in path.parent.glob("settings.json.damaged-*")] == [content]


# --- FIFOs in place of files --------------------------------------------------------------


def run_child(code: str, home: Path) -> subprocess.CompletedProcess[str]:
    """`code` in a fresh Python with `home` as ATTUNE_HOME; a hang is a failed test."""
    env = {**os.environ, "ATTUNE_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    try:
        return subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("a FIFO in place of a file hung Attune")


def fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


@needs_fifo
def test_a_settings_fifo_gives_defaults_and_is_moved_aside(tmp_path: Path) -> None:
    fifo(tmp_path / "config" / "settings.json")
    done = run_child(
        """
        from desktop_app.storage.paths import default_paths
        from desktop_app.storage.settings import Settings, SettingsStore
        settings, notice = SettingsStore(default_paths().settings).load()
        assert settings == Settings()
        print(notice)
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "Your settings file could not be read (it could not be opened: not a regular file "
        "(a pipe or a device)); Attune started with the default settings. "
        "The damaged file was kept as settings.json.broken."
    )
    assert stat.S_ISFIFO((tmp_path / "config" / "settings.json.broken").lstat().st_mode)


@needs_fifo
@pytest.mark.parametrize(
    ("where", "code"),
    [
        (
            "data/plans/p.state.json",
            """
            from desktop_app.storage.paths import default_paths
            from desktop_app.storage.plans import PlanStore
            print(PlanStore(default_paths().plans)._state("p"))
            """,
        ),
        (
            "data/reminders.json",
            """
            from desktop_app.storage.paths import default_paths
            from desktop_app.ui.reminders import _read_state
            print(_read_state(default_paths().data / "reminders.json"))
            """,
        ),
        (
            "cache/library-cache.pickle",
            """
            from desktop_app.app import open_library
            print(len(open_library().practices) > 0)
            """,
        ),
        (
            "cache/speech/voices.json",
            """
            from desktop_app.app import known_voices
            print(known_voices())
            """,
        ),
        (
            "data/practices/fifo.yaml",
            """
            from desktop_app.cli import main
            print(main(["list"]))
            """,
        ),
    ],
    ids=["plan state", "reminders", "library cache", "voice list", "a practice"],
)
def test_a_fifo_in_place_of_a_file_of_attunes_hangs_nothing(
    tmp_path: Path, where: str, code: str
) -> None:
    fifo(tmp_path / where)
    done = run_child(code, tmp_path)
    assert done.returncode == 0, done.stderr


@needs_fifo
def test_validate_refuses_a_fifo_plainly(tmp_path: Path) -> None:
    fifo(tmp_path / "p.yaml")
    done = run_child(
        """
        from desktop_app.cli import main
        raise SystemExit(main(["validate", "p.yaml"]))
        """.replace("p.yaml", str(tmp_path / "p.yaml")),
        tmp_path / "home",
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.endswith(
        "p.yaml:1:1: this is not a regular file (a pipe or a device); Attune reads only files\n"
    )


@needs_fifo
def test_a_draft_fifo_is_not_read(tmp_path: Path) -> None:
    fifo(tmp_path / "data" / "editor-draft.json")
    done = run_child(
        """
        from desktop_app.core.files import NotARegularFile, read_regular
        from desktop_app.storage.paths import default_paths
        try:
            read_regular(default_paths().data / "editor-draft.json")
        except NotARegularFile as error:
            print(error.strerror)
        """,
        tmp_path,
    )
    assert done.stdout.strip() == "not a regular file (a pipe or a device)", done.stderr
