"""The journal locked: opened with its data key through the same `Journal` as a plain
one, every use of it (add, search, edit, delete, drafts, backups, restore, reading
only) as on a plain journal, and nothing of it on disk in plain text."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from desktop_app.storage import journal_backups
from desktop_app.storage.erase import erase_all
from desktop_app.storage.journal import Journal, JournalError, StoredAnswer, open_to_read
from desktop_app.storage.journal_files import JournalFiles, Passphrase
from desktop_app.storage.lock.data_key import DataKey
from desktop_app.storage.lock.errors import LockError
from desktop_app.storage.lock.state import database_kind
from desktop_app.storage.paths import AppPaths
from tests.storage.lock.journals import FAST, holders_of, make_journal, session

PASSPHRASE = "a calm river at dawn"
#: A phrase from an entry: in no file while the journal is locked.
PHRASE = "Wombatvioolles whisper"


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(data=tmp_path / "data", config=tmp_path / "config", cache=tmp_path / "cache")


@pytest.fixture
def files(paths: AppPaths) -> JournalFiles:
    """A journal of 12 entries (one with `PHRASE`), one daily copy, locked."""
    make_journal(paths.journal, 12)
    with Journal.open(paths.journal) as journal:
        journal.add(session(50, PHRASE))
    journal_backups.daily_backup(paths.journal, paths.journal_backups, date(2025, 3, 1))
    files = JournalFiles.of(paths)
    files.turn_on(PASSPHRASE, FAST)
    return files


@pytest.fixture
def key(files: JournalFiles) -> DataKey:
    return files.unlock(Passphrase(PASSPHRASE))


def test_a_locked_journal_is_used_as_a_plain_one(
    files: JournalFiles, key: DataKey, tmp_path: Path
) -> None:
    assert files.lock_state() == "on"
    with Journal.open(files.journal, key) as journal:
        assert journal.count() == 13
        assert [hit.entry.uid for hit in journal.search("wombatvioolles")] == ["uid-50"]
        new = journal.add(session(60, "Another quiet morning"))
        note = StoredAnswer("note", "after", "text", "Notes", "rewritten", "rewritten")
        journal.update_answers(new, (note,))
        assert [hit.entry.id for hit in journal.search("rewritten")] == [new]
        removed = journal.delete(new)
        assert journal.search("rewritten") == []
        journal.restore(removed)
        journal.save_draft("entry-1", {"text": f"a draft: {PHRASE}"})
        assert journal.drafts()["entry-1"] == {"text": f"a draft: {PHRASE}"}
        journal.backup_to(tmp_path / "copy.sqlite3")
    assert database_kind(files.journal) == "encrypted"
    assert database_kind(tmp_path / "copy.sqlite3") == "encrypted"
    with Journal.open(tmp_path / "copy.sqlite3", key) as copy:
        assert copy.count() == 14
    assert holders_of("Wombatvioolles", tmp_path) == []
    assert holders_of("quiet morning", tmp_path) == []


def test_a_sound_locked_journal_passes_the_check_left_for_later(
    files: JournalFiles, key: DataKey
) -> None:
    with Journal.open(files.journal, key) as journal:
        assert not journal.pages_checked
        journal.check_pages()
    with Journal.open_read_only(files.journal, key=key) as journal:
        assert journal.pages_checked


def test_a_new_journal_made_with_a_key_is_locked(tmp_path: Path) -> None:
    path = tmp_path / "data" / "journal.sqlite3"
    key = DataKey.new()
    with Journal.open(path, key) as journal:
        journal.add(session(1, PHRASE))
    assert database_kind(path) == "encrypted"
    with Journal.open(path, key) as journal:
        assert journal.count() == 1
    assert holders_of("Wombatvioolles", tmp_path) == []


def test_a_wrong_key_is_said_and_changes_nothing(files: JournalFiles, tmp_path: Path) -> None:
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    for opening in (Journal.open, Journal.open_read_only, open_to_read):
        with pytest.raises(JournalError) as caught:
            opening(files.journal, key=DataKey.new())
        assert caught.value.kind == "wrong-key"
        assert "key" in str(caught.value)
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_a_locked_journal_opened_without_its_key_is_locked_not_damaged(
    files: JournalFiles,
) -> None:
    for opening in (Journal.open, Journal.open_read_only):
        with pytest.raises(JournalError) as caught:
            opening(files.journal)
        assert caught.value.kind == "wrong-key"
        assert "locked" in str(caught.value)


def test_with_the_lock_on_before_a_journal_none_is_made_plain(paths: AppPaths) -> None:
    files = JournalFiles.of(paths)
    files.turn_on(PASSPHRASE, FAST)
    assert files.lock_state() == "on" and not paths.journal.exists()
    with pytest.raises(JournalError) as caught:
        Journal.open(paths.journal)
    assert caught.value.kind == "wrong-key"
    assert not paths.journal.exists()
    with Journal.open(paths.journal, files.unlock(Passphrase(PASSPHRASE))) as journal:
        journal.add(session(1, PHRASE))
    assert database_kind(paths.journal) == "encrypted"


def test_a_plain_journal_does_not_open_with_a_key(paths: AppPaths) -> None:
    make_journal(paths.journal, 2)
    with pytest.raises(JournalError) as caught:
        Journal.open(paths.journal, DataKey.new())
    assert caught.value.kind == "wrong-key"
    assert database_kind(paths.journal) == "plain"


def test_a_locked_journal_without_its_key_file_cannot_be_unlocked(
    files: JournalFiles, key: DataKey
) -> None:
    files.key_file.unlink()
    assert files.lock_state() == "key-file-missing"
    with pytest.raises(LockError) as caught:
        files.unlock(Passphrase(PASSPHRASE))
    assert caught.value.kind == "missing-key-file"
    assert "key file is missing" in str(caught.value)
    # The data key itself still opens it (the key file only wraps it).
    with Journal.open(files.journal, key) as journal:
        assert journal.count() == 13


def test_a_locked_journal_is_read_where_it_cannot_be_written(
    files: JournalFiles, key: DataKey
) -> None:
    with Journal.open_read_only(files.journal, key=key) as journal:
        assert journal.read_only
        assert journal.count() == 13
        assert len(journal.search("wombatvioolles")) == 1
        with pytest.raises(JournalError):
            journal.add(session(70))


def test_a_locked_journal_is_damaged_when_its_pages_are(files: JournalFiles, key: DataKey) -> None:
    with files.journal.open("r+b") as handle:  # a page in the middle, changed
        handle.seek(4096 * 3 + 100)
        handle.write(b"\x00" * 64)
    # Each page is authenticated as it is read: whichever read meets it says so.
    try:
        journal = Journal.open(files.journal, key)
    except JournalError as error:
        assert error.kind == "corrupt"
        return
    with journal, pytest.raises(JournalError) as caught:
        assert not journal.pages_checked
        journal.check_pages()  # as the window runs it, in the background
    assert caught.value.kind == "corrupt"
    with Journal.open(files.journal, key) as journal, pytest.raises(JournalError) as caught:
        journal.entries()
    assert caught.value.kind == "corrupt"


def test_the_daily_copy_of_a_locked_journal_is_encrypted_and_restores(
    files: JournalFiles, key: DataKey, paths: AppPaths
) -> None:
    [old] = journal_backups.backups(paths.journal_backups)
    assert database_kind(old) == "encrypted"  # made plain, encrypted when the lock went on
    with Journal.open(files.journal, key) as journal:
        journal.add(session(80, "after the copy"))
    made = journal_backups.daily_backup(paths.journal, paths.journal_backups, date.today(), key)
    assert made is not None and database_kind(made) == "encrypted"
    with pytest.raises(JournalError) as caught:
        journal_backups.restore_backup(old, paths.journal, DataKey.new())
    assert caught.value.kind == "wrong-key"
    journal_backups.restore_backup(old, paths.journal, key)
    with Journal.open(files.journal, key) as journal:
        assert journal.count() == 13
    assert holders_of("Wombatvioolles", paths.data) == []


def test_erasing_everything_removes_the_key_file(files: JournalFiles, paths: AppPaths) -> None:
    assert files.key_file.exists()
    assert erase_all(paths) == []
    assert not files.key_file.exists()
    assert files.lock_state() == "off"


def test_one_library_in_the_process_sees_the_journals_locks(
    files: JournalFiles, key: DataKey
) -> None:
    """The standard library's SQLite would not see sqlcipher3's locks in this process
    (each keeps its own table of the locks it holds): nothing of the journal goes
    through it."""
    with Journal.open(files.journal, key) as journal:
        assert type(journal._conn).__module__.startswith("sqlcipher3")
        assert not isinstance(journal._conn, sqlite3.Connection)


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_the_key_file_and_the_locked_journal_are_private(files: JournalFiles) -> None:
    for path in (files.key_file, files.journal):
        assert path.stat().st_mode & 0o077 == 0


def test_a_copy_of_the_data_folder_opens_with_its_key_file(
    files: JournalFiles, paths: AppPaths, tmp_path: Path
) -> None:
    moved = tmp_path / "elsewhere"
    shutil.copytree(paths.data, moved)
    elsewhere = JournalFiles(moved / paths.journal.name, moved / "backups")
    key = elsewhere.unlock(Passphrase(PASSPHRASE))
    with Journal.open(elsewhere.journal, key) as journal:
        assert journal.count() == 13
