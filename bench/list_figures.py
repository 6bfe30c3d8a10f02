"""`attune list` figures for `python -m bench`.

- Cold and warm at 1,000 practices against CSafeLoader over the same files: bench_library.py's
  in-process measurement (scan with and without the load cache, best of 3).
- Memory and load cache at a larger library: the real `attune list` in a new process
  over a generated library, cold (no load cache), its peak resident memory from the
  kernel, then the cache file it left against the YAML files it read.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench_library import make_library
from bench_library import measure as measure_scan
from startup_figures import attune_command, child_env

from desktop_app.storage.paths import builtin_dir


@dataclass(frozen=True)
class ListScan:
    size: int
    baseline: float
    cold: float
    warm: float


@dataclass(frozen=True)
class ListMemory:
    size: int
    peak_rss: int
    seconds: float
    cache_bytes: int
    yaml_bytes: int


def scan_figures(size: int) -> ListScan:
    with tempfile.TemporaryDirectory(prefix="attune-bench-scan-") as tmp:
        figures = measure_scan(size, Path(tmp))
    return ListScan(size, figures["baseline"], figures["cold"], figures["warm"])


def peak_rss_of(command: list[str], env: dict[str, str]) -> tuple[int, float]:
    """Bytes of the child's peak resident memory (its own rusage), and its wall time."""
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    took = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{command} failed ({child.returncode})")
    return usage.ru_maxrss * 1024, took


def memory_figures(size: int) -> ListMemory:
    with tempfile.TemporaryDirectory(prefix="attune-bench-list-") as tmp:
        home = Path(tmp)
        env = child_env(home)
        user = home / "attune" / "data" / "practices"
        make_library(user, size)
        peak, took = peak_rss_of([*attune_command(), "list"], env)
        cache = home / "attune" / "cache" / "library-cache.pickle"
        read = [*user.glob("*.yaml"), *builtin_dir("practices").rglob("*.yaml")]
        return ListMemory(
            size, peak, took, cache.stat().st_size, sum(p.stat().st_size for p in read)
        )
