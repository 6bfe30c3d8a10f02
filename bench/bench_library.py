"""Validate and compile a generated library of 10 … 10,000 practices.

Run: .venv/bin/python bench/bench_library.py [--sizes 10,100,1000,10000]

Cold: no load cache; every file is read, parsed and validated (the scan keeps its
  summary), then every practice read again from its file and its timeline compiled.
Warm open: the load cache from the cold run is used (files unchanged): every file's
  summary, or its problems, comes from the cache and the library index is built,
  without parsing any file. This is what opening or listing the library costs.
Warm all: warm open, then every practice read from its file (the cache keeps no
  models) and its timeline compiled. The app opens one practice at a time; this
  shows the upper bound.
Baseline: plain `yaml.load` with libyaml's CSafeLoader over the same files, in the
same run; ratios are against it.
Targets (issue 2): 1,000 practices under 2 s cold and under 0.25 s warm; linear growth.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.core.library import Source, find_files, scan  # noqa: E402
from desktop_app.core.model import Practice  # noqa: E402
from desktop_app.core.timeline import compile_timeline  # noqa: E402
from desktop_app.storage.load_cache import LoadCache  # noqa: E402


def make_library(folder: Path, count: int) -> None:
    """`count` practices: copies of the built-in ones under new ids, so the mix of
    step kinds, translations and lengths is realistic."""
    templates = sorted((ROOT / "practices").glob("*.yaml"))
    texts = [t.read_text(encoding="utf-8") for t in templates]
    ids = [yaml.safe_load(t)["id"] for t in texts]
    folder.mkdir(parents=True)
    for n in range(count):
        k = n % len(texts)
        text = texts[k].replace(f"id: {ids[k]}", f"id: {ids[k]}-{n}", 1)
        (folder / f"{ids[k]}-{n}.yaml").write_text(text, encoding="utf-8")


def best_of(runs: int, work) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def compile_all(library) -> int:  # type: ignore[no-untyped-def]
    count = 0
    for entry in library.practices.values():
        if isinstance(entry.item, Practice):
            compile_timeline(entry.item)
            count += 1
    return count


def measure(size: int, work_dir: Path) -> dict[str, float]:
    folder = work_dir / f"lib-{size}"
    make_library(folder, size)
    sources = [Source("user", folder, "bench")]
    cache_file = work_dir / f"cache-{size}.pickle"

    def baseline() -> None:
        for path in find_files(folder):
            yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)

    def cold() -> None:
        cache_file.unlink(missing_ok=True)
        cache = LoadCache(cache_file)
        library = scan(sources, cache=cache)
        assert len(library.practices) == size and not library.failures
        compile_all(library)
        cache.save()

    def warm_open() -> None:
        library = scan(sources, cache=LoadCache(cache_file))
        assert len(library.practices) == size and not library.failures

    def warm_all() -> None:
        library = scan(sources, cache=LoadCache(cache_file))
        assert compile_all(library) == size

    runs = 3 if size <= 1000 else 1
    result = {"baseline": best_of(runs, baseline), "cold": best_of(runs, cold)}
    cold()  # leave a cache for the warm runs
    result["warm"] = best_of(runs, warm_open)
    result["warm_all"] = best_of(runs, warm_all)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10,100,1000,10000")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    work_dir = Path(tempfile.mkdtemp(prefix="attune-bench-"))
    try:
        print(
            f"{'practices':>9} {'baseline s':>10} {'cold s':>8} {'warm s':>8} {'warm all s':>10} "
            f"{'cold/base':>9} {'warm/base':>9} {'cold ms/each':>12} {'warm ms/each':>12}"
        )
        per_each = []
        for size in sizes:
            r = measure(size, work_dir)
            per_each.append((size, r["cold"] / size, r["warm"] / size))
            print(
                f"{size:>9} {r['baseline']:>10.3f} {r['cold']:>8.3f} {r['warm']:>8.3f} "
                f"{r['warm_all']:>10.3f} "
                f"{r['cold'] / r['baseline']:>9.2f} {r['warm'] / r['baseline']:>9.2f} "
                f"{1000 * r['cold'] / size:>12.3f} {1000 * r['warm'] / size:>12.3f}"
            )
        big = [p for p in per_each if p[0] >= 100]
        if len(big) >= 2:
            spread = max(p[1] for p in big) / min(p[1] for p in big)
            print(
                f"\nlinearity: cold cost per practice varies by a factor of {spread:.2f} "
                f"from {big[0][0]} to {big[-1][0]} practices "
                f"(median {1000 * statistics.median(p[1] for p in big):.3f} ms)"
            )
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
