"""The adherence report: how a plan went, to bring to the therapist who gave it.

`build_report` makes a pure data model, `AdherenceReport`, from one plan, its import
date, journal entries and a range of days; `to_markdown` writes it out, and
`to_document` makes the document that `ui/pdf.py` sets on PDF pages.
The report holds:

1. planned against done, per item of the plan and per ISO week (`core.schedule`);
2. the before → after changes of each scale asked both before and after a session of
   the plan's practices (same question id): the average change, how many sessions,
   and each session's change by date;
3. reflections (the written answers of those sessions) only when asked for: by
   default the report holds none, since the person decides what their therapist sees.

A practice the plan names but the library lacks is marked missing: it cannot be done,
so its sessions are not counted as planned.

Only completed sessions count. Days are local calendar dates (or those of `tz`).
Nothing here touches Qt or the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, tzinfo
from typing import Final

from desktop_app.core.durations import format_duration
from desktop_app.core.model import Daily, OnDays, PerWeek, Plan, Schedule, Weekdays
from desktop_app.core.schedule import WeekCount, adherence, completions, local_date, starts_on
from desktop_app.storage.document import Block, Document, Span
from desktop_app.storage.journal import SessionEntry, scale_changes
from desktop_app.storage.journal_export import long_date, md_lines, md_text

TITLE: Final = "Attune adherence report"
_DAY_NAMES: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


# --- the data model --------------------------------------------------------------


@dataclass(frozen=True)
class ItemReport:
    """One item of the plan: what it asks for, and how much of it was done."""

    index: int
    practice: str
    #: The practice's title as the journal last recorded it (else its id).
    title: str
    #: The schedule in words: "daily", "weekdays", "Mon, Wed, Fri", "3 times a week".
    schedule: str
    #: The length the plan asks for, in seconds (None: the practice's own).
    length: float | None
    planned: int
    done: int
    #: Per ISO week of the range, oldest first.
    weekly: tuple[WeekCount, ...]
    #: The library lacks the practice: its sessions are not counted as planned.
    missing: bool = False


@dataclass(frozen=True)
class DatedChange:
    day: date
    before: int
    after: int


@dataclass(frozen=True)
class ScaleReport:
    """One scale (question id) of one practice, asked before and after."""

    practice: str
    title: str
    question_id: str
    prompt: str
    #: Sessions, oldest first.
    changes: tuple[DatedChange, ...]

    @property
    def count(self) -> int:
        return len(self.changes)

    @property
    def average(self) -> float:
        """The mean of after − before."""
        return sum(c.after - c.before for c in self.changes) / len(self.changes)


@dataclass(frozen=True)
class Reflection:
    """One written answer of a session."""

    day: date
    title: str
    prompt: str
    answer: str


@dataclass(frozen=True)
class AdherenceReport:
    plan_id: str
    plan_title: str
    assigned_by: str
    #: The days reported on: the range asked for, within the days the plan runs.
    first: date
    last: date
    items: tuple[ItemReport, ...]
    scales: tuple[ScaleReport, ...]
    #: Empty unless reflections were asked for.
    reflections: tuple[Reflection, ...] = ()
    include_reflections: bool = False

    @property
    def planned(self) -> int:
        return sum(item.planned for item in self.items if not item.missing)

    @property
    def done(self) -> int:
        return sum(item.done for item in self.items if not item.missing)


def report_range(
    plan: Plan, imported_on: date, start: date | None, end: date | None, today: date
) -> tuple[date, date]:
    """The days to report on: `start` (default: the plan's start, else its import date)
    to `end` (default: `today`), within the days the plan runs. The first may come
    after the last when the range and the plan do not meet."""
    begins = starts_on(plan, imported_on)
    first = begins if start is None else max(start, begins)
    last = today if end is None else end
    if plan.ends is not None:
        last = min(last, plan.ends)
    return first, last


def build_report(
    plan: Plan,
    imported_on: date,
    entries: Iterable[SessionEntry],
    start: date,
    end: date,
    *,
    include_reflections: bool = False,
    tz: tzinfo | None = None,
    language: str | None = None,
    library_titles: Mapping[str, str] | None = None,
) -> AdherenceReport:
    """The report on `plan` over `start`..`end` (inclusive, clipped to the days the
    plan runs) from the completed sessions among `entries`. Practices are named by
    `library_titles` (id -> title in the person's language, as a therapist reads them),
    else by the title the journal kept, else by their id. Given `library_titles`, a
    practice not among them is marked missing."""
    first, last = report_range(plan, imported_on, start, end, end)
    practices = {item.practice for item in plan.items}
    sessions = sorted(
        (
            entry
            for entry in entries
            if entry.completed
            and entry.practice_id in practices
            and first <= local_date(entry.started_at, tz) <= last
        ),
        key=lambda entry: (entry.started_at, entry.id),
    )
    titles = {entry.practice_id: entry.practice_title for entry in sessions}
    titles.update(library_titles or {})
    counts = adherence(plan, first, last, completions(sessions, tz), imported_on)
    items = tuple(
        ItemReport(
            index=count.index,
            practice=count.practice,
            title=titles.get(count.practice, count.practice),
            schedule=schedule_words(item.when),
            length=item.length,
            planned=count.planned,
            done=count.done,
            weekly=count.weekly,
            missing=library_titles is not None and count.practice not in library_titles,
        )
        for item, count in zip(plan.items, counts, strict=True)
    )
    return AdherenceReport(
        plan_id=plan.id,
        plan_title=plan.title.get(language),
        assigned_by=plan.assigned_by,
        first=first,
        last=last,
        items=items,
        scales=_scales(plan, sessions, titles, tz),
        reflections=_reflections(sessions, tz) if include_reflections else (),
        include_reflections=include_reflections,
    )


def schedule_words(when: Schedule) -> str:
    if isinstance(when, Daily):
        return "daily"
    if isinstance(when, Weekdays):
        return "weekdays"
    if isinstance(when, OnDays):
        return ", ".join(_DAY_NAMES[day - 1] for day in sorted(when.days))
    if isinstance(when, PerWeek):
        return "once a week" if when.times == 1 else f"{when.times} times a week"
    raise TypeError(f"unknown schedule {when!r}")  # pragma: no cover


def _scales(
    plan: Plan, sessions: Sequence[SessionEntry], titles: dict[str, str], tz: tzinfo | None
) -> tuple[ScaleReport, ...]:
    found: dict[tuple[str, str], tuple[str, list[DatedChange]]] = {}
    for entry in sessions:
        day = local_date(entry.started_at, tz)
        for change in scale_changes(entry):
            key = (entry.practice_id, change.question_id)
            _, changes = found.setdefault(key, (change.prompt, []))
            changes.append(DatedChange(day, change.before, change.after))
    order = list(dict.fromkeys(item.practice for item in plan.items))
    return tuple(
        ScaleReport(practice, titles.get(practice, practice), question, prompt, tuple(changes))
        for (practice, question), (prompt, changes) in sorted(
            found.items(), key=lambda pair: order.index(pair[0][0])
        )
    )


def _reflections(sessions: Sequence[SessionEntry], tz: tzinfo | None) -> tuple[Reflection, ...]:
    return tuple(
        Reflection(local_date(entry.started_at, tz), entry.practice_title, a.prompt, a.display)
        for entry in sessions
        for a in entry.answers
        if a.kind == "text" and a.display.strip()
    )


# --- words -----------------------------------------------------------------------


def _period(report: AdherenceReport) -> str:
    if report.first == report.last:
        return long_date(report.first)
    return f"{long_date(report.first)} to {long_date(report.last)}"


def _item_line(item: ItemReport) -> tuple[str, str]:
    """(title, the rest) of an item's line."""
    what = item.schedule
    if item.length is not None:
        what += f", {format_duration(item.length)}"
    if item.missing:
        done = f" ({item.done} done)" if item.done else ""
        return item.title, f"({what}): missing from the library, so not counted{done}"
    return item.title, f"({what}): {item.done} of {item.planned} done"


def _of(item: ItemReport, count: WeekCount) -> str:
    return "missing" if item.missing else f"{count.done} of {count.planned}"


def _signed(number: float) -> str:
    text = f"{number:+.1f}".removesuffix(".0")
    return text.replace("-", "−")


def _scale_line(scale: ScaleReport) -> str:
    sessions = "1 session" if scale.count == 1 else f"{scale.count} sessions"
    return f"average change {_signed(scale.average)} over {sessions}"


def _change_line(change: DatedChange) -> str:
    return f"{long_date(change.day)}: {change.before} → {change.after}"


def _summary(report: AdherenceReport) -> str:
    return f"{_period(report)} · {report.done} of {report.planned} planned sessions done"


# --- Markdown --------------------------------------------------------------------


def to_markdown(report: AdherenceReport) -> str:
    out = [f"# {TITLE}", "", f"**{md_text(report.plan_title, line_start=False)}**"]
    if report.assigned_by.strip():
        out[-1] += f" · from {md_text(report.assigned_by, line_start=False)}"
    out[-1] += "  \n" + md_text(_summary(report))
    out += ["", "## Planned and done", ""]
    for item in report.items:
        title, rest = _item_line(item)
        out.append(f"- **{md_text(title, line_start=False)}** {md_text(rest, line_start=False)}")
    if report.items and report.items[0].weekly:
        out += ["", "### Week by week", ""]
        header = ["Week of", *(md_text(item.title, line_start=False) for item in report.items)]
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + " --- |" * len(header))
        for week, counts in enumerate(zip(*(item.weekly for item in report.items), strict=True)):
            monday = report.items[0].weekly[week].week_start
            cells = (_of(item, c) for item, c in zip(report.items, counts, strict=True))
            out.append("| " + " | ".join([long_date(monday), *cells]) + " |")
    out += ["", "## Before and after", ""]
    if not report.scales:
        out.append("No scale was asked both before and after in these sessions.")
    for scale in report.scales:
        out += [
            f"### {md_text(scale.title, line_start=False)}: "
            f"{md_text(scale.prompt, line_start=False)}",
            "",
            md_text(_scale_line(scale)),
            "",
        ]
        out += [f"- {md_text(_change_line(change), line_start=False)}" for change in scale.changes]
        out.append("")
    if report.include_reflections:
        while out[-1] == "":
            out.pop()
        out += ["", "## Reflections", ""]
        if not report.reflections:
            out.append("No written answers in these sessions.")
        for reflection in report.reflections:
            heading = md_text(f"{long_date(reflection.day)}, {reflection.title}", line_start=False)
            prompt = md_text(reflection.prompt, line_start=False)
            out.append(f"- *{heading}* **{prompt}** " + md_lines(reflection.answer, indent="  "))
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


# --- pages -------------------------------------------------------------------------


def to_document(report: AdherenceReport) -> Document:
    """The same document as `to_markdown`, to be set on pages (`ui/pdf.py`)."""
    plan = report.plan_title.strip()
    if report.assigned_by.strip():
        plan += f" · from {report.assigned_by.strip()}"
    blocks = [
        Block.of("title", TITLE),
        Block("body", (Span(plan, bold=True),)),
        Block.of("meta", _summary(report)),
        Block.of("heading", "Planned and done"),
    ]
    for item in report.items:
        title, rest = _item_line(item)
        blocks.append(Block("body", (Span(title, bold=True), Span(" " + rest)), bullet=True))
    if report.items and report.items[0].weekly:
        blocks.append(Block.of("label", "Week by week"))
        for week, counts in enumerate(zip(*(item.weekly for item in report.items), strict=True)):
            monday = report.items[0].weekly[week].week_start
            cells = " · ".join(
                f"{item.title} {_of(item, count)}"
                for item, count in zip(report.items, counts, strict=True)
            )
            blocks.append(
                Block("body", (Span(f"Week of {long_date(monday)}: ", bold=True), Span(cells)))
            )
    blocks.append(Block.of("heading", "Before and after"))
    if not report.scales:
        blocks.append(
            Block.of("body", "No scale was asked both before and after in these sessions.")
        )
    for scale in report.scales:
        blocks += [
            Block.of("subheading", f"{scale.title}: {scale.prompt.strip()}"),
            Block.of("meta", _scale_line(scale)),
            *(Block.of("body", _change_line(change), bullet=True) for change in scale.changes),
        ]
    if report.include_reflections:
        blocks.append(Block.of("heading", "Reflections"))
        if not report.reflections:
            blocks.append(Block.of("body", "No written answers in these sessions."))
        for reflection in report.reflections:
            blocks += [
                Block.of("label", f"{long_date(reflection.day)}, {reflection.title}"),
                Block(
                    "body",
                    (
                        Span(reflection.prompt.strip(), bold=True),
                        Span(" " + reflection.answer.strip()),
                    ),
                    bullet=True,
                ),
            ]
    return Document(TITLE, tuple(blocks), footer=TITLE)
