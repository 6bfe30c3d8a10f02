"""Every performance target against its baseline, in one table.

Run from the repository root:  .venv/bin/python -m bench [--quick]

Each figure comes from the bench_*.py scripts' own functions, with its baseline
measured in the same run. Offscreen throughout (no display needed). About 90 s
on 2 cores; --quick takes fewer start-up runs and a 2,000-practice library for the
memory rows.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("ATTUNE_HOME", None)  # the children get their own

import list_figures  # noqa: E402
import sound_figures  # noqa: E402
import startup_figures  # noqa: E402
from summary_table import MIB, Row, mib, ms, render, times  # noqa: E402


def startup_rows(figures: startup_figures.Startup) -> list[Row]:
    f = figures
    runs = f"median of {f.runs} runs each"
    paint = f.attune_paint / f.bare_paint
    shown = f.library_on_screen / f.bare_window
    version = f.version / f.python_pass
    idle = f.idle_rss / f.bare_rss
    return [
        Row(
            "process start to first painted window vs bare QMainWindow",
            ms(f.attune_paint),
            ms(f.bare_paint),
            times(paint),
            "≤ 1.3×",
            paint <= 1.3,
            f"the venv's `attune` with ATTUNE_QUIT_AFTER_FIRST_PAINT=1, bytecode written as "
            f"installed; {runs}",
        ),
        Row(
            "start to the Library on screen, pages built, vs bare window",
            ms(f.library_on_screen),
            ms(f.bare_window),
            times(shown),
            "≤ 2×",
            shown <= 2,
            f"bench_gui.py's window scripts, timed from process start to the Library (the "
            f"page landed on) shown with its rows; {runs}",
        ),
        Row(
            "`attune --version` vs `python -c pass`",
            ms(f.version),
            ms(f.python_pass),
            times(version),
            "≤ 3×",
            version <= 3,
        ),
        Row(
            "RSS idle after start vs bare window",
            mib(f.idle_rss),
            mib(f.bare_rss),
            times(idle),
            "≤ 1.6×",
            idle <= 1.6,
            "VmRSS one second after the Library is shown, the journal open and reminders "
            "started (the bare window: after its paint)",
        ),
    ]


def list_rows(scan: list_figures.ListScan, memory: list_figures.ListMemory) -> list[Row]:
    cold = scan.cold / scan.baseline
    warm = scan.warm / scan.baseline
    cache = memory.cache_bytes / memory.yaml_bytes
    how = (
        "the venv's `attune list` in a new process against a new Python loading the same "
        "files with CSafeLoader (list_figures.py); cold: no load cache, warm: the one the "
        f"cold run left; interleaved, median of {scan.runs} runs"
    )
    smaller = "" if memory.size == 10_000 else " (--quick; the target is for 10,000)"
    return [
        Row(
            f"`attune list`, {scan.size:,} practices, cold vs CSafeLoader",
            ms(scan.cold),
            ms(scan.baseline),
            times(cold),
            "≤ 1.3×",
            cold <= 1.3,
            how,
        ),
        Row(
            f"`attune list`, {scan.size:,}, warm vs CSafeLoader",
            ms(scan.warm),
            ms(scan.baseline),
            times(warm),
            "≤ 0.1×",
            warm <= 0.1,
            how,
        ),
        Row(
            f"memory for `attune list` at {memory.size:,} practices",
            mib(memory.peak_rss),
            target="≤ 100 MiB",
            met=memory.peak_rss <= 100 * MIB,
            note=f"peak RSS of a real `attune list`, cold, once ({memory.seconds:.1f} s){smaller}",
        ),
        Row(
            f"load cache size at {memory.size:,} vs the YAML",
            mib(memory.cache_bytes),
            mib(memory.yaml_bytes),
            times(cache),
            "≤ 0.3×",
            cache <= 0.3,
            f"the cache that `attune list` left, against every YAML file it read{smaller}",
        ),
    ]


def sound_rows(f: sound_figures.SoundFigures) -> list[Row]:
    peak = max(f.playing_rss_cold, f.playing_rss_warm)
    return [
        Row(
            "Begin → first sound, cold speech cache (20-min practice)",
            ms(f.first_sound_cold),
            target="≤ 0.5 s",
            met=f.first_sound_cold <= 0.5,
            note="bench_sound.py's start_to_first_sound, prepared as the player does: the "
            "first 10 s spoken before the first block, the other phrases and the rain made "
            "behind it",
        ),
        Row(
            "Begin → first sound, warm",
            ms(f.first_sound_warm),
            target="≤ 100 ms",
            met=f.first_sound_warm <= 0.1,
            note="median of 3",
        ),
        Row(
            "RSS playing a 20-min practice, cold / warm",
            f"{mib(f.playing_rss_cold)} / {mib(f.playing_rss_warm)}",
            target="≤ 160 MiB",
            met=peak <= 160 * MIB,
            note="peak RSS (VmHWM) of the player view playing for 3 s, blocks pulled "
            "as a device would, and until the sound made behind it is all there",
        ),
        Row(
            "render, 20 min with speech, cold / warm (× real time)",
            f"{f.render_cold:.0f}× / {f.render_warm:.0f}×",
            target="keep ≥ 300× / 700×",
            met=f.render_cold >= 300 and f.render_warm >= 700,
            note="bench_sound.py's timed_render; warm best of 2",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="3 start-up runs instead of 7, and 2,000 practices for the memory rows",
    )
    quick = parser.parse_args().quick
    started = time.perf_counter()

    def step(what: str) -> None:
        print(f"[{time.perf_counter() - started:5.0f} s] {what}", file=sys.stderr, flush=True)

    step("start-up: first paint, Library on screen, idle memory, --version")
    with tempfile.TemporaryDirectory(prefix="attune-bench-start-") as tmp:
        startup = startup_figures.measure(Path(tmp), runs=3 if quick else 7)
    step("attune list: 1,000 practices cold and warm")
    scan = list_figures.scan_figures(1000)
    step("attune list: memory and load cache")
    memory = list_figures.memory_figures(2000 if quick else 10_000)
    step("sound: first sound, render, memory while playing")
    sound = sound_figures.measure()
    step("done")

    paint, library, version, idle = startup_rows(startup)
    first_cold, first_warm, playing, rendering = sound_rows(sound)
    rows = [paint, library, version, first_cold, first_warm, *list_rows(scan, memory)]
    print(render([*rows, idle, playing, rendering]))
    print(f"\n{time.perf_counter() - started:.0f} s, Python {sys.version.split()[0]}, offscreen")


if __name__ == "__main__":
    main()
