"""Daily copies of the journal, moving a damaged one aside, and restoring a copy."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.storage import journal_leftovers
from desktop_app.storage.journal import Journal, JournalError
from desktop_app.storage.journal_backups import (
    KEEP,
    backups,
    daily_backup,
    restore_backup,
)
from desktop_app.storage.journal_leftovers import move_aside
from tests.storage.test_journal import T0, corrupt_middle, filled_journal, raw_database, session

DAY = date(2024, 6, 1)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal.sqlite3"


@pytest.fixture
def backups_dir(tmp_path: Path) -> Path:
    return tmp_path / "data" / "backups"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def uids(path: Path) -> list[str]:
    with Journal.open(path) as journal:
        return [entry.uid for entry in journal.entries()]


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> datetime:
    moment = datetime(2024, 6, 1, 14, 5, 9)

    class Frozen(datetime):
        @classmethod
        def now(cls, tz: object = None) -> Frozen:
            return cls.fromtimestamp(moment.timestamp())

    monkeypatch.setattr(journal_leftovers, "datetime", Frozen)
    return moment


# --- daily copies -------------------------------------------------------------------------


def test_one_private_copy_a_day(path: Path, backups_dir: Path) -> None:
    with Journal.open(path) as journal:
        journal.add(session(uid="first"))
        made = daily_backup(path, backups_dir, DAY)
        assert made == backups_dir / "journal-2024-06-01.sqlite3"
        journal.add(session(uid="second"))
        assert daily_backup(path, backups_dir, DAY) is None  # one a day
    assert uids(made) == ["first"]
    assert mode(made) == 0o600
    assert mode(backups_dir) == 0o700
    assert names(backups_dir) == ["journal-2024-06-01.sqlite3"]  # no temporary left
    with contextlib.closing(sqlite3.connect(made)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_last_seven_are_kept(path: Path, backups_dir: Path) -> None:
    filled_journal(path, 3)
    backups_dir.mkdir(parents=True)
    (backups_dir / "notes.txt").write_text("mine")
    (backups_dir / "journal-2024-13-45.sqlite3").write_text("not a date")
    made = [daily_backup(path, backups_dir, DAY + timedelta(days=n)) for n in range(10)]
    assert all(m is not None for m in made)
    assert backups(backups_dir) == made[::-1][:KEEP]
    assert KEEP == 7
    assert names(backups_dir) == sorted(
        ["notes.txt", "journal-2024-13-45.sqlite3"] + [m.name for m in made[3:] if m]
    )


def test_a_copy_for_an_earlier_day_never_removes_todays(path: Path, backups_dir: Path) -> None:
    filled_journal(path, 1)
    for n in range(KEEP):
        daily_backup(path, backups_dir, DAY + timedelta(days=n))
    # The clock went back: the copy made now is the oldest, and still kept.
    made = daily_backup(path, backups_dir, DAY - timedelta(days=30))
    assert made is not None and made.exists()


def test_no_journal_no_copy(path: Path, backups_dir: Path) -> None:
    assert daily_backup(path, backups_dir, DAY) is None
    assert not backups_dir.exists()
    assert backups(backups_dir) == []


def test_a_damaged_journal_never_replaces_good_copies(path: Path, backups_dir: Path) -> None:
    filled_journal(path)
    for n in range(KEEP):
        daily_backup(path, backups_dir, DAY + timedelta(days=n))
    good = {p.name: p.read_bytes() for p in backups(backups_dir)}
    corrupt_middle(path)
    with pytest.raises(OSError, match="damaged"):
        daily_backup(path, backups_dir, DAY + timedelta(days=KEEP))
    assert {p.name: p.read_bytes() for p in backups(backups_dir)} == good
    assert names(backups_dir) == sorted(good)


def test_copies_while_the_journal_is_open_and_writing(path: Path, backups_dir: Path) -> None:
    with Journal.open(path) as journal:
        journal.add_many(session(started_at=T0 + timedelta(minutes=n)) for n in range(50))
        made = daily_backup(path, backups_dir, DAY)  # the latest sessions are in the -wal
        journal.add(session())
    assert made is not None
    assert len(uids(made)) == 50


# --- moving aside ---------------------------------------------------------------------------


def test_move_aside_takes_the_wal_along(tmp_path: Path, path: Path, fixed_now: datetime) -> None:
    # A journal whose latest session lives only in its -wal (as after a crash).
    Journal.open(path).close()
    live = sqlite3.connect(path, isolation_level=None)
    live.execute("PRAGMA wal_autocheckpoint = 0")
    with Journal.open(path) as journal:
        journal.add(session(uid="only-in-the-wal"))
        crashed = tmp_path / "crashed"
        crashed.mkdir()
        for suffix in ("", "-wal", "-shm"):
            shutil.copy2(f"{path}{suffix}", crashed / f"journal.sqlite3{suffix}")
    live.close()
    copy = crashed / "journal.sqlite3"
    moved = move_aside(copy)
    assert moved.name == "journal.damaged-20240601-140509.sqlite3"
    assert names(crashed) == [moved.name, f"{moved.name}-shm", f"{moved.name}-wal"]
    assert all(mode(p) == 0o600 for p in crashed.iterdir())
    with contextlib.closing(sqlite3.connect(moved)) as raw:
        found = raw.execute("SELECT uid FROM sessions").fetchall()
    assert found == [("only-in-the-wal",)]


def test_move_aside_never_overwrites(path: Path, fixed_now: datetime) -> None:
    filled_journal(path, 1)
    taken = path.parent / "journal.damaged-20240601-140509.sqlite3"
    taken.write_bytes(b"older damage")
    (path.parent / "journal.damaged-20240601-140509-2.sqlite3-wal").write_bytes(b"x")
    original = path.read_bytes()
    moved = move_aside(path)
    assert moved.name == "journal.damaged-20240601-140509-3.sqlite3"
    assert moved.read_bytes() == original
    assert taken.read_bytes() == b"older damage"
    assert not path.exists()
    filled_journal(path, 1)
    # -2 is still taken (by a -wal): next free is -4.
    assert move_aside(path).name == "journal.damaged-20240601-140509-4.sqlite3"


def test_move_aside_of_nothing(path: Path) -> None:
    path.parent.mkdir(parents=True)
    with pytest.raises(FileNotFoundError):
        move_aside(path)


# --- restoring ------------------------------------------------------------------------------


def test_restore_puts_a_copy_in_place(path: Path, backups_dir: Path) -> None:
    with Journal.open(path) as journal:
        journal.add(session(uid="kept"))
    made = daily_backup(path, backups_dir, DAY)
    assert made is not None
    path.write_bytes(b"\x00garbage" * 2000)
    with pytest.raises(JournalError):
        Journal.open(path)
    damaged = move_aside(path)
    restore_backup(made, path)
    assert mode(path) == 0o600
    assert uids(path) == ["kept"]
    assert made.exists()  # the copy stays a copy
    assert damaged.exists()  # and the damaged file is kept
    assert not [p for p in path.parent.iterdir() if ".restoring" in p.name]


def test_restore_moves_a_journal_still_there_aside(path: Path, backups_dir: Path) -> None:
    with Journal.open(path) as journal:
        journal.add(session(uid="old"))
    made = daily_backup(path, backups_dir, DAY)
    assert made is not None
    with Journal.open(path) as journal:
        journal.add(session(uid="newer"))
    Path(f"{path}-wal").write_bytes(b"stale log that must not be read into the copy")
    restore_backup(made, path)
    assert uids(path) == ["old"]
    aside = [p for p in path.parent.iterdir() if ".damaged-" in p.name]
    assert {p.name.rpartition(".sqlite3")[2] for p in aside} == {"", "-wal"}


@pytest.mark.parametrize("problem", ["damaged", "newer", "impossible-version", "not-a-database"])
def test_an_unusable_copy_is_refused_and_nothing_changes(
    path: Path, tmp_path: Path, problem: str
) -> None:
    with Journal.open(path) as journal:
        journal.add(session(uid="current"))
    backup = tmp_path / "journal-2024-06-01.sqlite3"
    if problem == "damaged":
        filled_journal(backup)
        corrupt_middle(backup)
    elif problem == "newer":
        raw_database(backup, user_version=9)
    elif problem == "impossible-version":
        # No Attune writes such a version: the copy is damaged, not from the future.
        raw_database(backup, user_version=16843009)
    else:
        backup.write_text("hello " * 1000)
    before = {p.name: p.read_bytes() for p in path.parent.iterdir() if p.is_file()}
    with pytest.raises(JournalError) as caught:
        restore_backup(backup, path)
    assert caught.value.kind == ("newer" if problem == "newer" else "corrupt")
    assert {p.name: p.read_bytes() for p in path.parent.iterdir() if p.is_file()} == before
    assert uids(path) == ["current"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_restore_is_private_whatever_the_umask(path: Path, backups_dir: Path) -> None:
    filled_journal(path, 2)
    made = daily_backup(path, backups_dir, DAY)
    assert made is not None
    made.chmod(0o644)
    move_aside(path)
    old = os.umask(0)
    try:
        restore_backup(made, path)
    finally:
        os.umask(old)
    assert mode(path) == 0o600


def test_move_aside_of_a_log_without_its_database(path: Path, fixed_now: datetime) -> None:
    path.parent.mkdir(parents=True)
    Path(f"{path}-wal").write_bytes(b"the last sessions, perhaps")
    moved = move_aside(path)
    assert not moved.exists()
    assert Path(f"{moved}-wal").read_bytes() == b"the last sessions, perhaps"
    assert names(path.parent) == [f"{moved.name}-wal"]
