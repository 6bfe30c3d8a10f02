"""Today: what the active plans ask for today, how this week is going, and a way to start.

For each plan active today: its title, who it is from, the therapist's message (in a
gentle card), how to reach them, then the items due or done today, each with a Start
button, and a small row of the week (Monday to Sunday, a mark per item, today
highlighted; said in words for screen readers) with a key to its marks under it.

The marks: filled, done that day; a ring, planned that day; a small faint dot, not asked
that day. A "times a week" (`per_week`) item has no day of its own: it is filled on each
day a session of it was completed and shown as a light dot ("any day this week") on the
other days while the week's number is not reached; once it is, it rests.

Without an active plan: a calm line, and a few practices to start from: the ones done
most recently and some short ones.

Completed sessions come from the journal (`schedule.completions`); without a journal
nothing counts as done. Nothing is ever shown as missed: only what is done and what is
still open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import schedule
from desktop_app.core.library import Library
from desktop_app.core.model import PerWeek, Plan, Practice
from desktop_app.core.schedule import Completion, DayItem
from desktop_app.core.timeline import time_budget
from desktop_app.storage.journal import Journal, JournalError
from desktop_app.storage.plans import StoredPlan
from desktop_app.ui import theme
from desktop_app.ui.app_state import AppState
from desktop_app.ui.flow_layout import FlowLayout
from desktop_app.ui.shared_words import day_names, length_text, long_day_names, rough_length
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import focus_painter, make_label

#: How many practices each offer shows when there is no plan.
OFFERS: Final = 3
#: A short practice: a length of at most 5 minutes, or a fixed time under 6.
SHORT_LENGTH: Final = 300.0
SHORT_FIXED: Final = 360.0
#: How strong the light dot of "any day this week" is, against a done mark.
ANY_ALPHA: Final = 0.5
#: And of the small dot of a day that asks nothing (muted text, so it shows on the band).
REST_ALPHA: Final = 0.4
#: How many journal entries are looked through for recent practices.
_RECENT_LOOKBACK: Final = 200

DayState = str  # "done" | "due" | "any" | "rest"

#: The marks of the week row, in the order the key explains them.
MARKS: Final = ("done", "due", "any", "rest")


@dataclass(frozen=True)
class WeekDay:
    """One day of the week row: its date and the state of each of the plan's items."""

    day: date
    states: tuple[DayState, ...]


def fixed_time(practice: Practice) -> float | None:
    """The fixed time of a practice without lengths (None when it cannot be measured)."""
    try:
        fixed = time_budget(practice, language=practice.language).fixed
    except (ValueError, ArithmeticError):
        return None
    return fixed if fixed > 0 else None


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


