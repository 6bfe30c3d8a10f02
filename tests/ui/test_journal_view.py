"""The journal view: entries by day, filters, search, editing, delete and undo, keys,
names for screen readers and empty states, with a real journal file in a temporary
folder and entries added through its API."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel
from pytestqt.qtbot import QtBot

from desktop_app.storage.journal import Journal, JournalError, NewSession, StoredAnswer
from desktop_app.ui import journal_reading, theme
from desktop_app.ui.journal_entries import JournalView
from desktop_app.ui.journal_reading import PAGE_SIZE
from desktop_app.ui.journal_rows import EntryRow
from desktop_app.ui.journal_text import (
    first_line,
    highlight_html,
    snippet_runs,
    unmarked,
    with_texts,
)
from desktop_app.ui.journal_view import JournalScreen
from tests.ui.reachable import reachable_controls

TODAY = date(2025, 11, 26)  # a Wednesday


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute).astimezone()


def scale(question_id: str, when: str, value: int, prompt: str = "") -> StoredAnswer:
    return StoredAnswer(
        question_id,
        when,  # type: ignore[arg-type]
        "scale",
        prompt or f"How {question_id} do you feel?",
        value,
        f"{value} of 10",
        minimum=0,
        maximum=10,
    )


def text(question_id: str, value: str, prompt: str = "What did you notice?") -> StoredAnswer:
    return StoredAnswer(question_id, "after", "text", prompt, value, value)


def session(
    started: datetime,
    *,
    practice_id: str = "longer-out-breath",
    title: str = "Longer out-breath",
    kind: str = "breathing",
    minutes: float = 10,
    completed: bool = True,
    answers: tuple[StoredAnswer, ...] = (),
) -> NewSession:
    return NewSession(
        practice_id=practice_id,
        practice_title=title,
        practice_kind=kind,
        practice_version=1,
        source="built-in",
        language="en",
        started_at=started,
        ended_at=started + timedelta(minutes=minutes),
        length=600.0,
        practised=minutes * 60,
        completed=completed,
        stopped_at_step=None if completed else 4,
        pauses=0,
        grounding_pauses=0,
        answers=answers,
    )


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    opened = Journal.open(tmp_path / "data" / "journal.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def filled(journal: Journal) -> Journal:
    """Five entries over three days, two practices, two kinds."""
    journal.add(
        session(
            at(TODAY, 8, 15),
            answers=(
                scale("settled", "before", 3),
                scale("settled", "after", 6),
                text("noticed", "My shoulders dropped.\nThen the thoughts slowed."),
            ),
        )
    )
    journal.add(
        session(
            at(TODAY, 20, 30),
            practice_id="self-compassion-pause",
            title="Self-compassion pause",
            kind="self-compassion",
            minutes=4.2,
            completed=False,
            answers=(text("words", "Kind words to myself <b>felt</b> strange & good"),),
        )
    )
    journal.add(session(at(TODAY - timedelta(days=1), 7, 5), minutes=12))
    journal.add(
        session(
            at(TODAY - timedelta(days=20), 18, 0),
            answers=(text("noticed", "A quiet evening by the window."),),
        )
    )
    journal.add(
        session(
            at(date(2024, 12, 31), 10, 0),
            practice_id="self-compassion-pause",
            title="Self-compassion pause",
            kind="self-compassion",
        )
    )
    return journal


def make_view(qtbot: QtBot, journal: Journal, **kwargs: object) -> JournalView:
    view = JournalView(journal, today=lambda: TODAY, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.resize(1100, 740)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()  # keys and shortcuts go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    return view


def rows(view: JournalView) -> list[EntryRow]:
    return list(view.model.rows)


def choose(combo: QComboBox, key: str | None) -> None:
    combo.setCurrentIndex(combo.findData(key))


# --- pure helpers -------------------------------------------------------------------------


def test_highlight_escapes_first_then_marks_matches() -> None:
    assert highlight_html("a <b>x</b> & [[calm]] end") == (
        "a &lt;b&gt;x&lt;/b&gt; &amp; <b>calm</b> end"
    )
    assert highlight_html("[[<i>]] [[two]]") == "<b>&lt;i&gt;</b> <b>two</b>"
    assert snippet_runs("…the [[calm]] sea…") == [
        ("…the ", False),
        ("calm", True),
        (" sea…", False),
    ]
    assert unmarked("[[a]]b[[c") == "ab[[c"


def test_first_line_skips_blank_lines_and_folds_spaces() -> None:
    assert first_line("\n  \n  first   words \nsecond") == "first words"


def test_with_texts_replaces_written_answers_and_drops_emptied_ones() -> None:
    answers = (scale("settled", "before", 3), text("noticed", "old"), text("other", "x"))
    changed = with_texts(answers, {"after:noticed": "  new  ", "after:other": "  "})
    assert [a.question_id for a in changed] == ["settled", "noticed"]
    assert changed[1].value == "new" and changed[1].display == "new"
    assert changed[0] == answers[0]


# --- the list -----------------------------------------------------------------------------


def test_entries_are_grouped_by_day_newest_first(qtbot: QtBot, filled: Journal) -> None:
    view = make_view(qtbot, filled)
    listed = rows(view)
    assert [r.entry.started_at for r in listed] == sorted(
        (r.entry.started_at for r in listed), reverse=True
    )
    assert [r.heading for r in listed] == [
        "Wednesday 26 November",
        "",
        "Tuesday 25 November",
        "Thursday 6 November",
        "Tuesday 31 December 2024",
    ]
    assert view.count_label.text() == "5 entries"


def test_days_and_times_in_the_language_asked_for(qtbot: QtBot, filled: Journal) -> None:
    view = make_view(qtbot, filled, language="nl")
    assert rows(view)[0].heading == "woensdag 26 november"
    assert rows(view)[1].time == "08:15"


def test_a_row_shows_time_practice_minutes_changes_and_what_was_written(
    qtbot: QtBot, filled: Journal
) -> None:
    view = make_view(qtbot, filled)
    evening, morning = rows(view)[:2]
    assert morning.entry.practice_title == "Longer out-breath"
    assert morning.facts == "10 minutes · settled 3 → 6"
    assert morning.text == "My shoulders dropped."
    assert evening.facts == "4 minutes · stopped early"
    assert evening.text == "Kind words to myself <b>felt</b> strange & good"
    # Words, not arrows, for screen readers.
    assert "settled from 3 to 6" in morning.spoken
    assert morning.spoken.startswith("Wednesday 26 November, ")
    index = view.model.index(1)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == morning.spoken


def test_entries_are_read_a_page_at_a_time(qtbot: QtBot, journal: Journal) -> None:
    start = at(TODAY, 22)
    journal.add_many(session(start - timedelta(hours=3 * n)) for n in range(PAGE_SIZE * 2 + 50))
    view = make_view(qtbot, journal)
    assert view.model.rowCount() == PAGE_SIZE
    assert view.count_label.text() == f"{PAGE_SIZE * 2 + 50} entries"
    bar = view.entry_list.verticalScrollBar()
    end = bar.maximum()
    bar.setValue(end)
    qtbot.waitUntil(lambda: view.model.rowCount() == PAGE_SIZE * 2)
    qtbot.waitUntil(lambda: bar.maximum() > end)  # laid out again
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: view.model.rowCount() == PAGE_SIZE * 2 + 50)
    assert not view.model.canFetchMore(QModelIndex())
    listed = rows(view)
    # A day continued across pages gets no second heading.
    headings = [r.heading for r in listed if r.heading]
    assert len(headings) == len({r.day for r in listed})


def test_filters_by_practice_kind_and_time(qtbot: QtBot, filled: Journal) -> None:
    view = make_view(qtbot, filled)
    practices = [view.practice_filter.itemText(i) for i in range(view.practice_filter.count())]
    assert practices == ["All practices", "Longer out-breath", "Self-compassion pause"]
    kinds = [view.kind_filter.itemText(i) for i in range(view.kind_filter.count())]
    assert kinds == ["All kinds", "Breathing", "Self-compassion"]

    choose(view.practice_filter, "self-compassion-pause")
    assert {r.entry.practice_id for r in rows(view)} == {"self-compassion-pause"}
    assert len(rows(view)) == 2
    assert view.count_label.text() == "2 of 5 entries"

    choose(view.practice_filter, None)
    choose(view.kind_filter, "breathing")
    assert len(rows(view)) == 3

    choose(view.date_filter, "week")
    assert [r.day for r in rows(view)] == [TODAY, TODAY - timedelta(days=1)]
    choose(view.date_filter, "year")
    assert len(rows(view)) == 3
    choose(view.kind_filter, "self-compassion")
    choose(view.date_filter, "month")
    assert [r.entry.practice_title for r in rows(view)] == ["Self-compassion pause"]


def test_no_match_offers_to_clear_the_filters(qtbot: QtBot, filled: Journal) -> None:
    view = make_view(qtbot, filled)
    choose(view.practice_filter, "self-compassion-pause")
    choose(view.kind_filter, "breathing")
    assert view.model.rowCount() == 0
    assert view.list_pages.currentIndex() == 1
    qtbot.mouseClick(view.clear_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 5
    assert view.practice_filter.currentIndex() == 0 and view.kind_filter.currentIndex() == 0
    assert view.list_pages.currentIndex() == 0


def test_search_finds_what_was_written_and_marks_the_match(qtbot: QtBot, filled: Journal) -> None:
    view = make_view(qtbot, filled)
    view.search_timer.setInterval(10)
    qtbot.keyClicks(view.search_field, "shoulders")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    row = rows(view)[0]
    assert "[[shoulders]]" in row.text
    assert "shoulders" in row.spoken and "[[" not in row.spoken
    assert view.count_label.text() == "1 entry found"
    view.select(row.entry.uid)
    assert view.pane.found_label.isVisible()
    assert "<b>shoulders</b>" in view.pane.found_label.text()

    # Markup a person wrote is shown as they wrote it, never as markup.
    view.search_field.setText("strange")
    qtbot.waitUntil(lambda: bool(rows(view)) and "strange" in rows(view)[0].text)
    view.select(rows(view)[0].entry.uid)
    assert "&lt;b&gt;felt&lt;/b&gt;" in view.pane.found_label.text()

    # Filters apply to what is found.
    view.search_field.setText("pause")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    choose(view.date_filter, "week")
    assert view.model.rowCount() == 1

    # Escape clears the search: every entry again.
    choose(view.date_filter, None)
    view.search_field.setFocus()
    qtbot.keyClick(view.search_field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.model.rowCount() == 5)
    assert view.count_label.text() == "5 entries"


def test_search_waits_for_typing_to_pause(qtbot: QtBot, filled: Journal) -> None:
    view = make_view(qtbot, filled)
    calls: list[str] = []
    search = filled.search

    def counting(text: str, limit: int = 200, **filters: object) -> list:  # type: ignore[type-arg]
        calls.append(text)
        return search(text, limit, **filters)  # type: ignore[arg-type]

    filled.search = counting  # type: ignore[method-assign]
    qtbot.keyClicks(view.search_field, "quiet")
    assert calls == []
    qtbot.waitUntil(lambda: calls == ["quiet"])
    assert [r.entry.practice_title for r in rows(view)] == ["Longer out-breath"]


def test_the_journal_applies_the_filters_to_a_search_before_counting_its_matches(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Many more newer matches of one practice than a search gives: the one match of the
    # other practice is still found when the filter asks for that practice.
    monkeypatch.setattr(journal_reading, "SEARCH_LIMIT", 10)
    journal.add(
        session(
            at(TODAY - timedelta(days=30)),
            practice_id="self-compassion-pause",
            title="Self-compassion pause",
            kind="self-compassion",
            answers=(text("noticed", "Calm at last."),),
        )
    )
    journal.add_many(
        session(at(TODAY, 6) + timedelta(minutes=n), answers=(text("noticed", f"Calm {n}."),))
        for n in range(60)
    )
    view = make_view(qtbot, journal)
    choose(view.practice_filter, "self-compassion-pause")
    view.search_field.setText("calm")
    qtbot.waitUntil(lambda: view.count_label.text() == "1 entry found")
    assert [r.entry.practice_id for r in rows(view)] == ["self-compassion-pause"]
    choose(view.practice_filter, None)
    assert view.model.rowCount() == 10


# --- reading and editing ------------------------------------------------------------------


def test_an_entry_shows_every_answer_and_its_writing_can_be_changed(
    qtbot: QtBot, filled: Journal
) -> None:
    view = make_view(qtbot, filled)
    morning = rows(view)[1].entry
    assert view.select(morning.uid)
    pane = view.pane
    assert view.details_pages.currentWidget() is pane
    assert pane.title_label.text() == "Longer out-breath"
    shown = [label.text() for label in pane.findChildren(QLabel) if label.isVisible()]
    assert "How settled do you feel?" in shown
    assert "3 of 10" in shown and "6 of 10" in shown
    assert "Before you began" in shown and "Afterwards" in shown
    editor = pane.editors["after:noticed"]
    assert editor.toPlainText() == "My shoulders dropped.\nThen the thoughts slowed."
    assert not pane.save_button.isEnabled()

    editor.setPlainText("My shoulders dropped, and stayed down.")
    assert pane.save_button.isEnabled()
    assert pane.status_label.text() == "Not saved yet"
    qtbot.mouseClick(pane.save_button, Qt.MouseButton.LeftButton)
    stored = filled.get(morning.id)
    assert stored is not None
    written = [a for a in stored.answers if a.kind == "text"]
    assert [(a.value, a.display) for a in written] == [
        ("My shoulders dropped, and stayed down.",) * 2
    ]
    assert [a.value for a in stored.answers if a.kind == "scale"] == [3, 6]
    assert pane.status_label.text() == "Saved"
    assert not pane.save_button.isEnabled()
    assert rows(view)[1].text == "My shoulders dropped, and stayed down."


def test_ctrl_s_saves(qtbot: QtBot, filled: Journal) -> None:
    view = make_view(qtbot, filled)
    entry = rows(view)[0].entry
    view.select(entry.uid)
    editor = view.pane.editors["after:words"]
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "Softer now")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = filled.get(entry.id)
    assert stored is not None and stored.answers[0].value == "Softer now"


def test_unsaved_writing_is_kept_when_moving_to_another_entry(
    qtbot: QtBot, filled: Journal
) -> None:
    view = make_view(qtbot, filled)
    first, second = rows(view)[0].entry, rows(view)[1].entry
    view.select(first.uid)
    view.pane.editors["after:words"].setPlainText("half a thought")
    view.select(second.uid)
    assert view.pane.editors["after:noticed"].toPlainText().startswith("My shoulders")
    view.select(first.uid)
    assert view.pane.editors["after:words"].toPlainText() == "half a thought"
    assert view.pane.status_label.text() == "Not saved yet"
    assert view.pane.save_button.isEnabled()
    # Nothing was written to the journal meanwhile.
    stored = filled.get(first.id)
    assert stored is not None and "strange" in str(stored.answers[0].value)


def test_unsaved_writing_can_be_carried_into_a_new_view(qtbot: QtBot, filled: Journal) -> None:
    """As when the language changes and the page is made anew."""
    old = make_view(qtbot, filled)
    first = rows(old)[0].entry
    old.select(first.uid)
    old.pane.editors["after:words"].setPlainText("half a thought")
    new = make_view(qtbot, filled)
    new.keep_typed(old.typed())
    new.select(first.uid)
    assert new.pane.editors["after:words"].toPlainText() == "half a thought"
    assert new.pane.status_label.text() == "Not saved yet"


def test_a_failed_save_says_so_calmly_and_keeps_the_text(
    qtbot: QtBot, filled: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = make_view(qtbot, filled)
    entry = rows(view)[0].entry
    view.select(entry.uid)
    editor = view.pane.editors["after:words"]
    editor.setPlainText("words I do not want to lose")

    def refuse(entry_id: int, answers: tuple[StoredAnswer, ...]) -> None:
        raise JournalError("full", "The disk is full, so your journal could not be saved")

    monkeypatch.setattr(filled, "update_answers", refuse)
    assert view.save_current() is False
    assert view.notice.isVisible()
    assert view.notice.text() == (
        "Your changes could not be saved. The disk is full, so your journal could not be "
        "saved. What you wrote is still here."
    )
    assert editor.toPlainText() == "words I do not want to lose"
    assert view.pane.save_button.isEnabled()

    monkeypatch.undo()
    assert view.save_current() is True
    assert not view.notice.isVisible()


def test_errors_while_reading_show_a_notice(
    qtbot: QtBot, filled: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(**kwargs: object) -> list[object]:
        raise JournalError("corrupt", "Your journal file is damaged")

    monkeypatch.setattr(filled, "entries", broken)
    view = make_view(qtbot, filled)
    assert view.notice.isVisible()
    assert "could not be read just now. Your journal file is damaged." in view.notice.text()
    assert view.model.rowCount() == 0
    monkeypatch.undo()
    view.refresh()
    assert not view.notice.isVisible()
    assert view.model.rowCount() == 5


# --- delete and undo ----------------------------------------------------------------------


def test_delete_then_undo_brings_the_entry_back(qtbot: QtBot, filled: Journal) -> None:
    view = make_view(qtbot, filled)
    entry = rows(view)[0].entry  # the first of today: its heading moves to the next
    view.select(entry.uid)
    view.pane.editors["after:words"].setPlainText("changed, not saved")
    qtbot.mouseClick(view.pane.delete_button, Qt.MouseButton.LeftButton)
    assert filled.count() == 4
    assert filled.get(entry.id) is None
    assert entry.uid not in [r.entry.uid for r in rows(view)]
    assert rows(view)[0].heading == "Wednesday 26 November"
    assert view.undo_bar.isVisible()
    assert view.undo_label.text() == "Entry deleted ·"
    assert view.count_label.text() == "4 entries"
    assert view.selected_entry() is not None  # the next entry is chosen

    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert filled.count() == 5
    assert not view.undo_bar.isVisible()
    assert view.selected_uid() == entry.uid
    restored = view.selected_entry()
    assert restored is not None and restored.answers == entry.answers
    assert view.pane.editors["after:words"].toPlainText() == "changed, not saved"
    assert rows(view)[0].heading and not rows(view)[1].heading


def test_the_undo_bar_goes_after_its_time(qtbot: QtBot, filled: Journal) -> None:
    view = make_view(qtbot, filled)
    view.undo_timer.setInterval(30)
    view.select(rows(view)[2].entry.uid)
    view.entry_list.setFocus()
    qtbot.keyClick(view.entry_list, Qt.Key.Key_Delete)
    assert filled.count() == 4
    assert view.undo_bar.isVisible()
    qtbot.waitUntil(lambda: not view.undo_bar.isVisible(), timeout=2000)
    assert view.undo_delete() is False
    assert filled.count() == 4


def test_ctrl_z_undoes_a_delete(qtbot: QtBot, filled: Journal) -> None:
    view = make_view(qtbot, filled)
    view.select(rows(view)[3].entry.uid)
    view.entry_list.setFocus()
    qtbot.keyClick(view.entry_list, Qt.Key.Key_Delete)
    assert filled.count() == 4
    qtbot.keyClick(view.entry_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert filled.count() == 5


def test_ctrl_z_in_an_editor_undoes_typing_not_a_delete(qtbot: QtBot, filled: Journal) -> None:
    view = make_view(qtbot, filled)
    view.select(rows(view)[2].entry.uid)
    view.pane.delete_button.setFocus()
    qtbot.keyClick(view.pane.delete_button, Qt.Key.Key_Space)
    assert filled.count() == 4
    assert view.entry_list.hasFocus()  # not the next entry's Delete button
    view.select(rows(view)[0].entry.uid)
    editor = view.pane.editors["after:words"]
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, "!")
    assert editor.toPlainText().endswith("good!")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText().endswith("good")
    assert filled.count() == 4


def test_deleting_the_last_entry_keeps_the_way_back_then_shows_the_empty_state(
    qtbot: QtBot, journal: Journal
) -> None:
    journal.add(session(at(TODAY)))
    view = make_view(qtbot, journal)
    view.select(rows(view)[0].entry.uid)
    assert view.delete_current()
    # The undo bar stays in reach until its time is up; then the empty page.
    assert view.pages.currentIndex() == 0
    assert view.undo_bar.isVisible()
    assert view.undo_delete()
    assert view.model.rowCount() == 1
    view.undo_timer.setInterval(30)
    view.select(rows(view)[0].entry.uid)
    assert view.delete_current()
    qtbot.waitUntil(lambda: view.pages.currentIndex() == 1, timeout=2000)
    assert view.empty_label.isVisible()


# --- keys ------------------------------------------------------------------------------------


def test_the_keyboard_reaches_everything(qtbot: QtBot, filled: Journal) -> None:
    view = make_view(qtbot, filled)
    view.focus_search()
    qtbot.keyClick(view.search_field, Qt.Key.Key_Down)
    assert view.entry_list.hasFocus()
    assert view.entry_list.currentIndex().row() == 0
    qtbot.keyClick(view.entry_list, Qt.Key.Key_Down)
    assert view.selected_entry() == rows(view)[1].entry
    qtbot.keyClick(view.entry_list, Qt.Key.Key_Return)
    editor = view.pane.editors["after:noticed"]
    assert editor.hasFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert view.entry_list.hasFocus()
    qtbot.keyClick(view.entry_list, Qt.Key.Key_Up)
    qtbot.keyClick(view.entry_list, Qt.Key.Key_Up)
    assert view.search_field.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search_field.hasFocus()


def test_double_click_opens_an_entry(qtbot: QtBot, filled: Journal) -> None:
    view = make_view(qtbot, filled)
    rect = view.entry_list.visualRect(view.model.index(1))
    qtbot.mouseDClick(view.entry_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selected_entry() == rows(view)[1].entry
    assert view.pane.editors["after:noticed"].hasFocus()


# --- names, empty states, painting --------------------------------------------------------------


def test_every_control_has_an_accessible_name_and_description(
    qtbot: QtBot, filled: Journal, tmp_path: Path
) -> None:
    screen = JournalScreen(filled, today=lambda: TODAY)
    qtbot.addWidget(screen)
    screen.resize(1100, 740)
    screen.show()
    view = screen.journal_view
    view.select(rows(view)[1].entry.uid)
    view.delete_current()  # the undo bar too
    view.select(rows(view)[0].entry.uid)
    screen.show_insights()
    for card in (screen.insights_view.minutes_card, screen.insights_view.kinds_card):
        card.toggle.setChecked(True)
    empty = Journal.open(tmp_path / "empty" / "journal.sqlite3")
    try:
        nothing = JournalScreen(empty)
        qtbot.addWidget(nothing)
        controls = reachable_controls(screen) + reachable_controls(nothing)
        assert len(controls) >= 20
        missing = [
            (type(w).__name__, w.accessibleName(), w.accessibleDescription())
            for w in controls
            if not (w.accessibleName() and w.accessibleDescription())
        ]
        assert missing == [], missing
    finally:
        empty.close()


def test_an_empty_journal_says_what_will_appear(qtbot: QtBot, journal: Journal) -> None:
    view = make_view(qtbot, journal)
    assert view.pages.currentIndex() == 1
    assert view.empty_label.isVisible()
    assert view.empty_label.text() == (
        "Your reflections will appear here after your first practice."
    )
    journal.add(session(at(TODAY)))
    view.refresh()
    assert view.pages.currentIndex() == 0
    assert view.model.rowCount() == 1


def test_refresh_keeps_the_chosen_entry_search_and_filters(qtbot: QtBot, filled: Journal) -> None:
    view = make_view(qtbot, filled)
    choose(view.kind_filter, "breathing")
    uid = rows(view)[1].entry.uid
    view.select(uid)
    filled.add(session(at(TODAY, 21)))
    filled.add(session(at(TODAY, 22), kind="grounding", practice_id="g", title="Feet"))
    view.refresh()
    assert view.kind_filter.currentData() == "breathing"
    assert view.selected_uid() == uid
    assert view.model.rowCount() == 4
    assert "Grounding" in [view.kind_filter.itemText(i) for i in range(view.kind_filter.count())]


@pytest.mark.parametrize("palette", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_paints_in_both_themes_without_warnings(
    qtbot: QtBot, qapp: QApplication, filled: Journal, palette: theme.Palette
) -> None:
    theme.apply(qapp, palette)
    screen = JournalScreen(filled, today=lambda: TODAY)
    qtbot.addWidget(screen)
    screen.resize(1100, 740)
    screen.show()
    view = screen.journal_view
    view.select(rows(view)[1].entry.uid)
    view.entry_list.setFocus()
    assert not screen.grab().isNull()
    screen.show_insights()
    assert not screen.grab().isNull()


def test_the_screen_switches_tabs_and_asks_for_an_export(qtbot: QtBot, filled: Journal) -> None:
    screen = JournalScreen(filled, today=lambda: TODAY)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.stack.currentWidget() is screen.journal_view
    assert screen.entries_button.isChecked()
    qtbot.mouseClick(screen.insights_button, Qt.MouseButton.LeftButton)
    assert screen.stack.currentWidget() is screen.insights_view
    assert screen.insights_button.isChecked() and not screen.entries_button.isChecked()
    assert screen.insights_view.kinds_card.chart.bars
    with qtbot.waitSignal(screen.export_requested, timeout=1000):
        qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    screen.show_entries()
    assert screen.stack.currentWidget() is screen.journal_view
    # A change in the entries is seen by the insights when shown again.
    before = screen.insights_view.kinds_card.chart.bars
    screen.journal_view.select(rows(screen.journal_view)[0].entry.uid)
    screen.journal_view.delete_current()
    screen.show_insights()
    assert screen.insights_view.kinds_card.chart.bars != before
