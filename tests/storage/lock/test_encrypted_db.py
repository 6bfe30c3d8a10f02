"""Encrypted journals: opened with the raw data key, a wrong key a plain error (and
nothing on standard error), the write-ahead log encrypted too, backups encrypted."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from desktop_app.storage.journal.backup import write_backup
from desktop_app.storage.journal.drafts import save_draft
from desktop_app.storage.lock import sqlcipher
from desktop_app.storage.lock.data_key import DataKey
from desktop_app.storage.lock.encrypted_db import open_encrypted
from desktop_app.storage.lock.errors import LockError
from desktop_app.storage.lock.in_place import encrypt_in_place
from desktop_app.storage.lock.state import database_kind
from tests.storage.lock.journals import contents, holders_of, make_journal, plain_contents

KEY = DataKey(bytes(range(1, 33)))


def locked_journal(folder: Path, sessions: int = 8) -> Path:
    path = make_journal(folder / "journal.sqlite3", sessions)
    encrypt_in_place(path, KEY)
    return path


def test_the_kinds_of_file_are_told_apart_by_their_first_bytes(tmp_path: Path) -> None:
    assert database_kind(tmp_path / "none") == "missing"
    (tmp_path / "empty").touch()
    assert database_kind(tmp_path / "empty") == "empty"
    plain = make_journal(tmp_path / "plain.sqlite3", 1)
    assert database_kind(plain) == "plain"
    assert database_kind(locked_journal(tmp_path / "locked")) == "encrypted"


def test_the_right_key_opens_it_and_reads_every_row(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "journal.sqlite3", 8)
    expected = plain_contents(path)
    encrypt_in_place(path, KEY)
    connection = open_encrypted(path, KEY)
    try:
        assert contents(connection) == expected
        assert connection.execute("PRAGMA temp_store").fetchone()[0] == 2  # memory
        assert connection.execute("PRAGMA cache_size").fetchone()[0] == -32 * 1024
        assert connection.execute("PRAGMA cipher_provider").fetchone()[0] == "openssl"
    finally:
        connection.close()


def test_a_wrong_key_is_a_plain_error_with_nothing_on_stderr(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    path = locked_journal(tmp_path)
    before = path.read_bytes()
    for _ in range(2):
        with pytest.raises(LockError) as caught:
            open_encrypted(path, DataKey.new())
        assert caught.value.kind == "wrong-key"
        assert "could not be opened with its key" in str(caught.value)
    captured = capfd.readouterr()
    assert captured.err == ""
    assert captured.out == ""
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.sqlite3"]


def test_a_plain_journal_does_not_open_as_an_encrypted_one(tmp_path: Path) -> None:
    plain = make_journal(tmp_path / "journal.sqlite3", 1)
    with pytest.raises(LockError, match="could not be opened with its key"):
        open_encrypted(plain, KEY)


def test_a_new_encrypted_database_is_made_when_there_is_none(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    connection = open_encrypted(path, KEY)
    connection.execute("CREATE TABLE notes (text TEXT)")
    connection.execute("INSERT INTO notes VALUES ('hello')")
    connection.close()
    assert database_kind(path) == "encrypted"
    again = open_encrypted(path, KEY, read_only=True)
    try:
        assert again.execute("SELECT text FROM notes").fetchall() == [("hello",)]
        with pytest.raises(sqlcipher.OperationalError):
            again.execute("INSERT INTO notes VALUES ('no')")
    finally:
        again.close()


def test_the_write_ahead_log_is_encrypted_too(tmp_path: Path) -> None:
    phrase = "my secret reflection about mother"
    path = locked_journal(tmp_path)
    connection = open_encrypted(path, KEY)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA wal_autocheckpoint = 0")  # the change stays in the log
        save_draft(connection, "entry-9", f'{{"text": "{phrase}"}}')
        log = Path(f"{path}-wal")
        assert log.stat().st_size > 0
        assert holders_of(phrase, tmp_path) == []
        assert holders_of("mother", tmp_path) == []
    finally:
        connection.close()


def test_an_encrypted_backup_is_whole_private_and_encrypted(tmp_path: Path, umask: int) -> None:
    path = locked_journal(tmp_path / "data")
    source = open_encrypted(path, KEY)
    try:
        expected = contents(source)
        target = tmp_path / "data" / "backups" / "journal-2025-03-01.sqlite3"
        target.parent.mkdir(mode=0o700)
        write_backup(source, target, KEY)
    finally:
        source.close()
    assert database_kind(target) == "encrypted"
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]
    copy = open_encrypted(target, KEY, read_only=True)
    try:
        assert contents(copy) == expected
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        copy.close()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(target).execute("SELECT * FROM sqlite_master").fetchall()


def test_the_library_is_sqlcipher_4() -> None:
    assert sqlcipher.versions().startswith("SQLCipher 4.")
