"""Which plan items should remind the user now: pure, no timers, no files.

A plan item with `at: "HH:MM"` reminds once on each day it is due and not yet done,
at or after that local time. The caller keeps two small records: `shown` (key → ISO
date of the day the reminder was last shown) and `snoozed` (key → aware moment until
which it waits). A snooze that has run out shows the same reminder again — the one
exception to "once a day"; the caller clears the snooze when it shows it.

Time of day is compared on the local wall clock: the reminder is due when `now`, read
in its own time zone, is on the day and at or after `at`. So on a day the clocks go
forward (Europe/Amsterdam, 2026-03-29, 02:00 → 03:00) an 02:30 reminder fires at
03:00, the first local moment past 02:30; on a day they go back it fires at the first
02:30 and, being shown, not at the second. This is `datetime.combine(day, at, tz)`
normalized forward through a gap, and it works the same when `now` carries a fixed
UTC offset instead of a zone. Snoozes are compared as aware moments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the schedule loads the practice model: started reminders need neither
    from desktop_app.core.schedule import DayItem


@dataclass(frozen=True)
class Reminder:
    #: f"{plan_id}#{index}": stable for an item across days and restarts.
    key: str
    plan_id: str
    index: int
    practice_id: str
    #: The item's local reminder time, as written in the plan.
    at: dt.time


def reminder_key(plan_id: str, index: int) -> str:
    return f"{plan_id}#{index}"


def due_reminders(
    day_items: Sequence[DayItem],
    now: dt.datetime,
    shown: Mapping[str, str],
    snoozed: Mapping[str, dt.datetime],
) -> list[Reminder]:
    """The reminders to show at `now` (local, time-zone aware) among `day_items`
    (`schedule.today` for `now`'s date), in item order, at most one per item.
    Nothing when no item has `at`."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("expected a time-zone aware datetime")
    day = now.date()
    wall = now.replace(tzinfo=None, fold=0)
    result: list[Reminder] = []
    for entry in day_items:
        at = entry.item.at
        if at is None or not entry.due or entry.done:
            continue
        if wall < dt.datetime.combine(day, at.replace(tzinfo=None)):
            continue
        key = reminder_key(entry.plan_id, entry.index)
        until = snoozed.get(key)
        if until is not None:
            if until > now:
                continue
        elif shown.get(key) == day.isoformat():
            continue
        result.append(Reminder(key, entry.plan_id, entry.index, entry.item.practice, at))
    return result
