"""Waiting for a widget's first paint, for the view benchmarks."""

from __future__ import annotations

import argparse
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QListWidget, QWidget

from desktop_app.ui import theme


class PaintSpy(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def until_painted(app: QApplication, viewport: QWidget, spy: PaintSpy) -> None:
    viewport.installEventFilter(spy)
    deadline = time.perf_counter() + 5
    while not spy.painted and time.perf_counter() < deadline:
        app.processEvents()
    if not spy.painted:
        raise RuntimeError("never painted")


def list_baseline(
    app: QApplication, strings: list[str], size: tuple[int, int]
) -> tuple[float, QWidget]:
    """The baseline of a view benchmark: a bare QListWidget of as many rows, from
    nothing to its first paint (seconds), and the widget (kept open by the caller)."""
    spy = PaintSpy()
    start = time.perf_counter()
    widget = QListWidget()
    widget.addItems(strings)
    widget.resize(*size)
    widget.show()
    until_painted(app, widget.viewport(), spy)
    return time.perf_counter() - start, widget


def start_view_bench(doc: str | None, count: int) -> tuple[argparse.Namespace, QApplication]:
    """`--count` and `--runs` from the command line, and the app in the light theme."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--count", type=int, default=count)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    theme.apply(app, theme.LIGHT)
    return args, app


class Kept:
    """Widgets kept open until a measurement is done, then closed and deleted."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.widgets: list[QWidget] = []

    def append(self, widget: QWidget) -> None:
        self.widgets.append(widget)

    def close_all(self) -> None:
        for widget in self.widgets:
            widget.close()
            widget.deleteLater()
        self.widgets.clear()
        self.app.processEvents()
