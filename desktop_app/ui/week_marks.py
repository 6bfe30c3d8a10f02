"""The marks of Today's week row, worked out from the schedule (no Qt here).

Each day of the week has a mark per plan item: "done", filled, on a day it was done;
"due", a ring, on a day it is planned; "rest", a small faint dot, on a day that asks
nothing. A "times a week" (`per_week`) item has no day of its own: it is "done" on each
day a session of it was completed and "any" (any day this week) on the other days
while the week's number is not reached; once it is, it rests.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from desktop_app.core.model import PerWeek
from desktop_app.core.schedule import DayItem

DayState = str  # "done" | "due" | "any" | "rest"

#: The marks, in the order the key under the row explains them.
MARKS: Final = ("done", "due", "any", "rest")


@dataclass(frozen=True)
class WeekDay:
    """One day of the week row: its date and the state of each of the plan's items."""

    day: date
    states: tuple[DayState, ...]
    #: Each "times a week" item of the day not yet done often enough this week, as
    #: (practice id, how many more sessions).
    open_weekly: tuple[tuple[str, int], ...] = ()


def plan_week(plan_id: str, week: Sequence[Sequence[DayItem]], monday: date) -> list[WeekDay]:
    """The seven days of one plan, from `schedule.week` of all plans (Monday first)."""
    mine_by_day = [[i for i in items if i.plan_id == plan_id] for items in week]
    # A per_week item's sessions so far this week, by its index in the plan.
    so_far: dict[int, int] = {}
    for items in mine_by_day:
        for entry in items:
            if isinstance(entry.item.when, PerWeek):
                so_far[entry.index] = so_far.get(entry.index, 0) + entry.sessions
    days: list[WeekDay] = []
    for number, mine in enumerate(mine_by_day):
        open_weekly = tuple(
            (entry.item.practice, entry.needed - so_far[entry.index])
            for entry in mine
            if isinstance(entry.item.when, PerWeek) and so_far[entry.index] < entry.needed
        )
        days.append(
            WeekDay(
                monday + timedelta(days=number),
                tuple(mark_state(entry, so_far) for entry in mine),
                open_weekly,
            )
        )
    return days


def mark_state(entry: DayItem, so_far: dict[int, int]) -> DayState:
    """Filled on a day it was done; a per_week item is otherwise "any day this week"
    until the week's number is reached, then it rests."""
    if isinstance(entry.item.when, PerWeek):
        if entry.sessions:
            return "done"
        return "any" if so_far[entry.index] < entry.needed else "rest"
    return "done" if entry.done else "due" if entry.due else "rest"


def shown_marks(days: Sequence[WeekDay]) -> list[DayState]:
    """The marks the key explains: those on show, and "done" always (it is what the
    row is for)."""
    shown = {state for d in days for state in d.states} | {"done"}
    return [m for m in MARKS if m in shown]
