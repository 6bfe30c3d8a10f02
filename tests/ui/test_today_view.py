"""Today: the active plans' items for a fixed day with their done state (from a real
journal), unavailable practices, Start, the week row in words, and the offers shown
when there is no plan."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.library import Library, Source, scan
from desktop_app.storage.journal import Journal, NewSession
from desktop_app.storage.plans import PlanStore, StoredPlan
from desktop_app.ui.shared_words import length_text, lengths_text
from desktop_app.ui.today_offers import recent_practices, short_practices
from desktop_app.ui.today_view import TodayView
from tests.helpers import write
from tests.journal_sessions import a_session

WEDNESDAY = date(2026, 12, 2)
MONDAY = date(2026, 11, 30)

PLAN = """\
attune: plan/1
id: sleep-plan
title: Settling before sleep
language: en
from: Dr. Anna Visser
message: Try these when you can; missing a day is fine.
contact: anna@praktijk.example
starts: "2026-11-23"
items:
  - practice: longer-out-breath
    when: daily
    length: 5m
    at: "21:30"
    note: Lying down is fine.
  - practice: body-scan
    when: {per_week: 3}
    length: 10m
  - practice: kind-hand
    when: [mon, thu]
  - practice: gone-practice
    when: weekdays
"""


def practice(practice_id: str, title: str, lengths: str = "") -> str:
    lines = [
        "attune: practice/1",
        f"id: {practice_id}",
        f"title: {title}",
        "kind: breathing",
        "language: en",
        "summary: A short practice.",
    ]
    if lengths:
        lines.append(f"lengths: [{lengths}]")
        steps = "  - say: Hello.\n  - silence: flex\n"
    else:
        steps = "  - say: Hello.\n"
    return "\n".join(lines) + "\nsteps:\n" + steps


def session(practice_id: str, day: date, *, completed: bool = True) -> NewSession:
    started = datetime(day.year, day.month, day.day, 9).astimezone()
    return a_session(
        started,
        minutes=5,
        practice_id=practice_id,
        practice_title=practice_id,
        source="your practices",
        completed=completed,
    )


@pytest.fixture
def library(tmp_path: Path) -> Library:
    folder = tmp_path / "practices"
    write(folder, "a.yaml", practice("longer-out-breath", "Longer out-breath", "3m, 5m"))
    write(folder, "b.yaml", practice("body-scan", "Body scan", "10m, 20m"))
    write(folder, "c.yaml", practice("kind-hand", "A kind hand", "5m"))
    write(folder, "d.yaml", practice("five-things", "Five things you see"))
    write(folder, "e.yaml", practice("long-walk", "A long walk", "30m"))
    return scan([Source("user", folder, "your practices")])


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    opened = Journal.open(tmp_path / "journal.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def plans(tmp_path: Path) -> list[StoredPlan]:
    store = PlanStore(tmp_path / "plans", today=lambda: date(2026, 11, 23))
    store.import_plan(PLAN.encode("utf-8"), display="plan.yaml")
    return store.plans()


def make_view(
    qtbot: QtBot,
    plans: list[StoredPlan],
    library: Library,
    journal: Journal | None,
    day: date = WEDNESDAY,
) -> TodayView:
    view = TodayView(plans, library, journal, today=lambda: day)
    qtbot.addWidget(view)
    view.resize(900, 900)
    view.show()
    return view


def texts(view: TodayView) -> list[str]:
    return [label.text() for label in view.findChildren(QLabel) if label.isVisibleTo(view)]


def cards(view: TodayView, name: str) -> list[QFrame]:
    return [
        c
        for c in view.findChildren(QFrame)
        if c.property("role") == "card" and c.accessibleName() == name
    ]


def item_card(view: TodayView, name: str) -> QFrame:
    cards_named = cards(view, name)
    assert len(cards_named) == 1, name
    return cards_named[0]


def card_texts(card: QFrame) -> list[str]:
    return [label.text() for label in card.findChildren(QLabel)]


def start_of(card: QFrame) -> QPushButton | None:
    buttons = card.findChildren(QPushButton)
    return buttons[0] if buttons else None


def test_the_plan_shows_its_title_sender_message_and_contact(
    qtbot: QtBot, plans: list[StoredPlan], library: Library, journal: Journal
) -> None:
    view = make_view(qtbot, plans, library, journal)
    shown = texts(view)
    assert "Settling before sleep" in shown
    assert "from Dr. Anna Visser" in shown
    assert "Try these when you can; missing a day is fine." in shown
    assert "Contact: anna@praktijk.example" in shown
    assert "This week" in shown


def test_items_of_today_show_their_done_state_from_the_journal(
    qtbot: QtBot, plans: list[StoredPlan], library: Library, journal: Journal
) -> None:
    journal.add(session("longer-out-breath", WEDNESDAY))
    journal.add(session("body-scan", MONDAY))
    journal.add(session("body-scan", WEDNESDAY))
    journal.add(session("body-scan", MONDAY - timedelta(days=1)))  # last week: not counted
    journal.add(session("kind-hand", WEDNESDAY, completed=False))  # not completed
    view = make_view(qtbot, plans, library, journal)

    daily = card_texts(item_card(view, "Longer out-breath"))
    assert "Done" in daily
    assert "5 min · at 21:30" in daily
    assert "Lying down is fine." in daily
    assert "2 of 3 this week" in card_texts(item_card(view, "Body scan"))
    # kind-hand is asked on Monday and Thursday: not today, not done, so not listed.
    assert not cards(view, "A kind hand")


def test_an_on_days_item_shows_on_its_day_and_a_practice_done_anyway_shows_as_done(
    qtbot: QtBot, plans: list[StoredPlan], library: Library, journal: Journal
) -> None:
    thursday = WEDNESDAY + timedelta(days=1)
    view = make_view(qtbot, plans, library, journal, day=thursday)
    assert "Not yet" in card_texts(item_card(view, "A kind hand"))

    journal.add(session("kind-hand", WEDNESDAY))
    view = make_view(qtbot, plans, library, journal)
    assert "Done" in card_texts(item_card(view, "A kind hand"))


def test_a_per_week_item_reached_earlier_in_the_week_shows_as_done(
    qtbot: QtBot, plans: list[StoredPlan], library: Library, journal: Journal
) -> None:
    for _ in range(3):
        journal.add(session("body-scan", MONDAY))
    for day in (MONDAY, WEDNESDAY):
        view = make_view(qtbot, plans, library, journal, day=day)
        assert "3 of 3 this week" in card_texts(item_card(view, "Body scan"))
        assert [b.property("role") for b in view.start_buttons][:2] == ["primary", None]


def test_a_practice_the_library_lacks_shows_as_unavailable_without_start(
    qtbot: QtBot, plans: list[StoredPlan], library: Library, journal: Journal
) -> None:
    view = make_view(qtbot, plans, library, journal)
    card = item_card(view, "gone-practice")
    assert "not available" in card_texts(card)
    assert start_of(card) is None


def test_start_asks_for_the_practice_and_the_plans_length(
    qtbot: QtBot, plans: list[StoredPlan], library: Library, journal: Journal
) -> None:
    view = make_view(qtbot, plans, library, journal)
    button = start_of(item_card(view, "Body scan"))
    assert button is not None
    with qtbot.waitSignal(view.practice_requested) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["body-scan", 600.0]


def test_the_first_open_item_has_the_primary_start(
    qtbot: QtBot, plans: list[StoredPlan], library: Library, journal: Journal
) -> None:
    journal.add(session("longer-out-breath", WEDNESDAY))
    view = make_view(qtbot, plans, library, journal)
    roles = [b.property("role") for b in view.start_buttons]
    assert roles == [None, "primary"]
    assert view.start_buttons[1].accessibleName() == "Start Body scan"


def test_without_a_journal_nothing_counts_as_done(
    qtbot: QtBot, plans: list[StoredPlan], library: Library
) -> None:
    view = make_view(qtbot, plans, library, None)
    assert "Not yet" in card_texts(item_card(view, "Longer out-breath"))
    assert "0 of 3 this week" in card_texts(item_card(view, "Body scan"))
    assert view.start_buttons[0].property("role") == "primary"


def test_the_week_row_says_each_day_in_words(
    qtbot: QtBot, plans: list[StoredPlan], library: Library, journal: Journal
) -> None:
    journal.add(session("longer-out-breath", MONDAY))
    journal.add(session("kind-hand", MONDAY))
    view = make_view(qtbot, plans, library, journal)
    (row,) = view.week_rows
    description = row.accessibleDescription()
    weekly = "Body scan can be done any day this week, 3 more this week"
    assert description.startswith(
        f"Monday: 2 done, 1 to do; {weekly}. Tuesday: 2 to do; {weekly}. "
    )
    assert f"Wednesday (today): 2 to do; {weekly}." in description
    assert description.endswith(f"Sunday: 1 to do; {weekly}.")
    assert row.accessibleName() == "This week of Settling before sleep"
    assert row.focusPolicy() == Qt.FocusPolicy.TabFocus
    assert row.days[0].states == ("done", "any", "done", "due")


TIMES_A_WEEK = """\
attune: plan/1
id: steady
title: Steady weeks
language: en
from: Your therapist
starts: "2026-11-23"
items:
  - practice: box-breathing
    when: {per_week: 4}
  - practice: kind-hand
    when: [mon, thu]
