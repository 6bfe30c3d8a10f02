"""The built app against the venv app and a bare window (issue 11), in one run.

Run after ./scripts/package:  .venv/bin/python bench/bench_package.py
(needs Xvfb: it starts its own X server, so every start below paints on a real screen)

- Cold start to the first painted window: process start until the window's first paint
  is reported on stdout (ATTUNE_QUIT_AFTER_FIRST_PAINT=1 in Attune, the same event
  filter in the bare window), for a bare PySide6 window run by the venv's Python, the
  venv's `attune`, and the built `attune` unpacked from the tar.gz. Runs interleave, so
  a busy moment of the machine falls on all three alike; medians of 9 after one
  warm-up each. Target: the built app no slower than the venv's.
- Sizes: the tar.gz, the .deb, the unpacked folder, and its largest parts.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from desktop_app import __version__  # noqa: E402

DIST = ROOT / "dist"
TARBALL = DIST / f"attune-{__version__}-linux-x86_64.tar.gz"
DEB = DIST / f"attune_{__version__}_amd64.deb"
RUNS = 9
MIB = 1024 * 1024

BARE = """
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print("painted", flush=True)
            QApplication.exit(0)
        return False
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1100, 740)
hook = Painted(window)
window.installEventFilter(hook)
window.show()
app.exec()
"""


def start_x() -> tuple[subprocess.Popen[bytes], str]:
    for number in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{number}").exists():
            break
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if time.monotonic() > deadline:
            raise SystemExit("bench_package: Xvfb did not start")
        time.sleep(0.05)
    return server, f":{number}"


def time_to_paint(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    took = time.perf_counter() - start
    if done.stdout.strip() != "painted":
        raise SystemExit(f"bench_package: {command[0]} did not paint:\n{done.stderr}")
    return took


def largest_parts(folder: Path, count: int = 8) -> list[tuple[str, int]]:
    internal = folder / "_internal"
    sizes: dict[str, int] = {}
    for path in internal.rglob("*"):
        if path.is_file() and not path.is_symlink():
            parts = path.relative_to(internal).parts
            key = "/".join(parts[:3] if parts[0] == "PySide6" else parts[:1])
            sizes[key] = sizes.get(key, 0) + path.stat().st_size
    return sorted(sizes.items(), key=lambda item: -item[1])[:count]


def main() -> int:
    if not TARBALL.is_file():
        print(f"bench_package: no {TARBALL}; run ./scripts/package first", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="attune-bench-package-"))
    server, display = start_x()
    try:
        with tarfile.open(TARBALL) as tar:
            tar.extractall(work, filter="tar")
        built = work / "attune"
        home = work / "home"
        home.mkdir()
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "LANG": "C.UTF-8",
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "ATTUNE_QUIT_AFTER_FIRST_PAINT": "1",
        }
        starts = {
            "bare PySide6 window": [str(ROOT / ".venv" / "bin" / "python"), "-c", BARE],
            "venv attune": [str(ROOT / ".venv" / "bin" / "attune")],
            "built attune": [str(built / "attune")],
        }
        times: dict[str, list[float]] = {name: [] for name in starts}
        for command in starts.values():  # warm-up: the first start fills caches
            time_to_paint(command, env)
        for _ in range(RUNS):
            for name, command in starts.items():
                times[name].append(time_to_paint(command, env))

        bare = statistics.median(times["bare PySide6 window"])
        print(f"Cold start to the first painted window (Xvfb), median of {RUNS}:")
        for name, samples in times.items():
            median = statistics.median(samples)
            print(
                f"  {name:<20} {median * 1000:7.0f} ms  ({median / bare:.2f}x the bare window; "
                f"min {min(samples) * 1000:.0f}, max {max(samples) * 1000:.0f})"
            )
        venv = statistics.median(times["venv attune"])
        print(f"  built / venv: {statistics.median(times['built attune']) / venv:.2f}")

        unpacked = sum(p.lstat().st_size for p in built.rglob("*") if not p.is_dir())
        print("\nSizes:")
        print(f"  {TARBALL.name:<40} {TARBALL.stat().st_size / MIB:6.1f} MiB (target 100)")
        print(f"  {'unpacked':<40} {unpacked / MIB:6.1f} MiB (target 250)")
        if DEB.is_file():
            print(f"  {DEB.name:<40} {DEB.stat().st_size / MIB:6.1f} MiB")
        print("  largest parts of the unpacked folder:")
        for name, size in largest_parts(built):
            print(f"    {name:<38} {size / MIB:6.1f} MiB")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    os.environ.pop("ATTUNE_HOME", None)
    sys.exit(main())
