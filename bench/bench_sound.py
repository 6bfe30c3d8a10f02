"""Sound benchmarks (issue 3): render speed, callback cost, Start to first sound.

Run: .venv/bin/python bench/bench_sound.py

- Render: a generated 20-minute practice with 40 spoken phrases, breathing tones,
  bells and a rain background, rendered to a WAV file. Reported as a real-time factor
  (seconds of sound per second of work), with cold caches (synthesis with real
  espeak-ng, resampling and rain included) and warm ones (speech files and prepared
  samples on disk; in-process caches emptied). Targets: ≥ 100× cold, ≥ 500× warm.
- Callback: the live player's `fill` for 10 ms blocks (480 frames at 48 kHz), paced by a
  manual clock, as a share of one core. Target: under 2 %.
- Start to first sound: from "Start" (prepared as the player does: speech of the first
  10 s from the cache or spoken, timeline compiled, speech files read, bells made,
  mixer made; the rest of the speech and a noise background not yet cached are made
  behind it) to the first block the device would get, with the in-process sample
  caches emptied first. Target: under 300 ms. The device's own output latency comes
  on top.
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.audio import synth  # noqa: E402
from desktop_app.audio.clips import _read_clip  # noqa: E402
from desktop_app.audio.live import LivePlayer, transport_of  # noqa: E402
from desktop_app.audio.render import render_to_file  # noqa: E402
from desktop_app.audio.sample_cache import SampleCache  # noqa: E402
from desktop_app.audio.session import prepare_session  # noqa: E402
from desktop_app.audio.speech import SpeechService  # noqa: E402
from desktop_app.core.clock import ManualClock  # noqa: E402
from desktop_app.core.engine import SessionEngine  # noqa: E402
from desktop_app.core.library import load_file  # noqa: E402
from desktop_app.core.model import Practice  # noqa: E402

RATE = 48_000
LENGTH = 20 * 60.0
SENTENCES = [
    "Let your attention rest for a moment on the breath.",
    "Notice where the air comes in, and where it leaves.",
    "There is nothing to change, only something to notice.",
    "If your mind wanders, gently bring it back.",
    "Feel the weight of your body resting where you are.",
    "Let the shoulders soften a little on the out-breath.",
    "Notice the small pause after each breath.",
    "You can open your eyes at any time.",
]


def practice_file(folder: Path) -> Path:
    lines = [
        "attune: practice/1",
        "id: bench-twenty",
        "title: Twenty minutes",
        "kind: mindfulness",
        "language: en",
        "summary: A long practice for measuring.",
        "lengths: [20m]",
        "background: rain",
        "steps:",
        "  - bell: bowl",
    ]
    for n in range(40):  # 40 different phrases, so the cold run synthesizes 40
        sentence = SENTENCES[n % len(SENTENCES)]
        lines += [
            f'  - say: "{sentence} ({n + 1})"',
            "    pause: 3s",
            "  - breathe: {in: 4s, out: 6s, cycles: 2}",
            "  - silence: flex",
        ]
    lines += ["  - bell: {sound: chime, times: 3, gap: 4s}"]
    path = folder / "twenty.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def forget_samples() -> None:
    """Empty the in-process caches of clips and synthesized sounds: every run reads its
    speech files and makes its bells afresh, as a newly started app does."""
    _read_clip.cache_clear()
    synth.clear_caches()


def timed_render(practice: Practice, cache: Path, out: Path) -> tuple[float, float]:
    forget_samples()
    gc.collect()
    start = time.perf_counter()
    with SpeechService(cache) as speech:
        session = prepare_session(
            practice, speech=speech, rate=RATE, sample_cache=SampleCache(cache / "sounds")
        )
    prepared = time.perf_counter()
    seconds = render_to_file(session.mixer, out)
    done = time.perf_counter()
    assert abs(seconds - LENGTH) < 1.0, seconds
    return prepared - start, done - start


def callback_cost(practice: Practice, cache: Path) -> tuple[float, float]:
    with SpeechService(cache) as speech:
        session = prepare_session(practice, speech=speech, rate=RATE)
    clock = ManualClock()
    engine = SessionEngine(session.timeline, clock)
    engine.play()
    player = LivePlayer(
        session.mixer, clock, transport_of(engine.snapshot(), session.timeline, clock.now())
    )
    out = np.zeros((480, 2), np.float32)
    costs = []
    for block in range(30_000):  # 300 s of sound
        begin = time.perf_counter()
        player.fill(out, 0.02)
        costs.append(time.perf_counter() - begin)
        clock.advance(0.01)
        if block % 5 == 0:  # the GUI's repaint timer publishes the transport
            player.transport = transport_of(engine.snapshot(), session.timeline, clock.now())
    return statistics.mean(costs), float(np.percentile(costs, 99))


def start_to_first_sound(practice_path: Path, cache: Path) -> float:
    practice = load_file(practice_path)
    assert isinstance(practice, Practice)
    forget_samples()
    gc.collect()
    start = time.perf_counter()
    # As the player prepares: the speech past the first seconds is made behind it.
    session = prepare_session(
        practice,
        speech=SpeechService(cache),
        rate=RATE,
        sample_cache=SampleCache(cache / "sounds"),
        behind=True,
    )
    clock = ManualClock()
    engine = SessionEngine(session.timeline, clock)
    engine.play()
    player = LivePlayer(
        session.mixer, clock, transport_of(engine.snapshot(), session.timeline, clock.now())
    )
    out = np.zeros((480, 2), np.float32)
    player.fill(out)
    first_sound = time.perf_counter() - start
    if session.behind is not None:  # not timed: the next run must not share the machine
        session.behind.wait()
    return first_sound


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="attune-bench-sound-") as tmp:
        folder = Path(tmp)
        path = practice_file(folder)
        practice = load_file(path)
        assert isinstance(practice, Practice)
        cache = folder / "speech"
        out = folder / "twenty.wav"

        cold_prepare, cold_total = timed_render(practice, cache, out)
        warm = [timed_render(practice, cache, out) for _ in range(3)]
        warm_prepare, warm_total = min(warm, key=lambda w: w[1])
        print(
            f"render 20 min, cold cache: {cold_total:6.2f} s "
            f"(speech and preparation {cold_prepare:.2f} s) = {LENGTH / cold_total:6.0f}× real time"
        )
        print(
            f"render 20 min, warm cache: {warm_total:6.2f} s "
            f"(preparation {warm_prepare:.2f} s)            = {LENGTH / warm_total:6.0f}× real time"
        )

        mean, p99 = callback_cost(practice, cache)
        print(
            f"callback per 10 ms block: mean {mean * 1e6:5.0f} µs = {100 * mean / 0.01:.2f} % "
            f"of a core; 99th percentile {p99 * 1e6:.0f} µs = {100 * p99 / 0.01:.2f} %"
        )

        starts = [start_to_first_sound(path, cache) for _ in range(5)]
        print(
            f"Start to first sound, warm cache: median {1000 * statistics.median(starts):.0f} ms "
            f"(best {1000 * min(starts):.0f}, worst {1000 * max(starts):.0f})"
        )


if __name__ == "__main__":
    main()
