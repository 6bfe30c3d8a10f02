"""Load and validate plan files (`attune: plan/1`) and pack manifests (`attune: pack/1`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping as AnyMapping
from pathlib import Path
from typing import Protocol

from desktop_app.core import documents
from desktop_app.core.durations import format_duration
from desktop_app.core.files import read_limited
from desktop_app.core.model import (
    Daily,
    OnDays,
    PackManifest,
    PerWeek,
    Plan,
    PlanItem,
    Schedule,
    Weekdays,
)
from desktop_app.core.practice_loader import wrong_kind
from desktop_app.core.problems import InvalidFile, Problem, join
from desktop_app.core.reader import Reader
from desktop_app.core.yaml_tree import Mapping, Node, Scalar, Sequence

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_TIME = re.compile(r"^([0-9]{1,2}):([0-9]{2})\Z")


def load_plan(path: Path, *, display: str | None = None) -> Plan:
    file = display or str(path)
    return read_plan(read_limited(path, file), file, source=path)


def read_plan(data: bytes, file: str, *, source: Path | None = None) -> Plan:
    document = documents.read_document(data, file)
    if document.kind != "plan":
        raise InvalidFile([wrong_kind(document, "plan")])
    return plan_from_tree(document.root, file, source=source)


def plan_from_tree(root: Mapping, file: str, *, source: Path | None = None) -> Plan:
    r = Reader(file)
    language = documents.file_language(r, root)
    keys = r.fields(
        root,
        "",
        ("attune", "id", "title", "language", "from", "items"),
        ("message", "starts", "ends", "contact"),
    )
    plan_id = r.slug(keys["id"], "id") if "id" in keys else None
    title = r.text(keys["title"], "title") if "title" in keys else None
    assigned_by = r.string(keys["from"], "from") if "from" in keys else None
    message = r.text(keys["message"], "message") if "message" in keys else None
    contact = r.text(keys["contact"], "contact") if "contact" in keys else None
    starts = _date(r, keys["starts"], "starts") if "starts" in keys else None
    ends = _date(r, keys["ends"], "ends") if "ends" in keys else None
    if starts and ends and ends < starts:
        r.report(keys["ends"], "ends", f"the plan ends ({ends}) before it starts ({starts})")
    items: list[PlanItem] = []
    if "items" in keys:
        listed = r.items(keys["items"], "items", "a list of practices to do")
        if not listed and isinstance(keys["items"], Sequence):
            r.report(keys["items"], "items", "expected at least one item")
        items = [item for p, n in listed if (item := _item(r, n, p)) is not None]
    if r.failed:
        raise InvalidFile(r.problems)
    assert plan_id and title and assigned_by
    return Plan(
        plan_id,
        title,
        language,
        assigned_by,
        tuple(items),
        message,
        starts,
        ends,
        contact,
        r.extras(root),
        source,
        keys["id"].pos,
    )


def _item(r: Reader, node: Node, path: str) -> PlanItem | None:
    mapping = r.mapping(node, path, "an item with practice and when")
    if mapping is None:
        return None
    keys = r.fields(mapping, path, ("practice", "when"), ("length", "at", "note"))
    practice = r.slug(keys["practice"], join(path, "practice")) if "practice" in keys else None
    when = _schedule(r, keys["when"], join(path, "when")) if "when" in keys else None
    length = r.duration(keys["length"], join(path, "length")) if "length" in keys else None
    at = _time(r, keys["at"], join(path, "at")) if "at" in keys else None
    note = r.text(keys["note"], join(path, "note")) if "note" in keys else None
    if practice is None or when is None:
        return None
    length_pos = keys["length"].pos if "length" in keys else mapping.pos
    return PlanItem(practice, when, length, at, note, mapping.pos, length_pos)


def _schedule(r: Reader, node: Node, path: str) -> Schedule | None:
    expected = "daily, weekdays, a list of days like [mon, wed, fri], or {per_week: 3}"
    if isinstance(node, Scalar) and node.text in ("daily", "weekdays"):
        return Daily() if node.text == "daily" else Weekdays()
    if isinstance(node, Sequence):
        days: set[int] = set()
        for item_path, item in r.items(node, path):
            name = r.one_of(item, item_path, DAY_NAMES)
            if name is None:
                continue
            if DAY_NAMES.index(name) + 1 in days:
                r.report(item, item_path, f'"{name}" is listed twice')
            days.add(DAY_NAMES.index(name) + 1)
        if not node.items:
            r.report(node, path, "expected at least one day")
        return OnDays(frozenset(days)) if days and not r.failed else None
    if isinstance(node, Mapping):
        keys = r.fields(node, path, ("per_week",))
        if "per_week" not in keys:
            return None
        times = r.integer(keys["per_week"], join(path, "per_week"), 1, 7)
        return PerWeek(times) if times is not None else None
    r.expected(node, path, expected)
    return None


def _date(r: Reader, node: Node, path: str) -> dt.date | None:
    text = r.string(node, path, 'a date like "2026-12-01"')
    if text is None:
        return None
    try:
        if not re.match(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\Z", text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        r.report(node, path, f'expected a date like "2026-12-01", got "{text}"')
        return None


def _time(r: Reader, node: Node, path: str) -> dt.time | None:
    text = r.string(node, path, 'a time like "08:00"')
    match = _TIME.match(text) if text else None
    if text is not None and match is not None:
        hours, minutes = int(match.group(1)), int(match.group(2))
        if hours < 24 and minutes < 60:
            return dt.time(hours, minutes)
    if text is not None:
        r.report(node, path, f'expected a time of day like "08:00" or "19:30", got "{text}"')
    return None


class HasItems(Protocol):
    """A plan, or its summary."""

    @property
    def items(self) -> tuple[PlanItem, ...]: ...


class HasLengths(Protocol):
    """A practice, or its summary."""

    @property
    def lengths(self) -> tuple[float, ...]: ...


def check_plan_against_library(
    plan: HasItems, practices: AnyMapping[str, HasLengths], file: str
) -> list[Problem]:
    """A plan naming a practice the library lacks is still valid (a warning); a length
    the practice does not offer is an error."""
    problems: list[Problem] = []
    for index, item in enumerate(plan.items):
        path = join(join("items", index), "practice")
        practice = practices.get(item.practice)
        if practice is None:
            problems.append(
                Problem(
                    file,
                    item.pos,
                    f'no practice "{item.practice}" in the library; '
                    "this item will show as unavailable",
                    path,
                    "warning",
                )
            )
        elif item.length is not None and item.length not in practice.lengths:
            offered = ", ".join(format_duration(x) for x in practice.lengths) or "no lengths"
            problems.append(
                Problem(
                    file,
                    item.length_pos,
                    f"{format_duration(item.length)} is not one of the lengths of "
                    f'"{item.practice}" ({offered})',
                    join(join("items", index), "length"),
                )
            )
    return problems


def load_pack_manifest(path: Path, *, display: str | None = None) -> PackManifest:
    file = display or str(path)
    return read_pack_manifest(read_limited(path, file), file, source=path)


def read_pack_manifest(data: bytes, file: str, *, source: Path | None = None) -> PackManifest:
    document = documents.read_document(data, file)
    if document.kind != "pack":
        raise InvalidFile([wrong_kind(document, "pack")])
    return pack_manifest_from_tree(document.root, file, source=source)


def pack_manifest_from_tree(
    root: Mapping, file: str, *, source: Path | None = None
) -> PackManifest:
    r = Reader(file)
    language = documents.file_language(r, root)
    keys = r.fields(
        root, "", ("attune", "id", "title", "author", "version", "language"), ("description",)
    )
    pack_id = r.slug(keys["id"], "id") if "id" in keys else None
    title = r.text(keys["title"], "title") if "title" in keys else None
    author = r.string(keys["author"], "author") if "author" in keys else None
    version = (
        r.integer(keys["version"], "version", 0, documents.MAX_VERSION)
        if "version" in keys
        else None
    )
    description = r.text(keys["description"], "description") if "description" in keys else None
    if r.failed:
        raise InvalidFile(r.problems)
    assert pack_id and title and author and version is not None
    return PackManifest(
        pack_id, title, author, version, language, description, r.extras(root), source
    )
