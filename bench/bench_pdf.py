"""PDF export of 1,000 journal entries, made off the GUI thread as the dialogs make it.

Run: .venv/bin/python bench/bench_pdf.py [--entries 1000] [--runs 5] [--keep FILE.pdf]
(offscreen by default)

The entries are bench_journal.py's (3–6 answers each, one to four sentences of text),
written to a real journal and read back, with one entry in ten in other scripts
(Cyrillic, CJK, Arabic, emoji, Dutch). Each figure is the median of `runs` timings
in one process:

  pdf, worker   to_document + ui.pdf.render_pdf on a worker thread (a QThreadPool
                task, as BackgroundRunner runs it): what "Save" costs
  pdf, main     the same on the main thread, for comparison
  markdown      to_markdown of the same entries (baseline: the document without pages)
  bare print    the Markdown set as plain text in a QTextDocument and printed to a
                QPdfWriter with QTextDocument.print_ (baseline: Qt's own least PDF)

Target (issue 16): under 3 s for 1,000 entries, off the GUI thread.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["ATTUNE_HOME"] = tempfile.mkdtemp(prefix="attune-bench-")

from bench_journal import make_session  # noqa: E402
from PySide6.QtCore import QBuffer, QIODevice, QRunnable, QThreadPool  # noqa: E402
from PySide6.QtGui import QPdfWriter, QTextDocument  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_app.storage.journal import Journal, NewSession, SessionEntry  # noqa: E402
from desktop_app.storage.journal_export import to_document, to_markdown  # noqa: E402
from desktop_app.ui.pdf import render_pdf  # noqa: E402

WORLD = (
    "Спокойно, дыхание ровное.",
    "平静下来，慢慢呼吸。",
    "أشعر بالهدوء الآن",
    "Rustig 😊 en warm 🌿",
    "Één ĳsje in de zon, geëerd en tevreden.",
)


def entries_of(count: int, folder: Path) -> list[SessionEntry]:
    rng = random.Random(16)
    sessions: list[NewSession] = []
    for number in range(count):
        session = make_session(rng, number)
        if number % 10 == 0:  # one in ten written in another script
            text = WORLD[number // 10 % len(WORLD)]
            answers = tuple(
                replace(a, value=text, display=text) if a.kind == "text" else a
                for a in session.answers
            )
            session = replace(session, answers=answers)
        sessions.append(session)
    with Journal.open(folder / "journal.sqlite3") as journal:
        journal.add_many(sessions)
        return journal.entries()


def timings(runs: int, work: Callable[[], object]) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return times


class _Task(QRunnable):
    def __init__(self, work: Callable[[], bytes]) -> None:
        super().__init__()
        self.work = work
        self.result = b""

    def run(self) -> None:
        self.result = self.work()


def on_worker(work: Callable[[], bytes]) -> bytes:
    pool = QThreadPool()
    task = _Task(work)
    task.setAutoDelete(False)
    pool.start(task)
    pool.waitForDone()
    return task.result


def bare_print(markdown: str) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    text = QTextDocument()
    text.setPlainText(markdown)
    text.print_(writer)
    return bytes(buffer.data().data())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, default=None, help="write one PDF here")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="attune-bench-") as folder:
        entries = entries_of(args.entries, Path(folder))
    markdown = to_markdown(entries)

    def pdf() -> bytes:
        return render_pdf(to_document(entries))

    data = on_worker(pdf)
    if args.keep:
        args.keep.write_bytes(data)
    worker = statistics.median(timings(args.runs, lambda: on_worker(pdf)))
    main_thread = statistics.median(timings(args.runs, pdf))
    markdown_time = statistics.median(timings(args.runs, lambda: to_markdown(entries)))
    bare = statistics.median(timings(args.runs, lambda: bare_print(markdown)))
    print(f"{len(entries):,} entries; the PDF is {len(data) / 1e6:.1f} MB")
    print(f"pdf, worker thread: {worker * 1000:8.0f} ms  (target < 3000 ms: "
          f"{'OK' if worker < 3 else 'MISSED'})")  # fmt: skip
    print(f"pdf, main thread:   {main_thread * 1000:8.0f} ms")
    print(f"markdown:           {markdown_time * 1000:8.0f} ms  "
          f"-> pdf is {worker / markdown_time:.0f}x")  # fmt: skip
    print(f"bare print:         {bare * 1000:8.0f} ms  -> pdf is {worker / bare:.1f}x")
    del app


if __name__ == "__main__":
    main()
