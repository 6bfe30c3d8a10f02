"""Chips: checkable buttons shaped as soft pills, for choosing among short words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

#: Toggle buttons shaped as soft "chips" (feeling words; lengths and backgrounds before).
#: Colours come from the application palette (set by the theme), never from literals;
#: sizes are in em so they follow the zoom.
CHIP_STYLE = """
QPushButton[chip="true"] {
    padding: 0.3em 0.95em; border-radius: 0.75em; min-height: 0;
}
QPushButton[chip="true"]:checked, QPushButton[chip="true"]:checked:hover {
    background: palette(highlight); color: palette(highlighted-text);
    border: 1px solid palette(highlight);
}
QPushButton[chip="true"]:checked:focus { border: 2px solid palette(text); }
"""


def chip(text: str) -> QPushButton:
    """A checkable chip; it looks like one under a widget styled with `CHIP_STYLE`."""
    button = QPushButton(text)
    button.setCheckable(True)
    button.setProperty("chip", "true")
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button
