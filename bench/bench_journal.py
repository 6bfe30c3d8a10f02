"""The journal with 10,000 entries: opening, the first page, search, size, saving.

Run: .venv/bin/python bench/bench_journal.py [--entries 10000] [--runs 7] [--keep DIR]

Entries are generated (3–6 answers each, always one text answer of one to four
sentences from a vocabulary of a few hundred words, plus scales, choices, feelings).

Open + first page: `Journal.open` (which runs `quick_check` over the whole file and
  a write transaction proving the file can be written), then `entries(limit=200)`
  and `count()`: what the Journal view needs to show itself. Target < 300 ms.
Search: `search(text)` for several kinds of query (common and rare words, a prefix,
  two words, a title, no match), median over runs per query, then the median of
  those. Target < 100 ms.
Filtered search: `search(text, practice_id=..., kind=..., since=...)` as the Journal
  view asks it with a filter set, the filters applied in the query; same target.
Add: one durable `add` (its own transaction, fsync'd), median.
Delete: one `delete`, which also merges the search index and truncates the
  write-ahead log so that the deleted words leave the file.
Baseline: a bare connection through the journal's own SQLite (sqlcipher3's, as every
  journal connection: `storage/lock/sqlcipher.py`) and `SELECT * FROM sessions` (all
  rows, and the first 200) in the same run; ratios are against it.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.storage.journal import Journal, NewSession, StoredAnswer  # noqa: E402
from desktop_app.storage.journal_backups import daily_backup  # noqa: E402
from desktop_app.storage.journal_export import to_markdown  # noqa: E402
from desktop_app.storage.lock import sqlcipher  # noqa: E402

_WORD_TEXT = (
    "breath calm tense shoulders chest belly slow counting bell sound room chair feet floor "
    "warm cold heavy light tired sleepy restless busy mind thoughts worry work mother father "
    "friend partner child school meeting email phone walk rain sun window morning evening "
    "night coffee tea kitchen garden tree bird music quiet noise heart racing steady soft "
    "hard tight loose jaw hands eyes closed open noticed wandered came back again better "
    "worse same little more less today yesterday tomorrow week weekend holiday angry sad "
    "happy hopeful anxious scared lonely grateful proud ashamed relieved bored curious "
    "patient kind gentle harsh voice inner critic body scan grounding five things see hear "
    "touch smell taste present moment past future plan appointment therapist homework "
    "journal write read book film bus train car traffic queue shop dinner lunch breakfast "
    "headache stomach back pain ache tingling numb buzzing pressure space air nose mouth "
    "exhale inhale hold pause square box four seven eight ocean wave mountain river"
)
WORDS = _WORD_TEXT.split()
FEELINGS = ("calm", "tense", "sad", "hopeful", "tired", "anxious", "grateful", "restless")
PRACTICES = [
    (f"practice-{n}", f"{kind.title()} practice {n}", kind)
    for n, kind in enumerate(["breathing", "grounding", "body scan", "visualisation"] * 6)
]
START = datetime(2022, 1, 1, 7, 0, tzinfo=UTC)
#: What the search benchmarks look for; bench_lock.py searches the same.
QUERIES = (
    "shoulders",
    "calm",
    "mountain river",
    "thera",
    "body scan",
    "Grounding practice 7",
    "headache stomach",
    "zebra",
)


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(5, 16))
    return " ".join(words).capitalize() + "."


def make_session(rng: random.Random, number: int) -> NewSession:
    practice_id, title, kind = rng.choice(PRACTICES)
    started = START + timedelta(hours=3 * number + rng.random())
    text = " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))
    before = rng.randint(0, 10)
    after = max(0, min(10, before + rng.randint(-2, 4)))
    feelings = tuple(rng.sample(FEELINGS, rng.randint(1, 3)))
    choice = (rng.randint(0, 3),)
    optional = [
        StoredAnswer("calm", "before", "scale", "How calm are you?", before, f"{before} of 10"),
        StoredAnswer("calm", "after", "scale", "How calm are you?", after, f"{after} of 10"),
        StoredAnswer(
            "feel", "after", "feelings", "How do you feel?", feelings, ", ".join(feelings)
        ),
        StoredAnswer("helped", "after", "choice", "What helped?", choice, f"option {choice[0]}"),
        StoredAnswer("focus", "during", "scale", "Focus?", rng.randint(1, 5), "3 of 5", 1, 5),
    ]
    chosen = rng.sample(optional, rng.randint(2, 5))
    answers = (*chosen, StoredAnswer("note", "after", "text", "What did you notice?", text, text))
    return NewSession(
        practice_id=practice_id,
        practice_title=title,
        practice_kind=kind,
        practice_version=1,
        source="built-in",
        language="en",
        started_at=started,
        ended_at=started + timedelta(minutes=10),
        length=600.0,
        practised=rng.uniform(60, 900),
        completed=rng.random() < 0.9,
        stopped_at_step=None,
        pauses=rng.randint(0, 2),
        grounding_pauses=0,
        answers=answers,
    )


def timings(runs: int, work: Callable[[], object]) -> list[float]:
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return times


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="attune-bench-") as temporary:
        folder = args.keep or Path(temporary)
        run(folder / "data" / "journal.sqlite3", args.entries, args.runs)


def run(path: Path, entries: int, runs: int) -> None:
    rng = random.Random(5)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    made = time.perf_counter()
    with Journal.open(path) as journal:
        for first in range(0, entries, 1000):
            journal.add_many(make_session(rng, n) for n in range(first, min(entries, first + 1000)))
    made = time.perf_counter() - made
    with contextlib.closing(sqlcipher.connect(path)) as raw:
        answers = raw.execute("SELECT count(*) FROM answers").fetchone()[0]
    size = path.stat().st_size
    print(sqlcipher.versions())
    print(f"{entries:,} entries, {answers:,} answers; made in {made:.1f} s (1,000 a transaction)")
    print(f"database on disk: {size / 1e6:.1f} MB ({size / entries:,.0f} bytes an entry)")
    print()

    def baseline_all() -> None:
        connection = sqlcipher.connect(path)
        connection.execute("SELECT * FROM sessions").fetchall()
        connection.close()

    def baseline_page() -> None:
        connection = sqlcipher.connect(path)
        connection.execute("SELECT * FROM sessions ORDER BY started_at DESC LIMIT 200").fetchall()
        connection.execute("SELECT count(*) FROM sessions").fetchone()
        connection.close()

    def open_and_page() -> None:
        journal = Journal.open(path)
        journal.entries(limit=200)
        journal.count()
        journal.close()

    def open_only() -> None:
        Journal.open(path).close()

    def all_entries() -> None:
        journal = Journal.open(path)
        journal.entries()
        journal.close()

    base_all = statistics.median(timings(runs, baseline_all))
    base_page = statistics.median(timings(runs, baseline_page))
    page = timings(runs, open_and_page)
    opened = statistics.median(timings(runs, open_only))
    every = statistics.median(timings(max(3, runs // 2), all_entries))
    with Journal.open(path) as journal:
        first_page = statistics.median(timings(runs, lambda: journal.entries(limit=200)))
        counted = statistics.median(timings(runs, journal.count))
    target = "OK" if statistics.median(page) < 0.3 else "MISSED"
    print(f"open + entries(limit=200) + count: median {ms(statistics.median(page))}, "
          f"best {ms(min(page))}  (target < 300 ms: {target})")  # fmt: skip
    print(f"  of which open (quick_check, write probe): {ms(opened)}")
    print(f"  entries(limit=200) on an open journal:   {ms(first_page)}")
    print(f"  count() on an open journal:              {ms(counted)}")
    print(f"baseline: connect + SELECT * FROM sessions LIMIT 200 + count: {ms(base_page)} "
          f"-> ratio {statistics.median(page) / base_page:.1f}x")  # fmt: skip
    print(f"all {entries:,} entries with answers (open + entries()): {ms(every)}")
    with Journal.open(path) as journal:
        everything = journal.entries()
    exported = timings(max(1, runs // 3), lambda: to_markdown(everything))
    print(
        f"Markdown export of all {entries:,} entries (entries in memory): "
        f"{ms(statistics.median(exported))}"
    )
    print(f"baseline: connect + SELECT * FROM sessions, all {entries:,} rows: {ms(base_all)} "
          f"-> ratio {every / base_all:.1f}x")  # fmt: skip
    print()

    medians = []
    with Journal.open(path) as journal:
        for query in QUERIES:
            hits = len(journal.search(query))
            took = statistics.median(timings(runs, partial(journal.search, query)))
            medians.append(took)
            print(f"search {query!r:24} {hits:4} hits  median {ms(took)}")
    overall = statistics.median(medians)
    print(f"search: median over queries {ms(overall)}, slowest {ms(max(medians))}  "
          f"(target < 100 ms: {'OK' if overall < 0.1 else 'MISSED'})")  # fmt: skip
    print()

    since = (START + timedelta(hours=3 * entries * 3 // 4)).date()  # the last quarter
    filtered: list[tuple[str, dict[str, Any]]] = [
        ("calm", {"kind": "grounding"}),
        ("calm", {"practice_id": "practice-7"}),
        ("shoulders", {"since": since}),
        ("mountain river", {"kind": "breathing"}),
        ("thera", {"practice_id": "practice-3", "since": since}),
        ("zebra", {"kind": "grounding"}),
    ]
    medians = []
    with Journal.open(path) as journal:
        for query, filters in filtered:
            hits = len(journal.search(query, **filters))
            took = statistics.median(timings(runs, partial(journal.search, query, **filters)))
            medians.append(took)
            shown = ", ".join(f"{key}={value}" for key, value in filters.items())
            print(f"search {query!r:16} {shown:38} {hits:4} hits  median {ms(took)}")
    overall = statistics.median(medians)
    print(f"filtered search: median over queries {ms(overall)}, slowest {ms(max(medians))}  "
          f"(target < 100 ms: {'OK' if overall < 0.1 else 'MISSED'})")  # fmt: skip
    print()

    with Journal.open(path) as journal:
        extra = iter(make_session(rng, entries + n) for n in range(10_000))
        added = timings(max(runs, 30), lambda: journal.add(next(extra)))
        print(f"add one session (durable, synchronous=FULL): median {ms(statistics.median(added))},"
              f" slowest {ms(max(added))}")  # fmt: skip
        ids = [e.id for e in journal.entries(limit=runs)]
        deleted = timings(len(ids), lambda: journal.delete(ids.pop()))
        print(f"delete one session (+ index merge, log truncated): median "
              f"{ms(statistics.median(deleted))}")  # fmt: skip
        save = timings(runs, lambda: journal.save_draft("entry-1", {"note": sentence(rng)}))
        print(f"save a draft (durable): median {ms(statistics.median(save))}")
    backups = path.parent / "backups"
    day = datetime(2030, 1, 1).date()
    days = iter(day + timedelta(days=n) for n in range(3))
    backed = timings(3, lambda: daily_backup(path, backups, next(days)))
    print(f"daily backup (backup API + quick_check of the copy): median "
          f"{ms(statistics.median(backed))}")  # fmt: skip
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    print(f"on disk after the run (with -wal/-shm while closed): {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
