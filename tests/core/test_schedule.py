"""Plan schedules: what is due on a day, what is done, and adherence over a range."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.model import Daily, OnDays, PerWeek, Plan, PlanItem, Schedule, Weekdays
from desktop_app.core.schedule import (
    DayItem,
    ItemAdherence,
    WeekCount,
    adherence,
    completions,
    due_on,
    is_active,
    local_date,
    today,
    week,
    week_start,
)
from desktop_app.core.text import Text

D = dt.date
MON = D(2026, 11, 30)  # a Monday
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def plan(
    *whens: Schedule,
    practices: tuple[str, ...] | None = None,
    starts: dt.date | None = None,
    ends: dt.date | None = None,
    plan_id: str = "p",
) -> Plan:
    names = practices or tuple(f"x{n}" for n in range(len(whens)))
    items = tuple(PlanItem(name, when) for name, when in zip(names, whens, strict=True))
    return Plan(plan_id, Text.plain("P", "en"), "en", "Dr. X", items, starts=starts, ends=ends)


def item(when: Schedule, practice: str = "x0") -> PlanItem:
    return PlanItem(practice, when)


def days(first: dt.date, count: int) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range(count)]


# --- active -------------------------------------------------------------------------


def test_a_plan_without_starts_begins_the_day_it_was_imported() -> None:
    p = plan(Daily())
    assert not is_active(p, MON - dt.timedelta(days=1), MON)
    assert is_active(p, MON, MON)
    assert is_active(p, D(2030, 1, 1), MON)


def test_starts_and_ends_are_inclusive_and_starts_beats_the_import_date() -> None:
    p = plan(Daily(), starts=D(2026, 12, 1), ends=D(2026, 12, 14))
    imported = D(2026, 11, 20)
    assert not is_active(p, D(2026, 11, 30), imported)
    assert is_active(p, D(2026, 12, 1), imported)
    assert is_active(p, D(2026, 12, 14), imported)
    assert not is_active(p, D(2026, 12, 15), imported)
    # Imported after it started: it still runs from `starts`.
    assert is_active(p, D(2026, 12, 2), D(2026, 12, 5))


# --- due ----------------------------------------------------------------------------


def test_daily_is_due_every_day() -> None:
    assert all(due_on(item(Daily()), d) for d in days(MON, 14))


def test_weekdays_are_monday_to_friday() -> None:
    due = [due_on(item(Weekdays()), d) for d in days(MON, 7)]
    assert due == [True] * 5 + [False] * 2


def test_on_days_uses_iso_weekday_numbers() -> None:
    due = [due_on(item(OnDays(frozenset({1, 3, 7}))), d) for d in days(MON, 7)]
    assert due == [True, False, True, False, False, False, True]


def test_per_week_is_due_on_any_day() -> None:
    assert all(due_on(item(PerWeek(2)), d) for d in days(MON, 7))


# --- today --------------------------------------------------------------------------


def test_today_lists_every_item_of_active_plans_with_due_and_done() -> None:
    p = plan(Daily(), Weekdays(), OnDays(frozenset({2})), practices=("a", "b", "c"))
    saturday = MON + dt.timedelta(days=5)
    done = [("a", saturday), ("a", saturday), ("b", saturday), ("c", MON)]
    items = today([p], saturday, done, {"p": MON})
    assert items == [
        DayItem("p", 0, p.items[0], due=True, done=True, done_count=2, needed=1, sessions=2),
        DayItem("p", 1, p.items[1], due=False, done=True, done_count=1, needed=1, sessions=1),
        DayItem("p", 2, p.items[2], due=False, done=False, done_count=0, needed=1, sessions=0),
    ]


def test_a_session_on_another_day_does_not_count() -> None:
    p = plan(Daily(), practices=("a",))
    [entry] = today([p], MON, [("a", MON - dt.timedelta(days=1)), ("b", MON)], {"p": MON})
    assert not entry.done and entry.done_count == 0


def test_inactive_plans_are_left_out_and_plans_keep_their_order() -> None:
    early = plan(Daily(), plan_id="early", ends=MON - dt.timedelta(days=1))
    later = plan(Daily(), plan_id="later", starts=MON + dt.timedelta(days=1))
    first = plan(Daily(), plan_id="b-first")
    second = plan(Daily(), plan_id="a-second")
    imported = {"b-first": MON, "a-second": MON, "early": MON - dt.timedelta(days=9)}
    assert [i.plan_id for i in today([early, first, later, second], MON, [], imported)] == [
        "b-first",
        "a-second",
    ]


def test_a_plan_without_starts_needs_an_import_date() -> None:
    with pytest.raises(KeyError, match="no import date"):
        today([plan(Daily())], MON, [], {})
    # With a start date the import date may be missing.
    assert len(today([plan(Daily(), starts=MON)], MON, [], {})) == 1


def test_per_week_counts_the_week_up_to_the_day() -> None:
    p = plan(PerWeek(2), practices=("a",))
    done = [("a", MON), ("a", MON + dt.timedelta(days=2))]
    by_day = [today([p], d, done, {"p": MON})[0] for d in days(MON, 7)]
    assert [i.done_count for i in by_day] == [1, 1, 2, 2, 2, 2, 2]
    assert [i.done for i in by_day] == [False, False, True, True, True, True, True]
    # Due until the day the count is reached, that day included.
    assert [i.due for i in by_day] == [True, True, True, False, False, False, False]
    assert {i.needed for i in by_day} == {2}
    # The sessions of each day itself: what a week row fills in.
    assert [i.sessions for i in by_day] == [1, 0, 1, 0, 0, 0, 0]


def test_per_week_starts_again_each_iso_week() -> None:
    p = plan(PerWeek(1), practices=("a",))
    sunday = MON + dt.timedelta(days=6)
    done = [("a", sunday)]
    assert today([p], sunday, done, {"p": MON})[0].done
    next_monday = today([p], sunday + dt.timedelta(days=1), done, {"p": MON})[0]
    assert (next_monday.done, next_monday.done_count, next_monday.due) == (False, 0, True)


def test_per_week_across_a_year_boundary_uses_iso_weeks() -> None:
    # 2026-12-28 is a Monday; its ISO week runs to Sunday 2027-01-03.
    p = plan(PerWeek(2), practices=("a",))
    done = [("a", D(2026, 12, 31)), ("a", D(2027, 1, 2))]
    entry = today([p], D(2027, 1, 3), done, {"p": D(2026, 12, 1)})[0]
    assert (entry.done_count, entry.done) == (2, True)
    assert today([p], D(2027, 1, 4), done, {"p": D(2026, 12, 1)})[0].done_count == 0


def test_per_week_ignores_sessions_before_the_plan_started() -> None:
    wednesday = MON + dt.timedelta(days=2)
    p = plan(PerWeek(1), practices=("a",), starts=wednesday)
    entry = today([p], wednesday, [("a", MON)], {})[0]
    assert (entry.done, entry.done_count) == (False, 0)


# --- week ---------------------------------------------------------------------------


def test_week_runs_monday_to_sunday_of_the_days_week() -> None:
    p = plan(Weekdays(), practices=("a",), ends=MON + dt.timedelta(days=3))
    thursday = MON + dt.timedelta(days=3)
    grid = week([p], thursday, [("a", MON + dt.timedelta(days=1))], {"p": MON})
    assert len(grid) == 7
    assert [len(day) for day in grid] == [1, 1, 1, 1, 0, 0, 0]
    assert [day[0].done for day in grid[:4]] == [False, True, False, False]
    assert week([p], MON, [], {"p": MON}) == week([p], MON + dt.timedelta(days=6), [], {"p": MON})


# --- adherence ----------------------------------------------------------------------


def test_adherence_counts_planned_and_done_per_item_and_week() -> None:
    p = plan(Daily(), Weekdays(), PerWeek(3), practices=("a", "b", "c"))
    second_monday = MON + dt.timedelta(days=7)
    done = [
        ("a", MON),
        ("a", MON),  # twice the same day: one day done
        ("a", second_monday),
        ("b", MON + dt.timedelta(days=5)),  # a Saturday: not planned, not counted
        ("c", MON),
        ("c", MON),
        ("c", MON + dt.timedelta(days=1)),
        ("c", MON + dt.timedelta(days=2)),  # more than planned: capped
    ]
    end = second_monday + dt.timedelta(days=2)  # a Wednesday
    a, b, c = adherence(p, MON, end, done, MON)
    assert a == ItemAdherence(0, "a", 10, 2, (WeekCount(MON, 7, 1), WeekCount(second_monday, 3, 1)))
    assert b == ItemAdherence(1, "b", 8, 0, (WeekCount(MON, 5, 0), WeekCount(second_monday, 3, 0)))
    assert c == ItemAdherence(2, "c", 6, 3, (WeekCount(MON, 3, 3), WeekCount(second_monday, 3, 0)))


def test_adherence_is_clipped_to_the_active_days() -> None:
    sunday = MON + dt.timedelta(days=6)
    p = plan(PerWeek(3), Daily(), practices=("a", "b"), starts=MON + dt.timedelta(days=5))
    per_week, daily = adherence(p, MON - dt.timedelta(days=30), sunday, [("a", MON)], MON)
    # Active on Saturday and Sunday only: two sessions can be planned that week.
    assert per_week.weekly == (WeekCount(MON, 2, 0),)
    assert daily.planned == 2
    ended = plan(Daily(), ends=MON - dt.timedelta(days=1), starts=MON - dt.timedelta(days=3))
    assert adherence(ended, MON, sunday, [], MON) == [ItemAdherence(0, "x0", 0, 0, ())]


# --- local dates --------------------------------------------------------------------


@pytest.mark.parametrize("day", [D(2026, 3, 29), D(2026, 10, 25)])
@pytest.mark.parametrize("hour, minute", [(0, 30), (23, 30)])
def test_sessions_land_on_their_local_day_across_dst_changes(
    day: dt.date, hour: int, minute: int
) -> None:
    local = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=AMSTERDAM)
    as_utc = local.astimezone(dt.UTC)
    assert local_date(as_utc, AMSTERDAM) == day
    assert local_date(local, AMSTERDAM) == day
    # In UTC, 00:30 there is still the day before.
    if hour == 0:
        assert as_utc.date() == day - dt.timedelta(days=1)


def test_local_date_refuses_a_naive_datetime() -> None:
    with pytest.raises(ValueError, match="time-zone aware"):
        local_date(dt.datetime(2026, 3, 29, 12, 0))


def test_local_date_defaults_to_this_computers_zone() -> None:
    moment = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)
    assert local_date(moment) == moment.astimezone().date()


class _Entry:
    def __init__(self, practice_id: str, started_at: dt.datetime, completed: bool) -> None:
        self.practice_id = practice_id
        self.started_at = started_at
        self.completed = completed


def test_completions_keeps_completed_sessions_by_local_date() -> None:
    late = dt.datetime(2026, 10, 25, 23, 30, tzinfo=AMSTERDAM).astimezone(dt.UTC)
    early = dt.datetime(2026, 3, 29, 0, 30, tzinfo=AMSTERDAM).astimezone(dt.UTC)
    sessions = [_Entry("a", late, True), _Entry("b", early, True), _Entry("c", late, False)]
    assert completions(sessions, AMSTERDAM) == [("a", D(2026, 10, 25)), ("b", D(2026, 3, 29))]


# --- properties ---------------------------------------------------------------------

dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 12, 31))
schedules: st.SearchStrategy[Schedule] = st.one_of(
    st.just(Daily()),
    st.just(Weekdays()),
    st.frozensets(st.integers(1, 7), min_size=1).map(OnDays),
    st.integers(1, 7).map(PerWeek),
)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    whens = draw(st.lists(schedules, min_size=1, max_size=4))
    practices = tuple(draw(st.sampled_from("abc")) for _ in whens)
    starts = draw(st.none() | dates)
    ends = draw(
        st.none()
        | st.integers(0, 60).map(lambda n: (starts or D(2000, 1, 1)) + dt.timedelta(days=n))
    )
    return plan(*whens, practices=practices, starts=starts, ends=ends)


@given(dates)
def test_weekdays_are_never_due_on_weekends(day: dt.date) -> None:
    assert due_on(item(Weekdays()), day) == (day.isoweekday() < 6)


@given(st.frozensets(st.integers(1, 7), min_size=1), dates)
def test_on_days_are_due_exactly_on_their_days(chosen: frozenset[int], day: dt.date) -> None:
    assert due_on(item(OnDays(chosen)), day) == (day.isoweekday() in chosen)


@given(dates)
def test_week_start_is_the_monday_of_the_iso_week(day: dt.date) -> None:
    monday = week_start(day)
    assert monday.isoweekday() == 1
    assert monday.isocalendar()[:2] == day.isocalendar()[:2]


@given(
    st.integers(1, 7),
    dates,
    st.lists(st.integers(0, 6), max_size=10),
)
def test_per_week_is_done_from_the_nth_completion_to_the_end_of_the_week(
    needed: int, day: dt.date, offsets: list[int]
) -> None:
    monday = week_start(day)
    p = plan(PerWeek(needed), practices=("a",))
    done = [("a", monday + dt.timedelta(days=o)) for o in offsets]
    imported = {"p": monday}
    grid = week([p], day, done, imported)
    counts = [sum(1 for o in offsets if o <= n) for n in range(7)]
    assert [d[0].done_count for d in grid] == counts
    assert [d[0].sessions for d in grid] == [offsets.count(n) for n in range(7)]
    for n in range(7):
        assert grid[n][0].done == (counts[n] >= needed)
        if n > 0 and grid[n - 1][0].done:
            assert grid[n][0].done and not grid[n][0].due


@given(
    plans(),
    dates,
    st.integers(0, 40),
    st.lists(st.tuples(st.sampled_from("abc"), st.integers(-10, 50)), max_size=30),
    dates,
)
def test_adherence_planned_matches_due_on_summed_over_the_range(
    p: Plan, start: dt.date, span: int, raw: list[tuple[str, int]], imported: dt.date
) -> None:
    end = start + dt.timedelta(days=span)
    done = [(name, start + dt.timedelta(days=n)) for name, n in raw]
    result = adherence(p, start, end, done, imported)
    active = [d for d in days(start, span + 1) if is_active(p, d, imported)]
    for entry, plan_item in zip(result, p.items, strict=True):
        assert 0 <= entry.done <= entry.planned
        assert entry.planned == sum(w.planned for w in entry.weekly)
        assert entry.done == sum(w.done for w in entry.weekly)
        if isinstance(plan_item.when, PerWeek):
            weeks = {week_start(d) for d in active}
            assert entry.planned == sum(
                min(plan_item.when.times, sum(1 for d in active if week_start(d) == w))
                for w in weeks
            )
        else:
            assert entry.planned == sum(1 for d in active if due_on(plan_item, d))
            assert entry.done == sum(
                1 for d in active if due_on(plan_item, d) and (plan_item.practice, d) in done
            )


@given(plans(), dates, dates, st.lists(st.tuples(st.sampled_from("abc"), dates), max_size=10))
def test_today_is_the_matching_day_of_week(
    p: Plan, day: dt.date, imported: dt.date, done: list[tuple[str, dt.date]]
) -> None:
    grid = week([p], day, done, {"p": imported})
    assert grid[day.isoweekday() - 1] == today([p], day, done, {"p": imported})
    for n, entries in enumerate(grid):
        on = week_start(day) + dt.timedelta(days=n)
        for entry in entries:
            assert entry.done == (entry.done_count >= entry.needed)
            if not isinstance(entry.item.when, PerWeek):
                assert entry.due == due_on(entry.item, on)


@given(st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1)))
def test_local_date_of_a_local_time_is_its_date(naive: dt.datetime) -> None:
    local = naive.replace(tzinfo=AMSTERDAM)
    assert local_date(local.astimezone(dt.UTC), AMSTERDAM) == local.astimezone(AMSTERDAM).date()
