"""The journal lock in the window: the unlock screen, turning the lock on (with the
recovery key shown once), changing the passphrase and turning the lock off, each on a
real journal in tmp_path, typed at with the keyboard. Argon2id runs at the cheapest
cost the key file accepts (`FAST`), so each unlock takes milliseconds."""

from __future__ import annotations

import re
import shutil
import stat
import subprocess
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.storage.journal import Journal
from desktop_app.storage.journal_files import JournalFiles
from desktop_app.storage.lock.data_key import DataKey
from desktop_app.ui.lock_dialogs import (
    ChangePassphraseDialog,
    LockDialog,
    TurnOffLockDialog,
    TurnOnLockDialog,
)
from desktop_app.ui.unlock_view import UnlockView
from tests.storage.lock.journals import FAST, make_journal

PASSPHRASE = "a quiet walk by the river"
KEY_PATTERN = re.compile(r"^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$")
ShownWidget = TypeVar("ShownWidget", bound=QWidget)


def plain_files(tmp_path: Path) -> JournalFiles:
    files = JournalFiles(tmp_path / "data" / "journal.sqlite3", tmp_path / "data" / "backups")
    files.journal.parent.mkdir(mode=0o700)
    make_journal(files.journal, sessions=3)
    return files


def locked_files(tmp_path: Path) -> tuple[JournalFiles, str]:
    files = plain_files(tmp_path)
    recovery = files.turn_on(PASSPHRASE, FAST).recovery_key
    return files, recovery.text


def count_with(files: JournalFiles, key: DataKey | None) -> int:
    journal = Journal.open(files.journal, key)
    try:
        return len(journal.entries())
    finally:
        journal.close()


def on_screen(qtbot: QtBot, widget: ShownWidget) -> ShownWidget:
    qtbot.addWidget(widget)
    widget.show()
    return widget


def unlock_screen(qtbot: QtBot, files: JournalFiles) -> UnlockView:
    return on_screen(qtbot, UnlockView(files))


def conversion_events(dialog: LockDialog) -> list[object]:
    """What the dialog asks of the window, in order: "release", then the key to reopen with."""
    events: list[object] = []
    dialog.release_journal.connect(lambda: events.append("release"))
    dialog.reopen_journal.connect(events.append)
    return events


def wait_for_problem(qtbot: QtBot, dialog: ChangePassphraseDialog | TurnOffLockDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.runner.busy and bool(dialog.problem.text()))


def words_on(page: QWidget) -> str:
    return " ".join(label.text() for label in page.findChildren(QLabel))


