"""`attune backup -o FILE`: a copy of the whole journal, safe to make while the app runs.

`Journal.backup_to` copies a consistent snapshot with SQLite's backup API even while
the app is writing, and checks the copy (`PRAGMA quick_check`) before keeping it. A
locked journal's copy is encrypted as the journal is.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.cli.common import INVALID, OK, visible
from desktop_app.cli.export import check_output
from desktop_app.cli.passphrase import NotUnlocked, journal_key
from desktop_app.storage.journal import JournalError, open_to_read
from desktop_app.storage.journal_files import JournalFiles
from desktop_app.storage.logs import log_journal_error
from desktop_app.storage.paths import default_paths
from desktop_app.storage.private_files import replacing


def run(args: argparse.Namespace) -> int:
    output: Path = args.output
    paths = default_paths()
    journal_path = paths.journal
    check_output(output, journal_path)
    if not journal_path.exists():
        print("attune: there is no journal yet, so there is nothing to back up", file=sys.stderr)
        return INVALID
    try:
        key = journal_key(paths)
        journal = open_to_read(journal_path, key)  # read-only when it cannot be written
        try:
            count = journal.count()
            with replacing(output) as temporary:
                journal.backup_to(temporary)
        finally:
            journal.close()
    except NotUnlocked as error:
        print(visible(f"attune: {error} {output} was not written."), file=sys.stderr)
        return INVALID
    except JournalError as error:
        log_journal_error(error)
        print(visible(f"attune: {error} {output} was not written."), file=sys.stderr)
        return INVALID
    except OSError as error:
        print(visible(f"attune: cannot write {output}: {error.strerror or error}"), file=sys.stderr)
        return INVALID
    print(
        visible(f"Journal backed up to {output} ({count} {'entry' if count == 1 else 'entries'}).")
    )
    if key is not None:
        # Encrypted like the journal: it opens with the same key file and passphrase.
        print(
            visible(
                f"The copy is locked like your journal: it opens only with your passphrase "
                f"and the key file {JournalFiles.of(paths).key_file.name}, so keep a copy of "
                "that file with it."
            )
        )
    return OK
