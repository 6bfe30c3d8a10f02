"""What the Journal's list shows for a search and filters, read from the journal.

Without a search, `PAGE_SIZE` entries are read at a time (with their answers, in a few
milliseconds), and the next page when the list is scrolled to its end. A search gives
the journal's newest `SEARCH_LIMIT` matches that pass the filters (the journal's own
query applies them), with the snippets that show where the words were found.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from desktop_app.core.filters import EntryFilters
from desktop_app.storage.journal import Journal, JournalError, SessionEntry
from desktop_app.ui.journal_rows import EntryDescriber, EntryRow
from desktop_app.ui.journal_text import written_line

#: Entries read at a time; the next page is read when the list is scrolled to its end.
PAGE_SIZE: Final = 200
#: At most this many search results (the journal's best matches).
SEARCH_LIMIT: Final = 200

#: The next page: its rows, and whether it was the last.
Pager = Callable[[], tuple[list[EntryRow], bool]]


class EntryReader:
    """Reads rows for the list, and remembers what that told: `total` entries in the
    journal, `shown` of them passing the filters (None without filters), the search's
    `snippets` by entry uid, and whether it gave as many results as it may
    (`search_full`)."""

    def __init__(self, journal: Journal, describer: EntryDescriber) -> None:
        self.journal = journal
        self.describer = describer
        self.total = 0
        self.shown: int | None = None
        self.snippets: dict[str, tuple[str, ...]] = {}
        self.search_full = False

    def read(
        self,
        filters: EntryFilters,
        search: str,
        listed: Callable[[], list[EntryRow]],
        failed: Callable[[JournalError], None],
    ) -> tuple[list[EntryRow], Pager | None]:
        """The first rows, and how to read the next page after the rows `listed`
        (None when there is none; a page that cannot be read goes to `failed`)."""
        self.total = self.journal.count()
        if search:
            return self._found(filters, search), None
        self.snippets = {}
        shown = self.journal.count(**filters.query()) if filters.active else None
        first, finished = self._page(filters, [])
        self.shown = shown
        return first, None if finished else self._pager(filters, listed, failed)

    def text_for(self, entry: SessionEntry) -> str:
        """The line under a row's facts: where the search found it, or what was written."""
        snippets = self.snippets.get(entry.uid)
        if snippets:
            return " ".join(snippets[0].split())
        return written_line(entry)

    def _page(self, filters: EntryFilters, before: list[EntryRow]) -> tuple[list[EntryRow], bool]:
        entries = self.journal.entries(**filters.query(), limit=PAGE_SIZE, offset=len(before))
        previous = before[-1].day if before else None
        rows = self.describer.rows(entries, previous, self.text_for)
        return rows, len(entries) < PAGE_SIZE

    def _pager(
        self,
        filters: EntryFilters,
        listed: Callable[[], list[EntryRow]],
        failed: Callable[[JournalError], None],
    ) -> Pager:
        def more() -> tuple[list[EntryRow], bool]:
            try:
                return self._page(filters, listed())
            except JournalError as error:
                failed(error)
                return [], True

        return more

    def _found(self, filters: EntryFilters, search: str) -> list[EntryRow]:
        """The newest `SEARCH_LIMIT` matches, the filters applied by the journal."""
        hits = self.journal.search(search, limit=SEARCH_LIMIT, **filters.query())
        self.search_full = len(hits) >= SEARCH_LIMIT
        self.snippets = {hit.entry.uid: hit.snippets for hit in hits}
        return self.describer.rows([hit.entry for hit in hits], None, self.text_for)
