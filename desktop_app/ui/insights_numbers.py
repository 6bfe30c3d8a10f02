"""The numbers behind Insights, as pure functions so they are tested apart from
painting: the bars of each chart (`minutes_bars`, `kind_bars`, `change_bars`), how a
change and a scale's top are written, and the length of a streak."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from PySide6.QtCore import QDate, QLocale

from desktop_app.ui.shared_words import kind_names

#: Weeks in the minutes chart.
WEEKS: Final = 12
#: A true minus sign, for changes below 0.
MINUS: Final = "\u2212"


@dataclass(frozen=True)
class Bar:
    """One bar: what it stands for, and how long it is."""

    key: str  # the week's Monday (ISO), the kind, or the practice id
    label: str
    value: float
    #: How many sessions an average is made of (changes only).
    sessions: int = 0


def week_starts(today: date, weeks: int = WEEKS) -> list[date]:
    """The Mondays of the last `weeks` weeks, this week's last."""
    monday = today - timedelta(days=today.weekday())
    return [monday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]


def week_label(monday: date, language: str = "en") -> str:
    return QLocale(language).toString(QDate(monday.year, monday.month, monday.day), "d MMM")


def minutes_bars(
    minutes: Sequence[tuple[date, float]], today: date, language: str = "en", weeks: int = WEEKS
) -> list[Bar]:
    """One bar per week, oldest first, for every one of the last `weeks` weeks (weeks
    without practice are 0); minutes are added up by the Monday of their week."""
    by_week: dict[date, float] = {}
    for day, value in minutes:
        monday = day - timedelta(days=day.weekday())
        by_week[monday] = by_week.get(monday, 0.0) + value
    return [
        Bar(monday.isoformat(), week_label(monday, language), by_week.get(monday, 0.0))
        for monday in week_starts(today, weeks)
    ]


def kind_bars(counts: dict[str, int], names: dict[str, str] | None = None) -> list[Bar]:
    """One bar per kind practised, most practised first (then in the library's order)."""
    names = kind_names() if names is None else names
    order = list(names)

    def place(kind: str) -> tuple[int, int, str]:
        return (-counts[kind], order.index(kind) if kind in order else len(order), kind)

    return [
        Bar(kind, names.get(kind, kind.replace("-", " ").capitalize()), float(counts[kind]))
        for kind in sorted((k for k, n in counts.items() if n > 0), key=place)
    ]


def change_bars(changes: Sequence[tuple[str, str, float, int]]) -> list[Bar]:
    """One bar per practice with a scale asked before and after: the mean change, the
    largest rise first, down to the largest fall."""
    bars = [
        Bar(practice_id, title, mean, sessions)
        for practice_id, title, mean, sessions in changes
        if sessions > 0
    ]
    return sorted(bars, key=lambda b: (-b.value, b.label.casefold()))


def signed(value: float) -> str:
    """+1.5, −0.8 (a true minus), 0."""
    rounded = round(value, 1)
    if rounded == 0:
        return "0"
    text = f"{abs(rounded):.1f}".removesuffix(".0")
    return f"+{text}" if rounded > 0 else f"{MINUS}{text}"


def nice_ceiling(value: float) -> float:
    """The top of a chart's scale: 1, 2 or 5 times a power of ten, at least `value`."""
    if value <= 0:
        return 1.0
    step = 1.0
    while step * 10 <= value:
        step *= 10
    while step > value:
        step /= 10
    for factor in (1, 2, 5, 10):
        if step * factor >= value:
            return step * factor
    return step * 10


#: How far back a streak is looked for.
STREAK_LOOKBACK_DAYS = 400


def streak_length(days: set[date], today: date) -> int:
    """Days in a row with a practice, ending today (or yesterday: today may still come)."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count
