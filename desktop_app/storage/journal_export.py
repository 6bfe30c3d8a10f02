"""Journal entries written out for people and for programs, and read back in.

The person chooses what leaves the journal: a `Selection` names the entries to write
and, within them, the answers to leave out. Every writer applies it the same way, so
an answer that was left out appears in no format, not even as a before → after change
of a scale, and nothing shows that something was left out.

- `to_markdown` and `to_document`: a calm document to read or bring to a therapist
  (`to_document` is what `ui/pdf.py` sets on PDF pages);
- `to_csv`: one row per answer, for a spreadsheet;
- `to_json`: everything, typed, to import again (`read_json`); docs/journal-export.md
  describes the format.

Times are shown in the local time zone (or the one given). Nothing here touches Qt or
the database: the writers take entries and return text or bytes.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo
from typing import Any, Final, NoReturn, cast, get_args

from desktop_app.core.answers import AnswerValue, QuestionKind, When
from desktop_app.core.durations import format_duration
from desktop_app.storage.document import Block, Document, Span
from desktop_app.storage.journal import NewSession, SessionEntry, StoredAnswer, scale_changes

FORMAT: Final = "attune-journal"
VERSION: Final = 1
TITLE: Final = "Attune journal"
#: The largest export file `read_json` is given (checked by whoever reads the file).
MAX_IMPORT_BYTES: Final = 64 * 1024 * 1024
#: Problems listed in one JournalImportError before the rest are counted.
MAX_PROBLEMS: Final = 20

WHENS: Final[tuple[str, ...]] = get_args(When)
KINDS: Final[tuple[str, ...]] = get_args(QuestionKind)
_WHEN_LABELS: Final = {"before": "Before", "during": "During", "after": "After"}
_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# --- what is chosen --------------------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """Which entries to write (by entry id), and which of their answers to leave out,
    as (entry id, answer position) pairs; a position counts from 0 in `entry.answers`.
    Immutable: the `with_…`/`without_…` methods return a new selection."""

    entry_ids: frozenset[int] = frozenset()
    excluded: frozenset[tuple[int, int]] = frozenset()

    @classmethod
    def everything(cls, entries: Iterable[SessionEntry]) -> Selection:
        return cls(frozenset(entry.id for entry in entries))

    def includes(self, entry: SessionEntry) -> bool:
        return entry.id in self.entry_ids

    def includes_answer(self, entry: SessionEntry, position: int) -> bool:
        return entry.id in self.entry_ids and (entry.id, position) not in self.excluded

    def with_entry(self, entry_id: int) -> Selection:
        return replace(self, entry_ids=self.entry_ids | {entry_id})

    def without_entry(self, entry_id: int) -> Selection:
        return replace(self, entry_ids=self.entry_ids - {entry_id})

    def with_answer(self, entry_id: int, position: int) -> Selection:
        return replace(self, excluded=self.excluded - {(entry_id, position)})

    def without_answer(self, entry_id: int, position: int) -> Selection:
        return replace(self, excluded=self.excluded | {(entry_id, position)})

    def chosen(self, entries: Iterable[SessionEntry]) -> list[SessionEntry]:
        """The selected entries, oldest first, each with only the answers kept."""
        kept = [
            replace(
                entry,
                answers=tuple(
                    answer
                    for position, answer in enumerate(entry.answers)
                    if (entry.id, position) not in self.excluded
                ),
            )
            for entry in entries
            if entry.id in self.entry_ids
        ]
        return sorted(kept, key=lambda entry: (entry.started_at, entry.id))


def _chosen(entries: Sequence[SessionEntry], selection: Selection | None) -> list[SessionEntry]:
    return (selection or Selection.everything(entries)).chosen(entries)


# --- the readable document -------------------------------------------------------


@dataclass(frozen=True)
class _Shown:
    """One entry as the documents show it."""

    heading: str
    facts: str
    changes: tuple[str, ...]
    groups: tuple[tuple[str, tuple[StoredAnswer, ...]], ...]


def _document(
    entries: Sequence[SessionEntry], selection: Selection | None, tz: tzinfo | None
) -> tuple[str, list[tuple[str, list[_Shown]]]]:
    """The line under the title, and the days (heading, entries) in order."""
    chosen = _chosen(entries, selection)
    days: list[tuple[str, list[_Shown]]] = []
    last: date | None = None
    for entry in chosen:
        start = entry.started_at.astimezone(tz)
        if start.date() != last:
            last = start.date()
            days.append((long_date(last, weekday=True), []))
        days[-1][1].append(_shown(entry, start))
    if not chosen:
        return "No entries.", days
    first_day = chosen[0].started_at.astimezone(tz).date()
    last_day = chosen[-1].started_at.astimezone(tz).date()
    period = (
        long_date(first_day)
        if first_day == last_day
        else f"{long_date(first_day)} to {long_date(last_day)}"
    )
    return f"{period} · {_count(len(chosen), 'entry', 'entries')}", days


def _shown(entry: SessionEntry, start: datetime) -> _Shown:
    practised = f"Practised {_minutes(entry.practised)}"
    if entry.length and _minutes(entry.length) != _minutes(entry.practised):
        practised += f" of {_minutes(entry.length)}"
    facts = [practised, "completed" if entry.completed else "stopped early"]
    if entry.grounding_pauses:
        facts.append(_count(entry.grounding_pauses, "pause", "pauses") + " for grounding")
    changes = tuple(
        f"{_label(change.question_id)} {change.before} → {change.after}"
        for change in scale_changes(entry)
    )
    groups = tuple(
        (_WHEN_LABELS[when], answers)
        for when in WHENS
        if (answers := tuple(a for a in entry.answers if a.when == when))
    )
    return _Shown(
        heading=f"{entry.practice_title} · {start:%H:%M}",
        facts=" · ".join(facts),
        changes=changes,
        groups=groups,
    )


def long_date(day: date, *, weekday: bool = False) -> str:
    text = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{_WEEKDAYS[day.weekday()]} {text}" if weekday else text


def _minutes(seconds: float) -> str:
    return format_duration(round(seconds))


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _label(question_id: str) -> str:
    return re.sub(r"[-_]+", " ", question_id).strip() or question_id


def to_markdown(
    entries: Sequence[SessionEntry], selection: Selection | None = None, *, tz: tzinfo | None = None
) -> str:
    """A Markdown document of the chosen entries, oldest first, grouped by day.
    `selection` None means every entry with every answer; `tz` None the local zone."""
    summary, days = _document(entries, selection, tz)
    out = [f"# {TITLE}", "", md_text(summary)]
    for day, shown in days:
        out += ["", f"## {day}"]
        for entry in shown:
            out += ["", f"### {md_text(entry.heading, line_start=False)}", "", md_text(entry.facts)]
            out[-1] += "".join(f"  \n{md_text(change)}" for change in entry.changes)
            for label, answers in entry.groups:
                out += ["", f"*{label}*", ""]
                out += [
                    f"- **{md_text(a.prompt, line_start=False)}** "
                    + md_lines(a.display, indent="  ")
                    for a in answers
                ]
    return "\n".join(out) + "\n"


_MD_INLINE = re.compile(r"([\\`*_\[\]<>~|])|&(?=#?\w+;)")
_MD_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def md_text(text: str, *, line_start: bool = True) -> str:
    """One line of the person's text, shown as written when the Markdown is rendered.
    `line_start`: the text starts a line, where "#", "-" or "1." would mean more."""
    text = " ".join(text.split())  # newlines, tabs and runs of spaces become one space
    text = _MD_INLINE.sub(lambda m: "\\" + (m.group(1) or "&"), text)
    if not line_start:
        return text
    return _MD_LINE_START.sub(lambda m: m.group(1) + _escape_start(m.group(2)), text)


def _escape_start(start: str) -> str:
    return start[:-1] + "\\" + start[-1] if start[-1] in ".)" else "\\" + start


def md_lines(text: str, *, indent: str) -> str:
    """Text that may span lines, after a list item's start: its line breaks and blank
    lines kept, continuation lines indented so that they stay within the item."""
    lines: list[str] = []
    text = text.strip().replace("\r\n", "\n").replace("\r", "\n")
    for number, paragraph in enumerate(re.split(r"\n\s*\n", text)):
        if number:
            lines.append("")
        kept = [line for line in paragraph.split("\n") if line.strip()]
        for index, line in enumerate(kept):
            shown = md_text(line, line_start=bool(lines))
            lines.append(shown + ("  " if index < len(kept) - 1 else ""))
    if not lines:
        return ""
    return "\n".join([lines[0]] + [indent + line if line else "" for line in lines[1:]])


def to_document(
    entries: Sequence[SessionEntry], selection: Selection | None = None, *, tz: tzinfo | None = None
) -> Document:
    """The same document as `to_markdown`, to be set on pages (`ui/pdf.py`)."""
    summary, days = _document(entries, selection, tz)
    blocks = [Block.of("title", TITLE), Block.of("meta", summary)]
    for day, shown in days:
        blocks.append(Block.of("heading", day))
        for entry in shown:
            blocks += [Block.of("subheading", entry.heading), Block.of("meta", entry.facts)]
            if entry.changes:
                blocks.append(Block.of("body", "\n".join(entry.changes)))
            for label, answers in entry.groups:
                blocks.append(Block.of("label", label))
                blocks += [
                    Block(
                        "body",
                        (Span(a.prompt.strip(), bold=True), Span(" " + a.display.strip())),
                        bullet=True,
                    )
                    for a in answers
                ]
    return Document(TITLE, tuple(blocks), footer=TITLE)


# --- the spreadsheet -------------------------------------------------------------

CSV_COLUMNS: Final = (
    "entry_uid",
    "date",
    "time",
    "started_at",
    "ended_at",
    "practice_id",
    "practice_title",
    "practice_kind",
    "practice_version",
    "source",
    "language",
    "length_seconds",
    "practised_seconds",
    "completed",
    "stopped_at_step",
    "pauses",
    "grounding_pauses",
    "plan_item",
    "when",
    "question_id",
    "kind",
    "prompt",
    "value",
    "display",
    "minimum",
    "maximum",
)
#: What a spreadsheet takes as the start of a formula (OWASP's list).
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def to_csv(
    entries: Sequence[SessionEntry], selection: Selection | None = None, *, tz: tzinfo | None = None
) -> str:
    """One row per answer (an entry without answers: one row, answer columns empty),
    oldest first, CRLF line ends (RFC 4180). Text that a spreadsheet would take for a
    formula starts with a `'`; numbers are written as numbers."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in _chosen(entries, selection):
        start = entry.started_at.astimezone(tz)
        common: list[object] = [
            entry.uid,
            start.date().isoformat(),
            f"{start:%H:%M}",
            start.isoformat(),
            entry.ended_at.astimezone(tz).isoformat(),
            entry.practice_id,
            entry.practice_title,
            entry.practice_kind,
            entry.practice_version,
            entry.source,
            entry.language,
            entry.length,
            entry.practised,
            "yes" if entry.completed else "no",
            entry.stopped_at_step,
            entry.pauses,
            entry.grounding_pauses,
            entry.plan_item,
        ]
        answers: list[list[object]] = [
            [
                a.when,
                a.question_id,
                a.kind,
                a.prompt,
                _csv_value(a.value),
                a.display,
                a.minimum,
                a.maximum,
            ]
            for a in entry.answers
        ] or [[None] * 8]
        for answer in answers:
            writer.writerow([_cell(value) for value in common + answer])
    return out.getvalue()


