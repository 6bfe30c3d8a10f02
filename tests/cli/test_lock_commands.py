"""`attune lock`, `attune unlock`, `attune change-passphrase`, and the commands that
read a locked journal, run for real in new processes with passphrases on standard
input, against a real journal in the test's own Attune home (ATTUNE_HOME)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.storage.journal import Journal
from desktop_app.storage.journal_files import JournalFiles
from desktop_app.storage.lock.state import database_kind
from desktop_app.storage.paths import default_paths
from tests.storage.lock.journals import holders_of, make_journal, session

PASSPHRASE = "Спокойно, 平静 😊 Zażółć"
#: A phrase from an entry: in no file under ATTUNE_HOME while the journal is locked.
PHRASE = "Wombatvioolles murmur"
_RECOVERY_KEY = re.compile(r"\b(?:[0-9A-Z]{4}-){7}[0-9A-Z]{4}\b")


def attune(*arguments: str, lines: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """`attune …` in a new process, its standard input the given lines (UTF-8)."""
    return subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", *arguments],
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
        check=False,
    )


@pytest.fixture
def home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.chdir(tmp_path)  # the commands' outputs named alone are written here
    journal = default_paths().journal
    make_journal(journal, 6)
    with Journal.open(journal) as opened:
        opened.add(session(40, PHRASE))
    return Path(os.environ["ATTUNE_HOME"])


def lock(passphrase: str = PASSPHRASE) -> str:
    """Lock with `passphrase`; returns the recovery key printed."""
    result = attune("lock", lines=(passphrase, passphrase))
    assert result.returncode == 0, result.stderr
    return _RECOVERY_KEY.findall(result.stdout)[0]


def test_lock_prints_the_recovery_key_once_and_leaves_no_plain_text(home: Path) -> None:
    result = attune("lock", lines=(PASSPHRASE, PASSPHRASE))
    assert result.returncode == 0, result.stderr
    assert len(_RECOVERY_KEY.findall(result.stdout)) == 1
    assert "If both the passphrase and the recovery key are lost" in result.stdout
    assert "no one can open" in result.stderr  # said before the passphrase is asked
    assert "Traceback" not in result.stderr
    assert JournalFiles.of(default_paths()).lock_state() == "on"
    assert holders_of("Wombatvioolles", home) == []
    assert holders_of(PASSPHRASE, home) == []


def test_a_locked_journal_is_exported_with_its_passphrase_and_warned_of(home: Path) -> None:
    lock()
    result = attune("export", "-o", "out.json", lines=(PASSPHRASE,))
    assert result.returncode == 0, result.stderr
    assert "7 entries written" in result.stdout
    warning = [line for line in result.stderr.splitlines() if line]
    assert warning == ["attune: out.json is not encrypted: anyone who can open it can read it"]
    assert PHRASE in Path("out.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["export", "backup", "import-journal"])
def test_a_wrong_passphrase_is_one_clear_line_and_writes_nothing(
    home: Path, command: str, tmp_path: Path
) -> None:
    exported = attune("export", "-o", str(tmp_path / "in.json"))  # before the lock
    assert exported.returncode == 0, exported.stderr
    lock()
    before = {p: p.read_bytes() for p in home.rglob("*") if p.is_file() and p.suffix != ".log"}
    arguments = {
        "export": ("export", "-o", str(tmp_path / "out.md")),
        "backup": ("backup", "-o", str(tmp_path / "copy.sqlite3")),
        "import-journal": ("import-journal", str(tmp_path / "in.json")),
    }[command]
    result = attune(*arguments, lines=("not my passphrase",))
    assert result.returncode == 1
    assert "That passphrase does not unlock your journal" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.md").exists() and not (tmp_path / "copy.sqlite3").exists()
    after = {p: p.read_bytes() for p in home.rglob("*") if p.is_file() and p.suffix != ".log"}
    assert after == before


def test_a_backup_of_a_locked_journal_is_encrypted(home: Path, tmp_path: Path) -> None:
    lock()
    result = attune("backup", "-o", str(tmp_path / "copy.sqlite3"), lines=(PASSPHRASE,))
    assert result.returncode == 0, result.stderr
    assert database_kind(tmp_path / "copy.sqlite3") == "encrypted"
    assert "journal.key" in result.stdout
    assert holders_of("Wombatvioolles", tmp_path) == []


def test_unlock_with_the_passphrase_or_the_recovery_key(home: Path) -> None:
    lock()
    wrong = attune("unlock", lines=("nope, not this",))
    assert wrong.returncode == 1 and "does not unlock" in wrong.stderr
    assert JournalFiles.of(default_paths()).lock_state() == "on"
    result = attune("unlock", lines=(PASSPHRASE,))
    assert result.returncode == 0, result.stderr
    assert database_kind(default_paths().journal) == "plain"
    recovery = lock("another passphrase")
    typed = recovery.lower().replace("-", " ")
    result = attune("unlock", "--recovery-key", lines=(typed,))
    assert result.returncode == 0, result.stderr
    with Journal.open(default_paths().journal) as journal:
        assert journal.count() == 7
    assert attune("unlock", lines=(PASSPHRASE,)).stderr.strip() == (
        "attune: your journal is not locked"
    )


def test_change_passphrase_with_the_old_one_or_the_recovery_key(home: Path) -> None:
    recovery = lock()
    new = "a new and longer passphrase"
    mismatch = attune("change-passphrase", lines=(PASSPHRASE, new, new + "!"))
    assert mismatch.returncode == 1 and "differ" in mismatch.stderr
    result = attune("change-passphrase", lines=(PASSPHRASE, new, new))
    assert result.returncode == 0, result.stderr
    assert attune("export", "-o", "a.md", lines=(PASSPHRASE,)).returncode == 1
    assert attune("export", "-o", "a.md", lines=(new,)).returncode == 0
    result = attune(
        "change-passphrase", "--recovery-key", lines=(recovery, "third one!", "third one!")
    )
    assert result.returncode == 0, result.stderr
    assert attune("export", "-o", "b.md", lines=("third one!",)).returncode == 0


@pytest.mark.parametrize("weak", ["", "   ", "seven77"])
def test_an_empty_or_short_passphrase_is_refused(home: Path, weak: str) -> None:
    result = attune("lock", lines=(weak, weak))
    assert result.returncode == 1
    assert "attune: A passphrase" in result.stderr
    assert JournalFiles.of(default_paths()).lock_state() == "off"
    assert not JournalFiles.of(default_paths()).key_file.exists()


def test_no_passphrase_on_standard_input_is_said(home: Path) -> None:
    lock()
    result = attune("export", "-o", "out.md")
    assert result.returncode == 1
    assert "standard input had no line left" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_locked_journal_without_its_key_file_is_said_without_asking(home: Path) -> None:
    lock()
    JournalFiles.of(default_paths()).key_file.unlink()
    for arguments in (("export", "-o", "out.md"), ("unlock",)):
        result = attune(*arguments)
        assert result.returncode == 1
        assert "key file is missing" in result.stderr
        assert "Traceback" not in result.stderr


def test_the_doctor_checks_a_locked_journal_with_its_passphrase(home: Path) -> None:
    lock()
    result = attune("doctor", lines=(PASSPHRASE,))
    assert "Journal       works: locked, checked and undamaged, 7 entries" in result.stdout
    wrong = attune("doctor", lines=("not my passphrase",))
    assert "Journal       locked, and not unlocked: That passphrase" in wrong.stdout
    assert "Traceback" not in wrong.stderr


def test_lock_while_attune_has_the_journal_open_changes_nothing(home: Path) -> None:
    before = default_paths().journal.read_bytes()
    with Journal.open(default_paths().journal) as journal:  # as the window keeps it
        journal.entries(limit=1)
        result = attune("lock", lines=(PASSPHRASE, PASSPHRASE))
    assert result.returncode == 1
    assert "in use (is Attune open?)" in result.stderr
    assert "Traceback" not in result.stderr
    files = JournalFiles.of(default_paths())
    assert files.lock_state() == "off" and not files.key_file.exists()
    assert database_kind(files.journal) == "plain"
    with Journal.open(files.journal) as journal:
        assert journal.count() == 7
    assert before[:16] == files.journal.read_bytes()[:16]


def test_import_into_a_locked_journal_keeps_it_locked(home: Path, tmp_path: Path) -> None:
    exported = attune("export", "-o", str(tmp_path / "in.json"))  # before the lock
    assert exported.returncode == 0, exported.stderr
    lock()
    result = attune("import-journal", str(tmp_path / "in.json"), lines=(PASSPHRASE,))
    assert result.returncode == 0, result.stderr
    assert "0 entries added, 7 already there" in result.stdout
    assert database_kind(default_paths().journal) == "encrypted"


def test_a_report_of_a_locked_journal_asks_and_warns(home: Path) -> None:
    from datetime import date

    from desktop_app.storage.plans import PlanStore
    from tests.cli.test_report_command import PLAN

    PlanStore(default_paths().plans, today=lambda: date(2025, 3, 1)).import_plan(
        PLAN.encode("utf-8")
    )
    lock()
    wrong = attune("report", "--plan", "first-weeks", "-o", "r.md", lines=("not it at all",))
    assert wrong.returncode == 1 and "does not unlock" in wrong.stderr
    assert not Path("r.md").exists()
    result = attune("report", "--plan", "first-weeks", "-o", "r.md", lines=(PASSPHRASE,))
    assert result.returncode == 0, result.stderr
    assert "r.md is not encrypted" in result.stderr
