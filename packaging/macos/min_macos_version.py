"""The oldest macOS the built Attune.app runs on (its LSMinimumSystemVersion).

    python packaging/macos/min_macos_version.py     # prints e.g. 13.0

Run it with the Python of the build venv: the answer depends on what is installed there.
Two things set a floor, and the answer is the higher of the two:

- each installed wheel's platform tag: `macosx_12_0_universal2` means the wheel was built
  for macOS 12.0 and later (pip installs no wheel newer than the Mac it runs on, so the
  tags say what the collected binaries need);
- Qt's supported macOS for the installed PySide6 version, from Qt's documentation
  ("Qt for macOS, supported configurations"): 6.7 runs on macOS 11, 6.8 and 6.9 on 12,
  6.10 and 6.11 on 13, 6.12 on 14.4. This can be higher than the wheel's tag says.

The spec reads `minimum_macos()` for Info.plist; build.sh prints it.
"""

from __future__ import annotations

import contextlib
import re
import sys
from importlib import metadata

#: (Qt major, minor) -> the oldest macOS that Qt version supports.
QT_FLOOR: dict[tuple[int, int], tuple[int, int]] = {
    (6, 7): (11, 0),
    (6, 8): (12, 0),
    (6, 9): (12, 0),
    (6, 10): (13, 0),
    (6, 11): (13, 0),
    (6, 12): (14, 4),
}
_TAG = re.compile(r"macosx_(\d+)_(\d+)_")


def wheel_floor() -> tuple[int, int]:
    """The highest macOS version named by an installed wheel's platform tag."""
    floor = (10, 9)
    for dist in metadata.distributions():
        for major, minor in _TAG.findall(dist.read_text("WHEEL") or ""):
            floor = max(floor, (int(major), int(minor)))
    return floor


def qt_floor(pyside_version: str) -> tuple[int, int]:
    """The oldest macOS the Qt of this PySide6 version supports."""
    qt = tuple(int(part) for part in re.findall(r"\d+", pyside_version)[:2])
    known = sorted(QT_FLOOR)
    if qt in QT_FLOOR:
        return QT_FLOOR[qt]
    if qt < known[0]:
        return QT_FLOOR[known[0]]
    print(
        f"min_macos_version: Qt {pyside_version} is newer than this table; using the "
        f"floor of Qt {known[-1][0]}.{known[-1][1]}. Check Qt's 'Qt for macOS' page "
        "and add it to QT_FLOOR.",
        file=sys.stderr,
    )
    return QT_FLOOR[known[-1]]


def minimum_macos() -> str:
    """LSMinimumSystemVersion for this build venv, as "major.minor"."""
    floor = wheel_floor()
    for project in ("PySide6-Essentials", "PySide6"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            floor = max(floor, qt_floor(metadata.version(project)))
            break
    else:
        raise SystemExit("min_macos_version: PySide6 is not installed in this Python")
    return f"{floor[0]}.{floor[1]}"


if __name__ == "__main__":
    print(minimum_macos())