def _csv_value(value: AnswerValue) -> object:
    if isinstance(value, tuple):
        return json.dumps(list(value), ensure_ascii=False)
    return value


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.3f}".rstrip("0")
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


# --- the full format -------------------------------------------------------------


def to_json(
    entries: Sequence[SessionEntry],
    selection: Selection | None = None,
    *,
    tz: tzinfo | None = None,
    now: datetime | None = None,
) -> str:
    """Everything about the chosen entries, oldest first, in the `attune-journal`
    format (docs/journal-export.md), as indented UTF-8 JSON text."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": (now or datetime.now()).astimezone(tz).isoformat(),
        "entries": [_entry_object(entry, tz) for entry in _chosen(entries, selection)],
    }
    return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _entry_object(entry: SessionEntry, tz: tzinfo | None) -> dict[str, Any]:
    # The entry's id is left out on purpose: it only means something in the journal it
    # came from, and gaps in the numbers would show what was left out.
    return {
        "uid": entry.uid,
        "practice_id": entry.practice_id,
        "practice_title": entry.practice_title,
        "practice_kind": entry.practice_kind,
        "practice_version": entry.practice_version,
        "source": entry.source,
        "language": entry.language,
        "started_at": entry.started_at.astimezone(tz).isoformat(),
        "ended_at": entry.ended_at.astimezone(tz).isoformat(),
        "length": entry.length,
        "practised": entry.practised,
        "completed": entry.completed,
        "stopped_at_step": entry.stopped_at_step,
        "pauses": entry.pauses,
        "grounding_pauses": entry.grounding_pauses,
        "plan_item": entry.plan_item,
        "answers": [answer_object(a) for a in entry.answers],
    }


class JournalImportError(Exception):
    """A file that is not a valid journal export. `problems` lists every problem found,
    each naming its place (`entries[2].started_at`, counted from 1)."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        shown = list(self.problems[:MAX_PROBLEMS])
        if len(self.problems) > MAX_PROBLEMS:
            shown.append(f"… and {len(self.problems) - MAX_PROBLEMS} more problems")
        super().__init__("\n".join(shown))


