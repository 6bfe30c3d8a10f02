"""How quickly the practice editor checks a 300-line practice while someone types.

Run: .venv/bin/python bench/bench_editor.py [--lines 300] [--runs 40]
(offscreen by default; QT_QPA_PLATFORM=xcb under xvfb-run for a real X server)

Each figure is the median (and 95th percentile) of `runs` timings in one process:

  baseline    one key typed into a bare QPlainTextEdit holding the same text
  key         one key typed into the editor (highlighting that line, restarting the
              check timer): what every keystroke costs
  check ok    the debounced check after a key, for valid text: validate, lay out every
              length, underline, fill the problems and the outline
  check bad   the same for text with an error (a misspelt duration)
  core        core.authoring.check_practice alone (no Qt)
  yaml        PyYAML loading the same text with libyaml (CSafeLoader), for scale

Target (issue): under 50 ms per keystroke, debounced: key + check ok.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["ATTUNE_HOME"] = tempfile.mkdtemp(prefix="attune-bench-")

import yaml  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit  # noqa: E402

from desktop_app.core.authoring import check_practice  # noqa: E402
from desktop_app.storage.paths import builtin_dir, default_paths  # noqa: E402
from desktop_app.ui import theme  # noqa: E402
from desktop_app.ui.practice_editor import PracticeEditor  # noqa: E402

STEPS = [
    "  - say:\n      en: Let the breath come and go on its own, {n}.\n"
    "      nl: Laat de adem vanzelf komen en gaan, {n}.\n    pause: 2s\n",
    "  - silence: {{flex: 2, min: 10s}}\n    text: Resting {n}\n",
    "  - breathe: {{in: 4s, out: {{from: 5s, to: 7s}}, cycles: 3, text: Slowly {n}}}\n",
    "  - bell: {{sound: chime, times: 2, gap: 3s}}\n",
]


def practice_text(lines: int) -> str:
    """The built-in longer out-breath (bilingual, commented), grown to `lines` lines."""
    text = (builtin_dir("practices") / "longer-out-breath.yaml").read_text(encoding="utf-8")
    text = text.replace("lengths: [5m, 10m, 15m]", "lengths: [20m, 30m, 45m]")
    head, steps = text.split("steps:\n", 1)
    body, reflection = steps.split("reflection:", 1)
    n = 0
    while (head + body).count("\n") < lines - reflection.count("\n") - 2:
        body += STEPS[n % len(STEPS)].format(n=n)
        n += 1
    return head + "steps:\n" + body + "reflection:" + reflection


def timed(act: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        act()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * len(times)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=300)
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    app = QApplication([])
    theme.apply(app, theme.LIGHT)
    text = practice_text(args.lines)
    assert check_practice(text, "bench.yaml").errors == (), "the bench practice must be valid"
    middle = text.count("\n") // 2

    bare = QPlainTextEdit()
    bare.setPlainText(text)
    bare.show()
    editor = PracticeEditor(default_paths())
    editor.set_text(text, None)
    editor.show()
    app.processEvents()

    def key_into(widget: QPlainTextEdit) -> Callable[[], None]:
        cursor = widget.textCursor()
        cursor.setPosition(widget.document().findBlockByNumber(middle).position())
        cursor.movePosition(QTextCursor.MoveOperation.EndOfLine)
        widget.setTextCursor(cursor)
        flip = [True]

        def key() -> None:  # type a space, then take it back: the text stays the same
            QTest.keyClick(widget, Qt.Key.Key_Space if flip[0] else Qt.Key.Key_Backspace)
            flip[0] = not flip[0]
            app.processEvents()

        return key

    baseline = timed(key_into(bare), args.runs)
    key = timed(key_into(editor.editor), args.runs)
    check_ok = timed(editor.check_now, args.runs)
    editor.editor.setPlainText(text.replace("in: 4s", "in: four", 1))
    check_bad = timed(editor.check_now, args.runs)
    core = timed(lambda: check_practice(text, "bench.yaml"), args.runs)
    plain = timed(lambda: yaml.load(text, Loader=yaml.CSafeLoader), args.runs)
    editor.editor.document().setModified(False)
    editor.drop_draft()

    lines = text.count("\n")
    steps = len(check_practice(text, "bench.yaml").outline)
    print(f"{lines} lines, {steps} steps, 3 lengths; median / p95 of {args.runs} runs\n")
    rows = [
        ("baseline", baseline),
        ("key", key),
        ("check ok", check_ok),
        ("check bad", check_bad),
        ("core", core),
        ("yaml", plain),
    ]
    for name, (median, p95) in rows:
        print(
            f"{name:<10} {median:8.2f} ms  p95 {p95:8.2f} ms  ×{median / baseline[0]:7.1f} baseline"
        )
    worst = key[1] + check_ok[1]
    print(f"\nkey + check (p95): {worst:.1f} ms; target under 50 ms")


if __name__ == "__main__":
    main()
