"""Where this Attune runs from, and the command that starts it again.

Attune comes three ways, and each is started differently:

- **source**: a checkout, a venv or a `pip install`. Python runs the package, so
  the command is this Python with `-m desktop_app.cli`.
- **folder**: a frozen build (PyInstaller, `sys.frozen` is set), for example the
  unpacked tar.gz, anywhere on disk. `sys.executable` is Attune itself.
- **deb**: the same frozen build installed by the `attune` .deb under /opt/attune,
  which dpkg knows: its file list names the running executable. The command is
  `/usr/bin/attune` (the package's link to it) when that leads here, so that an
  autostart entry outlives the package being moved or upgraded.

Every input is a parameter with the real value as its default, so all three cases
can be tested without a build.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

import desktop_app

Kind = Literal["source", "folder", "deb"]

#: The files dpkg installed for the `attune` package, one path a line.
DPKG_LIST: Final = Path("/var/lib/dpkg/info/attune.list")
#: The .deb's link to the executable, on everyone's PATH.
DEB_LAUNCHER: Final = Path("/usr/bin/attune")

_DESCRIPTIONS: Final[dict[Kind, str]] = {
    "source": "the source code",
    "folder": "a folder of its own (the unpacked download)",
    "deb": "the installed package (.deb)",
}


@dataclass(frozen=True)
class Installation:
    kind: Kind
    #: Where Attune is: the folder holding the `desktop_app` package when run from
    #: source (a checkout, or site-packages), else the folder of the executable.
    folder: Path
    #: The command that starts this same Attune again, as a list of arguments.
    launch: tuple[str, ...]

    def describe(self) -> str:
        """In plain words, with the folder: "the source code, /home/me/attune"."""
        return f"{_DESCRIPTIONS[self.kind]}, {self.folder}"


def detect(
    *,
    frozen: bool | None = None,
    executable: str | None = None,
    dpkg_list: Path = DPKG_LIST,
    launcher: Path = DEB_LAUNCHER,
) -> Installation:
    """This Attune's installation. `frozen` defaults to `sys.frozen`, `executable`
    to `sys.executable`."""
    is_frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    program = sys.executable if executable is None else executable
    if not is_frozen:
        # Not resolved: a venv's python is a link, and following it leaves the venv.
        package = Path(desktop_app.__file__).resolve().parent
        return Installation("source", package.parent, (program, "-m", "desktop_app.cli"))
    path = Path(program).absolute()
    if not _installed_by_dpkg(path, dpkg_list):
        return Installation("folder", path.resolve().parent, (str(path),))
    command = str(launcher) if _leads_to(launcher, path) else str(path)
    return Installation("deb", path.resolve().parent, (command,))


def launch_command(
    *,
    frozen: bool | None = None,
    executable: str | None = None,
    dpkg_list: Path = DPKG_LIST,
    launcher: Path = DEB_LAUNCHER,
) -> list[str]:
    """The command that starts this same Attune again (see `detect`)."""
    found = detect(frozen=frozen, executable=executable, dpkg_list=dpkg_list, launcher=launcher)
    return list(found.launch)


def _installed_by_dpkg(executable: Path, dpkg_list: Path) -> bool:
    """Whether dpkg's file list names `executable` (as it is, or through links)."""
    try:
        listed = dpkg_list.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return False
    real = executable.resolve()
    for line in listed:
        entry = line.strip()
        if not entry or Path(entry).name != executable.name:
            continue
        if entry == str(executable) or _same_file(Path(entry), real):
            return True
    return False


def _leads_to(link: Path, executable: Path) -> bool:
    return link.exists() and _same_file(link, executable.resolve())


def _same_file(path: Path, real: Path) -> bool:
    try:
        return path.resolve() == real
    except OSError:  # a loop of links
        return False
