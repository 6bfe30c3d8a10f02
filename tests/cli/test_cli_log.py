"""The command line logs to Attune's log file, quietly: what it prints is unchanged, a
journal error it prints is logged with its technical detail, and an error nothing
caught is logged with its traceback and still printed as Python prints it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.storage import uncaught
from desktop_app.storage.logs import stop_logging
from tests.storage.test_packs import built


@pytest.fixture(autouse=True)
def _no_log_left() -> Iterator[None]:
    yield
    uncaught.uninstall()
    stop_logging()


def test_a_command_logs_what_it_is_and_prints_as_before(
    _private_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "--json"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("[") and err == ""
    text = (_private_home / "logs" / "attune.log").read_text(encoding="utf-8")
    assert " INFO desktop_app.cli: attune list, version " in text
    assert " INFO desktop_app.app: Library read: " in text


def test_a_journal_error_a_command_prints_is_logged_with_its_detail(
    _private_home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    journal = _private_home / "data" / "journal.sqlite3"
    journal.parent.mkdir(parents=True)
    journal.write_bytes(b"these are not the pages you are looking for\n" * 100)
    assert main(["export", "-o", str(tmp_path / "out.md")]) == 1
    _, err = capsys.readouterr()
    assert err.startswith("attune: Your journal file is damaged")
    text = (_private_home / "logs" / "attune.log").read_text(encoding="utf-8")
    logged = [line for line in text.splitlines() if "Journal problem" in line]
    assert len(logged) == 1
    assert " WARNING desktop_app.storage.logs: Journal problem (corrupt): Your journal" in logged[0]
    assert logged[0].endswith("]"), "with the detail, for whoever helps"


def test_a_pack_installed_and_removed_is_logged_by_its_id(
    _private_home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pack = built(tmp_path)
    assert main(["pack", "import", str(pack)]) == 0
    assert main(["pack", "import", str(pack), "--replace"]) == 0
    assert main(["pack", "remove", "test-pack"]) == 0
    capsys.readouterr()
    text = (_private_home / "logs" / "attune.log").read_text(encoding="utf-8")
    facts = [line.split(": ", 1)[1] for line in text.splitlines() if " Pack " in line]
    assert facts == [
        "Pack test-pack version 1 installed: 2 practices, 1 plans",
        "Pack test-pack version 1 installed (replacing version 1): 2 practices, 1 plans",
        "Pack test-pack removed",
    ]


def test_an_error_nothing_caught_is_logged_and_printed_as_python_prints_it(
    tmp_path: Path,
) -> None:
    probe = (
        "import desktop_app.cli.listing as listing\n"
        "def run(args):\n"
        "    raise RuntimeError('a bug in a command')\n"
        "listing.run = run\n"
        "from desktop_app.cli import main\n"
        "main(['list'])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        env={**os.environ, "ATTUNE_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("Traceback (most recent call last):")
    assert done.stderr.rstrip().endswith("RuntimeError: a bug in a command")
    text = (tmp_path / "logs" / "attune.log").read_text(encoding="utf-8")
    assert " CRITICAL desktop_app.storage.uncaught: Uncaught error\nTraceback" in text
    assert 'File "<string>", line 3, in run\nRuntimeError: a bug in a command' in text
