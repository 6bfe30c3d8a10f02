"""Starting Attune when the person logs in, so plan reminders can come.

On Linux desktops that follow the XDG autostart rules, a small `.desktop` file in
`~/.config/autostart` does it; Attune can write and remove it. On Windows and macOS
the person does it themselves (Settings explains how): Attune changes nothing there.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

ENTRY_NAME = "attune.desktop"


def autostart_file(environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    config = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME", "~")).expanduser() / ".config")
    return Path(config) / "autostart" / ENTRY_NAME


def command() -> str:
    """How this Attune is started: the same Python, the same package."""
    return " ".join(shlex.quote(part) for part in (sys.executable, "-m", "desktop_app.cli"))


def enable(path: Path | None = None) -> Path:
    target = path or autostart_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Attune\n"
        "Comment=Practise at home what you learn in therapy\n"
        f"Exec={command()}\n"
        "X-GNOME-Autostart-enabled=true\n"
        "Terminal=false\n",
        encoding="utf-8",
    )
    return target


def disable(path: Path | None = None) -> None:
    (path or autostart_file()).unlink(missing_ok=True)


def enabled(path: Path | None = None) -> bool:
    return (path or autostart_file()).is_file()
