"""How fast the library view is ready with hundreds of practices.

Run: .venv/bin/python bench/bench_library_view.py [--count 500] [--runs 15]
(offscreen by default; QT_QPA_PLATFORM=xcb under xvfb-run for a real X server)

"Ready" is constructed + shown + first paint of the list: the time from calling the
constructor until the list's viewport has painted once. Each run gets a fresh library
scanned through a warm load cache (as the app opens it), so every practice the view
needs is really unpickled, as on a normal start.

  baseline    a bare QListWidget filled with `count` strings, shown, first paint
  view        LibraryView: rows decoded only as painted
  indexed     LibraryView until every practice is read, sorted and the filters filled
              (in slices after the first paint; the window stays responsive)
  eager       LibraryView with finish_indexing() before show: what decoding every
              practice up front would cost

Target (issue): ready well under 200 ms with 500 practices.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_library import make_library  # noqa: E402
from paint import Kept, PaintSpy, list_baseline, start_view_bench, until_painted  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop_app.core.library import Library, Source, scan  # noqa: E402
from desktop_app.storage.load_cache import LoadCache  # noqa: E402
from desktop_app.ui.library_view import LibraryView  # noqa: E402


def baseline(app: QApplication, count: int) -> tuple[float, QWidget]:
    strings = [f"Practice number {n}\nBreathing · 5m, 10m · en" for n in range(count)]
    return list_baseline(app, strings, (1100, 720))


def view(app: QApplication, library: Library, *, eager: bool) -> tuple[float, float, QWidget]:
    spy = PaintSpy()
    start = time.perf_counter()
    widget = LibraryView(library)
    if eager:
        widget.finish_indexing()
    widget.resize(1100, 720)
    widget.show()
    until_painted(app, widget.practice_list.viewport(), spy)
    ready = time.perf_counter() - start
    while not widget.is_indexed:
        app.processEvents()
    return ready, time.perf_counter() - start, widget


def measure(runs: int, work: Callable[[], tuple[float, ...]]) -> list[tuple[float, ...]]:
    results = []
    for _ in range(runs):
        gc.collect()
        results.append(work())
    return results


def main() -> None:
    args, app = start_view_bench(__doc__, 500)
    work_dir = Path(tempfile.mkdtemp(prefix="attune-bench-view-"))
    folder = work_dir / "practices"
    make_library(folder, args.count)
    sources = [Source("user", folder, "bench")]
    cache_file = work_dir / "cache.pickle"
    warm = LoadCache(cache_file)
    scan(sources, cache=warm)
    warm.save()

    def fresh_library() -> Library:
        library = scan(sources, cache=LoadCache(cache_file))
        assert len(library.practices) == args.count
        return library

    kept = Kept(app)

    def run_baseline() -> tuple[float, ...]:
        seconds, widget = baseline(app, args.count)
        kept.append(widget)
        kept.close_all()
        return (seconds,)

    def run_view(eager: bool) -> Callable[[], tuple[float, ...]]:
        def work() -> tuple[float, ...]:
            library = fresh_library()
            ready, indexed, widget = view(app, library, eager=eager)
            kept.append(widget)
            kept.close_all()
            return (ready, indexed)

        return work

    # The first of each warms fonts, style sheets and imports; report it apart.
    first_base = run_baseline()[0]
    first_view = run_view(False)()[0]
    base = [r[0] for r in measure(args.runs, run_baseline)]
    lazy = measure(args.runs, run_view(False))
    eager = measure(args.runs, run_view(True))

    def ms(values: list[float]) -> str:
        return (
            f"median {statistics.median(values) * 1000:6.1f} ms   min {min(values) * 1000:6.1f} ms"
        )

    platform = app.platformName()
    python = sys.version.split()[0]
    print(f"{args.count} practices, {args.runs} runs, platform {platform}, Python {python}")
    print(f"first run     baseline {first_base * 1000:.1f} ms, view {first_view * 1000:.1f} ms")
    print(f"baseline      {ms(base)}   (QListWidget, {args.count} strings)")
    ready = [r[0] for r in lazy]
    ratio = statistics.median(ready) / statistics.median(base)
    print(f"view ready    {ms(ready)}   ratio {ratio:.2f}")
    print(f"view indexed  {ms([r[1] for r in lazy])}")
    eager_ready = [r[0] for r in eager]
    print(
        f"eager ready   {ms(eager_ready)}   "
        f"ratio {statistics.median(eager_ready) / statistics.median(base):.2f}"
    )


if __name__ == "__main__":
    main()
