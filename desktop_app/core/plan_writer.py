"""Writing a plan file (`attune: plan/1`) from what a form holds.

The text is made by hand rather than by a YAML dumper: PyYAML writes YAML 1.1
(`no` would come back quoted one way and read another), and a therapist may open
the file later, so it should look like the example in formats.md. Every free text is
written as a JSON string, which is also a valid YAML double-quoted scalar; the few
characters YAML cannot carry raw are escaped too.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import TypeAlias

from desktop_app.core.durations import format_duration, parse_duration
from desktop_app.core.model import Daily, OnDays, PerWeek, Plan, PlanItem, Schedule, Weekdays
from desktop_app.core.plan_loader import DAY_NAMES

#: "daily", "weekdays", day names ("mon" … "sun"), or a number of times a week.
When: TypeAlias = str | tuple[str, ...] | int

FALLBACK_ID = "my-plan"
_MAX_ID = 63
# YAML readers refuse these raw, or take them for line breaks; JSON leaves them raw.
_NOT_RAW = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


@dataclass(frozen=True)
class PlanItemDraft:
    practice: str
    length: float | None = None
    when: When = "daily"
    at: dt.time | None = None
    note: str = ""


@dataclass(frozen=True)
class PlanDraft:
    id: str
    title: str
    language: str
    from_: str
    message: str = ""
    contact: str = ""
    starts: dt.date | None = None
    ends: dt.date | None = None
    items: tuple[PlanItemDraft, ...] = ()


def plan_yaml(draft: PlanDraft) -> str:
    """The plan file for `draft`. Empty optional texts are left out; the result is not
    checked here (read it back with `read_plan` for that)."""
    lines = [
        "attune: plan/1",
        f"id: {quoted(draft.id)}",
        f"title: {quoted(draft.title)}",
        f"language: {quoted(draft.language)}",
        f"from: {quoted(draft.from_)}",
    ]
    if draft.message.strip():
        lines.append(f"message: {_block_or_quoted(draft.message, indent='  ')}")
    if draft.starts is not None:
        lines.append(f"starts: {draft.starts.isoformat()}")
    if draft.ends is not None:
        lines.append(f"ends: {draft.ends.isoformat()}")
    if draft.contact.strip():
        lines.append(f"contact: {quoted(draft.contact)}")
    lines.append("items:")
    for item in draft.items:
        lines.append(f"  - practice: {quoted(item.practice)}")
        if item.length is not None:
            lines.append(f"    length: {_duration(item.length)}")
        lines.append(f"    when: {_when(item.when)}")
        if item.at is not None:
            lines.append(f'    at: "{item.at.hour:02d}:{item.at.minute:02d}"')
        if item.note.strip():
            lines.append(f"    note: {quoted(item.note)}")
    return "\n".join(lines) + "\n"


def quoted(value: str) -> str:
    """`value` as a double-quoted scalar that every YAML reader takes back unchanged."""
    text = json.dumps(value, ensure_ascii=False)
    return _NOT_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def slug_for(title: str) -> str:
    """A plan id from its title: `Weeks 1–2: Straße` -> `weeks-1-2-strasse`. Accents are
    dropped; any other letter or sign that is not a-z or 0-9 separates words."""
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return slug[:_MAX_ID].rstrip("-") or FALLBACK_ID


def draft_from_plan(plan: Plan, language: str) -> PlanDraft:
    """A plan as a form shows it. Texts are taken in `language` (else the plan's own);
    other translations are not kept."""
    return PlanDraft(
        id=plan.id,
        title=plan.title.get(language),
        language=plan.language,
        from_=plan.assigned_by,
        message=plan.message.get(language) if plan.message else "",
        contact=plan.contact.get(language) if plan.contact else "",
        starts=plan.starts,
        ends=plan.ends,
        items=tuple(_item_draft(item, language) for item in plan.items),
    )


def _item_draft(item: PlanItem, language: str) -> PlanItemDraft:
    return PlanItemDraft(
        practice=item.practice,
        length=item.length,
        when=when_of(item.when),
        at=item.at,
        note=item.note.get(language) if item.note else "",
    )


def when_of(schedule: Schedule) -> When:
    if isinstance(schedule, Daily):
        return "daily"
    if isinstance(schedule, Weekdays):
        return "weekdays"
    if isinstance(schedule, OnDays):
        return tuple(DAY_NAMES[day - 1] for day in sorted(schedule.days))
    assert isinstance(schedule, PerWeek)
    return schedule.times


def _when(when: When) -> str:
    if isinstance(when, int):
        return f"{{per_week: {when}}}"
    if isinstance(when, tuple):
        days = sorted(set(when), key=lambda d: DAY_NAMES.index(d) if d in DAY_NAMES else 7)
        return "[" + ", ".join(quoted(day) if day not in DAY_NAMES else day for day in days) + "]"
    return when if when in ("daily", "weekdays") else quoted(when)


def _duration(seconds: float) -> str:
    """`5m` as people write it, unless that would round (1m1.3s is not 61.3 exactly):
    then the plain number of seconds, which reads back bit for bit."""
    shown = format_duration(seconds)
    return shown if parse_duration(shown) == seconds else repr(float(seconds))


def _block_or_quoted(value: str, indent: str) -> str:
    """A literal block (`|-`) when the text reads back exactly that way, else quoted."""
    text_lines = value.split("\n")
    simple = (
        len(text_lines) > 1
        and value == value.strip()
        and all(line.isprintable() and line == line.rstrip() for line in text_lines)
    )
    if not simple:
        return quoted(value)
    return "|-\n" + "\n".join(indent + line if line else "" for line in text_lines)
