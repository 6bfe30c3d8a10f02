"""The `attune` command: start the app, or check, inspect and render practice files.

Exit status: 0 success, 1 invalid input (problems were printed), 2 usage error.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import desktop_app

if TYPE_CHECKING:  # the window's start does not need the parser
    import argparse

__all__ = ["build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    if not arguments:  # the window: not even the command line's parser is made for it
        _start_logging(None)
        from desktop_app.app import run_app

        return run_app()
    args = build_parser().parse_args(arguments)  # first: `--version` and `--help` are quick
    _start_logging(args.command)
    from desktop_app.cli.common import INVALID, OK, USAGE, UsageError, print_problems, visible_lines
    from desktop_app.core.problems import InvalidFile

    # Each command's module is imported only when it runs: `attune` alone opens the
    # window without loading the sound stack the command line uses.
    run = importlib.import_module(f"desktop_app.cli.{args.command_module}").run
    try:
        result: int = run(args)
    except UsageError as error:
        print(visible_lines(f"attune: {error}"), file=sys.stderr)
        return USAGE
    except InvalidFile as error:  # a practice given to timeline, render or play
        print_problems(error.problems)
        return INVALID
    except BrokenPipeError:
        # The reader (e.g. `head`) went away; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK
    except KeyboardInterrupt:
        return 130
    return result


def _start_logging(command: str | None) -> None:
    """Log to Attune's log file, quietly, and log the traceback of what nothing catches.
    The doctor only looks: it makes nothing, not even a log, and its records go nowhere
    (importing storage.logs sees to that)."""
    import logging

    from desktop_app.storage import uncaught
    from desktop_app.storage.logs import start_logging, this_computer
    from desktop_app.storage.paths import default_paths

    if command == "doctor":
        return
    start_logging(default_paths())
    uncaught.install()
    if command is not None:  # the window says more when it starts (app.run_app)
        logging.getLogger(__name__).info(
            "attune %s, version %s: %s", command, desktop_app.__version__, this_computer()
        )


def build_parser() -> argparse.ArgumentParser:
    import argparse
    from pathlib import Path  # here: `--version` needs no paths

    parser = argparse.ArgumentParser(
        prog="attune",
        description="Attune: calm, offline practice for what you learn in therapy. "
        "Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"attune {desktop_app.__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    checking = commands.add_parser(
        "validate",
        help="check practice, plan and pack files",
        description="Check practice, plan and pack.yaml files; folders are searched "
        "recursively. Prints one line per problem as path:line:col: message.",
    )
    checking.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    checking.set_defaults(command_module="validate")

    schedule = commands.add_parser(
        "timeline",
        help="show when each step of a practice happens",
        description="Compile a practice into its exact schedule.",
    )
    _practice_arguments(schedule)
    schedule.add_argument(
        "--speech",
        action="store_true",
        help="time speech by the real synthesized voice, as `render` will play it",
    )
    schedule.add_argument("--json", action="store_true", help="print JSON instead of a table")
    schedule.set_defaults(command_module="timeline")

    rendering = commands.add_parser(
        "render",
        help="write a practice to a sound file",
        description="Write exactly what a person would hear to a .wav, .flac or .ogg file. "
        "Steps that wait for the person become a short pause.",
    )
    _practice_arguments(rendering)
    rendering.add_argument("--voice", metavar="V", help="the voice to speak with (an id)")
    rendering.add_argument(
        "--rate",
        metavar="R",
        type=float,
        default=1.0,
        help="speak faster or slower: 0.5 to 2.0 times the practice's own pace",
    )
    rendering.add_argument("--no-speech", action="store_true", help="leave the voice out")
    rendering.add_argument(
        "--background",
        metavar="B",
        help="none, pink-noise, brown-noise, rain, or a sound file (default: the practice's)",
    )
    rendering.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        type=Path,
        required=True,
        help="the file to write: .wav, .flac or .ogg",
    )
    rendering.set_defaults(command_module="render")

    playing = commands.add_parser(
        "play",
        help="open the app on a practice",
        description="Open Attune on a practice's Before-you-begin screen.",
    )
    playing.add_argument("practice", metavar="PRACTICE", help="a practice file, or a library id")
    playing.add_argument("--length", metavar="L", help='the length to start with, e.g. "10m"')
    playing.set_defaults(command_module="play")

    library = commands.add_parser(
        "list",
        help="list the practices in the library",
        description="List built-in practices, your own practices and those from packs.",
    )
    library.add_argument("--json", action="store_true", help="print JSON instead of a table")
    library.add_argument(
        "--language",
        metavar="LANG",
        help="titles in this language where a practice has it (default: Attune's language)",
    )
    library.set_defaults(command_module="listing")

    exporting = commands.add_parser(
        "export",
        help="write journal entries to a file: Markdown, CSV, JSON or PDF",
        description="Write journal entries, oldest first, to a file to read, keep or bring "
        "to your therapist. JSON holds everything and can be imported again.",
    )
    exporting.add_argument(
        "--format",
        choices=("md", "csv", "json", "pdf"),
        help="the kind of file (default: from the end of its name)",
    )
    exporting.add_argument(
        "--from", dest="since", metavar="DATE", help="only entries from this day on (2025-03-01)"
    )
    exporting.add_argument(
        "--to", dest="until", metavar="DATE", help="only entries up to and including this day"
    )
    exporting.add_argument("--practice", metavar="ID", help="only entries of this practice")
    exporting.add_argument(
        "-o", "--output", metavar="FILE", type=Path, required=True, help="the file to write"
    )
    exporting.add_argument(
        "--protect",
        action="store_true",
        help="write a .zip that opens only with a passphrase (AES-256; 7-Zip and most archive "
        "tools open it), asked twice like a new one",
    )
    exporting.set_defaults(command_module="export")

    importing = commands.add_parser(
        "import-journal",
        help="add the entries of a JSON journal export to your journal",
        description="Add the entries of a file made by `attune export --format json`. "
        "Entries already in your journal are left as they are, so importing twice is safe.",
    )
    importing.add_argument("file", metavar="FILE", type=Path, help="the .json file")
    importing.set_defaults(command_module="import_journal")

    backing_up = commands.add_parser(
        "backup",
        help="copy the whole journal to a file",
        description="Copy your journal to one SQLite file, checked before it is kept. "
        "Safe while the app is open.",
    )
    backing_up.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        required=True,
        help="the file to write, e.g. journal-backup.sqlite3",
    )
    backing_up.set_defaults(command_module="backup")

    packing = commands.add_parser(
        "pack",
        help="build, export, import, list and remove packs (.attunepack)",
        description="Bundle practices, plans and media into one .attunepack file to hand "
        "over, or install one you were given, all or nothing.",
    )
    actions = packing.add_subparsers(dest="pack_action", metavar="ACTION", required=True)
    building = actions.add_parser("build", help="check a pack folder and write a .attunepack")
    building.add_argument("folder", metavar="FOLDER", type=Path, help="a folder with pack.yaml")
    building.add_argument(
        "-o", "--output", metavar="NAME.attunepack", type=Path, required=True, help="the file"
    )
    installing = actions.add_parser("import", help="install a pack, all or nothing")
    installing.add_argument("file", metavar="FILE", type=Path, help="the .attunepack file")
    installing.add_argument(
        "--replace",
        action="store_true",
        help="replace an installed pack with the same id even when this one is not newer",
    )
    exporting = actions.add_parser(
        "export", help="write practices and plans from the library, with their media, as a pack"
    )
    exporting.add_argument(
        "ids", metavar="ID", nargs="+", help="the id of a practice or plan in the library"
    )
    exporting.add_argument("--title", required=True, help="the pack's title, as people see it")
    exporting.add_argument("--author", required=True, help="who the pack is from")
    exporting.add_argument("--id", dest="pack_id", help="the pack's id (default: from the title)")
    exporting.add_argument("--version", type=int, default=1, help="the pack's version (default 1)")
    exporting.add_argument(
        "-o", "--output", metavar="NAME.attunepack", type=Path, required=True, help="the file"
    )
    actions.add_parser("list", help="list the installed packs")
    removing = actions.add_parser("remove", help="uninstall a pack")
    removing.add_argument("pack_id", metavar="ID", help="the id of an installed pack")
    packing.set_defaults(command_module="pack")

    reporting = commands.add_parser(
        "report",
        help="write how an imported plan went: Markdown or PDF",
        description="Write planned against done for each practice of a plan, week by "
        "week, and how scales changed from before to after, to bring to your therapist. "
        "Your written answers are left out unless you ask for them.",
    )
    reporting.add_argument("--plan", metavar="ID", required=True, help="an imported plan's id")
    reporting.add_argument(
        "--from",
        dest="since",
        metavar="DATE",
        help="from this day on (default: the day the plan starts or was imported)",
    )
    reporting.add_argument(
        "--to", dest="until", metavar="DATE", help="up to and including this day (default: today)"
    )
    reporting.add_argument(
        "--include-reflections",
        action="store_true",
        help="include your written answers from the plan's sessions",
    )
    reporting.add_argument(
        "-o", "--output", metavar="FILE", type=Path, required=True, help="a .pdf or .md file"
    )
    reporting.set_defaults(command_module="report")

    locking = commands.add_parser(
        "lock",
        help="lock your journal with a passphrase (encrypted on disk)",
        description="Encrypt your journal and its daily copies, opened with a passphrase "
        "(asked twice; read from standard input when it is not a terminal). Prints a "
        "recovery key once: keep it, since losing both loses the journal. Close Attune "
        "first.",
    )
    locking.set_defaults(command_module="lock")
    unlocking = commands.add_parser(
        "unlock",
        help="turn the journal lock off (asks for the passphrase)",
        description="Make your journal and its daily copies plain files again. Close Attune first.",
    )
    unlocking.add_argument(
        "--recovery-key", action="store_true", help="give the recovery key instead"
    )
    unlocking.set_defaults(command_module="lock")
    changing = commands.add_parser(
        "change-passphrase",
        help="change the passphrase of your locked journal",
        description="Asks for the current passphrase (or the recovery key), then the new "
        "one twice. Nothing is encrypted again; the recovery key stays the same.",
    )
    changing.add_argument(
        "--recovery-key",
        action="store_true",
        help="give the recovery key instead of the current passphrase (forgotten)",
    )
    changing.set_defaults(command_module="lock")

    doctoring = commands.add_parser(
        "doctor",
        help="say what Attune can and cannot do on this computer, and why",
        description="Check Attune's folders, the journal, the practices, the window, "
        "speech and sound, and say in plain words what works, what does not and how to "
        "fix it. Exits with 1 when something needed for practising does not work.",
    )
    doctoring.add_argument(
        "--voices",
        action="store_true",
        help="list every voice of the speech engine, with its languages (for render --voice)",
    )
    doctoring.set_defaults(command_module="doctor")
    return parser


def _practice_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("practice", metavar="PRACTICE", help="a practice file, or a library id")
    parser.add_argument("--length", metavar="L", help='the length to use, e.g. "10m"')
    parser.add_argument(
        "--language", metavar="LANG", help="use texts in this language when the practice has it"
    )
