"""What Today offers without an active plan: the practices done most recently and some
short ones (no Qt here; `TodayView` shows them as cards). Chosen and shown from the
practices' summaries: Today reads no practice file until one is started."""

from __future__ import annotations

from typing import Final

from desktop_app.core.library import Library, PracticeEntry
from desktop_app.storage.journal import Journal, JournalError

#: How many practices each offer shows.
OFFERS: Final = 3
#: A short practice: a length of at most 5 minutes, or a fixed time under 6.
SHORT_LENGTH: Final = 300.0
SHORT_FIXED: Final = 360.0
#: How many journal entries are looked through for recent practices.
_RECENT_LOOKBACK: Final = 200

#: A practice to offer (its summary is all a card shows), with the length its Start
#: button starts (None: its default).
Offer = tuple[PracticeEntry, float | None]


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
        practice = library.practices.get(entry.practice_id)
        if practice is None:
            continue
        length = entry.length if entry.length in practice.summary.lengths else None
        found.append((practice, length))
        if len(found) == OFFERS:
            break
    return found


def short_practices(library: Library, language: str) -> list[Offer]:
    """Practices with a length of at most 5 minutes (that length is offered), or
    without lengths and a fixed time under 6 minutes, by title in `language`."""
    found: list[Offer] = []
    for practice_id in sorted(library.practices):
        practice = library.practices[practice_id]
        summary = practice.summary
        if summary.lengths:
            fitting = [x for x in summary.lengths if x <= SHORT_LENGTH]
            if fitting:
                found.append((practice, min(fitting)))
        elif summary.fixed is not None and summary.fixed < SHORT_FIXED:
            found.append((practice, None))
    found.sort(key=lambda pair: pair[0].summary.title.get(language).casefold())
    return found[: OFFERS * 2]
