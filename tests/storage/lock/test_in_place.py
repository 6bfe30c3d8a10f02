"""One database converted between plain and encrypted in place: every row kept, the
write-ahead log's rows too, private, no leftovers, the old plain bytes overwritten."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.storage.journal import Journal
from desktop_app.storage.lock import sqlcipher
from desktop_app.storage.lock.data_key import DataKey
from desktop_app.storage.lock.encrypted_db import open_encrypted
from desktop_app.storage.lock.errors import LockError
from desktop_app.storage.lock.in_place import decrypt_in_place, encrypt_in_place
from desktop_app.storage.lock.state import database_kind
from tests.storage.lock.journals import (
    contents,
    holders_of,
    make_journal,
    plain_contents,
    session,
)

KEY = DataKey(bytes(range(2, 34)))
NOTE = "Rustig ademen bij de boom, Zażółć gęślą jaźń"


def encrypted_contents(path: Path, key: DataKey = KEY) -> dict[str, object]:
    connection = open_encrypted(path, key, read_only=True)
    try:
        return contents(connection)
    finally:
        connection.close()


def test_encrypting_keeps_every_row_and_the_schema_version(tmp_path: Path, umask: int) -> None:
    path = make_journal(tmp_path / "journal.sqlite3", 30, NOTE)
    expected = plain_contents(path)
    assert encrypt_in_place(path, KEY) is True
    assert database_kind(path) == "encrypted"
    assert encrypted_contents(path) == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.sqlite3"]
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert holders_of("Rustig ademen", tmp_path) == []


def test_decrypting_gives_back_a_journal_the_journal_opens_and_searches(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "journal.sqlite3", 30, NOTE)
    expected = plain_contents(path)
    encrypt_in_place(path, KEY)
    assert decrypt_in_place(path, KEY) is True
    assert database_kind(path) == "plain"
    assert plain_contents(path) == expected
    journal = Journal.open(path)
    try:
        assert journal.count() == 30
        assert len(journal.search("ademen")) == 30
        journal.add(session(99))
        assert journal.count() == 31
    finally:
        journal.close()


def test_nothing_to_do_is_said_and_nothing_written(tmp_path: Path) -> None:
    assert encrypt_in_place(tmp_path / "none.sqlite3", KEY) is False
    assert decrypt_in_place(tmp_path / "none.sqlite3", KEY) is False
    plain = make_journal(tmp_path / "plain.sqlite3", 1)
    assert decrypt_in_place(plain, KEY) is False
    encrypt_in_place(plain, KEY)
    before = plain.read_bytes()
    assert encrypt_in_place(plain, KEY) is False
    assert plain.read_bytes() == before
    assert not list(tmp_path.glob("none*"))


def test_rows_still_in_the_write_ahead_log_are_carried_over_and_the_log_goes(
    tmp_path: Path,
) -> None:
    """A crash can leave the journal's newest rows in its -wal file: they are part of
    the journal and must be in the encrypted one, and the plain log must not stay."""
    source = make_journal(tmp_path / "source" / "journal.sqlite3", 3)
    writer = sqlite3.connect(source, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE drafts SET payload_json = ? WHERE key = 'entry-1'", (f'"{NOTE}"',))
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for name in ("journal.sqlite3", "journal.sqlite3-wal"):  # as a crash leaves them
        shutil.copy2(source.parent / name, crashed / name)
    writer.close()
    path = crashed / "journal.sqlite3"
    assert NOTE.encode() in (crashed / "journal.sqlite3-wal").read_bytes()
    expected = plain_contents(source)
    encrypt_in_place(path, KEY)
    assert encrypted_contents(path) == expected
    assert sorted(p.name for p in crashed.iterdir()) == ["journal.sqlite3"]
    assert holders_of(NOTE, crashed) == []


@pytest.mark.skipif(os.name != "posix", reason="a replaced file stays open on POSIX")
def test_the_old_plain_bytes_are_overwritten(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "journal.sqlite3", 20, NOTE)
    with path.open("rb") as old:  # the plain file, as it was before the rename
        encrypt_in_place(path, KEY)
        left = old.read()
    assert left and set(left) == {0}


def test_a_journal_another_process_writes_to_is_not_converted(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "journal.sqlite3", 3)
    before = plain_contents(path)
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITE_LOCK, str(path)], stdout=subprocess.PIPE, text=True
    ) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
            with pytest.raises(sqlcipher.OperationalError, match="locked"):
                encrypt_in_place(path, KEY)
        finally:
            holder.kill()
    assert database_kind(path) == "plain"
    assert plain_contents(path) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".attune-tmp-")]


#: A child that takes the journal's write lock and keeps it until it is killed.
HOLD_WRITE_LOCK = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
time.sleep(60)
"""


def test_a_wrong_key_decrypts_nothing(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "journal.sqlite3", 3)
    encrypt_in_place(path, KEY)
    before = path.read_bytes()
    with pytest.raises(LockError) as caught:
        decrypt_in_place(path, DataKey.new())
    assert caught.value.kind == "wrong-key"
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.sqlite3"]


def test_a_damaged_journal_is_not_converted(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "journal.sqlite3", 40, NOTE * 20)
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 200] = os.urandom(200)  # a page in the middle
    path.write_bytes(bytes(data))
    with pytest.raises(LockError) as caught:
        encrypt_in_place(path, KEY)
    assert caught.value.kind == "damaged"
    assert str(caught.value) == (
        "Your journal is damaged, so it was not converted. It was not changed."
    )
    assert path.read_bytes() == bytes(data)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.sqlite3"]
