"""Insights: three small, calm charts of what the journal holds.

- minutes practised per week, the last 12 weeks (columns, a date under each);
- practices by kind (horizontal bars);
- the average change from before to after, per practice, on scales asked both times
  (bars either side of 0, with the number of sessions each average is made of).

The charts are painted here with QPainter, in the theme's colours; the numbers come
from pure functions (`minutes_bars`, `kind_bars`, `change_bars`) so they are tested
apart from painting. Every chart says what it shows in words (its accessible
description) and can be shown as a table instead.

A change is never coloured as good or bad: whether a higher answer is better depends
on the question ("settled" up, "tension" down), so both directions look the same.

Streaks are not shown, on purpose: missing a day should never feel like failing. A
later setting may bring them in; nothing here counts them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from PySide6.QtCore import QDate, QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPaintEvent, QPen, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.storage.journal import Journal, JournalError
from desktop_app.ui.journal_words import journal_problem
from desktop_app.ui.shared_words import kind_names
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import centred_page, focus_painter

#: Weeks in the minutes chart.
WEEKS: Final = 12
#: Quiet scroll bars and tables. Colours are palette roles, set by the theme.
_LOCAL_STYLE: Final = """
QScrollBar:vertical { background: transparent; width: 12px; margin: 2px 2px 2px 2px; }
QScrollBar::handle:vertical { background: palette(mid); border-radius: 4px; min-height: 32px; }
QScrollBar::handle:vertical:hover { background: palette(placeholder-text); }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; border: none; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: transparent; }
QTableWidget { background: palette(base); border: none; }
QTableWidget:focus { border: 2px solid palette(highlight); border-radius: 6px; }
QTableWidget::item { padding: 4px 8px; border-bottom: 1px solid palette(mid); }
QHeaderView::section { background: palette(base); border: none;
    border-bottom: 1px solid palette(mid); padding: 4px 8px; font-weight: 600; }
QWidget#insightsContent { background: transparent; }
"""
_MINUS: Final = "\u2212"


# --- the numbers -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    """One bar: what it stands for, and how long it is."""

    key: str  # the week's Monday (ISO), the kind, or the practice id
    label: str
    value: float
    #: How many sessions an average is made of (changes only).
    sessions: int = 0


def week_starts(today: date, weeks: int = WEEKS) -> list[date]:
    """The Mondays of the last `weeks` weeks, this week's last."""
    monday = today - timedelta(days=today.weekday())
    return [monday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]


def week_label(monday: date, language: str = "en") -> str:
    return QLocale(language).toString(QDate(monday.year, monday.month, monday.day), "d MMM")


def minutes_bars(
    minutes: Sequence[tuple[date, float]], today: date, language: str = "en", weeks: int = WEEKS
) -> list[Bar]:
    """One bar per week, oldest first, for every one of the last `weeks` weeks (weeks
    without practice are 0); minutes are added up by the Monday of their week."""
    by_week: dict[date, float] = {}
    for day, value in minutes:
        monday = day - timedelta(days=day.weekday())
        by_week[monday] = by_week.get(monday, 0.0) + value
    return [
        Bar(monday.isoformat(), week_label(monday, language), by_week.get(monday, 0.0))
        for monday in week_starts(today, weeks)
    ]


def kind_bars(counts: dict[str, int], names: dict[str, str] | None = None) -> list[Bar]:
    """One bar per kind practised, most practised first (then in the library's order)."""
    names = kind_names() if names is None else names
    order = list(names)

    def place(kind: str) -> tuple[int, int, str]:
        return (-counts[kind], order.index(kind) if kind in order else len(order), kind)

    return [
        Bar(kind, names.get(kind, kind.replace("-", " ").capitalize()), float(counts[kind]))
        for kind in sorted((k for k, n in counts.items() if n > 0), key=place)
    ]


def change_bars(changes: Sequence[tuple[str, str, float, int]]) -> list[Bar]:
    """One bar per practice with a scale asked before and after: the mean change, the
    largest rise first, down to the largest fall."""
    bars = [
        Bar(practice_id, title, mean, sessions)
        for practice_id, title, mean, sessions in changes
        if sessions > 0
    ]
    return sorted(bars, key=lambda b: (-b.value, b.label.casefold()))


