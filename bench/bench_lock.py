"""The journal lock: Argon2id's cost, unlocking, and a locked 10,000-entry journal
opened and searched side by side with the same journal unlocked.

Run: .venv/bin/python bench/bench_lock.py [--entries 10000] [--runs 7]

Argon2id: the time of one derivation for a few settings around the one chosen
  (`passphrase.DEFAULT_PARAMS`), median of `runs`.
Unlock: read the key file, derive with the chosen setting, unwrap the data key, open
  the locked journal with it (`PRAGMA key = "x'…'"`, so SQLCipher derives nothing) and
  read its schema. Target < 500 ms. For comparison, once: what SQLCipher's own key
  derivation (PBKDF2-HMAC-SHA512, 256,000 rounds) would add to every connection if it
  were given the passphrase instead.
Open and search, side by side on the same data: the plain journal through the
  standard sqlite3 module (as Attune opens it today) and its encrypted copy through
  `open_encrypted` (raw key, SQLCipher 4's settings, a 32 MB page cache), with two
  variants to tell the causes apart: the plain file through sqlcipher3 (the library
  alone) and the encrypted one with SQLCipher's default 8 MB cache. One run is a fresh
  connection: the journal's pragmas, `quick_check` over the whole file (as
  `Journal.open` does; then again without it), the first page (200 newest entries
  and the count), then eight searches with the journal's own search
  (`search.find_hits`, snippets included). The variants take turns within each
  round, so a busy machine slows them alike; the ratio is taken within each round,
  then its median. Target: encrypted ≤ 1.3× plain, against Attune's journal as it
  opens today (the standard sqlite3) and against the plain journal through the same
  library (once the lock is wired, the journal is opened by sqlcipher3 either way:
  two SQLite libraries in one process would not see each other's locks).
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

from bench_journal import make_session  # noqa: E402

from desktop_app.storage.journal import Journal  # noqa: E402
from desktop_app.storage.journal.connections import WRITING_PRAGMAS  # noqa: E402
from desktop_app.storage.journal.rows import session_filters  # noqa: E402
from desktop_app.storage.journal.search import Snippets, find_hits, fts_query  # noqa: E402
from desktop_app.storage.lock import sqlcipher  # noqa: E402
from desktop_app.storage.lock.data_key import DataKey  # noqa: E402
from desktop_app.storage.lock.encrypted_db import open_encrypted  # noqa: E402
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
CANDIDATES = (
    Argon2Params(time_cost=3, memory_kib=64 * 1024, parallelism=4),
    DEFAULT_PARAMS,
    Argon2Params(time_cost=3, memory_kib=128 * 1024, parallelism=4),
    Argon2Params(time_cost=2, memory_kib=256 * 1024, parallelism=4),
)
PASSPHRASE = "a passphrase of a few words"


def median_time(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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
        open_encrypted(locked, key).close()

    took = median_time(runs, unlock)
    verdict = "met" if took < 0.5 else "NOT MET"
    print(f"unlock (key file, Argon2id {shown(DEFAULT_PARAMS)}, unwrap, open): {ms(took)}")
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


def open_and_search(
    connect: Callable[[], sqlite3.Connection], *, check: bool
) -> Callable[[], None]:
    """Open as the journal does (`check`: with `quick_check` over the whole file), the
    first page, then the eight searches, on a fresh connection."""

    def work() -> None:
        connection = connect()
        try:
            for pragma in WRITING_PRAGMAS:
                connection.execute(pragma)
            if check:
                assert connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            connection.execute(
                "SELECT * FROM sessions ORDER BY started_at DESC, id DESC LIMIT 200"
            ).fetchall()
            connection.execute("SELECT count(*) FROM sessions").fetchone()
            snippets = Snippets()
            filters = session_filters(None, None, None, None)
            for text in QUERIES:
                query = fts_query(text)
                assert query is not None
                find_hits(connection, snippets, query, filters, 200)
            snippets.close()
        finally:
            connection.close()

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
    def sqlcipher_defaults() -> sqlite3.Connection:
        connection = sqlcipher.connect(locked)
        connection.execute(key.sqlcipher_pragma())  # SQLCipher's 8 MB page cache
        return connection

    connections: dict[str, Callable[[], sqlite3.Connection]] = {
        "plain, sqlite3 (as today)": lambda: sqlite3.connect(plain, isolation_level=None),
        "plain, sqlcipher3 (the library alone)": lambda: sqlcipher.connect(plain),
        "encrypted, SQLCipher's 8 MB cache": sqlcipher_defaults,
        "encrypted, open_encrypted (32 MB cache)": lambda: open_encrypted(locked, key),
    }
    base, chosen = "plain, sqlite3 (as today)", "encrypted, open_encrypted (32 MB cache)"
    same_library = "plain, sqlcipher3 (the library alone)"
    for check, title in (
        (True, "open with quick_check (as Journal.open) + first page + 8 searches"),
        (False, "open without quick_check + first page + 8 searches"),
    ):
        variants = {name: open_and_search(c, check=check) for name, c in connections.items()}
        times = interleaved(runs, variants)
        print(f"{title}; median of {runs} rounds, ratios taken within each round:")
        print(f"  {'':42} {'median':>10}  vs sqlite3  vs plain sqlcipher3")
        for name, taken in times.items():
            ratio = paired_ratio(taken, times[base])
            library = paired_ratio(taken, times[same_library])
            print(f"  {name:42} {ms(statistics.median(taken))}  {ratio:8.2f}×  {library:8.2f}×")
        for against in (base, same_library):
            ratio = paired_ratio(times[chosen], times[against])
            verdict = "met" if ratio <= 1.3 else "NOT MET"
            print(f"  target encrypted ≤ 1.3× {against}: {verdict} ({ratio:.2f}×)")
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
