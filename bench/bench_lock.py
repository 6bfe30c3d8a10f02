"""The journal lock: Argon2id's cost, unlocking, and a locked 10,000-entry journal
opened and searched side by side with the same journal unlocked.

Run: .venv/bin/python bench/bench_lock.py [--entries 10000] [--runs 7]

Argon2id: the time of one derivation for a few settings around the one chosen
  (`passphrase.DEFAULT_PARAMS`), median of `runs`.
Unlock: read the key file, derive with the chosen setting, unwrap the data key, open
  the locked journal with it through `Journal.open` (`PRAGMA key = "x'…'"`, so SQLCipher
  derives nothing; every check the open makes). Target < 500 ms. For comparison,
  once: what SQLCipher's own key derivation (PBKDF2-HMAC-SHA512, 256,000 rounds) would
  add to every connection if it were given the passphrase instead.
Open and search, side by side on the same data: the plain journal and its locked
  copy, each through the real `Journal.open` (sqlcipher3 for both; the locked one
  keyed with the data key: SQLCipher 4's settings, a 32 MB page cache). One run: open
  (with every check it makes, `quick_check` included), the first page (200 newest
  entries and the count), then eight searches with `Journal.search` (snippets
  included), closed. The two take turns within each round, so a busy machine slows
  them alike; the ratio is taken within each round, then its median. Target: locked
  ≤ 1.3× the same journal unlocked. A locked journal's open reads the schema and the
  search index but not every page (SQLCipher authenticates each page as it is read);
  the whole check it leaves for the background (`Journal.check_pages`) is timed too.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from bench_journal import QUERIES, make_session, timings  # noqa: E402

from desktop_app.storage.journal import Journal  # noqa: E402
from desktop_app.storage.lock import sqlcipher  # noqa: E402
from desktop_app.storage.lock.data_key import DataKey  # noqa: E402
from desktop_app.storage.lock.in_place import encrypt_in_place  # noqa: E402
from desktop_app.storage.lock.passphrase import (  # noqa: E402
    DEFAULT_PARAMS,
    Argon2Params,
    derive_wrapping_key,
)
from desktop_app.storage.lock.unlocking import (  # noqa: E402
    new_key_file,
    unlock_with_passphrase,
)

CANDIDATES = (
    Argon2Params(time_cost=3, memory_kib=64 * 1024, parallelism=4),
    DEFAULT_PARAMS,
    Argon2Params(time_cost=3, memory_kib=128 * 1024, parallelism=4),
    Argon2Params(time_cost=2, memory_kib=256 * 1024, parallelism=4),
)
PASSPHRASE = "a passphrase of a few words"


def median_time(runs: int, work: Callable[[], object]) -> float:
    return statistics.median(timings(runs, work))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def shown(params: Argon2Params) -> str:
    return f"{params.memory_kib // 1024} MiB, t={params.time_cost}, p={params.parallelism}"


def argon2_figures(runs: int) -> None:
    variants = {
        shown(params): lambda p=params: derive_wrapping_key(PASSPHRASE, bytes(16), p)
        for params in CANDIDATES
    }
    times = interleaved(runs, variants)
    print(f"Argon2id, one derivation (median of {runs}, taking turns):")
    for params in CANDIDATES:
        chosen = "  <- chosen" if params == DEFAULT_PARAMS else ""
        print(f"  {shown(params):24} {ms(statistics.median(times[shown(params)]))}{chosen}")
    print()


def unlock_figures(folder: Path, locked: Path, runs: int) -> DataKey:
    key_file, keys = new_key_file(PASSPHRASE)
    key_path = folder / "journal.key"
    key_file.write(key_path)
    encrypt_in_place(locked, keys.data_key)

    def unlock() -> None:
        key = unlock_with_passphrase(key_path, PASSPHRASE)
        Journal.open(locked, key).close()

    took = median_time(runs, unlock)
    verdict = "met" if took < 0.5 else "NOT MET"
    print(f"unlock (key file, Argon2id {shown(DEFAULT_PARAMS)}, unwrap, Journal.open): {ms(took)}")
    print(f"  target < 500 ms: {verdict}")

    def keyed_with_passphrase() -> None:
        connection = sqlcipher.connect(locked)
        connection.execute("PRAGMA key = 'a passphrase'")
        # The wrong key: only the derivation's time matters here.
        with contextlib.suppress(sqlcipher.DatabaseError):
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        connection.close()

    print(
        "  SQLCipher's own PBKDF2 (256,000 rounds) if it were given a passphrase: "
        f"{ms(median_time(3, keyed_with_passphrase))} on every connection"
    )
    print()
    return keys.data_key


def open_and_search(path: Path, key: DataKey | None) -> Callable[[], None]:
    """What the Journal view does first, through the real `Journal.open` (its checks:
    `quick_check`, whose SQLite 3.53 runs FTS5's check of the search index too, the
    schema, a write transaction): open, the first page (200 newest entries and the
    count), then the eight searches, snippets included; closed."""

    def work() -> None:
        with Journal.open(path, key) as journal:
            journal.entries(limit=200)
            journal.count()
            for text in QUERIES:
                journal.search(text)

    return work


def interleaved(runs: int, variants: dict[str, Callable[[], None]]) -> dict[str, list[float]]:
    """Each variant once a round, the order turning each round, so that the load of a
    shared machine falls on all alike; every time, by variant."""
    names = list(variants)
    times: dict[str, list[float]] = {name: [] for name in names}
    for name in names:
        variants[name]()  # warm the file cache and the imports alike
    for round_number in range(runs):
        turn = round_number % len(names)
        for name in names[turn:] + names[:turn]:
            gc.collect()
            start = time.perf_counter()
            variants[name]()
            times[name].append(time.perf_counter() - start)
    return times


def side_by_side(plain: Path, locked: Path, key: DataKey, runs: int) -> None:
    variants = {
        "plain, Journal.open(path)": open_and_search(plain, None),
        "locked, Journal.open(path, key)": open_and_search(locked, key),
    }
    base, chosen = list(variants)
    times = interleaved(runs, variants)
    print(f"open + first page + 8 searches; median of {runs} rounds, ratio within each round:")
    for name, taken in times.items():
        ratio = paired_ratio(taken, times[base])
        spread = f"{ms(min(taken))} – {ms(max(taken))}"
        print(f"  {name:34} {ms(statistics.median(taken))}  {ratio:5.2f}×   ({spread})")
    ratio = paired_ratio(times[chosen], times[base])
    verdict = "met" if ratio <= 1.3 else "NOT MET"
    print(f"  target locked ≤ 1.3× the same journal unlocked: {verdict} ({ratio:.2f}×)")
    print()
    with Journal.open(locked, key) as journal:
        taken = median_time(runs, journal.check_pages)
    print(f"locked: every page checked later (Journal.check_pages, in the background): {ms(taken)}")
    print()


def paired_ratio(times: list[float], baseline: list[float]) -> float:
    """The median of the ratios of times measured in the same round."""
    return statistics.median(a / b for a, b in zip(times, baseline, strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="attune-bench-lock-") as temporary:
        folder = Path(temporary)
        plain = folder / "journal.sqlite3"
        rng = random.Random(5)
        with Journal.open(plain) as journal:
            for first in range(0, arguments.entries, 1000):
                last = min(arguments.entries, first + 1000)
                journal.add_many(make_session(rng, n) for n in range(first, last))
        locked = folder / "locked.sqlite3"
        shutil.copyfile(plain, locked)
        print(
            f"{arguments.entries:,} entries; plain journal {plain.stat().st_size / 1e6:.1f} MB; "
            f"{sqlcipher.versions()}; SQLite {sqlite3.sqlite_version} in the standard library"
        )
        print()
        argon2_figures(arguments.runs)
        key = unlock_figures(folder, locked, arguments.runs)
        print(f"locked journal {locked.stat().st_size / 1e6:.1f} MB")
        side_by_side(plain, locked, key, arguments.runs)


if __name__ == "__main__":
    main()
