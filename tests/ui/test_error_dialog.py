"""An error nothing caught, raised in a Qt slot or a thread while the window runs: its
traceback is in the log file, and the person sees one calm dialog whose Copy details
puts that traceback on the clipboard. Worker threads' failures are logged too."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.library import Library
from desktop_app.storage import uncaught
from desktop_app.ui.error_dialog import ErrorDialog, ErrorReporter
from desktop_app.ui.library_watcher import LibraryWatcher
from desktop_app.ui.sound_preparer import SoundPreparer

#: The errors here are raised on purpose: pytest-qt must not fail the test for them, and
#: pytest's own thread hook (which ours hands on to) must not either.
no_capture = pytest.mark.qt_no_exception_capture
thread_failures_expected = pytest.mark.filterwarnings(
    "ignore::pytest.PytestUnhandledThreadExceptionWarning"
)


@pytest.fixture
def window(qtbot: QtBot, log: Path) -> Iterator[tuple[QWidget, ErrorReporter]]:
    """A stand-in for the main window, with the reporter the window installs."""
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    reporter = ErrorReporter(log, widget)
    uncaught.install(reporter.tell)
    yield widget, reporter
    if reporter.dialog is not None:
        reporter.dialog.close()


def open_dialogs() -> list[ErrorDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog) and w.isVisible()
    ]


class Failing:
    """A slot that fails, differently each time."""

    def __init__(self) -> None:
        self.times = 0

    def __call__(self) -> None:
        self.times += 1
        raise LookupError(f"nothing found, time {self.times}")


@no_capture
def test_an_error_in_a_slot_is_logged_and_shown_once_with_copyable_details(
    qtbot: QtBot, log: Path, window: tuple[QWidget, ErrorReporter]
) -> None:
    widget, reporter = window
    button = QPushButton("Look it up", widget)
    button.clicked.connect(Failing())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1)

    text = log.read_text(encoding="utf-8")
    assert "CRITICAL desktop_app.storage.uncaught: Uncaught error\nTraceback" in text
    assert "in __call__\n    raise LookupError" in text
    assert "LookupError: nothing found, time 1" in text

    dialog = open_dialogs()[0]
    assert dialog is reporter.dialog and dialog.parent() is widget and dialog.isModal()
    assert dialog.sentence.text() == f"Nothing you wrote is lost; the details are kept in {log}."
    for control in dialog.findChildren(QWidget):
        if isinstance(control, QLabel | QPushButton):
            assert control.accessibleName(), control
    assert dialog.accessibleName() == "Something went wrong"
    assert dialog.copy_button.accessibleName() == "Copy details"
    assert dialog.close_button.accessibleName() == "Close"

    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Traceback (most recent call last):")
    assert copied.rstrip().endswith("LookupError: nothing found, time 1")
    assert dialog.status.text() == "The details are on the clipboard."

    # A second error while the dialog is open joins it: no pile of dialogs.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "time 2" in dialog.details)
    assert open_dialogs() == [dialog]
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "time 1" in copied and "time 2" in copied

    # The keyboard: Tab reaches both buttons, Enter presses Close.
    dialog.activateWindow()
    dialog.close_button.setFocus()
    assert dialog.copy_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert dialog.close_button.isDefault()
    qtbot.keyClick(dialog.close_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    # Once closed, the next error opens a dialog again.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1)
    assert open_dialogs()[0] is not dialog
    qtbot.keyClick(open_dialogs()[0], Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: open_dialogs() == [])


@no_capture
@thread_failures_expected
def test_an_error_in_a_thread_is_shown_on_the_window(
    qtbot: QtBot, log: Path, window: tuple[QWidget, ErrorReporter]
) -> None:
    def work() -> None:
        raise RuntimeError("the thread gave up")

    thread = threading.Thread(target=work, name="attune-example")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1)
    assert "RuntimeError: the thread gave up" in open_dialogs()[0].details
    assert "Uncaught error in thread attune-example\nTraceback" in log.read_text(encoding="utf-8")


def test_without_a_log_file_the_dialog_says_how_to_get_the_details(qtbot: QtBot) -> None:
    dialog = ErrorDialog("Traceback (most recent call last):\nValueError: x\n", None)
    qtbot.addWidget(dialog)
    assert dialog.sentence.text() == (
        "Nothing you wrote is lost; Copy details gives you what happened."
    )


# --- worker threads keep the message for the person and log the traceback ------------


def test_a_sound_preparation_that_fails_is_logged_with_its_traceback(
    qtbot: QtBot, log: Path
) -> None:
    preparer = SoundPreparer()

    def prepare(progress: object) -> object:
        raise OSError("the sample could not be read")

    with qtbot.waitSignal(preparer.failed) as failed:
        preparer.prepare(prepare)  # type: ignore[arg-type]
    preparer.wait()
    assert failed.args == ["the sample could not be read"]  # what the person sees, as before
    text = log.read_text(encoding="utf-8")
    assert "ERROR desktop_app.ui.sound_preparer: Getting a practice's sound ready failed\n" in text
    assert "in prepare\n    raise OSError" in text
    assert "OSError: the sample could not be read" in text


def test_a_library_scan_that_fails_is_logged_with_its_traceback(
    qtbot: QtBot, log: Path, tmp_path: Path
) -> None:
    def scan() -> Library:
        raise RuntimeError("the scan broke")

    watcher = LibraryWatcher([tmp_path], scan, debounce_ms=0)
    try:
        with qtbot.waitSignal(watcher.scan_failed) as failed:
            watcher.rescan()
    finally:
        watcher.stop()
    assert failed.args == ["the scan broke"]
    text = log.read_text(encoding="utf-8")
    assert (
        "ERROR desktop_app.ui.library_watcher: Scanning the library after a change failed" in text
    )
    assert "in scan\n    raise RuntimeError" in text
