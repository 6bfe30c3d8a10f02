"""Turning the lock on or off is interrupted at each of its writes, by a crash (the
process ends on the spot) or a failing disk: the journal and its copies are then
whole and open with what is on disk, each either as it was or converted."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from desktop_app.storage.lock.state import LockedFiles, lock_state
from desktop_app.storage.lock.switching import turn_off, turn_on
from desktop_app.storage.lock.unlocking import unlock_with_passphrase
from tests.crash import crash_steps
from tests.storage.lock.journals import FAST, make_journal, plain_contents
from tests.storage.lock.on_disk import check_whole

pytestmark = pytest.mark.skipif(os.name != "posix", reason="forks a child to crash")

PASSPHRASE = "een rustige plek"


def pristine(folder: Path) -> dict[str, object]:
    """A journal made once, whose copies each run starts from; returns its rows."""
    return plain_contents(make_journal(folder / "journal.sqlite3", 15))


def prepared(folder: Path, source: Path) -> LockedFiles:
    """The journal and two daily copies of it, in a fresh folder."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "backups").mkdir(parents=True)
    journal = folder / "journal.sqlite3"
    shutil.copyfile(source / "journal.sqlite3", journal)
    copies = []
    for day in ("01", "02"):
        copy = folder / "backups" / f"journal-2025-03-{day}.sqlite3"
        shutil.copyfile(journal, copy)
        copies.append(copy)
    return LockedFiles(journal, folder / "journal.key", tuple(copies))


@pytest.mark.parametrize("kill", [True, False], ids=["crash", "failing disk"])
def test_turning_the_lock_on_survives_being_stopped_at_any_write(
    tmp_path: Path, kill: bool
) -> None:
    source, folder = tmp_path / "source", tmp_path / "data"
    expected = pristine(source)
    files = prepared(folder, source)
    states = set()
    for step in crash_steps(
        lambda: turn_on(files, PASSPHRASE, FAST),
        prepare=lambda: prepared(folder, source),
        kill=kill,
    ):
        states.add(check_whole(files, PASSPHRASE, expected))
        last = step
    assert states == {"off", "on"}
    assert last.outcome == "done" and last.writes > 20  # every write was stopped once


@pytest.mark.parametrize("kill", [True, False], ids=["crash", "failing disk"])
def test_turning_the_lock_off_survives_being_stopped_at_any_write(
    tmp_path: Path, kill: bool
) -> None:
    source, folder = tmp_path / "source", tmp_path / "data"
    expected = pristine(source)

    def locked() -> None:
        turn_on(prepared(folder, source), PASSPHRASE, FAST)

    files = prepared(folder, source)
    states = set()
    for step in crash_steps(
        lambda: turn_off(files, unlock_with_passphrase(files.key_file, PASSPHRASE)),
        prepare=locked,
        kill=kill,
    ):
        states.add(check_whole(files, PASSPHRASE, expected))
        last = step
    assert states == {"off", "on"}
    assert last.outcome == "done" and last.writes > 15
    assert lock_state(files) == "off"
