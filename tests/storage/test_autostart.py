"""The XDG autostart entry: written where desktops look, with a command that runs."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

from desktop_app.storage import autostart


def test_the_entry_goes_in_the_xdg_config_folder(tmp_path: Path) -> None:
    assert autostart.autostart_file({"XDG_CONFIG_HOME": str(tmp_path)}) == (
        tmp_path / "autostart" / "attune.desktop"
    )
    assert autostart.autostart_file({"HOME": str(tmp_path)}) == (
        tmp_path / ".config" / "autostart" / "attune.desktop"
    )


def test_enable_and_disable(tmp_path: Path) -> None:
    target = tmp_path / "autostart" / "attune.desktop"
    assert not autostart.enabled(target)
    autostart.enable(target)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("[Desktop Entry]\nType=Application\nName=Attune\n")
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    done = subprocess.run(
        [*shlex.split(exec_line.removeprefix("Exec=")), "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and done.stdout.startswith("attune ")
    assert autostart.enabled(target)
    autostart.disable(target)
    autostart.disable(target)  # twice is fine
    assert not autostart.enabled(target)
