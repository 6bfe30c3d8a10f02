"""Turning the lock on and off over the journal, its daily copies and the key file;
what the files say about the lock; settling what a crash left."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop_app.storage.lock.data_key import DataKey
from desktop_app.storage.lock.encrypted_db import open_encrypted
from desktop_app.storage.lock.errors import LockError
from desktop_app.storage.lock.state import LockedFiles, database_kind, lock_state, settle
from desktop_app.storage.lock.switching import encrypt_plain_copies, turn_off, turn_on
from desktop_app.storage.lock.unlocking import unlock_with_passphrase, unlock_with_recovery_key
from tests.storage.lock.journals import FAST, contents, folder_bytes, make_journal, plain_contents

PASSPHRASE = "zeven zeeën, één sleutel"


def journal_with_copies(folder: Path) -> LockedFiles:
    journal = make_journal(folder / "journal.sqlite3", 10)
    backups = folder / "backups"
    backups.mkdir()
    copies = []
    for day in ("2025-03-01", "2025-03-02"):
        copy = backups / f"journal-{day}.sqlite3"
        shutil.copyfile(journal, copy)
        copies.append(copy)
    return LockedFiles(journal, folder / "journal.key", tuple(copies))


def test_turning_the_lock_on_encrypts_the_journal_and_its_copies(tmp_path: Path) -> None:
    files = journal_with_copies(tmp_path)
    expected = plain_contents(files.journal)
    assert lock_state(files) == "off"
    keys = turn_on(files, PASSPHRASE, FAST)
    assert lock_state(files) == "on"
    key = unlock_with_passphrase(files.key_file, PASSPHRASE)
    assert key == keys.data_key
    assert unlock_with_recovery_key(files.key_file, keys.recovery_key.text) == key
    for database in (files.journal, *files.copies):
        assert database_kind(database) == "encrypted"
        connection = open_encrypted(database, key, read_only=True)
        try:
            assert contents(connection) == expected
        finally:
            connection.close()


def test_turning_it_off_asks_for_the_passphrase_and_gives_plain_files_back(
    tmp_path: Path,
) -> None:
    files = journal_with_copies(tmp_path)
    expected = plain_contents(files.journal)
    turn_on(files, PASSPHRASE, FAST)
    before = folder_bytes(tmp_path)
    with pytest.raises(LockError) as caught:
        turn_off(files, unlock_with_passphrase(files.key_file, "not the passphrase"))
    assert caught.value.kind == "wrong-passphrase"
    assert folder_bytes(tmp_path) == before  # nothing written
    turn_off(files, unlock_with_passphrase(files.key_file, PASSPHRASE))
    assert lock_state(files) == "off"
    assert not files.key_file.exists()
    for database in (files.journal, *files.copies):
        assert plain_contents(database) == expected


def test_the_lock_cannot_be_turned_on_twice_nor_off_when_off(tmp_path: Path) -> None:
    files = journal_with_copies(tmp_path)
    with pytest.raises(ValueError, match="not locked"):
        turn_off(files, DataKey.new())
    turn_on(files, PASSPHRASE, FAST)
    key_file = files.key_file.read_bytes()
    with pytest.raises(ValueError, match="locked already"):
        turn_on(files, "another", FAST)
    assert files.key_file.read_bytes() == key_file


def test_with_no_journal_yet_the_lock_is_the_key_file(tmp_path: Path) -> None:
    files = LockedFiles(tmp_path / "journal.sqlite3", tmp_path / "journal.key")
    assert lock_state(files) == "off"
    turn_on(files, PASSPHRASE, FAST)
    assert lock_state(files) == "on"  # the journal is to be made encrypted
    assert not files.journal.exists()
    turn_off(files, unlock_with_passphrase(files.key_file, PASSPHRASE))
    assert lock_state(files) == "off"
    assert list(tmp_path.iterdir()) == []


def test_an_encrypted_journal_without_its_key_file_is_said_plainly(tmp_path: Path) -> None:
    files = journal_with_copies(tmp_path)
    turn_on(files, PASSPHRASE, FAST)
    files.key_file.unlink()
    assert lock_state(files) == "key-file-missing"
    with pytest.raises(LockError) as caught:
        turn_off(files, DataKey.new())
    assert caught.value.kind == "missing-key-file"
    assert settle(files) == []


def test_settling_removes_a_key_file_beside_a_plain_journal(tmp_path: Path) -> None:
    files = journal_with_copies(tmp_path)
    turn_on(files, PASSPHRASE, FAST)
    key_file = files.key_file.read_bytes()
    turn_off(files, unlock_with_passphrase(files.key_file, PASSPHRASE))
    files.key_file.write_bytes(key_file)  # as a crash before its removal leaves it
    assert lock_state(files) == "off"
    assert settle(files) == [f"removed {files.key_file} (the lock was not on)"]
    assert not files.key_file.exists()
    assert settle(files) == []


def test_settling_keeps_the_key_file_while_any_copy_is_encrypted(tmp_path: Path) -> None:
    files = journal_with_copies(tmp_path)
    turn_on(files, PASSPHRASE, FAST)
    shutil.copyfile(files.copies[0], tmp_path / "encrypted copy")
    turn_off(files, unlock_with_passphrase(files.key_file, PASSPHRASE))
    shutil.copyfile(tmp_path / "encrypted copy", files.copies[0])
    files.key_file.write_bytes(b"{}")
    assert settle(files) == []
    assert files.key_file.exists()


def test_copies_left_plain_by_a_crash_are_encrypted_at_the_next_unlock(tmp_path: Path) -> None:
    files = journal_with_copies(tmp_path)
    plain_copy = tmp_path / "plain copy"
    shutil.copyfile(files.copies[1], plain_copy)
    turn_on(files, PASSPHRASE, FAST)
    shutil.copyfile(plain_copy, files.copies[1])  # as a crash before its turn leaves it
    assert settle(files) == []
    key = unlock_with_passphrase(files.key_file, PASSPHRASE)
    assert encrypt_plain_copies(files.copies, key) == [files.copies[1]]
    assert {database_kind(copy) for copy in files.copies} == {"encrypted"}
