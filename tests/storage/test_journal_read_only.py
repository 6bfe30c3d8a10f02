"""Reading a journal that cannot be written: a read-only data folder or file, or a full
disk. Export and backup only read, so they work; nothing is written, not even a
`-shm` file. Root ignores permissions, so those cases run as 'nobody' (as_nobody)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop_app.cli import main
from desktop_app.storage.journal import Journal, JournalError, open_to_read
from tests.helpers import as_nobody
from tests.storage.test_journal import session
from tests.storage.test_journal_full import fill, small_disk  # noqa: F401 (a fixture)

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


DAYS = ("Monday", "Wednesday", "Friday")


def journal_of_three(path: Path) -> None:
    with Journal.open(path) as journal:
        for day in DAYS:
            journal.add(session(practice_title=day))


def read_where_nothing_may_be_written(folder: Path, what: str) -> dict[str, Any]:
    """In the child: a journal, then its folder (or file) made read-only; read it."""
    path = folder / "data" / "journal.sqlite3"
    journal_of_three(path)
    if what == "folder":
        path.parent.chmod(0o500)
    else:
        path.chmod(0o400)
    before = files_of(path.parent)
    with pytest.raises(JournalError) as refused:
        Journal.open(path)  # to write: refused, as before
    assert refused.value.kind == "readonly"
    with open_to_read(path) as journal:
        assert journal.read_only
        titles = sorted(e.practice_title for e in journal.entries())
        found = len(journal.search("Wednesday"))
        with pytest.raises(JournalError) as caught:
            journal.add(session())
        kind = caught.value.kind
    after = files_of(path.parent)
    path.parent.chmod(0o700)
    unchanged = after[path.name] == before[path.name]
    return {"titles": titles, "found": found, "kind": kind, "unchanged": unchanged,
            "new": sorted(set(after) - set(before)) if what == "folder" else []}  # fmt: skip


@posix_only
@pytest.mark.parametrize("what", ["folder", "file"])
def test_a_read_only_journal_is_read_without_writing(what: str, tmp_path: Path) -> None:
    def work(folder: Path) -> dict[str, Any]:
        return read_where_nothing_may_be_written(folder, what)

    result = as_nobody("attune-read-only-", work) if os.geteuid() == 0 else work(tmp_path)
    assert result == {
        "titles": sorted(DAYS),
        "found": 1,
        "kind": "readonly",
        "unchanged": True,
        "new": [],
    }


@posix_only
def test_a_log_that_cannot_be_read_is_not_skipped(tmp_path: Path) -> None:
    """A write-ahead log with sessions in it, and no way to make its `-shm`: reading
    the file alone would miss them, so it is refused instead."""

    def work(folder: Path) -> str:
        path = folder / "data" / "journal.sqlite3"
        journal_of_three(path)
        holder = sqlite3.connect(path)
        holder.execute("PRAGMA wal_autocheckpoint = 0")
        holder.execute("SELECT count(*) FROM sessions").fetchone()
        with Journal.open(path) as journal:
            journal._connection().execute("PRAGMA wal_autocheckpoint = 0")
            journal.add(session(practice_title="Only in the log"))
            copy = folder / "copy" / "journal.sqlite3"
            copy.parent.mkdir()
            shutil.copy2(path, copy)
            shutil.copy2(f"{path}-wal", f"{copy}-wal")
        holder.close()
        copy.parent.chmod(0o500)
        try:
            with pytest.raises(JournalError) as caught:
                open_to_read(copy)
            return caught.value.kind
        finally:
            copy.parent.chmod(0o700)

    kind = as_nobody("attune-log-", work) if os.geteuid() == 0 else work(tmp_path)
    assert kind == "readonly"


def test_a_journal_on_a_full_disk_is_read(small_disk: Path) -> None:  # noqa: F811
    path = small_disk / "data" / "journal.sqlite3"
    journal_of_three(path)
    fill(small_disk)
    with open_to_read(path) as journal:
        assert len(journal.entries()) == 3
        journal.backup_to(small_disk.parent / "copy.sqlite3")  # to another disk
        with pytest.raises(JournalError) as caught:
            journal.save_draft("entry-1", {"answers": ["typed"]})
        assert caught.value.kind == "full"
        assert "stays on screen until it can be saved" in str(caught.value)
    with Journal.open(small_disk.parent / "copy.sqlite3") as copy:
        assert copy.count() == 3


@posix_only
@pytest.mark.parametrize("command", ["export", "backup"])
def test_export_and_backup_work_from_a_read_only_data_folder(command: str, tmp_path: Path) -> None:
    def work(folder: Path) -> dict[str, Any]:
        os.environ["ATTUNE_HOME"] = str(folder / "home")
        data = folder / "home" / "data"
        journal_of_three(data / "journal.sqlite3")
        data.chmod(0o500)
        output = folder / ("out.md" if command == "export" else "copy.sqlite3")
        code = main([command, "-o", str(output)])
        data.chmod(0o700)
        if command == "export":
            text = output.read_text()
            return {"code": code, "days": sum(day in text for day in DAYS)}
        with Journal.open(output) as copy:
            return {"code": code, "days": copy.count()}

    if os.geteuid() == 0:
        result = as_nobody("attune-cli-read-only-", work)
    else:
        old = os.environ.get("ATTUNE_HOME")
        try:
            result = work(tmp_path)
        finally:
            os.environ["ATTUNE_HOME"] = old or ""
    assert result["code"] == 0
    assert result["days"] == 3


@pytest.mark.parametrize("command", ["export", "backup"])
def test_export_and_backup_work_when_the_data_disk_is_full(
    command: str,
    small_disk: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ATTUNE_HOME", str(small_disk / "home"))
    journal_of_three(small_disk / "home" / "data" / "journal.sqlite3")
    fill(small_disk)
    output = tmp_path / ("out.md" if command == "export" else "copy.sqlite3")
    assert main([command, "-o", str(output)]) == 0
    if command == "export":
        assert all(day in output.read_text() for day in DAYS)
    else:
        with Journal.open(output) as copy:
            assert copy.count() == 3