class TodayView(QWidget):
    """What to do today. `practice_requested(practice id, length in seconds or None)`
    asks the window to start a practice; `report_requested(plan id)` asks for the
    report on a plan."""

    practice_requested = Signal(str, object)
    report_requested = Signal(str)

    def __init__(
        self,
        plans: Sequence[StoredPlan],
        library: Library,
        journal: Journal | None,
        language: str = "en",
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.plans: list[StoredPlan] = list(plans)
        self.library = library
        self.journal = journal
        self.has_plan = False
        self.language = language
        self._today = today
        #: The Start buttons shown, in order (for tests and keyboard order).
        self.start_buttons: list[QPushButton] = []
        #: The week rows shown, one per active plan, each with its key under it.
        self.week_rows: list[WeekRow] = []
        self.week_legends: list[QWidget] = []

        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.area.viewport().setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE["l"], SPACE["l"], SPACE["l"], SPACE["m"])
        layout.addWidget(self.area)
        self.setAccessibleName(self.tr("Today"))
        self.refresh()

    # --- public ------------------------------------------------------------------------

    def follow(self, state: AppState) -> None:
        """Show what `state` holds now, and again whenever its journal, plans or
        library change."""
        self._app_state = state
        for signal in (state.journal_changed, state.plans_changed, state.library_changed):
            signal.connect(self._follow_state)

    def _follow_state(self, *_: object) -> None:
        state = self._app_state
        self.journal = state.journal
        self.refresh(state.plans.plans() if state.plans is not None else None, state.library)

    def refresh(
        self, plans: Sequence[StoredPlan] | None = None, library: Library | None = None
    ) -> None:
        """Build the page again (with new plans or a new library when given)."""
        if plans is not None:
            self.plans = list(plans)
        if library is not None:
            self.library = library
        day = self._today()
        self.start_buttons = []
        self.week_rows = []
        self.week_legends = []
        content = QWidget()
        content.setAutoFillBackground(False)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, SPACE["s"], SPACE["m"])
        column.setSpacing(SPACE["m"])
        active = [
            stored
            for stored in self.plans
            if not stored.archived and schedule.is_active(stored.plan, day, stored.imported_on)
        ]
        self.has_plan = bool(active)
        if active:
            done = self._completions(schedule.week_start(day))
            imported = {stored.plan.id: stored.imported_on for stored in active}
            chosen = [stored.plan for stored in active]
            items = schedule.today(chosen, day, done, imported)
            week = schedule.week(chosen, day, done, imported)
            first_open = True
            for number, plan in enumerate(chosen):
                if number:
                    column.addSpacing(SPACE["l"])
                mine = [i for i in items if i.plan_id == plan.id and (i.due or i.done)]
                first_open = self._add_plan(column, plan, mine, first_open)
                self._add_week(column, plan, week, day)
                self._add_report_button(column, plan)
        else:
            self._add_no_plan(column)
        column.addStretch()
        old = self.area.takeWidget()
        self.area.setWidget(content)
        if old is not None:
            old.deleteLater()

    # --- plans -------------------------------------------------------------------------

    def _completions(self, since: date) -> list[Completion]:
        if self.journal is None:
            return []
        try:
            return schedule.completions(self.journal.entries(since=since))
        except JournalError:
            return []

    def _add_plan(
        self, column: QVBoxLayout, plan: Plan, items: list[DayItem], first_open: bool
    ) -> bool:
        language = self.language
        title = make_label(plan.title.get(language), "heading")
        title.setAccessibleName(self.tr("Plan: %1").replace("%1", plan.title.get(language)))
        column.addWidget(title)
        source = make_label(self.tr("from %1").replace("%1", plan.assigned_by), "muted")
        source.setAccessibleName(source.text())
        column.addWidget(source)
        if plan.message is not None:
            card = QFrame()
            card.setProperty("role", "card")
            card_layout = QVBoxLayout(card)
            card_layout.setContentsMargins(SPACE["m"], SPACE["m"], SPACE["m"], SPACE["m"])
            message = make_label(plan.message.get(language))
            message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            message.setAccessibleName(self.tr("Message from %1").replace("%1", plan.assigned_by))
            message.setAccessibleDescription(plan.message.get(language))
            card_layout.addWidget(message)
            column.addWidget(card)
        if plan.contact is not None:
            contact = make_label(
                self.tr("Contact: %1").replace("%1", plan.contact.get(language)), "muted"
            )
            contact.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            contact.setAccessibleName(contact.text())
            column.addWidget(contact)
        column.addSpacing(SPACE["s"])
        heading = make_label(self.tr("Today"), "subheading")
        heading.setAccessibleName(self.tr("Today"))
        column.addWidget(heading)
        if not items:
            quiet = make_label(self.tr("Nothing is asked of you today."), "muted")
            quiet.setAccessibleName(quiet.text())
            column.addWidget(quiet)
        for item in items:
            primary = first_open and not item.done
            if self._add_item(column, item, primary):
                first_open = False
        return first_open

    def _add_report_button(self, column: QVBoxLayout, plan: Plan) -> None:
        """Last, under the week: the report is for before a session, not for today."""
        language = self.language
        # A plain button (not a quiet one): it must read as something to press.
        report = QPushButton(self.tr("Report for your next session…"))
        report.setAccessibleName(self.tr("Report on %1").replace("%1", plan.title.get(language)))
        report.setAccessibleDescription(
            self.tr("What you did and how it went, to bring to your therapist")
        )
        report.clicked.connect(lambda _=False, plan_id=plan.id: self.report_requested.emit(plan_id))
        column.addWidget(report, 0, Qt.AlignmentFlag.AlignLeft)

    def _add_item(self, column: QVBoxLayout, day_item: DayItem, primary: bool) -> bool:
        """One item of today as a card; True when it got the primary Start button."""
        item = day_item.item
        practice = self.library.practice(item.practice)
        card = QFrame()
        card.setProperty("role", "card")
        row = QHBoxLayout(card)
        row.setContentsMargins(SPACE["m"], SPACE["s"] + SPACE["xs"], SPACE["m"], SPACE["s"])
        row.setSpacing(SPACE["m"])
        words = QVBoxLayout()
        words.setSpacing(SPACE["xs"])
        name = practice.title.get(self.language) if practice is not None else item.practice
        title = make_label(name)
        title.setAccessibleName(name)
        words.addWidget(title)
        parts: list[str] = []
        if practice is None:
            parts.append(self.tr("not available"))
        length = item.length if item.length is not None else None
        if length is None and practice is not None:
            length = practice.default_length
        if length is not None:
            parts.append(length_text(length))
        if item.at is not None:
            parts.append(self.tr("at %1").replace("%1", item.at.strftime("%H:%M")))
        meta = make_label(" · ".join(parts), "muted")
        meta.setAccessibleName(meta.text())
        meta.setVisible(bool(parts))
        words.addWidget(meta)
        if item.note is not None:
            note = make_label(item.note.get(self.language), "muted")
            note.setAccessibleName(self.tr("Note: %1").replace("%1", note.text()))
            words.addWidget(note)
        row.addLayout(words, 1)
        state = self._done_text(day_item)
        mark = make_label(state, wrap=False)
        mark.setProperty("role", None if day_item.done else "muted")
        mark.setAccessibleName(state)
        row.addWidget(mark, 0, Qt.AlignmentFlag.AlignVCenter)
        got_primary = False
        if practice is not None:
            button = self._start_button(item.practice, name, item.length)
            if primary:
                button.setProperty("role", "primary")
                got_primary = True
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        card.setAccessibleName(name)
        card.setAccessibleDescription(" · ".join([*parts, state]))
        column.addWidget(card)
        return got_primary

    def _done_text(self, day_item: DayItem) -> str:
        if isinstance(day_item.item.when, PerWeek):
            return (
                self.tr("%1 of %2 this week")
                .replace("%1", str(min(day_item.done_count, day_item.needed)))
                .replace("%2", str(day_item.needed))
            )
        return self.tr("Done") if day_item.done else self.tr("Not yet")

    def _add_week(
        self, column: QVBoxLayout, plan: Plan, week: list[list[DayItem]], day: date
    ) -> None:
        heading = make_label(self.tr("This week"), "subheading")
        heading.setAccessibleName(self.tr("This week"))
        column.addSpacing(SPACE["s"])
        column.addWidget(heading)
        monday = schedule.week_start(day)
        short = day_names()
        long = long_day_names()
        mine_by_day = [[i for i in items if i.plan_id == plan.id] for items in week]
        # A per_week item's sessions so far this week, by its index in the plan.
        so_far: dict[int, int] = {}
        for items in mine_by_day:
            for entry in items:
                if isinstance(entry.item.when, PerWeek):
                    so_far[entry.index] = so_far.get(entry.index, 0) + entry.sessions
        days: list[WeekDay] = []
        spoken: list[str] = []
        for number, mine in enumerate(mine_by_day):
            states = tuple(self._state(entry, so_far) for entry in mine)
            days.append(WeekDay(monday + timedelta(days=number), states))
            open_weekly = [
                (self._practice_name(entry.item.practice), entry.needed - so_far[entry.index])
                for entry in mine
                if isinstance(entry.item.when, PerWeek) and so_far[entry.index] < entry.needed
            ]
            spoken.append(self._say_day(long[number], states, open_weekly, number == day.weekday()))
        row = WeekRow()
        row.set_days(days, short, day)
        row.setAccessibleName(
            self.tr("This week of %1").replace("%1", plan.title.get(self.language))
        )
        row.setAccessibleDescription(". ".join(spoken) + ".")
        self.week_rows.append(row)
        column.addWidget(row)
        # The key explains the marks on show (done always: it is what the row is for).
        shown = {state for d in days for state in d.states} | {"done"}
        marks = [m for m in MARKS if m in shown]
        legend = self._legend(marks)
        self.week_legends.append(legend)
        column.addWidget(legend)

    @staticmethod
    def _state(entry: DayItem, so_far: dict[int, int]) -> DayState:
        """Filled on a day it was done; a per_week item is otherwise "any day this week"
        until the week's number is reached, then it rests."""
        if isinstance(entry.item.when, PerWeek):
            if entry.sessions:
                return "done"
            return "any" if so_far[entry.index] < entry.needed else "rest"
        return "done" if entry.done else "due" if entry.due else "rest"

    def _practice_name(self, practice_id: str) -> str:
        practice = self.library.practice(practice_id)
        return practice.title.get(self.language) if practice is not None else practice_id

    def _legend(self, marks: Sequence[DayState]) -> QWidget:
        """The key under a week row: each mark with what it means, in muted text."""
        words = {
            "done": (self.tr("Filled circle"), self.tr("done")),
            "due": (self.tr("Ring"), self.tr("planned")),
            "any": (self.tr("Light dot"), self.tr("any day this week")),
            "rest": (self.tr("Small faint dot"), self.tr("nothing asked that day")),
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
            entry.setAccessibleName(self.tr("%1: %2").replace("%1", shape).replace("%2", meaning))
            flow.addWidget(entry)
            spoken.append(entry.accessibleName())
        legend.setAccessibleName(self.tr("Key to the week"))
        legend.setAccessibleDescription("; ".join(spoken))
        return legend

    def _say_day(
        self,
        name: str,
        states: tuple[DayState, ...],
        open_weekly: Sequence[tuple[str, int]],
        is_today: bool,
    ) -> str:
        """One day in words: what is done and to do, then each "times a week" practice
        not yet done often enough this week, with how many more."""
        done = states.count("done")
        due = states.count("due")
        parts = []
        if done:
            parts.append(self.tr("%1 done").replace("%1", str(done)))
        if due:
            parts.append(self.tr("%1 to do").replace("%1", str(due)))
        sentences = [", ".join(parts)] if parts else []
        for practice, more in open_weekly:
            sentences.append(
                self.tr("%1 can be done any day this week, %2 more this week")
                .replace("%1", practice)
                .replace("%2", str(more))
            )
        words = "; ".join(sentences) if sentences else self.tr("nothing planned")
        label = self.tr("%1 (today)").replace("%1", name) if is_today else name
        return f"{label}: {words}"

    # --- no plan -----------------------------------------------------------------------

    def _add_no_plan(self, column: QVBoxLayout) -> None:
        heading = make_label(self.tr("No plan at the moment"), "heading")
        heading.setAccessibleName(heading.text())
        column.addWidget(heading)
        words = make_label(
            self.tr(
                "When your therapist gives you a plan, it will show here. "
                "Until then, any practice is welcome."
            ),
            "muted",
        )
        words.setAccessibleName(words.text())
        column.addWidget(words)
        recent = self.recent_practices()
        short = [p for p in self.short_practices() if p[0].id not in {r[0].id for r in recent}]
        for title, offers in (
            (self.tr("Done recently"), recent),
            (self.tr("Short practices"), short[:OFFERS]),
        ):
            if not offers:
                continue
            column.addSpacing(SPACE["s"])
            label = make_label(title, "subheading")
            label.setAccessibleName(title)
            column.addWidget(label)
            for practice, length in offers:
                self._add_offer(column, practice, length)

    def recent_practices(self) -> list[tuple[Practice, float | None]]:
        """Up to three practices from the journal, most recent first, each once, that
        the library has; with the length last chosen when the practice still offers it."""
        if self.journal is None:
            return []
        try:
            entries = self.journal.entries(limit=_RECENT_LOOKBACK)
        except JournalError:
            return []
        found: list[tuple[Practice, float | None]] = []
        seen: set[str] = set()
        for entry in entries:
            if entry.practice_id in seen:
                continue
            seen.add(entry.practice_id)
            practice = self.library.practice(entry.practice_id)
            if practice is None:
                continue
            length = entry.length if entry.length in practice.lengths else None
            found.append((practice, length))
            if len(found) == OFFERS:
                break
        return found

    def short_practices(self) -> list[tuple[Practice, float | None]]:
        """Practices with a length of at most 5 minutes (that length is offered), or
        without lengths and a fixed time under 6 minutes, by title."""
        found: list[tuple[Practice, float | None]] = []
        for practice_id in sorted(self.library.practices):
            practice = self.library.practice(practice_id)
            if practice is None:
                continue
            if practice.lengths:
                fitting = [x for x in practice.lengths if x <= SHORT_LENGTH]
                if fitting:
                    found.append((practice, min(fitting)))
            else:
                fixed = fixed_time(practice)
                if fixed is not None and fixed < SHORT_FIXED:
                    found.append((practice, None))
        found.sort(key=lambda pair: pair[0].title.get(self.language).casefold())
        return found[: OFFERS * 2]

    def _add_offer(self, column: QVBoxLayout, practice: Practice, length: float | None) -> None:
        card = QFrame()
        card.setProperty("role", "card")
        row = QHBoxLayout(card)
        row.setContentsMargins(SPACE["m"], SPACE["s"] + SPACE["xs"], SPACE["m"], SPACE["s"])
        row.setSpacing(SPACE["m"])
        words = QVBoxLayout()
        words.setSpacing(SPACE["xs"])
        name = practice.title.get(self.language)
        title = make_label(name)
        title.setAccessibleName(name)
        words.addWidget(title)
        shown = length if length is not None else practice.default_length
        if shown is None:
            fixed = fixed_time(practice)
            about = (
                self.tr("about %1").replace("%1", rough_length(fixed)) if fixed is not None else ""
            )
        else:
            about = length_text(shown)
        summary = practice.summary.get(self.language)
        meta = make_label(" · ".join(p for p in (about, summary) if p), "muted")
        meta.setAccessibleName(meta.text())
        words.addWidget(meta)
        row.addLayout(words, 1)
        row.addWidget(
            self._start_button(practice.id, name, length), 0, Qt.AlignmentFlag.AlignVCenter
        )
        card.setAccessibleName(name)
        card.setAccessibleDescription(meta.text())
        column.addWidget(card)

    # --- buttons -----------------------------------------------------------------------

    def _start_button(self, practice_id: str, name: str, length: float | None) -> QPushButton:
        button = QPushButton(self.tr("Start"))
        button.setAccessibleName(self.tr("Start %1").replace("%1", name))
        description = (
            self.tr("Starts %1, %2").replace("%1", name).replace("%2", length_text(length))
            if length is not None
            else self.tr("Starts %1").replace("%1", name)
        )
        button.setAccessibleDescription(description)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self.practice_requested.emit(practice_id, length))
        self.start_buttons.append(button)
        return button