_ENTRY_FIELDS: Final = (
    "uid",
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
    "answers",
)
_ANSWER_FIELDS: Final = (
    "question_id",
    "when",
    "kind",
    "prompt",
    "value",
    "display",
    "minimum",
    "maximum",
)
_UID = re.compile(r"[0-9A-Za-z_-]{1,64}")


class _Stop(Exception):
    """A problem after which reading further makes no sense."""


def read_json(text: str) -> list[NewSession]:
    """The entries of an `attune-journal` export, ready to add to a journal with their
    uids. Raises JournalImportError naming every problem; nothing is half-read."""
    problems: list[str] = []

    def fail(message: str) -> NoReturn:
        problems.append(message)
        raise JournalImportError(problems)

    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except _Stop as stop:
        fail(f"this is not valid JSON: {stop}")
    except json.JSONDecodeError as error:
        fail(f"this is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}")
    except (RecursionError, ValueError):
        fail("this is not valid JSON")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        fail('this is not an Attune journal export (it has no "format": "attune-journal")')
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        fail(f"version: expected a whole number from 1, got {_shown_value(version)}")
    if version > VERSION:
        fail(
            f"this export was made by a newer version of Attune (format version {version}; "
            f"this one reads version {VERSION}). Update Attune to import it."
        )
    fields = _Fields(data, "", problems)
    fields.known(("format", "version", "exported_at", "entries"))
    fields.time("exported_at")
    raw_entries = fields.get("entries", list, "a list of entries")
    sessions = []
    for index, item in enumerate(raw_entries or [], start=1):
        session = _read_entry(item, f"entries[{index}]", problems)
        if session is not None:
            sessions.append(session)
    if problems:
        raise JournalImportError(problems)
    return sessions


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Stop(f'the key "{key}" appears twice in one object')
        result[key] = value
    return result


