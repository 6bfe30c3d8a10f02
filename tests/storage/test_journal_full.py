"""A full disk, for real: a small tmpfs filled to the last byte (as root, as CI runs;
skipped elsewhere). The journal says the disk is full, loses nothing, and saves again
once there is room."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.storage.journal import Journal, JournalError, StoredAnswer, classify
from desktop_app.storage.lock import sqlcipher
from tests.storage.test_journal import session


def fill(folder: Path) -> Path:
    """Take every free byte of `folder`'s disk; returns the file that holds them."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 512, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(descriptor, bytes(size))
    finally:
        os.close(descriptor)
    assert os.statvfs(folder).f_bavail == 0
    return filler


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


NOTE = StoredAnswer("note", "after", "text", "Notes", "kept " * 3000, "kept " * 3000)


def test_saving_on_a_full_disk_says_full_and_loses_nothing(small_disk: Path) -> None:
    path = small_disk / "data" / "journal.sqlite3"
    with Journal.open(path) as journal:
        first = journal.add(session())
        filler = fill(small_disk)
        for save in (
            lambda: journal.add(session(answers=(NOTE,))),
            lambda: journal.save_draft("entry-1", {"answers": ["kept " * 3000]}),
            lambda: journal.update_answers(first, (NOTE,)),
        ):
            with pytest.raises(JournalError) as caught:
                save()
            assert caught.value.kind == "full", caught.value.detail
            message = str(caught.value)
            assert message.startswith("The disk is full, so your journal could not be saved.")
            assert "Nothing was lost" in message
            assert "stays on screen until it can be saved" in message
        assert journal.count() == 1
        filler.unlink()
        journal.add(session(answers=(NOTE,)))
        assert journal.count() == 2


def test_opening_on_a_full_disk_says_full(small_disk: Path) -> None:
    path = small_disk / "data" / "journal.sqlite3"
    with Journal.open(path) as journal:
        journal.add(session())
    fill(small_disk)
    with pytest.raises(JournalError) as caught:
        Journal.open(path)
    assert caught.value.kind == "full", caught.value.detail


def test_an_io_error_on_a_full_disk_is_full(small_disk: Path, tmp_path: Path) -> None:
    """SQLite says only "disk I/O error" where it cannot grow its `-shm` file or sync;
    on a full disk that is the full disk."""
    error = sqlcipher.OperationalError("disk I/O error")
    error.sqlite_errorcode = 4874  # type: ignore[attr-defined]  # SQLITE_IOERR_SHMSIZE
    assert classify(error) == "other"
    assert classify(error, tmp_path) == "other"  # room enough there
    fill(small_disk)
    assert classify(error, small_disk) == "full"
    assert classify(OSError(28, "No space left on device")) == "full"
