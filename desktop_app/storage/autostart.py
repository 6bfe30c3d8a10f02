"""Starting Attune when the person logs in, so plan reminders can come.

On Linux desktops that follow the XDG autostart rules, a small `.desktop` file in
`~/.config/autostart` does it; Attune can write and remove it. On Windows and macOS
the person does it themselves (Settings explains how): Attune changes nothing there.

The entry starts this same Attune (`installation.launch_command`): the venv's Python
with `-m desktop_app.cli` from source, the executable of a built folder, or
`/usr/bin/attune` for the .deb. Its `Exec` line is written by the Desktop Entry
Specification's rules, not a shell's (see `exec_value`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from desktop_app.storage.installation import launch_command

ENTRY_NAME = "attune.desktop"

#: Characters that make the Desktop Entry Specification ask for an argument in quotes.
_RESERVED: Final = frozenset(" \t\n\"'\\><~|&;$*?#()`")
#: Inside the quotes, these take a backslash before them.
_ESCAPED_IN_QUOTES: Final = frozenset('"`$\\')
#: The escapes of a string value, applied after the quoting.
_STRING_ESCAPES: Final = {"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def autostart_file(environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    config = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME", "~")).expanduser() / ".config")
    return Path(config) / "autostart" / ENTRY_NAME


def exec_argument(argument: str) -> str:
    """One argument of an `Exec` command line, quoted as the Desktop Entry
    Specification says: in double quotes, with `"`, `` ` ``, `$` and `\\` escaped by a
    backslash, when it holds a reserved character (or is empty); `%` doubled, since a
    single one starts a field code."""
    if argument and not _RESERVED.intersection(argument):
        return argument.replace("%", "%%")
    inner = "".join(f"\\{c}" if c in _ESCAPED_IN_QUOTES else c for c in argument)
    return '"' + inner.replace("%", "%%") + '"'


def exec_value(command: Sequence[str]) -> str:
    """The value of an `Exec` key for `command`: each argument quoted (see
    `exec_argument`), then the escapes of a string value applied (a backslash is
    written twice, so a literal one inside quotes is four in the file)."""
    line = " ".join(exec_argument(argument) for argument in command)
    return "".join(_STRING_ESCAPES.get(c, c) for c in line)


def command() -> str:
    """How this Attune is started, as an `Exec` value."""
    return exec_value(launch_command())


def enable(path: Path | None = None, launch: Sequence[str] | None = None) -> Path:
    """Write the autostart entry; `launch` is the command (default: this Attune's)."""
    target = path or autostart_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    exec_line = exec_value(launch_command() if launch is None else launch)
    target.write_text(
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Attune\n"
        "Comment=Practise at home what you learn in therapy\n"
        f"Exec={exec_line}\n"
        "X-GNOME-Autostart-enabled=true\n"
        "Terminal=false\n",
        encoding="utf-8",
    )
    return target


def disable(path: Path | None = None) -> None:
    (path or autostart_file()).unlink(missing_ok=True)


def enabled(path: Path | None = None) -> bool:
    try:
        return (path or autostart_file()).is_file()
    except OSError:  # a folder on the way that may not be looked into
        return False
