"""Sessions and answers as rows of the journal's tables, and back.

Every value is checked before it is kept (`ValueError` for one that could not be
kept faithfully: a float answer, a NaN duration), and comes back as the same Python
type: an answer's value is JSON whose numbers are ints and whose arrays are tuples.

Times are stored as ISO 8601 UTC text of fixed width, so text order is time order,
and given back in the local time zone. A naive `datetime` is taken as local time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, Final, get_args

from desktop_app.core.answers import AnswerValue, QuestionKind, When
from desktop_app.storage.journal.records import NewSession, SessionEntry, StoredAnswer

if TYPE_CHECKING:
    import sqlite3

_WHENS: Final[tuple[str, ...]] = get_args(When)
_KINDS: Final[tuple[str, ...]] = get_args(QuestionKind)
# Query parameters per statement, well below every SQLite's limit (999 before 3.32).
_CHUNK: Final = 500

_SESSION_FIELDS: Final = (
    "practice_id",
    "practice_title",
    "practice_kind",
    "practice_version",
    "source",
    "language",
    "started_at",
    "ended_at",
    "length",
    "practised",
    "completed",
    "stopped_at_step",
    "pauses",
    "grounding_pauses",
    "plan_item",
)
#: The columns `entries_from_rows` reads, in its order.
SESSION_COLUMNS: Final = "id, uid, " + ", ".join(_SESSION_FIELDS)
#: Parameters: the id (None: a new one), then a `session_row`.
INSERT_SESSION: Final = (
    f"INSERT INTO sessions (id, uid, {', '.join(_SESSION_FIELDS)}) "
    f"VALUES ({', '.join('?' * (len(_SESSION_FIELDS) + 2))})"
)
#: Parameters: the session's id, then one of `answer_rows`.
INSERT_ANSWER: Final = (
    'INSERT INTO answers (session_id, position, question_id, "when", kind, prompt, '
    "value_json, display, minimum, maximum) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


# --- into rows -------------------------------------------------------------------------


def session_row(session: NewSession) -> tuple[list[Any], list[tuple[Any, ...]]]:
    """The values of a sessions row (uid first) and its answer rows; ValueError for
    values that cannot be kept faithfully."""
    import uuid  # here: with platform, 0.8 MiB that only a saved session needs

    uid = session.uid if session.uid is not None else uuid.uuid4().hex
    if not isinstance(uid, str) or not uid.strip():
        raise ValueError(f"a session's uid must be a non-empty string, not {uid!r}")
    for name in ("practice_id", "practice_title", "practice_kind", "source", "language"):
        _require(isinstance(getattr(session, name), str), f"{name} must be a string")
    _require(
        session.plan_item is None or isinstance(session.plan_item, str),
        "plan_item must be a string or None",
    )
    for name in ("practice_version", "stopped_at_step"):
        value = getattr(session, name)
        _require(value is None or _is_int(value), f"{name} must be an integer or None")
    for name in ("pauses", "grounding_pauses"):
        _require(_is_int(getattr(session, name)), f"{name} must be an integer")
    _require(_is_finite(session.practised), "practised must be a finite number")
    _require(
        session.length is None or _is_finite(session.length),
        "length must be a finite number or None",
    )
    _require(isinstance(session.completed, bool), "completed must be True or False")
    row = [
        uid,
        session.practice_id,
        session.practice_title,
        session.practice_kind,
        session.practice_version,
        session.source,
        session.language,
        to_stored(session.started_at),
        to_stored(session.ended_at),
        None if session.length is None else float(session.length),
        float(session.practised),
        int(session.completed),
        session.stopped_at_step,
        session.pauses,
        session.grounding_pauses,
        session.plan_item,
    ]
    return row, answer_rows(session.answers)


def answer_rows(answers: Sequence[StoredAnswer]) -> list[tuple[Any, ...]]:
    """The answers rows of a session (without its id); ValueError as `session_row`."""
    rows = []
    for position, answer in enumerate(answers):
        where = f"answer {position + 1} ({getattr(answer, 'question_id', '?')!r})"
        _require(isinstance(answer, StoredAnswer), f"{where} is not a StoredAnswer")
        _require(isinstance(answer.question_id, str), f"{where}: question_id must be a string")
        _require(answer.when in _WHENS, f"{where}: when must be one of {', '.join(_WHENS)}")
        _require(answer.kind in _KINDS, f"{where}: kind must be one of {', '.join(_KINDS)}")
        _require(isinstance(answer.prompt, str), f"{where}: prompt must be a string")
        _require(isinstance(answer.display, str), f"{where}: display must be a string")
        for end in (answer.minimum, answer.maximum):
            _require(end is None or _is_int(end), f"{where}: a scale's ends must be integers")
        rows.append(
            (
                position,
                answer.question_id,
                answer.when,
                answer.kind,
                answer.prompt,
                _encode_value(answer.value, where),
                answer.display,
                answer.minimum,
                answer.maximum,
            )
        )
    return rows


def _encode_value(value: object, where: str) -> str:
    """JSON that decodes to the same Python type: a number is an int, a string a str,
    an array a tuple (of ints, or of strs)."""
    if _is_int(value) or isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple | list) and (
        all(_is_int(v) for v in value) or all(isinstance(v, str) for v in value)
    ):
        return json.dumps(list(value), ensure_ascii=False)
    raise ValueError(
        f"{where}: an answer must be an int, a str, or a tuple of ints or of strs, not {value!r}"
    )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_finite(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ValueError(message)


# --- out of rows -----------------------------------------------------------------------


def decode_value(text: str) -> AnswerValue:
    """An answer's value from its `value_json`."""
    value = json.loads(text)
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, int | str) and not isinstance(value, bool):
        return value
    raise ValueError(f"not an answer value: {text[:40]!r}")


