"""With the lock on, a phrase typed into a reflection is nowhere in plain text under
Attune's folders: not in the journal, its write-ahead log, a backup, a draft, pending
answers or a recording; not left over from the plain journal it was before; not after
the process is killed in the middle of a save."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from desktop_app.storage.journal.backup import write_backup
from desktop_app.storage.journal.drafts import draft_text, save_draft
from desktop_app.storage.lock.encrypted_db import open_encrypted
from desktop_app.storage.lock.sealed_files import read_sealed, write_sealed
from desktop_app.storage.lock.state import LockedFiles
from desktop_app.storage.lock.switching import turn_on
from desktop_app.storage.lock.unlocking import unlock_with_passphrase
from desktop_app.storage.paths import AppPaths
from tests.storage.lock.journals import (
    FAST,
    add_to_encrypted,
    as_the_journal_writes,
    holders_of,
    make_journal,
    session,
)

ROOT = Path(__file__).resolve().parents[3]
PASSPHRASE = "alleen ik"
#: Typed before the lock was turned on.
BEFORE = "Quokkazebra told my sister about the hospital"
#: Typed while the lock is on.
PHRASE = "Wombatvioolles: I was scared at the hospital, Спокойно 平静"
WORDS = ("Quokkazebra", "Wombatvioolles", "hospital", "Спокойно", "平静")


def attune_home(tmp_path: Path) -> AppPaths:
    paths = AppPaths(tmp_path / "data", tmp_path / "config", tmp_path / "cache", tmp_path / "logs")
    for folder in (paths.data, paths.config, paths.cache, paths.logs):
        folder.mkdir(mode=0o700)
    return paths


def locked(paths: AppPaths) -> LockedFiles:
    """A journal written with `BEFORE` in it and a plain daily copy, then locked."""
    make_journal(paths.journal, 20, BEFORE)
    paths.journal_backups.mkdir(mode=0o700)
    copy = paths.journal_backups / "journal-2025-03-01.sqlite3"
    copy.write_bytes(paths.journal.read_bytes())
    files = LockedFiles(paths.journal, paths.data / "journal.key", (copy,))
    assert holders_of(BEFORE, paths.data)  # the test would prove nothing otherwise
    turn_on(files, PASSPHRASE, FAST)
    return files


def nowhere(phrase_words: tuple[str, ...], folder: Path) -> list[str]:
    return [f"{word}: {where}" for word in phrase_words for where in holders_of(word, folder)]


def test_no_phrase_is_written_in_plain_text_while_locked(tmp_path: Path) -> None:
    paths = attune_home(tmp_path)
    files = locked(paths)
    assert nowhere(WORDS, tmp_path) == []
    key = unlock_with_passphrase(files.key_file, PASSPHRASE)
    connection = as_the_journal_writes(open_encrypted(paths.journal, key))
    try:
        connection.execute("PRAGMA wal_autocheckpoint = 0")  # the save stays in the log
        add_to_encrypted(connection, session(100, PHRASE))
        save_draft(connection, "entry-100", draft_text({"text": PHRASE}))
        hits = connection.execute(
            "SELECT count(*) FROM search WHERE search MATCH ?", ('"Wombatvioolles"',)
        ).fetchone()[0]
        assert hits == 1  # it is in the journal, and found by search
        assert Path(f"{paths.journal}-wal").stat().st_size > 0
        write_backup(connection, paths.journal_backups / f"journal-{date.today()}.sqlite3", key)
        write_sealed(paths.data / "drafts" / "entry-100.sealed", key, "draft", PHRASE.encode())
        write_sealed(paths.cache / "pending.sealed", key, "pending-answers", PHRASE.encode())
        recording = paths.data / "recordings" / "take-1.sealed"
        write_sealed(recording, key, "recording", PHRASE.encode("utf-16") * 2000)
        assert nowhere(WORDS, tmp_path) == []  # with the journal open, its log full
    finally:
        connection.close()
    assert nowhere(WORDS, tmp_path) == []
    assert read_sealed(recording, key, "recording") == PHRASE.encode("utf-16") * 2000


#: A child that saves sessions with the phrase into the locked journal until killed.
SAVING = """
import sys
from pathlib import Path
from desktop_app.storage.lock.encrypted_db import open_encrypted
from desktop_app.storage.lock.unlocking import unlock_with_passphrase
from tests.storage.lock.journals import add_to_encrypted, as_the_journal_writes, session

data = Path(sys.argv[1])
key = unlock_with_passphrase(data / "journal.key", sys.argv[2])
connection = as_the_journal_writes(open_encrypted(data / "journal.sqlite3", key))
number = 1000
while True:
    add_to_encrypted(connection, session(number, sys.argv[3] + " " + "x" * (number % 5000)))
    number += 1
    if number == 1010:
        print("saving", flush=True)
"""


@pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")
def test_no_phrase_is_left_in_plain_text_by_a_crash_in_the_middle_of_a_save(
    tmp_path: Path,
) -> None:
    paths = attune_home(tmp_path)
    files = locked(paths)
    with subprocess.Popen(
        [sys.executable, "-c", SAVING, str(paths.data), PASSPHRASE, PHRASE],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline() == "saving\n"
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert Path(f"{paths.journal}-wal").exists()  # killed with its log open
    assert nowhere(WORDS, tmp_path) == []
    key = unlock_with_passphrase(files.key_file, PASSPHRASE)
    connection = open_encrypted(paths.journal, key)
    try:
        saved = connection.execute(
            "SELECT count(*) FROM search WHERE search MATCH ?", ('"Wombatvioolles"',)
        ).fetchone()[0]
        assert saved >= 10  # what was committed before the kill is there
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()
    assert nowhere(WORDS, tmp_path) == []
