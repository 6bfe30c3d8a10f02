"""Deleted means gone from every file at once: with the journal open in a second
process too, and on every connection Attune makes (`secure_delete`)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import ClassVar

import pytest
import sqlcipher3  # type: ignore[import-untyped]

from desktop_app.storage import journal_backups
from desktop_app.storage.journal import Journal, StoredAnswer
from tests.storage.test_journal import session

ROOT = Path(__file__).resolve().parents[2]
SECRET = "Zephyrquokkaloom"

# The second process: opens the journal, says what it finds, and on each line read
# does what it says ("read": a search; "hold": a read transaction held for 0.5 s).
OTHER = """
import sys, time
from pathlib import Path
from desktop_app.storage.journal import Journal
journal = Journal.open(Path(sys.argv[1]))
print(len(journal.search(sys.argv[2])), flush=True)
for line in sys.stdin:
    if line.strip() == "hold":
        with journal._reading() as conn:
            conn.execute("SELECT count(*) FROM sessions").fetchone()
            print("holding", flush=True)
            time.sleep(0.5)
    print(len(journal.search(sys.argv[2])), flush=True)
journal.close()
"""


def on_disk(path: Path) -> dict[str, bool]:
    """For the database and its log: whether the secret (or its index token) is in it."""
    found = {}
    for suffix in ("", "-wal"):
        file = Path(f"{path}{suffix}")
        data = file.read_bytes() if file.exists() else b""
        found[file.name] = SECRET.encode() in data or SECRET.lower().encode() in data
    return found


@pytest.fixture
def other_process(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    path = tmp_path / "data" / "journal.sqlite3"
    with Journal.open(path) as journal:
        for _ in range(30):
            journal.add(session())
    child = subprocess.Popen(
        [sys.executable, "-c", OTHER, str(path), SECRET],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "0"
    try:
        yield path, child
    finally:
        child.stdin.close()  # type: ignore[union-attr]
        child.wait(timeout=10)
        child.stdout.close()


def ask(child: subprocess.Popen[str], line: str) -> str:
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(line + "\n")
    child.stdin.flush()
    return child.stdout.readline().strip()


@pytest.mark.parametrize("other_is", ["idle", "reading"])
def test_a_deleted_entry_leaves_the_files_while_another_process_has_the_journal(
    other_process: tuple[Path, subprocess.Popen[str]], other_is: str
) -> None:
    path, child = other_process
    note = StoredAnswer("note", "after", "text", "Notes", f"I told {SECRET}.", f"I told {SECRET}.")
    with Journal.open(path) as journal:
        entry_id = journal.add(session(answers=(note,)))
        assert ask(child, "read") == "1"
        assert any(on_disk(path).values())
        if other_is == "reading":
            assert ask(child, "hold") == "holding"  # a read under way in the other one
        journal.delete(entry_id)
        assert on_disk(path) == {path.name: False, f"{path.name}-wal": False}
        if other_is == "reading":
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "0"
        assert ask(child, "read") == "0"
        assert on_disk(path) == {path.name: False, f"{path.name}-wal": False}


def test_an_edit_that_takes_words_away_leaves_the_files(
    other_process: tuple[Path, subprocess.Popen[str]],
) -> None:
    path, child = other_process
    note = StoredAnswer("note", "after", "text", "Notes", f"I told {SECRET}.", f"I told {SECRET}.")
    plain = StoredAnswer("note", "after", "text", "Notes", "I told nobody.", "I told nobody.")
    with Journal.open(path) as journal:
        entry_id = journal.add(session(answers=(note,)))
        assert ask(child, "read") == "1"
        journal.update_answers(entry_id, (plain,))
        assert on_disk(path) == {path.name: False, f"{path.name}-wal": False}
        assert ask(child, "read") == "0"


class Recorded(sqlcipher3.Connection):  # type: ignore[misc]  # the journal's library
    """A connection that notes its `secure_delete` as it closes."""

    seen: ClassVar[list[tuple[str, int]]] = []

    def close(self) -> None:
        with_file = self.execute("PRAGMA database_list").fetchone()[2]
        if with_file:
            value = self.execute("PRAGMA secure_delete").fetchone()[0]
            Recorded.seen.append((Path(with_file).name, value))
        super().close()


def test_every_connection_to_a_journal_deletes_securely(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writing one, the read-only look at open, the index check and rebuild, a
    backup's source and its copy, and the daily copy's."""
    connect = sqlcipher3.connect

    def recording(*args: object, **kwargs: object) -> sqlite3.Connection:
        connection = connect(*args, **kwargs, factory=Recorded)
        # As SQLite's own default is (Debian builds it on): Attune must set it.
        connection.execute("PRAGMA secure_delete = OFF")
        return connection  # type: ignore[no-any-return]

    monkeypatch.setattr(sqlcipher3, "connect", recording)
    Recorded.seen.clear()
    path = tmp_path / "data" / "journal.sqlite3"
    with Journal.open(path) as journal:
        journal.add(session())
    with Journal.open(path) as journal:  # a read-only look first, now there is content
        journal.backup_to(tmp_path / "copy.sqlite3")
    made = journal_backups.daily_backup(path, tmp_path / "backups", date.today())
    assert made is not None
    journal_backups.restore_backup(made, path)  # checks the copy first
    names = {name for name, _ in Recorded.seen}
    assert {"journal.sqlite3"} <= names
    assert any(name.endswith(".tmp") for name in names)  # the copies, before their rename
    assert [seen for seen in Recorded.seen if seen[1] != 1] == []
    assert len(Recorded.seen) >= 7
    assert made.name in names
