"""`attune report --plan ID -o FILE`: how an imported plan went, as Markdown or PDF.

Planned against done per item and per week, and the before → after changes of scales,
from the completed sessions in the journal. Written answers only with
--include-reflections. The file is written like an export: privately (0600), in one step.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.app import open_library
from desktop_app.cli.common import INVALID, OK, UsageError, attune_language, visible
from desktop_app.cli.export import check_output, parse_date
from desktop_app.cli.passphrase import NotUnlocked, journal_key
from desktop_app.cli.qt_application import qt_application
from desktop_app.core.schedule import starts_on
from desktop_app.storage.journal import Journal, JournalError, SessionEntry
from desktop_app.storage.logs import log_journal_error
from desktop_app.storage.paths import default_paths
from desktop_app.storage.plans import PlanStore
from desktop_app.storage.private_files import replacing
from desktop_app.storage.report import build_report, report_range, to_document, to_markdown
from desktop_app.ui.pdf import render_pdf

if TYPE_CHECKING:
    from desktop_app.storage.lock.data_key import DataKey

_SUFFIXES = {".md": "md", ".markdown": "md", ".pdf": "pdf"}


def run(args: argparse.Namespace) -> int:
    paths = default_paths()
    check_output(args.output, paths.journal)
    kind = _format(args.output)
    since = parse_date("--from", args.since)
    until = parse_date("--to", args.until)
    if since and until and since > until:
        raise UsageError(f"--from {since} is after --to {until}")
    store = PlanStore(paths.plans)
    stored = store.get(args.plan)
    if stored is None:
        known = [p.plan.id for p in store.plans(include_archived=True)]
        listing = ", ".join(known) if known else "none (import one first)"
        raise UsageError(f'--plan: there is no imported plan "{args.plan}"; known plans: {listing}')
    first, last = report_range(stored.plan, stored.imported_on, since, until, date.today())
    if first > last:
        plan = stored.plan
        runs = f"from {starts_on(plan, stored.imported_on)}"
        runs += f" to {plan.ends}" if plan.ends is not None else " on"
        print(
            visible(
                f'attune: plan "{args.plan}" runs {runs}: no day of it is in the range asked '
                "for; nothing was written"
            ),
            file=sys.stderr,
        )
        return INVALID
    try:
        key = journal_key(paths)
        entries = _entries(paths.journal, first, last, key)
    except NotUnlocked as error:
        print(visible(f"attune: {error} Nothing was written."), file=sys.stderr)
        return INVALID
    except JournalError as error:
        log_journal_error(error)
        print(visible(f"attune: {error}"), file=sys.stderr)
        return INVALID
    language = attune_language()
    library = open_library()
    report = build_report(
        stored.plan,
        stored.imported_on,
        entries,
        first,
        last,
        include_reflections=args.include_reflections,
        language=language,
        library_titles={i: e.summary.title.get(language) for i, e in library.practices.items()},
    )
    if kind == "pdf":
        qt_application()
        data = render_pdf(to_document(report))
    else:
        data = to_markdown(report).encode("utf-8")
    try:
        with replacing(args.output) as temporary:
            temporary.write_bytes(data)
    except OSError as error:
        print(
            visible(f"attune: cannot write {args.output}: {error.strerror or error}"),
            file=sys.stderr,
        )
        return INVALID
    print(
        visible(
            f"Report on {args.plan} from {first} to {last} written to {args.output}: "
            f"{report.done} of {report.planned} planned sessions done"
        )
    )
    if key is not None:
        print(
            visible(f"attune: {args.output} is not encrypted: anyone who can open it can read it"),
            file=sys.stderr,
        )
    return OK


def _entries(
    journal_path: Path, first: date, last: date, key: DataKey | None
) -> list[SessionEntry]:
    """The journal's entries of those days; none when there is no journal yet."""
    if not journal_path.exists():
        return []
    journal = Journal.open(journal_path, key)
    try:
        return journal.entries(since=first, until=last)
    finally:
        journal.close()


def _format(output: Path) -> str:
    kind = _SUFFIXES.get(output.suffix.lower())
    if kind is None:
        raise UsageError(f"-o {output}: end the name in .pdf or .md")
    return kind