def _no_constant(name: str) -> NoReturn:
    raise _Stop(f"{name} is not a number JSON allows")


def _read_entry(item: object, path: str, problems: list[str]) -> NewSession | None:
    if not isinstance(item, dict):
        problems.append(f"{path}: expected an entry (an object), got {_shown_value(item)}")
        return None
    before = len(problems)
    f = _Fields(item, path, problems)
    f.known(_ENTRY_FIELDS)
    uid = f.get("uid", str, "an id of 1 to 64 letters, digits, - or _")
    if uid is not None and not _UID.fullmatch(uid):
        f.problem("uid", f"expected an id of 1 to 64 letters, digits, - or _, got {uid!r}")
    started, ended = f.time("started_at"), f.time("ended_at")
    if started and ended and ended < started:
        f.problem("ended_at", "the session ends before it starts")
    answers = []
    for number, raw in enumerate(f.get("answers", list, "a list of answers") or [], start=1):
        answer = _read_answer(raw, f"{path}.answers[{number}]", problems)
        if answer is not None:
            answers.append(answer)
    values: dict[str, Any] = {
        "uid": uid,
        "practice_id": f.text("practice_id"),
        "practice_title": f.get("practice_title", str, "text"),
        "practice_kind": f.text("practice_kind"),
        "practice_version": f.whole("practice_version", minimum=None, optional=True),
        "source": f.get("source", str, "text"),
        "language": f.text("language"),
        "started_at": started,
        "ended_at": ended,
        "length": f.seconds("length", optional=True),
        "practised": f.seconds("practised"),
        "completed": f.get("completed", bool, "true or false"),
        "stopped_at_step": f.whole("stopped_at_step", optional=True),
        "pauses": f.whole("pauses"),
        "grounding_pauses": f.whole("grounding_pauses"),
        "plan_item": f.get("plan_item", str, "text or null", optional=True),
        "answers": tuple(answers),
    }
    if len(problems) > before:
        return None
    try:
        return NewSession(**values)
    except (TypeError, ValueError) as error:
        problems.append(f"{path}: {error}")
        return None