"""


@pytest.fixture
def weekly_plan(tmp_path: Path) -> list[StoredPlan]:
    store = PlanStore(tmp_path / "weekly", today=lambda: date(2026, 11, 23))
    store.import_plan(TIMES_A_WEEK.encode("utf-8"), display="plan.yaml")
    return store.plans()


@pytest.fixture
def weekly_library(tmp_path: Path) -> Library:
    folder = tmp_path / "weekly-practices"
    write(folder, "a.yaml", practice("box-breathing", "Box breathing", "5m"))
    write(folder, "b.yaml", practice("kind-hand", "A kind hand", "5m"))
    return scan([Source("user", folder, "your practices")])


def week_states(view: TodayView) -> list[tuple[str, ...]]:
    (row,) = view.week_rows
    return [d.states for d in row.days]


def test_a_times_a_week_item_is_filled_on_its_days_and_any_day_on_the_others(
    qtbot: QtBot, weekly_plan: list[StoredPlan], weekly_library: Library, journal: Journal
) -> None:
    # The user test: 4 times a week, done once, on Wednesday.
    journal.add(session("box-breathing", WEDNESDAY))
    view = make_view(qtbot, weekly_plan, weekly_library, journal)
    assert "1 of 4 this week" in card_texts(item_card(view, "Box breathing"))
    # (box breathing, kind hand) for Monday to Sunday: filled only on Wednesday, a
    # light "any day" mark on the other days, never a ring to do.
    assert week_states(view) == [
        ("any", "due"),
        ("any", "rest"),
        ("done", "rest"),
        ("any", "due"),
        ("any", "rest"),
        ("any", "rest"),
        ("any", "rest"),
    ]
    spoken = view.week_rows[0].accessibleDescription().split(". ")
    weekly = "Box breathing can be done any day this week, 3 more this week"
    assert spoken[2] == f"Wednesday (today): 1 done; {weekly}"
    assert spoken[3] == f"Thursday: 1 to do; {weekly}"
    assert spoken[4] == f"Friday: {weekly}"


def test_a_times_a_week_item_rests_once_the_weeks_number_is_reached(
    qtbot: QtBot, weekly_plan: list[StoredPlan], weekly_library: Library, journal: Journal
) -> None:
    for day in (MONDAY, MONDAY, MONDAY + timedelta(days=1), WEDNESDAY):
        journal.add(session("box-breathing", day))
    view = make_view(qtbot, weekly_plan, weekly_library, journal)
    assert "4 of 4 this week" in card_texts(item_card(view, "Box breathing"))
    assert [states[0] for states in week_states(view)] == [
        "done",
        "done",
        "done",
        "rest",
        "rest",
        "rest",
        "rest",
    ]
    description = view.week_rows[0].accessibleDescription()
    assert "any day" not in description
    assert "Monday: 1 done, 1 to do. Tuesday: 1 done. Wednesday (today): 1 done. " in description
    assert description.endswith(
        "Thursday: 1 to do. Friday: nothing planned. "
        "Saturday: nothing planned. Sunday: nothing planned."
    )
    # Seen from the next Monday, the new week starts open again.
    next_monday = MONDAY + timedelta(days=7)
    view = make_view(qtbot, weekly_plan, weekly_library, journal, day=next_monday)
    assert [states[0] for states in week_states(view)] == ["any"] * 7


def test_the_key_under_the_week_explains_the_marks_on_show(
    qtbot: QtBot, weekly_plan: list[StoredPlan], weekly_library: Library, journal: Journal
) -> None:
    journal.add(session("box-breathing", WEDNESDAY))
    view = make_view(qtbot, weekly_plan, weekly_library, journal)
    (legend,) = view.week_legends
    labels = [label for label in legend.findChildren(QLabel) if label.isVisibleTo(view)]
    assert [label.text() for label in labels] == [
        "done",
        "planned",
        "any day this week",
        "nothing asked that day",
    ]
    assert all(label.property("role") == "muted" for label in labels)
    assert all(label.accessibleName() == label.text() for label in labels)
    assert legend.accessibleName() == "Key to the week"
    assert legend.accessibleDescription() == (
        "Filled circle: done; Ring: planned; Light dot: any day this week; "
        "Small faint dot: nothing asked that day"
    )
    assert all(w.accessibleName() for w in legend.findChildren(QWidget))
    assert legend.focusPolicy() == Qt.FocusPolicy.NoFocus
    # It sits right under its week row.
    column = view.area.widget().layout()
    assert column.indexOf(legend) == column.indexOf(view.week_rows[0]) + 1


def test_the_key_leaves_out_marks_not_on_show(
    qtbot: QtBot, tmp_path: Path, weekly_library: Library, journal: Journal
) -> None:
    store = PlanStore(tmp_path / "daily", today=lambda: MONDAY)
    store.import_plan(
        TIMES_A_WEEK.replace("{per_week: 4}", "daily").replace("[mon, thu]", "daily").encode(),
        display="plan.yaml",
    )
    view = make_view(qtbot, store.plans(), weekly_library, journal)
    (legend,) = view.week_legends
    assert [label.text() for label in legend.findChildren(QLabel)] == ["done", "planned"]


def test_a_plan_not_yet_started_or_archived_is_not_shown(
    qtbot: QtBot, tmp_path: Path, library: Library, journal: Journal
) -> None:
    store = PlanStore(tmp_path / "later", today=lambda: WEDNESDAY)
    store.import_plan(PLAN.replace('"2026-11-23"', '"2026-12-07"').encode(), display="p.yaml")
    view = make_view(qtbot, store.plans(), library, journal)
    assert "No plan at the moment" in texts(view)
    store.import_plan(PLAN.encode(), display="p.yaml")
    store.archive("sleep-plan")
    view.refresh(plans=store.plans(include_archived=True))
    assert "No plan at the moment" in texts(view)
    store.unarchive("sleep-plan")
    view.refresh(plans=store.plans())
    assert "Settling before sleep" in texts(view)


def test_without_a_plan_recent_and_short_practices_are_offered(
    qtbot: QtBot, library: Library, journal: Journal
) -> None:
    journal.add(session("body-scan", MONDAY))
    journal.add(session("gone-practice", MONDAY + timedelta(days=1)))  # not in the library
    journal.add(session("long-walk", WEDNESDAY - timedelta(days=1)))
    journal.add(session("long-walk", WEDNESDAY))
    view = make_view(qtbot, [], library, journal)
    shown = texts(view)
    assert "No plan at the moment" in shown
    assert [p.id for p, _ in recent_practices(journal, library)] == ["long-walk", "body-scan"]
    assert [p.id for p, _ in short_practices(library, "en")] == [
        "kind-hand",
        "five-things",
        "longer-out-breath",
    ]
    names = [b.accessibleName() for b in view.start_buttons]
    assert names == [
        "Start A long walk",
        "Start Body scan",
        "Start A kind hand",
        "Start Five things you see",
        "Start Longer out-breath",
    ]
    with qtbot.waitSignal(view.practice_requested) as blocker:
        view.start_buttons[4].click()
    assert blocker.args == ["longer-out-breath", 180.0]
    with qtbot.waitSignal(view.practice_requested) as blocker:
        view.start_buttons[3].click()
    assert blocker.args == ["five-things", None]


def test_every_control_has_a_name_and_description_and_tab_reaches_each_start(
    qtbot: QtBot, plans: list[StoredPlan], library: Library, journal: Journal
) -> None:
    view = make_view(qtbot, plans, library, journal)
    for widget in [*view.start_buttons, *view.week_rows]:
        assert widget.accessibleName()
        assert widget.accessibleDescription()
    view.start_buttons[0].setFocus()
    reached: list[QWidget] = []
    widget: QWidget = view.start_buttons[0]
    for _ in range(len(view.start_buttons) + 1):
        reached.append(widget)
        widget = widget.nextInFocusChain()
        while widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisible():
            widget = widget.nextInFocusChain()
    assert reached[: len(view.start_buttons)] == view.start_buttons
    assert reached[-1] is view.week_rows[0]


def test_length_text_is_in_minutes_when_whole() -> None:
    assert length_text(300) == "5 min"
    assert length_text(90) == "1m30s"
    assert length_text(45) == "45s"


def test_lengths_say_their_unit_once() -> None:
    assert lengths_text((300, 600, 900)) == "5, 10, 15 min"
    assert lengths_text((90, 180)) == "1m30s, 3m"
