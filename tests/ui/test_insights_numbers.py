"""The numbers behind Insights' charts, apart from painting: the weeks, the bars of
each chart in their order, how a change and a scale's top are written, and streaks."""

from __future__ import annotations

from datetime import date, timedelta

from desktop_app.ui.insights_numbers import (
    Bar,
    change_bars,
    kind_bars,
    minutes_bars,
    nice_ceiling,
    signed,
    streak_length,
    week_starts,
)


def test_week_starts_are_the_last_twelve_mondays() -> None:
    mondays = week_starts(date(2025, 11, 26))
    assert len(mondays) == 12
    assert mondays[-1] == date(2025, 11, 24)
    assert mondays[0] == date(2025, 9, 8)
    assert all(m.weekday() == 0 for m in mondays)


def test_minutes_bars_fill_every_week_and_add_up_by_monday() -> None:
    today = date(2025, 11, 26)
    data = [(date(2025, 11, 24), 12.5), (date(2025, 11, 20), 10.0), (date(2025, 11, 17), 5.0)]
    bars = minutes_bars(data, today)
    assert len(bars) == 12
    assert bars[-1] == Bar("2025-11-24", "24 Nov", 12.5)
    assert bars[-2].value == 15.0  # the Thursday counts for its Monday
    assert [b.value for b in bars[:-2]] == [0.0] * 10
    assert bars[0].label == "8 Sep"
    nl = minutes_bars(data, today, "nl")
    assert nl[-1].label == "24 nov"


def test_kind_bars_most_practised_first() -> None:
    bars = kind_bars({"grounding": 2, "breathing": 5, "focusing": 2, "new-kind": 1, "other": 0})
    assert [(b.label, b.value) for b in bars] == [
        ("Breathing", 5.0),
        ("Focusing", 2.0),  # ties in the library's order
        ("Grounding", 2.0),
        ("New kind", 1.0),
    ]


def test_change_bars_from_the_largest_rise_to_the_largest_fall() -> None:
    bars = change_bars(
        [("a", "Anchor", -1.5, 4), ("b", "Breath", 2.0, 3), ("c", "Calm", 0.0, 1), ("d", "D", 1, 0)]
    )
    assert [(b.label, b.value, b.sessions) for b in bars] == [
        ("Breath", 2.0, 3),
        ("Calm", 0.0, 1),
        ("Anchor", -1.5, 4),
    ]


def test_signed_and_nice_ceiling() -> None:
    assert [signed(v) for v in (1.5, -0.84, 0.04, 2.0, -3)] == ["+1.5", "−0.8", "0", "+2", "−3"]
    assert [nice_ceiling(v) for v in (0, 0.3, 1, 7, 12, 45, 180)] == [
        1.0,
        0.5,
        1.0,
        10.0,
        20.0,
        50.0,
        200.0,
    ]


def test_streaks_count_days_in_a_row_ending_today_or_yesterday() -> None:
    today = date(2026, 11, 25)
    days = {today - timedelta(days=n) for n in (0, 1, 2, 4)}
    assert streak_length(days, today) == 3
    assert streak_length(days - {today}, today) == 2  # today may still come
    assert streak_length({today - timedelta(days=3)}, today) == 0
