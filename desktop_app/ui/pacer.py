"""The breathing pacer: a soft circle that grows on the in-breath, stays full on the
hold, shrinks on the out-breath and rests small. It paints the engine's state and owns
no timer; the player hands it a snapshot and it repaints.

With reduced motion it fills and empties a bar instead of scaling, and nothing in it
moves faster than the breath itself.
"""

from __future__ import annotations

import math
from typing import Final

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.core.engine import Snapshot
from desktop_app.core.timeline import Phase
from desktop_app.ui import theme

#: The smallest circle, as a share of the largest: never a dot, always a presence.
SMALLEST: Final = 0.42


def fullness(phase: Phase | None, progress: float) -> float:
    """How full the breath is, 0..1, eased so the motion starts and ends softly."""
    eased = (1 - math.cos(math.pi * min(max(progress, 0.0), 1.0))) / 2
    if phase == "in":
        return eased
    if phase == "hold":
        return 1.0
    if phase == "out":
        return 1.0 - eased
    return 0.0


class Pacer(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Breathing guide"))
        self.setAccessibleDescription(
            self.tr("A circle that grows as you breathe in and shrinks as you breathe out")
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 160)
        self.reduced_motion = False
        self.phase: Phase | None = None
        self.progress = 0.0
        self.remaining = 0.0
        self.words = {
            "in": self.tr("Breathe in"),
            "hold": self.tr("Hold"),
            "out": self.tr("Breathe out"),
            "rest": self.tr("Rest"),
        }

    def show_state(self, snapshot: Snapshot) -> None:
        self.phase = snapshot.phase
        self.progress = snapshot.phase_progress
        self.remaining = snapshot.phase_remaining
        self.update()

    def phase_word(self) -> str:
        return self.words.get(self.phase or "", "")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        del event
        if self.phase is None:
            return
        palette = theme.current()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        full = fullness(self.phase, self.progress)
        if self.reduced_motion:
            self._paint_bar(painter, full, palette)
        else:
            self._paint_circle(painter, full, palette)
        self._paint_words(painter, palette)
        painter.end()

    def _paint_circle(self, painter: QPainter, full: float, palette: theme.Palette) -> None:
        side = min(self.width(), self.height() - 48)
        largest = max(10.0, side / 2 - 8)
        radius = largest * (SMALLEST + (1 - SMALLEST) * full)
        centre_x, centre_y = self.width() / 2, (self.height() - 40) / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(palette.pacer_soft))
        painter.drawEllipse(
            QRectF(centre_x - largest, centre_y - largest, 2 * largest, 2 * largest)
        )
        painter.setBrush(QColor(palette.pacer))
        painter.drawEllipse(QRectF(centre_x - radius, centre_y - radius, 2 * radius, 2 * radius))

    def _paint_bar(self, painter: QPainter, full: float, palette: theme.Palette) -> None:
        width = min(self.width() - 32, 420)
        height = 28
        left = (self.width() - width) / 2
        top = (self.height() - 40) / 2 - height / 2
        painter.setPen(QPen(QColor(palette.border), 1))
        painter.setBrush(QColor(palette.pacer_soft))
        painter.drawRoundedRect(QRectF(left, top, width, height), height / 2, height / 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(palette.pacer))
        filled = max(height, width * full)
        painter.drawRoundedRect(QRectF(left, top, filled, height), height / 2, height / 2)

    def _paint_words(self, painter: QPainter, palette: theme.Palette) -> None:
        count = max(1, math.ceil(self.remaining - 1e-6))
        painter.setPen(QColor(palette.text))
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        painter.setFont(font)
        painter.drawText(
            QRectF(0, self.height() - 40, self.width(), 40),
            Qt.AlignmentFlag.AlignCenter,
            f"{self.phase_word()}  ·  {count}",
        )
