"""The lock survives SIGKILL at random moments while it is turned on and off.

Run: .venv/bin/python -m tests.storage.lock.lock_kill [--kills 200] [--seed N]

A child process turns the lock on and off, over and over, on a journal of a few
hundred sessions with two daily copies. The parent kills it with SIGKILL at a random
moment 0–`max_delay` s after it said it was ready, so kills land inside SQLite's and
SQLCipher's own writes as well as between the steps, then settles the folder as
Attune's next start would and opens the journal and both copies with what is on disk
(`on_disk.check_whole`): each must be whole, with every row it had. POSIX only.
tests/storage/lock/test_lock_kill.py runs it with a few kills;
test_conversion_crashes.py stops the same work at each of its writes in turn.
"""

from __future__ import annotations

import argparse
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.storage.lock.state import LockedFiles, lock_state
from desktop_app.storage.lock.switching import turn_off, turn_on
from desktop_app.storage.lock.unlocking import unlock_with_passphrase
from tests.storage.lock.journals import FAST, make_journal, plain_contents
from tests.storage.lock.on_disk import check_whole

ROOT = Path(__file__).resolve().parents[3]
PASSPHRASE = "hier ben ik veilig"
READY = "ready"
#: A long note, so the journal spans many pages and a conversion takes a while.
NOTE = "Ik merkte mijn adem, langzaam, en de stoel onder me; daarna werd het stil. " * 12


def files_in(folder: Path) -> LockedFiles:
    copies = tuple(folder / "backups" / f"journal-2025-03-0{day}.sqlite3" for day in (1, 2))
    return LockedFiles(folder / "journal.sqlite3", folder / "journal.key", copies)


def make_folder(folder: Path, sessions: int) -> dict[str, object]:
    """The journal and its copies; returns the rows they hold."""
    files = files_in(folder)
    make_journal(files.journal, sessions, NOTE)
    files.copies[0].parent.mkdir(mode=0o700)
    for copy in files.copies:
        shutil.copyfile(files.journal, copy)
    return plain_contents(files.journal)


def child(folder: Path) -> None:
    """Turn the lock on and off until killed."""
    files = files_in(folder)
    print(READY, flush=True)
    while True:
        if lock_state(files) == "on":
            turn_off(files, unlock_with_passphrase(files.key_file, PASSPHRASE))
        else:
            turn_on(files, PASSPHRASE, FAST)


@dataclass
class Result:
    kills: int = 0
    seconds: float = 0.0
    states: Counter[str] = field(default_factory=Counter)
    child_errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        found = ", ".join(f"{count} {state}" for state, count in sorted(self.states.items()))
        return (
            f"{self.kills} kills in {self.seconds:.1f} s; after each the journal and both "
            f"copies were whole ({found}); child errors {len(self.child_errors)}"
        )


def run(kills: int, folder: Path, seed: int, sessions: int = 300, max_delay: float = 0.8) -> Result:
    """Kill the child `kills` times; AssertionError at the first state not whole."""
    rng = random.Random(seed)
    expected = make_folder(folder, sessions)
    files = files_in(folder)
    result = Result()
    started = time.perf_counter()
    for _ in range(kills):
        with subprocess.Popen(
            [sys.executable, "-m", "tests.storage.lock.lock_kill", "--child", str(folder)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        ) as process:
            assert process.stdout is not None and process.stderr is not None
            line = process.stdout.readline().strip()
            if line == READY:
                time.sleep(rng.uniform(0, max_delay))
                process.send_signal(signal.SIGKILL)
            process.wait()
            if process.returncode != -signal.SIGKILL:
                result.child_errors.append(process.stderr.read()[-2000:])
        result.kills += 1
        result.states[check_whole(files, PASSPHRASE, expected)] += 1
    result.seconds = time.perf_counter() - started
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child is not None:
        child(arguments.child)
        return
    import tempfile

    seed = random.randrange(2**32) if arguments.seed is None else arguments.seed
    with tempfile.TemporaryDirectory() as folder:
        result = run(arguments.kills, Path(folder), seed)
    print(f"seed {seed}: {result.summary()}")
    if result.child_errors:
        print(result.child_errors[0])
        sys.exit(1)


if __name__ == "__main__":
    main()
