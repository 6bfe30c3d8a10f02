"""The journal lock in the running window (issue 16): the unlock screen at start,
going on without the journal, and the lock turned on, changed and off from Settings.
Real files throughout: a journal made by `Journal`, locked by `JournalFiles` at the
cheap test cost (`FAST`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.storage.journal_files import JournalFiles
from desktop_app.storage.lock.state import database_kind
from desktop_app.storage.paths import default_paths
from desktop_app.ui.after_view import AfterView
from desktop_app.ui.before_view import BeforeView
from desktop_app.ui.journal_unavailable import JournalUnavailablePage
from desktop_app.ui.journal_view import JournalScreen
from desktop_app.ui.lock_dialogs import ChangePassphraseDialog, TurnOffLockDialog, TurnOnLockDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.player_view import PlayerView
from tests.helpers import write
from tests.storage.lock.journals import FAST, make_journal
from tests.ui.test_lock_screens import PASSPHRASE, type_and_enter
from tests.ui.test_main_window import SHORT, make_window

#: The words every entry of `make_journal` keeps (its reflections' text).
ENTRY_WORDS = "slow breath, warm hands"


def locked_journal() -> JournalFiles:
    """Attune's own journal, with three entries, locked under PASSPHRASE."""
    files = JournalFiles.of(default_paths())
    files.journal.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    make_journal(files.journal, sessions=3)
    files.turn_on(PASSPHRASE, FAST)
    return files


def every_text(widget: QWidget) -> str:
    """All the text the widget tree holds: labels, fields, and every accessible name."""
    parts = [widget.accessibleName(), widget.accessibleDescription()]
    for child in widget.findChildren(QWidget):
        parts += [child.accessibleName(), child.accessibleDescription(), child.toolTip()]
        if isinstance(child, (QLabel, QLineEdit)):
            parts.append(child.text())
        if isinstance(child, (QPlainTextEdit, QTextEdit)):
            parts.append(child.toPlainText())
    return "\n".join(parts)


def unlock(qtbot: QtBot, window: MainWindow, passphrase: str = PASSPHRASE) -> None:
    view = window.unlock_view
    assert view is not None
    type_and_enter(qtbot, view.field, passphrase)
    qtbot.waitUntil(lambda: not view.runner.busy, timeout=10_000)


def test_a_locked_journal_starts_on_the_unlock_screen_with_no_journal_data(
    qtbot: QtBot, _private_home: Path
) -> None:
    locked_journal()
    window = make_window(qtbot)
    assert window.unlock_view is not None
    assert window.root.currentWidget() is window.unlock_view
    assert window.unlock_view.field.hasFocus() or window.focusWidget() is window.unlock_view.field
    assert window.state.journal is None and "journal" not in window.pages
    assert ENTRY_WORDS not in every_text(window)


def test_the_passphrase_and_enter_show_the_pages_and_the_entries(
    qtbot: QtBot, _private_home: Path
) -> None:
    locked_journal()
    window = make_window(qtbot)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.state.journal is not None)
    assert window.unlock_view is None and window.root.currentIndex() == 0
    assert window.journal_host is not None and window.journal_host.key is not None
    assert len(window.state.journal.entries()) == 3  # type: ignore[union-attr]
    page = window.page("journal")
    assert isinstance(page, JournalScreen) and page.journal_view.model.rowCount() == 3
    # Its pages are checked in the background; a sound journal stays open.
    qtbot.waitUntil(lambda: window.journal_host._page_check is not None)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not window.journal_host._page_check.busy)  # type: ignore[union-attr]
    assert window.state.journal is not None and window.journal_host.unavailable == ""


def test_a_wrong_passphrase_then_the_right_one(qtbot: QtBot, _private_home: Path) -> None:
    locked_journal()
    window = make_window(qtbot)
    view = window.unlock_view
    assert view is not None
    unlock(qtbot, window, "not my passphrase")
    assert view.problem.isVisible() and window.state.journal is None
    assert window.root.currentWidget() is view
    view.field.clear()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.state.journal is not None)
    journal = window.state.journal
    assert journal is not None and len(journal.entries()) == 3


def test_without_the_journal_practices_play_answers_are_not_kept_and_it_unlocks_later(
    qtbot: QtBot, _private_home: Path
) -> None:
    files = locked_journal()
    write(_private_home / "data" / "practices", "short.yaml", SHORT)
    window = make_window(qtbot)
    assert window.unlock_view is not None
    window.unlock_view.continue_button.click()
    assert window.unlock_view is None and window.root.currentIndex() == 0
    assert window.state.journal is None

    window.open_practice_id("short")
    before = window.session.area.currentWidget()
    assert isinstance(before, BeforeView)
    with qtbot.waitSignal(window.session.preparer.ready, timeout=30_000):
        pass
    before.start_requested.emit(before.choice())
    player = window.session.area.currentWidget()
    assert isinstance(player, PlayerView)
    window.services.clock.advance(60)
    player.tick()
    after = window.session.area.currentWidget()
    assert isinstance(after, AfterView)
    after.save()
    after.done_requested.emit()
    assert window.state.journal is None and database_kind(files.journal) == "encrypted"

    window.show_screen("journal")
    page = window.pages["journal"]
    assert isinstance(page, JournalUnavailablePage)
    assert "locked" in page.words.text() and "not kept" in page.words.text()
    assert page.unlock_button is not None
    page.unlock_button.click()
    assert window.unlock_view is not None and window.root.currentWidget() is window.unlock_view
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.state.journal is not None)
    page = window.pages["journal"]
    assert isinstance(page, JournalScreen) and window.screens.currentWidget() is page
    assert page.journal_view.model.rowCount() == 3  # the practice played locked was not kept


