"""What the commands share: exit codes, usage errors, finding a practice and a length."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, get_args

from desktop_app.app import measure_clip, open_library, shown
from desktop_app.core.durations import format_duration, parse_duration
from desktop_app.core.library import load_file
from desktop_app.core.problems import Problem
from desktop_app.storage.paths import default_paths
from desktop_app.storage.settings import LanguageChoice, SettingsStore

if TYPE_CHECKING:
    from desktop_app.core.model import Practice

OK, INVALID, USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how the command was called; exits with status 2."""


#: What a terminal obeys rather than shows: C0 controls (line breaks and tabs too),
#: DEL, C1 controls, and the invisible direction controls that reorder a line.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: Of those, what `json.dumps(..., ensure_ascii=False)` leaves raw.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def visible(text: object) -> str:
    """`text` as the command line may print it when any of it was read from a file or
    an archive (names of files too): every control character shows as an escape
    (`\\x1b`, `\\n`, `\\u202e`), so the terminal shows it and never obeys it. For
    one line; a text of several lines is shown line by line."""
    return _UNSAFE.sub(_escape, str(text))


def visible_lines(text: str) -> str:
    """`visible` for each line of a text the command made of several lines."""
    return "\n".join(visible(line) for line in text.split("\n"))


def visible_json(text: str) -> str:
    """JSON as made by `json.dumps(..., ensure_ascii=False)`, with what it leaves raw
    (DEL, C1 and direction controls) written as `\\u` escapes: the same JSON."""
    return _UNSAFE_IN_JSON.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def print_problems(problems: Sequence[Problem], stream: TextIO | None = None) -> None:
    for problem in problems:
        print(visible(problem), file=stream or sys.stdout)


def check_output_file(output: Path) -> None:
    """Refuse, before any work, an output file that cannot be written where it is asked
    for: a folder, or a file in a folder that does not exist."""
    if output.is_dir():
        raise UsageError(f"-o {output}: this is a folder; give a file name")
    folder = output.parent
    if not folder.is_dir():
        raise UsageError(f"-o {output}: there is no folder {folder}")


def pack_root(file: Path, limit: Path) -> Path | None:
    """The folder of the nearest pack.yaml above `file` (up to `limit`): media paths in
    a pack's practices are relative to it."""
    limit = limit.resolve()
    for folder in file.resolve().parents:
        if (folder / "pack.yaml").is_file():
            return folder
        if folder == limit or limit not in folder.parents:
            break
    return None


def find_practice(reference: str) -> Practice:
    """A practice by file path, or else by library id. Raises InvalidFile for a file
    with problems and UsageError when there is nothing to find."""
    from desktop_app.core.model import Practice  # `attune list` needs no model: loaded here

    path = Path(reference)
    if path.is_dir():
        raise UsageError(f"{reference}: this is a folder; give a practice file or an id")
    if path.is_file() or path.suffix.lower() in (".yaml", ".yml"):
        if not path.exists():
            raise UsageError(f"{reference}: no such file")
        item = load_file(
            path,
            display=shown(path),
            media_root=pack_root(path, path.parent),
            measure_clip=measure_clip,
        )
        if not isinstance(item, Practice):
            kind = type(item).__name__.lower().replace("packmanifest", "pack manifest")
            raise UsageError(f"{reference}: this is a {kind} file, not a practice")
        return item
    practice = open_library().practice(reference)
    if practice is None:
        raise UsageError(
            f'no practice with id "{reference}" in the library (see attune list), and no such file'
        )
    return practice


def chosen_length(practice: Practice, args: argparse.Namespace) -> float | None:
    """The --length asked for, checked against the practice; None for its default."""
    if args.length is None:
        return None
    length = parse_duration(args.length)
    if not length:
        raise UsageError(f'--length: expected a duration like "10m", got "{args.length}"')
    if not practice.lengths:
        raise UsageError(f'"{practice.id}" has no lengths to choose from; leave out --length')
    if length not in practice.lengths:
        offered = ", ".join(format_duration(x) for x in practice.lengths)
        print(
            f"note: {format_duration(length)} is not one of this practice's lengths ({offered})",
            file=sys.stderr,
        )
    return length


#: Languages people write by name where a code is asked for.
_LANGUAGE_NAMES = {
    "english": "en",
    "dutch": "nl",
    "nederlands": "nl",
    "german": "de",
    "deutsch": "de",
    "french": "fr",
    "français": "fr",
    "spanish": "es",
    "español": "es",
}


def language_option(value: str) -> str:
    """A --language value that is a language code; a usage error that suggests the code
    for a language written by its name ("Dutch")."""
    from desktop_app.core.reader import LANGUAGE  # with the YAML parser: only needed here

    if LANGUAGE.match(value):
        return value
    code = _LANGUAGE_NAMES.get(value.strip().lower())
    hint = f'; did you mean "{code}"?' if code else ""
    raise UsageError(f'--language: "{value}" is not a language code like "en" or "nl"{hint}')


def chosen_language(practice: Practice, args: argparse.Namespace) -> str:
    """--language, with a note when the practice has no texts in it."""
    language: str = language_option(args.language) if args.language else practice.language
    if not practice.title.has(language):
        print(
            f'note: "{practice.id}" has no texts in "{language}"; '
            f"they are shown in {practice.language}",
            file=sys.stderr,
        )
    return language


def attune_language(environ: dict[str, str] | None = None) -> str:
    """The language Attune's window speaks: the one chosen in Settings, else the
    computer's (LC_ALL, LC_MESSAGES, LANG) when Attune has it, else English."""
    chosen = SettingsStore(default_paths(environ).settings).load()[0].language
    if chosen != "system":
        return chosen
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if value := env.get(name, ""):
            code = value.split(".")[0].split("_")[0].lower()
            return code if code in get_args(LanguageChoice) else "en"
    return "en"
