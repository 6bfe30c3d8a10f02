"""What Today offers without an active plan: the practices done most recently and some
short ones (no Qt here; `TodayView` shows them as cards)."""

from __future__ import annotations

from typing import Final

from desktop_app.core.library import Library
from desktop_app.core.model import Practice
from desktop_app.core.summaries import fixed_time
from desktop_app.storage.journal import Journal, JournalError

#: How many practices each offer shows.
OFFERS: Final = 3
#: A short practice: a length of at most 5 minutes, or a fixed time under 6.
SHORT_LENGTH: Final = 300.0
SHORT_FIXED: Final = 360.0
#: How many journal entries are looked through for recent practices.
_RECENT_LOOKBACK: Final = 200

#: A practice to offer, with the length its Start button starts (None: its default).
Offer = tuple[Practice, float | None]


__all__ = ["OFFERS", "Offer", "fixed_time", "recent_practices", "short_practices"]


def recent_practices(journal: Journal | None, library: Library) -> list[Offer]:
    """Up to three practices from the journal, most recent first, each once, that
    the library has; with the length last chosen when the practice still offers it."""
    if journal is None:
        return []
    try:
        entries = journal.entries(limit=_RECENT_LOOKBACK)
    except JournalError:
        return []
    found: list[Offer] = []
    seen: set[str] = set()
    for entry in entries:
        if entry.practice_id in seen:
            continue
        seen.add(entry.practice_id)
        practice = library.practice(entry.practice_id)
        if practice is None:
            continue
        length = entry.length if entry.length in practice.lengths else None
        found.append((practice, length))
        if len(found) == OFFERS:
            break
    return found


def short_practices(library: Library, language: str) -> list[Offer]:
    """Practices with a length of at most 5 minutes (that length is offered), or
    without lengths and a fixed time under 6 minutes, by title in `language`. Chosen
    by their summaries: only the ones offered are read in full."""
    short: list[tuple[str, str, float | None]] = []
    for practice_id in sorted(library.practices):
        summary = library.practices[practice_id].summary
        title = summary.title.get(language).casefold()
        if summary.lengths:
            fitting = [x for x in summary.lengths if x <= SHORT_LENGTH]
            if fitting:
                short.append((title, practice_id, min(fitting)))
        elif summary.fixed is not None and summary.fixed < SHORT_FIXED:
            short.append((title, practice_id, None))
    short.sort(key=lambda found: found[0])
    found: list[Offer] = []
    for _, practice_id, length in short:
        practice = library.practice(practice_id)
        if practice is not None:
            found.append((practice, length))
        if len(found) == OFFERS * 2:
            break
    return found
