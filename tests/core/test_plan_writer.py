"""Plan files written from a form read back as exactly what was written in it."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.model import Daily, OnDays, PerWeek, Plan, Weekdays
from desktop_app.core.plan_loader import DAY_NAMES, read_plan
from desktop_app.core.plan_writer import (
    PlanDraft,
    PlanItemDraft,
    draft_from_plan,
    plan_yaml,
    slug_for,
    when_of,
)
from desktop_app.core.reader import SLUG

TRICKY = [
    "no",
    "on",
    "1.10",
    "yes",
    "null",
    "~",
    "-",
    "? x",
    "a: b",
    "# not a comment",
    '"quoted"',
    "it's",
    "  leading spaces",
    "trailing  ",
    "line one\nline two",
    "para\n\n  indented\nend",
    "tab\there",
    "Ünïcödé — 日本語 🌱",
    "back\\slash",
    "[list]",
    "{map}",
    "&anchor *alias !tag |block >fold %directive @at `tick`",
    "\u2028 and \x85 and \ufeff",
]

#: Control characters and direction overrides, which no Attune file may hold.
_REFUSED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")

texts = st.one_of(
    st.sampled_from(TRICKY),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\0"), max_size=40),
).filter(lambda s: bool(s.strip()) and not _REFUSED.search(s))
optional_texts = st.one_of(st.just(""), texts)
slugs = st.from_regex(SLUG, fullmatch=True)
days = st.lists(st.sampled_from(DAY_NAMES), min_size=1, max_size=7, unique=True).map(tuple)
whens = st.one_of(
    st.sampled_from(["daily", "weekdays"]), days, st.integers(min_value=1, max_value=7)
)
lengths = st.one_of(
    st.none(),
    st.integers(min_value=1, max_value=24 * 3600).map(float),
    st.integers(min_value=1, max_value=24 * 36000).map(lambda tenths: tenths / 10),
)
times = st.one_of(st.none(), st.times().map(lambda t: dt.time(t.hour, t.minute)))
items = st.builds(
    PlanItemDraft, practice=slugs, length=lengths, when=whens, at=times, note=optional_texts
)


@st.composite
def drafts(draw: st.DrawFn) -> PlanDraft:
    starts = draw(st.one_of(st.none(), st.dates()))
    ends = draw(st.one_of(st.none(), st.dates(min_value=starts or dt.date.min)))
    return PlanDraft(
        id=draw(slugs),
        title=draw(texts),
        language=draw(st.sampled_from(["en", "nl", "pt-BR", "no"])),
        from_=draw(texts),
        message=draw(optional_texts),
        contact=draw(optional_texts),
        starts=starts,
        ends=ends,
        items=tuple(draw(st.lists(items, min_size=1, max_size=4))),
    )


@given(drafts())
def test_a_written_plan_reads_back_as_the_draft(draft: PlanDraft) -> None:
    plan = read_plan(plan_yaml(draft).encode("utf-8"), "p.yaml")
    assert draft_from_plan(plan, draft.language) == normalised(draft)


def normalised(draft: PlanDraft) -> PlanDraft:
    """What a plan keeps: empty optional texts are left out, days come in week order."""

    def item(i: PlanItemDraft) -> PlanItemDraft:
        when = i.when
        if isinstance(when, tuple):
            when = tuple(sorted(when, key=DAY_NAMES.index))
        return PlanItemDraft(i.practice, i.length, when, i.at, i.note if i.note.strip() else "")

    return PlanDraft(
        draft.id,
        draft.title,
        draft.language,
        draft.from_,
        draft.message if draft.message.strip() else "",
        draft.contact if draft.contact.strip() else "",
        draft.starts,
        draft.ends,
        tuple(item(i) for i in draft.items),
    )


def test_the_example_of_formats_md() -> None:
    draft = PlanDraft(
        id="first-weeks",
        title="Weeks 1–2: finding steadiness",
        language="en",
        from_="Your therapist",
        message="Try these at a quiet moment.\nIt's fine to miss a day.",
        contact="Practice phone 020 123 4567 (weekdays)",
        starts=dt.date(2026, 12, 1),
        ends=dt.date(2026, 12, 14),
        items=(
            PlanItemDraft(
                "box-breathing", 300.0, "daily", dt.time(8, 0), "Before breakfast if you can."
            ),
            PlanItemDraft("other", None, ("fri", "mon", "wed")),
            PlanItemDraft("other", None, 3),
            PlanItemDraft("other", 2.5, "weekdays"),
        ),
    )
    assert plan_yaml(draft) == (
        "attune: plan/1\n"
        'id: "first-weeks"\n'
        'title: "Weeks 1–2: finding steadiness"\n'
        'language: "en"\n'
        'from: "Your therapist"\n'
        "message: |-\n"
        "  Try these at a quiet moment.\n"
        "  It's fine to miss a day.\n"
        "starts: 2026-12-01\n"
        "ends: 2026-12-14\n"
        'contact: "Practice phone 020 123 4567 (weekdays)"\n'
        "items:\n"
        '  - practice: "box-breathing"\n'
        "    length: 5m\n"
        "    when: daily\n"
        '    at: "08:00"\n'
        '    note: "Before breakfast if you can."\n'
        '  - practice: "other"\n'
        "    when: [mon, wed, fri]\n"
        '  - practice: "other"\n'
        "    when: {per_week: 3}\n"
        '  - practice: "other"\n'
        "    length: 2.5s\n"
        "    when: weekdays\n"
    )
    plan = read_plan(plan_yaml(draft).encode(), "p.yaml")
    assert isinstance(plan, Plan)
    assert plan.message is not None
    assert plan.message.get() == "Try these at a quiet moment.\nIt's fine to miss a day."
    assert [i.when for i in plan.items] == [
        Daily(),
        OnDays(frozenset({1, 3, 5})),
        PerWeek(3),
        Weekdays(),
    ]


def test_optional_keys_are_left_out_when_empty() -> None:
    draft = PlanDraft("p", "P", "en", "Me", message="  \n", items=(PlanItemDraft("x"),))
    assert plan_yaml(draft) == (
        'attune: plan/1\nid: "p"\ntitle: "P"\nlanguage: "en"\nfrom: "Me"\n'
        'items:\n  - practice: "x"\n    when: daily\n'
    )


@pytest.mark.parametrize(
    ("message", "block"),
    [
        ("one\ntwo", True),
        ("one\n\n  two, indented", True),
        ("  starts with spaces\ntwo", False),
        ("ends with a line break\n", False),
        ("trailing space \ntwo", False),
        ("tab\tinside\ntwo", False),
        ("one line", False),
    ],
)
def test_a_message_is_a_block_only_when_that_reads_back_exactly(message: str, block: bool) -> None:
    draft = PlanDraft("p", "P", "en", "Me", message=message, items=(PlanItemDraft("x"),))
    text = plan_yaml(draft)
    assert ("message: |-" in text) is block
    plan = read_plan(text.encode(), "p.yaml")
    assert plan.message is not None and plan.message.get() == message


def test_a_length_that_would_round_is_written_in_seconds() -> None:
    # format_duration shows tenths, so 0.25 would come back as 0.2s
    draft = PlanDraft("p", "P", "en", "Me", items=(PlanItemDraft("x", 0.25),))
    assert "    length: 0.25\n" in plan_yaml(draft)
    assert read_plan(plan_yaml(draft).encode(), "p.yaml").items[0].length == 0.25


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Weeks 1–2: finding steadiness", "weeks-1-2-finding-steadiness"),
        ("Première semaine, à l'aise", "premiere-semaine-a-l-aise"),
        ("Straße: Ruhe finden", "strasse-ruhe-finden"),
        ("  --Calm--  ", "calm"),
        ("日本語", "my-plan"),
        ("", "my-plan"),
        ("a" * 70, "a" * 63),
        ("a" * 62 + " b", "a" * 62),
    ],
)
def test_slug_for(title: str, slug: str) -> None:
    assert slug_for(title) == slug
    assert SLUG.match(slug_for(title))


@given(st.text())
def test_slug_for_always_makes_a_valid_id(title: str) -> None:
    assert SLUG.match(slug_for(title))


def test_when_of_every_schedule() -> None:
    assert when_of(Daily()) == "daily"
    assert when_of(Weekdays()) == "weekdays"
    assert when_of(OnDays(frozenset({7, 1}))) == ("mon", "sun")
    assert when_of(PerWeek(2)) == 2