def answer_object(answer: StoredAnswer) -> dict[str, Any]:
    """One answer as JSON: in an export, and in a draft kept across a crash."""
    value = answer.value
    return {
        "question_id": answer.question_id,
        "when": answer.when,
        "kind": answer.kind,
        "prompt": answer.prompt,
        "value": list(value) if isinstance(value, tuple) else value,
        "display": answer.display,
        "minimum": answer.minimum,
        "maximum": answer.maximum,
    }


def answer_from_object(raw: object) -> StoredAnswer | None:
    """An answer back from `answer_object`; None when it cannot be read. A draft
    written before the scale's range was kept has no minimum and maximum."""
    if isinstance(raw, dict):
        raw = {"minimum": None, "maximum": None, **raw}
    return _read_answer(raw, "", [])


def _read_answer(raw: object, path: str, problems: list[str]) -> StoredAnswer | None:
    if not isinstance(raw, dict):
        problems.append(f"{path}: expected an answer (an object), got {_shown_value(raw)}")
        return None
    before = len(problems)
    f = _Fields(raw, path, problems)
    f.known(_ANSWER_FIELDS)
    values: dict[str, Any] = {
        "question_id": f.text("question_id"),
        "when": f.choice("when", WHENS),
        "kind": f.choice("kind", KINDS),
        "prompt": f.get("prompt", str, "text"),
    }
    values["value"] = f.value(values["kind"]) if values["kind"] is not None else None
    values["display"] = f.get("display", str, "text")
    values["minimum"] = f.whole("minimum", minimum=None, optional=True)
    values["maximum"] = f.whole("maximum", minimum=None, optional=True)
    for end in ("minimum", "maximum"):
        if values["kind"] not in (None, "scale") and values[end] is not None:
            f.problem(end, f"only a scale answer has a {end}; expected null")
    if len(problems) > before:
        return None
    try:
        return StoredAnswer(**values)
    except (TypeError, ValueError) as error:
        problems.append(f"{path}: {error}")
        return None


