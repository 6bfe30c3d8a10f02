"""Finding entries by their words, with the passages that matched.

User text never reaches FTS5 as syntax: each word becomes a quoted string, and the
last one a prefix (`fts_query`). Hits come newest first, like the journal itself,
and can be narrowed as `Journal.entries` is (practice, kind, dates) in the same
query, so a limit counts only hits that pass. Sorting happens in memory
(`temp_store`), so journal text never spills into temporary files. The index these
queries read is kept by `search_index`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from desktop_app.storage.journal.errors import JournalError
from desktop_app.storage.journal.records import SearchHit
from desktop_app.storage.journal.rows import chunks, sessions_by_id
from desktop_app.storage.lock import sqlcipher

if TYPE_CHECKING:
    import sqlite3

#: Highlight markers in search snippets.
MARK_OPEN: Final = "[["
MARK_CLOSE: Final = "]]"
#: Words of context around a match in a snippet.
SNIPPET_TOKENS: Final = 12
#: How search splits text into words: letters and digits, case and accents ignored.
#: As in the journal's own index (migration 1; a migration must change both).
TOKENIZE: Final = "tokenize = 'unicode61 remove_diacritics 2'"

# Private markers used inside SQLite; turned into [[ ]] once we know a column matched.
_OPEN: Final = "\x02"
_CLOSE: Final = "\x03"
#: Takes our private markers out of text to be indexed, so every marker is ours.
STRIP_MARKERS: Final = str.maketrans("", "", _OPEN + _CLOSE)

# What SQLite says about a search query it cannot parse (a last line of defence).
_QUERY_ERROR: Final = re.compile(
    r"fts5|syntax error|unterminated string|unknown special query|no such column", re.I
)
_LINE_BREAKS: Final = re.compile(r"\s*\n\s*")


def fts_query(text: str) -> str | None:
    """An FTS5 query finding every word of `text`, the last as a prefix; None when
    `text` has no word. Each word is a quoted string, so nothing in it is syntax.
    Control characters (NUL ends a query inside SQLite) separate words."""
    text = "".join(" " if ch < " " or ch == "\x7f" else ch for ch in text)
    words = [word for word in text.split() if any(ch.isalnum() for ch in word)]
    if not words:
        return None
    quoted = ['"' + word.replace('"', '""') + '"' for word in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def find_hits(
    conn: sqlite3.Connection,
    snippets: Snippets,
    query: str,
    filters: tuple[list[str], list[Any]],
    limit: int,
) -> list[SearchHit]:
    """The newest `limit` sessions matching the FTS5 `query` and every condition of
    `filters` (on the sessions table: `rows.session_filters`), with their snippets.
    A query SQLite cannot parse finds nothing."""
    clauses, params = filters
    # The filters' columns are the sessions table's alone: none needs its table named.
    conditions = " AND ".join(["search MATCH ?", *clauses])
    try:
        # CROSS JOIN: the index is read first. Given a practice or a kind, SQLite would
        # rather walk that one's sessions and ask the index about each in turn: 20 to
        # 130 ms instead of 0.1 to 2 among 10,000 entries.
        ids = [
            row[0]
            for row in conn.execute(
                "SELECT s.id FROM search CROSS JOIN sessions AS s ON s.id = search.rowid "
                f"WHERE {conditions} ORDER BY s.started_at DESC, s.id DESC LIMIT ?",
                [query, *params, limit],
            )
        ]
        documents = []
        for chunk in chunks(ids):
            marks = ", ".join("?" * len(chunk))
            documents += conn.execute(
                f"SELECT rowid, title, prompts, answers FROM search WHERE rowid IN ({marks})",
                chunk,
            ).fetchall()
        passages = snippets.of(query, documents)
    except sqlcipher.OPERATIONAL_ERRORS as error:
        if _QUERY_ERROR.search(str(error)):  # a query we failed to make safe
            return []
        raise
    by_id = sessions_by_id(conn, ids)
    return [SearchHit(by_id[i], passages.get(i, ())) for i in ids if i in by_id]


class Snippets:
    """The matched passages of search hits, by FTS5's own `snippet()`, run over a
    copy of just the hits' documents in a private in-memory table: asked of the
    journal's index, every snippet would read the whole list of a common word again
    (47 ms instead of 8 ms for 200 hits of "calm" among 10,000 entries). The copy is
    made by the journal's own SQLite (sqlcipher3's), so its words are split exactly as
    the index splits them; it never leaves memory."""

    def __init__(self) -> None:
        self._scratch: sqlite3.Connection | None = None

    def of(
        self, query: str, documents: list[tuple[int, str, str, str]]
    ) -> dict[int, tuple[str, ...]]:
        """The passages of each document (rowid, title, prompts, answers) that match."""
        if self._scratch is None:
            self._scratch = sqlcipher.connect(":memory:")
            self._scratch.execute(
                f"CREATE VIRTUAL TABLE hits USING fts5 (title, prompts, answers, {TOKENIZE})"
            )
        scratch = self._scratch
        columns = ", ".join(
            f"snippet(hits, {column}, '{_OPEN}', '{_CLOSE}', '…', {SNIPPET_TOKENS})"
            for column in (2, 1, 0)  # answers, prompts, title: most telling first
        )
        scratch.execute("BEGIN")
        try:
            scratch.executemany(
                "INSERT INTO hits (rowid, title, prompts, answers) VALUES (?, ?, ?, ?)", documents
            )
            return {
                row[0]: tuple(_marked(p) for p in row[1:] if p and _OPEN in p)
                for row in scratch.execute(
                    f"SELECT rowid, {columns} FROM hits WHERE hits MATCH ?", (query,)
                )
            }
        finally:
            scratch.execute("ROLLBACK")  # the copies go: the table is empty again

    def close(self) -> None:
        if self._scratch is not None:
            self._scratch.close()
            self._scratch = None


def _marked(passage: str) -> str:
    """A snippet as shown: our markers as [[ ]], answers on one line, split by " · "."""
    passage = _LINE_BREAKS.sub(" · ", passage.strip())
    return passage.replace(_OPEN, MARK_OPEN).replace(_CLOSE, MARK_CLOSE)


_FTS5_AVAILABLE: bool | None = None


def require_fts5() -> None:
    """Raise JournalError when the journal's SQLite (sqlcipher3's) has no full-text
    search."""
    global _FTS5_AVAILABLE
    if _FTS5_AVAILABLE is None:
        probe = sqlcipher.connect(":memory:")
        try:
            probe.execute("CREATE VIRTUAL TABLE probe USING fts5 (text)")
            _FTS5_AVAILABLE = True
        except sqlcipher.ERRORS:
            _FTS5_AVAILABLE = False
        finally:
            probe.close()
    if not _FTS5_AVAILABLE:
        raise JournalError(
            "other",
            "Your journal could not be opened: this Attune's SQLite "
            f"({sqlcipher.SQLITE_VERSION}) has no full-text search (FTS5), which Attune needs.",
        )