def type_and_enter(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def every_control_named(widget: QWidget) -> None:
    for control in widget.findChildren(QAbstractButton) + widget.findChildren(QLineEdit):
        assert control.accessibleName(), control


# --- the unlock screen ----------------------------------------------------------------


def test_a_wrong_passphrase_is_said_gently_then_the_right_one_unlocks(
    qtbot: QtBot, tmp_path: Path
) -> None:
    files, _ = locked_files(tmp_path)
    view = unlock_screen(qtbot, files)
    every_control_named(view)
    unlocked: list[object] = []
    view.unlocked.connect(unlocked.append)

    type_and_enter(qtbot, view.field, "not my passphrase")
    qtbot.waitUntil(lambda: view.problem.isVisible() and not view.runner.busy)
    assert "does not open your journal" in view.problem.text()
    assert "Traceback" not in view.problem.text()
    assert view.field.hasFocus() and view.field.selectedText() == "not my passphrase"
    assert not unlocked

    view.field.clear()
    type_and_enter(qtbot, view.field, PASSPHRASE)
    assert view.unlock_button.text() == "Unlocking…"  # said while the key is derived
    qtbot.waitUntil(lambda: bool(unlocked))
    [key] = unlocked
    assert isinstance(key, DataKey)
    assert view.field.text() == ""  # not kept on the page
    assert count_with(files, key) == 3


def test_the_recovery_key_unlocks_as_typed_from_paper(qtbot: QtBot, tmp_path: Path) -> None:
    files, recovery = locked_files(tmp_path)
    view = unlock_screen(qtbot, files)
    unlocked: list[object] = []
    view.unlocked.connect(unlocked.append)
    qtbot.mouseClick(view.switch_button, Qt.MouseButton.LeftButton)
    assert view.field.accessibleName() == "Recovery key"
    assert view.field.echoMode() == QLineEdit.EchoMode.Normal

    type_and_enter(qtbot, view.field, "0000-" + recovery[5:])  # one group wrong
    qtbot.waitUntil(lambda: view.problem.isVisible() and not view.runner.busy)
    assert view.problem.text()

    view.field.clear()
    type_and_enter(qtbot, view.field, recovery.replace("-", " ").lower())
    qtbot.waitUntil(lambda: bool(unlocked))
    assert count_with(files, unlocked[0]) == 3  # type: ignore[arg-type]


def test_an_empty_field_asks_for_the_passphrase(qtbot: QtBot, tmp_path: Path) -> None:
    files, _ = locked_files(tmp_path)
    view = unlock_screen(qtbot, files)
    qtbot.keyClick(view.field, Qt.Key.Key_Return)
    assert view.problem.isVisible()
    assert view.problem.text() == "Type your passphrase first."
    assert not view.runner.busy


def test_grounding_and_the_practices_are_there_without_unlocking(
    qtbot: QtBot, tmp_path: Path
) -> None:
    files, _ = locked_files(tmp_path)
    view = unlock_screen(qtbot, files)
    view.ground_button.setFocus()
    qtbot.keyClick(view.ground_button, Qt.Key.Key_Space)
    assert view.pages.currentWidget() is view.grounding
    assert view.grounding.resume_button.text() == "Back"
    assert not view.grounding.end_button.isVisible()
    qtbot.keyClick(view.grounding.resume_button, Qt.Key.Key_Space)
    assert view.pages.currentWidget() is view.unlock_page
    with qtbot.waitSignal(view.continue_without_journal, timeout=1000):
        view.continue_button.click()


def test_crisis_numbers_show_only_when_a_safety_plan_gives_them(
    qtbot: QtBot, tmp_path: Path
) -> None:
    files, _ = locked_files(tmp_path)
    view = unlock_screen(qtbot, files)
    assert view.crisis_labels == []
    view.set_crisis_contacts([("My therapist", "020 555 0100")])
    assert [label.text() for label in view.crisis_labels] == [
        "If you need support: My therapist — 020 555 0100"
    ]
    assert view.grounding.support_labels  # on the grounding page too
    view.set_crisis_contacts([])
    assert view.crisis_labels == []


# --- turning the lock on --------------------------------------------------------------


def test_turning_the_lock_on_shows_the_recovery_key_once(qtbot: QtBot, tmp_path: Path) -> None:
    files = plain_files(tmp_path)
    dialog = on_screen(qtbot, TurnOnLockDialog(files, FAST))
    every_control_named(dialog)
    warnings = words_on(dialog.choose_page)
    assert "forget both the passphrase and the recovery key" in warnings
    events = conversion_events(dialog)

    type_and_enter(qtbot, dialog.fields.first, "")
    assert dialog.focusWidget() is dialog.fields.again  # Enter moves on to the next field
    qtbot.keyClick(dialog.fields.again, Qt.Key.Key_Return)
    assert dialog.problem.text() == "Choose a passphrase."
    qtbot.keyClicks(dialog.fields.first, "short")
    assert "Too short" in dialog.fields.strength.text()
    qtbot.keyClick(dialog.fields.again, Qt.Key.Key_Return)
    assert dialog.problem.text() == "A passphrase needs at least 8 characters."
    dialog.fields.first.clear()
    qtbot.keyClicks(dialog.fields.first, PASSPHRASE)
    assert dialog.fields.strength.text() == "Strong."
    type_and_enter(qtbot, dialog.fields.again, PASSPHRASE + "!")
    assert dialog.problem.text() == "The two passphrases are not the same yet."
    assert files.lock_state() == "off" and not events

    dialog.fields.again.clear()
    type_and_enter(qtbot, dialog.fields.again, PASSPHRASE)
    assert events == ["release"]  # the journal is closed before it is converted
    assert dialog.pages.currentWidget() is dialog.waiting_page
    assert "Locking your journal" in dialog.waiting.text()
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.key_page, timeout=20_000)

    assert files.lock_state() == "on"
    key = events[1]
    assert isinstance(key, DataKey)
    assert count_with(files, key) == 3
    page = dialog.key_page
    shown = page.key_label.text()
    assert KEY_PATTERN.match(shown)
    assert not page.close_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the key must be seen: Escape does not close
    assert dialog.isVisible()
    page.written_check.setFocus()
    qtbot.keyClick(page.written_check, Qt.Key.Key_Space)
    assert page.close_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(page.close_button, Qt.Key.Key_Space)
    assert page.key_label.text() == ""  # not kept once closed

    from desktop_app.storage.journal_files import TypedRecoveryKey

    assert files.unlock(TypedRecoveryKey(shown)) == key


