"""The app shell: navigation, remembered settings, and one practice from Library to After.

Real services throughout (library scan, settings file, speech with espeak-ng, mixer);
only the clock and the sound device are the test's own.
"""

from __future__ import annotations

import linecache
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.app import open_library
from desktop_app.core.clock import ManualClock
from desktop_app.core.engine import PlayState
from desktop_app.core.library import Library
from desktop_app.storage.paths import default_paths
from desktop_app.storage.settings import SettingsStore
from desktop_app.ui.after_view import AfterView
from desktop_app.ui.before_view import BeforeView
from desktop_app.ui.journal_view import JournalScreen
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.player_view import PlayerView
from desktop_app.ui.services import Services
from tests.helpers import MINIMAL_PRACTICE, write
from tests.ui.test_player import RecordingSink

SHORT = MINIMAL_PRACTICE.replace("id: tiny", "id: short").replace("Tiny", "A short one") + (
    "reflection:\n  after:\n    - {id: noticed, text: What did you notice?}\n"
)


def make_window(qtbot: QtBot, sink: RecordingSink | None = None) -> MainWindow:
    window = landing_window(qtbot, sink)
    window.show()
    window.build_pages()  # the event loop would, right after the first paint
    return window


def test_at_the_start_only_the_page_the_person_lands_on_is_built(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    assert list(window.pages) == ["library"]
    assert (
        window.library_view is not None and "longer-out-breath" in window.library_view.visible_ids()
    )
    assert (window.settings_view, window.today_view) == (None, None)
    # What works whichever page is shown: the journal, the watch on the library, reminders.
    assert window.state.journal is not None and window.watcher is not None
    assert window.plans_host is not None and window.plans_host.reminders is not None


def test_the_event_loop_lands_on_the_library_after_the_first_paint(qtbot: QtBot) -> None:
    paths = default_paths()
    read: list[str] = []

    def scan() -> Library:
        read.append("library")
        return open_library()

    services = Services(
        paths=paths,
        settings_store=SettingsStore(paths.settings),
        scan=scan,
        sink=RecordingSink(),
        clock=ManualClock(50.0),
        device_rate=lambda: 16_000,
        settle=lambda: read.append("settled"),
    )
    window = MainWindow(services)
    qtbot.addWidget(window)
    assert window.state.library is None and read == []  # nothing read for the frame
    with qtbot.waitSignal(window.first_page_shown, timeout=10_000):
        window.show()
    assert read == ["settled", "library"]  # what a crash left is settled before reading
    assert window.screens.currentWidget() is window.library_view
    assert window.nav.buttons["library"].isChecked()
    qtbot.waitUntil(lambda: window.watcher is not None)  # the next turn: the rest
    assert window.state.journal is not None
    assert list(window.pages) == ["library"]


def landing_window(qtbot: QtBot, sink: RecordingSink | None = None) -> MainWindow:
    """The window as made, before it is shown or has landed on a page."""
    paths = default_paths()
    services = Services(
        paths=paths,
        settings_store=SettingsStore(paths.settings),
        scan=open_library,
        sink=sink or RecordingSink(),
        clock=ManualClock(50.0),
        device_rate=lambda: 16_000,
    )
    window = MainWindow(services)
    qtbot.addWidget(window)
    return window


def test_the_journal_opens_once_the_page_landed_on_has_painted(qtbot: QtBot) -> None:
    """The person sees the Library before the journal is checked and copied."""
    window = landing_window(qtbot)
    happened: list[str] = []

    class PaintSpy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and "page painted" not in happened:
                happened.append("page painted")
            return False

    spy = PaintSpy()
    window.first_page_shown.connect(lambda: window.pages["library"].installEventFilter(spy))
    window.state.journal_changed.connect(lambda: happened.append("journal opened"))
    window.show()
    qtbot.waitUntil(lambda: window.watcher is not None, timeout=10_000)
    assert happened == ["page painted", "journal opened"]
    assert window.plans_host is not None and window.plans_host.reminders is not None


def test_a_window_that_does_not_paint_its_page_opens_the_journal_all_the_same(
    qtbot: QtBot,
) -> None:
    """Hidden (or minimised) right after landing: checked at this start all the same."""
    window = landing_window(qtbot)
    window.first_page_shown.connect(window.hide)
    with qtbot.waitSignal(window.first_page_shown, timeout=10_000):
        window.show()
    assert window.state.journal is None  # not in the turn that landed
    qtbot.waitUntil(lambda: window.watcher is not None, timeout=MainWindow.REST_AFTER_MS + 2_000)
    assert window.state.journal is not None


def test_pages_built_late_are_reached_by_keyboard_with_their_names(
    qtbot: QtBot, _private_home: Path
) -> None:
    window = make_window(qtbot)
    qtbot.waitExposed(window)
    window.activateWindow()  # shortcuts go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    keys = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4)
    for key, screen in zip(keys, ("today", "library", "journal", "settings"), strict=True):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.screens.currentWidget() is window.pages[screen]
        assert window.nav.buttons[screen].isChecked()
        assert interactive_without_names(window) == [], screen
    assert isinstance(window.pages["journal"], JournalScreen)
    assert window.today_view is window.pages["today"]
    assert window.settings_view is window.pages["settings"]


def test_a_page_asked_for_before_the_start_finishes_it_first(qtbot: QtBot) -> None:
    window = landing_window(qtbot)
    window.show_screen("settings")  # e.g. Ctrl+4 before the first paint's turn came
    assert window.screens.currentWidget() is window.settings_view
    assert window.state.library is not None and window.state.journal is not None
    assert set(window.pages) == {"library", "settings"}


def interactive_without_names(root: QWidget) -> list[str]:
    kinds = (QAbstractButton, QAbstractSlider, QComboBox, QLineEdit, QPlainTextEdit)
    return [
        f"{type(w).__name__}:{getattr(w, 'text', lambda: '')()}"
        for w in root.findChildren(QWidget)
        if isinstance(w, kinds) and w.isVisibleTo(root) and not w.accessibleName()
    ]


def test_navigation_by_buttons_and_keys(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    assert window.screens.currentWidget() is window.library_view
    window.nav.buttons["settings"].click()
    assert window.screens.currentWidget() is window.settings_view
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.nav.buttons["settings"].isChecked()
    window.show_screen("journal")
    assert window.nav.buttons["journal"].isChecked()


def test_the_last_screen_and_window_size_are_remembered(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.resize(780, 570)  # the offscreen screen is 800 × 600
    window.show_screen("settings")
    window.close()
    again = make_window(qtbot)
    assert again.screens.currentWidget() is again.settings_view
    assert (again.width(), again.height()) == (780, 570)


def test_a_broken_settings_file_gives_defaults_and_a_notice(qtbot: QtBot) -> None:
    settings = default_paths().settings
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("{ this is not json")
    window = make_window(qtbot)
    assert window.notice.isVisibleTo(window) and "could not be read" in window.notice.text()
    assert window.state.settings.theme == "system"


def test_text_zoom_keys(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.preferences.zoom(0.1)
    window.preferences.zoom(0.1)
    assert window.state.settings.text_zoom == pytest.approx(1.2)
    window.preferences.zoom(0.0)
    assert window.state.settings.text_zoom == 1.0
    assert SettingsStore(default_paths().settings).load()[0].text_zoom == 1.0


def test_one_practice_from_library_to_after(qtbot: QtBot, _private_home: Path) -> None:
    write(_private_home / "data" / "practices", "short.yaml", SHORT)
    window = make_window(qtbot)
    journal_page = window.page("journal")  # built before: it follows what is kept
    window.open_practice_id("short")
    before = window.session.area.currentWidget()
    assert isinstance(before, BeforeView) and window.root.currentIndex() == 1
    with qtbot.waitSignal(window.session.preparer.ready, timeout=30_000):
        pass
    before.start_requested.emit(before.choice())
    player = window.session.area.currentWidget()
    assert isinstance(player, PlayerView) and player.run.engine.state is PlayState.PLAYING
    window.services.clock.advance(60)  # type: ignore[attr-defined]
    player.tick()
    after = window.session.area.currentWidget()
    assert isinstance(after, AfterView)
    assert window.pages["journal"] is journal_page and isinstance(journal_page, JournalScreen)
    assert journal_page.journal_view.model.rowCount() == 1  # there at once, not after a restart
    after.save()
    assert window.state.journal is not None
    (entry,) = window.state.journal.entries()
    assert entry.completed and entry.practice_id == "short"
    after.done_requested.emit()
    assert window.root.currentIndex() == 0
    assert window.screens.currentWidget() is window.library_view


def test_every_control_on_every_screen_has_an_accessible_name(
    qtbot: QtBot, _private_home: Path
) -> None:
    write(_private_home / "data" / "practices", "short.yaml", SHORT)
    window = make_window(qtbot)
    for screen in ("today", "library", "journal", "settings"):
        window.show_screen(screen)
        assert interactive_without_names(window) == [], screen
    window.open_practice_id("short")
    assert interactive_without_names(window) == []


def test_a_session_is_kept_in_the_journal_at_once_and_completed_after(
    qtbot: QtBot, _private_home: Path
) -> None:
    from desktop_app.storage.journal import Journal

    write(_private_home / "data" / "practices", "short.yaml", SHORT)
    window = make_window(qtbot)
    assert window.state.journal is not None
    window.open_practice_id("short")
    before = window.session.area.currentWidget()
    assert isinstance(before, BeforeView)
    with qtbot.waitSignal(window.session.preparer.ready, timeout=30_000):
        pass
    before.start_requested.emit(before.choice())
    player = window.session.area.currentWidget()
    assert isinstance(player, PlayerView)
    player.end()  # stopped early: still recorded
    (entry,) = window.state.journal.entries()
    assert entry.practice_id == "short" and not entry.completed
    after = window.session.area.currentWidget()
    assert isinstance(after, AfterView) and after.form is not None
    after.form.set_answers(())
    window.session.flow.save_draft(())  # what the draft timer does while typing
    after.save()
    assert window.state.journal.drafts() == {}
    window.close()
    again = Journal.open(default_paths().journal)
    assert [e.uid for e in again.entries()] == [entry.uid]
    again.close()


def test_deleting_all_data_leaves_no_trace_of_what_was_written(
    qtbot: QtBot, _private_home: Path
) -> None:
    from desktop_app.storage.journal import NewSession, StoredAnswer

    phrase = "a very particular sentence about the lake"
    window = make_window(qtbot)
    assert window.state.journal is not None
    import datetime as dt

    now = dt.datetime.now().astimezone()
    window.state.journal.add(
        NewSession(
            practice_id="short",
            practice_title="A short one",
            practice_kind="other",
            practice_version=None,
            source="file",
            language="en",
            started_at=now,
            ended_at=now,
            length=None,
            practised=60.0,
            completed=True,
            stopped_at_step=None,
            pauses=0,
            grounding_pauses=0,
            answers=(
                StoredAnswer("noticed", "after", "text", "What did you notice?", phrase, phrase),
            ),
        )
    )
    window.state.journal.save_draft("entry-1", {"answers": [phrase]})
    window.close()
    window = make_window(qtbot)  # makes today's backup, which holds the phrase too
    window.erase_all_data()
    window.close()
    leftovers = [
        path
        for path in _private_home.rglob("*")
        if path.is_file() and phrase.encode() in path.read_bytes()
    ]
    assert leftovers == []


def test_a_damaged_journal_is_moved_aside_and_restored_from_the_daily_copy(
    qtbot: QtBot, _private_home: Path
) -> None:
    from PySide6.QtWidgets import QPushButton

    from tests.ui.test_export_dialog import journal_with_two

    paths = default_paths()
    journal_with_two(paths.journal.parent).close()
    window = make_window(qtbot)  # opens it, and makes today's copy
    assert window.state.journal is not None and len(window.state.journal.entries()) == 2
    window.close()
    data = bytearray(paths.journal.read_bytes())
    data[100:4000] = b"\x00garbage" * 487 + b"\x00" * 4
    paths.journal.write_bytes(bytes(data))
    window = make_window(qtbot)
    assert window.state.journal is None
    restore = next(
        b
        for b in window.journal_host.repair_bar.findChildren(QPushButton)
        if b.text().startswith("Restore the last copy")
    )
    restore.click()
    assert window.state.journal is not None and len(window.state.journal.entries()) == 2
    assert list(paths.journal.parent.glob("journal.damaged-*"))  # kept, never overwritten


def test_a_journal_missing_a_table_is_offered_the_same_repair(
    qtbot: QtBot, _private_home: Path
) -> None:
    """Sound pages, but no answers table: damage all the same, not a window that opens
    and then fails every read."""
    import sqlite3

    from PySide6.QtWidgets import QPushButton

    from tests.ui.test_export_dialog import journal_with_two

    paths = default_paths()
    journal_with_two(paths.journal.parent).close()
    window = make_window(qtbot)  # makes today's copy
    window.close()
    raw = sqlite3.connect(paths.journal)
    raw.execute("DROP TABLE answers")
    raw.commit()
    raw.close()
    window = make_window(qtbot)
    assert window.state.journal is None
    assert window.journal_host.repair_bar is not None
    restore = next(
        b
        for b in window.journal_host.repair_bar.findChildren(QPushButton)
        if b.text().startswith("Restore the last copy")
    )
    restore.click()
    assert window.state.journal is not None and len(window.state.journal.entries()) == 2
    assert list(paths.journal.parent.glob("journal.damaged-*"))


def test_a_practice_under_way_when_attune_closes_is_kept(qtbot: QtBot, _private_home: Path) -> None:
    write(_private_home / "data" / "practices", "short.yaml", SHORT)
    window = make_window(qtbot)
    window.open_practice_id("short")
    before = window.session.area.currentWidget()
    assert isinstance(before, BeforeView)
    with qtbot.waitSignal(window.session.preparer.ready, timeout=30_000):
        pass
    before.start_requested.emit(before.choice())
    assert window.state.journal is not None and "pending-session" in window.state.journal.drafts()
    # The process dies here: no finish, no After screen. Only the journal remains.
    window.state.journal.close()
    window.state.journal = None
    window.session.player = None
    again = make_window(qtbot)
    assert again.state.journal is not None
    (entry,) = again.state.journal.entries()
    assert entry.practice_id == "short" and not entry.completed
    assert again.state.journal.drafts() == {}
    assert "was kept in your journal" in again.notice.text()


def test_when_the_journal_cannot_keep_answers_they_stay_in_the_form(
    qtbot: QtBot, _private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.storage.journal import Journal, JournalError

    write(_private_home / "data" / "practices", "short.yaml", SHORT)
    window = make_window(qtbot)
    window.open_practice_id("short")
    before = window.session.area.currentWidget()
    assert isinstance(before, BeforeView)
    with qtbot.waitSignal(window.session.preparer.ready, timeout=30_000):
        pass
    before.start_requested.emit(before.choice())
    player = window.session.area.currentWidget()
    assert isinstance(player, PlayerView)
    player.end()
    after = window.session.area.currentWidget()
    assert isinstance(after, AfterView)

    def full(*args: object, **kwargs: object) -> None:
        raise JournalError("full", "The disk is full, so your journal could not be saved.")

    monkeypatch.setattr(Journal, "update_answers", full)
    after.save()
    assert not after.showing_thanks and "disk is full" in window.notice.text()
    monkeypatch.undo()
    after.save()
    assert after.showing_thanks


PLAN = """\
attune: plan/1
id: weeks
title: First weeks
language: en
from: Your therapist
message: Try it at a quiet moment.
items:
  - practice: short
    when: daily
"""


def test_with_an_active_plan_today_is_home_and_starts_the_practice(
    qtbot: QtBot, _private_home: Path
) -> None:
    from desktop_app.storage.plans import PlanStore

    write(_private_home / "data" / "practices", "short.yaml", SHORT)
    PlanStore(default_paths().plans).import_plan(PLAN.encode())
    window = make_window(qtbot)
    assert window.today_view is not None and window.today_view.has_plan
    assert window.screens.currentWidget() is window.today_view
    window.today_view.start_buttons[0].click()
    before = window.session.area.currentWidget()
    assert isinstance(before, BeforeView)
    before.back_requested.emit()  # back where it was started from, not the Library
    assert window.screens.currentWidget() is window.today_view


def test_a_pack_opened_in_the_window_is_previewed_then_installed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from desktop_app.storage.packs import build_pack
    from tests.storage.test_packs import pack_folder

    pack = tmp_path / "starter.attunepack"
    build_pack(pack_folder(tmp_path), pack)
    window = make_window(qtbot)
    dialog = window.authoring.open_pack_file(pack)
    assert not (default_paths().packs / "test-pack").exists()  # nothing before the person says so
    dialog.install_button.click()
    assert (default_paths().packs / "test-pack" / "pack.yaml").is_file()
    assert window.state.library is not None and any(
        entry.source.kind == "pack" for entry in window.state.library.practices.values()
    )
    assert window.notice.text().startswith("Installed")


def test_a_plan_reminder_is_shown_in_the_window(qtbot: QtBot, _private_home: Path) -> None:
    from desktop_app.storage.plans import PlanStore

    write(_private_home / "data" / "practices", "short.yaml", SHORT)
    PlanStore(default_paths().plans).import_plan(
        PLAN.replace("when: daily", 'when: daily\n    at: "00:00"').encode()
    )
    window = make_window(qtbot)
    assert window.plans_host.reminders is not None
    window.plans_host.reminders.check()  # what its timer does every minute
    assert window.notice.text() == "Time for A short one, as your plan suggests."
    assert window.plans_host.reminders.check() == []  # once a day
    # Done, the reminder goes.
    window.open_practice_id("short")
    before = window.session.area.currentWidget()
    assert isinstance(before, BeforeView)
    with qtbot.waitSignal(window.session.preparer.ready, timeout=30_000):
        pass
    before.start_requested.emit(before.choice())
    player = window.session.area.currentWidget()
    assert isinstance(player, PlayerView)
    window.services.clock.advance(60)  # type: ignore[attr-defined]
    player.tick()
    assert window.notice.isHidden()


def test_make_a_pack_opens_from_the_window_with_the_persons_own_files(qtbot: QtBot) -> None:
    write(default_paths().practices, "short.yaml", SHORT)
    window = make_window(qtbot)
    assert window.nav.make_pack_button.accessibleName() == "Make a pack"
    dialog = window.authoring.make_pack()
    assert dialog is not None and dialog.isVisible()
    rows = [dialog.choices.item(r).text() for r in range(dialog.choices.count())]
    assert rows == ["A short one  ·  practice"]


def test_the_report_on_a_plan_opens_from_today(qtbot: QtBot, _private_home: Path) -> None:
    from desktop_app.storage.plans import PlanStore
    from desktop_app.ui.report_dialog import ReportDialog

    write(_private_home / "data" / "practices", "short.yaml", SHORT)
    PlanStore(default_paths().plans).import_plan(PLAN.encode())
    window = make_window(qtbot)
    assert window.today_view is not None
    (button,) = [
        b
        for b in window.today_view.findChildren(QPushButton)
        if b.accessibleName() == "Report on First weeks"
    ]
    with qtbot.waitSignal(window.today_view.report_requested):
        button.click()
    (dialog,) = window.findChildren(ReportDialog)
    assert dialog.isVisible() and dialog.stored.plan.id == "weeks"
    assert "First weeks" in dialog.preview.toPlainText()


def test_the_plans_contact_goes_with_the_safety_information(
    qtbot: QtBot, _private_home: Path
) -> None:
    from desktop_app.storage.plans import PlanStore

    write(_private_home / "data" / "practices", "short.yaml", SHORT)
    with_contact = PLAN.replace("items:", 'contact: "Practice phone 020 123 4567"\nitems:')
    PlanStore(default_paths().plans).import_plan(with_contact.encode())
    window = make_window(qtbot)
    assert window.plans_host.support("en") == (("Your therapist", "Practice phone 020 123 4567"),)
    window.open_practice_id("short")
    before = window.session.area.currentWidget()
    assert isinstance(before, BeforeView)
    assert [label.text() for label in before.support_labels] == [
        "If you need support: Your therapist — Practice phone 020 123 4567"
    ]


def test_news_is_quiet_and_goes_once_the_person_moves_on(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.show_screen("library")
    window.notice.show_notice("Installed “For Sam”.", news=True)
    assert window.notice.property("role") == "muted" and window.notice.isVisible()
    window.nav.buttons["library"].click()  # the same page: still there
    assert window.notice.isVisible()
    window.nav.buttons["journal"].click()
    assert window.notice.isHidden()
    window.notice.show_notice("Your settings could not be saved.")
    assert window.notice.property("role") == "warning"
    window.nav.buttons["library"].click()  # a problem stays until it is solved
    assert window.notice.isVisible()


def test_a_full_disk_is_said_in_dutch_with_what_is_kept(qtbot: QtBot) -> None:
    from desktop_app.storage.journal import JournalError
    from desktop_app.ui.i18n import Translations
    from desktop_app.ui.journal_words import journal_problem

    full = JournalError("full", "The disk is full, so your journal could not be saved.")
    translations = Translations()
    assert translations.install("nl")
    try:
        said = journal_problem(full)
    finally:
        translations.install("en")
    assert said.startswith("De schijf is vol")
    assert "niets verloren" in said and "blijft op het scherm staan" in said


def test_a_journal_that_cannot_be_written_is_still_read_and_exported(
    qtbot: QtBot, _private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only data folder or a full disk: saving is impossible and said so, but
    the journal is read, shown and exported all the same."""
    from desktop_app.storage.journal import Journal, JournalError
    from tests.ui.test_export_dialog import journal_with_two

    journal_with_two(default_paths().journal.parent).close()

    def cannot_write(cls: type[Journal], path: Path, key: object = None) -> Journal:
        raise JournalError("full", "The disk is full, so your journal could not be opened.")

    monkeypatch.setattr(Journal, "open", classmethod(cannot_write))
    window = make_window(qtbot)
    assert "disk is full" in window.notice.text()
    assert window.state.journal is not None and window.state.journal.read_only
    dialog = window.export_journal()
    assert dialog is not None
    assert len(window.state.journal.entries()) == 2
    dialog.reject()


def test_the_rest_lets_go_of_the_module_sources_read_while_importing(qtbot: QtBot) -> None:
    """PySide reads each imported module's source into linecache; once the page has
    painted that cache is emptied (the lines a traceback shows are read again)."""
    window = landing_window(qtbot)
    linecache.cache["read-at-import.py"] = (1, None, ["pass\n"], "read-at-import.py")
    window.show()
    qtbot.waitUntil(lambda: window.watcher is not None, timeout=10_000)
    assert "read-at-import.py" not in linecache.cache


def test_a_practice_that_cannot_be_opened_is_said_on_the_notice_line(
    qtbot: QtBot, _private_home: Path
) -> None:
    practice_file = write(_private_home / "data" / "practices", "short.yaml", SHORT)
    window = make_window(qtbot)
    window.open_practice_id("not-in-the-library")
    assert window.notice.text() == "The practice not-in-the-library is not in your library."
    practice_file.write_text("id: short\nkind: breathing\n", encoding="utf-8")  # broken since
    window.open_practice_id("short")
    assert window.notice.text().startswith("The practice short could not be opened: ")
    assert "short.yaml:" in window.notice.text()  # says where, as file:line:col
    assert window.root.currentIndex() == 0  # nothing half opened
