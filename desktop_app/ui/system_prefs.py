"""What the operating system says about motion, best effort: Qt has no API for it.

Asked once at start-up; any failure means "no preference" (full motion), and the
person can always choose in Settings.
"""

from __future__ import annotations

import ctypes
import shutil
import subprocess
import sys


def system_reduces_motion() -> bool:
    try:
        if sys.platform == "win32":
            return _windows()
        if sys.platform == "darwin":
            return _ask(["defaults", "read", "com.apple.universalaccess", "reduceMotion"]) == "1"
        return (
            _ask(["gsettings", "get", "org.gnome.desktop.interface", "enable-animations"])
            == "false"
        )
    except (OSError, ValueError, subprocess.SubprocessError):
        return False


def _ask(command: list[str]) -> str:
    if shutil.which(command[0]) is None:
        return ""
    done = subprocess.run(command, capture_output=True, text=True, timeout=1.0, check=False)
    return done.stdout.strip()


def _windows() -> bool:
    spi_getclientareaanimation = 0x1042
    enabled = ctypes.c_bool(True)
    windll = getattr(ctypes, "windll")  # noqa: B009 - only on Windows
    windll.user32.SystemParametersInfoW(spi_getclientareaanimation, 0, ctypes.byref(enabled), 0)
    return not enabled.value
