"""How fast the journal view is ready with years of entries.

Run: .venv/bin/python bench/bench_journal_view.py [--count 10000] [--runs 15]
(offscreen by default; QT_QPA_PLATFORM=xcb under xvfb-run for a real X server)

"Ready" is constructed + shown + first paint of the list: the time from calling the
constructor until the list's viewport has painted once. The journal is a real SQLite
file with `count` entries (each with scales before and after and a written answer),
opened afresh for every run, so nothing is cached in Python between runs (SQLite's
pages may be in the OS cache, as on a normal start).

  baseline    a bare QListWidget filled with 200 strings, shown, first paint
  view        JournalView: the first page (200 entries) read, described and painted
  search      typing a word: the time from the search to the list painted again
  scroll      reading and showing the next page at the end of the list

Target (issue): ready under 300 ms with 10,000 entries.
"""

from __future__ import annotations

import gc
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from paint import Kept, PaintSpy, list_baseline, start_view_bench, until_painted  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop_app.storage.journal import Journal, NewSession, StoredAnswer  # noqa: E402
from desktop_app.ui.journal_entries import JournalView  # noqa: E402
from desktop_app.ui.journal_reading import PAGE_SIZE  # noqa: E402

PRACTICES = (
    ("longer-out-breath", "Longer out-breath", "breathing"),
    ("self-compassion-pause", "Self-compassion pause", "self-compassion"),
    ("focusing-check-in", "Focusing check-in", "focusing"),
    ("feet-on-the-floor", "Feet on the floor", "grounding"),
    ("body-scan", "Body scan", "body-awareness"),
)
# fmt: off
WORDS = (
    "calm", "shoulders", "breath", "tired", "warm", "chest", "jaw", "quiet", "lake",
    "window", "evening", "morning", "slow", "thoughts", "kind", "words", "noticed",
    "heavy", "light", "tense", "softer", "room", "listening",
)
# fmt: on


def make_journal(path: Path, count: int) -> None:
    rng = random.Random(7)
    now = datetime.now().astimezone().replace(second=0, microsecond=0)
    sessions = []
    for n in range(count):
        practice_id, title, kind = PRACTICES[rng.randrange(len(PRACTICES))]
        started = now - timedelta(hours=n * 7 + rng.randrange(5))
        minutes = rng.choice((5, 10, 15, 20))
        note = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(6, 30)))
        answers = (
            StoredAnswer("settled", "before", "scale", "How settled?", 4, "4 of 10", 0, 10),
            StoredAnswer("settled", "after", "scale", "How settled?", 7, "7 of 10", 0, 10),
            StoredAnswer("noticed", "after", "text", "What did you notice?", note, note),
        )
        sessions.append(
            NewSession(
                practice_id=practice_id,
                practice_title=title,
                practice_kind=kind,
                practice_version=1,
                source="built-in",
                language="en",
                started_at=started,
                ended_at=started + timedelta(minutes=minutes),
                length=minutes * 60.0,
                practised=minutes * 60.0,
                completed=rng.random() > 0.1,
                stopped_at_step=None,
                pauses=0,
                grounding_pauses=0,
                answers=answers,
            )
        )
    with Journal.open(path) as journal:
        journal.add_many(sessions)


def baseline(app: QApplication) -> tuple[float, QWidget]:
    strings = [
        f"Tuesday 24 November 08:{n % 60:02d} Longer out-breath\n10 minutes · settled 4 → 7"
        for n in range(PAGE_SIZE)
    ]
    return list_baseline(app, strings, (1100, 740))


def view(app: QApplication, journal: Journal) -> tuple[float, JournalView]:
    spy = PaintSpy()
    start = time.perf_counter()
    widget = JournalView(journal)
    widget.resize(1100, 740)
    widget.show()
    until_painted(app, widget.entry_list.viewport(), spy)
    return time.perf_counter() - start, widget


def repaint_after(app: QApplication, widget: JournalView, action: Callable[[], None]) -> float:
    spy = PaintSpy()
    widget.entry_list.viewport().installEventFilter(spy)
    start = time.perf_counter()
    action()
    until_painted(app, widget.entry_list.viewport(), spy)
    return time.perf_counter() - start


def main() -> None:
    args, app = start_view_bench(__doc__, 10_000)
    work_dir = Path(tempfile.mkdtemp(prefix="attune-bench-journal-"))
    path = work_dir / "journal.sqlite3"
    made = time.perf_counter()
    make_journal(path, args.count)
    made = time.perf_counter() - made

    kept = Kept(app)

    def run_baseline() -> float:
        seconds, widget = baseline(app)
        kept.append(widget)
        kept.close_all()
        return seconds

    def run_view() -> tuple[float, float, float]:
        journal = Journal.open(path)
        try:
            ready, widget = view(app, journal)
            kept.append(widget)

            def search() -> None:
                widget.search_field.setText("shoulders")
                widget.search_timer.stop()
                widget._search_now()

            searched = repaint_after(app, widget, search)

            def clear() -> None:
                widget.clear_filters()

            repaint_after(app, widget, clear)

            def scroll() -> None:
                bar = widget.entry_list.verticalScrollBar()
                bar.setValue(bar.maximum())

            scrolled = repaint_after(app, widget, scroll)
            assert widget.model.rowCount() == 2 * PAGE_SIZE, widget.model.rowCount()
            kept.close_all()
        finally:
            journal.close()
        return ready, searched, scrolled

    # The first of each warms fonts, style sheets and imports; report it apart.
    first_base = run_baseline()
    first_view = run_view()[0]
    base, ready, searched, scrolled = [], [], [], []
    for _ in range(args.runs):
        gc.collect()
        base.append(run_baseline())
        gc.collect()
        r, s, sc = run_view()
        ready.append(r)
        searched.append(s)
        scrolled.append(sc)

    def ms(values: list[float]) -> str:
        return (
            f"median {statistics.median(values) * 1000:6.1f} ms   min {min(values) * 1000:6.1f} ms"
        )

    platform = app.platformName()
    python = sys.version.split()[0]
    print(
        f"{args.count} entries ({path.stat().st_size / 1e6:.1f} MB, made in {made:.1f} s), "
        f"{args.runs} runs, platform {platform}, Python {python}"
    )
    print(f"first run     baseline {first_base * 1000:.1f} ms, view {first_view * 1000:.1f} ms")
    print(f"baseline      {ms(base)}   (QListWidget, {PAGE_SIZE} strings)")
    ratio = statistics.median(ready) / statistics.median(base)
    print(f"view ready    {ms(ready)}   ratio {ratio:.2f}   (target < 300 ms)")
    print(f"search        {ms(searched)}   (a word, to the list painted again)")
    print(f"next page     {ms(scrolled)}   (scrolled to the end, {PAGE_SIZE} more painted)")


if __name__ == "__main__":
    main()
