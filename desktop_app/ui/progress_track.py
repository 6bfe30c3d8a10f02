"""A thin progress line with a mark where each section begins."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.core.engine import Snapshot
from desktop_app.core.timeline import Timeline
from desktop_app.ui import theme


class ProgressTrack(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Progress"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(18)
        self.fraction = 0.0
        self.marks: tuple[float, ...] = ()

    def show_state(self, snapshot: Snapshot, timeline: Timeline) -> None:
        total = snapshot.total or 1.0
        fraction = min(1.0, max(0.0, snapshot.position / total))
        marks = tuple(section.start / total for section in timeline.sections if section.start > 0)
        description = (
            self.tr("%1 of %2")
            .replace("%1", f"{round(100 * fraction)}%")
            .replace("%2", self.tr("the practice"))
        )
        self.setAccessibleDescription(description)
        if abs(fraction - self.fraction) * self.width() >= 0.5 or marks != self.marks:
            self.fraction, self.marks = fraction, marks
            self.update()  # only when a pixel would change

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        del event
        palette = theme.current()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        height = 6.0
        top = (self.height() - height) / 2
        width = float(self.width())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(palette.pacer_soft))
        painter.drawRoundedRect(QRectF(0, top, width, height), 3, 3)
        painter.setBrush(QColor(palette.pacer))
        painter.drawRoundedRect(QRectF(0, top, max(height, width * self.fraction), height), 3, 3)
        painter.setBrush(QColor(palette.muted))
        for mark in self.marks:
            painter.drawRect(QRectF(width * mark - 1, 2, 2, self.height() - 4))
        painter.end()
