"""Plan files and pack manifests, as formats.md describes them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.core.model import Daily, OnDays, PackManifest, PerWeek, Plan, Weekdays
from desktop_app.core.plan_loader import check_plan_against_library
from tests.helpers import MINIMAL_PRACTICE, load_text, problems_of

PLAN = """\
attune: plan/1
id: first-weeks
title: {en: "Weeks 1–2: finding steadiness", nl: "Week 1–2: houvast vinden"}
language: en
from: Your therapist
message: |
  Try these at a quiet moment. It's fine to miss a day.
starts: 2026-12-01
ends: 2026-12-14
contact: "Practice phone 020 123 4567 (weekdays)"
items:
  - practice: tiny
    length: 5m
    when: daily
    at: "08:00"
    note: Before breakfast if you can.
  - practice: other
    when: weekdays
  - practice: other
    when: [mon, wed, fri]
    at: 19:30
  - practice: other
    when: {per_week: 3}
"""

PACK = """\
attune: pack/1
id: anxiety-starter
title: {en: Starting out, nl: Beginnen}
author: Your therapist
version: 2
language: en
description: A few practices for the first weeks.
"""


def test_the_example_plan_loads(tmp_path: Path) -> None:
    plan = load_text(tmp_path, PLAN)
    assert isinstance(plan, Plan)
    assert plan.id == "first-weeks" and plan.assigned_by == "Your therapist"
    assert plan.title.get("nl") == "Week 1–2: houvast vinden"
    assert (plan.starts, plan.ends) == (dt.date(2026, 12, 1), dt.date(2026, 12, 14))
    assert plan.contact and plan.message
    first, second, third, fourth = plan.items
    assert (first.practice, first.length, first.when, first.at) == (
        "tiny",
        300.0,
        Daily(),
        dt.time(8, 0),
    )
    assert second.when == Weekdays() and second.length is None and second.at is None
    assert third.when == OnDays(frozenset({1, 3, 5})) and third.at == dt.time(19, 30)
    assert fourth.when == PerWeek(3)


def test_starts_ends_and_optional_parts_may_be_left_out(tmp_path: Path) -> None:
    text = "attune: plan/1\nid: p\ntitle: P\nlanguage: en\nfrom: Me\nitems: [{practice: tiny, when: daily}]\n"
    plan = load_text(tmp_path, text)
    assert (
        isinstance(plan, Plan)
        and plan.starts is None
        and plan.ends is None
        and plan.message is None
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("ends: 2026-12-14", "ends: 2026-11-30"),
            "p.yaml:9:7: ends: the plan ends (2026-11-30) before it starts (2026-12-01)",
        ),
        (
            ("starts: 2026-12-01", "starts: 1 December"),
            'p.yaml:8:9: starts: expected a date like "2026-12-01", got "1 December"',
        ),
        (
            ("starts: 2026-12-01", "starts: 2026-02-30"),
            'starts: expected a date like "2026-12-01", got "2026-02-30"',
        ),
        (
            ('at: "08:00"', 'at: "8 am"'),
            'items[1].at: expected a time of day like "08:00" or "19:30", got "8 am"',
        ),
        (('at: "08:00"', 'at: "24:00"'), "items[1].at: expected a time of day"),
        (
            ("when: daily", "when: sometimes"),
            "items[1].when: expected daily, weekdays, a list of days",
        ),
        (("[mon, wed, fri]", "[mon, mon]"), 'items[3].when[2]: "mon" is listed twice'),
        (("[mon, wed, fri]", "[monday]"), 'items[3].when[1]: expected one of "mon", "tue"'),
        (
            ("{per_week: 3}", "{per_week: 8}"),
            "items[4].when.per_week: expected a number at least 1 and at most 7, got 8",
        ),
        (
            ("{per_week: 3}", "{per_week: 3, per_wek: 2}"),
            'items[4].when.per_wek: unknown key; did you mean "per_week"?',
        ),
        (
            ("practice: tiny", "practice: Tiny Thing"),
            'items[1].practice: "Tiny Thing" is not a valid id',
        ),
        (("from: Your therapist\n", ""), 'p.yaml:1:1: missing required key "from"'),
        (("length: 5m", "length: five"), "items[1].length: expected a duration"),
    ],
)
def test_plan_rules(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    found = problems_of(tmp_path, PLAN.replace(*change))
    assert len(found) == 1 and message in found[0], found


def test_items_must_not_be_empty(tmp_path: Path) -> None:
    text = "attune: plan/1\nid: p\ntitle: P\nlanguage: en\nfrom: Me\nitems: []\n"
    assert problems_of(tmp_path, text) == ["p.yaml:6:8: items: expected at least one item"]


def test_missing_practices_are_a_warning_and_wrong_lengths_an_error(tmp_path: Path) -> None:
    plan = load_text(tmp_path, PLAN)
    practice = load_text(
        tmp_path,
        MINIMAL_PRACTICE.replace("steps:", "lengths: [10m]\nsteps:").replace(
            "  - say: Hello.", "  - silence: flex"
        ),
        "tiny.yaml",
    )
    assert isinstance(plan, Plan)
    found = [str(p) for p in check_plan_against_library(plan, {"tiny": practice}, "plan.yaml")]  # type: ignore[dict-item]
    assert (
        found[0] == 'plan.yaml:13:13: items[1].length: 5m is not one of the lengths of "tiny" (10m)'
    )
    assert found[1] == (
        'plan.yaml:17:5: warning: items[2].practice: no practice "other" in the library; '
        "this item will show as unavailable"
    )
    assert len(found) == 4


def test_the_pack_manifest_loads(tmp_path: Path) -> None:
    manifest = load_text(tmp_path, PACK, "pack.yaml")
    assert isinstance(manifest, PackManifest)
    assert (manifest.id, manifest.author, manifest.version, manifest.language) == (
        "anxiety-starter",
        "Your therapist",
        2,
        "en",
    )
    assert manifest.description and manifest.title.get("nl") == "Beginnen"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("version: 2", "version: two"), 'version: expected a whole number, got "two"'),
        (("version: 2\n", ""), 'missing required key "version"'),
        (("author: Your therapist\n", ""), 'missing required key "author"'),
        (
            ("description: A few practices for the first weeks.", "summary: x"),
            "summary: unknown key",
        ),
    ],
)
def test_pack_manifest_rules(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    found = problems_of(tmp_path, PACK.replace(*change), "pack.yaml")
    assert len(found) == 1 and message in found[0], found