def entries_from_rows(conn: sqlite3.Connection, rows: list[Any]) -> list[SessionEntry]:
    """SessionEntry objects for session rows (in `SESSION_COLUMNS` order), answers
    read in one query per chunk of rows; order kept."""
    answers: dict[int, list[StoredAnswer]] = {row[0]: [] for row in rows}
    ids = list(answers)
    for chunk in chunks(ids):
        marks = ", ".join("?" * len(chunk))
        for (
            session_id,
            question_id,
            when,
            kind,
            prompt,
            value_json,
            display,
            minimum,
            maximum,
        ) in conn.execute(
            'SELECT session_id, question_id, "when", kind, prompt, value_json, display, '
            f"minimum, maximum FROM answers WHERE session_id IN ({marks}) "
            "ORDER BY session_id, position",
            chunk,
        ):
            answers[session_id].append(
                StoredAnswer(
                    question_id,
                    when,
                    kind,
                    prompt,
                    decode_value(value_json),
                    display,
                    minimum,
                    maximum,
                )
            )
    return [
        SessionEntry(
            practice_id=row[2],
            practice_title=row[3],
            practice_kind=row[4],
            practice_version=row[5],
            source=row[6],
            language=row[7],
            started_at=from_stored(row[8]),
            ended_at=from_stored(row[9]),
            length=row[10],
            practised=row[11],
            completed=bool(row[12]),
            stopped_at_step=row[13],
            pauses=row[14],
            grounding_pauses=row[15],
            plan_item=row[16],
            answers=tuple(answers[row[0]]),
            id=row[0],
            uid=row[1],
        )
        for row in rows
    ]


def sessions_by_id(conn: sqlite3.Connection, ids: list[int]) -> dict[int, SessionEntry]:
    """The entries of these session ids that are in the journal, by id."""
    rows = []
    for chunk in chunks(ids):
        marks = ", ".join("?" * len(chunk))
        rows += conn.execute(
            f"SELECT {SESSION_COLUMNS} FROM sessions WHERE id IN ({marks})", chunk
        ).fetchall()
    return {entry.id: entry for entry in entries_from_rows(conn, rows)}


def chunks(values: list[int]) -> Iterator[list[int]]:
    """`values` in pieces small enough for one statement's parameters."""
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


# --- choosing rows ---------------------------------------------------------------------


def session_filters(
    practice_id: str | None, kind: str | None, since: date | None, until: date | None
) -> tuple[list[str], list[Any]]:
    """Conditions on the sessions table, and their parameters, for the entries of one
    practice, one kind, and from `since` to `until` (local dates, both included)."""
    clauses: list[str] = []
    params: list[Any] = []
    if practice_id is not None:
        clauses.append("practice_id = ?")
        params.append(practice_id)
    if kind is not None:
        clauses.append("practice_kind = ?")
        params.append(kind)
    if since is not None:
        clauses.append("started_at >= ?")
        params.append(local_midnight(since))
    if until is not None:
        clauses.append("started_at < ?")
        params.append(local_midnight(until + timedelta(days=1)))
    return clauses, params


def where(clauses: list[str]) -> str:
    """A WHERE clause holding every one of `clauses` (none: no WHERE clause)."""
    return " WHERE " + " AND ".join(clauses) if clauses else ""


# --- times -----------------------------------------------------------------------------


def to_stored(moment: datetime) -> str:
    """UTC, fixed width: '2024-05-01T08:30:00.000000+00:00'. Naive means local time."""
    if not isinstance(moment, datetime):
        raise ValueError(f"expected a datetime, not {moment!r}")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_stored(text: str) -> datetime:
    """A stored time, in the local time zone."""
    return datetime.fromisoformat(text).astimezone()


def local_midnight(day: date) -> str:
    """The stored form of the start of `day` in the local time zone."""
    return to_stored(datetime.combine(day, time()))
