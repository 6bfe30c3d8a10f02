"""What the active plans ask for on a day, what is done, and adherence over a range.

Pure date arithmetic. Days are local calendar dates; completed sessions come in as
(practice id, local date) pairs (`completions` makes them from journal entries).
A plan item counts as done when a practice of that id was completed on that day, or,
for `per_week`, often enough in that ISO week (Monday to Sunday).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from desktop_app.core.model import Daily, OnDays, PerWeek, Plan, PlanItem, Weekdays

#: (practice id, local date) of one completed session.
Completion = tuple[str, dt.date]


class _Session(Protocol):
    @property
    def practice_id(self) -> str: ...

    @property
    def started_at(self) -> dt.datetime: ...

    @property
    def completed(self) -> bool: ...


def local_date(moment: dt.datetime, tz: dt.tzinfo | None = None) -> dt.date:
    """The calendar date of `moment` in `tz` (default: this computer's time zone).
    `moment` must be time-zone aware."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("expected a time-zone aware datetime")
    return moment.astimezone(tz).date()


def completions(sessions: Iterable[_Session], tz: dt.tzinfo | None = None) -> list[Completion]:
    """The completed sessions among `sessions` as (practice id, local date) pairs."""
    return [(s.practice_id, local_date(s.started_at, tz)) for s in sessions if s.completed]


def week_start(day: dt.date) -> dt.date:
    """The Monday of `day`'s ISO week."""
    return day - dt.timedelta(days=day.isoweekday() - 1)


def starts_on(plan: Plan, imported_on: dt.date) -> dt.date:
    return plan.starts if plan.starts is not None else imported_on


def is_active(plan: Plan, day: dt.date, imported_on: dt.date) -> bool:
    """The plan runs from `starts` (default: the day it was imported) to `ends`
    (inclusive; default: no end)."""
    if day < starts_on(plan, imported_on):
        return False
    return plan.ends is None or day <= plan.ends


def due_on(item: PlanItem, day: dt.date) -> bool:
    """Whether the item's schedule names `day`. A `per_week` item may be done on any
    day of the week, so it is due every day (until done: see `today`)."""
    when = item.when
    if isinstance(when, Daily | PerWeek):
        return True
    if isinstance(when, Weekdays):
        return day.isoweekday() <= 5
    if isinstance(when, OnDays):
        return day.isoweekday() in when.days
    raise TypeError(f"unknown schedule {when!r}")  # pragma: no cover


@dataclass(frozen=True)
class DayItem:
    plan_id: str
    #: The item's index in `plan.items` (from 0).
    index: int
    item: PlanItem
    #: Asked for on this day. A `per_week` item is due each day of the week until the
    #: day its count is reached (that day included).
    due: bool
    done: bool
    #: Completed sessions of the practice that count: that day, or for `per_week`
    #: that ISO week up to and including the day (while the plan was active).
    done_count: int
    #: 1, or the `per_week` number.
    needed: int
    #: Completed sessions of the practice on this very day (for a `per_week` item, the
    #: days of the week it was done on; `done_count` is the running total).
    sessions: int = 0


class _Done:
    """Completed sessions counted by practice and day."""

    def __init__(self, completed: Iterable[Completion]) -> None:
        self.counts: Counter[Completion] = Counter((practice, day) for practice, day in completed)

    def on(self, practice: str, day: dt.date) -> int:
        return self.counts.get((practice, day), 0)

    def between(self, practice: str, first: dt.date, last: dt.date) -> int:
        total, day = 0, first
        while day <= last:
            total += self.on(practice, day)
            day += dt.timedelta(days=1)
        return total


def _imported(plan: Plan, imported_on: Mapping[str, dt.date]) -> dt.date:
    if plan.id in imported_on:
        return imported_on[plan.id]
    if plan.starts is not None:
        return plan.starts
    raise KeyError(f'no import date for plan "{plan.id}", which has no start date')


def _day_items(
    plans: Sequence[Plan], day: dt.date, done: _Done, imported_on: Mapping[str, dt.date]
) -> list[DayItem]:
    result: list[DayItem] = []
    for plan in plans:
        imported = _imported(plan, imported_on)
        if not is_active(plan, day, imported):
            continue
        first = max(week_start(day), starts_on(plan, imported))
        for index, item in enumerate(plan.items):
            sessions = done.on(item.practice, day)
            if isinstance(item.when, PerWeek):
                needed = item.when.times
                before = done.between(item.practice, first, day - dt.timedelta(days=1))
                count = before + sessions
                due = before < needed
            else:
                needed = 1
                count = sessions
                due = due_on(item, day)
            result.append(
                DayItem(plan.id, index, item, due, count >= needed, count, needed, sessions)
            )
    return result


def today(
    plans: Sequence[Plan],
    day: dt.date,
    completed: Iterable[Completion],
    imported_on: Mapping[str, dt.date],
) -> list[DayItem]:
    """Every item of the plans active on `day`, in plan and item order, with whether it
    is due and whether it is done. Items not due that day are included (`due` False)
    so a practice done anyway can show; a "Today" list keeps `due or done`.
    `imported_on` maps plan ids to import dates (needed for plans without `starts`)."""
    return _day_items(plans, day, _Done(completed), imported_on)


def week(
    plans: Sequence[Plan],
    day: dt.date,
    completed: Iterable[Completion],
    imported_on: Mapping[str, dt.date],
) -> list[list[DayItem]]:
    """`today` for each day, Monday to Sunday, of `day`'s ISO week."""
    done = _Done(completed)
    monday = week_start(day)
    return [_day_items(plans, monday + dt.timedelta(days=n), done, imported_on) for n in range(7)]


class WeekCount(NamedTuple):
    week_start: dt.date
    planned: int
    done: int


@dataclass(frozen=True)
class ItemAdherence:
    index: int
    practice: str
    planned: int
    done: int
    #: Per ISO week overlapping the range while the plan was active, oldest first.
    weekly: tuple[WeekCount, ...] = ()


def adherence(
    plan: Plan,
    start: dt.date,
    end: dt.date,
    completed: Iterable[Completion],
    imported_on: dt.date,
) -> list[ItemAdherence]:
    """Planned against done for each item of `plan`, over `start`..`end` (inclusive)
    clipped to the days the plan is active.

    A daily, weekdays or on-days item plans one session on each day it is due, and
    counts a day done when a session of its practice was completed that day. A
    `per_week` item plans N sessions per ISO week (fewer when the plan is active on
    fewer than N days of that week within the range) and counts the sessions completed
    on those days, up to the number planned."""
    first = max(start, starts_on(plan, imported_on))
    last = end if plan.ends is None else min(end, plan.ends)
    done = _Done(completed)
    weeks: list[tuple[dt.date, dt.date, dt.date]] = []  # (monday, first day, last day)
    monday = week_start(first)
    while first <= last and monday <= last:
        weeks.append((monday, max(monday, first), min(monday + dt.timedelta(days=6), last)))
        monday += dt.timedelta(days=7)
    result: list[ItemAdherence] = []
    for index, item in enumerate(plan.items):
        weekly: list[WeekCount] = []
        for monday, a, b in weeks:
            days = [a + dt.timedelta(days=n) for n in range((b - a).days + 1)]
            if isinstance(item.when, PerWeek):
                planned = min(item.when.times, len(days))
                got = min(planned, sum(done.on(item.practice, d) for d in days))
            else:
                due = [d for d in days if due_on(item, d)]
                planned = len(due)
                got = sum(1 for d in due if done.on(item.practice, d))
            weekly.append(WeekCount(monday, planned, got))
        result.append(
            ItemAdherence(
                index,
                item.practice,
                sum(w.planned for w in weekly),
                sum(w.done for w in weekly),
                tuple(weekly),
            )
        )
    return result
