"""`attune export -o FILE`: journal entries as Markdown, CSV, JSON or PDF; with
`--protect`, inside a passphrase-protected .zip (`storage.protected_archive`).

Also the output checks and the atomic replacement that `attune backup` shares.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path

from desktop_app.cli.common import INVALID, OK, UsageError, check_output_file, visible
from desktop_app.cli.passphrase import NotUnlocked, SecretNotGiven, journal_key, read_new_passphrase
from desktop_app.storage.journal import JournalError, SessionEntry, open_to_read
from desktop_app.storage.journal_export import to_csv, to_document, to_json, to_markdown
from desktop_app.storage.lock.errors import LockError
from desktop_app.storage.logs import log_journal_error
from desktop_app.storage.paths import default_paths
from desktop_app.storage.private_files import replacing

FORMATS = ("md", "csv", "json", "pdf")
_SUFFIXES = {".md": "md", ".markdown": "md", ".csv": "csv", ".json": "json", ".pdf": "pdf"}


def run(args: argparse.Namespace) -> int:
    paths = default_paths()
    journal_path = paths.journal
    check_output(args.output, journal_path)
    protect: bool = args.protect
    inside = _name_inside(args.output) if protect else args.output
    kind = _format(args.format, inside)
    since = parse_date("--from", args.since)
    until = parse_date("--to", args.until)
    if since and until and since > until:
        raise UsageError(f"--from {since} is after --to {until}")
    if not journal_path.exists():
        print("attune: there is no journal yet, so there is nothing to export", file=sys.stderr)
        return INVALID
    try:
        key = journal_key(paths)
        journal = open_to_read(journal_path, key)  # read-only when it cannot be written
        try:
            entries = journal.entries(practice_id=args.practice, since=since, until=until)
        finally:
            journal.close()
    except NotUnlocked as error:
        print(visible(f"attune: {error} Nothing was written."), file=sys.stderr)
        return INVALID
    except JournalError as error:
        log_journal_error(error)
        print(visible(f"attune: {error}"), file=sys.stderr)
        return INVALID
    if not entries:
        print(f"attune: {_nothing_found(args, since, until)}; nothing was written", file=sys.stderr)
        return INVALID
    if kind == "pdf":
        data = _pdf(entries)
    else:
        writer = {"md": to_markdown, "csv": to_csv, "json": to_json}[kind]
        # The byte order mark tells spreadsheet programs that the CSV is UTF-8.
        data = writer(entries).encode("utf-8-sig" if kind == "csv" else "utf-8")
    if protect:
        try:
            data = _protected(inside, kind, data)
        except (SecretNotGiven, LockError) as error:
            print(visible(f"attune: {error} Nothing was written."), file=sys.stderr)
            return INVALID
    try:
        with replacing(args.output) as temporary:
            temporary.write_bytes(data)
    except OSError as error:
        print(
            visible(f"attune: cannot write {args.output}: {error.strerror or error}"),
            file=sys.stderr,
        )
        return INVALID
    count = len(entries)
    print(visible(f"{count} {'entry' if count == 1 else 'entries'} written to {args.output}"))
    if key is not None and not protect:
        print(
            visible(f"attune: {args.output} is not encrypted: anyone who can open it can read it"),
            file=sys.stderr,
        )
    return OK


def _pdf(entries: list[SessionEntry]) -> bytes:
    # Qt is loaded only for a PDF: the other formats need none of it.
    from desktop_app.cli.qt_application import qt_application
    from desktop_app.ui.pdf import render_pdf

    qt_application()
    return render_pdf(to_document(entries))


def _name_inside(output: Path) -> Path:
    """The name of the file inside a protected archive: the output's without ".zip"
    (notes.md.zip holds notes.md; notes.zip holds notes, its format's ending added)."""
    return output.with_suffix("") if output.suffix.lower() == ".zip" else output


def _protected(inside: Path, kind: str, data: bytes) -> bytes:
    """`data` in a passphrase-protected .zip, under a new passphrase typed twice."""
    from desktop_app.storage.lock.passphrase import check_new_passphrase
    from desktop_app.storage.protected_archive import protected_zip

    passphrase = read_new_passphrase()
    check_new_passphrase(passphrase)
    name = inside.name if _SUFFIXES.get(inside.suffix.lower()) == kind else f"{inside.name}.{kind}"
    return protected_zip(name, data, passphrase, datetime.now())


def _format(chosen: str | None, output: Path) -> str:
    if chosen:
        return chosen
    kind = _SUFFIXES.get(output.suffix.lower())
    if kind is None:
        raise UsageError(
            f"-o {output}: cannot tell the format from the name; add --format "
            f"{'|'.join(FORMATS)}, or end the name in .md, .csv, .json or .pdf"
        )
    return kind


def parse_date(option: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f'{option}: expected a date like 2025-03-01, got "{value}"') from None


def _nothing_found(args: argparse.Namespace, since: date | None, until: date | None) -> str:
    what = "no journal entries"
    if args.practice:
        what += f' for "{args.practice}"'
    if since and until:
        what += f" from {since} to {until}"
    elif since:
        what += f" from {since} on"
    elif until:
        what += f" up to {until}"
    return what


def check_output(output: Path, journal_path: Path) -> None:
    """Refuse an output that cannot be written, or that is the journal itself."""
    check_output_file(output)
    journal_files = {
        journal_path.with_name(journal_path.name + suffix).resolve()
        for suffix in ("", "-wal", "-shm", "-journal")
    }
    if output.resolve() in journal_files:
        raise UsageError(f"-o {output}: this is the journal itself; choose another file")
