"""A crash or a failed write at every step of the settings save, a plan's import and
archiving, the daily copy of the journal, and `export -o` / `backup -o`: the old state
or the new one, and no temporary file left after the next start (or, beside a chosen
output, after the next write there). The pack's are in test_pack_crashes.py, the
journal's in test_journal_kill.py."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.storage.journal import Journal
from desktop_app.storage.journal_backups import backups, daily_backup
from desktop_app.storage.paths import AppPaths, default_paths
from desktop_app.storage.private_files import (
    TEMP_PREFIX,
    is_leftover,
    live,
    remove_leftovers,
    replacing,
    temporary_name,
)
from desktop_app.storage.recovery import recover
from desktop_app.storage.settings import Settings, SettingsStore
from tests.cli.test_journal_commands import session
from tests.crash import crash_steps

KINDS = [True, False]
KIND_IDS = ["killed", "failed"]


def leftovers(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.name.startswith((TEMP_PREFIX, ".attune-")) or ".tmp" in p.name
    )


@pytest.fixture
def paths() -> AppPaths:
    return default_paths()


# ------------------------------------------------------------ the naming rule


def test_a_temporary_name_says_whose_it_is() -> None:
    name = temporary_name(".restoring")
    assert name.startswith(f"{TEMP_PREFIX}{os.getpid()}-") and name.endswith(".restoring")
    assert len(name) == len(f"{TEMP_PREFIX}{os.getpid()}-") + 8 + len(".restoring")


def test_only_the_leftovers_of_processes_that_are_gone_are_removed(tmp_path: Path) -> None:
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    dead = int(gone.stdout)
    names = {
        "dead": f"{TEMP_PREFIX}{dead}-0123abcd",
        "dead-side": f"{TEMP_PREFIX}{dead}-0123abce.tmp-journal",
        "parent": f"{TEMP_PREFIX}{os.getppid()}-0123abcd",
        "mine-idle": f"{TEMP_PREFIX}{os.getpid()}-0123abcd",
        "mine-live": f"{TEMP_PREFIX}{os.getpid()}-4567abcd",
        "legacy": ".attune-k2j4_9zq",
        "not-ours": ".attune-tmp-notanumber-0123abcd",
        "short": f"{TEMP_PREFIX}{dead}-0123abc",
        "person's": "attune-tmp-1-0123abcd",
    }
    for key, name in names.items():
        if key.startswith(("dead", "legacy", "short")):
            (tmp_path / name).mkdir()
            (tmp_path / name / "x").write_text("half")
        else:
            (tmp_path / name).write_text("half")
    with live(names["mine-live"]):
        removed = {p.name for p in remove_leftovers(tmp_path)}
    assert removed == {names["dead"], names["dead-side"], names["mine-idle"]}
    # Once no longer in use, this process's own name goes too.
    assert [p.name for p in remove_leftovers(tmp_path)] == [names["mine-live"]]
    # A legacy name (no process id) only in Attune's own folders, and once an hour old.
    assert remove_leftovers(tmp_path, legacy=True) == []
    hour_ago = time.time() - 3700
    os.utime(tmp_path / names["legacy"], (hour_ago, hour_ago))
    assert remove_leftovers(tmp_path) == []
    assert [p.name for p in remove_leftovers(tmp_path, legacy=True)] == [names["legacy"]]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="start times from /proc")
def test_a_process_that_took_a_dead_ones_id_does_not_keep_its_leftover(tmp_path: Path) -> None:
    # The parent process is running, but started long after this name was last written.
    leftover = tmp_path / f"{TEMP_PREFIX}{os.getppid()}-0123abcd"
    leftover.write_text("half")
    long_ago = time.time() - 10 * 365 * 86400
    os.utime(leftover, (long_ago, long_ago))
    assert is_leftover(leftover)


def test_a_failed_write_leaves_the_old_file_and_no_temporary_name(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old")
    with pytest.raises(RuntimeError), replacing(target) as temporary:
        temporary.write_text("half")
        raise RuntimeError
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


# ------------------------------------------------------------ settings


@pytest.mark.parametrize("kill", KINDS, ids=KIND_IDS)
def test_a_settings_save_stopped_at_any_write(paths: AppPaths, kill: bool) -> None:
    store = SettingsStore(paths.settings)

    def prepare() -> None:
        store.save(Settings(theme="light"))
        recover(paths)

    for step in crash_steps(
        lambda: store.save(Settings(theme="dark", text_zoom=1.5)), prepare=prepare, kill=kill
    ):
        recover(paths)
        settings, notice = SettingsStore(paths.settings).load()
        assert notice is None, step
        assert (settings.theme, settings.text_zoom) in (("light", 1.0), ("dark", 1.5)), step
        assert leftovers(paths.config) == [], step


# ------------------------------------------------------------ the daily copy


def fill(paths: AppPaths) -> None:
    with Journal.open(paths.journal) as journal:
        for day in (3, 5, 7):
            journal.add(session(day))


@pytest.mark.parametrize("kill", KINDS, ids=KIND_IDS)
def test_the_daily_copy_stopped_at_any_write(paths: AppPaths, kill: bool) -> None:
    fill(paths)
    today = dt.date(2025, 3, 9)

    def prepare() -> None:
        for copy in backups(paths.journal_backups):
            copy.unlink()

    for step in crash_steps(
        lambda: daily_backup(paths.journal, paths.journal_backups, today),
        prepare=prepare,
        kill=kill,
    ):
        recover(paths)
        copies = backups(paths.journal_backups)
        assert copies in ([], [paths.journal_backups / "journal-2025-03-09.sqlite3"]), step
        for copy in copies:
            connection = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
            try:
                assert connection.execute("PRAGMA quick_check").fetchone() == ("ok",)
            finally:
                connection.close()
        assert leftovers(paths.data) == [], step


# ------------------------------------------------------------ export -o and backup -o


@pytest.mark.parametrize("command", ["export", "backup"])
@pytest.mark.parametrize("kill", KINDS, ids=KIND_IDS)
def test_a_chosen_output_stopped_at_any_write(
    paths: AppPaths, tmp_path: Path, kill: bool, command: str
) -> None:
    """Beside a chosen output: the old file or the new one, and what a crash left there
    is removed when the same command next writes there."""
    fill(paths)
    out_dir = tmp_path / "chosen"
    out_dir.mkdir()
    out = out_dir / ("notes.md" if command == "export" else "copy.sqlite3")
    args = [command, "-o", str(out)]

    def prepare() -> None:
        for path in out_dir.iterdir():
            if path.is_dir():
                for child in path.iterdir():
                    child.unlink()
                path.rmdir()
            else:
                path.unlink()
        out.write_bytes(b"old")

    def operation() -> None:
        with Path(os.devnull).open("w") as quiet:
            os.dup2(quiet.fileno(), 1)
            os.dup2(quiet.fileno(), 2)
        main(args)

    left_behind = 0
    for step in crash_steps(operation, prepare=prepare, kill=kill):
        data = out.read_bytes()
        assert data == b"old" or data.startswith(
            b"# " if command == "export" else b"SQLite format 3\x00"
        ), step
        if leftovers(out_dir):
            left_behind += 1
            # The next write there removes what the crash left.
            subprocess.run(
                [sys.executable, "-m", "desktop_app.cli", *args],
                check=True,
                capture_output=True,
                env={**os.environ, "PYTHONPATH": str(Path.cwd())},
            )
            assert leftovers(out_dir) == [], step
    if kill:
        assert left_behind > 0


def test_a_second_attunes_temporary_file_beside_an_output_is_left_alone(
    paths: AppPaths, tmp_path: Path
) -> None:
    fill(paths)
    busy = tmp_path / f"{TEMP_PREFIX}{os.getppid()}-0123abcd"
    busy.mkdir()
    (busy / "notes.md").write_text("being written")
    assert main(["export", "-o", str(tmp_path / "notes.md")]) == 0
    assert (busy / "notes.md").read_text() == "being written"


def test_recover_never_raises_and_leaves_nothing_of_a_dead_process(paths: AppPaths) -> None:
    fill(paths)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    for folder in (paths.data, paths.plans, paths.config, paths.journal_backups):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{TEMP_PREFIX}{dead}-0123abcd.tmp").write_text("half")
    done = recover(paths)
    assert len(done) == 4
    assert leftovers(paths.data) == [] and leftovers(paths.config) == []


def test_a_pack_preview_or_export_killed_leaves_nothing_after_the_next_start(
    paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.storage.packs import inspect_pack
    from tests.storage.test_packs import built

    archive = built(tmp_path / "src")
    scratch = tmp_path / "system-temp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    killed = 0
    for step in crash_steps(lambda: inspect_pack(archive), kill=True):
        killed += step.outcome == "killed"
        recover(paths)
        assert list(scratch.iterdir()) == [], step
    assert killed > 3


@pytest.mark.parametrize("kill", KINDS, ids=KIND_IDS)
def test_restoring_a_copy_stopped_at_any_write(paths: AppPaths, tmp_path: Path, kill: bool) -> None:
    """The journal in place is the old one or the copy; never none."""
    from desktop_app.storage.journal_backups import restore_backup

    fill(paths)
    [copy] = [daily_backup(paths.journal, paths.journal_backups, dt.date(2025, 3, 9))]
    assert copy is not None
    with Journal.open(paths.journal) as journal:
        journal.add(session(11))
    pristine = tmp_path / "pristine.sqlite3"
    pristine.write_bytes(paths.journal.read_bytes())

    def prepare() -> None:
        for path in paths.data.glob("journal.*"):
            path.unlink()
        paths.journal.write_bytes(pristine.read_bytes())

    for step in crash_steps(
        lambda: restore_backup(copy, paths.journal), prepare=prepare, kill=kill
    ):
        recover(paths)
        with Journal.open(paths.journal) as journal:
            assert journal.count() in (4, 3), step
        assert leftovers(paths.data) == [], step


def test_the_persons_own_dot_folders_among_their_practices_are_never_swept(
    paths: AppPaths,
) -> None:
    """Older Attunes' `.attune-xxxxxxxx` names are swept only where Attune alone writes:
    in practices/ such a name is somebody's own folder."""
    own = paths.practices / ".attune-archived"
    own.mkdir(parents=True)
    (own / "morning.yaml").write_text("attune: practice/1\n")
    old_style = paths.cache / ".attune-abcd1234"
    old_style.mkdir(parents=True)
    two_hours_ago = time.time() - 7200
    for path in (own, own / "morning.yaml", old_style):
        os.utime(path, (two_hours_ago, two_hours_ago))
    recover(paths)
    assert (own / "morning.yaml").read_text() == "attune: practice/1\n"
    assert not old_style.exists()