def test_a_missing_key_file_is_said_with_what_to_do(qtbot: QtBot, _private_home: Path) -> None:
    files = locked_journal()
    files.key_file.rename(files.key_file.with_name("elsewhere.key"))
    window = make_window(qtbot)
    assert window.unlock_view is None and window.state.journal is None
    page = window.page("journal")
    assert isinstance(page, JournalUnavailablePage)
    assert "key file" in page.words.text() and page.try_again_button is not None
    files.key_file.with_name("elsewhere.key").rename(files.key_file)
    page.try_again_button.click()
    assert window.journal_host is not None and window.journal_host.locked_away


def test_the_lock_turned_on_changed_and_off_from_settings(
    qtbot: QtBot, _private_home: Path
) -> None:
    paths = default_paths()
    paths.journal.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    make_journal(paths.journal, sessions=3)
    window = make_window(qtbot)
    host = window.journal_host
    assert host is not None
    host.lock_params = FAST
    window.show_screen("settings")
    settings = window.settings_view
    assert settings is not None and not settings.lock_check.isChecked()

    settings.lock_check.click()  # ticked: "Lock my journal"
    dialog = window.findChild(TurnOnLockDialog)
    assert isinstance(dialog, TurnOnLockDialog)
    dialog.fields.first.setText(PASSPHRASE)
    dialog.fields.again.setText(PASSPHRASE)
    dialog.lock()
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.key_page, timeout=10_000)
    assert host.files.key_file.exists() and database_kind(paths.journal) == "encrypted"
    assert host.key is not None and window.state.journal is not None
    assert len(window.state.journal.entries()) == 3
    assert settings.lock_check.isChecked()
    page = window.page("journal")
    assert isinstance(page, JournalScreen) and page.journal_view.model.rowCount() == 3
    export = window.export_journal()
    assert export is not None and export.protection is not None  # the warning and the archive
    export.reject()
    dialog.key_page.done.emit()

    change = window.change_passphrase()
    assert isinstance(change, ChangePassphraseDialog)
    change.current.field.setText(PASSPHRASE)
    change.fields.first.setText("a new path through the woods")
    change.fields.again.setText("a new path through the woods")
    change.change()
    qtbot.waitUntil(lambda: change.pages.currentWidget() is change.done_page, timeout=10_000)
    change.accept()
    assert window.state.journal is not None  # the journal stays open

    settings.lock_check.click()  # unticked: turn the lock off
    off = window.findChild(TurnOffLockDialog)
    assert isinstance(off, TurnOffLockDialog)
    off.current.field.setText("a new path through the woods")
    off.turn_off()
    qtbot.waitUntil(lambda: off.result() == off.DialogCode.Accepted, timeout=10_000)
    assert not host.files.key_file.exists() and database_kind(paths.journal) == "plain"
    assert host.key is None and not settings.lock_check.isChecked()
    assert window.state.journal is not None and len(window.state.journal.entries()) == 3


def test_a_lock_dialog_cancelled_leaves_settings_as_they_were(
    qtbot: QtBot, _private_home: Path
) -> None:
    window = make_window(qtbot)
    window.show_screen("settings")
    settings = window.settings_view
    assert settings is not None
    settings.lock_check.click()
    dialog = window.findChild(TurnOnLockDialog)
    assert isinstance(dialog, TurnOnLockDialog)
    dialog.reject()
    assert not settings.lock_check.isChecked()
    assert window.state.journal is not None


def test_damage_found_by_the_background_check_offers_the_repair(
    qtbot: QtBot, _private_home: Path
) -> None:
    files = locked_journal()
    size = files.journal.stat().st_size
    with files.journal.open("r+b") as handle:  # the last page, which opening never reads
        handle.seek(size - 4096 + 100)
        handle.write(b"\xff" * 512)
    window = make_window(qtbot)
    unlock(qtbot, window)
    host = window.journal_host
    assert host is not None
    qtbot.waitUntil(lambda: host.repair_bar is not None, timeout=10_000)
    assert window.state.journal is None and host.unavailable


def test_with_a_plan_today_comes_after_unlocking_and_its_report_warns(
    qtbot: QtBot, _private_home: Path
) -> None:
    from desktop_app.storage.plans import PlanStore
    from tests.ui.test_main_window import PLAN

    locked_journal()
    write(_private_home / "data" / "practices", "short.yaml", SHORT)
    PlanStore(default_paths().plans).import_plan(PLAN.encode())
    window = make_window(qtbot)
    assert window.today_view is None  # Today shows what was done: not before unlocking
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.state.journal is not None)
    assert window.today_view is not None and window.screens.currentWidget() is window.today_view
    report = window.report_plan("weeks")
    assert report is not None and report.protection is not None
    report.reject()
