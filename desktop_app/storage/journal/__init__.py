"""The journal: every practice session and the answers given, in one SQLite file.

The journal is the most personal data Attune holds. It must never be lost, never
leave the machine, and stay private. Each module has one part of that job:

- `journal_file`: `Journal`, the file open, durable and private; `open_to_read`.
- `records`: what it holds and gives back (`NewSession`, `SessionEntry`, ...).
- `errors`: `JournalError`, its kinds, and how sqlite3 and OS errors are told apart.
- `files`: the database and its side files, private whatever the umask.
- `connections`: each SQLite connection, set up the same way (through sqlcipher3,
  keyed when the journal is locked).
- `schema`: the tables, migrations, and the checks that refuse a newer or damaged file.
- `rows`: entries as table rows and back, times as UTC text.
- `search_index`: the FTS5 index, kept in step and made again when damaged.
- `search`: finding entries by their words, with snippets.
- `figures`: what the entries add up to (the Insights figures, scale changes).
- `drafts`: what is being typed, kept until it is saved.
- `backup`: a consistent private copy of an open journal (`write_backup`).
"""

from desktop_app.storage.journal.backup import write_backup
from desktop_app.storage.journal.connections import BUSY_TIMEOUT
from desktop_app.storage.journal.errors import JournalError, classify
from desktop_app.storage.journal.figures import scale_changes
from desktop_app.storage.journal.files import SIDE_SUFFIXES
from desktop_app.storage.journal.journal_file import Journal, open_to_read
from desktop_app.storage.journal.records import (
    NewSession,
    ScaleChange,
    SessionEntry,
    StoredAnswer,
)
from desktop_app.storage.journal.search import fts_query

__all__ = [
    "BUSY_TIMEOUT",
    "SIDE_SUFFIXES",
    "Journal",
    "JournalError",
    "NewSession",
    "ScaleChange",
    "SessionEntry",
    "StoredAnswer",
    "classify",
    "fts_query",
    "open_to_read",
    "scale_changes",
    "write_backup",
]
