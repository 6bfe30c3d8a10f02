"""Insights: three small, calm charts of what the journal holds.

- minutes practised per week, the last 12 weeks (columns, a date under each);
- practices by kind (horizontal bars);
- the average change from before to after, per practice, on scales asked both times
  (bars either side of 0, with the number of sessions each average is made of).

The numbers come from insights_numbers, the charts from charts, each in a `ChartCard`
that says what it shows in words (its accessible description) and can show it as a
table instead. This view reads the journal and puts the words to the numbers.

Streaks are shown only when the person switches them on in Settings: missing a day
should never feel like failing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.storage.journal import Journal, JournalError
from desktop_app.ui.chart_card import ChartCard, named_label
from desktop_app.ui.charts import ColumnChart, DivergingChart, RowChart
from desktop_app.ui.insights_numbers import (
    MINUS,
    STREAK_LOOKBACK_DAYS,
    WEEKS,
    Bar,
    change_bars,
    kind_bars,
    minutes_bars,
    signed,
    streak_length,
)
from desktop_app.ui.journal_unavailable import after_a_failed_read
from desktop_app.ui.journal_words import journal_problem
from desktop_app.ui.shared_words import kind_names
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import centred_page

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

        self.notice = named_label("", "warning")
        self.notice.setAccessibleName(self.tr("Notice"))
        self.notice.hide()
        self.streaks = False
        self.streak_label = named_label("", "subheading")
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
        self.empty_label = named_label(
            self.tr("Insights will appear here after your first practice."), "subheading"
        )
        words_layout.addWidget(self.empty_label)
        words_layout.addWidget(
            named_label(
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
            # Why and what to do, in place of charts that would tell of an older journal.
            text = " ".join(journal_problem(error).split())
            words = self.tr("Your journal could not be read just now. %1").replace("%1", text)
            words = f"{words} {after_a_failed_read()}"
            self.notice.setText(words)
            self.notice.setAccessibleDescription(words)
            self.notice.show()
            self.pages.hide()
            return
        self.notice.hide()
        self.pages.show()
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
        text = self.tr("%n days in a row", "", count)
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
            return self.tr("%n minutes", "", whole)
        return self.tr("%1 h %2 min").replace("%1", str(whole // 60)).replace("%2", str(whole % 60))

    def _sessions_text(self, bar: Bar) -> str:
        return self.tr("%n sessions", "", bar.sessions)

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
        caption = self.tr("%n practices in all.", "", total)
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
            .replace("%2", signed(bar.value).replace(MINUS, "minus "))
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