def test_the_recovery_key_is_saved_privately_and_not_beside_the_journal(
    qtbot: QtBot, tmp_path: Path
) -> None:
    files = plain_files(tmp_path)
    dialog = TurnOnLockDialog(files, FAST)
    qtbot.addWidget(dialog)
    page = dialog.key_page
    page.show_key("ZJ3Y-8TPH-QRCM-XCHV-MPC6-9NGJ-Q53P-YZZ0")

    beside = files.journal.parent / "key.txt"
    assert not page.save_to(beside)
    assert not beside.exists()
    assert "Not beside the journal" in page.status.text()

    elsewhere = tmp_path / "safe" / "attune-recovery-key.txt"
    elsewhere.parent.mkdir()
    assert page.save_to(elsewhere)
    text = elsewhere.read_text(encoding="utf-8")
    assert "ZJ3Y-8TPH-QRCM-XCHV-MPC6-9NGJ-Q53P-YZZ0" in text
    assert "somewhere safe" in text
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o600

    page.copy()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == "ZJ3Y-8TPH-QRCM-XCHV-MPC6-9NGJ-Q53P-YZZ0"
    QGuiApplication.clipboard().clear()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_the_recovery_key_prints(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    files = plain_files(tmp_path)
    dialog = TurnOnLockDialog(files, FAST)
    qtbot.addWidget(dialog)
    dialog.key_page.show_key("ZJ3Y-8TPH-QRCM-XCHV-MPC6-9NGJ-Q53P-YZZ0")
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.key_page.print_to(printer)
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "printed.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "ZJ3Y-8TPH-QRCM-XCHV-MPC6-9NGJ-Q53P-YZZ0" in text


# --- changing the passphrase ----------------------------------------------------------


def test_changing_the_passphrase_wrong_then_right(qtbot: QtBot, tmp_path: Path) -> None:
    files, _ = locked_files(tmp_path)
    dialog = on_screen(qtbot, ChangePassphraseDialog(files, FAST))
    every_control_named(dialog)
    qtbot.keyClicks(dialog.current.field, "not it at all")
    qtbot.keyClicks(dialog.fields.first, "a new and longer one")
    type_and_enter(qtbot, dialog.fields.again, "a new and longer one")
    wait_for_problem(qtbot, dialog)
    assert "does not open your journal" in dialog.problem.text()
    assert dialog.pages.currentWidget() is dialog.form

    dialog.current.field.clear()
    qtbot.keyClicks(dialog.current.field, PASSPHRASE)
    qtbot.keyClick(dialog.fields.again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.done_page)
    from desktop_app.storage.journal_files import Passphrase

    assert count_with(files, files.unlock(Passphrase("a new and longer one"))) == 3


def test_changing_the_passphrase_with_the_recovery_key(qtbot: QtBot, tmp_path: Path) -> None:
    files, recovery = locked_files(tmp_path)
    dialog = on_screen(qtbot, ChangePassphraseDialog(files, FAST))
    dialog.current.by_recovery_key.click()
    assert dialog.current.field.accessibleName() == "Recovery key"
    qtbot.keyClicks(dialog.current.field, recovery)
    qtbot.keyClicks(dialog.fields.first, "forgot the old one, fine")
    type_and_enter(qtbot, dialog.fields.again, "forgot the old one, fine")
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.done_page)
    from desktop_app.storage.journal_files import Passphrase

    files.unlock(Passphrase("forgot the old one, fine"))


# --- turning the lock off -------------------------------------------------------------


def test_turning_the_lock_off_asks_for_the_passphrase_then_converts(
    qtbot: QtBot, tmp_path: Path
) -> None:
    files, _ = locked_files(tmp_path)
    dialog = on_screen(qtbot, TurnOffLockDialog(files))
    every_control_named(dialog)
    texts = words_on(dialog.form)
    assert "unencrypted" in texts
    events = conversion_events(dialog)

    type_and_enter(qtbot, dialog.current.field, "wrong")
    wait_for_problem(qtbot, dialog)
    assert "does not open your journal" in dialog.problem.text()
    assert events == [] and files.lock_state() == "on"  # nothing closed, nothing written

    dialog.current.field.clear()
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        type_and_enter(qtbot, dialog.current.field, PASSPHRASE)
    assert events == ["release", None]
    assert files.lock_state() == "off"
    assert not files.key_file.exists()
    assert count_with(files, None) == 3


def test_a_damaged_journal_is_not_locked_and_is_given_back_as_it_was(
    qtbot: QtBot, tmp_path: Path
) -> None:
    files = plain_files(tmp_path)
    with files.journal.open("r+b") as journal:  # a page in the middle turned to noise
        journal.seek(4096 * 2)
        journal.write(b"\xa5" * 4096)
    before = files.journal.read_bytes()
    dialog = on_screen(qtbot, TurnOnLockDialog(files, FAST))
    reopened: list[object] = []
    dialog.reopen_journal.connect(reopened.append)
    dialog.fields.first.setText(PASSPHRASE)
    type_and_enter(qtbot, dialog.fields.again, PASSPHRASE)
    qtbot.waitUntil(lambda: bool(reopened), timeout=20_000)
    assert reopened == [None]
    assert dialog.pages.currentWidget() is dialog.choose_page
    assert dialog.problem.text().startswith("Your journal was not locked:")
    assert "It is as it was." in dialog.problem.text()
    assert files.lock_state() == "off" and not files.key_file.exists()
    assert files.journal.read_bytes() == before


def test_the_unlock_screen_s_tab_order_reads_top_to_bottom(qtbot: QtBot, tmp_path: Path) -> None:
    files, _ = locked_files(tmp_path)
    view = unlock_screen(qtbot, files)
    expected = [
        view.field,
        view.unlock_button,
        view.switch_button,
        view.ground_button,
        view.continue_button,
    ]
    order: list[QWidget] = []
    widget: QWidget = view.field
    for _ in range(50):
        if widget in expected and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
    assert order == expected
    assert view.focusProxy() is view.field  # focusing the page focuses the field
