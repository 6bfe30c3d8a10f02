"""Today: what the active plans ask for today, how this week is going, and a way to start.

For each plan active today: its title, who it is from, the therapist's message (in a
gentle card), how to reach them, then the items due or done today, each with a Start
button, and a small row of the week (Monday to Sunday, a mark per item, today
highlighted; said in words for screen readers) with a key to its marks under it: the
row is `week_row`, its marks are worked out in `week_marks`.

Without an active plan: a calm line, and a few practices to start from: the ones done
most recently and some short ones (`today_offers`).

Completed sessions come from the journal (`schedule.completions`); without a journal
nothing counts as done, and when the journal could not be opened or read, a note at
the top says why and what to do (so "Not yet" is not taken at its word). Nothing is
ever shown as missed: only what is done and what is still open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop_app.core import schedule
from desktop_app.core.library import Library, PracticeEntry
from desktop_app.core.model import PerWeek, Plan
from desktop_app.core.schedule import Completion, DayItem
from desktop_app.storage.journal import Journal, JournalError
from desktop_app.storage.plans import StoredPlan
from desktop_app.ui.app_state import AppState
from desktop_app.ui.journal_unavailable import after_a_failed_read
from desktop_app.ui.journal_words import journal_problem
from desktop_app.ui.shared_words import day_names, length_text, long_day_names, rough_length
from desktop_app.ui.theme import SPACE
from desktop_app.ui.today_offers import OFFERS, recent_practices, short_practices
from desktop_app.ui.week_marks import plan_week, shown_marks
from desktop_app.ui.week_row import WeekRow, say_day, week_key
from desktop_app.ui.widgets import make_label

if TYPE_CHECKING:
    from desktop_app.ui.journal_host import JournalHost


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
        #: Why what was done cannot be shown, and what to do ("" when it can).
        self.journal_note = ""
        self._journal_host: JournalHost | None = None

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

    def follow(self, state: AppState, journal_host: JournalHost | None = None) -> None:
        """Show what `state` holds now, and again whenever its journal, plans or
        library change; `journal_host` says why the journal could not be opened."""
        self._app_state = state
        self._journal_host = journal_host
        for signal in (state.journal_changed, state.plans_changed, state.library_changed):
            signal.connect(self._follow_state)
        if self._unavailable():  # built before the host was known
            self.refresh()

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
        self.journal_note = self._unavailable()
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
        if self.journal_note:
            self._add_journal_note(column)
        column.addStretch()
        old = self.area.takeWidget()
        self.area.setWidget(content)
        if old is not None:
            old.deleteLater()

    # --- plans -------------------------------------------------------------------------

    def _unavailable(self) -> str:
        """Why the journal could not be opened, and what to do ("" when it is open)."""
        host = self._journal_host
        return host.unavailable if self.journal is None and host is not None else ""

    def _completions(self, since: date) -> list[Completion]:
        if self.journal is None:
            return []
        try:
            return schedule.completions(self.journal.entries(since=since))
        except JournalError as error:
            said = self.tr("Your journal could not be read just now, so nothing shows as done.")
            self.journal_note = f"{said} {journal_problem(error)} {after_a_failed_read()}"
            return []

    def _add_journal_note(self, column: QVBoxLayout) -> None:
        """First on the page: why nothing shows as done, and what to do."""
        card = QFrame()
        card.setProperty("role", "card")
        inside = QVBoxLayout(card)
        inside.setContentsMargins(SPACE["m"], SPACE["m"], SPACE["m"], SPACE["m"])
        heading = make_label(self.tr("Your journal is not available"), "subheading")
        heading.setAccessibleName(heading.text())
        inside.addWidget(heading)
        words = make_label(self.journal_note, "warning")
        words.setAccessibleName(self.journal_note)
        inside.addWidget(words)
        card.setAccessibleName(heading.text())
        card.setAccessibleDescription(self.journal_note)
        column.insertWidget(0, card)

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
        entry = self.library.practices.get(item.practice)
        practice = entry.summary if entry is not None else None
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
        days = plan_week(plan.id, week, schedule.week_start(day))
        long = long_day_names()
        spoken = [
            say_day(long[number], week_day, self._practice_name, number == day.weekday())
            for number, week_day in enumerate(days)
        ]
        row = WeekRow()
        row.set_days(days, day_names(), day)
        row.setAccessibleName(
            self.tr("This week of %1").replace("%1", plan.title.get(self.language))
        )
        row.setAccessibleDescription(". ".join(spoken) + ".")
        self.week_rows.append(row)
        column.addWidget(row)
        legend = week_key(shown_marks(days))
        self.week_legends.append(legend)
        column.addWidget(legend)

    def _practice_name(self, practice_id: str) -> str:
        entry = self.library.practices.get(practice_id)
        return entry.summary.title.get(self.language) if entry is not None else practice_id

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
        recent = recent_practices(self.journal, self.library)
        chosen = {practice.id for practice, _ in recent}
        short = [p for p in short_practices(self.library, self.language) if p[0].id not in chosen]
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

    def _add_offer(self, column: QVBoxLayout, entry: PracticeEntry, length: float | None) -> None:
        practice = entry.summary
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
            fixed = practice.fixed
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
        row.addWidget(self._start_button(entry.id, name, length), 0, Qt.AlignmentFlag.AlignVCenter)
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
