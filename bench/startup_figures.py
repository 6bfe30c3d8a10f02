"""Start-up figures for `python -m bench`, each from new processes, offscreen.

- First paint: the real `attune` (ATTUNE_QUIT_AFTER_FIRST_PAINT=1) against the bare
  window of bench_package.py, timed from process start to the `painted` line.
- Library on screen and idle memory: bench_gui.py's window scripts (Attune until the
  Library, the page it lands on, has painted with its rows; the bare QMainWindow until
  its first paint), timed from process start to the line they print, then left idle
  for a second before reading VmRSS: by then Attune's journal is open (checked, its
  daily copy made), the library watched and the reminders started, as at every start.
- `attune --version` against `python -c pass`.
Runs interleave, so a busy moment of the machine falls on both sides alike.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench_gui import ATTUNE, BARE, FIRST_PAINT
from bench_package import BARE as BARE_PAINTED
from bench_package import time_to_paint

ROOT = Path(__file__).resolve().parents[1]

#: After the window is up, one more second of the event loop (deferred work, indexing
#: slices), then the resident memory.
IDLE_THEN_RSS = """
from PySide6.QtCore import QTimer
QTimer.singleShot(1000, QApplication.instance().quit)
app.exec()
with open("/proc/self/status") as status:
    rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
print("rss", rss * 1024, flush=True)
"""


@dataclass(frozen=True)
class Startup:
    bare_paint: float
    attune_paint: float
    bare_window: float
    library_on_screen: float
    bare_rss: float
    idle_rss: float
    python_pass: float
    version: float
    runs: int


def attune_command() -> list[str]:
    """The venv's `attune` script beside this Python, as a person starts it."""
    script = Path(sys.executable).parent / "attune"
    return [str(script)] if script.exists() else [sys.executable, "-m", "desktop_app.cli"]


def child_env(home: Path) -> dict[str, str]:
    """The children's environment. Bytecode is written (the warm-up writes it), as an
    installed Attune has it: without it every start compiles each changed module again,
    which no person's start does."""
    environ = {
        name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"
    }
    return {
        **environ,
        "HOME": str(home),
        "ATTUNE_HOME": str(home / "attune"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
    }


def stamped(code: str, env: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Run `code` in a new Python; for each `label value` line it prints, the seconds
    from process start to the line, and the value."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    lines: dict[str, tuple[float, float]] = {}
    for line in child.stdout:
        label, value = line.split()[:2]
        lines[label] = (time.perf_counter() - start, float(value))
    if child.wait(timeout=120) != 0:
        raise RuntimeError(f"a start-up child failed ({child.returncode})")
    return lines


def wall(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=60)
    return time.perf_counter() - start


def measure(home: Path, runs: int) -> Startup:
    env = child_env(home)
    painted_env = {**env, "ATTUNE_QUIT_AFTER_FIRST_PAINT": "1"}
    bare_code = FIRST_PAINT.format(make_window=BARE) + IDLE_THEN_RSS
    attune_code = FIRST_PAINT.format(make_window=ATTUNE) + IDLE_THEN_RSS
    bare_painted = [sys.executable, "-c", BARE_PAINTED]
    attune = attune_command()
    # One warm-up each: the first start fills the disk cache and Attune's load cache.
    time_to_paint(bare_painted, painted_env)
    time_to_paint(attune, painted_env)
    stamped(bare_code, env)
    stamped(attune_code, env)
    samples: dict[str, list[float]] = {}

    def keep(name: str, value: float) -> None:
        samples.setdefault(name, []).append(value)

    for _ in range(runs):
        keep("bare_paint", time_to_paint(bare_painted, painted_env))
        keep("attune_paint", time_to_paint(attune, painted_env))
        bare = stamped(bare_code, env)
        keep("bare_window", bare["paint"][0])
        keep("bare_rss", bare["rss"][1])
        attune_lines = stamped(attune_code, env)
        keep("library_on_screen", attune_lines["ready"][0])
        keep("idle_rss", attune_lines["rss"][1])
        keep("python_pass", wall([sys.executable, "-c", "pass"], env))
        keep("version", wall([*attune, "--version"], env))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    return Startup(runs=runs, **medians)
