"""The person's plans: their store, gentle reminders at an item's `at` time (only
while Attune runs), and who to reach, from the plans running today."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop_app.storage.paths import AppPaths
from desktop_app.storage.plans import PlanStore, StoredPlan
from desktop_app.ui.app_state import AppState

if TYPE_CHECKING:  # the reminders and the journal load after the first page is shown
    from desktop_app.core.schedule import DayItem
    from desktop_app.ui.reminders import ReminderService
    from desktop_app.ui.report_dialog import ReportDialog


class PlansHost(QObject):
    #: A reminder is due: (practice id, the words for the window's notice).
    reminded = Signal(str, str)
    #: The person clicked a reminder: the window comes forward, on Today.
    open_requested = Signal()

    def __init__(self, state: AppState, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.paths = paths
        state.plans = PlanStore(paths.plans)
        self.reminders: ReminderService | None = None

    def start_reminders(self) -> None:
        from desktop_app.ui.reminders import ReminderService

        if self.reminders is not None:
            return
        self.reminders = ReminderService(
            clock_now=lambda: datetime.now().astimezone(),
            items=self._reminder_items,
            state_file=self.paths.data / "reminders.json",
            titles=self.title,
            parent=self,
        )
        self.reminders.open_requested.connect(self.open_requested)
        self.reminders.reminder.connect(lambda r: self._remind(r.practice_id))
        self.reminders.start()

    def relanguage(self) -> None:
        if self.reminders is not None:
            self.reminders.word_actions()

    def stop(self) -> None:
        if self.reminders is not None:
            self.reminders.stop()

    def _remind(self, practice_id: str) -> None:
        text = self.tr("Time for %1, as your plan suggests.").replace("%1", self.title(practice_id))
        self.reminded.emit(practice_id, text)

    def _reminder_items(self) -> list[DayItem]:
        plans, journal = self.state.plans, self.state.journal
        day = datetime.now().astimezone().date()
        stored = [s for s in plans.plans() if not s.archived] if plans is not None else []
        if not stored:
            return []  # and the schedule, with the plans' model, is not loaded
        from desktop_app.core import schedule
        from desktop_app.storage.journal import JournalError

        try:
            since = schedule.week_start(day)
            done = schedule.completions(journal.entries(since=since)) if journal else []
        except JournalError:
            done = []
        imported = {s.plan.id: s.imported_on for s in stored}
        return schedule.today([s.plan for s in stored], day, done, imported)

    def title(self, practice_id: str) -> str:
        library = self.state.library
        entry = library.practices.get(practice_id) if library is not None else None
        return entry.summary.title.get(self.state.language) if entry is not None else practice_id

    def report(self, plan_id: str, parent: QWidget, *, locked: bool = False) -> ReportDialog | None:
        """The adherence report on a plan, previewed; reflections only when ticked.
        `locked`: the journal is locked (the report warns, and offers an archive)."""
        from desktop_app.ui.report_dialog import ReportDialog

        state = self.state
        stored = state.plans.get(plan_id) if state.plans is not None else None
        if stored is None:
            return None
        entries = state.journal.entries() if state.journal is not None else []
        library = state.library
        titles = (
            {i: e.summary.title.get(state.language) for i, e in library.practices.items()}
            if library is not None
            else None
        )
        dialog = ReportDialog(
            stored,
            entries,
            date.today(),
            state.language,
            parent=parent,
            library_titles=titles,
            locked=locked,
        )
        dialog.open()
        return dialog

    def support(self, language: str) -> tuple[tuple[str, str], ...]:
        """Who to reach and how, from the plans running today: shown with the safety
        information (formats.md), before a practice and in a pause."""
        return tuple(
            (s.plan.assigned_by, s.plan.contact.get(language))
            for s in self._running_today()
            if s.plan.contact is not None
        )

    def has_active_plan(self) -> bool:
        """Whether a plan runs today (then the window opens on Today)."""
        return bool(self._running_today())

    def _running_today(self) -> list[StoredPlan]:
        plans = self.state.plans
        stored = [s for s in plans.plans() if not s.archived] if plans is not None else []
        if not stored:
            return []  # and the schedule, with the plans' model, is not loaded at start-up
        from desktop_app.core import schedule

        day = date.today()
        return [s for s in stored if schedule.is_active(s.plan, day, s.imported_on)]
