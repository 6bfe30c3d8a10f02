"""The journal's SQLite is sqlcipher3's alone: the standard library's is not loaded
beside it (nor uuid, which only a new session's uid needs)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

#: In a new Python: a journal opened, written, copied and closed; then whether the
#: standard library's SQLite was loaded on the way.
OPEN_AND_COPY = """
import datetime, sys
from pathlib import Path
from desktop_app.storage import journal_backups
from desktop_app.storage.journal import Journal

folder = Path(sys.argv[1])
with Journal.open(folder / "journal.sqlite3") as journal:
    journal.search("calm")
journal_backups.daily_backup(folder / "journal.sqlite3", folder / "backups", datetime.date.today())
print("sqlite3" in sys.modules, "_sqlite3" in sys.modules, "uuid" in sys.modules)
"""


def test_the_journal_loads_no_second_sqlite(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", OPEN_AND_COPY, str(tmp_path)],
        env={**os.environ, "ATTUNE_HOME": str(tmp_path / "home")},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert done.stdout.split() == ["False", "False", "False"]
    assert list((tmp_path / "backups").iterdir())  # it got as far as the copy
