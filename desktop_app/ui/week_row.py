"""Today's week row: Monday to Sunday side by side, a mark per plan item under each
day's short name, today on a soft band; the same said in words for screen readers,
and the key to the marks under the row.

Which mark a day gets is worked out in `week_marks`. The words belong to Today, so
they are translated in its context ("TodayView").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Final

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from desktop_app.ui import theme
from desktop_app.ui.flow_layout import FlowLayout
from desktop_app.ui.theme import SPACE
from desktop_app.ui.week_marks import DayState, WeekDay
from desktop_app.ui.widgets import focus_painter, make_label

#: How strong the light dot of "any day this week" is, against a done mark.
ANY_ALPHA: Final = 0.5
#: And of the small dot of a day that asks nothing (muted text, so it shows on the band).
REST_ALPHA: Final = 0.4


class WeekRow(QWidget):
    """Seven days side by side: the day's short name, and under it one mark per item
    (see `paint_mark`). Today sits on a soft band."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[WeekDay] = []
        self.names: list[str] = []
        self.today: date | None = None
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_days(self, days: list[WeekDay], names: list[str], today: date) -> None:
        self.days, self.names, self.today = days, names, today
        self.setFixedHeight(self.wanted_height())
        self.update()

    def _dot(self) -> int:
        return max(8, QFontMetrics(self.font()).height() // 2)

    def _rows(self) -> int:
        most = max((len(d.states) for d in self.days), default=1)
        return max(1, (most + 3) // 4)

    def wanted_height(self) -> int:
        line = QFontMetrics(self.font()).height()
        dot = self._dot()
        return SPACE["s"] * 3 + line + self._rows() * (dot + SPACE["xs"]) + SPACE["xs"]

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(SPACE["xl"] * 9, self.wanted_height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        del event
        painter, palette = focus_painter(self)
        if not self.days:
            painter.end()
            return
        line = QFontMetrics(self.font()).height()
        dot = self._dot()
        area = QRectF(self.rect()).adjusted(SPACE["xs"], SPACE["xs"], -SPACE["xs"], -SPACE["xs"])
        slot = area.width() / len(self.days)
        for number, day in enumerate(self.days):
            left = area.left() + slot * number
            cell = QRectF(left + 2, area.top(), slot - 4, area.height())
            is_today = day.day == self.today
            if is_today:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(palette.accent_soft))
                painter.drawRoundedRect(cell, 8, 8)
            font = painter.font()
            font.setBold(is_today)
            painter.setFont(font)
            painter.setPen(QColor(palette.text if is_today else palette.muted))
            name = self.names[number] if number < len(self.names) else ""
            painter.drawText(
                QRectF(cell.left(), cell.top() + SPACE["s"] // 2, cell.width(), line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                name,
            )
            top = cell.top() + SPACE["s"] + line + SPACE["xs"]
            for index, state in enumerate(day.states):
                row, column = divmod(index, 4)
                in_row = min(4, len(day.states) - row * 4)
                width = in_row * dot + (in_row - 1) * SPACE["xs"]
                x = cell.center().x() - width / 2 + column * (dot + SPACE["xs"])
                y = top + row * (dot + SPACE["xs"])
                paint_mark(painter, QRectF(x, y, dot, dot), state, palette)
        painter.end()


def paint_mark(painter: QPainter, box: QRectF, state: DayState, palette: theme.Palette) -> None:
    """One mark of the week row in `box`: filled (done), a ring (due), a light dot (any
    day this week) or a small faint dot (not asked)."""
    if state == "done":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(palette.pacer))
    elif state == "due":
        painter.setPen(QPen(QColor(palette.pacer), 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = box.adjusted(0.75, 0.75, -0.75, -0.75)
    elif state == "any":
        light = QColor(palette.pacer)
        light.setAlphaF(ANY_ALPHA)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(light)
        inset = box.width() * 0.1
        box = box.adjusted(inset, inset, -inset, -inset)
    else:
        faint = QColor(palette.muted)
        faint.setAlphaF(REST_ALPHA)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(faint)
        inset = box.width() * 0.3
        box = box.adjusted(inset, inset, -inset, -inset)
    painter.drawEllipse(box)


class MarkIcon(QWidget):
    """One mark of the week row on its own, for the key under the row."""

    def __init__(self, state: DayState, size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setFixedSize(size, size)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_mark(painter, QRectF(self.rect()), self.state, theme.current())
        painter.end()


def say_day(name: str, day: WeekDay, practice_name: Callable[[str], str], is_today: bool) -> str:
    """One day in words: what is done and to do, then each "times a week" practice
    not yet done often enough this week, with how many more."""
    done = day.states.count("done")
    due = day.states.count("due")
    parts = []
    if done:
        parts.append(QCoreApplication.translate("TodayView", "%1 done").replace("%1", str(done)))
    if due:
        parts.append(QCoreApplication.translate("TodayView", "%1 to do").replace("%1", str(due)))
    sentences = [", ".join(parts)] if parts else []
    for practice_id, more in day.open_weekly:
        sentences.append(
            QCoreApplication.translate(
                "TodayView", "%1 can be done any day this week, %2 more this week"
            )
            .replace("%1", practice_name(practice_id))
            .replace("%2", str(more))
        )
    words = (
        "; ".join(sentences)
        if sentences
        else QCoreApplication.translate("TodayView", "nothing planned")
    )
    label = (
        QCoreApplication.translate("TodayView", "%1 (today)").replace("%1", name)
        if is_today
        else name
    )
    return f"{label}: {words}"


def week_key(marks: Sequence[DayState]) -> QWidget:
    """The key under a week row: each mark with what it means, in muted text."""
    words = {
        "done": (
            QCoreApplication.translate("TodayView", "Filled circle"),
            QCoreApplication.translate("TodayView", "done"),
        ),
        "due": (
            QCoreApplication.translate("TodayView", "Ring"),
            QCoreApplication.translate("TodayView", "planned"),
        ),
        "any": (
            QCoreApplication.translate("TodayView", "Light dot"),
            QCoreApplication.translate("TodayView", "any day this week"),
        ),
        "rest": (
            QCoreApplication.translate("TodayView", "Small faint dot"),
            QCoreApplication.translate("TodayView", "nothing asked that day"),
        ),
    }
    legend = QWidget()
    legend.setAutoFillBackground(False)
    flow = FlowLayout(legend, spacing=SPACE["m"])
    size = max(8, QFontMetrics(legend.font()).height() // 2)
    spoken: list[str] = []
    for mark in marks:
        shape, meaning = words[mark]
        entry = QWidget()
        entry.setAutoFillBackground(False)
        pair = QHBoxLayout(entry)
        pair.setContentsMargins(0, 0, 0, 0)
        pair.setSpacing(SPACE["xs"] + 2)
        icon = MarkIcon(mark, size)
        icon.setAccessibleName(shape)
        pair.addWidget(icon, 0, Qt.AlignmentFlag.AlignVCenter)
        label = make_label(meaning, "muted", wrap=False)
        label.setAccessibleName(meaning)
        pair.addWidget(label, 0, Qt.AlignmentFlag.AlignVCenter)
        entry.setAccessibleName(
            QCoreApplication.translate("TodayView", "%1: %2")
            .replace("%1", shape)
            .replace("%2", meaning)
        )
        flow.addWidget(entry)
        spoken.append(entry.accessibleName())
    legend.setAccessibleName(QCoreApplication.translate("TodayView", "Key to the week"))
    legend.setAccessibleDescription("; ".join(spoken))
    return legend
