"""Attune's own icon, for the window, the task bar and the tray.

The PNGs in `assets/icons/app/` are rendered from `attune.svg` by `scripts/icons.py`,
one for each size desktops look for, so each size is drawn for that size rather than
scaled from another. `apply_app_identity` makes the icon every window's and tells the
desktop which entry (`app.attune.Attune.desktop`) the windows belong to.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QIcon

from desktop_app.storage.paths import builtin_dir

#: The hicolor sizes, in pixels, each with a PNG of its own.
SIZES: Final = (16, 22, 24, 32, 48, 64, 128, 256, 512)
#: The application id of the desktop entry the Linux packages install.
DESKTOP_FILE_NAME: Final = "app.attune.Attune"


def icon_dir() -> Path:
    """Where the icon's files are: in the source tree, a wheel or a frozen build."""
    return builtin_dir("assets") / "icons" / "app"


def png_path(size: int) -> Path:
    return icon_dir() / f"attune-{size}.png"


def app_icon() -> QIcon:
    """The icon with a pixmap at every size in `SIZES` (null if the files are missing)."""
    icon = QIcon()
    for size in SIZES:
        path = png_path(size)
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def apply_app_identity(app: QGuiApplication) -> None:
    """Give every window of `app` Attune's icon, and match them to its desktop entry."""
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(DESKTOP_FILE_NAME)
