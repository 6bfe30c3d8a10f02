"""The adherence report, built from a real imported plan and a real journal."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop_app.core.model import Daily, OnDays, PerWeek, Weekdays
from desktop_app.core.schedule import WeekCount
from desktop_app.storage.document import Document
from desktop_app.storage.journal import Journal, NewSession, SessionEntry, StoredAnswer
from desktop_app.storage.plans import PlanStore, StoredPlan
from desktop_app.storage.report import (
    AdherenceReport,
    DatedChange,
    build_report,
    report_range,
    schedule_words,
    to_document,
    to_markdown,
)
from tests.journal_sessions import a_session

# 2025-03-07 is a Friday: the range below crosses into the week of Monday 10 March.
PLAN = """\
attune: plan/1
id: first-weeks
title: Weeks 1–2
language: en
from: Your therapist
starts: 2025-03-07
ends: 2025-03-20
items:
  - practice: box
    when: daily
    length: 10m
  - practice: scan
    when: {per_week: 2}
  - practice: walk
    when: [mon, wed, fri]
"""

SECRET = "I felt my mother's voice in the room"


def scale(question: str, when: str, value: int) -> StoredAnswer:
    return StoredAnswer(question, when, "scale", "How settled?", value, f"{value} of 10", 0, 10)


def session(
    day: int,
    practice_id: str = "box",
    *,
    before: int | None = None,
    after: int | None = None,
    completed: bool = True,
    written: str | None = None,
) -> NewSession:
    start = datetime(2025, 3, day, 12, 0, tzinfo=UTC)
    answers: list[StoredAnswer] = []
    if before is not None:
        answers.append(scale("settled", "before", before))
    if after is not None:
        answers.append(scale("settled", "after", after))
    if written is not None:
        answers.append(
            StoredAnswer("noticed", "after", "text", "What did you notice?", written, written)
        )
    return a_session(
        start,
        answers,
        practice_id=practice_id,
        practice_title={"box": "Box breathing", "scan": "Body scan", "walk": "Mindful walk"}[
            practice_id
        ],
        completed=completed,
    )


@pytest.fixture
def stored(tmp_path: Path) -> StoredPlan:
    store = PlanStore(tmp_path / "plans", today=lambda: date(2025, 3, 1))
    store.import_plan(PLAN.encode("utf-8"))
    found = store.get("first-weeks")
    assert found is not None
    return found


@pytest.fixture
def entries(tmp_path: Path) -> list[SessionEntry]:
    journal = Journal.open(tmp_path / "journal.sqlite3")
    try:
        journal.add_many(
            [
                session(6, before=1, after=9),  # before the plan starts
                session(7, before=3, after=6),
                session(8, before=4, after=5),
                session(10, written=SECRET),
                session(10),  # twice in a day counts once
                session(11, before=2, after=1, completed=False),  # stopped early
                session(12, before=5, after=5),
                session(8, "scan"),
                session(9, "scan"),
                session(9, "scan"),  # a third in a week planned twice
                session(11, "scan", written="Warm hands"),
                session(7, "walk"),
                session(12, "walk"),
            ]
        )
        return journal.entries()
    finally:
        journal.close()


def report_of(
    stored: StoredPlan, entries: list[SessionEntry], *, reflections: bool = False
) -> AdherenceReport:
    return build_report(
        stored.plan,
        stored.imported_on,
        entries,
        date(2025, 3, 1),
        date(2025, 3, 12),
        include_reflections=reflections,
        tz=UTC,
    )


def test_planned_and_done_per_item_and_per_week(
    stored: StoredPlan, entries: list[SessionEntry]
) -> None:
    report = report_of(stored, entries)
    assert (report.first, report.last) == (date(2025, 3, 7), date(2025, 3, 12))
    assert report.plan_title == "Weeks 1–2"
    assert report.assigned_by == "Your therapist"
    box, scan, walk = report.items
    assert (box.title, box.schedule, box.length) == ("Box breathing", "daily", 600.0)
    assert (box.planned, box.done) == (6, 4)
    assert box.weekly == (
        WeekCount(date(2025, 3, 3), 3, 2),
        WeekCount(date(2025, 3, 10), 3, 2),
    )
    assert (scan.schedule, scan.planned, scan.done) == ("2 times a week", 4, 3)
    assert scan.weekly == (
        WeekCount(date(2025, 3, 3), 2, 2),
        WeekCount(date(2025, 3, 10), 2, 1),
    )
    # Fri 7, Mon 10, Wed 12: done on the 7th and the 12th.
    assert (walk.schedule, walk.planned, walk.done) == ("Mon, Wed, Fri", 3, 2)
    assert (report.planned, report.done) == (13, 9)


def test_scale_changes_are_averaged_per_practice_and_listed_by_date(
    stored: StoredPlan, entries: list[SessionEntry]
) -> None:
    (settled,) = report_of(stored, entries).scales
    assert (settled.practice, settled.title, settled.question_id) == (
        "box",
        "Box breathing",
        "settled",
    )
    assert settled.changes == (
        DatedChange(date(2025, 3, 7), 3, 6),
        DatedChange(date(2025, 3, 8), 4, 5),
        DatedChange(date(2025, 3, 12), 5, 5),
    )
    assert settled.count == 3
    assert settled.average == pytest.approx(4 / 3)


def test_reflections_are_left_out_unless_asked_for(
    stored: StoredPlan, entries: list[SessionEntry]
) -> None:
    plain = report_of(stored, entries)
    assert plain.reflections == ()
    assert SECRET not in to_markdown(plain)
    assert "Reflections" not in to_markdown(plain)
    assert "mother" not in words(to_document(plain))

    shared = report_of(stored, entries, reflections=True)
    assert [(r.day, r.title, r.answer) for r in shared.reflections] == [
        (date(2025, 3, 10), "Box breathing", SECRET),
        (date(2025, 3, 11), "Body scan", "Warm hands"),
    ]
    text = to_markdown(shared)
    assert "## Reflections" in text
    assert "I felt my mother's voice in the room" in text
    assert "Warm hands" in text


def test_markdown(stored: StoredPlan, entries: list[SessionEntry]) -> None:
    text = to_markdown(report_of(stored, entries))
    assert text.startswith("# Attune adherence report\n")
    assert "**Weeks 1–2** · from Your therapist" in text
    assert "7 March 2025 to 12 March 2025 · 9 of 13 planned sessions done" in text
    assert "- **Box breathing** (daily, 10m): 4 of 6 done" in text
    assert "- **Body scan** (2 times a week): 3 of 4 done" in text
    assert "- **Mindful walk** (Mon, Wed, Fri): 2 of 3 done" in text
    assert "| Week of | Box breathing | Body scan | Mindful walk |" in text
    assert "| 3 March 2025 | 2 of 3 | 2 of 2 | 1 of 1 |" in text
    assert "| 10 March 2025 | 2 of 3 | 1 of 2 | 1 of 2 |" in text
    assert "### Box breathing: How settled?" in text
    assert "average change +1.3 over 3 sessions" in text
    assert "- 7 March 2025: 3 → 6" in text
    assert "- 12 March 2025: 5 → 5" in text
    assert "11 March 2025: 2" not in text  # stopped early: not counted


def test_markdown_without_scales_or_sessions(stored: StoredPlan) -> None:
    report = report_of(stored, [], reflections=True)
    assert (report.planned, report.done) == (13, 0)
    text = to_markdown(report)
    assert "No scale was asked both before and after in these sessions." in text
    assert "No written answers in these sessions." in text
    assert "- **Box breathing**" not in text  # no title known: the practice id is shown
    assert "- **box** (daily, 10m): 0 of 6 done" in text


def words(document: Document) -> str:
    """Every word of a document for pages, spaced as one line (tests/ui/test_pdf.py
    reads the PDF made of it back)."""
    return " ".join(span.text for block in document.blocks for span in block.spans).replace(
        "  ", " "
    )


def test_the_document_for_pages_says_what_the_markdown_says(
    stored: StoredPlan, entries: list[SessionEntry]
) -> None:
    document = to_document(report_of(stored, entries, reflections=True))
    assert (document.title, document.footer) == (
        "Attune adherence report",
        "Attune adherence report",
    )
    assert [block.style for block in document.blocks][:4] == ["title", "body", "meta", "heading"]
    text = words(document)
    for expected in (
        "Attune adherence report",
        "Weeks 1–2 · from Your therapist",
        "7 March 2025 to 12 March 2025 · 9 of 13 planned sessions done",
        "Box breathing (daily, 10m): 4 of 6 done",
        "Week of 10 March 2025: Box breathing 2 of 3",
        "Box breathing: How settled?",
        "7 March 2025: 3 → 6",
        "Reflections",
        "I felt my mother's voice in the room",
    ):
        assert expected in text, expected


def test_schedule_words() -> None:
    assert schedule_words(Daily()) == "daily"
    assert schedule_words(Weekdays()) == "weekdays"
    assert schedule_words(OnDays(frozenset({5, 1, 3}))) == "Mon, Wed, Fri"
    assert schedule_words(PerWeek(1)) == "once a week"
    assert schedule_words(PerWeek(3)) == "3 times a week"


def test_range_defaults_to_the_plans_days(stored: StoredPlan) -> None:
    plan, imported = stored.plan, stored.imported_on
    today = date(2025, 3, 12)
    assert report_range(plan, imported, None, None, today) == (date(2025, 3, 7), today)
    late = date(2025, 4, 30)
    assert report_range(plan, imported, None, None, late) == (date(2025, 3, 7), date(2025, 3, 20))
    assert report_range(plan, imported, date(2025, 3, 9), date(2025, 3, 10), today) == (
        date(2025, 3, 9),
        date(2025, 3, 10),
    )


def test_practices_are_named_by_their_titles_in_the_library(stored: StoredPlan) -> None:
    """A therapist reads titles, in the person's language, also for a practice not yet done."""
    report = build_report(
        stored.plan,
        stored.imported_on,
        [],
        date(2025, 3, 1),
        date(2025, 3, 12),
        tz=UTC,
        library_titles={"box": "Vierkant ademen", "scan": "Bodyscan"},
    )
    assert [item.title for item in report.items] == ["Vierkant ademen", "Bodyscan", "walk"]
    assert "- **Vierkant ademen** (daily, 10m): 0 of 6 done" in to_markdown(report)


