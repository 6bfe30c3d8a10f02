"""`attune list` figures for `python -m bench`, each from new processes.

- Cold and warm at 1,000 practices: the real `attune list` (the venv's `attune`, with
  its own ATTUNE_HOME) over a generated library, against a new Python loading the same
  files (the library's and the built-in ones) with `yaml.load(..., Loader=CSafeLoader)`.
  Cold: no load cache; warm: the cache the cold run left. The three interleave, so a
  busy moment of the machine falls on all of them alike; medians of several runs.
- Memory and load cache at a larger library: `attune list` cold, its peak resident
  memory from the kernel, then the cache file it left against the YAML files it read.

Run alone: .venv/bin/python bench/list_figures.py [--size 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench_library import make_library
from startup_figures import attune_command, child_env

from desktop_app.storage.paths import builtin_dir

#: A new Python loading every YAML file below the folders it is given, as plain data.
CSAFE_LOADER = """
import sys
from pathlib import Path
import yaml
for folder in sys.argv[1:]:
    for path in sorted(Path(folder).rglob("*.yaml")):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
"""


@dataclass(frozen=True)
class ListScan:
    size: int
    baseline: float
    cold: float
    warm: float
    runs: int


@dataclass(frozen=True)
class ListMemory:
    size: int
    peak_rss: int
    seconds: float
    cache_bytes: int
    yaml_bytes: int


@dataclass(frozen=True)
class ListHome:
    """A new ATTUNE_HOME whose own practices folder holds a generated library."""

    env: dict[str, str]
    practices: Path
    cache: Path

    @classmethod
    def make(cls, home: Path, size: int) -> ListHome:
        practices = home / "attune" / "data" / "practices"
        make_library(practices, size)
        return cls(child_env(home), practices, home / "attune" / "cache" / "library-cache.pickle")

    def read_folders(self) -> list[Path]:
        """What `attune list` reads here: the library, then the built-in practices."""
        return [self.practices, builtin_dir("practices")]


def run_timed(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time of a child from start to exit, and its peak resident memory in bytes."""
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    took = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{command} failed ({code})")
    return took, usage.ru_maxrss * 1024


def scan_figures(size: int, runs: int = 5) -> ListScan:
    """Median seconds of the CSafeLoader baseline, `attune list` cold and warm."""
    with tempfile.TemporaryDirectory(prefix="attune-bench-scan-") as tmp:
        home = ListHome.make(Path(tmp), size)
        baseline = [sys.executable, "-c", CSAFE_LOADER, *map(str, home.read_folders())]
        attune_list = [*attune_command(), "list"]
        # One of each first: the files come into the disk cache, the code is compiled.
        run_timed(baseline, home.env)
        run_timed(attune_list, home.env)
        samples: dict[str, list[float]] = {"baseline": [], "cold": [], "warm": []}
        for _ in range(runs):
            samples["baseline"].append(run_timed(baseline, home.env)[0])
            home.cache.unlink(missing_ok=True)
            samples["cold"].append(run_timed(attune_list, home.env)[0])
            if not home.cache.exists():
                raise RuntimeError("attune list left no load cache")
            samples["warm"].append(run_timed(attune_list, home.env)[0])
    medians = {name: statistics.median(values) for name, values in samples.items()}
    return ListScan(size=size, runs=runs, **medians)


def memory_figures(size: int) -> ListMemory:
    with tempfile.TemporaryDirectory(prefix="attune-bench-list-") as tmp:
        home = ListHome.make(Path(tmp), size)
        took, peak = run_timed([*attune_command(), "list"], home.env)
        read = [path for folder in home.read_folders() for path in folder.rglob("*.yaml")]
        return ListMemory(
            size, peak, took, home.cache.stat().st_size, sum(p.stat().st_size for p in read)
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--memory-size", type=int, default=0, help="also the memory figures")
    args = parser.parse_args()
    scan = scan_figures(args.size, args.runs)
    print(
        f"{scan.size} practices, median of {scan.runs}: CSafeLoader {scan.baseline * 1000:.0f} ms, "
        f"cold {scan.cold * 1000:.0f} ms ({scan.cold / scan.baseline:.2f}×), "
        f"warm {scan.warm * 1000:.0f} ms ({scan.warm / scan.baseline:.2f}×)"
    )
    if args.memory_size:
        memory = memory_figures(args.memory_size)
        print(
            f"{memory.size} practices cold: peak RSS {memory.peak_rss / 2**20:.1f} MiB "
            f"({memory.seconds:.1f} s), cache {memory.cache_bytes / 2**20:.2f} MiB "
            f"= {memory.cache_bytes / memory.yaml_bytes:.2f}× the YAML "
            f"({memory.yaml_bytes / 2**20:.1f} MiB)"
        )


if __name__ == "__main__":
    main()
