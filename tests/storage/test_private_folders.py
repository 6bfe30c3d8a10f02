"""Everything Attune makes under its folders is private, whatever the umask: folders
0700 (the parents it makes too), files 0600, from the command line's first run as from
the window's, and the speech cache's clips and voice list as well."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.audio.speech_cache import SpeechCache, VoiceList
from desktop_app.audio.speech_worker import Synthesize, _synthesize
from desktop_app.private_fs import make_private_dir, write_private_file
from desktop_app.storage.journal import Journal
from desktop_app.storage.journal_export import to_json
from desktop_app.storage.paths import ensure_private_dir
from tests.storage.test_journal import session

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
pytestmark = posix_only


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def modes_under(root: Path) -> dict[str, int]:
    found = {".": mode(root)}
    for path in root.rglob("*"):
        found[str(path.relative_to(root))] = stat.S_IMODE(path.lstat().st_mode)
    return found


def not_private(root: Path) -> dict[str, str]:
    wrong = {}
    for name, found in modes_under(root).items():
        path = root / name
        wanted = 0o700 if path.is_dir() else 0o600
        if found != wanted:
            wrong[name] = oct(found)
    return wrong


# --- the rule ---------------------------------------------------------------------------


def test_a_new_folder_and_each_parent_made_are_private(tmp_path: Path, umask: int) -> None:
    made = make_private_dir(tmp_path / "a" / "b" / "c")
    assert made.is_dir()
    assert [mode(tmp_path / p) for p in ("a", "a/b", "a/b/c")] == [0o700] * 3


def test_an_existing_open_folder_is_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "open"
    folder.mkdir()
    folder.chmod(0o755)
    ensure_private_dir(folder)
    assert mode(folder) == 0o700


def test_a_private_folder_needs_no_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "kept"
    folder.mkdir(mode=0o700)

    def refused(*args: object, **kwargs: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(Path, "chmod", refused)
    monkeypatch.setattr(Path, "mkdir", refused)
    assert ensure_private_dir(folder) == folder  # a read-only disk: nothing to do


def test_a_file_in_the_way_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(FileExistsError):
        ensure_private_dir(tmp_path / "file")


def test_a_private_file_is_private_and_replaces_in_one_step(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "new" / "x.json"
    write_private_file(target, b"one")
    write_private_file(target, b"two")
    assert target.read_bytes() == b"two"
    assert mode(target) == 0o600 and mode(target.parent) == 0o700
    assert sorted(p.name for p in target.parent.iterdir()) == ["x.json"]


# --- the speech cache -----------------------------------------------------------------


def test_the_voice_list_is_private(tmp_path: Path, umask: int) -> None:
    cache = SpeechCache(tmp_path / "cache" / "Attune" / "speech")
    cache.save_voices(VoiceList("espeak", ()))
    assert cache.load_voices() == VoiceList("espeak", ())
    assert not_private(tmp_path / "cache") == {}
    assert [p.name for p in cache.folder.iterdir()] == ["voices.json"]


class _Engine:
    """Writes a clip as a speech engine does (an open that truncates), noting the mode
    the file had while it was being written."""

    name = "fake"
    modes: list[int]

    def __init__(self) -> None:
        self.modes = []

    def synthesize(self, text: str, voice: str | None, rate: int, path: Path) -> None:
        with path.open("wb") as out:
            self.modes.append(stat.S_IMODE(os.fstat(out.fileno()).st_mode))
            out.write(b"RIFF" + b"\0" * 40)

    def voices(self) -> list[object]:
        return []


def test_spoken_clips_are_private_from_their_first_byte(tmp_path: Path, umask: int) -> None:
    cache = SpeechCache(tmp_path / "speech")
    final = cache.path_for("fake", None, 150, "Hello")
    cache.ensure_folder()
    engine = _Engine()
    _synthesize(engine, Synthesize("Hello", None, 150, str(final)))  # type: ignore[arg-type]
    assert engine.modes == [0o600]
    assert mode(final) == 0o600 and mode(cache.folder) == 0o700
    assert [p.name for p in cache.folder.iterdir()] == [final.name]


# --- the command line's first run --------------------------------------------------------


def _export(tmp_path: Path) -> Path:
    """A journal export with one entry, to import."""
    journal = Journal.open(tmp_path / "source.sqlite3")
    try:
        journal.add(session(answers=()))
        entries = journal.entries()
    finally:
        journal.close()
    path = tmp_path / "export.json"
    path.write_text(to_json(entries), encoding="utf-8")
    return path


def _attune(home: Path, mask: int, *args: str) -> subprocess.CompletedProcess[str]:
    def set_umask() -> None:
        os.umask(mask)

    env = {**os.environ, "ATTUNE_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=set_umask,
    )


@pytest.mark.parametrize("mask", [0o000, 0o022], ids=["umask 000", "umask 022"])
@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["import-journal", "{export}"],
        ["render", "box-breathing", "--no-speech", "-o", "{out}"],
    ],
    ids=["list", "import-journal", "render"],
)
def test_a_first_run_of_the_command_line_makes_everything_private(
    tmp_path: Path, mask: int, command: list[str]
) -> None:
    export = _export(tmp_path) if "{export}" in command else None
    home = tmp_path / "new" / "home"
    args = [a.format(export=export, out=tmp_path / "out.wav") for a in command]
    done = _attune(home, mask, *args)
    assert done.returncode == 0, done.stderr
    assert not_private(tmp_path / "new") == {}
    if export is not None:
        assert (home / "data" / "journal.sqlite3").is_file()


@pytest.mark.slow
@pytest.mark.parametrize("mask", [0o000, 0o022], ids=["umask 000", "umask 022"])
def test_speech_made_by_a_first_run_is_private(tmp_path: Path, mask: int) -> None:
    home = tmp_path / "home"
    done = _attune(home, mask, "timeline", "box-breathing", "--speech", "--length", "5m")
    assert done.returncode == 0, done.stderr
    speech = home / "cache" / "speech"
    if not (speech / "voices.json").exists():
        pytest.skip("no speech engine here: " + done.stderr)
    assert list(speech.glob("*.wav"))
    assert not_private(home) == {}


def test_temporary_names_in_the_caches_are_ones_the_next_start_removes(tmp_path: Path) -> None:
    from desktop_app.audio.speech_worker import temporary_path
    from desktop_app.private_fs import temporary_name
    from desktop_app.storage.private_files import remove_leftovers

    gone = 2**22 + 12345  # above the usual pid limit: no such process
    clip = temporary_path(tmp_path / "abc.wav", gone)
    assert clip == temporary_path(tmp_path / "abc.wav", gone)  # the parent can find it
    mine = tmp_path / temporary_name(".npy").replace(f"-{os.getpid()}-", f"-{gone}-")
    for path in (clip, mine):
        path.write_bytes(b"half")
    assert sorted(remove_leftovers(tmp_path)) == sorted([clip, mine])
