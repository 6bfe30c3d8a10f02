"""The editor from the main window: opened from the navigation or from a practice in
the Library, previewed in the real player path, saved into the Library."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.storage.paths import builtin_dir, default_paths
from desktop_app.ui.after_view import AfterView
from desktop_app.ui.before_view import BeforeView
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.plan_form import PlanFormDialog
from desktop_app.ui.player_view import PlayerView
from tests.helpers import write
from tests.ui.test_main_window import SHORT
from tests.ui.test_main_window import make_window as make_main_window


def make_window(qtbot: QtBot) -> MainWindow:
    """The main window with the tools for therapists switched on in Settings."""
    window = make_main_window(qtbot)
    window.preferences.change(replace(window.state.settings, authoring=True))
    return window


@pytest.fixture(autouse=True)
def _let_go(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unsaved changes at close are let go unless a test says otherwise."""
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard
    )


def test_write_a_practice_preview_it_and_save_it_into_the_library(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    qtbot.mouseClick(window.nav.write_button, Qt.MouseButton.LeftButton)
    editor = window.authoring.editor
    assert editor is not None and editor.isVisible()
    assert editor.check.practice is not None  # a template to start from
    assert window.authoring.open_editor() is editor  # one editor, brought forward
    editor.set_text(SHORT, None)
    editor.preview()
    before = window.session.area.currentWidget()
    assert isinstance(before, BeforeView) and window.root.currentIndex() == 1
    assert before.practice.id == "short"
    window.session.close()
    assert "short" not in window.library_view.library.practices  # not saved yet
    assert editor.save()
    assert window.library_view.library.practices["short"].source.kind == "user"
    assert editor.library is window.state.library


def test_edit_opens_ones_own_file_and_a_copy_of_any_other(
    qtbot: QtBot, _private_home: Path
) -> None:
    mine = write(_private_home / "data" / "practices", "short.yaml", SHORT)
    window = make_window(qtbot)
    view = window.library_view
    assert view.select("short")
    assert view.edit_button.text() == "Edit…"
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    editor = window.authoring.editor
    assert editor is not None and editor.path == mine
    assert editor.text() == mine.read_text()

    assert view.select("longer-out-breath")
    assert view.edit_button.text() == "Adapt a copy…"
    assert view.edit_button.accessibleName() == "Adapt a copy"
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    original = builtin_dir("practices") / "longer-out-breath.yaml"
    assert editor.path is None
    assert editor.text() == original.read_text()
    assert editor.editor.document().isModified()
    assert editor.save()
    assert (default_paths().practices / "longer-out-breath.yaml").read_text() == (
        original.read_text()
    )
    assert window.state.library.practices["longer-out-breath"].source.kind == "user"


def test_closing_the_window_with_unsaved_work_can_be_called_off(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot)
    editor = window.authoring.open_editor()
    editor.set_text(SHORT, None)
    qtbot.keyClicks(editor.editor, "# more")
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Cancel
    )
    assert not window.close()
    assert window.isVisible() and editor.isVisible()
    assert editor.draft.path.exists()  # kept meanwhile, come what may


def test_make_a_plan_from_the_navigation_saves_it_among_ones_own_files(
    qtbot: QtBot, _private_home: Path
) -> None:
    write(_private_home / "data" / "practices", "short.yaml", SHORT)
    window = make_window(qtbot)
    qtbot.mouseClick(window.nav.plan_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(PlanFormDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.title_field.setText("For Sam")
    dialog.from_field.setText("Dr. Test")
    dialog.add_item()
    assert dialog.save()
    plan = window.state.library.plans["for-sam"]
    assert plan.source.kind == "user"
    assert "for-sam" not in {s.plan.id for s in window.state.plans.plans()}  # not followed


def test_a_preview_plays_in_full_but_leaves_nothing_in_the_journal(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.notice.show_news("Time for A short one, as your plan suggests.")
    window._reminded = "short"  # as a reminder of this practice leaves it
    written: list[None] = []
    window.state.journal_changed.connect(lambda: written.append(None))
    editor = window.authoring.open_editor()
    editor.set_text(SHORT, None)
    editor.preview()
    before = window.session.area.currentWidget()
    assert isinstance(before, BeforeView)
    with qtbot.waitSignal(window.session.preparer.ready, timeout=30_000):
        pass
    before.start_requested.emit(before.choice())
    player = window.session.area.currentWidget()
    assert isinstance(player, PlayerView)
    window.services.clock.advance(60)  # type: ignore[attr-defined]
    player.tick()
    after = window.session.area.currentWidget()
    assert isinstance(after, AfterView)
    after.save()
    assert window.state.journal is not None
    assert window.state.journal.entries() == [] and window.state.journal.drafts() == {}
    # Nothing was kept, so nothing changed for Today or the Journal, and a reminder of
    # the same practice stays until it is really done.
    assert written == []
    assert window.notice.text() == "Time for A short one, as your plan suggests."
    # While a practice is open, another preview waits: nobody's practice is ended unasked.
    after.again_requested.emit()
    editor.preview()
    assert editor.status.text() == "A practice is open in the main window; end it there first."
    assert window.state.journal.entries() == []


def test_the_tools_for_therapists_show_only_when_switched_on(qtbot: QtBot) -> None:
    window = make_main_window(qtbot)
    tools = (window.nav.write_button, window.nav.plan_button, window.nav.make_pack_button)
    assert not any(b.isVisible() for b in tools)
    assert window.library_view is not None and not window.library_view.edit_button.isVisible()
    assert window.nav.pack_button.isVisible()  # a client opens the pack they were given
    window.show_screen("settings")  # the page is built when first shown
    assert window.settings_view is not None
    window.settings_view.authoring_check.click()
    assert window.state.settings.authoring
    assert all(b.isVisible() for b in tools)
    window.show_screen("library")
    window.library_view.select("longer-out-breath")
    assert window.library_view.edit_button.isVisible()
