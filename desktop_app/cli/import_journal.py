"""`attune import-journal FILE.json`: entries from an export, added to the journal.

Entries keep their uid, so importing the same file twice adds nothing the second
time. The whole file is checked before anything is added, and the new entries are
added in one transaction: all of them, or none.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.cli.common import INVALID, OK, visible
from desktop_app.cli.passphrase import NotUnlocked, journal_key
from desktop_app.core.files import open_regular
from desktop_app.storage.journal import Journal, JournalError
from desktop_app.storage.journal_export import MAX_IMPORT_BYTES, JournalImportError, read_json
from desktop_app.storage.logs import log_journal_error
from desktop_app.storage.paths import default_paths


def run(args: argparse.Namespace) -> int:
    path: Path = args.file
    try:
        text = _read(path)
        sessions = read_json(text)
    except _Unreadable as error:
        print(visible(f"attune: {path}: {error}"), file=sys.stderr)
        return INVALID
    except JournalImportError as error:
        for problem in error.problems[:20]:
            print(visible(f"{path}: {problem}"), file=sys.stderr)
        if len(error.problems) > 20:
            print(
                visible(f"{path}: … and {len(error.problems) - 20} more problems"), file=sys.stderr
            )
        print("Nothing was imported.", file=sys.stderr)
        return INVALID
    paths = default_paths()
    try:
        journal = Journal.open(paths.journal, journal_key(paths))
        try:
            known: set[str | None] = {entry.uid for entry in journal.entries()}
            new = []
            for session in sessions:
                if session.uid not in known:
                    new.append(session)
                    known.add(session.uid)
            journal.add_many(new)  # one transaction: all of them, or none
        finally:
            journal.close()
    except NotUnlocked as error:
        print(visible(f"attune: {error}"), file=sys.stderr)
        print("Nothing was imported.", file=sys.stderr)
        return INVALID
    except JournalError as error:
        log_journal_error(error)
        print(visible(f"attune: {error}"), file=sys.stderr)
        print("Nothing was imported.", file=sys.stderr)
        return INVALID
    print(f"{_entries(len(new))} added, {len(sessions) - len(new)} already there")
    return OK


def _entries(count: int) -> str:
    return f"{count} {'entry' if count == 1 else 'entries'}"


class _Unreadable(Exception):
    pass


def _read(path: Path) -> str:
    try:
        if path.is_dir():
            raise _Unreadable("this is a folder, not a file")
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise _Unreadable(
                f"this file is larger than a journal export can be "
                f"({MAX_IMPORT_BYTES // (1024 * 1024)} MB)"
            )
        with open_regular(path) as handle:
            raw = handle.read(MAX_IMPORT_BYTES + 1)
    except FileNotFoundError:
        raise _Unreadable("file not found") from None
    except PermissionError:
        raise _Unreadable("permission denied: cannot read this file") from None
    except OSError as error:
        raise _Unreadable(f"cannot read this file: {error.strerror or error}") from None
    if len(raw) > MAX_IMPORT_BYTES:
        raise _Unreadable("this file is larger than a journal export can be")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _Unreadable("this is not a journal export: it is not UTF-8 text") from None
