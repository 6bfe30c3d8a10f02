"""GUI benchmarks (issue 4), each child process on a real X server (Xvfb).

Run: .venv/bin/python bench/bench_gui.py   (needs xvfb-run: apt install xvfb)

- Cold start to the first painted main window, against a bare PySide6 window started
  the same way in the same run (a new Python process each, median of 5). Target ≤ 1.5×.
- CPU while the pacer animates, and while paused, as a share of one core, over 10 s
  each with the real clock. Targets: ≤ 5 % animating, about 0 paused.
- The longest gap between repaint ticks during playback (a GUI-thread stall).
  Target: no stall over 50 ms.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FIRST_PAINT = textwrap.dedent(
    """
    import sys, time
    start = time.perf_counter()
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication
    class Painted(QObject):
        seen = False
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                print("paint", time.perf_counter() - start, flush=True)
                if not hasattr(window, "first_page_shown"):
                    QApplication.instance().exit(0)
            return False
    app = QApplication(sys.argv[:1])
    {make_window}
    watcher = Painted()
    window.installEventFilter(watcher)
    window.show()
    app.exec()
    """
)
BARE = "from PySide6.QtWidgets import QMainWindow\nwindow = QMainWindow()\nwindow.resize(1100, 740)"
ATTUNE = textwrap.dedent(
    """
    import gc
    gc.disable()  # as app.run_app does: the collector rests until the first page is shown
    from desktop_app.app import known_voices, open_library, settle
    from desktop_app.audio.output import SoundOutput
    from desktop_app.core.clock import MonotonicClock
    from desktop_app.storage.paths import default_paths
    from desktop_app.storage.settings import SettingsStore
    from desktop_app.ui import theme
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.services import Services
    paths = default_paths()
    output = SoundOutput()
    services = Services(paths=paths, settings_store=SettingsStore(paths.settings),
                        scan=open_library, sink=output, clock=MonotonicClock(),
                        device_rate=lambda: 48000, load_voices=known_voices,
                        settle=settle)  # as app.run_app: what a crash left, settled first
    window = MainWindow(services)
    window.first_page_shown.connect(gc.enable)
    window.preferences.apply_look()
    class LibraryPainted(QObject):  # the Library built, with its rows, and painted
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                obj.removeEventFilter(self)
                assert window.screens.currentWidget() is window.library_view
                print("ready", time.perf_counter() - start, flush=True)
                QApplication.instance().exit(0)
            return False
    library_painted = LibraryPainted()
    def landed():
        assert window.library_view is not None
        window.library_view.installEventFilter(library_painted)
    window.first_page_shown.connect(landed)
    """
)

PLAYING = textwrap.dedent(
    """
    import json, resource, sys, time
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from desktop_app.audio.session import prepare_session
    from desktop_app.core.clock import MonotonicClock
    from desktop_app.core.library import load_file
    from desktop_app.ui import theme
    from desktop_app.ui.player_view import PlayerView

    class Silent:
        notice = None
        def start(self, player): return True
        def stop(self): pass

    app = QApplication(sys.argv[:1])
    theme.apply(app, theme.LIGHT)
    practice = load_file(__import__("pathlib").Path(sys.argv[1]))
    view = PlayerView(practice, prepare_session(practice, rate=48000), clock=MonotonicClock(),
                      sink=Silent(), language="en")
    view.resize(1000, 720)
    view.show()
    ticks = []
    original = view.tick
    def tick():
        ticks.append(time.perf_counter())
        original()
    view.timer.timeout.disconnect()
    view.timer.timeout.connect(tick)
    result = {}
    def cpu():
        return time.process_time()
    def measure_playing():
        view.start()
        result["play_start"] = (cpu(), time.perf_counter())
        QTimer.singleShot(10_000, measure_paused)
    def measure_paused():
        c, t = result.pop("play_start")
        result["playing_cpu"] = (cpu() - c) / (time.perf_counter() - t)
        gaps = [b - a for a, b in zip(ticks, ticks[1:])]
        result["longest_gap_ms"] = 1000 * max(gaps)
        result["median_gap_ms"] = 1000 * sorted(gaps)[len(gaps) // 2]
        view.toggle()
        result["pause_start"] = (cpu(), time.perf_counter())
        QTimer.singleShot(10_000, done)
    def done():
        c, t = result.pop("pause_start")
        result["paused_cpu"] = (cpu() - c) / (time.perf_counter() - t)
        print(json.dumps(result), flush=True)
        app.exit(0)
    QTimer.singleShot(500, measure_playing)
    app.exec()
    """
)

BREATHING = """attune: practice/1
id: bench-breath
title: Breathing for a while
kind: breathing
language: en
summary: Only breathing.
steps:
  - breathe: {in: 4s, hold: 2s, out: 6s, rest: 2s, cycles: 10}
"""


def on_x(code: str, *args: str, home: Path) -> list[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "ATTUNE_HOME": str(home),
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x900x24", sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return done.stdout.strip().splitlines()


def _seconds(lines: list[str], label: str) -> float:
    return float(next(line.split()[1] for line in lines if line.startswith(label)))


def main() -> None:
    if shutil.which("xvfb-run") is None:
        sys.exit("bench_gui needs xvfb-run (apt install xvfb)")
    with tempfile.TemporaryDirectory(prefix="attune-bench-gui-") as tmp:
        home = Path(tmp) / "home"
        on_x(FIRST_PAINT.format(make_window=ATTUNE), home=home)  # warm the caches once
        bare, attune, ready = [], [], []
        for _ in range(5):
            bare.append(_seconds(on_x(FIRST_PAINT.format(make_window=BARE), home=home), "paint"))
            lines = on_x(FIRST_PAINT.format(make_window=ATTUNE), home=home)
            attune.append(_seconds(lines, "paint"))
            ready.append(_seconds(lines, "ready"))
        b, a, r = statistics.median(bare), statistics.median(attune), statistics.median(ready)
        print(
            f"first paint: bare window {1000 * b:.0f} ms, Attune {1000 * a:.0f} ms "
            f"(median of 5) = {a / b:.2f}× the bare window"
        )
        print(f"library on screen (pages built): {1000 * r:.0f} ms = {r / b:.2f}× the bare window")

        practice = Path(tmp) / "breath.yaml"
        practice.write_text(BREATHING, encoding="utf-8")
        started = time.perf_counter()
        result = json.loads(on_x(PLAYING, str(practice), home=home)[-1])
        print(f"CPU while the pacer animates: {100 * result['playing_cpu']:.1f} % of one core")
        print(f"CPU while paused: {100 * result['paused_cpu']:.2f} % of one core")
        print(
            f"repaint ticks: median gap {result['median_gap_ms']:.1f} ms, "
            f"longest {result['longest_gap_ms']:.1f} ms "
            f"(measured over {time.perf_counter() - started:.0f} s)"
        )


if __name__ == "__main__":
    main()
