"""Insights with a real journal: what the charts show and say in words, tables,
painting in both themes, and the empty state (the numbers alone: test_insights_numbers)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.storage.journal import Journal, NewSession, StoredAnswer
from desktop_app.ui import theme
from desktop_app.ui.insights_view import InsightsView

TODAY = date.today()  # the journal counts weeks from the real today


def at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour).astimezone()


def scale(question_id: str, when: str, value: int) -> StoredAnswer:
    return StoredAnswer(
        question_id,
        when,  # type: ignore[arg-type]
        "scale",
        f"How {question_id}?",
        value,
        f"{value} of 10",
        minimum=0,
        maximum=10,
    )


def session(
    day: date,
    *,
    practice_id: str = "longer-out-breath",
    title: str = "Longer out-breath",
    kind: str = "breathing",
    minutes: float = 10,
    answers: tuple[StoredAnswer, ...] = (),
) -> NewSession:
    started = at(day)
    return NewSession(
        practice_id=practice_id,
        practice_title=title,
        practice_kind=kind,
        practice_version=1,
        source="built-in",
        language="en",
        started_at=started,
        ended_at=started + timedelta(minutes=minutes),
        length=minutes * 60,
        practised=minutes * 60,
        completed=True,
        stopped_at_step=None,
        pauses=0,
        grounding_pauses=0,
        answers=answers,
    )


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    opened = Journal.open(tmp_path / "journal.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def filled(journal: Journal) -> Journal:
    monday = TODAY - timedelta(days=TODAY.weekday())
    journal.add(
        session(
            monday,
            minutes=10,
            answers=(scale("settled", "before", 3), scale("settled", "after", 6)),
        )
    )
    journal.add(
        session(
            monday - timedelta(weeks=1),
            minutes=20,
            answers=(scale("settled", "before", 5), scale("settled", "after", 6)),
        )
    )
    journal.add(
        session(
            monday - timedelta(weeks=3),
            practice_id="feet",
            title="Feet on the floor",
            kind="grounding",
            minutes=5,
            answers=(scale("tension", "before", 7), scale("tension", "after", 4)),
        )
    )
    journal.add(session(monday - timedelta(weeks=30), kind="breathing", minutes=15))
    return journal


def make_view(qtbot: QtBot, journal: Journal) -> InsightsView:
    view = InsightsView(journal)
    qtbot.addWidget(view)
    view.resize(1100, 740)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_charts_show_the_journal(qtbot: QtBot, filled: Journal) -> None:
    view = make_view(qtbot, filled)
    assert view.pages.currentIndex() == 0
    weeks = view.minutes_card.chart.bars
    assert [b.value for b in weeks[-4:]] == [5.0, 0.0, 20.0, 10.0]
    assert sum(b.value for b in weeks) == 35.0  # the session 30 weeks ago is not in it
    assert [(b.label, b.value) for b in view.kinds_card.chart.bars] == [
        ("Breathing", 3.0),
        ("Grounding", 1.0),
    ]
    assert [(b.label, b.value, b.sessions) for b in view.change_card.chart.bars] == [
        ("Longer out-breath", 2.0, 2),
        ("Feet on the floor", -3.0, 1),
    ]
    assert view.minutes_card.caption.text() == "35 minutes in the last 12 weeks."
    assert view.kinds_card.caption.text() == "4 practices in all."


def test_each_chart_says_what_it_shows_in_words(qtbot: QtBot, filled: Journal) -> None:
    view = make_view(qtbot, filled)
    minutes = view.minutes_card.chart.accessibleDescription()
    assert minutes.startswith("35 minutes in the last 12 weeks. ")
    assert "week of " in minutes and ": 20 minutes" in minutes
    assert view.kinds_card.chart.accessibleDescription() == (
        "4 practices in all. Breathing: 3; Grounding: 1."
    )
    change = view.change_card.chart.accessibleDescription()
    assert "Longer out-breath: +2 on average, over 2 sessions" in change
    assert "Feet on the floor: minus 3 on average, over 1 session" in change


def test_a_chart_can_be_shown_as_a_table(qtbot: QtBot, filled: Journal) -> None:
    view = make_view(qtbot, filled)
    card = view.change_card
    assert card.current() is card.chart
    qtbot.mouseClick(card.toggle, Qt.MouseButton.LeftButton)
    assert card.current() is card.table
    assert card.toggle.text() == "Show as a chart"
    cells = [
        [card.table.item(r, c).text() for c in range(card.table.columnCount())]
        for r in range(card.table.rowCount())
    ]
    assert cells == [["Longer out-breath", "+2", "2"], ["Feet on the floor", "−3", "1"]]
    headers = [card.table.horizontalHeaderItem(c).text() for c in range(card.table.columnCount())]
    assert headers == ["Practice", "Average change", "Sessions"]
    view.refresh()  # stays a table
    assert card.current() is card.table
    qtbot.mouseClick(card.toggle, Qt.MouseButton.LeftButton)
    assert card.current() is card.chart


def test_no_scale_asked_twice_says_what_will_show(qtbot: QtBot, journal: Journal) -> None:
    journal.add(session(TODAY))
    view = make_view(qtbot, journal)
    card = view.change_card
    assert card.current() is card.empty_label
    assert "same question before and after" in card.empty_label.text()
    assert not card.toggle.isVisible()


def test_an_empty_journal_has_a_calm_empty_state(qtbot: QtBot, journal: Journal) -> None:
    view = make_view(qtbot, journal)
    assert view.pages.currentIndex() == 1
    assert view.empty_label.isVisible()
    assert view.empty_label.text() == "Insights will appear here after your first practice."
    journal.add(session(TODAY))
    view.refresh()
    assert view.pages.currentIndex() == 0


def test_reads_the_journal_when_first_shown_and_when_stale(qtbot: QtBot, filled: Journal) -> None:
    view = InsightsView(filled)
    qtbot.addWidget(view)
    assert view.kinds_card.chart.bars == []  # nothing read before it is shown
    view.show()
    assert len(view.kinds_card.chart.bars) == 2
    filled.add(session(TODAY, kind="focusing"))
    view.hide()
    view.mark_stale()
    assert len(view.kinds_card.chart.bars) == 2
    view.show()
    assert len(view.kinds_card.chart.bars) == 3


def test_no_streaks_anywhere(qtbot: QtBot, filled: Journal) -> None:
    view = make_view(qtbot, filled)
    words = " ".join(
        [label.text() for label in view.findChildren(QLabel)]
        + [w.accessibleName() + " " + w.accessibleDescription() for w in view.findChildren(QWidget)]
    ).casefold()
    assert "streak" not in words
    assert "in a row" not in words


@pytest.mark.parametrize("palette", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_charts_paint_without_warnings(
    qtbot: QtBot, qapp: QApplication, filled: Journal, palette: theme.Palette
) -> None:
    theme.apply(qapp, palette)
    view = make_view(qtbot, filled)
    for card in (view.minutes_card, view.kinds_card, view.change_card):
        image = card.chart.grab().toImage()
        assert not image.isNull()
        # Something was drawn in the bar colour.
        colours = {
            image.pixelColor(x, y).name()
            for x in range(0, image.width(), 3)
            for y in range(0, image.height(), 3)
        }
        assert palette.pacer in colours
    # Narrow, focused and in a tiny size, too.
    view.resize(360, 500)
    view.minutes_card.chart.setFocus()
    assert not view.grab().isNull()
