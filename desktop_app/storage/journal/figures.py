"""What the entries add up to: the Insights figures (minutes per week, sessions per
kind, the mean change of before-and-after scales), and one entry's scale changes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Final

from desktop_app.storage.journal.records import NewSession, ScaleChange, StoredAnswer
from desktop_app.storage.journal.rows import decode_value, from_stored, local_midnight

if TYPE_CHECKING:
    import sqlite3

_OF_MAXIMUM: Final = re.compile(r"^\s*-?\d+\D+?(-?\d+)\s*$")


def minutes_per_week(conn: sqlite3.Connection, weeks: int, today: date) -> list[tuple[date, float]]:
    """Minutes practised in each of the `weeks` weeks up to the one of `today` (Monday
    to Sunday, local time), oldest first; weeks without practice give 0.0."""
    this_monday = today - timedelta(days=today.weekday())
    first = this_monday - timedelta(weeks=weeks - 1)
    end = this_monday + timedelta(weeks=1)
    totals = {first + timedelta(weeks=n): 0.0 for n in range(weeks)}
    rows = conn.execute(
        "SELECT started_at, practised FROM sessions WHERE started_at >= ? AND started_at < ?",
        (local_midnight(first), local_midnight(end)),
    ).fetchall()
    for started_at, practised in rows:
        day = from_stored(started_at).date()
        monday = day - timedelta(days=day.weekday())
        if monday in totals:
            totals[monday] += float(practised) / 60.0
    return list(totals.items())


def practices_by_kind(conn: sqlite3.Connection) -> dict[str, int]:
    """Number of sessions of each kind of practice, most first."""
    rows = conn.execute(
        "SELECT practice_kind, count(*) AS n FROM sessions "
        "GROUP BY practice_kind ORDER BY n DESC, practice_kind"
    ).fetchall()
    return {kind: int(n) for kind, n in rows}


def average_change(conn: sqlite3.Connection) -> list[tuple[str, str, float, int]]:
    """(practice id, latest title, mean change, sessions) per practice, by title.

    A session counts when a scale was asked before and after it (same question id);
    its change is after − before (the mean, if it had several such scales).
    """
    rows = conn.execute(
        """
        SELECT s.id, s.practice_id, a."when", a.question_id, a.value_json
        FROM answers AS a JOIN sessions AS s ON s.id = a.session_id
        WHERE a.kind = 'scale' AND a."when" IN ('before', 'after')
        ORDER BY s.id, a.position
        """
    ).fetchall()
    titles = dict(latest_titles(conn))
    scales: dict[int, tuple[str, dict[str, int], dict[str, int]]] = {}
    for session_id, practice_id, when, question_id, value_json in rows:
        value = decode_value(value_json)
        if not isinstance(value, int) or isinstance(value, bool):
            continue
        _, before, after = scales.setdefault(session_id, (practice_id, {}, {}))
        (before if when == "before" else after).setdefault(question_id, value)
    per_practice: dict[str, list[float]] = {}
    for practice_id, before, after in scales.values():
        pairs = [after[q] - before[q] for q in before if q in after]
        if pairs:
            per_practice.setdefault(practice_id, []).append(sum(pairs) / len(pairs))
    result = [
        (pid, titles.get(pid, pid), sum(changes) / len(changes), len(changes))
        for pid, changes in per_practice.items()
    ]
    return sorted(result, key=lambda r: (r[1].casefold(), r[0]))


def latest_titles(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(practice id, the title of its latest session) for every practice, by title."""
    rows = conn.execute(
        "SELECT practice_id, practice_title, max(started_at) FROM sessions GROUP BY practice_id"
    ).fetchall()
    return sorted(((r[0], r[1]) for r in rows), key=lambda p: (p[1].casefold(), p[0]))


def scale_changes(entry: NewSession) -> tuple[ScaleChange, ...]:
    """Scales asked both before and after (same question id), in the order asked before.

    The range is the one stored with the answer; for answers stored without one it is
    read from a display like "7 of 10" (lowest 0), else taken as 0–10, widened to hold
    both values.
    """
    before = _first_scales(entry.answers, "before")
    after = _first_scales(entry.answers, "after")
    changes = []
    for question_id, first in before.items():
        last = after.get(question_id)
        if last is None:
            continue
        assert isinstance(first.value, int) and isinstance(last.value, int)
        low, high = _scale_range(first, last, (first.value, last.value))
        changes.append(ScaleChange(question_id, first.prompt, first.value, last.value, low, high))
    return tuple(changes)


def _first_scales(answers: Iterable[StoredAnswer], when: str) -> dict[str, StoredAnswer]:
    found: dict[str, StoredAnswer] = {}
    for answer in answers:
        if (
            answer.when == when
            and answer.kind == "scale"
            and isinstance(answer.value, int)
            and not isinstance(answer.value, bool)
        ):
            found.setdefault(answer.question_id, answer)
    return found


def _scale_range(
    first: StoredAnswer, last: StoredAnswer, values: tuple[int, int]
) -> tuple[int, int]:
    low = first.minimum if first.minimum is not None else last.minimum
    high = first.maximum if first.maximum is not None else last.maximum
    if high is None:
        for answer in (first, last):
            match = _OF_MAXIMUM.match(answer.display)
            if match:
                high = int(match.group(1))
                break
    low = min((0 if low is None else low), *values)
    high = max((10 if high is None else high), *values)
    return low, high