def test_a_practice_missing_from_the_library_is_named_and_not_counted(
    stored: StoredPlan, entries: list[SessionEntry]
) -> None:
    """The plan asks for "walk", which the library no longer has: it cannot be done, so
    its sessions are not planned-but-undone; the two done earlier are still shown."""
    report = build_report(
        stored.plan,
        stored.imported_on,
        entries,
        date(2025, 3, 1),
        date(2025, 3, 12),
        tz=UTC,
        library_titles={"box": "Box breathing", "scan": "Body scan"},
    )
    box, scan, walk = report.items
    assert (box.missing, scan.missing, walk.missing) == (False, False, True)
    assert walk.title == "Mindful walk"  # the title the journal kept
    assert (report.planned, report.done) == (10, 7)
    text = to_markdown(report)
    assert "7 of 10 planned sessions done" in text
    assert (
        "- **Mindful walk** (Mon, Wed, Fri): missing from the library, so not counted (2 done)"
        in text
    )
    assert "| 3 March 2025 | 2 of 3 | 2 of 2 | missing |" in text

    unseen = build_report(
        stored.plan,
        stored.imported_on,
        [],
        date(2025, 3, 1),
        date(2025, 3, 12),
        tz=UTC,
        library_titles={"box": "Box breathing", "scan": "Body scan"},
    )
    assert "- **walk** (Mon, Wed, Fri): missing from the library, so not counted\n" in (
        to_markdown(unseen)
    )

    text = words(to_document(report))
    assert "Mindful walk (Mon, Wed, Fri): missing from the library, so not counted (2 done)" in text
    assert "Mindful walk missing" in text


def test_without_a_library_nothing_is_called_missing(
    stored: StoredPlan, entries: list[SessionEntry]
) -> None:
    assert not any(item.missing for item in report_of(stored, entries).items)
