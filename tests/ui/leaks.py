"""Windows a test leaves alive behind it: found after the deletes Qt was asked for."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget


def delete_what_was_closed() -> None:
    """Delete now what `deleteLater` was asked to delete. pytest-qt's cleanup closes the
    widgets given to `qtbot.addWidget` that way, and no event loop runs after it, so
    without this every window of every test stays in memory until the end of the run
    and later tests pay for them (every style or font change goes to each one)."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def open_windows() -> set[int]:
    """The top-level widgets alive now, by the address of their C++ object."""
    return {_address(widget) for widget in QApplication.topLevelWidgets()}


def windows_made_since(before: set[int]) -> list[QWidget]:
    """The top-level widgets alive now that were not in `before`."""
    return [w for w in QApplication.topLevelWidgets() if _address(w) not in before]


def described(widgets: list[QWidget]) -> str:
    """Their classes and object names, sorted: "QDialog('export'), QMenu"."""
    return ", ".join(sorted(_described(widget) for widget in widgets))


def _address(widget: QWidget) -> int:
    return int(shiboken6.getCppPointer(widget)[0])


def _described(widget: QWidget) -> str:
    name = widget.objectName()
    return f"{type(widget).__name__}({name!r})" if name else type(widget).__name__