def signed(value: float) -> str:
    """+1.5, −0.8 (a true minus), 0."""
    rounded = round(value, 1)
    if rounded == 0:
        return "0"
    text = f"{abs(rounded):.1f}".removesuffix(".0")
    return f"+{text}" if rounded > 0 else f"{_MINUS}{text}"


def nice_ceiling(value: float) -> float:
    """The top of a chart's scale: 1, 2 or 5 times a power of ten, at least `value`."""
    if value <= 0:
        return 1.0
    step = 1.0
    while step * 10 <= value:
        step *= 10
    while step > value:
        step /= 10
    for factor in (1, 2, 5, 10):
        if step * factor >= value:
            return step * factor
    return step * 10


# --- painting ---------------------------------------------------------------------------------


class _Chart(QWidget):
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


class ColumnChart(_Chart):
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


class _RowsChart(_Chart):
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


# --- the view -----------------------------------------------------------------------------------


def _label(text: str = "", role: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    label.setAccessibleName(text)
    return label


class ChartCard(QFrame):
    """A chart in a card: its title, a line about it, the chart (or its table), and
    "Show as a table"."""

    def __init__(
        self,
        title: str,
        chart: _Chart,
        headers: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.chart = chart
        self.title = title
        chart.setAccessibleName(title)
        chart.setAccessibleDescription(self.tr("Nothing to show yet"))
        self.title_label = _label(title, "subheading")
        self.caption = _label("", "muted")
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(list(headers))
        for column in range(1, len(headers)):  # numbers, right-aligned like their column
            item = self.table.horizontalHeaderItem(column)
            if item is not None:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("%1, as a table").replace("%1", title))
        self.table.setAccessibleDescription(self.tr("Nothing to show yet"))
        for part in (self.table.horizontalHeader(), self.table.verticalHeader()):
            part.setAccessibleName(self.tr("Columns"))
            part.setAccessibleDescription(", ".join(headers))
        for button in self.table.findChildren(QAbstractButton):
            button.setAccessibleName(self.tr("Whole table"))
            button.setAccessibleDescription(self.tr("The corner of the table"))
        self.empty_label = _label("", "muted")
        self.table.setShowGrid(False)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        # One of these three shows at a time (hidden ones take no room, unlike the
        # pages of a stacked widget, which all take the tallest's).
        self._views: tuple[QWidget, ...] = (chart, self.table, self.empty_label)
        self.toggle = QPushButton(self.tr("Show as a table"))
        self.toggle.setProperty("role", "quiet")
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleName(self.tr("Show %1 as a table").replace("%1", title))
        self.toggle.setAccessibleDescription(
            self.tr("Switch between the chart and a table of the same numbers")
        )
        self.toggle.toggled.connect(self._toggled)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE["l"], SPACE["m"], SPACE["l"], SPACE["m"])
        layout.setSpacing(SPACE["s"])
        layout.addWidget(self.title_label)
        layout.addWidget(self.caption)
        for view in self._views:
            layout.addWidget(view)
        self._show(chart)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.toggle)
        row.addStretch()
        layout.addLayout(row)
        layout.addStretch()

    def show_data(
        self,
        bars: list[Bar],
        rows: Sequence[Sequence[str]],
        caption: str,
        description: str,
        empty: str = "",
    ) -> None:
        """The bars, the same as table rows, a line about them, and them in words;
        `empty` instead of the chart when there are no bars."""
        self.chart.set_bars(bars)
        self.chart.setAccessibleDescription(description)
        self.table.setAccessibleDescription(description)
        self.caption.setText(caption)
        self.caption.setAccessibleName(caption)
        self.caption.setVisible(bool(caption))
        self.table.setRowCount(len(rows))
        for number, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column > 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(number, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        header = self.table.horizontalHeader().height()
        rows_height = sum(self.table.rowHeight(n) for n in range(len(rows)))
        self.table.setFixedHeight(min(header + rows_height + 4, SPACE["xl"] * 8))
        self.empty_label.setText(empty)
        self.empty_label.setAccessibleName(empty)
        has_bars = bool(bars)
        self.toggle.setVisible(has_bars)
        if not has_bars:
            self._show(self.empty_label)
        else:
            self._show(self.table if self.toggle.isChecked() else self.chart)

    def current(self) -> QWidget:
        """The chart, its table, or the line said when there is nothing to chart."""
        return self._current

    def _show(self, widget: QWidget) -> None:
        self._current = widget
        for view in self._views:
            view.setVisible(view is widget)

    def _toggled(self, table: bool) -> None:
        self.toggle.setText(self.tr("Show as a chart") if table else self.tr("Show as a table"))
        self.toggle.setAccessibleName(
            (self.tr("Show %1 as a chart") if table else self.tr("Show %1 as a table")).replace(
                "%1", self.title
            )
        )
        if self.chart.bars:
            self._show(self.table if table else self.chart)


class InsightsView(QWidget):
    """The charts, read from the journal when first shown and on `refresh()`."""

    def __init__(
        self,
        journal: Journal,
        language: str = "en",
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Insights"))
        self.setStyleSheet(_LOCAL_STYLE)
        self.journal = journal
        self.language = language
        self._today = today
        self._stale = True
        self._kinds = kind_names()

        self.notice = _label("", "warning")
        self.notice.setAccessibleName(self.tr("Notice"))
        self.notice.hide()
        self.streaks = False
        self.streak_label = _label("", "subheading")
        self.streak_label.hide()

        self.minutes_card = ChartCard(
            self.tr("Minutes practised per week"),
            ColumnChart(lambda v: str(round(v))),
            (self.tr("Week of"), self.tr("Minutes")),
        )
        self.kinds_card = ChartCard(
            self.tr("Practices by kind"),
            RowChart(lambda v: str(round(v))),
            (self.tr("Kind"), self.tr("Practices")),
        )
        self.change_card = ChartCard(
            self.tr("Before and after"),
            DivergingChart(self._sessions_text),
            (self.tr("Practice"), self.tr("Average change"), self.tr("Sessions")),
        )
        content = QWidget()
        content.setObjectName("insightsContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, SPACE["s"], SPACE["m"])
        column.setSpacing(SPACE["m"])
        column.addWidget(self.streak_label)
        column.addWidget(self.minutes_card)
        pair = QHBoxLayout()
        pair.setSpacing(SPACE["m"])
        pair.addWidget(self.kinds_card, 1)
        pair.addWidget(self.change_card, 1)
        column.addLayout(pair)
        column.addStretch()
        self.area = QScrollArea()
        self.area.setWidget(content)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.area.viewport().setAutoFillBackground(False)
        content.setAutoFillBackground(False)

        words = QWidget()
        words.setMaximumWidth(SPACE["xl"] * 14)
        words_layout = QVBoxLayout(words)
        words_layout.setContentsMargins(0, 0, 0, 0)
        words_layout.setSpacing(SPACE["m"])
        self.empty_label = _label(
            self.tr("Insights will appear here after your first practice."), "subheading"
        )
        words_layout.addWidget(self.empty_label)
        words_layout.addWidget(
            _label(
                self.tr(
                    "They show how much you practised, what kinds of practice, and how your "
                    "answers before and after compare."
                ),
                "muted",
            )
        )
        empty = centred_page(words)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.area)
        self.pages.addWidget(empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE["l"], SPACE["l"], SPACE["l"], SPACE["m"])
        layout.setSpacing(SPACE["s"])
        layout.addWidget(self.notice)
        layout.addWidget(self.pages, 1)

    # --- public ------------------------------------------------------------------------------

    def set_streaks(self, on: bool) -> None:
        """Show days in a row only when the person has switched streaks on."""
        self.streaks = on
        self.mark_stale()

    def mark_stale(self) -> None:
        """The journal changed: read it again when next shown (now, if shown)."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        try:
            minutes = self.journal.minutes_per_week(WEEKS)
            kinds = self.journal.practices_by_kind()
            changes = self.journal.average_change()
        except JournalError as error:
            text = " ".join(journal_problem(error).split())
            self.notice.setText(
                self.tr("Your journal could not be read just now. %1").replace("%1", text)
            )
            self.notice.show()
            return
        self.notice.hide()
        self._show_streak()
        self._show_minutes(minutes_bars(minutes, self._today(), self.language))
        self._show_kinds(kind_bars(kinds, self._kinds))
        self._show_changes(change_bars(changes))
        self.pages.setCurrentIndex(0 if kinds else 1)

    # --- inside ------------------------------------------------------------------------------

    def _show_streak(self) -> None:
        if not self.streaks:
            self.streak_label.hide()
            return
        today = self._today()
        recent = self.journal.entries(since=today - timedelta(days=STREAK_LOOKBACK_DAYS))
        days = {entry.started_at.astimezone().date() for entry in recent}
        count = streak_length(days, today)
        text = (
            self.tr("1 day in a row")
            if count == 1
            else self.tr("%1 days in a row").replace("%1", str(count))
        )
        self.streak_label.setText(text)
        self.streak_label.setAccessibleName(text)
        self.streak_label.setVisible(count > 0)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def _minutes_text(self, minutes: float) -> str:
        whole = round(minutes)
        if whole < 120:
            return (
                self.tr("1 minute")
                if whole == 1
                else self.tr("%1 minutes").replace("%1", str(whole))
            )
        return self.tr("%1 h %2 min").replace("%1", str(whole // 60)).replace("%2", str(whole % 60))

    def _sessions_text(self, bar: Bar) -> str:
        return (
            self.tr("1 session")
            if bar.sessions == 1
            else self.tr("%1 sessions").replace("%1", str(bar.sessions))
        )

    def _show_minutes(self, bars: list[Bar]) -> None:
        total = sum(b.value for b in bars)
        if total <= 0:
            caption = self.tr("No practice in the last 12 weeks.")
        else:
            caption = self.tr("%1 in the last 12 weeks.").replace("%1", self._minutes_text(total))
        weeks = "; ".join(
            self.tr("week of %1: %2")
            .replace("%1", bar.label)
            .replace("%2", self._minutes_text(bar.value))
            for bar in bars
        )
        description = f"{caption} {weeks}."
        rows = [(bar.label, str(round(bar.value))) for bar in bars]
        self.minutes_card.show_data(bars, rows, caption, description)

    def _show_kinds(self, bars: list[Bar]) -> None:
        total = round(sum(b.value for b in bars))
        caption = (
            self.tr("1 practice in all.")
            if total == 1
            else self.tr("%1 practices in all.").replace("%1", str(total))
        )
        parts = "; ".join(f"{bar.label}: {round(bar.value)}" for bar in bars)
        description = f"{caption} {parts}." if bars else caption
        rows = [(bar.label, str(round(bar.value))) for bar in bars]
        self.kinds_card.show_data(bars, rows, caption, description)

    def _show_changes(self, bars: list[Bar]) -> None:
        caption = self.tr(
            "The average change in your answers from before to after. "
            "Whether up or down feels better depends on the question."
        )
        parts = "; ".join(
            self.tr("%1: %2 on average, over %3")
            .replace("%1", bar.label)
            .replace("%2", signed(bar.value).replace(_MINUS, "minus "))
            .replace("%3", self._sessions_text(bar))
            for bar in bars
        )
        empty = self.tr(
            "When a practice asks the same question before and after, "
            "how your answers changed will show here."
        )
        description = f"{caption} {parts}." if bars else empty
        rows = [(bar.label, signed(bar.value), str(bar.sessions)) for bar in bars]
        self.change_card.show_data(bars, rows, caption if bars else "", description, empty)


#: How far back a streak is looked for.
STREAK_LOOKBACK_DAYS = 400


def streak_length(days: set[date], today: date) -> int:
    """Days in a row with a practice, ending today (or yesterday: today may still come)."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count