class _Fields:
    """Typed reading of one JSON object's fields; each problem is recorded with its
    path, and the field's value is then None."""

    def __init__(self, data: dict[str, Any], path: str, problems: list[str]) -> None:
        self.data, self.path, self.problems = data, path, problems

    def problem(self, key: str, message: str) -> None:
        where = f"{self.path}.{key}" if self.path else key
        self.problems.append(f"{where}: {message}")

    def known(self, keys: Sequence[str]) -> None:
        for key in self.data:
            if key not in keys:
                self.problem(key, "not a field of this format")
        for key in keys:
            if key not in self.data:
                self.problem(key, "missing")

    def get(
        self, key: str, kind: type | tuple[type, ...], expected: str, *, optional: bool = False
    ) -> Any:
        if key not in self.data:
            return None  # reported by known()
        value = self.data[key]
        if value is None and optional:
            return None
        wrong_bool = isinstance(value, bool) and kind is not bool
        if not isinstance(value, kind) or wrong_bool:
            self.problem(key, f"expected {expected}, got {_shown_value(value)}")
            return None
        return value

    def text(self, key: str) -> str | None:
        value: str | None = self.get(key, str, "text")
        if value is not None and not value.strip():
            self.problem(key, "expected text, got an empty string")
            return None
        return value

    def choice(self, key: str, choices: Sequence[str]) -> Any:
        value = self.get(key, str, _one_of(choices))
        if value is not None and value not in choices:
            self.problem(key, f"expected {_one_of(choices)}, got {_shown_value(value)}")
            return None
        return value

    def whole(self, key: str, *, minimum: int | None = 0, optional: bool = False) -> int | None:
        what = "a whole number" if minimum is None else f"a whole number from {minimum}"
        value: int | None = self.get(key, int, what + " or null" * optional, optional=optional)
        if value is not None and minimum is not None and value < minimum:
            self.problem(key, f"expected {what}, got {value}")
            return None
        return value

    def seconds(self, key: str, *, optional: bool = False) -> float | None:
        what = "a number of seconds" + (", more than 0, or null" if optional else ", from 0")
        value = self.get(key, (int, float), what, optional=optional)
        if value is None:
            return None
        if not math.isfinite(value) or value < 0 or (optional and value == 0):
            self.problem(key, f"expected {what}, got {_shown_value(value)}")
            return None
        return float(value)

    def time(self, key: str) -> datetime | None:
        expected = 'an ISO 8601 time with its offset, like "2025-03-04T08:15:00+01:00"'
        value = self.get(key, str, expected)
        if value is None:
            return None
        try:
            when = datetime.fromisoformat(value)
        except ValueError:
            when = None
        if when is None or when.utcoffset() is None:
            self.problem(key, f"expected {expected}, got {_shown_value(value)}")
            return None
        return when

    def value(self, kind: str) -> AnswerValue | None:
        checks: dict[str, tuple[Callable[[Any], bool], str]] = {
            "scale": (_is_int, "a whole number"),
            "text": (lambda v: isinstance(v, str), "text"),
            "choice": (
                lambda v: isinstance(v, list) and all(_is_int(x) and x >= 0 for x in v),
                "a list of option numbers (whole numbers from 0)",
            ),
            "feelings": (
                lambda v: isinstance(v, list) and all(isinstance(x, str) and x for x in v),
                "a list of feeling ids and words (text)",
            ),
        }
        check, expected = checks[kind]
        if "value" not in self.data:
            return None
        value = self.data["value"]
        if not check(value):
            self.problem(
                "value", f"expected {expected} for a {kind} answer, got {_shown_value(value)}"
            )
            return None
        return cast(AnswerValue, tuple(value) if isinstance(value, list) else value)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _one_of(choices: Sequence[str]) -> str:
    quoted = [f'"{choice}"' for choice in choices]
    return "one of " + ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _shown_value(value: object) -> str:
    """A found value, short, for a message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value if len(value) <= 40 else value[:37] + "…", ensure_ascii=False)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
