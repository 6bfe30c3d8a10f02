"""`attune export --protect`: the export inside a passphrase-protected .zip (WinZip
AES-256), the new passphrase read twice like the lock's; run in new processes against
a real locked journal in the test's own Attune home, and opened with 7z."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cli.test_lock_commands import PASSPHRASE, PHRASE, attune, home, lock
from tests.storage.test_protected_archive import WrongPassphrase, read_back, seven_zip

__all__ = ["home"]  # the fixture, used by name

ARCHIVE_PASSPHRASE = "for my therapist only"


@pytest.mark.usefixtures("home")
def test_a_locked_journal_exported_protected_holds_the_file_and_is_not_warned_of(
    tmp_path: Path,
) -> None:
    lock()
    result = attune(
        "export",
        "-o",
        "notes.md.zip",
        "--protect",
        lines=(PASSPHRASE, ARCHIVE_PASSPHRASE, ARCHIVE_PASSPHRASE),
    )
    assert result.returncode == 0, result.stderr
    assert "7 entries written to notes.md.zip" in result.stdout
    assert "not encrypted" not in result.stderr
    archive = Path("notes.md.zip").read_bytes()
    assert PHRASE.encode() not in archive
    name, content = read_back(archive, ARCHIVE_PASSPHRASE)
    assert name == "notes.md"
    assert PHRASE in content.decode("utf-8")
    with pytest.raises(WrongPassphrase):
        read_back(archive, PASSPHRASE)
    if shutil.which("7z"):
        opened = seven_zip(Path("notes.md.zip"), ARCHIVE_PASSPHRASE, tmp_path / "opened")
        assert opened.returncode == 0, opened.stdout + opened.stderr
        assert PHRASE in (tmp_path / "opened" / "notes.md").read_text(encoding="utf-8")


@pytest.mark.usefixtures("home")
def test_a_plain_journal_too_and_the_format_names_the_file_inside() -> None:
    result = attune(
        "export",
        "-o",
        "for-anna.zip",
        "--format",
        "csv",
        "--protect",
        lines=(ARCHIVE_PASSPHRASE, ARCHIVE_PASSPHRASE),
    )
    assert result.returncode == 0, result.stderr
    name, content = read_back(Path("for-anna.zip").read_bytes(), ARCHIVE_PASSPHRASE)
    assert name == "for-anna.csv"
    assert content.startswith("\ufeff".encode())


@pytest.mark.usefixtures("home")
@pytest.mark.parametrize(
    ("lines", "said"),
    [
        ((ARCHIVE_PASSPHRASE, ARCHIVE_PASSPHRASE + "!"), "the two new passphrases differ"),
        (("short", "short"), "at least 8 characters"),
    ],
)
def test_a_passphrase_that_may_not_be_chosen_writes_nothing(
    lines: tuple[str, ...], said: str
) -> None:
    result = attune("export", "-o", "notes.zip", "--format", "md", "--protect", lines=lines)
    assert result.returncode == 1
    assert said in result.stderr and "Nothing was written" in result.stderr
    assert "Traceback" not in result.stderr
    assert not Path("notes.zip").exists()
