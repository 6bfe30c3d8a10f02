"""Insights' charts, painted with QPainter in the theme's colours: columns (minutes per
week), rows (practices by kind) and bars either side of 0 (changes). Each can take the
focus, so its accessible description (the chart in words) is read.

A change is never coloured as good or bad: whether a higher answer is better depends
on the question ("settled" up, "tension" down), so both directions look the same."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.ui.insights_numbers import Bar, nice_ceiling, signed
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import focus_painter


class Chart(QWidget):
    """A chart: it can take the focus (so its description is read), shows a ring when
    it has it, and paints in the theme's colours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = bars
        self.setFixedHeight(self.wanted_height())
        self.update()

    def wanted_height(self) -> int:
        raise NotImplementedError

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(SPACE["xl"] * 8, self.wanted_height())

    def _line(self) -> int:
        return QFontMetrics(self.font()).height()


class ColumnChart(Chart):
    """Columns side by side (minutes per week): the value above, the label below."""

    def __init__(self, value_text: Callable[[float], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value_text = value_text

    def wanted_height(self) -> int:
        return SPACE["xl"] * 4 + 2 * self._line()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        del event
        painter, palette = focus_painter(self)
        if not self.bars:
            painter.end()
            return
        line = self._line()
        metrics = QFontMetrics(self.font())
        area = QRectF(self.rect()).adjusted(SPACE["s"], SPACE["s"], -SPACE["s"], -SPACE["s"])
        bottom = area.bottom() - line - SPACE["xs"]
        top = area.top() + line + SPACE["xs"]
        slot = area.width() / len(self.bars)
        width = min(slot * 0.56, SPACE["xl"] * 1.2)
        scale = nice_ceiling(max(b.value for b in self.bars))
        # Every label when they fit; otherwise every second, ending with this week.
        widest = max(metrics.horizontalAdvance(b.label) for b in self.bars)
        every = 1 if widest + SPACE["s"] <= slot else 2
        painter.setPen(QPen(QColor(palette.border), 1))
        painter.drawLine(int(area.left()), int(bottom) + 1, int(area.right()), int(bottom) + 1)
        for number, bar in enumerate(self.bars):
            centre = area.left() + slot * (number + 0.5)
            height = (bottom - top) * bar.value / scale
            if bar.value > 0:
                height = max(height, 3.0)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(palette.pacer))
                painter.drawRoundedRect(
                    QRectF(centre - width / 2, bottom - height, width, height), 3, 3
                )
                painter.setPen(QColor(palette.muted))
                painter.drawText(
                    QRectF(centre - slot / 2, bottom - height - line - 2, slot, line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    self._value_text(bar.value),
                )
            if (len(self.bars) - 1 - number) % every == 0:
                painter.setPen(QColor(palette.muted))
                painter.drawText(
                    QRectF(centre - slot, bottom + SPACE["xs"], slot * 2, line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    bar.label,
                )
        painter.end()


class _RowsChart(Chart):
    """A chart with one bar a row, as tall as its rows."""

    def _row(self) -> int:
        return self._line() + SPACE["s"] + SPACE["xs"]

    def wanted_height(self) -> int:
        return max(1, len(self.bars)) * self._row() + 2 * SPACE["s"]


class RowChart(_RowsChart):
    """Horizontal bars, one a row: the label on the left, the value after the bar."""

    def __init__(self, value_text: Callable[[float], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value_text = value_text

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        del event
        painter, palette = focus_painter(self)
        if not self.bars:
            painter.end()
            return
        metrics = QFontMetrics(self.font())
        area = QRectF(self.rect()).adjusted(SPACE["s"], SPACE["s"], -SPACE["s"], -SPACE["s"])
        label_width = min(
            max(metrics.horizontalAdvance(b.label) for b in self.bars), area.width() * 0.4
        )
        value_width = max(metrics.horizontalAdvance(self._value_text(b.value)) for b in self.bars)
        left = area.left() + label_width + SPACE["m"]
        room = max(1.0, area.right() - left - value_width - SPACE["s"])
        scale = max(b.value for b in self.bars) or 1.0
        row = self._row()
        thickness = max(6.0, self._line() * 0.6)
        for number, bar in enumerate(self.bars):
            y = area.top() + number * row
            painter.setPen(QColor(palette.text))
            painter.drawText(
                QRectF(area.left(), y, label_width, row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_width)),
            )
            length = max(3.0, room * bar.value / scale)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(palette.pacer))
            painter.drawRoundedRect(
                QRectF(left, y + (row - thickness) / 2, length, thickness), 3, 3
            )
            painter.setPen(QColor(palette.muted))
            painter.drawText(
                QRectF(left + length + SPACE["s"], y, value_width + SPACE["s"], row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self._value_text(bar.value),
            )
        painter.end()


class DivergingChart(_RowsChart):
    """Bars either side of a line at 0 (changes): the practice on the left, the mean
    at the bar's end, the number of sessions on the right."""

    def __init__(self, note_text: Callable[[Bar], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._note_text = note_text

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        del event
        painter, palette = focus_painter(self)
        if not self.bars:
            painter.end()
            return
        font = QFont(self.font())
        metrics = QFontMetrics(font)
        area = QRectF(self.rect()).adjusted(SPACE["s"], SPACE["s"], -SPACE["s"], -SPACE["s"])
        label_width = min(
            max(metrics.horizontalAdvance(b.label) for b in self.bars), area.width() * 0.34
        )
        note_width = max(metrics.horizontalAdvance(self._note_text(b)) for b in self.bars)
        value_width = max(metrics.horizontalAdvance(signed(b.value)) for b in self.bars)
        start = area.left() + label_width + SPACE["m"]
        end = area.right() - note_width - SPACE["m"]
        zero = (start + end) / 2
        half = max(1.0, (end - start) / 2 - value_width - SPACE["s"])
        scale = max(abs(b.value) for b in self.bars) or 1.0
        row = self._row()
        thickness = max(6.0, self._line() * 0.6)
        painter.setPen(QPen(QColor(palette.border), 1))
        painter.drawLine(
            int(zero), int(area.top()), int(zero), int(area.top() + row * len(self.bars))
        )
        for number, bar in enumerate(self.bars):
            y = area.top() + number * row
            painter.setPen(QColor(palette.text))
            painter.drawText(
                QRectF(area.left(), y, label_width, row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_width)),
            )
            length = half * abs(bar.value) / scale
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(palette.pacer))
            middle = y + row / 2
            if signed(bar.value) == "0":
                painter.drawEllipse(QRectF(zero - 3, middle - 3, 6, 6))
                length = 3.0
            elif bar.value > 0:
                painter.drawRoundedRect(
                    QRectF(zero, middle - thickness / 2, length, thickness), 3, 3
                )
            else:
                painter.drawRoundedRect(
                    QRectF(zero - length, middle - thickness / 2, length, thickness), 3, 3
                )
            painter.setPen(QColor(palette.text))
            if bar.value >= 0:
                value_box = QRectF(zero + length + SPACE["xs"], y, value_width + SPACE["s"], row)
                align = Qt.AlignmentFlag.AlignLeft
            else:
                value_box = QRectF(
                    zero - length - SPACE["xs"] - value_width - SPACE["s"],
                    y,
                    value_width + SPACE["s"],
                    row,
                )
                align = Qt.AlignmentFlag.AlignRight
            painter.drawText(value_box, align | Qt.AlignmentFlag.AlignVCenter, signed(bar.value))
            painter.setPen(QColor(palette.muted))
            painter.drawText(
                QRectF(end + SPACE["m"], y, note_width + SPACE["xs"], row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self._note_text(bar),
            )
        painter.end()
