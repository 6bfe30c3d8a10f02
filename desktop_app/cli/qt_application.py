"""The Qt application a command needs to draw with Qt (PDF pages need its fonts).

One Qt application serves a whole process, and the first one made decides its kind:
this makes a QApplication, so that whatever runs later in the same process (the
window, the tests' widgets) can still make widgets. With no screen it runs on Qt's
offscreen platform, which draws and finds fonts as well as any other.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from desktop_app.app import no_screen


def qt_application() -> QCoreApplication:
    """The running Qt application, made first if there is none."""
    running = QCoreApplication.instance()
    if running is not None:
        return running
    arguments = ["attune"]
    if no_screen():
        arguments += ["-platform", "offscreen"]
    return QApplication(arguments)
