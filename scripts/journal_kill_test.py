"""The journal survives being killed at any moment: the kill test.

Run: .venv/bin/python scripts/journal_kill_test.py [--kills 200] [--seed N] [--keep DIR]

A child process opens the journal and adds sessions (with answers of every kind) as
fast as it can; after each `add` has returned it prints the session's uid and flushes.
The parent kills it with SIGKILL at a random moment, 0–50 ms after it said it was
ready, and starts it again. Every fifth kill is timed from the start of the process
instead (0–150 ms), so that some land while the journal is being created, checked or
opened. After the last kill:

- `PRAGMA integrity_check` is "ok", and so is the FTS5 index's own check;
- every uid a child reported saved is in the journal, with every field and answer
  exactly as the child made it (sessions are made from their uid alone);
- every session has its search document.

Sessions stored but not reported are expected (killed between the commit and the
print) and counted. POSIX only (SIGKILL). tests/storage/test_journal_kill.py runs
the same with 20 kills.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop_app.storage.journal import Journal, NewSession, StoredAnswer  # noqa: E402

READY = "ready"
EPOCH = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)
FEELINGS = ("calm", "tense", "sad", "hopeful", "zó moe", "ängstlich")


def session_for(uid: str) -> NewSession:
    """The session a child saves under `uid`: everything follows from the uid, so the
    parent can check each field and answer."""
    run, _, number_text = uid.rpartition("-")
    number = int(number_text)
    seed = sum(ord(c) for c in run) + number
    started = EPOCH + timedelta(minutes=37 * number + seed % 11, microseconds=seed * 7919 % 10**6)
    # Now and then a long text, so that some sessions span overflow pages.
    text = f"Run {run}, session {number}: ademhaling ✓ — “quotes” and 'NEAR' * stuff. " * (
        60 if number % 9 == 0 else 1
    )
    feelings = FEELINGS[: 1 + seed % 6]
    chosen = tuple(range(seed % 4))
    calm_before, calm_after, focus = seed % 11, (seed + 3) % 11, (seed * 3) % 6
    answers = (
        StoredAnswer("calm", "before", "scale", "How calm?", calm_before, f"{calm_before} of 10"),
        StoredAnswer(
            "feel", "before", "feelings", "How do you feel?", feelings, ", ".join(feelings)
        ),
        StoredAnswer("focus", "during", "scale", "Focus?", focus, f"{focus} of 5", 0, 5),
        StoredAnswer(
            "calm", "after", "scale", "How calm?", calm_after, f"{calm_after} of 10", 0, 10
        ),
        StoredAnswer("note", "after", "text", "What did you notice?", text, text),
        StoredAnswer(
            "help", "after", "choice", "What helped?", chosen, ", ".join(map(str, chosen))
        ),
    )
    return NewSession(
        practice_id=f"practice-{seed % 5}",
        practice_title=f"Practice {seed % 5} — ruhig atmen",
        practice_kind=("breathing", "grounding", "body scan")[seed % 3],
        practice_version=None if number % 4 == 0 else number % 7,
        source="built-in" if number % 2 else "pack therapist",
        language="nl" if number % 3 == 0 else "en",
        started_at=started,
        ended_at=started + timedelta(seconds=300 + seed % 600),
        length=None if number % 5 == 0 else 600.0,
        practised=300.25 + seed % 600,
        completed=number % 6 != 0,
        stopped_at_step=None if number % 6 != 0 else seed % 9,
        pauses=seed % 3,
        grounding_pauses=seed % 2,
        plan_item=None if number % 2 else f"plan-{seed % 3}#{number % 4}",
        answers=answers,
        uid=uid,
    )


def child(path: Path) -> None:
    """Add sessions until killed; print each uid once its `add` has returned."""
    journal = Journal.open(path)
    print(READY, flush=True)
    run = os.urandom(4).hex()
    number = 0
    while True:
        uid = f"{run}-{number}"
        journal.add(session_for(uid))
        sys.stdout.write(uid + "\n")
        sys.stdout.flush()
        number += 1


@dataclass
class Result:
    kills: int = 0
    seed: int = 0
    seconds: float = 0.0
    reported: list[str] = field(default_factory=list)
    stored: int = 0
    integrity: list[str] = field(default_factory=list)
    search_integrity: str = ""
    missing: list[str] = field(default_factory=list)
    different: list[str] = field(default_factory=list)
    without_search_document: int = 0
    child_errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.integrity == ["ok"]
            and self.search_integrity == "ok"
            and not self.missing
            and not self.different
            and not self.without_search_document
            and not self.child_errors
            and len(self.reported) > 0
        )

    def summary(self) -> str:
        unreported = self.stored - len(self.reported)
        return (
            f"{self.kills} kills in {self.seconds:.1f} s (seed {self.seed}): "
            f"{len(self.reported)} sessions reported saved, {self.stored} stored "
            f"({unreported} saved but killed before reporting); "
            f"integrity_check {'/'.join(self.integrity)}; FTS5 check {self.search_integrity}; "
            f"missing {len(self.missing)}, different {len(self.different)}, "
            f"without a search document {self.without_search_document}, "
            f"child errors {len(self.child_errors)}"
        )


def run(kills: int, folder: Path, seed: int, max_delay: float = 0.05) -> Result:
    """Kill a writing child `kills` times, then check the journal in `folder`."""
    if os.name != "posix":
        raise RuntimeError("the kill test needs POSIX signals")
    rng = random.Random(seed)
    path = folder / "data" / "journal.sqlite3"
    result = Result(kills=kills, seed=seed)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    start = time.perf_counter()
    for number in range(kills):
        process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--child", str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=ROOT,
        )
        assert process.stdout is not None and process.stderr is not None
        if number % 5 == 4:
            time.sleep(rng.uniform(0, 3 * max_delay))  # during start-up and open
        else:
            if process.stdout.readline().decode().strip() != READY:
                process.kill()
                process.wait()
                result.child_errors.append(process.stderr.read().decode(errors="replace"))
                continue
            time.sleep(rng.uniform(0, max_delay))
        process.send_signal(signal.SIGKILL)
        process.wait()
        output = process.stdout.read().decode()
        errors = process.stderr.read().decode(errors="replace")
        process.stdout.close()
        process.stderr.close()
        if "Traceback" in errors:
            result.child_errors.append(errors)
        for line in output.splitlines(keepends=True):
            # A line cut short by the kill is not a report.
            if line.endswith("\n") and line.strip() and line.strip() != READY:
                result.reported.append(line.strip())
    result.seconds = time.perf_counter() - start
    check(path, result)
    return result


def check(path: Path, result: Result) -> None:
    connection = sqlite3.connect(path)
    try:
        result.integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        try:
            connection.execute("INSERT INTO search (search) VALUES ('integrity-check')")
            result.search_integrity = "ok"
        except sqlite3.Error as error:
            result.search_integrity = str(error)
        result.stored = connection.execute("SELECT count(*) FROM sessions").fetchone()[0]
        result.without_search_document = connection.execute(
            "SELECT count(*) FROM sessions WHERE id NOT IN (SELECT rowid FROM search)"
        ).fetchone()[0]
        ids = dict(connection.execute("SELECT uid, id FROM sessions").fetchall())
    finally:
        connection.close()
    journal = Journal.open(path)
    try:
        names = [f.name for f in fields(NewSession)]
        for uid in result.reported:
            entry = journal.get(ids[uid]) if uid in ids else None
            if entry is None:
                result.missing.append(uid)
                continue
            expected = session_for(uid)
            if any(getattr(entry, name) != getattr(expected, name) for name in names):
                result.different.append(uid)
    finally:
        journal.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder")
    parser.add_argument("--child", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        child(args.child)
        return 0
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        result = run(args.kills, args.keep, seed)
    else:
        with tempfile.TemporaryDirectory(prefix="attune-kill-") as folder:
            result = run(args.kills, Path(folder), seed)
    print(result.summary())
    for error in result.child_errors[:3]:
        print("child error:\n" + error)
    print("PASS" if result.ok else "FAIL")
    return 0 if result.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
