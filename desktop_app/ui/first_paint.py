"""A widget's first paint: `on_first_paint` calls back once it is on screen (the
window opens the journal once the page it lands on has painted), and a hook for
measuring a real start from outside, whatever the build.

With ATTUNE_QUIT_AFTER_FIRST_PAINT=1 in the environment, Attune prints `painted` on
standard output when its main window first paints, then quits. bench/bench_package.py
times the venv app, the built app and a bare window to that line, and the release's
smoke test (packaging/linux/test_release.py) uses it to know the built app really
drew its window. Without the variable nothing is installed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

VARIABLE = "ATTUNE_QUIT_AFTER_FIRST_PAINT"


def _quit() -> None:
    QApplication.exit(0)


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, act: Callable[[], object]) -> None:
        super().__init__(widget)  # the widget owns it: gone with it, never called then
        self._act = act

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._act()
        return False


def on_first_paint(widget: QWidget, act: Callable[[], object]) -> None:
    """Call `act` once, when `widget` next paints (inside its paint event: `act` only
    starts what follows, e.g. with a zero-interval timer)."""
    widget.installEventFilter(_FirstPaint(widget, act))


def _announce_and_quit(quit_app: Callable[[], None]) -> None:
    print("painted", flush=True)
    quit_app()


def quit_after_first_paint(
    window: QWidget,
    environ: Mapping[str, str] | None = None,
    quit_app: Callable[[], None] = _quit,
) -> bool:
    """Install the hook on `window` when the variable asks for it; True when installed.
    `quit_app` ends the application (a test passes its own: once the application has
    been told to exit, Qt ends every event loop started after it at once)."""
    env = os.environ if environ is None else environ
    if env.get(VARIABLE) != "1":
        return False
    on_first_paint(window, lambda: _announce_and_quit(quit_app))
    return True
