"""The week row's marks, worked out from the schedule's days: done, planned, any day
this week for a "times a week" item until its number is reached, then rest."""

from __future__ import annotations

from datetime import date

from desktop_app.core.model import Daily, PerWeek, PlanItem
from desktop_app.core.schedule import DayItem
from desktop_app.ui.week_marks import plan_week, shown_marks

MONDAY = date(2026, 11, 30)
DAILY = PlanItem("breath", Daily())
TWICE = PlanItem("scan", PerWeek(2))


def daily(*, done: bool = False, due: bool = True) -> DayItem:
    return DayItem("plan", 0, DAILY, due=due, done=done, done_count=int(done), needed=1)


def twice(sessions: int, running: int, plan: str = "plan") -> DayItem:
    return DayItem(
        plan, 1, TWICE, due=True, done=running >= 2, done_count=running, needed=2, sessions=sessions
    )


def test_a_daily_item_is_filled_when_done_and_a_ring_while_planned() -> None:
    week = [[daily(done=True)], [daily()], *[[daily(due=False)]] * 5]
    days = plan_week("plan", week, MONDAY)
    assert [d.day.day for d in days] == [30, 1, 2, 3, 4, 5, 6]
    assert [d.states for d in days] == [("done",), ("due",), *([("rest",)] * 5)]
    assert all(d.open_weekly == () for d in days)


def test_a_times_a_week_item_is_any_day_until_reached_then_rests() -> None:
    once = [[twice(1 if n == 1 else 0, 1 if n >= 1 else 0)] for n in range(7)]
    days = plan_week("plan", once, MONDAY)
    assert [d.states for d in days] == [("any",), ("done",), *([("any",)] * 5)]
    assert days[0].open_weekly == (("scan", 1),)

    reached = [[twice(1 if n in (1, 3) else 0, min(2, (n >= 1) + (n >= 3)))] for n in range(7)]
    days = plan_week("plan", reached, MONDAY)
    assert [d.states for d in days] == [
        ("rest",),
        ("done",),
        ("rest",),
        ("done",),
        *([("rest",)] * 3),
    ]
    assert all(d.open_weekly == () for d in days)


def test_only_the_plans_own_items_count() -> None:
    week = [[daily(), twice(0, 0, plan="other")]] * 7
    assert [d.states for d in plan_week("plan", week, MONDAY)] == [("due",)] * 7


def test_the_key_explains_the_marks_on_show_and_done_always() -> None:
    week = [[daily(due=False)], *[[daily()]] * 6]
    assert shown_marks(plan_week("plan", week, MONDAY)) == ["done", "due", "rest"]
    assert shown_marks([]) == ["done"]
