"""When the journal cannot be opened: a damaged header is offered the backup (never
"made by a newer version"), a newer journal is told to the newer Attune, and the
pages that show journal data (the Journal page, Today, Insights) say why and what to
do. Real journal files throughout."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFrame, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from desktop_app.core.library import Library
from desktop_app.storage.journal import Journal, NewSession, StoredAnswer
from desktop_app.storage.paths import default_paths
from desktop_app.storage.plans import PlanStore
from desktop_app.storage.settings import Settings
from desktop_app.ui.app_state import AppState
from desktop_app.ui.insights_view import InsightsView
from desktop_app.ui.journal_host import JournalHost
from desktop_app.ui.today_view import TodayView
from tests.journal_sessions import a_session

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def entry(number: int) -> NewSession:
    return a_session(
        T0 + timedelta(hours=number),
        (StoredAnswer("note", "after", "text", "Noticed?", "calm", "calm"),),
        minutes=5,
    )


@pytest.fixture
def host(qtbot: QtBot) -> Iterator[JournalHost]:
    journal_host = JournalHost(AppState(Settings()), default_paths())
    yield journal_host
    journal_host.close()


def journal_with_entries() -> Path:
    path = default_paths().journal
    with Journal.open(path) as journal:
        journal.add_many(entry(n) for n in range(3))
    return path


def bar_words(host: JournalHost) -> str:
    assert host.repair_bar is not None
    return " ".join(label.text() for label in host.repair_bar.findChildren(QLabel))


def test_a_junk_header_is_offered_the_backup_not_an_update(qtbot: QtBot, host: JournalHost) -> None:
    """The issue's case: SQLite's magic kept, the rest of the header 0x01."""
    path = journal_with_entries()
    data = path.read_bytes()
    path.write_bytes(data[:16] + b"\x01" * 84 + data[100:])
    problems: list[str] = []
    host.problem.connect(problems.append)
    host.open()
    assert host.state.journal is None and host.repair_bar is not None
    qtbot.addWidget(host.repair_bar)
    assert "damaged" in bar_words(host) and "newer" not in bar_words(host)
    assert problems == []  # the repair bar says it, not an "update Attune" notice
    assert "damaged" in host.unavailable
    assert "restore the last daily copy or start a new journal" in host.unavailable
    page = host.unavailable_page()
    qtbot.addWidget(page)
    assert page.try_again_button is None  # the repair bar is the way on


def test_a_journal_a_newer_attune_made_says_so_and_what_to_do(
    qtbot: QtBot, host: JournalHost
) -> None:
    path = journal_with_entries()
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA user_version = 2")
    raw.close()
    host.open()
    assert host.state.journal is None and host.repair_bar is None
    assert "newer version of Attune" in host.unavailable
    assert "Open it with the newer Attune" in host.unavailable
    assert "what you answer is not kept" in host.unavailable
    page = host.unavailable_page()
    qtbot.addWidget(page)
    assert page.try_again_button is None


def test_try_again_opens_the_journal_once_the_problem_is_gone(
    qtbot: QtBot, host: JournalHost
) -> None:
    """A folder where the journal file should be: it cannot be opened, nor read."""
    path = default_paths().journal
    path.mkdir(parents=True)
    host.open()
    assert host.state.journal is None
    assert "Try again" in host.unavailable
    page = host.unavailable_page()
    qtbot.addWidget(page)
    assert page.words.text() == host.unavailable
    assert page.words.accessibleName() == host.unavailable
    button = page.try_again_button
    assert button is not None and button.accessibleName() == "Try again"
    assert button.accessibleDescription()
    path.rmdir()
    button.click()
    assert host.state.journal is not None
    assert host.unavailable == "" and not host.may_try_again


def test_today_says_why_nothing_shows_as_done(qtbot: QtBot, host: JournalHost) -> None:
    path = journal_with_entries()
    path.write_bytes(path.read_bytes()[:16] + b"\x01" * 84)
    host.open()
    assert host.repair_bar is not None
    qtbot.addWidget(host.repair_bar)
    today = TodayView([], Library({}, {}, ()), host.state.journal, today=lambda: date(2026, 12, 2))
    qtbot.addWidget(today)
    assert today.journal_note == ""  # the host is not known yet
    today.follow(host.state, host)
    assert today.journal_note == host.unavailable
    content = today.area.widget()
    assert content is not None
    column = content.layout()
    assert column is not None
    top = column.itemAt(0)  # first on the page
    assert top is not None
    first = top.widget()
    assert isinstance(first, QFrame) and first.accessibleName() == "Your journal is not available"
    assert first.accessibleDescription() == host.unavailable
    words = [label.text() for label in first.findChildren(QLabel)]
    assert host.unavailable in words


def test_today_has_no_note_while_the_journal_is_open(qtbot: QtBot, host: JournalHost) -> None:
    journal_with_entries()
    host.open()
    today = TodayView([], Library({}, {}, ()), host.state.journal)
    qtbot.addWidget(today)
    today.follow(host.state, host)
    assert today.journal_note == ""


def test_insights_say_why_and_what_to_do_when_the_journal_cannot_be_read(
    qtbot: QtBot,
) -> None:
    journal = Journal.open(journal_with_entries())
    view = InsightsView(journal)
    qtbot.addWidget(view)
    view.show()
    assert view.pages.isVisible()
    journal.close()  # every read now fails
    view.refresh()
    assert view.notice.isVisible() and not view.pages.isVisible()
    assert "could not be read" in view.notice.text()
    assert "close Attune and open it again" in view.notice.text()
    assert view.notice.accessibleDescription() == view.notice.text()


def test_today_says_why_nothing_shows_as_done_when_reads_fail(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.ui.test_today_view import PLAN, WEDNESDAY

    store = PlanStore(tmp_path / "plans", today=lambda: date(2026, 11, 23))
    store.import_plan(PLAN.encode("utf-8"), display="plan.yaml")
    journal = Journal.open(journal_with_entries())
    journal.close()  # every read now fails
    today = TodayView(store.plans(), Library({}, {}, ()), journal, today=lambda: WEDNESDAY)
    qtbot.addWidget(today)
    assert today.has_plan
    assert today.journal_note.startswith("Your journal could not be read just now")
    assert "close Attune and open it again" in today.journal_note


def test_every_control_of_the_unavailable_page_has_a_name(qtbot: QtBot, host: JournalHost) -> None:
    default_paths().journal.mkdir(parents=True)
    host.open()
    page = host.unavailable_page()
    qtbot.addWidget(page)
    for button in page.findChildren(QPushButton):
        assert button.accessibleName()
    assert page.accessibleName() == "Journal"


# --- in the window ---------------------------------------------------------------------


def test_the_window_says_why_on_the_journal_page_and_today(qtbot: QtBot) -> None:
    from desktop_app.ui.journal_unavailable import JournalUnavailablePage
    from tests.ui.test_main_window import make_window

    path = journal_with_entries()
    path.write_bytes(path.read_bytes()[:16] + b"\x01" * 84)
    window = make_window(qtbot)
    window.show_screen("journal")
    page = window.pages["journal"]
    assert isinstance(page, JournalUnavailablePage)
    assert "damaged" in page.words.text()
    assert "Soon your reflections" not in page.words.text()
    window.show_screen("today")
    assert window.today_view is not None
    assert "damaged" in window.today_view.journal_note


def test_try_again_in_the_window_brings_the_journal_page(qtbot: QtBot) -> None:
    from desktop_app.ui.journal_view import JournalScreen
    from tests.ui.test_main_window import make_window

    path = default_paths().journal
    path.mkdir(parents=True)
    window = make_window(qtbot)
    window.show_screen("today")
    assert window.today_view is not None and window.today_view.journal_note
    window.show_screen("journal")
    button = window.pages["journal"].findChild(QPushButton)
    assert button is not None and button.text() == "Try again"
    path.rmdir()
    button.click()
    assert isinstance(window.pages["journal"], JournalScreen)
    assert window.today_view.journal_note == ""
