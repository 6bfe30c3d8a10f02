"""`JournalFiles`: the one place the window and the command line ask about the lock."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from desktop_app.storage import journal_backups
from desktop_app.storage.journal import Journal
from desktop_app.storage.journal_files import JournalFiles, Passphrase, TypedRecoveryKey
from desktop_app.storage.lock import sqlcipher
from desktop_app.storage.lock.errors import LockError
from desktop_app.storage.lock.passphrase import MIN_LENGTH
from desktop_app.storage.lock.state import database_kind
from desktop_app.storage.paths import AppPaths
from tests.storage.lock.journals import FAST, folder_bytes, make_journal

PASSPHRASE = "Zażółć gęślą jaźń 平静"


@pytest.fixture
def files(tmp_path: Path) -> JournalFiles:
    paths = AppPaths(data=tmp_path / "data", config=tmp_path / "config", cache=tmp_path / "cache")
    make_journal(paths.journal, 5)
    journal_backups.daily_backup(paths.journal, paths.journal_backups, date(2025, 3, 1))
    return JournalFiles.of(paths)


def test_its_files_are_named_from_the_paths(files: JournalFiles, tmp_path: Path) -> None:
    assert files.journal == tmp_path / "data" / "journal.sqlite3"
    assert files.key_file == tmp_path / "data" / "journal.key"
    assert files.backups_dir == tmp_path / "data" / "backups"


def test_on_then_off_with_the_passphrase(files: JournalFiles) -> None:
    assert files.lock_state() == "off"
    recovery = files.turn_on(PASSPHRASE, FAST).recovery_key
    assert len(recovery.text.replace("-", "")) == 32
    assert files.lock_state() == "on"
    [copy] = journal_backups.backups(files.backups_dir)
    assert database_kind(files.journal) == database_kind(copy) == "encrypted"
    with pytest.raises(ValueError, match="locked already"):
        files.turn_on("another passphrase", FAST)
    files.turn_off(Passphrase(PASSPHRASE))
    assert files.lock_state() == "off"
    assert database_kind(files.journal) == database_kind(copy) == "plain"
    assert not files.key_file.exists()
    with pytest.raises(ValueError, match="not locked"):
        files.turn_off(Passphrase(PASSPHRASE))


def test_off_with_the_recovery_key_as_typed(files: JournalFiles) -> None:
    recovery = files.turn_on(PASSPHRASE, FAST).recovery_key
    typed = recovery.text.lower().replace("-", " ")
    files.turn_off(TypedRecoveryKey(typed))
    assert files.lock_state() == "off"
    with Journal.open(files.journal) as journal:
        assert journal.count() == 5


@pytest.mark.parametrize(
    "proof",
    [Passphrase("not the passphrase"), TypedRecoveryKey("ZJ3Y-8TPH-QRCM-XCHV-MPC6-9NGJ-Q53P-YZZ0")],
)
def test_a_wrong_proof_writes_nothing(files: JournalFiles, tmp_path: Path, proof: object) -> None:
    files.turn_on(PASSPHRASE, FAST)
    before = folder_bytes(tmp_path)
    for attempt in (files.unlock, files.turn_off):
        with pytest.raises(LockError):
            attempt(proof)  # type: ignore[arg-type]
    with pytest.raises(LockError):
        files.change_passphrase(proof, "a new passphrase")  # type: ignore[arg-type]
    assert folder_bytes(tmp_path) == before


@pytest.mark.parametrize("weak", ["", "        ", "short", "x" * (MIN_LENGTH - 1), "\udcff" * 9])
def test_a_weak_passphrase_is_refused_before_anything_is_written(
    files: JournalFiles, tmp_path: Path, weak: str
) -> None:
    before = folder_bytes(tmp_path)
    with pytest.raises(LockError) as caught:
        files.turn_on(weak, FAST)
    assert caught.value.kind == "weak-passphrase"
    assert folder_bytes(tmp_path) == before
    files.turn_on(PASSPHRASE, FAST)
    with pytest.raises(LockError) as caught:
        files.change_passphrase(Passphrase(PASSPHRASE), weak, FAST)
    assert caught.value.kind == "weak-passphrase"


def test_a_short_passphrase_already_chosen_still_unlocks(files: JournalFiles) -> None:
    """The least length is asked of a passphrase being chosen, never of one typed to
    unlock (a key file made by another tool, or a later rule)."""
    files.turn_on(PASSPHRASE, FAST)
    from desktop_app.storage.lock.unlocking import change_passphrase

    change_passphrase(files.key_file, PASSPHRASE, "short", FAST)
    files.unlock(Passphrase("short"))


def test_changing_the_passphrase_with_either_proof(files: JournalFiles) -> None:
    recovery = files.turn_on(PASSPHRASE, FAST).recovery_key
    journal_bytes = files.journal.read_bytes()
    files.change_passphrase(Passphrase(PASSPHRASE), "the second passphrase", FAST)
    with pytest.raises(LockError):
        files.unlock(Passphrase(PASSPHRASE))
    files.change_passphrase(TypedRecoveryKey(recovery.text), "the third passphrase", FAST)
    key = files.unlock(Passphrase("the third passphrase"))
    assert files.journal.read_bytes() == journal_bytes  # only the key file changed
    with Journal.open(files.journal, key) as journal:
        assert journal.count() == 5


def test_unlocking_encrypts_a_copy_a_crash_left_plain(files: JournalFiles, tmp_path: Path) -> None:
    plain_copy = tmp_path / "plain.sqlite3"
    [copy] = journal_backups.backups(files.backups_dir)
    shutil.copy(copy, plain_copy)
    files.turn_on(PASSPHRASE, FAST)
    shutil.copy(plain_copy, copy)  # as if the crash came before the copy's turn
    assert files.lock_state() == "on"
    files.unlock(Passphrase(PASSPHRASE))
    assert database_kind(copy) == "encrypted"


def test_settle_removes_a_key_file_left_beside_a_plain_journal(files: JournalFiles) -> None:
    files.turn_on(PASSPHRASE, FAST)
    key_file = files.key_file.read_bytes()
    files.turn_off(Passphrase(PASSPHRASE))
    files.key_file.write_bytes(key_file)  # as if the crash came before its removal
    assert files.lock_state() == "off"
    assert files.settle() == [f"removed {files.key_file} (the lock was not on)"]
    assert not files.key_file.exists()


def test_a_damaged_plain_journal_without_a_key_file_is_not_taken_for_a_locked_one(
    files: JournalFiles,
) -> None:
    files.journal.write_bytes(b"these are not the pages you are looking for\n" * 100)
    assert files.lock_state() == "off"  # the journal's own checks say it is damaged
    files.journal.write_bytes(os.urandom(4096 * 3))  # as a locked journal, key file lost
    assert files.lock_state() == "key-file-missing"


def test_turning_it_on_while_the_journal_is_in_use_leaves_it_off(files: JournalFiles) -> None:
    with Journal.open(files.journal) as journal:  # as the window keeps it open
        journal.count()
        with pytest.raises(sqlcipher.OperationalError) as caught:
            files.turn_on(PASSPHRASE, FAST)
    assert "locked" in str(caught.value)
    assert files.lock_state() == "off"
    assert not files.key_file.exists()
    assert database_kind(files.journal) == "plain"


def test_a_damaged_copy_neither_stops_the_lock_nor_hides_the_recovery_key(
    files: JournalFiles,
) -> None:
    [copy] = journal_backups.backups(files.backups_dir)
    with copy.open("r+b") as handle:  # a page of the copy, overwritten
        handle.seek(4096 * 2)
        handle.write(b"\xff" * 4096)
    recovery = files.turn_on(PASSPHRASE, FAST).recovery_key
    assert recovery.text
    assert files.lock_state() == "on"
    assert database_kind(files.journal) == "encrypted"
    assert database_kind(copy) == "plain"  # left as it was: damaged, not converted
    files.unlock(Passphrase(PASSPHRASE))  # and it does not keep the journal locked away


def test_turning_on_gives_the_data_key_and_turning_off_takes_it(files: JournalFiles) -> None:
    keys = files.turn_on(PASSPHRASE, FAST)
    assert keys.data_key == files.unlock(Passphrase(PASSPHRASE))
    files.turn_off(keys.data_key)  # no passphrase asked again
    assert files.lock_state() == "off" and not files.key_file.exists()
    assert database_kind(files.journal) == "plain"
