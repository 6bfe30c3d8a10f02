"""Plan reminders: due at the item's local time, once a day, again after a snooze."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from desktop_app.core.model import Daily, OnDays, Plan, PlanItem
from desktop_app.core.reminders import Reminder, due_reminders
from desktop_app.core.schedule import today
from desktop_app.core.text import Text

AMS = ZoneInfo("Europe/Amsterdam")
MON = dt.date(2026, 11, 30)


def plan(*items: PlanItem, plan_id: str = "p") -> Plan:
    return Plan(plan_id, Text.plain("P", "en"), "en", "Dr. X", items, starts=dt.date(2026, 1, 1))


def at(day: dt.date, hh: int, mm: int = 0, *, fold: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hh, mm, tzinfo=AMS, fold=fold)


def due(
    p: Plan,
    now: dt.datetime,
    done: tuple[str, ...] = (),
    shown: dict[str, str] | None = None,
    snoozed: dict[str, dt.datetime] | None = None,
) -> list[str]:
    items = today([p], now.date(), [(d, now.date()) for d in done], {})
    return [r.key for r in due_reminders(items, now, shown or {}, snoozed or {})]


MORNING = PlanItem("box", Daily(), at=dt.time(8, 0))


def test_not_before_the_time_and_from_the_time_on() -> None:
    p = plan(MORNING)
    assert due(p, at(MON, 7, 59)) == []
    assert due(p, at(MON, 8, 0)) == ["p#0"]
    assert due(p, at(MON, 21, 0)) == ["p#0"]


def test_the_reminder_names_the_item() -> None:
    p = plan(PlanItem("other", Daily()), MORNING, plan_id="weeks")
    items = today([p], MON, [], {})
    assert due_reminders(items, at(MON, 9), {}, {}) == [
        Reminder("weeks#1", "weeks", 1, "box", dt.time(8, 0))
    ]


def test_once_a_day() -> None:
    p = plan(MORNING)
    assert due(p, at(MON, 9), shown={"p#0": MON.isoformat()}) == []
    yesterday = (MON - dt.timedelta(days=1)).isoformat()
    assert due(p, at(MON, 9), shown={"p#0": yesterday}) == ["p#0"]


def test_not_when_done_or_not_due_or_without_a_time() -> None:
    p = plan(MORNING, PlanItem("x", OnDays(frozenset({3}))), PlanItem("y", Daily()))
    assert due(p, at(MON, 9), done=("box",)) == []
    tuesday_wednesday = plan(PlanItem("x", OnDays(frozenset({3})), at=dt.time(8)))
    assert due(tuesday_wednesday, at(MON, 9)) == []
    assert due(tuesday_wednesday, at(MON + dt.timedelta(days=2), 9)) == ["p#0"]
    assert due(plan(PlanItem("y", Daily())), at(MON, 23, 59)) == []


def test_a_snooze_waits_then_shows_the_same_reminder_again() -> None:
    p = plan(MORNING)
    shown = {"p#0": MON.isoformat()}
    snoozed = {"p#0": at(MON, 8, 10)}
    assert due(p, at(MON, 8, 9), shown=shown, snoozed=snoozed) == []
    assert due(p, at(MON, 8, 10), shown=shown, snoozed=snoozed) == ["p#0"]


def test_a_snoozed_item_done_meanwhile_stays_quiet() -> None:
    p = plan(MORNING)
    snoozed = {"p#0": at(MON, 8, 10)}
    assert due(p, at(MON, 8, 30), done=("box",), snoozed=snoozed) == []


def test_spring_forward_a_missing_time_fires_when_the_clocks_jump() -> None:
    day = dt.date(2026, 3, 29)  # 02:00 CET becomes 03:00 CEST
    p = plan(PlanItem("box", Daily(), at=dt.time(2, 30)))
    just_before = dt.datetime(2026, 3, 29, 0, 59, tzinfo=dt.UTC).astimezone(AMS)
    assert just_before.hour == 1
    assert due(p, just_before) == []
    jump = dt.datetime(2026, 3, 29, 1, 0, tzinfo=dt.UTC).astimezone(AMS)
    assert (jump.date(), jump.hour, jump.minute) == (day, 3, 0)
    assert due(p, jump) == ["p#0"]


def test_fall_back_fires_at_the_first_of_the_two_times() -> None:
    day = dt.date(2026, 10, 25)  # 03:00 CEST becomes 02:00 CET
    p = plan(PlanItem("box", Daily(), at=dt.time(2, 30)))
    assert due(p, at(day, 2, 29)) == []
    assert due(p, at(day, 2, 30)) == ["p#0"]
    second = at(day, 2, 30, fold=1)
    assert due(p, second, shown={"p#0": day.isoformat()}) == []


def test_a_fixed_offset_now_uses_its_own_wall_clock() -> None:
    now = dt.datetime(2026, 11, 30, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert due(plan(MORNING), now) == ["p#0"]


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        due_reminders([], dt.datetime(2026, 11, 30, 8), {}, {})
