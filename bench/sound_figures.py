"""Sound figures for `python -m bench`, on bench_sound.py's 20-minute practice
(40 spoken phrases, tones, bells, rain).

- Begin → first sound: bench_sound.start_to_first_sound, cold (empty speech and sample
  caches: the first 10 s of speech synthesized with espeak-ng first, the rest and the
  rain made behind the playing practice) and warm (median of 3).
- Render: bench_sound.timed_render, cold and warm (best of 2), as × real time.
- Memory while playing: a new process prepares the session as the player does, shows
  the player view, Begin pressed, a device stand-in pulling 10 ms blocks on a timer for
  3 s, then waits for the sound made behind it; its peak resident memory (VmHWM).
  Cold: empty speech and sample caches; warm: the caches the cold run left. (A noise
  background not yet in the cache is made by a child process, whose peak is not this
  process's.)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench_sound import LENGTH, practice_file, start_to_first_sound, timed_render

from desktop_app.core.library import load_file
from desktop_app.core.model import Practice

ROOT = Path(__file__).resolve().parents[1]

PLAYING = """
import sys
from pathlib import Path
import numpy as np
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from bench_sound import RATE
from desktop_app.audio.sample_cache import SampleCache
from desktop_app.audio.session import prepare_session
from desktop_app.audio.speech import SpeechService
from desktop_app.core.clock import MonotonicClock
from desktop_app.core.library import load_file
from desktop_app.ui import theme
from desktop_app.ui.player_view import PlayerView

class PullingDevice:
    # Stands in for the sound card (there is none here): takes a block every 10 ms.
    notice = None
    def start(self, player):
        block = np.zeros((480, 2), np.float32)
        self.timer = QTimer()
        self.timer.timeout.connect(lambda: player.fill(block))
        self.timer.start(10)
        return True
    def stop(self):
        self.timer.stop()

app = QApplication(sys.argv[:1])
theme.apply(app, theme.LIGHT)
practice = load_file(Path(sys.argv[1]))
cache = Path(sys.argv[2])
# As the player prepares: the speech past the first seconds is made behind it.
sound = prepare_session(practice, speech=SpeechService(cache), rate=RATE,
                        sample_cache=SampleCache(cache / "sounds"), behind=True)
view = PlayerView(practice, sound, clock=MonotonicClock(), sink=PullingDevice(), language="en")
view.resize(1000, 720)
view.show()
QTimer.singleShot(200, view.start)
QTimer.singleShot(3200, app.quit)
app.exec()
if sound.behind is not None:
    sound.behind.wait()  # all of it made: the peak of the whole preparation is counted
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(peak * 1024, flush=True)
"""


@dataclass(frozen=True)
class SoundFigures:
    first_sound_cold: float
    first_sound_warm: float
    render_cold: float
    render_warm: float
    playing_rss_cold: int
    playing_rss_warm: int


def playing_peak_rss(practice: Path, cache: Path) -> int:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "bench")]),
    }
    done = subprocess.run(
        [sys.executable, "-c", PLAYING, str(practice), str(cache)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return int(done.stdout.split()[-1])


def measure() -> SoundFigures:
    with tempfile.TemporaryDirectory(prefix="attune-bench-sound-") as tmp:
        folder = Path(tmp)
        path = practice_file(folder)
        practice = load_file(path)
        assert isinstance(practice, Practice)
        out = folder / "twenty.wav"

        first_cold = start_to_first_sound(path, folder / "speech-first")
        first_warm = statistics.median(
            start_to_first_sound(path, folder / "speech-first") for _ in range(3)
        )
        render_cache = folder / "speech-render"
        render_cold = timed_render(practice, render_cache, out)[1]
        render_warm = min(timed_render(practice, render_cache, out)[1] for _ in range(2))
        playing_cache = folder / "speech-playing"
        rss_cold = playing_peak_rss(path, playing_cache)
        rss_warm = playing_peak_rss(path, playing_cache)
        return SoundFigures(
            first_cold,
            first_warm,
            LENGTH / render_cold,
            LENGTH / render_warm,
            rss_cold,
            rss_warm,
        )
