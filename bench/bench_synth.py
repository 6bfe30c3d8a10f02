"""How long synthesizing each sound takes, cold (caches cleared before every run).

Run: .venv/bin/python bench/bench_synth.py [--rate 48000] [--repeat 5]

Baseline, measured in the same run: one float64 `np.sin` over as many samples as the
sound has, the least any synthesis of that length can cost; ratios are against it.
Target: all four bells plus 30 s of background at 48 kHz well under 1 s in total.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.audio import synth  # noqa: E402


def timed(make: Callable[[], object], repeat: int) -> float:
    """Median seconds of `repeat` cold runs."""
    times = []
    for _ in range(repeat):
        synth.clear_caches()
        start = time.perf_counter()
        make()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def baseline(frames: int, repeat: int) -> float:
    t = np.arange(frames) / 48000.0
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        np.sin(2.0 * np.pi * 440.0 * t)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=int, default=48000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--noise-seconds", type=float, default=30.0)
    args = parser.parse_args()
    rate, repeat = args.rate, args.repeat

    synth.bell("bowl", rate)  # load BLAS and FFT plans once, outside the timings
    cases: list[tuple[str, Callable[[], object], int]] = []
    for sound in synth.BELLS:
        frames = synth.bell(sound, rate).size
        cases.append((f"bell {sound}", lambda s=sound: synth.bell(s, rate), frames))
    seconds = args.noise_seconds
    frames = round(seconds * rate)
    for kind in synth.NOISES:
        cases.append(
            (f"{kind} {seconds:g} s", lambda k=kind, s=seconds: synth.noise(k, s, rate), frames)
        )
    for phase in ("in", "out"):
        cases.append(
            (f"breath {phase} 4 s", lambda p=phase: synth.breath_tone(p, 4.0, rate), 4 * rate)
        )

    print(f"{'sound':<22}{'samples':>10}{'ms':>9}{'sin ms':>9}{'× sin':>8}")
    results: dict[str, float] = {}
    for name, make, frames in cases:
        took = timed(make, repeat)
        floor = baseline(frames, repeat)
        results[name] = took
        print(f"{name:<22}{frames:>10}{took * 1e3:>9.1f}{floor * 1e3:>9.1f}{took / floor:>8.1f}")

    bells = sum(results[f"bell {s}"] for s in synth.BELLS)
    worst_noise = max(results[f"{k} {args.noise_seconds:g} s"] for k in synth.NOISES)
    print(f"\nall four bells: {bells * 1e3:.0f} ms")
    print(
        f"four bells + slowest {args.noise_seconds:g} s noise: {(bells + worst_noise) * 1e3:.0f} ms"
    )


if __name__ == "__main__":
    main()
